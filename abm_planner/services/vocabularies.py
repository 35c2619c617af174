"""Editing the plan's lists (Plan ▸ Lists…): rename, add, order, retire and delete terms.

A team that says "Budget owner" rather than "Economic Buyer", or runs another kind
of play, changes the label; code keeps working because it looks terms up by their
stable ``key``. What may change differs per list:

- Scales whose values drive the analysis (attitude, influence, coverage, relationship)
  and the account tiers (ranked and scored by the agreement's thresholds) can only be
  renamed: a new or retired step would change what every score and finding means.
  Their built-in terms keep their values.
- Every other list can also be ordered, grown and pruned. A term the team adds carries
  no value; none of these lists is valued.
- A term records use is retired (``active`` off: no longer offered for new values,
  still shown where it is used) rather than deleted; only an unused term the team
  added can be deleted.
- Terms the app's rules look up by key (the economic buyer role, play statuses, the
  handoff stages, whitespace statuses...) can be renamed but never retired or deleted.

Every change is one ``plan.write()`` unit of work announcing a ``vocabulary_term``
change, and goes through the ORM so the row's version moves on (team plans, sync).
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from abm_planner.agreements import whitespace as ws
from abm_planner.dmu import records as dmu
from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import NotFoundError, UserError
from abm_planner.plays import gaps
from abm_planner.plays import records as plays
from abm_planner.services.agreement_rows import CapturedRows, capture, put_back
from abm_planner.services.ordering import moved
from abm_planner.services.plans import Plan
from abm_planner.services.vocabulary_lookup import terms
from abm_planner.store.base import Base
from abm_planner.store.models import PlanSettings, VocabularyTerm

MAX_LABEL = 200
_KEY_LIMIT = 80
_GONE = "That list entry no longer exists; the list changed meanwhile."
_SLUG = re.compile(r"[^a-z0-9]+")
# Tables whose references are rules, not records: they do not make a term "in use".
_RULE_TABLES = frozenset({"plan_settings", "tier_rules"})


@dataclass(frozen=True, slots=True)
class ListKind:
    """One editable list; ``fixed`` says why it can only be renamed ("" when it can grow)."""

    kind: str
    name: str
    fixed: str = ""

    @property
    def can_grow(self) -> bool:
        """Terms can be added, moved, retired and deleted (not only renamed)."""
        return not self.fixed


_SCALE = "{name} are a scale the DMU analysis scores with"
LISTS: tuple[ListKind, ...] = (
    ListKind(vocab.ROLE, "Buying roles"),
    ListKind(vocab.STAGE, "Journey stages"),
    ListKind(vocab.TIER, "Account tiers", "the agreement ranks and scores accounts by tier"),
    ListKind(vocab.ATTITUDE, "Attitudes", _SCALE.format(name="attitudes")),
    ListKind(vocab.INFLUENCE, "Influence levels", _SCALE.format(name="influence levels")),
    ListKind(vocab.COVERAGE, "Coverage levels", _SCALE.format(name="coverage levels")),
    ListKind(vocab.RELATIONSHIP, "Relationship levels", _SCALE.format(name="relationship levels")),
    ListKind(vocab.PLAY_TYPE, "Play types"),
    ListKind(vocab.PLAY_STATUS, "Play statuses"),
    ListKind(vocab.CHANNEL, "Touch channels"),
    ListKind(vocab.WHITESPACE, "Whitespace statuses"),
    ListKind(vocab.OBJECTIVE_STATUS, "Objective statuses"),
    ListKind(vocab.INDUSTRY, "Industries"),
)
_BY_KIND = {item.kind: item for item in LISTS}

# Terms the app's rules find by key, and the reason, said when retiring is tried.
_PLAY_STATUS_REASON = "the play checks and the timeline read play statuses by their meaning"
_WHITESPACE_REASON = "the whitespace totals count each status by its meaning"
RELIED_ON: dict[str, dict[str, str]] = {
    vocab.ROLE: {
        dmu.ECONOMIC_BUYER: "the DMU analysis looks for the economic buyer",
        dmu.CHAMPION: "the DMU analysis looks for a champion",
        gaps.BLOCKER: "the play suggestions look for blockers",
    },
    vocab.PLAY_STATUS: {
        plays.PLANNED: "new plays start as planned",
        plays.RUNNING: _PLAY_STATUS_REASON,
        plays.DONE: _PLAY_STATUS_REASON,
        plays.CANCELLED: "cancelled plays are left out of the touch and clash checks",
    },
    vocab.PLAY_TYPE: {
        gaps.ENGAGEMENT: "the DMU findings suggest engagement plays",
        gaps.ACCELERATION: "the DMU findings suggest acceleration plays",
    },
    vocab.WHITESPACE: dict.fromkeys(
        (ws.UNKNOWN, ws.DONE_INTERNALLY, ws.COMPETITOR, ws.OURS, ws.NOT_RELEVANT),
        _WHITESPACE_REASON,
    ),
}
_HANDOFF_REASON = "it is a handoff stage in the agreement (change the handoff there first)"


@dataclass(frozen=True, slots=True)
class ListTerm:
    """One term as the Lists dialog shows it."""

    id: uuid.UUID
    kind: str
    key: str
    label: str
    value: int | None
    active: bool
    uses: int  # records that hold this term
    built_in: bool  # one of DOMAIN.md's defaults (never deleted)
    kept_because: str  # why it can't be retired or deleted; "" when it can


def list_kind(kind: str) -> ListKind:
    """The editable list ``kind``; a clear sentence for one that is not editable."""
    item = _BY_KIND.get(kind)
    if item is None:
        raise UserError(f"There is no editable list called '{kind}'.")
    return item


def list_terms(plan: Plan, kind: str) -> list[ListTerm]:
    """The terms of one list in the team's order, with how often records use each."""
    item = list_kind(kind)
    with plan.read() as session:
        rows = terms(session, kind)
        uses = usage(session, [row.id for row in rows])
        handoff = _handoff_ids(session)
        return [_row(item, term, uses[term.id], handoff) for term in rows]


