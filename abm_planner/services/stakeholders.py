"""Stakeholders of an account: the DMU table's rows and edits to them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select

from abm_planner.domain.fields import STAKEHOLDER_FIELDS, field_map
from abm_planner.errors import NotFoundError
from abm_planner.services.plans import Plan
from abm_planner.services.record_fields import check_references, clean_changes, roles_of
from abm_planner.services.snapshots import Snapshot, capture_stakeholder
from abm_planner.store.base import utcnow
from abm_planner.store.models import Account, Stakeholder

SPECS = field_map(STAKEHOLDER_FIELDS)


@dataclass(frozen=True, slots=True)
class StakeholderRow:
    """A stakeholder's editable values (ids for terms and owners) plus id and account."""

    id: uuid.UUID
    account_id: uuid.UUID
    values: dict[str, Any]


def _values(person: Stakeholder) -> dict[str, Any]:
    values = {name: getattr(person, name) for name in SPECS if name != "role_ids"}
    values["role_ids"] = [role.id for role in person.roles]
    return values


def list_stakeholders(plan: Plan, account_id: uuid.UUID) -> list[StakeholderRow]:
    """The account's stakeholders by name."""
    with plan.read() as session:
        people = session.scalars(
            select(Stakeholder)
            .where(Stakeholder.account_id == account_id)
            .order_by(Stakeholder.name)
        )
        return [StakeholderRow(p.id, p.account_id, _values(p)) for p in people]


def get_stakeholder(plan: Plan, stakeholder_id: uuid.UUID) -> StakeholderRow:
    with plan.read() as session:
        person = session.get(Stakeholder, stakeholder_id)
        if person is None:
            raise NotFoundError("That stakeholder no longer exists.")
        return StakeholderRow(person.id, person.account_id, _values(person))


def _apply(session: Any, person: Stakeholder, clean: dict[str, Any]) -> dict[str, Any]:
    old = {name: getattr(person, name) for name in clean if name != "role_ids"}
    for name, value in clean.items():
        if name != "role_ids":
            setattr(person, name, value)
    if "role_ids" in clean:
        # Looking the roles up must not flush a new person before their fields are set.
        with session.no_autoflush:
            old["role_ids"] = [role.id for role in person.roles]
            person.roles = roles_of(session, clean["role_ids"])
    return old


def update_stakeholder(
    plan: Plan, stakeholder_id: uuid.UUID, changes: dict[str, Any]
) -> dict[str, Any]:
    """Apply checked changes in one transaction; return the old values (for undo)."""
    clean = clean_changes(SPECS, changes)
    with plan.write() as unit:
        person = unit.session.get(Stakeholder, stakeholder_id)
        if person is None:
            raise NotFoundError("That stakeholder no longer exists.")
        check_references(unit.session, SPECS, clean)
        old = _apply(unit.session, person, clean)
        if "role_ids" in clean:
            # Roles live in another table; touching the row moves its version and time.
            person.updated_at = utcnow()
        unit.changed("stakeholder", stakeholder_id, account_id=person.account_id)
    return old


def create_stakeholder(
    plan: Plan,
    account_id: uuid.UUID,
    values: dict[str, Any],
    stakeholder_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Add a stakeholder to an account; ``stakeholder_id`` lets redo reuse the same id."""
    clean = clean_changes(SPECS, {"name": values.get("name", "")} | values)
    with plan.write() as unit:
        if unit.session.get(Account, account_id) is None:
            raise NotFoundError("That account no longer exists.")
        check_references(unit.session, SPECS, clean)
        person = Stakeholder(id=stakeholder_id or uuid.uuid4(), account_id=account_id)
        unit.session.add(person)
        _apply(unit.session, person, clean)
        unit.session.flush()
        unit.changed("stakeholder", person.id, account_id=account_id)
        unit.changed("account", account_id, account_id=account_id)
        return person.id


def delete_stakeholder(plan: Plan, stakeholder_id: uuid.UUID) -> Snapshot:
    """Delete a stakeholder with their roles, lines, touches and play targets."""
    with plan.write() as unit:
        person = unit.session.get(Stakeholder, stakeholder_id)
        if person is None:
            raise NotFoundError("That stakeholder no longer exists.")
        snapshot = capture_stakeholder(unit.session, stakeholder_id)
        unit.session.execute(delete(Stakeholder).where(Stakeholder.id == stakeholder_id))
        unit.changed("stakeholder", stakeholder_id, account_id=snapshot.account_id)
        unit.changed("account", snapshot.account_id, account_id=snapshot.account_id)
    return snapshot
