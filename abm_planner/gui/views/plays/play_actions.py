"""What the Plays tab's buttons do: ask what is needed, then push an undo command.

Every dialog is opened with ``exec()`` and every question goes through
``QMessageBox``, so tests replace them and never block; a refusal from a service is
reported through ``actions.show_user_error``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.commands.play_commands import (
    CreatePlayCommand,
    DeletePlayCommand,
    EditPlayCommand,
    LogTouchCommand,
)
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.plays.assignment_dialog import AssignmentChoices, PlayAssignmentDialog
from abm_planner.gui.views.plays.touch_dialog import LogTouchDialog, TouchChoices
from abm_planner.services.accounts import get_account
from abm_planner.services.plays import get_assignment, values_from_template


def tr(text: str) -> str:
    return QCoreApplication.translate("PlayActions", text)


def add_play(
    context: PlanContext, account_id: uuid.UUID, parent: QWidget | None
) -> uuid.UUID | None:
    """Open the assignment dialog for a new play; its id, or None if cancelled or refused."""
    if actions.refuse_if_read_only(context, parent):
        return None
    try:
        account = get_account(context.plan, account_id)
        owners = (account["sales_owner_id"], account["marketing_owner_id"])
        choices = AssignmentChoices.for_account(context.plan, account_id, owners)
    except UserError as error:
        actions.show_user_error(parent, error)
        return None
    dialog = PlayAssignmentDialog(choices, None, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    command = CreatePlayCommand(context, account_id, dialog.values())
    return command.assignment_id if actions.push_reporting(context, command, parent) else None


def edit_play(context: PlanContext, assignment_id: uuid.UUID, parent: QWidget | None) -> bool:
    """Open the assignment dialog on a play and push what changed."""
    if actions.refuse_if_read_only(context, parent):
        return False
    try:
        values = get_assignment(context.plan, assignment_id)
        choices = AssignmentChoices.for_account(context.plan, values["account_id"])
    except UserError as error:
        actions.show_user_error(parent, error)
        return False
    dialog = PlayAssignmentDialog(choices, values, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    changes = dialog.changes()
    if not changes:
        return False
    return actions.push_reporting(context, EditPlayCommand(context, assignment_id, changes), parent)


def delete_plays(
    context: PlanContext, ids: Sequence[uuid.UUID], names: Sequence[str], parent: QWidget | None
) -> bool:
    """Confirm, then delete the plays as one undoable step (their touches stay)."""
    if not ids or actions.refuse_if_read_only(context, parent):
        return False
    if len(ids) == 1:
        question = tr("Delete the play “{name}”?").format(name=names[0])
        step = tr("Delete play {name}").format(name=names[0])
    else:
        question = tr("Delete {n} plays?").format(n=len(ids))
        step = tr("Delete {n} plays").format(n=len(ids))
    text = (
        f"{question} {tr('Touches logged for it stay in the touch log.')}"
        f"\n\n{tr('You can undo this with Edit ▸ Undo.')}"
    )
    if not actions.confirm(parent, tr("Delete play"), text):
        return False
    return actions.push_macro(
        context,
        step,
        (DeletePlayCommand(context, assignment_id) for assignment_id in ids),
        parent,
    )


def log_touch(
    context: PlanContext,
    account_id: uuid.UUID,
    parent: QWidget | None,
    *,
    stakeholder_id: uuid.UUID | None = None,
    assignment_id: uuid.UUID | None = None,
) -> uuid.UUID | None:
    """Open the touch dialog and log the touch; its id, or None."""
    if actions.refuse_if_read_only(context, parent):
        return None
    try:
        choices = TouchChoices.for_account(context.plan, account_id)
    except UserError as error:
        actions.show_user_error(parent, error)
        return None
    dialog = LogTouchDialog(
        choices, parent, stakeholder_id=stakeholder_id, assignment_id=assignment_id
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    person = dialog.stakeholder_id()
    if person is None:
        return None
    command = LogTouchCommand(context, person, dialog.values(), dialog.stakeholder_name())
    return command.touch_id if actions.push_reporting(context, command, parent) else None


def add_targets(
    context: PlanContext,
    assignment_id: uuid.UUID,
    stakeholder_ids: Sequence[uuid.UUID],
    parent: QWidget | None,
) -> bool:
    """One click: add the people of a gap to a play the account already runs."""
    if actions.refuse_if_read_only(context, parent):
        return False
    try:
        current = get_assignment(context.plan, assignment_id)["target_ids"]
    except UserError as error:
        actions.show_user_error(parent, error)
        return False
    targets = list(dict.fromkeys([*current, *stakeholder_ids]))
    if len(targets) == len(current):
        return False
    return actions.push_reporting(
        context, EditPlayCommand(context, assignment_id, {"target_ids": targets}), parent
    )


def assign_template(
    context: PlanContext,
    account_id: uuid.UUID,
    template_id: uuid.UUID,
    stakeholder_ids: Sequence[uuid.UUID],
    parent: QWidget | None,
) -> uuid.UUID | None:
    """One click: assign a library play to the people of a gap, starting next Monday."""
    if actions.refuse_if_read_only(context, parent):
        return None
    try:
        values = values_from_template(context.plan, account_id, template_id, stakeholder_ids)
    except UserError as error:
        actions.show_user_error(parent, error)
        return None
    command = CreatePlayCommand(context, account_id, values)
    return command.assignment_id if actions.push_reporting(context, command, parent) else None
