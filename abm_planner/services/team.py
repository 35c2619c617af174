"""Our team members and our solutions: the people who own things and the whitespace columns.

Deleting a team member clears the owner columns that named them (the schema says ON
DELETE SET NULL); deleting a solution takes its whitespace cells with it (CASCADE).
Both captures are plain data, so undo re-inserts the very same rows (same ids,
versions and times) and points the cleared owner columns at the member again.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import FieldKind, FieldSpec, coerce, field_map
from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.agreement_rows import CapturedRows, capture, put_back
from abm_planner.services.ordering import moved
from abm_planner.services.plans import Plan
from abm_planner.services.snapshots import Relink
from abm_planner.store.base import Base
from abm_planner.store.models import Solution, TeamMember, Whitespace

_MEMBER_GONE = "That team member no longer exists."
_SOLUTION_GONE = "That solution no longer exists."

MEMBER_SPECS = field_map(
    (
        FieldSpec("name", "Name", FieldKind.TEXT, required=True, max_length=200),
        FieldSpec("email", "Email", FieldKind.TEXT, max_length=320),
        FieldSpec("title", "Title", FieldKind.TEXT, max_length=200),
        FieldSpec("function", "Function", FieldKind.TEXT, required=True, max_length=20),
    )
)
SOLUTION_SPECS = field_map(
    (
        FieldSpec("name", "Name", FieldKind.TEXT, required=True, max_length=200),
        FieldSpec("description", "Description", FieldKind.LONG_TEXT, max_length=5000),
    )
)


@dataclass(frozen=True, slots=True)
class TeamMemberRow:
    id: uuid.UUID
    name: str
    email: str
    title: str
    function: str


@dataclass(frozen=True, slots=True)
class SolutionRow:
    id: uuid.UUID
    name: str
    description: str
    sort_order: int


@dataclass(frozen=True, slots=True)
class Ownership:
    """How many records name a member as owner (or as the one who made a touch)."""

    accounts: int = 0
    stakeholders: int = 0
    plays: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return self.accounts + self.stakeholders + self.plays + self.other


@dataclass(slots=True)
class MemberCapture:
    """A deleted member's row and every reference the delete set to NULL."""

    member_id: uuid.UUID
    row: dict[str, Any]
    relinks: list[Relink] = field(default_factory=list)