def usage(session: Session, term_ids: list[uuid.UUID]) -> Counter[uuid.UUID]:
    """How many records reference each term, over every column that points at a term."""
    wanted = set(term_ids)
    counts: Counter[uuid.UUID] = Counter()
    if not wanted:
        return counts
    for table in Base.metadata.sorted_tables:
        if table.name in _RULE_TABLES:
            continue
        for fk in table.foreign_keys:
            if fk.column.table.name != VocabularyTerm.__tablename__:
                continue
            column = fk.parent
            query = select(column, func.count()).where(column.in_(wanted)).group_by(column)
            for term_id, count in session.execute(query):
                counts[term_id] += count
    return counts


def rename_term(plan: Plan, term_id: uuid.UUID, label: str) -> str:
    """Give a term the team's word; returns the previous label (for undo)."""
    with plan.write() as unit:
        term = _term(unit.session, term_id)
        clean = _clean_label(unit.session, term.kind, label, term.id)
        previous = term.label
        if clean != previous:
            term.label = clean
            unit.changed("vocabulary_term", term.id)
    return previous


def add_term(plan: Plan, kind: str, label: str) -> uuid.UUID:
    """Add a term at the end of a list that can grow; returns its id."""
    item = list_kind(kind)
    if not item.can_grow:
        raise UserError(f"{item.name} can be renamed but not added to: {item.fixed}.")
    with plan.write() as unit:
        session = unit.session
        clean = _clean_label(session, kind, label, None)
        existing = terms(session, kind)
        term = VocabularyTerm(
            kind=kind,
            key=_new_key(clean, {t.key for t in existing}),
            label=clean,
            value=None,
            sort_order=max((t.sort_order for t in existing), default=-1) + 1,
            active=True,
        )
        session.add(term)
        session.flush()
        unit.changed("vocabulary_term", term.id)
        return term.id


def set_active(plan: Plan, term_id: uuid.UUID, active: bool) -> bool:
    """Retire a term (no longer offered) or restore it; returns the previous state."""
    with plan.write() as unit:
        term = _term(unit.session, term_id)
        previous = term.active
        if not active and previous:
            reason = _kept_because(unit.session, term)
            if reason:
                raise UserError(f"“{term.label}” can be renamed but not retired: {reason}.")
        if previous != active:
            term.active = active
            unit.changed("vocabulary_term", term.id)
    return previous


def delete_term(plan: Plan, term_id: uuid.UUID) -> CapturedRows:
    """Delete an unused term the team added; returns the row for undo."""
    table = cast(Table, VocabularyTerm.__table__)
    with plan.write() as unit:
        session = unit.session
        term = _term(session, term_id)
        reason = _kept_because(session, term)
        if reason:
            raise UserError(f"“{term.label}” can be renamed but not deleted: {reason}.")
        if term.key in _default_keys(term.kind):
            raise UserError(
                f"“{term.label}” is one of the built-in terms: retire it instead of deleting it."
            )
        uses = usage(session, [term.id])[term.id]
        if uses:
            records = "1 record uses" if uses == 1 else f"{uses} records use"
            raise UserError(
                f"{records} “{term.label}”: retire it instead, so they keep their value."
            )
        captured = capture(session, [(table, table.c.id == term_id)])
        session.delete(term)
        unit.changed("vocabulary_term", term_id)
    return captured


