"""Plain records the play checks read and return.

Ids are whatever the caller uses (UUIDs from a plan, small ints in tests); they are
only compared and hashed. Vocabulary values arrive as their stable ``key`` (play
status ``cancelled``, role ``economic_buyer``, stage ``mqa``), so a team that renames
a label changes nothing here.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

# Play status keys (domain/vocabularies.PLAY_STATUS).
PLANNED = "planned"
RUNNING = "running"
DONE = "done"
CANCELLED = "cancelled"
# A play without a status is treated as planned: someone intends to run it.
UNDERWAY = frozenset({PLANNED, RUNNING, None})

# Lead functions (domain/vocabularies.LEAD_FUNCTIONS) and touch functions.
MARKETING = "marketing"
SALES = "sales"
JOINT = "joint"

Id = Hashable


class Booking(NamedTuple):
    """One play aimed at one person over whole ISO weeks (``plays.weeks`` numbers).

    A tuple, not a dataclass: the portfolio clash check builds hundreds of thousands.
    """

    stakeholder_id: Id
    assignment_id: Id
    first_week: int
    last_week: int


class PlayRecord(NamedTuple):
    """A play assignment as the checks see it (a tuple: a portfolio loads 200,000)."""

    id: Id
    name: str
    status: str | None = PLANNED
    start_on: date | None = None
    end_on: date | None = None
    target_ids: tuple[Id, ...] = ()
    template_id: Id | None = None
    lead_function: str = JOINT

    @property
    def cancelled(self) -> bool:
        return self.status == CANCELLED

    @property
    def scheduled(self) -> bool:
        return self.start_on is not None

    @property
    def last_day(self) -> date | None:
        """The end date, or the start when no end (or an earlier one) was recorded."""
        if self.start_on is None:
            return self.end_on
        if self.end_on is None or self.end_on < self.start_on:
            return self.start_on
        return self.end_on

    def underway_on(self, today: date) -> bool:
        """Planned or running and not over: the play still works on its targets."""
        if self.status not in UNDERWAY:
            return False
        last = self.last_day
        return last is None or last >= today


class PlayPerson(NamedTuple):
    """A stakeholder: roles by key, and whether they are a key player (and why)."""

    id: Id
    name: str
    roles: frozenset[str] = frozenset()
    key_player: bool = False
    why_key: str = ""


@dataclass(frozen=True, slots=True)
class TemplateRecord:
    """A play template: what it suits (stage keys), whom it targets (role keys)."""

    id: Id
    name: str
    play_type: str | None = None
    stages: frozenset[str] = frozenset()
    target_roles: frozenset[str] = frozenset()
    lead_function: str = JOINT
    typical_touches: int = 0
    duration_days: int = 30
    cost: float | None = None


class TouchRecord(NamedTuple):
    """One logged touch."""

    stakeholder_id: Id
    occurred_on: date
    function: str = SALES
    assignment_id: Id | None = None


@dataclass(frozen=True, slots=True)
class FindingRef:
    """A DMU finding as the play checks need it: its code, sentence and people."""

    code: str
    message: str
    stakeholder_ids: tuple[Id, ...] = ()


@dataclass(frozen=True, slots=True)
class AccountPlays:
    """Everything the checks need about one account.

    ``stage`` is the account's journey stage key; ``stage_order`` ranks stage keys
    (the team's order) so "before the handoff" can be decided; ``handoff_to`` is the
    stage where sales takes over.
    """

    account_id: Id
    account: str
    people: tuple[PlayPerson, ...] = ()
    plays: tuple[PlayRecord, ...] = ()
    touches: tuple[TouchRecord, ...] = ()
    findings: tuple[FindingRef, ...] = ()
    templates: tuple[TemplateRecord, ...] = ()
    stage: str | None = None
    stage_order: Mapping[str, int] = field(default_factory=dict)
    handoff_to: str | None = None
    touch_threshold: int = 8
    max_touches_per_week: int = 3

    def before_handoff(self) -> bool:
        """Whether the account has not reached the handoff stage (unknown counts as before)."""
        if self.stage is None or self.handoff_to is None:
            return True
        here = self.stage_order.get(self.stage)
        handoff = self.stage_order.get(self.handoff_to)
        return here is None or handoff is None or here < handoff


class Clash(NamedTuple):
    """Two non-cancelled plays aimed at the same person in the same ISO week(s).

    A tuple like ``Booking``: a big portfolio has a six-figure number of them.
    """

    stakeholder_id: Id
    first_id: Id
    second_id: Id
    first_week: int
    last_week: int


@dataclass(frozen=True, slots=True)
class TouchOverload:
    """More touches on one person in one ISO week than the plan allows."""

    stakeholder_id: Id
    week: int
    touches: int
    limit: int
    functions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TouchTally:
    """One person's touches against the threshold that makes a viable lead."""

    stakeholder_id: Id
    total: int = 0
    recent: int = 0
    marketing: int = 0
    sales: int = 0
    last_on: date | None = None
    threshold: int = 8

    @property
    def reached(self) -> bool:
        return self.total >= self.threshold

    @property
    def missing(self) -> int:
        return max(self.threshold - self.total, 0)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A template that fits a gap: the account's stage and the people's roles.

    ``matched_roles`` are the wanted role keys the template targets; ``stage_fit`` says
    the template names the account's stage (rather than suiting any stage). When the
    account already runs a play of that template, ``play_id`` names it: adding the
    gap's people to it beats starting the same play a second time.
    """

    template_id: Id
    name: str
    matched_roles: tuple[str, ...] = ()
    stage_fit: bool = False
    play_id: Id | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    """A clash or a touch gap as people read it: a stable code, a sentence, whom it names.

    ``details`` carries the code's own fields (weeks, plays, counts) for the JSON.
    """

    code: str
    message: str
    stakeholder_ids: tuple[Id, ...] = ()
    stakeholders: tuple[str, ...] = ()
    details: Mapping[str, object] = field(default_factory=dict)
    suggestions: tuple[Suggestion, ...] = ()


@dataclass(frozen=True, slots=True)
class PlayChecks:
    """What the checks say about one account.

    ``clashes`` are too much at once (plays in the same week, touches over the weekly
    limit); ``touch_gaps`` are too little (key players and DMU findings no play
    addresses, key players short of the touch threshold before the handoff).
    """

    account_id: Id
    account: str
    clashes: tuple[Notice, ...] = ()
    touch_gaps: tuple[Notice, ...] = ()
    tallies: Mapping[Id, TouchTally] = field(default_factory=dict)
