"""Undoable edits of the plan's lists (Plan ▸ Lists…): rename, add, move, retire, delete.

Each wraps one call of ``services.vocabularies`` whose inverse is known: a rename or
retire returns the old value, a move returns the old order, an add is undone by
deleting the (still unused) term and redone by restoring that very row.
"""

from __future__ import annotations

import uuid

from abm_planner.gui.commands.base import quoted, tr
from abm_planner.gui.commands.generic import CreateCommand, DeleteCommand, ValueCommand
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services import vocabularies
from abm_planner.services.agreement_rows import CapturedRows


def rename_term_command(
    context: PlanContext, term_id: uuid.UUID, old_label: str, label: str
) -> ValueCommand:
    plan = context.plan
    text = tr("Rename {old} to {new}").format(old=quoted(old_label), new=quoted(label))
    return ValueCommand(context, text, lambda v: vocabularies.rename_term(plan, term_id, v), label)


def add_term_command(context: PlanContext, kind: str, label: str) -> CreateCommand[CapturedRows]:
    plan = context.plan
    name = vocabularies.list_kind(kind).name
    text = tr("Add {label} to {list}").format(label=quoted(label), list=tr(name).lower())
    return CreateCommand(
        context,
        text,
        lambda: vocabularies.add_term(plan, kind, label),
        lambda term_id: vocabularies.delete_term(plan, term_id),
        lambda captured: vocabularies.restore_term(plan, captured),
    )


def retire_term_command(
    context: PlanContext, term_id: uuid.UUID, label: str, active: bool
) -> ValueCommand:
    """Retire (``active`` False) or restore a term."""
    plan = context.plan
    text = (tr("Restore {label}") if active else tr("Retire {label}")).format(label=quoted(label))
    return ValueCommand(context, text, lambda v: vocabularies.set_active(plan, term_id, v), active)


def move_term_command(
    context: PlanContext, kind: str, term_id: uuid.UUID, label: str, offset: int
) -> ValueCommand:
    """Move a term ``offset`` places (-1: up); refused at either end."""
    plan = context.plan
    order = vocabularies.moved_order(plan, term_id, offset)
    text = (tr("Move {label} up") if offset < 0 else tr("Move {label} down")).format(
        label=quoted(label)
    )
    return ValueCommand(context, text, lambda v: vocabularies.reorder_terms(plan, kind, v), order)


def delete_term_command(
    context: PlanContext, term_id: uuid.UUID, label: str
) -> DeleteCommand[CapturedRows]:
    plan = context.plan
    return DeleteCommand(
        context,
        tr("Delete {label}").format(label=quoted(label)),
        term_id,
        lambda i: vocabularies.delete_term(plan, i),
        lambda captured: vocabularies.restore_term(plan, captured),
    )
