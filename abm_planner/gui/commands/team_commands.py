"""Undoable edits of our team members and our solutions (Plan ▸ Team and solutions…).

A delete captures the row and what hangs off it (the owner references a member's
delete clears, the whitespace cells a solution's delete removes); undo restores the
capture, so the record comes back with the same id and its links. Redo of a create
restores the record undo removed, again with the same id.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from abm_planner.gui.commands.base import ServiceCommand, quoted, tr
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services import team

C = TypeVar("C")


class ChangeCommand(ServiceCommand):
    """``change(value)`` makes the edit and returns the old value; undo changes it back."""

    def __init__(
        self, context: PlanContext, text: str, change: Callable[[Any], Any], value: Any
    ) -> None:
        super().__init__(context, text)
        self._change = change
        self.value = value
        self.old: Any = None

    def apply(self) -> None:
        self.old = self._change(self.value)

    def do_redo(self) -> None:
        self._change(self.value)

    def do_undo(self) -> None:
        self._change(self.old)


class AddCommand(ServiceCommand, Generic[C]):
    """Add a record; undo deletes it (capturing it), redo restores that capture."""

    def __init__(
        self,
        context: PlanContext,
        text: str,
        create: Callable[[], uuid.UUID],
        delete: Callable[[uuid.UUID], C],
        restore: Callable[[C], None],
    ) -> None:
        super().__init__(context, text)
        self._create, self._delete, self._restore = create, delete, restore
        self.record_id: uuid.UUID | None = None
        self._captured: C | None = None

    def apply(self) -> None:
        self.record_id = self._create()

    def do_redo(self) -> None:
        assert self._captured is not None
        self._restore(self._captured)

    def do_undo(self) -> None:
        assert self.record_id is not None
        self._captured = self._delete(self.record_id)


class RemoveCommand(ServiceCommand, Generic[C]):
    """Delete a record with what hangs off it; undo restores the capture."""

    def __init__(
        self,
        context: PlanContext,
        text: str,
        record_id: uuid.UUID,
        delete: Callable[[uuid.UUID], C],
        restore: Callable[[C], None],
    ) -> None:
        super().__init__(context, text)
        self.record_id = record_id
        self._delete, self._restore = delete, restore
        self._captured: C | None = None

    def apply(self) -> None:
        self._captured = self._delete(self.record_id)

    def do_redo(self) -> None:
        self.apply()

    def do_undo(self) -> None:
        assert self._captured is not None
        self._restore(self._captured)


_FIELD_WORDS = {
    "name": "name",
    "email": "email",
    "title": "title",
    "function": "function",
    "description": "description",
}


def _fields(changes: dict[str, Any]) -> str:
    return ", ".join(tr(_FIELD_WORDS.get(name, name)) for name in changes)


# -- team members -----------------------------------------------------------------------


def add_member_command(
    context: PlanContext, values: dict[str, Any]
) -> AddCommand[team.MemberCapture]:
    plan = context.plan
    text = tr("Add team member {name}").format(name=quoted(str(values.get("name", ""))))
    return AddCommand(
        context,
        text,
        lambda: team.create_team_member(plan, values),
        lambda member_id: team.delete_team_member(plan, member_id),
        lambda captured: team.restore_team_member(plan, captured),
    )


def edit_member_command(
    context: PlanContext, member_id: uuid.UUID, name: str, changes: dict[str, Any]
) -> ChangeCommand:
    plan = context.plan
    text = tr("Change {fields} of team member {name}").format(
        fields=_fields(changes), name=quoted(name)
    )
    return ChangeCommand(
        context, text, lambda v: team.update_team_member(plan, member_id, v), changes
    )


def delete_member_command(
    context: PlanContext, member_id: uuid.UUID, name: str
) -> RemoveCommand[team.MemberCapture]:
    plan = context.plan
    return RemoveCommand(
        context,
        tr("Delete team member {name}").format(name=quoted(name)),
        member_id,
        lambda i: team.delete_team_member(plan, i),
        lambda captured: team.restore_team_member(plan, captured),
    )


# -- solutions --------------------------------------------------------------------------


def add_solution_command(context: PlanContext, values: dict[str, Any]) -> AddCommand[Any]:
    plan = context.plan
    text = tr("Add solution {name}").format(name=quoted(str(values.get("name", ""))))
    return AddCommand(
        context,
        text,
        lambda: team.create_solution(plan, values),
        lambda solution_id: team.delete_solution(plan, solution_id),
        lambda captured: team.restore_solution(plan, captured),
    )


def edit_solution_command(
    context: PlanContext, solution_id: uuid.UUID, name: str, changes: dict[str, Any]
) -> ChangeCommand:
    plan = context.plan
    text = tr("Change {fields} of solution {name}").format(
        fields=_fields(changes), name=quoted(name)
    )
    return ChangeCommand(
        context, text, lambda v: team.update_solution(plan, solution_id, v), changes
    )


def delete_solution_command(
    context: PlanContext, solution_id: uuid.UUID, name: str
) -> RemoveCommand[Any]:
    plan = context.plan
    return RemoveCommand(
        context,
        tr("Delete solution {name}").format(name=quoted(name)),
        solution_id,
        lambda i: team.delete_solution(plan, i),
        lambda captured: team.restore_solution(plan, captured),
    )


def move_solution_command(
    context: PlanContext, solution_id: uuid.UUID, name: str, offset: int
) -> ChangeCommand:
    """Move a solution ``offset`` places (-1: up, 1: down); refused at either end."""
    plan = context.plan
    order = team.moved_order(plan, solution_id, offset)
    text = (
        tr("Move solution {name} up") if offset < 0 else tr("Move solution {name} down")
    ).format(name=quoted(name))
    return ChangeCommand(context, text, lambda v: team.reorder_solutions(plan, v), order)
