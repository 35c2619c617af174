"""Positions a person sets by hand on the DMU map: saved and cleared as units of work.

They win over the automatic layouts (``abm_planner.dmu.layout``). Each call is one
user action and returns the previous positions, in the shape ``save_positions``
takes, so undo is one more call.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from sqlalchemy import delete, select

from abm_planner.dmu.records import VIEWS, Position
from abm_planner.errors import NotFoundError
from abm_planner.services.plans import Plan
from abm_planner.store.models import NodePosition, Stakeholder


def _check_view(view: str) -> None:
    if view not in VIEWS:
        raise ValueError(f"unknown DMU view {view!r}; expected one of {VIEWS}")


def save_positions(
    plan: Plan, view: str, positions: Mapping[uuid.UUID, Position | None]
) -> dict[uuid.UUID, Position | None]:
    """Set (or, for ``None``, clear) hand-set positions on one view in one unit of work.

    Returns the previous positions in the same shape, so undo is
    ``save_positions(plan, view, old)``.
    """
    _check_view(view)
    if not positions:
        return {}
    ids = list(positions)
    with plan.write() as unit:
        session = unit.session
        owned_by = select(Stakeholder.id, Stakeholder.account_id).where(Stakeholder.id.in_(ids))
        accounts: dict[uuid.UUID, uuid.UUID] = dict(session.execute(owned_by).all())
        missing = [i for i in ids if i not in accounts]
        if missing:
            raise NotFoundError("A stakeholder on the map no longer exists.")
        existing = {
            row.stakeholder_id: row
            for row in session.scalars(
                select(NodePosition).where(
                    NodePosition.view == view, NodePosition.stakeholder_id.in_(ids)
                )
            )
        }
        old: dict[uuid.UUID, Position | None] = {}
        for person_id, position in positions.items():
            row = existing.get(person_id)
            old[person_id] = (row.x, row.y) if row else None
            if position is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                x, y = position
                session.add(
                    NodePosition(stakeholder_id=person_id, view=view, x=float(x), y=float(y))
                )
            else:
                row.x, row.y = float(position[0]), float(position[1])
        for account_id in set(accounts.values()):
            changed = [i for i in ids if accounts[i] == account_id]
            unit.changed("node_position", *changed, account_id=account_id)
    return old


def clear_positions(
    plan: Plan, account_id: uuid.UUID, view: str
) -> dict[uuid.UUID, Position | None]:
    """Forget every hand-set position of one account's view (the auto-layout button).

    Returns the old positions; ``save_positions(plan, view, old)`` undoes it.
    """
    _check_view(view)
    with plan.write() as unit:
        session = unit.session
        people = select(Stakeholder.id).where(Stakeholder.account_id == account_id)
        rows = session.execute(
            select(NodePosition.stakeholder_id, NodePosition.x, NodePosition.y).where(
                NodePosition.view == view, NodePosition.stakeholder_id.in_(people)
            )
        ).all()
        old: dict[uuid.UUID, Position | None] = {i: (x, y) for i, x, y in rows}
        if old:
            session.execute(
                delete(NodePosition).where(
                    NodePosition.view == view, NodePosition.stakeholder_id.in_(list(old))
                )
            )
            unit.changed("node_position", *old, account_id=account_id)
    return old
