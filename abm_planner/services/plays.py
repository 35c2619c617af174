"""Play assignments: a play run for one account, aimed at named stakeholders.

The Plays tab's rows, one play's editable values, and the edits to them (create,
change, reschedule, delete with an undo snapshot), each one unit of work. The play
library (templates) is in ``services.play_templates``, logged touches in
``services.touches``, the clash and gap checks in ``services.play_checks`` and the
timeline queries in ``services.play_timeline``.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session, aliased

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import field_map
from abm_planner.errors import NotFoundError, UserError
from abm_planner.plays.fields import ASSIGNMENT_FIELDS, LONGEST_PLAY_DAYS, check_lead_function
from abm_planner.plays.weeks import next_monday
from abm_planner.services.plans import Plan
from abm_planner.services.record_fields import check_references, clean_changes
from abm_planner.services.snapshots import Relink, Snapshot, restore
from abm_planner.services.vocabulary_lookup import term_ids
from abm_planner.store.base import utcnow
from abm_planner.store.models import (
    Account,
    PlayAssignment,
    PlayTemplate,
    Stakeholder,
    TeamMember,
    Touch,
    VocabularyTerm,
    play_targets,
)

SPECS = field_map(ASSIGNMENT_FIELDS)
TARGETS = "target_ids"
TEMPLATE = "template_id"
EDITABLE = frozenset(SPECS) | {TARGETS, TEMPLATE}
CHANGE_KIND = "play"


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    """One line of an account's Plays table: labels to show, ids to edit with."""

    id: uuid.UUID
    account_id: uuid.UUID
    template_id: uuid.UUID | None
    name: str
    lead_function: str
    status_id: uuid.UUID | None
    status_key: str | None
    status: str
    start_on: date | None
    end_on: date | None
    sales_owner_id: uuid.UUID | None
    sales_owner: str
    marketing_owner_id: uuid.UUID | None
    marketing_owner: str
    budget: float | None
    expected_touches: int
    outcome: str
    target_ids: tuple[uuid.UUID, ...] = ()
    targets: tuple[str, ...] = ()
    touches: int = 0


def _rows_query() -> Any:
    status = aliased(VocabularyTerm)
    sales, marketing = aliased(TeamMember), aliased(TeamMember)
    a = PlayAssignment
    return (
        select(
            a.id,
            a.account_id,
            a.template_id,
            a.name,
            a.lead_function,
            a.status_id,
            status.key,
            func.coalesce(status.label, ""),
            a.start_on,
            a.end_on,
            a.sales_owner_id,
            func.coalesce(sales.name, ""),
            a.marketing_owner_id,
            func.coalesce(marketing.name, ""),
            a.budget,
            a.expected_touches,
            a.outcome,
        )
        .outerjoin(status, status.id == a.status_id)
        .outerjoin(sales, sales.id == a.sales_owner_id)
        .outerjoin(marketing, marketing.id == a.marketing_owner_id)
    )


def _rows(session: Session, where: Any) -> list[AssignmentRow]:
    base = session.execute(_rows_query().where(where)).all()
    ids = [row[0] for row in base]
    if not ids:
        return []
    targets: dict[uuid.UUID, list[tuple[str, uuid.UUID]]] = defaultdict(list)
    for assignment_id, person_id, name in session.execute(
        select(play_targets.c.assignment_id, Stakeholder.id, Stakeholder.name)
        .join(Stakeholder, Stakeholder.id == play_targets.c.stakeholder_id)
        .where(play_targets.c.assignment_id.in_(ids))
    ):
        targets[assignment_id].append((name, person_id))
    touches: dict[uuid.UUID, int] = dict(
        session.execute(  # type: ignore[arg-type]
            select(Touch.assignment_id, func.count())
            .where(Touch.assignment_id.in_(ids))
            .group_by(Touch.assignment_id)
        ).all()
    )
    rows = []
    for row in base:
        people = sorted(targets.get(row[0], []), key=lambda t: (t[0].casefold(), str(t[1])))
        extra = (tuple(p for _, p in people), tuple(n for n, _ in people), touches.get(row[0], 0))
        values: tuple[Any, ...] = (*row, *extra)
        rows.append(AssignmentRow(*values))
    rows.sort(key=lambda r: (r.start_on or date.max, r.name.casefold(), str(r.id)))
    return rows


def list_assignments(plan: Plan, account_id: uuid.UUID) -> list[AssignmentRow]:
    """The account's plays by start date (unscheduled last), with targets and touches."""
    with plan.read() as session:
        return _rows(session, PlayAssignment.account_id == account_id)


