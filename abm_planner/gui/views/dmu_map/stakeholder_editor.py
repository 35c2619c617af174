"""Double-click a card: the stakeholder form, filled with the person's values.

The form is the one "New stakeholder" uses (``dialogs.record_forms``); here it opens
filled in, and only the fields the person changed go into one undoable edit.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.commands import EditStakeholderCommand, push
from abm_planner.gui.dialogs.record_forms import FormChoices, StakeholderFormDialog
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services.stakeholders import get_stakeholder

_ID_ROLE = Qt.ItemDataRole.UserRole


def _choose(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def fill_form(dialog: StakeholderFormDialog, values: dict[str, Any]) -> None:
    """Show ``values`` (as ``get_stakeholder`` returns them) in the form."""
    ui = dialog.ui
    ui.nameEdit.setText(values.get("name") or "")
    ui.titleEdit.setText(values.get("title") or "")
    ui.departmentEdit.setText(values.get("department") or "")
    ui.emailEdit.setText(values.get("email") or "")
    ui.phoneEdit.setText(values.get("phone") or "")
    for combo, name in (
        (ui.attitudeCombo, "attitude_id"),
        (ui.influenceCombo, "influence_id"),
        (ui.coverageCombo, "coverage_id"),
        (ui.relationshipCombo, "relationship_id"),
        (ui.salesOwnerCombo, "sales_owner_id"),
        (ui.marketingOwnerCombo, "marketing_owner_id"),
    ):
        _choose(combo, values.get(name))
    ui.innerCircleCheck.setChecked(bool(values.get("inner_circle")))
    roles = set(values.get("role_ids") or [])
    for row in range(ui.rolesList.count()):
        item = ui.rolesList.item(row)
        checked = item.data(_ID_ROLE) in roles
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def _same(name: str, before: Any, after: Any) -> bool:
    if name == "role_ids":
        return set(before or []) == set(after or [])
    if isinstance(before, str) or isinstance(after, str):
        return (before or "") == (after or "")
    return bool(before == after)


def changed_values(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The fields whose value differs (roles compared as sets, no text same as empty)."""
    return {name: value for name, value in new.items() if not _same(name, old.get(name), value)}


def edit_stakeholder(
    context: PlanContext, stakeholder_id: uuid.UUID, parent: QWidget | None
) -> bool:
    """Open the filled form; push the changes as one undo step. True if anything changed."""
    try:
        row = get_stakeholder(context.plan, stakeholder_id)
    except UserError as error:
        actions.show_user_error(parent, error)
        return False
    dialog = StakeholderFormDialog(FormChoices.for_plan(context.plan), parent)
    dialog.setWindowTitle(dialog.tr("Edit stakeholder"))
    fill_form(dialog, row.values)
    if context.read_only:
        dialog.ui.buttonBox.setEnabled(False)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or context.read_only:
            return False
        changes = changed_values(row.values, dialog.values())
        if not changes:
            return False
        push(context.undo_stack, EditStakeholderCommand(context, stakeholder_id, changes))
    except UserError as error:
        actions.show_user_error(parent, error)
        return False
    finally:
        dialog.deleteLater()
    return True
