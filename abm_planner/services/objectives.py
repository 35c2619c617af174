"""Objectives of an account: the customer's goals, ours, and relationship objectives.

Each has a metric with target and actual (any number: a goal may be a reduction),
a unit, an owner on our side, a due date and a status from the plan's list; a
relationship objective names a stakeholder of the same account.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import FieldKind, FieldSpec, field_map
from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.agreement_rows import CapturedRows, capture, put_back
from abm_planner.services.plans import Plan
from abm_planner.services.record_fields import check_references, clean_changes
from abm_planner.store.models import Account, Objective, Stakeholder

OBJECTIVE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("kind", "Kind", FieldKind.TEXT, required=True),
    FieldSpec("title", "Title", FieldKind.TEXT, required=True, max_length=300),
    FieldSpec("metric", "Metric", FieldKind.TEXT, max_length=200),
    FieldSpec("target", "Target", FieldKind.TEXT),
    FieldSpec("actual", "Actual", FieldKind.TEXT),
    FieldSpec("unit", "Unit", FieldKind.TEXT, max_length=40),
    FieldSpec("owner_id", "Owner", FieldKind.MEMBER),
    FieldSpec("due_on", "Due", FieldKind.DATE),
    FieldSpec("status_id", "Status", FieldKind.TERM, vocabulary=vocab.OBJECTIVE_STATUS),
    FieldSpec("stakeholder_id", "Stakeholder", FieldKind.TERM),
)
SPECS = field_map(OBJECTIVE_FIELDS)
KIND_LABELS = {"customer": "Customer goal", "ours": "Our objective", "relationship": "Relationship"}
_SPECIAL = ("kind", "target", "actual", "stakeholder_id")


@dataclass(frozen=True, slots=True)
class ObjectiveRow:
    id: uuid.UUID
    account_id: uuid.UUID
    kind: str
    title: str
    metric: str
    target: float | None
    actual: float | None
    unit: str
    owner_id: uuid.UUID | None
    due_on: date | None
    status_id: uuid.UUID | None
    stakeholder_id: uuid.UUID | None

    def value(self, name: str) -> Any:
        return getattr(self, name)


def _row(item: Objective) -> ObjectiveRow:
    assert item.account_id is not None
    return ObjectiveRow(
        item.id,
        item.account_id,
        item.kind,
        item.title,
        item.metric,
        item.target,
        item.actual,
        item.unit,
        item.owner_id,
        item.due_on,
        item.status_id,
        item.stakeholder_id,
    )


def list_objectives(plan: Plan, account_id: uuid.UUID) -> list[ObjectiveRow]:
    """The account's objectives: customer goals, ours, relationship; then by title."""
    order = {kind: n for n, kind in enumerate(vocab.OBJECTIVE_KINDS)}
    with plan.read() as session:
        items = session.scalars(select(Objective).where(Objective.account_id == account_id))
        rows = [_row(item) for item in items]
    return sorted(rows, key=lambda r: (order.get(r.kind, 9), r.title.casefold()))


def get_objective(plan: Plan, objective_id: uuid.UUID) -> ObjectiveRow:
    with plan.read() as session:
        item = session.get(Objective, objective_id)
        if item is None:
            raise NotFoundError("That objective no longer exists.")
        return _row(item)


def _number(label: str, value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise UserError(f"{label} must be a number.")
    try:
        number = float(value.replace(",", "").strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise UserError(f"{label} must be a number, not '{value}'.") from None
    if not math.isfinite(number):
        raise UserError(f"{label} must be a number.")
    return number


def _clean(session: Session, account_id: uuid.UUID, changes: dict[str, Any]) -> dict[str, Any]:
    plain = {k: v for k, v in changes.items() if k not in _SPECIAL}
    clean = clean_changes(SPECS, plain)
    check_references(session, SPECS, clean)
    if "kind" in changes:
        kind = str(changes["kind"] or "")
        if kind not in vocab.OBJECTIVE_KINDS:
            raise UserError("Kind must be a customer goal, our objective or a relationship.")
        clean["kind"] = kind
    for name in ("target", "actual"):
        if name in changes:
            clean[name] = _number(SPECS[name].label, changes[name])
    if "stakeholder_id" in changes:
        person_id = changes["stakeholder_id"]
        if person_id is not None:
            person = session.get(Stakeholder, person_id)
            if person is None or person.account_id != account_id:
                raise UserError("Stakeholder: choose a person of this account.")
        clean["stakeholder_id"] = person_id
    return clean


def create_objective(
    plan: Plan,
    account_id: uuid.UUID,
    values: dict[str, Any],
    objective_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Add an objective (an "ours" objective unless ``values`` says otherwise)."""
    with plan.write() as unit:
        if unit.session.get(Account, account_id) is None:
            raise NotFoundError("That account no longer exists.")
        clean = _clean(unit.session, account_id, {"kind": "ours", "title": ""} | values)
        item = Objective(id=objective_id or uuid.uuid4(), account_id=account_id, **clean)
        unit.session.add(item)
        unit.session.flush()
        unit.changed("objective", item.id, account_id=account_id)
        return item.id


def update_objective(
    plan: Plan, objective_id: uuid.UUID, changes: dict[str, Any]
) -> dict[str, Any]:
    """Apply checked changes; returns the old values (for undo)."""
    with plan.write() as unit:
        item = unit.session.get(Objective, objective_id)
        if item is None or item.account_id is None:
            raise NotFoundError("That objective no longer exists.")
        clean = _clean(unit.session, item.account_id, changes)
        old = {name: getattr(item, name) for name in clean}
        for name, value in clean.items():
            setattr(item, name, value)
        unit.changed("objective", objective_id, account_id=item.account_id)
    return old


def delete_objective(plan: Plan, objective_id: uuid.UUID) -> CapturedRows:
    with plan.write() as unit:
        item = unit.session.get(Objective, objective_id)
        if item is None:
            raise NotFoundError("That objective no longer exists.")
        account_id = item.account_id
        captured = capture(unit.session, [(Objective.__table__, Objective.id == objective_id)])
        unit.session.execute(delete(Objective).where(Objective.id == objective_id))
        unit.changed("objective", objective_id, account_id=account_id)
    return captured


def restore_objective(plan: Plan, captured: CapturedRows) -> None:
    with plan.write() as unit:
        put_back(unit.session, captured)
        for row in captured.tables[0][1]:
            unit.changed("objective", row["id"], account_id=row["account_id"])
