"""Plain records the DMU engine reads and returns.

No networkx and no database here: the services fill these from a plan, tests build
them by hand, and the GUI can import them at start-up without paying for the graph
libraries, which load only when an analysis or a layout runs.

Scales are carried as the vocabularies' ``value`` (attitude -2..+2, influence 1..3,
coverage -1..3) and roles as their stable ``key``, so a team that renames a label
changes nothing here.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

# Role keys the analysis relies on (see domain/vocabularies.py).
ECONOMIC_BUYER = "economic_buyer"
CHAMPION = "champion"

# Line kinds (domain/vocabularies.LINE_KINDS).
REPORTS_TO = "reports_to"
INFLUENCES = "influences"
CONFLICTS_WITH = "conflicts_with"
LINE_KINDS: tuple[str, ...] = (REPORTS_TO, INFLUENCES, CONFLICTS_WITH)

# The DMU map's views; a hand-set NodePosition belongs to one of them.
ORG_CHART = "org_chart"
INFLUENCE_MAP = "influence"
VIEWS: tuple[str, ...] = (ORG_CHART, INFLUENCE_MAP)

# Scale values the rules compare against.
HIGH_INFLUENCE = 3
NEUTRAL = 0
SUPPORTER = 1
COVERAGE_NONE = 0
COVERAGE_MULTIPLE = 2
DEFAULT_STRENGTH = 2

# Traffic-light status of an account's DMU.
RED = "red"
AMBER = "amber"
GREEN = "green"

Position = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Person:
    """A stakeholder as the analysis sees them; ``None`` means "not recorded"."""

    id: uuid.UUID
    name: str
    title: str = ""
    roles: frozenset[str] = frozenset()
    attitude: int | None = None
    influence: int | None = None
    inner_circle: bool = False
    coverage: int | None = None
    sales_owner_id: uuid.UUID | None = None
    marketing_owner_id: uuid.UUID | None = None
    last_touched: date | None = None

    @property
    def has_owner(self) -> bool:
        return self.sales_owner_id is not None or self.marketing_owner_id is not None

    @property
    def is_key_player(self) -> bool:
        """High influence or inner circle: the few people whose view carries the decision."""
        return self.inner_circle or (self.influence or 0) >= HIGH_INFLUENCE

    @property
    def is_supporter(self) -> bool:
        """A supporter or mentor, or whoever holds the champion role."""
        return (self.attitude or 0) >= SUPPORTER or CHAMPION in self.roles


@dataclass(frozen=True, slots=True)
class Line:
    """Reports-to (``source`` reports to ``target``; maybe dotted), influences
    (``source`` influences ``target`` with a strength 1..3) or conflicts-with (no direction).
    """

    source_id: uuid.UUID
    target_id: uuid.UUID
    kind: str
    dotted: bool = False
    strength: int = DEFAULT_STRENGTH


@dataclass(frozen=True, slots=True)
class Owner:
    """One of our team members, as owner of stakeholders."""

    id: uuid.UUID
    name: str
    function: str = "sales"


@dataclass(frozen=True)
class AccountDMU:
    """One account's decision-making unit: people, lines, owners, hand-set positions.

    ``positions`` maps a view (``VIEWS``) to ``{stakeholder_id: (x, y)}`` set by hand.
    The orderings below are computed once per DMU (it is immutable) and shared by the
    graph builders, so an analysis sorts a big account once, not once per graph.
    """

    account_id: uuid.UUID
    account: str
    people: tuple[Person, ...] = ()
    lines: tuple[Line, ...] = ()
    team: Mapping[uuid.UUID, Owner] = field(default_factory=dict)
    positions: Mapping[str, Mapping[uuid.UUID, Position]] = field(default_factory=dict)

    @cached_property
    def ordered_people(self) -> tuple[Person, ...]:
        """People in ``person_key`` order."""
        return tuple(sorted(self.people, key=person_key))

    @cached_property
    def ordered_lines(self) -> tuple[Line, ...]:
        """Lines between two different people of this DMU, ordered by their ends' keys.

        Lines to someone outside the DMU, and from a person to themself, cannot come
        from a plan file; they are left out so hand-made data cannot break anything.
        """
        rank = {p.id: i for i, p in enumerate(self.ordered_people)}
        valid = [
            line
            for line in self.lines
            if line.source_id in rank
            and line.target_id in rank
            and line.source_id != line.target_id
        ]
        valid.sort(key=lambda line: (rank[line.source_id], rank[line.target_id], line.kind))
        return tuple(valid)

    @cached_property
    def _by_id(self) -> Mapping[uuid.UUID, Person]:
        return {person.id: person for person in self.people}

    def person(self, person_id: uuid.UUID) -> Person:
        return self._by_id[person_id]

    def by_id(self) -> dict[uuid.UUID, Person]:
        """Id -> person (a fresh dict the caller may change)."""
        return dict(self._by_id)

    def owner_names(self, person: Person) -> tuple[str, ...]:
        """The names of the person's owners on our side (sales first)."""
        ids = (person.sales_owner_id, person.marketing_owner_id)
        return tuple(self.team[i].name for i in ids if i is not None and i in self.team)


def person_key(person: Person) -> tuple[str, str, str]:
    """The order people are listed and graphs are built in: by name, then id."""
    return (person.name.casefold(), person.name, str(person.id))


@dataclass(frozen=True, slots=True)
class Finding:
    """One gap in a DMU: a stable ``code``, a sentence for people, whom it concerns."""

    code: str
    message: str
    stakeholder_ids: tuple[uuid.UUID, ...] = ()
    stakeholders: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RankedPerson:
    """A place in the influence ranking; scores of one account sum to 1."""

    id: uuid.UUID
    name: str
    score: float


@dataclass(frozen=True, slots=True)
class AccountAnalysis:
    """Everything the analysis says about one account.

    ``reasons`` are the messages of the findings that decided the status (empty when
    green); ``warm_path`` runs from a supporter or champion to the economic buyer, as
    ids and as names, or is ``None`` when there is no such path.
    """

    account_id: uuid.UUID
    account: str
    status: str
    reasons: tuple[str, ...]
    findings: tuple[Finding, ...]
    influence_ranking: tuple[RankedPerson, ...]
    warm_path_ids: tuple[uuid.UUID, ...] | None
    warm_path: tuple[str, ...] | None
