"""Undoable edits of our team members and our solutions (Plan ▸ Team and solutions…).

A delete captures the row and what hangs off it (the owner references a member's
delete clears, the whitespace cells a solution's delete removes); undo restores the
capture, so the record comes back with the same id and its links. Redo of a create
restores the record undo removed, again with the same id.
"""

from __future__ import annotations

import uuid
from typing import Any

from abm_planner.gui.commands.base import quoted, tr
from abm_planner.gui.commands.generic import CreateCommand, DeleteCommand, ValueCommand
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services import team

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
) -> CreateCommand[team.MemberCapture]:
    plan = context.plan
    text = tr("Add team member {name}").format(name=quoted(str(values.get("name", ""))))
    return CreateCommand(
        context,
        text,
        lambda: team.create_team_member(plan, values),
        lambda member_id: team.delete_team_member(plan, member_id),
        lambda captured: team.restore_team_member(plan, captured),
    )


def edit_member_command(
    context: PlanContext, member_id: uuid.UUID, name: str, changes: dict[str, Any]
) -> ValueCommand:
    plan = context.plan
    text = tr("Change {fields} of team member {name}").format(
        fields=_fields(changes), name=quoted(name)
    )
    return ValueCommand(
        context, text, lambda v: team.update_team_member(plan, member_id, v), changes
    )


def delete_member_command(
    context: PlanContext, member_id: uuid.UUID, name: str
) -> DeleteCommand[team.MemberCapture]:
    plan = context.plan
    return DeleteCommand(
        context,
        tr("Delete team member {name}").format(name=quoted(name)),
        member_id,
        lambda i: team.delete_team_member(plan, i),
        lambda captured: team.restore_team_member(plan, captured),
    )


# -- solutions --------------------------------------------------------------------------


def add_solution_command(context: PlanContext, values: dict[str, Any]) -> CreateCommand[Any]:
    plan = context.plan
    text = tr("Add solution {name}").format(name=quoted(str(values.get("name", ""))))
    return CreateCommand(
        context,
        text,
        lambda: team.create_solution(plan, values),
        lambda solution_id: team.delete_solution(plan, solution_id),
        lambda captured: team.restore_solution(plan, captured),
    )


def edit_solution_command(
    context: PlanContext, solution_id: uuid.UUID, name: str, changes: dict[str, Any]
) -> ValueCommand:
    plan = context.plan
    text = tr("Change {fields} of solution {name}").format(
        fields=_fields(changes), name=quoted(name)
    )
    return ValueCommand(
        context, text, lambda v: team.update_solution(plan, solution_id, v), changes
    )


def delete_solution_command(
    context: PlanContext, solution_id: uuid.UUID, name: str
) -> DeleteCommand[Any]:
    plan = context.plan
    return DeleteCommand(
        context,
        tr("Delete solution {name}").format(name=quoted(name)),
        solution_id,
        lambda i: team.delete_solution(plan, i),
        lambda captured: team.restore_solution(plan, captured),
    )


def move_solution_command(
    context: PlanContext, solution_id: uuid.UUID, name: str, offset: int
) -> ValueCommand:
    """Move a solution ``offset`` places (-1: up, 1: down); refused at either end."""
    plan = context.plan
    order = team.moved_order(plan, solution_id, offset)
    text = (
        tr("Move solution {name} up") if offset < 0 else tr("Move solution {name} down")
    ).format(name=quoted(name))
    return ValueCommand(context, text, lambda v: team.reorder_solutions(plan, v), order)
