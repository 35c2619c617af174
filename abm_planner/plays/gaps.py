"""Too little: key players and DMU findings that no play addresses, and short touch counts.

A play *works on* a person while it is planned or running (or has no status) and
has not ended before today; done and cancelled plays, and plays whose end date has
passed, no longer count.

- ``key_player_without_play``: a key player (high influence or inner circle) whom no
  play works on. DMU findings about that person (no owner, against us, untouched
  for 90 days) are folded into this one gap, as ``findings``.
- ``finding_without_play``: a DMU finding a play could fix, but none does.
  ``REMEDIES`` says, per finding code, which roles and play types a fitting play
  targets, and whether it must aim at the finding's people or only exist on the
  account. Findings about the data itself (a reporting cycle, someone with no
  line) are for the DMU map, not for plays, and are never gaps here.
- ``below_touch_threshold``: before the handoff, a key player with fewer touches than
  the threshold that makes a viable lead.

Every play gap carries suggestions from the library (``plays.suggestions``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date

from abm_planner.plays.records import (
    AccountPlays,
    FindingRef,
    Id,
    Notice,
    PlayPerson,
    PlayRecord,
    Suggestion,
    TemplateRecord,
    TouchTally,
)
from abm_planner.plays.suggestions import suggest_templates

KEY_PLAYER_WITHOUT_PLAY = "key_player_without_play"
FINDING_WITHOUT_PLAY = "finding_without_play"
BELOW_TOUCH_THRESHOLD = "below_touch_threshold"

# Finding codes of the DMU engine (dmu/findings.py); plays never import it.
NO_ECONOMIC_BUYER = "no_economic_buyer"
ECONOMIC_BUYER_UNCOVERED = "economic_buyer_uncovered"
NO_CHAMPION = "no_champion"
SINGLE_THREADED = "single_threaded"
UNCOVERED_KEY_PLAYER = "uncovered_key_player"
DETRACTOR_KEY_PLAYER = "detractor_key_player"
STALE_KEY_PLAYER = "stale_key_player"

ENGAGEMENT = "engagement"
ACCELERATION = "acceleration"
ECONOMIC_BUYER = "economic_buyer"
CHAMPION = "champion"
BLOCKER = "blocker"

# A play aimed at this many people or more widens the threads by itself.
MANY_TARGETS = 3


@dataclass(frozen=True, slots=True)
class Remedy:
    """What a play that fixes a finding looks like.

    ``per_person``: it must target the finding's people (their own roles are wanted
    too); otherwise any play on the account whose template targets one of ``roles``
    (or, with no roles, is of one of ``play_types``) fixes it.
    """

    roles: frozenset[str] = frozenset()
    play_types: frozenset[str] = frozenset()
    per_person: bool = False


def _remedy(roles: tuple[str, ...], types: tuple[str, ...], *, per_person: bool) -> Remedy:
    return Remedy(frozenset(roles), frozenset(types), per_person)


REMEDIES: Mapping[str, Remedy] = {
    NO_ECONOMIC_BUYER: _remedy((ECONOMIC_BUYER,), (ENGAGEMENT, ACCELERATION), per_person=False),
    ECONOMIC_BUYER_UNCOVERED: _remedy(
        (ECONOMIC_BUYER,), (ENGAGEMENT, ACCELERATION), per_person=True
    ),
    NO_CHAMPION: _remedy((CHAMPION,), (ENGAGEMENT, ACCELERATION), per_person=False),
    SINGLE_THREADED: _remedy((), (ENGAGEMENT,), per_person=False),
    UNCOVERED_KEY_PLAYER: _remedy((), (ENGAGEMENT,), per_person=True),
    DETRACTOR_KEY_PLAYER: _remedy((BLOCKER,), (ACCELERATION,), per_person=True),
    STALE_KEY_PLAYER: _remedy((), (ENGAGEMENT,), per_person=True),
}
KEY_PLAYER_REMEDY = _remedy((), (ENGAGEMENT,), per_person=True)


@dataclass(frozen=True, slots=True)
class _Context:
    data: AccountPlays
    people: Mapping[Id, PlayPerson]
    underway: tuple[PlayRecord, ...]
    worked_on: frozenset[Id]
    templates: Mapping[Id, TemplateRecord]


def _context(data: AccountPlays, today: date) -> _Context:
    underway = tuple(p for p in data.plays if p.underway_on(today))
    worked_on = frozenset(person for play in underway for person in play.target_ids)
    return _Context(
        data,
        {p.id: p for p in data.people},
        underway,
        worked_on,
        {t.id: t for t in data.templates},
    )


def _suggest(
    ctx: _Context, people: tuple[PlayPerson, ...], remedies: list[Remedy]
) -> tuple[Suggestion, ...]:
    """Templates for the remedies' roles (and, for plays aimed at people, theirs).

    A template the account already runs points at that play (the earliest-ending
    one), so the people can join it instead of getting a second copy.
    """
    roles: frozenset[str] = frozenset().union(*(r.roles for r in remedies))
    if any(r.per_person for r in remedies):
        roles |= frozenset().union(*(p.roles for p in people))
    types: frozenset[str] = frozenset().union(*(r.play_types for r in remedies))
    found = suggest_templates(
        ctx.templates.values(), stage=ctx.data.stage, roles=roles, play_types=types
    )
    running: dict[Id, PlayRecord] = {}
    for play in sorted(ctx.underway, key=lambda p: p.last_day or date.max):
        if play.template_id is not None:
            running.setdefault(play.template_id, play)
    return tuple(
        replace(s, play_id=running[s.template_id].id) if s.template_id in running else s
        for s in found
    )


def _addressed(ctx: _Context, finding: FindingRef, remedy: Remedy) -> bool:
    if remedy.per_person:
        return bool(finding.stakeholder_ids) and all(
            person in ctx.worked_on for person in finding.stakeholder_ids
        )
    for play in ctx.underway:
        template = ctx.templates.get(play.template_id) if play.template_id is not None else None
        if remedy.roles:
            if template is not None and template.target_roles & remedy.roles:
                return True
        elif (template is not None and template.play_type in remedy.play_types) or len(
            set(play.target_ids)
        ) >= MANY_TARGETS:
            return True
    return False


def play_gaps(data: AccountPlays, today: date) -> list[Notice]:
    """Key players and findings no play works on, key players first (in people order)."""
    ctx = _context(data, today)
    lonely = [p for p in data.people if p.key_player and p.id not in ctx.worked_on]
    lonely_ids = {p.id for p in lonely}
    folded: dict[Id, list[FindingRef]] = {p.id: [] for p in lonely}
    open_findings: list[tuple[FindingRef, Remedy]] = []
    for finding in data.findings:
        remedy = REMEDIES.get(finding.code)
        if remedy is None or _addressed(ctx, finding, remedy):
            continue
        people = finding.stakeholder_ids
        if remedy.per_person and people and all(person in lonely_ids for person in people):
            for person in people:
                folded[person].append(finding)
            continue
        open_findings.append((finding, remedy))
    return [*_key_player_gaps(ctx, lonely, folded), *_finding_gaps(ctx, open_findings)]


def _key_player_gaps(
    ctx: _Context, lonely: list[PlayPerson], folded: Mapping[Id, list[FindingRef]]
) -> Iterator[Notice]:
    for person in lonely:
        findings = folded[person.id]
        remedies = [KEY_PLAYER_REMEDY, *(REMEDIES[f.code] for f in findings)]
        why = f" ({person.why_key})" if person.why_key else ""
        message = f"{person.name}, a key player{why}, is in no planned or running play."
        yield Notice(
            KEY_PLAYER_WITHOUT_PLAY,
            message,
            (person.id,),
            (person.name,),
            {"findings": [f.code for f in findings]},
            _suggest(ctx, (person,), remedies),
        )


def _finding_gaps(ctx: _Context, findings: list[tuple[FindingRef, Remedy]]) -> Iterator[Notice]:
    for finding, remedy in findings:
        people = tuple(ctx.people[i] for i in finding.stakeholder_ids if i in ctx.people)
        if remedy.per_person:
            people = tuple(p for p in people if p.id not in ctx.worked_on)
        message = f"No planned or running play addresses this: {finding.message}"
        yield Notice(
            FINDING_WITHOUT_PLAY,
            message,
            tuple(p.id for p in people),
            tuple(p.name for p in people),
            {"finding": finding.code},
            _suggest(ctx, people, [remedy]),
        )


def threshold_gaps(data: AccountPlays, tallies: Mapping[Id, TouchTally]) -> list[Notice]:
    """Key players short of the touch threshold, while the account is before the handoff."""
    if not data.before_handoff() or data.touch_threshold < 1:
        return []
    gaps = []
    for person in data.people:
        tally = tallies.get(person.id)
        if not person.key_player or tally is None or tally.reached:
            continue
        message = (
            f"{person.name}, a key player, has {tally.total} of the {tally.threshold} "
            "touches that make a viable lead."
        )
        gaps.append(
            Notice(
                BELOW_TOUCH_THRESHOLD,
                message,
                (person.id,),
                (person.name,),
                {"touches": tally.total, "threshold": tally.threshold},
            )
        )
    return gaps
