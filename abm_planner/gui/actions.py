"""What the menus and buttons do: ask the user what is needed, then push an undo command.

The shell wires these to Account ▸ New account and friends; the panels call them
too. Every question goes through a ``QMessageBox``/``QInputDialog`` static method,
so tests replace those and never block. ``show_user_error`` is the one place a
refused action is reported; the shell may replace it (always call it through this
module, ``actions.show_user_error(...)``, so a replacement takes effect).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from abm_planner.errors import ReadOnlyPlanError, UserError
from abm_planner.gui.commands import (
    CreateAccountCommand,
    CreateStakeholderCommand,
    DeleteAccountCommand,
    DeleteStakeholderCommand,
    push,
    push_all,
)
from abm_planner.gui.commands.base import ServiceCommand
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services.accounts import attached_counts, get_account
from abm_planner.services.stakeholders import get_stakeholder


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    """Tell the user, in the error's one sentence, why the action did not happen."""
    QMessageBox.warning(parent, tr("ABM Planner"), str(error))


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a Yes/Cancel question (Cancel the default); True only for Yes."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def push_reporting(context: PlanContext, command: ServiceCommand, parent: QWidget | None) -> bool:
    """Push one command; report a refusal and return False."""
    try:
        push(context.undo_stack, command)
    except UserError as error:
        show_user_error(parent, error)
        return False
    return True


def push_macro(
    context: PlanContext,
    text: str,
    commands: Iterable[ServiceCommand],
    parent: QWidget | None,
) -> bool:
    """Push ``commands`` as one undo step named ``text``; report a refusal and return False."""
    refusal = push_all(context.undo_stack, text, commands)
    if refusal is not None:
        show_user_error(parent, refusal)
        return False
    return True


def refuse_if_read_only(context: PlanContext, parent: QWidget | None) -> bool:
    """Say why nothing can change in a read-only plan; True when the action must stop."""
    if not context.read_only:
        return False
    show_user_error(
        parent,
        ReadOnlyPlanError(
            tr("This plan is open read-only: {0}.").format(context.plan.read_only_reason)
        ),
    )
    return True


def _count(number: int, one: str, many: str) -> str:
    return tr(one) if number == 1 else tr(many).format(n=number)


def _ask_name(parent: QWidget | None, title: str, label: str) -> str | None:
    name, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, "")
    return name if ok else None


def new_account(context: PlanContext, parent: QWidget | None) -> uuid.UUID | None:
    """Ask for a name and add the account; its id, or None if cancelled or refused."""
    if refuse_if_read_only(context, parent):
        return None
    name = _ask_name(parent, tr("New account"), tr("Name of the account:"))
    if name is None:
        return None
    command = CreateAccountCommand(context, {"name": name})
    return command.account_id if push_reporting(context, command, parent) else None


def delete_account(context: PlanContext, account_id: uuid.UUID, parent: QWidget | None) -> bool:
    """Confirm, naming what goes with the account, then delete it (one undo restores all)."""
    if refuse_if_read_only(context, parent):
        return False
    try:
        name = get_account(context.plan, account_id)["name"]
        counts = attached_counts(context.plan, account_id)
    except UserError as error:
        show_user_error(parent, error)
        return False
    people = _count(counts["stakeholders"], "1 stakeholder", "{n} stakeholders")
    plays = _count(counts["plays"], "1 play", "{n} plays")
    if counts["stakeholders"] or counts["plays"]:
        consequence = tr("Its {people} and {plays} are deleted with it.").format(
            people=people, plays=plays
        )
    else:
        consequence = tr("It has no stakeholders or plays.")
    question = tr("Delete the account “{name}”?").format(name=name)
    text = f"{question} {consequence}\n\n{tr('You can undo this with Edit ▸ Undo.')}"
    if not confirm(parent, tr("Delete account"), text):
        return False
    return push_reporting(context, DeleteAccountCommand(context, account_id), parent)


def new_stakeholder(
    context: PlanContext, account_id: uuid.UUID, parent: QWidget | None
) -> uuid.UUID | None:
    """Ask for a name and add a stakeholder to the account; their id, or None."""
    if refuse_if_read_only(context, parent):
        return None
    name = _ask_name(parent, tr("New stakeholder"), tr("Name of the person:"))
    if name is None:
        return None
    command = CreateStakeholderCommand(context, account_id, {"name": name})
    return command.stakeholder_id if push_reporting(context, command, parent) else None


def delete_stakeholders(
    context: PlanContext, ids: Sequence[uuid.UUID], parent: QWidget | None
) -> bool:
    """Confirm and delete the stakeholders as one undoable step."""
    if not ids or refuse_if_read_only(context, parent):
        return False
    names: list[str] = []
    for stakeholder_id in ids:
        try:
            names.append(get_stakeholder(context.plan, stakeholder_id).values["name"])
        except UserError as error:
            show_user_error(parent, error)
            return False
    if len(ids) == 1:
        question = tr("Delete the stakeholder “{name}”?").format(name=names[0])
        step = tr("Delete stakeholder {name}").format(name=names[0])
    else:
        question = tr("Delete {n} stakeholders?").format(n=len(ids))
        step = tr("Delete {n} stakeholders").format(n=len(ids))
    text = (
        f"{question} {tr('Their lines, touches and play targets go with them.')}"
        f"\n\n{tr('You can undo this with Edit ▸ Undo.')}"
    )
    title = tr("Delete stakeholders") if len(ids) > 1 else tr("Delete stakeholder")
    if not confirm(parent, title, text):
        return False
    return push_macro(
        context,
        step,
        (DeleteStakeholderCommand(context, stakeholder_id) for stakeholder_id in ids),
        parent,
    )
