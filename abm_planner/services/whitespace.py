"""The whitespace map: accounts × our solutions, each cell a status from the plan's list.

A cell with no row is "not assessed". Setting a cell to nothing deletes its row;
undo puts the very same row back (notes included), so the map never loses a note.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import aliased

from abm_planner.agreements.whitespace import Cell
from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.plans import Plan
from abm_planner.services.stored_ids import StoredIds, stored
from abm_planner.store.models import Account, Solution, VocabularyTerm, Whitespace


@dataclass(frozen=True, slots=True)
class MapAccount:
    id: uuid.UUID
    name: str
    tier_id: uuid.UUID | None
    tier: str
    tier_rank: int


@dataclass(frozen=True, slots=True)
class MapSolution:
    id: uuid.UUID
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class WhitespaceMap:
    accounts: list[MapAccount]
    solutions: list[MapSolution]
    cells: dict[tuple[uuid.UUID, uuid.UUID], uuid.UUID]
    """Status term id by (account id, solution id); absent: not assessed."""


def whitespace_map(plan: Plan) -> WhitespaceMap:
    """Every account (by name), every solution (in order) and every filled cell."""
    tier = aliased(VocabularyTerm)
    with plan.read() as session:
        ids = StoredIds()
        rows = session.execute(
            select(
                stored(Account.id),
                Account.name,
                stored(Account.tier_id),
                tier.label,
                tier.sort_order,
            )
            .outerjoin(tier, tier.id == Account.tier_id)
            .order_by(Account.name)
        )
        accounts = [
            MapAccount(ids.required(a), name, ids(t), label or "", 99 if rank is None else rank)
            for a, name, t, label, rank in rows
        ]
        solutions = [
            MapSolution(s.id, s.name, s.description)
            for s in session.scalars(select(Solution).order_by(Solution.sort_order, Solution.name))
        ]
        cells = {
            (ids.required(a), ids.required(s)): ids.required(status)
            for a, s, status in session.execute(
                select(
                    stored(Whitespace.account_id),
                    stored(Whitespace.solution_id),
                    stored(Whitespace.status_id),
                )
            )
        }
    return WhitespaceMap(accounts, solutions, cells)


def whitespace_cell(plan: Plan, account_id: uuid.UUID, solution_id: uuid.UUID) -> uuid.UUID | None:
    """The status of one cell (None: not assessed), to refresh it after an edit."""
    with plan.read() as session:
        return session.scalar(
            select(Whitespace.status_id).where(
                Whitespace.account_id == account_id, Whitespace.solution_id == solution_id
            )
        )


def cells_by_key(plan: Plan, cells: dict[tuple[uuid.UUID, uuid.UUID], uuid.UUID]) -> list[Cell]:
    """The cells with status keys instead of ids (what ``agreements.whitespace`` counts)."""
    with plan.read() as session:
        keys = dict(
            session.execute(
                select(VocabularyTerm.id, VocabularyTerm.key).where(
                    VocabularyTerm.kind == vocab.WHITESPACE
                )
            ).all()
        )
    return [Cell(a, s, keys.get(status, "")) for (a, s), status in cells.items()]


def set_whitespace(
    plan: Plan, account_id: uuid.UUID, solution_id: uuid.UUID, status_id: uuid.UUID | None
) -> dict[str, Any] | None:
    """Set one cell (None: not assessed); returns the old row (None if there was none)."""
    with plan.write() as unit:
        session = unit.session
        if session.get(Account, account_id) is None:
            raise NotFoundError("That account no longer exists.")
        if session.get(Solution, solution_id) is None:
            raise NotFoundError("That solution no longer exists.")
        if status_id is not None:
            term = session.get(VocabularyTerm, status_id)
            if term is None or term.kind != vocab.WHITESPACE:
                raise UserError("That whitespace status is not in the plan's list.")
        table = cast(Table, Whitespace.__table__)
        where = (table.c.account_id == account_id) & (table.c.solution_id == solution_id)
        old_row = session.execute(select(table).where(where)).mappings().first()
        old = dict(old_row) if old_row else None
        cell = session.scalars(
            select(Whitespace).where(
                Whitespace.account_id == account_id, Whitespace.solution_id == solution_id
            )
        ).first()
        if status_id is None:
            if cell is not None:
                session.delete(cell)
        elif cell is None:
            session.add(
                Whitespace(account_id=account_id, solution_id=solution_id, status_id=status_id)
            )
        else:
            cell.status_id = status_id
        unit.changed("whitespace", solution_id, account_id=account_id)
    return old


def restore_whitespace(
    plan: Plan, account_id: uuid.UUID, solution_id: uuid.UUID, old: dict[str, Any] | None
) -> None:
    """Undo ``set_whitespace``: put the old row back exactly, or remove the cell."""
    table = cast(Table, Whitespace.__table__)
    with plan.write() as unit:
        where = (table.c.account_id == account_id) & (table.c.solution_id == solution_id)
        unit.session.execute(table.delete().where(where))
        if old is not None:
            unit.session.execute(table.insert(), [old])
        unit.changed("whitespace", solution_id, account_id=account_id)