def assignment_row(plan: Plan, assignment_id: uuid.UUID) -> AssignmentRow | None:
    """One play's row, to refresh a single line after an edit (None when deleted)."""
    with plan.read() as session:
        rows = _rows(session, PlayAssignment.id == assignment_id)
    return rows[0] if rows else None


def _values(session: Session, play: PlayAssignment) -> dict[str, Any]:
    values = {name: getattr(play, name) for name in SPECS}
    values[TEMPLATE] = play.template_id
    values[TARGETS] = _target_ids(session, play.id)
    return values


def _target_ids(session: Session, assignment_id: uuid.UUID) -> list[uuid.UUID]:
    return sorted(
        session.scalars(
            select(play_targets.c.stakeholder_id).where(
                play_targets.c.assignment_id == assignment_id
            )
        ),
        key=str,
    )


def get_assignment(plan: Plan, assignment_id: uuid.UUID) -> dict[str, Any]:
    """All editable values of one play, plus id, account and version."""
    with plan.read() as session:
        play = session.get(PlayAssignment, assignment_id)
        if play is None:
            raise NotFoundError("That play no longer exists.")
        values = _values(session, play)
        return values | {"id": play.id, "account_id": play.account_id, "version": play.version}


# --------------------------------------------------------------------------- checking
def _clean(
    session: Session,
    account_id: uuid.UUID,
    changes: dict[str, Any],
    current: dict[str, Any] | None = None,
) -> dict[str, Any]:
    unknown = set(changes) - EDITABLE
    if unknown:
        raise KeyError(f"not editable: {', '.join(sorted(unknown))}")
    plain = {k: v for k, v in changes.items() if k in SPECS}
    clean = clean_changes(SPECS, plain)
    if "lead_function" in clean:
        clean["lead_function"] = check_lead_function(clean["lead_function"] or "joint")
    check_references(session, SPECS, clean)
    if TEMPLATE in changes:
        clean[TEMPLATE] = _template_id(session, changes[TEMPLATE])
    if TARGETS in changes:
        clean[TARGETS] = _targets(session, account_id, changes[TARGETS])
    merged = (current or {}) | clean
    _check_dates(merged.get("start_on"), merged.get("end_on"))
    return clean


def _template_id(session: Session, value: Any) -> uuid.UUID | None:
    if value is None or value == "":
        return None
    template_id = value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    if session.get(PlayTemplate, template_id) is None:
        raise UserError("That play template no longer exists; choose another one.")
    return template_id


def _targets(session: Session, account_id: uuid.UUID, value: Iterable[Any]) -> list[uuid.UUID]:
    wanted = {v if isinstance(v, uuid.UUID) else uuid.UUID(str(v)) for v in value or ()}
    if not wanted:
        return []
    found = set(
        session.scalars(
            select(Stakeholder.id).where(
                Stakeholder.id.in_(wanted), Stakeholder.account_id == account_id
            )
        )
    )
    if found != wanted:
        raise UserError("A chosen target is not (or no longer) a stakeholder of this account.")
    return sorted(wanted, key=str)


def _check_dates(start: date | None, end: date | None) -> None:
    if start is not None and end is not None:
        if end < start:
            raise UserError(
                f"The play ends ({end.isoformat()}) before it starts ({start.isoformat()}); "
                "choose an end on or after the start."
            )
        if (end - start).days > LONGEST_PLAY_DAYS:
            raise UserError("A play can run for at most three years; shorten it or split it.")


def _set_targets(session: Session, assignment_id: uuid.UUID, target_ids: list[uuid.UUID]) -> None:
    session.execute(delete(play_targets).where(play_targets.c.assignment_id == assignment_id))
    if target_ids:
        session.execute(
            insert(play_targets),
            [{"assignment_id": assignment_id, "stakeholder_id": p} for p in target_ids],
        )