def _checked(specs: dict[str, FieldSpec], values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(specs)
    if unknown:
        raise UserError(f"There is no field called {sorted(unknown)[0]}.")
    checked = {name: coerce(specs[name], value) for name, value in values.items()}
    function = checked.get("function")
    if function is not None and function not in vocab.TEAM_FUNCTIONS:
        raise UserError(
            f"Function must be one of {', '.join(vocab.TEAM_FUNCTIONS)}, not '{function}'."
        )
    return checked


def _update(
    plan: Plan, model: Any, kind: str, record_id: uuid.UUID, checked: dict[str, Any], *, gone: str
) -> dict[str, Any]:
    """Set checked fields of one record in one unit of work; return their old values."""
    with plan.write() as unit:
        record = unit.session.get(model, record_id)
        if record is None:
            raise NotFoundError(gone)
        old = {name: getattr(record, name) for name in checked}
        for name, value in checked.items():
            setattr(record, name, value)
        unit.changed(kind, record_id)
    return old


def _require_name(checked: dict[str, Any]) -> None:
    if "name" not in checked:
        raise UserError("Name cannot be empty.")


def _member_references() -> list[tuple[Table, str]]:
    """Every (table, column) whose foreign key points at a team member."""
    members = cast(Table, TeamMember.__table__)
    return [
        (table, fk.parent.name)
        for table in Base.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table is members
    ]


# -- team members -----------------------------------------------------------------------


def list_team_members(plan: Plan) -> list[TeamMemberRow]:
    """Our people, by name."""
    with plan.read() as session:
        members = session.scalars(select(TeamMember)).all()
        rows = [TeamMemberRow(m.id, m.name, m.email, m.title, m.function) for m in members]
    return sorted(rows, key=lambda r: (r.name.casefold(), str(r.id)))


def create_team_member(plan: Plan, values: dict[str, Any]) -> uuid.UUID:
    """Add a member; ``function`` defaults to sales. Returns the new id."""
    checked = _checked(MEMBER_SPECS, {"function": "sales", **values})
    _require_name(checked)
    with plan.write() as unit:
        member = TeamMember(**checked)
        unit.session.add(member)
        unit.session.flush()
        unit.changed("team_member", member.id)
        return member.id


def _member(session: Session, member_id: uuid.UUID) -> TeamMember:
    member = session.get(TeamMember, member_id)
    if member is None:
        raise NotFoundError(_MEMBER_GONE)
    return member


def update_team_member(plan: Plan, member_id: uuid.UUID, changes: dict[str, Any]) -> dict[str, Any]:
    """Change some fields; returns their old values (for undo)."""
    checked = _checked(MEMBER_SPECS, changes)
    return _update(plan, TeamMember, "team_member", member_id, checked, gone=_MEMBER_GONE)


def member_ownership(plan: Plan, member_id: uuid.UUID) -> Ownership:
    """What deleting the member would leave without an owner."""
    with plan.read() as session:
        return _ownership(session, member_id)


def _ownership(session: Session, member_id: uuid.UUID) -> Ownership:
    ids: dict[str, set[Any]] = {}
    for table, column in _member_references():
        found = session.scalars(select(table.c.id).where(table.c[column] == member_id))
        ids.setdefault(table.name, set()).update(found)
    named = {"accounts", "stakeholders", "play_assignments"}
    return Ownership(
        len(ids.get("accounts", ())),
        len(ids.get("stakeholders", ())),
        len(ids.get("play_assignments", ())),
        sum(len(found) for name, found in ids.items() if name not in named),
    )


def delete_team_member(plan: Plan, member_id: uuid.UUID) -> MemberCapture:
    """Delete a member, clearing what they owned; returns what undo needs."""
    members = cast(Table, TeamMember.__table__)
    with plan.write() as unit:
        session = unit.session
        _member(session, member_id)
        row = session.execute(select(members).where(members.c.id == member_id)).mappings().one()
        captured = MemberCapture(member_id, dict(row))
        for table, column in _member_references():
            linked = list(session.scalars(select(table.c.id).where(table.c[column] == member_id)))
            if linked:
                captured.relinks.append(Relink(table, column, member_id, linked))
                session.execute(update(table).where(table.c.id.in_(linked)).values({column: None}))
        session.execute(delete(members).where(members.c.id == member_id))
        unit.changed("team_member", member_id)
    return captured


def restore_team_member(plan: Plan, captured: MemberCapture) -> None:
    """Undo ``delete_team_member``: the same row back, owner references re-linked."""
    with plan.write() as unit:
        session = unit.session
        session.execute(insert(cast(Table, TeamMember.__table__)), [captured.row])
        for relink in captured.relinks:
            session.execute(
                update(relink.table)
                .where(relink.table.c.id.in_(relink.ids), relink.table.c[relink.column].is_(None))
                .values({relink.column: relink.value})
            )
        unit.changed("team_member", captured.member_id)


# -- solutions --------------------------------------------------------------------------


def list_solutions(plan: Plan) -> list[SolutionRow]:
    """Our solutions in the whitespace map's column order."""
    with plan.read() as session:
        solutions = session.scalars(select(Solution).order_by(Solution.sort_order, Solution.name))
        return [SolutionRow(s.id, s.name, s.description, s.sort_order) for s in solutions]


def create_solution(plan: Plan, values: dict[str, Any]) -> uuid.UUID:
    """Add a solution as the last column. Returns the new id."""
    checked = _checked(SOLUTION_SPECS, values)
    _require_name(checked)
    with plan.write() as unit:
        last = unit.session.scalar(select(func.max(Solution.sort_order)))
        solution = Solution(**checked, sort_order=0 if last is None else last + 1)
        unit.session.add(solution)
        unit.session.flush()
        unit.changed("solution", solution.id)
        return solution.id


def _solution(session: Session, solution_id: uuid.UUID) -> Solution:
    solution = session.get(Solution, solution_id)
    if solution is None:
        raise NotFoundError(_SOLUTION_GONE)
    return solution


def update_solution(plan: Plan, solution_id: uuid.UUID, changes: dict[str, Any]) -> dict[str, Any]:
    """Change the name or description; returns the old values (for undo)."""
    checked = _checked(SOLUTION_SPECS, changes)
    return _update(plan, Solution, "solution", solution_id, checked, gone=_SOLUTION_GONE)


def solution_cell_count(plan: Plan, solution_id: uuid.UUID) -> int:
    """How many whitespace cells deleting the solution would delete."""
    with plan.read() as session:
        count = session.scalar(
            select(func.count())
            .select_from(Whitespace)
            .where(Whitespace.solution_id == solution_id)
        )
    return int(count or 0)


def delete_solution(plan: Plan, solution_id: uuid.UUID) -> CapturedRows:
    """Delete a solution and its whitespace cells; returns the rows for undo."""
    solutions = cast(Table, Solution.__table__)
    cells = cast(Table, Whitespace.__table__)
    with plan.write() as unit:
        session = unit.session
        _solution(session, solution_id)
        captured = capture(
            session,
            [
                (solutions, solutions.c.id == solution_id),
                (cells, cells.c.solution_id == solution_id),
            ],
        )
        session.execute(delete(cells).where(cells.c.solution_id == solution_id))
        session.execute(delete(solutions).where(solutions.c.id == solution_id))
        unit.changed("solution", solution_id)
    return captured


def restore_solution(plan: Plan, captured: CapturedRows) -> None:
    """Undo ``delete_solution``: the solution and its cells, as they were."""
    with plan.write() as unit:
        put_back(unit.session, captured)
        ids = [
            row["id"]
            for table, rows in captured.tables
            for row in rows
            if table.name == "solutions"
        ]
        unit.changed("solution", *ids)


def moved_order(plan: Plan, solution_id: uuid.UUID, offset: int) -> list[uuid.UUID]:
    """The solutions' order with ``solution_id`` moved ``offset`` places (-1: up)."""
    order = [row.id for row in list_solutions(plan)]
    if solution_id not in order:
        raise NotFoundError(_SOLUTION_GONE)
    return moved(order, solution_id, offset, "solution")


def reorder_solutions(plan: Plan, order: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    """Put the solutions in ``order``; returns the previous order (for undo)."""
    wanted = list(order)
    with plan.write() as unit:
        solutions = list(
            unit.session.scalars(select(Solution).order_by(Solution.sort_order, Solution.name))
        )
        previous = [s.id for s in solutions]
        if sorted(previous, key=str) != sorted(wanted, key=str):
            raise UserError("The solutions changed meanwhile; try moving it again.")
        position = {solution_id: index for index, solution_id in enumerate(wanted)}
        for solution in solutions:
            if solution.sort_order != position[solution.id]:
                solution.sort_order = position[solution.id]
        unit.changed("solution", *wanted)
    return previous
