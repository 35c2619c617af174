"""The agreed lead definition (a checklist) and where the handoff sits on the journey.

Stages are compared by their rank in the team's order of the journey vocabulary.
Before the handoff stage marketing leads; from the stage the handoff goes *to*,
sales leads. An account at the handoff stage is ready when every item of the lead
definition is met. Odd combinations are reported, not corrected: a handoff date on
an account that is not there yet, or a handoff with open checklist items.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

NO_STAGE = "no_stage"
NO_AGREEMENT = "no_agreement"
BEFORE = "before"
READY = "ready"
WAITING = "waiting"
HANDED_OFF = "handed_off"


@dataclass(frozen=True, slots=True)
class LeadItem:
    """One item of the lead definition and whether this account meets it."""

    id: uuid.UUID
    text: str
    met: bool


@dataclass(frozen=True, slots=True)
class Checklist:
    items: tuple[LeadItem, ...]

    @property
    def met(self) -> int:
        return sum(1 for item in self.items if item.met)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def complete(self) -> bool:
        """Every item met (an empty definition is never "met": nothing was agreed)."""
        return self.total > 0 and self.met == self.total

    @property
    def open_items(self) -> list[str]:
        return [item.text for item in self.items if not item.met]

    def summary(self) -> str:
        if not self.total:
            return "No lead definition is agreed yet."
        if self.complete:
            return f"Lead definition met: all {self.total} items."
        return f"Lead definition: {self.met} of {self.total} items met."


def checklist(items: Iterable[tuple[uuid.UUID, str]], met_ids: Iterable[uuid.UUID]) -> Checklist:
    """The definition's items in order, each marked met when its id is in ``met_ids``."""
    met = set(met_ids)
    return Checklist(tuple(LeadItem(item_id, text, item_id in met) for item_id, text in items))


@dataclass(frozen=True, slots=True)
class Handoff:
    """Where an account stands against the agreed handoff."""

    state: str
    leading: str | None  # "marketing", "sales" or None when unknown
    message: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StagePoint:
    """A journey stage by rank (0 = first) and label."""

    rank: int
    label: str


def handoff(
    stage: StagePoint | None,
    handoff_from: StagePoint | None,
    handoff_to: StagePoint | None,
    items: Checklist,
    handed_off_on: date | None,
) -> Handoff:
    """The account's handoff state, with who leads now and what looks wrong."""
    if handoff_from is None or handoff_to is None:
        return Handoff(NO_AGREEMENT, None, "No handoff stage is agreed in the plan.")
    if stage is None:
        return Handoff(NO_STAGE, None, "No journey stage is recorded for this account.")
    warnings = []
    if stage.rank >= handoff_to.rank:
        when = f"on {handed_off_on.isoformat()}" if handed_off_on else "(no handoff date recorded)"
        if items.total and not items.complete:
            warnings.append(
                f"Handed off although {items.total - items.met} lead definition item(s) "
                "are not met."
            )
        if handed_off_on is None:
            warnings.append("Record the date the account was handed off.")
        return Handoff(HANDED_OFF, "sales", f"Handed off to sales {when}.", tuple(warnings))
    if handed_off_on is not None:
        warnings.append(
            f"A handoff date ({handed_off_on.isoformat()}) is recorded, but the account is "
            f"still before {handoff_to.label}."
        )
    if stage.rank >= handoff_from.rank:
        if items.complete:
            message = (
                f"Ready to hand off to sales: at {stage.label} with every lead definition item met."
            )
            return Handoff(READY, "marketing", message, tuple(warnings))
        message = (
            f"At the handoff stage ({stage.label}) but {items.total - items.met} lead "
            "definition item(s) are still open."
            if items.total
            else f"At the handoff stage ({stage.label}); no lead definition is agreed."
        )
        return Handoff(WAITING, "marketing", message, tuple(warnings))
    message = f"Marketing leads until the account reaches {handoff_from.label}."
    return Handoff(BEFORE, "marketing", message, tuple(warnings))


def stage_point(
    points: dict[uuid.UUID, StagePoint], stage_id: uuid.UUID | None
) -> StagePoint | None:
    return None if stage_id is None else points.get(stage_id)


def stage_points(stages: Sequence[tuple[uuid.UUID, str]]) -> dict[uuid.UUID, StagePoint]:
    """Journey stages in the team's order, by id."""
    return {stage_id: StagePoint(rank, label) for rank, (stage_id, label) in enumerate(stages)}
