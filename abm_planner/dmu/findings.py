"""The gaps a good account team looks for in a DMU, each as a ``Finding``.

Codes are stable (scripts and the GUI key on them); messages are sentences for
people. Rules, with "key player" meaning high influence or inner circle:

- ``no_economic_buyer``: nobody holds the economic-buyer role.
- ``economic_buyer_uncovered``: an economic buyer nobody on our side owns, or whose
  coverage is None or Unknown (or not recorded). One finding per economic buyer.
- ``no_champion``: nobody holds the champion role.
- ``single_threaded``: fewer than two people with coverage Multiple or better.
- ``uncovered_key_player``: a key player with neither a sales nor a marketing owner.
- ``detractor_key_player``: a key player whose attitude is below neutral.
- ``stale_key_player``: a key player with no touch in the last 90 days, i.e. last
  touched more than 90 days before ``today``. A key player who was never touched
  counts too ("never touched" is the stalest there is), with its own wording.
- ``reports_to_cycle``: reporting lines (solid or dotted) that go round in a circle;
  one finding per strongly connected tangle, naming one cycle through it, found with
  ``networkx.simple_cycles`` and taking only the first cycle, so a dense tangle is
  reported, never enumerated.
- ``isolated``: someone with no line of any kind to anyone, only when the account has
  at least three people (with one or two, nobody has drawn lines yet).

Each code is independent: the economic buyer with no owner is also an uncovered key
player if they are high-influence, and both findings are listed.

Status: red when any of ``RED_CODES`` is found (no economic buyer, an uncovered
economic buyer, a key player against us), amber when anything else is found, green
when nothing is; the reasons are the messages of the findings that decided it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from datetime import date

import networkx as nx

from abm_planner.dmu.graph import connected_people, reports_to_graph
from abm_planner.dmu.records import (
    AMBER,
    CHAMPION,
    COVERAGE_MULTIPLE,
    COVERAGE_NONE,
    ECONOMIC_BUYER,
    GREEN,
    HIGH_INFLUENCE,
    NEUTRAL,
    RED,
    AccountDMU,
    Finding,
    Person,
    person_key,
)

NO_ECONOMIC_BUYER = "no_economic_buyer"
ECONOMIC_BUYER_UNCOVERED = "economic_buyer_uncovered"
NO_CHAMPION = "no_champion"
SINGLE_THREADED = "single_threaded"
UNCOVERED_KEY_PLAYER = "uncovered_key_player"
DETRACTOR_KEY_PLAYER = "detractor_key_player"
STALE_KEY_PLAYER = "stale_key_player"
REPORTS_TO_CYCLE = "reports_to_cycle"
ISOLATED = "isolated"

# Listing order: what turns an account red first.
CODES: tuple[str, ...] = (
    NO_ECONOMIC_BUYER,
    ECONOMIC_BUYER_UNCOVERED,
    DETRACTOR_KEY_PLAYER,
    NO_CHAMPION,
    SINGLE_THREADED,
    UNCOVERED_KEY_PLAYER,
    STALE_KEY_PLAYER,
    REPORTS_TO_CYCLE,
    ISOLATED,
)
RED_CODES = frozenset({NO_ECONOMIC_BUYER, ECONOMIC_BUYER_UNCOVERED, DETRACTOR_KEY_PLAYER})

STALE_AFTER_DAYS = 90
ISOLATED_MIN_PEOPLE = 3

_ATTITUDE_WORDS = {-2: "an enemy", -1: "a non-supporter"}


def _finding(code: str, message: str, people: Iterable[Person] = ()) -> Finding:
    people = tuple(people)
    return Finding(code, message, tuple(p.id for p in people), tuple(p.name for p in people))


def _why_key(person: Person) -> str:
    reasons = []
    if (person.influence or 0) >= HIGH_INFLUENCE:
        reasons.append("high influence")
    if person.inner_circle:
        reasons.append("inner circle")
    return ", ".join(reasons)


def _economic_buyers(people: list[Person]) -> Iterator[Finding]:
    buyers = [p for p in people if ECONOMIC_BUYER in p.roles]
    if not buyers:
        yield _finding(NO_ECONOMIC_BUYER, "Nobody has been identified as the economic buyer.")
    for buyer in buyers:
        unknown = buyer.coverage is None or buyer.coverage < COVERAGE_NONE
        no_contact = unknown or buyer.coverage == COVERAGE_NONE
        contact = (
            "our contact with them is unknown" if unknown else "we have had no contact with them"
        )
        if not buyer.has_owner and no_contact:
            why = f"nobody on our side owns the relationship and {contact}"
        elif not buyer.has_owner:
            why = "nobody on our side owns the relationship"
        elif no_contact:
            why = contact if unknown else f"{contact} yet"
        else:
            continue
        message = f"{buyer.name} is the economic buyer, but {why}."
        yield _finding(ECONOMIC_BUYER_UNCOVERED, message, [buyer])


def _champion(people: list[Person]) -> Iterator[Finding]:
    if not any(CHAMPION in p.roles for p in people):
        yield _finding(
            NO_CHAMPION, "Nobody holds the champion role, so nobody inside is selling for us."
        )


def _threads(people: list[Person]) -> Iterator[Finding]:
    deep = [p for p in people if p.coverage is not None and p.coverage >= COVERAGE_MULTIPLE]
    if len(deep) == 1:
        message = (
            f"Single-threaded: only {deep[0].name} has coverage of Multiple or better; "
            "if they leave or go quiet, we lose the account."
        )
        yield _finding(SINGLE_THREADED, message, deep)
    elif not deep:
        message = "Single-threaded at best: nobody has coverage of Multiple or better."
        yield _finding(SINGLE_THREADED, message)


def _key_players(people: list[Person], today: date) -> Iterator[Finding]:
    key_players = [p for p in people if p.is_key_player]
    for person in key_players:
        if not person.has_owner:
            message = (
                f"{person.name} is a key player ({_why_key(person)}) with no owner on our side."
            )
            yield _finding(UNCOVERED_KEY_PLAYER, message, [person])
    for person in key_players:
        if person.attitude is not None and person.attitude < NEUTRAL:
            word = _ATTITUDE_WORDS.get(person.attitude, "against us")
            message = f"{person.name} is a key player ({_why_key(person)}) and {word}."
            yield _finding(DETRACTOR_KEY_PLAYER, message, [person])
    for person in key_players:
        if person.last_touched is None:
            message = (
                f"Nobody on our side has ever touched {person.name}, "
                f"a key player ({_why_key(person)})."
            )
        elif (days := (today - person.last_touched).days) > STALE_AFTER_DAYS:
            message = (
                f"Nobody has touched {person.name}, a key player ({_why_key(person)}), "
                f"in {days} days."
            )
        else:
            continue
        yield _finding(STALE_KEY_PLAYER, message, [person])


def _cycles(dmu: AccountDMU) -> Iterator[Finding]:
    graph = reports_to_graph(dmu)
    tangles = [c for c in nx.strongly_connected_components(graph) if len(c) > 1]
    found = []
    for tangle in tangles:
        first = next(itertools.islice(nx.simple_cycles(graph.subgraph(tangle)), 1), None)
        if first is None:  # pragma: no cover - a strongly connected tangle has a cycle
            continue
        cycle = [dmu.person(i) for i in first]
        start = min(range(len(cycle)), key=lambda i: person_key(cycle[i]))
        found.append(cycle[start:] + cycle[:start])
    for cycle in sorted(found, key=lambda c: person_key(c[0])):
        hops = ", who reports to ".join(p.name for p in [*cycle, cycle[0]])
        message = f"The reporting lines go round in a circle: {hops}."
        yield _finding(REPORTS_TO_CYCLE, message, cycle)


def _isolated(dmu: AccountDMU, people: list[Person]) -> Iterator[Finding]:
    if len(people) < ISOLATED_MIN_PEOPLE:
        return
    connected = connected_people(dmu)
    for person in people:
        if person.id not in connected:
            message = f"{person.name} has no line to anyone: no manager, influence or conflict."
            yield _finding(ISOLATED, message, [person])


def find_gaps(dmu: AccountDMU, today: date) -> list[Finding]:
    """Every finding for one account, red ones first, then by code and by person."""
    people = list(dmu.ordered_people)
    findings = [
        *_economic_buyers(people),
        *_champion(people),
        *_threads(people),
        *_key_players(people, today),
        *_cycles(dmu),
        *_isolated(dmu, people),
    ]
    order = {code: i for i, code in enumerate(CODES)}
    # sorted() is stable: within a code, findings keep the people's order.
    return sorted(findings, key=lambda f: order[f.code])


def status_of(findings: Iterable[Finding]) -> tuple[str, tuple[str, ...]]:
    """Red, amber or green, with the messages of the findings that decided it."""
    findings = list(findings)
    red = tuple(f.message for f in findings if f.code in RED_CODES)
    if red:
        return RED, red
    if findings:
        return AMBER, tuple(f.message for f in findings)
    return GREEN, ()


__all__ = ["CODES", "RED_CODES", "Finding", "find_gaps", "status_of"]