def restore_term(plan: Plan, captured: CapturedRows) -> None:
    """Undo ``delete_term``: the very same row (id, key, version) comes back."""
    with plan.write() as unit:
        put_back(unit.session, captured)
        ids = [row["id"] for _table, rows in captured.tables for row in rows]
        unit.changed("vocabulary_term", *ids)


def moved_order(plan: Plan, term_id: uuid.UUID, offset: int) -> list[uuid.UUID]:
    """The list's order with ``term_id`` moved ``offset`` places (-1: up)."""
    with plan.read() as session:
        term = _term(session, term_id)
        item = list_kind(term.kind)
        order = [t.id for t in terms(session, term.kind)]
    if not item.can_grow:
        raise UserError(f"{item.name} keep their order: {item.fixed}.")
    return moved(order, term_id, offset, "term")


def reorder_terms(plan: Plan, kind: str, order: list[uuid.UUID]) -> list[uuid.UUID]:
    """Put a list's terms in ``order``; returns the previous order (for undo)."""
    with plan.write() as unit:
        rows = terms(unit.session, kind)
        previous = [t.id for t in rows]
        if sorted(previous, key=str) != sorted(order, key=str):
            raise UserError("The list changed meanwhile; try moving the term again.")
        position = {term_id: index for index, term_id in enumerate(order)}
        moved = [t for t in rows if t.sort_order != position[t.id]]
        for term in moved:
            term.sort_order = position[term.id]
        if moved:
            unit.changed("vocabulary_term", *(t.id for t in moved))
    return previous


# -- helpers ----------------------------------------------------------------------------


def _row(item: ListKind, term: VocabularyTerm, uses: int, handoff: set[uuid.UUID]) -> ListTerm:
    return ListTerm(
        id=term.id,
        kind=term.kind,
        key=term.key,
        label=term.label,
        value=term.value,
        active=term.active,
        uses=uses,
        built_in=term.key in _default_keys(term.kind),
        kept_because=_reason(item, term, handoff),
    )


def _kept_because(session: Session, term: VocabularyTerm) -> str:
    return _reason(list_kind(term.kind), term, _handoff_ids(session))


def _reason(item: ListKind, term: VocabularyTerm, handoff: set[uuid.UUID]) -> str:
    """Why ``term`` must stay (rename only), or "" when it may be retired."""
    if item.fixed:
        return item.fixed
    if term.id in handoff:
        return _HANDOFF_REASON
    return RELIED_ON.get(term.kind, {}).get(term.key, "")


def _handoff_ids(session: Session) -> set[uuid.UUID]:
    settings = session.scalars(select(PlanSettings)).first()
    if settings is None:
        return set()
    return {i for i in (settings.handoff_from_id, settings.handoff_to_id) if i is not None}


def _default_keys(kind: str) -> set[str]:
    return {t.key for t in vocab.DEFAULT_VOCABULARIES.get(kind, ())}


def _term(session: Session, term_id: uuid.UUID) -> VocabularyTerm:
    term = session.get(VocabularyTerm, term_id)
    if term is None:
        raise NotFoundError(_GONE)
    return term


def _clean_label(session: Session, kind: str, label: str, own_id: uuid.UUID | None) -> str:
    clean = " ".join((label or "").split())
    if not clean:
        raise UserError("A list entry needs a name.")
    if len(clean) > MAX_LABEL:
        raise UserError(f"A list entry's name can be at most {MAX_LABEL} characters.")
    folded = clean.casefold()
    for other in terms(session, kind):
        if other.id != own_id and other.label.casefold() == folded:
            name = list_kind(kind).name
            retired = "" if other.active else " (retired)"
            raise UserError(f"{name} already has “{other.label}”{retired}; choose another name.")
    return clean


def _new_key(label: str, taken: set[str]) -> str:
    """A stable key from the label ("Budget owner" → ``budget_owner``), unique in its list."""
    base = _SLUG.sub("_", label.casefold()).strip("_")[: _KEY_LIMIT - 4] or "term"
    key, number = base, 2
    while key in taken:
        key, number = f"{base}_{number}", number + 1
    return key