# --------------------------------------------------------------------------- editing
def create_assignment(
    plan: Plan,
    account_id: uuid.UUID,
    values: dict[str, Any],
    assignment_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Assign a play to an account; ``assignment_id`` lets redo recreate the same record."""
    with plan.write() as unit:
        session = unit.session
        if session.get(Account, account_id) is None:
            raise NotFoundError("That account no longer exists.")
        clean = _clean(session, account_id, {"name": values.get("name", "")} | values)
        targets = clean.pop(TARGETS, [])
        if clean.get("status_id") is None:
            clean["status_id"] = term_ids(session, vocab.PLAY_STATUS).get("planned")
        play = PlayAssignment(id=assignment_id or uuid.uuid4(), account_id=account_id, **clean)
        session.add(play)
        session.flush()
        _set_targets(session, play.id, targets)
        unit.changed(CHANGE_KIND, play.id, account_id=account_id)
        return play.id


def update_assignment(
    plan: Plan, assignment_id: uuid.UUID, changes: dict[str, Any]
) -> dict[str, Any]:
    """Apply checked changes (targets included) in one transaction; return the old values."""
    with plan.write() as unit:
        session = unit.session
        play = session.get(PlayAssignment, assignment_id)
        if play is None:
            raise NotFoundError("That play no longer exists.")
        current = _values(session, play)
        clean = _clean(session, play.account_id, changes, current)
        old = {name: current[name] for name in clean}
        for name, value in clean.items():
            if name != TARGETS:
                setattr(play, name, value)
        if TARGETS in clean:
            _set_targets(session, play.id, clean[TARGETS])
            play.updated_at = utcnow()  # the targets live in another table
        unit.changed(CHANGE_KIND, assignment_id, account_id=play.account_id)
    return old


def reschedule_assignment(
    plan: Plan, assignment_id: uuid.UUID, start_on: date, end_on: date
) -> tuple[date | None, date | None]:
    """Move or resize a play on the timeline; returns the old start and end."""
    old = update_assignment(plan, assignment_id, {"start_on": start_on, "end_on": end_on})
    return old["start_on"], old["end_on"]


def delete_assignment(plan: Plan, assignment_id: uuid.UUID) -> Snapshot:
    """Delete a play with its targets; touches logged for it stay, unlinked. Undo restores."""
    with plan.write() as unit:
        session = unit.session
        play = session.get(PlayAssignment, assignment_id)
        if play is None:
            raise NotFoundError("That play no longer exists.")
        snapshot = Snapshot(CHANGE_KIND, assignment_id, play.account_id)
        for table, condition in (
            (PlayAssignment.__table__, PlayAssignment.id == assignment_id),
            (play_targets, play_targets.c.assignment_id == assignment_id),
        ):
            snapshot.capture(session, table, condition)
        touches = list(
            session.scalars(select(Touch.id).where(Touch.assignment_id == assignment_id))
        )
        if touches:
            snapshot.relinks.append(
                Relink(Touch.__table__, "assignment_id", assignment_id, touches)  # type: ignore[arg-type]
            )
        session.execute(delete(PlayAssignment).where(PlayAssignment.id == assignment_id))
        unit.changed(CHANGE_KIND, assignment_id, account_id=play.account_id)
        if touches:
            unit.changed("touch", *touches, account_id=play.account_id)
    return snapshot


def restore_assignment(plan: Plan, snapshot: Snapshot) -> None:
    """Undo a delete: the play, its targets and the links of its touches, as they were."""
    with plan.write() as unit:
        restore(unit.session, snapshot)
        unit.changed(CHANGE_KIND, snapshot.record_id, account_id=snapshot.account_id)
        for relink in snapshot.relinks:
            unit.changed("touch", *relink.ids, account_id=snapshot.account_id)


# --------------------------------------------------------------------------- from the library
def values_from_template(
    plan: Plan,
    account_id: uuid.UUID,
    template_id: uuid.UUID,
    target_ids: Iterable[uuid.UUID] = (),
    *,
    today: date | None = None,
) -> dict[str, Any]:
    """A new play's values from a template: the account's owners, starting next Monday.

    What "one click to assign" creates: the template's name, lead function, duration,
    cost and typical touches, planned, aimed at ``target_ids``.
    """
    with plan.read() as session:
        template = session.get(PlayTemplate, template_id)
        account = session.get(Account, account_id)
        if template is None:
            raise NotFoundError("That play template no longer exists.")
        if account is None:
            raise NotFoundError("That account no longer exists.")
        start = next_monday(today or date.today())
        return {
            TEMPLATE: template.id,
            "name": template.name,
            "lead_function": template.lead_function,
            "status_id": term_ids(session, vocab.PLAY_STATUS).get("planned"),
            "start_on": start,
            "end_on": start + timedelta(days=max(template.duration_days, 1) - 1),
            "sales_owner_id": account.sales_owner_id,
            "marketing_owner_id": account.marketing_owner_id,
            "budget": template.cost,
            "expected_touches": template.typical_touches,
            TARGETS: list(target_ids),
        }
