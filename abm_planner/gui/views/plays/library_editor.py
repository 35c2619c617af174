"""The play library editor: the plan's reusable plays, added, edited and removed.

A tool window holding its Designer form (``ui/play_library_dialog.ui``): the plays
on the left, the chosen one's fields on the right. "Apply changes" pushes one
``EditTemplateCommand`` with only the fields that changed; adding and deleting are
commands too, so Edit ▸ Undo covers every library edit. Deleting a play that
accounts use leaves their plays in place, unlinked (undo re-links them).
Export and import through the workbook belong to the Excel feature.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QListWidget, QListWidgetItem, QMessageBox, QWidget

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import coerce
from abm_planner.errors import UserError
from abm_planner.gui.commands.base import push
from abm_planner.gui.commands.play_commands import (
    CreateTemplateCommand,
    DeleteTemplateCommand,
    EditTemplateCommand,
)
from abm_planner.gui.forms.ui_play_library_dialog import Ui_PlayLibraryDialog
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.choices import (
    choose,
    fill_choices,
    keep_retired,
    retired_label,
    term_choices,
)
from abm_planner.gui.views.delegates import checked_ids
from abm_planner.gui.views.plays.assignment_dialog import LEAD_LABELS
from abm_planner.plays.fields import TEMPLATE_FIELDS, check_lead_function
from abm_planner.services.changes import Change
from abm_planner.services.lookups import Term, vocabulary
from abm_planner.services.play_templates import TemplateRow, list_templates, unique_name

_ID = Qt.ItemDataRole.UserRole
_RETIRED = Qt.ItemDataRole.UserRole + 1
_SPECS = {spec.name: spec for spec in TEMPLATE_FIELDS}


def tr(text: str) -> str:
    return QCoreApplication.translate("PlayLibraryDialog", text)


def _fill_checkable(widget: QListWidget, terms: list[Term]) -> None:
    widget.clear()
    for term in terms:
        item = QListWidgetItem(term.label if term.active else retired_label(term.label), widget)
        item.setData(_ID, term.id)
        item.setData(_RETIRED, not term.active)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setHidden(not term.active)


def _check(widget: QListWidget, ids: list[uuid.UUID]) -> None:
    """Check ``ids``; a retired term shows only while the template holds it."""
    wanted = set(ids)
    for row in range(widget.count()):
        item = widget.item(row)
        held = item.data(_ID) in wanted
        item.setCheckState(Qt.CheckState.Checked if held else Qt.CheckState.Unchecked)
        item.setHidden(bool(item.data(_RETIRED)) and not held)


class PlayLibraryDialog(QDialog):
    """The library as a list and a form; every edit is an undo command."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PlayLibraryDialog()
        self.ui.setupUi(self)
        self.setObjectName("playLibraryDialog")
        self._context = context
        self._rows: dict[uuid.UUID, TemplateRow] = {}
        self._current: uuid.UUID | None = None
        ui = self.ui
        ui.errorLabel.setStyleSheet("color: #d9483b;")
        ui.errorLabel.hide()
        types, self._retired_types = term_choices(vocabulary(context.plan, vocab.PLAY_TYPE))
        fill_choices(ui.typeCombo, tr("—"), types)
        for key in vocab.LEAD_FUNCTIONS:
            ui.leadCombo.addItem(tr(LEAD_LABELS[key]), key)
        _fill_checkable(ui.stagesList, vocabulary(context.plan, vocab.STAGE))
        _fill_checkable(ui.rolesList, vocabulary(context.plan, vocab.ROLE))
        ui.templateList.currentItemChanged.connect(self._on_current_changed)
        ui.addButton.clicked.connect(self.add_template)
        ui.deleteButton.clicked.connect(self.delete_current)
        ui.applyButton.clicked.connect(self.apply_changes)
        ui.revertButton.clicked.connect(self._show_current)
        writable = not context.read_only
        for widget in (ui.addButton, ui.deleteButton, ui.applyButton, ui.revertButton):
            widget.setEnabled(writable)
        context.events.changed.connect(self._on_plan_changed)
        self.reload()

    # -- list -------------------------------------------------------------------------
    def reload(self, select: uuid.UUID | None = None) -> None:
        wanted = select or self._current
        rows = list_templates(self._context.plan)
        self._rows = {row.id: row for row in rows}
        listing = self.ui.templateList
        listing.blockSignals(True)
        listing.clear()
        for row in rows:
            item = QListWidgetItem(row.name, listing)
            item.setData(_ID, row.id)
            lead = tr(LEAD_LABELS.get(row.values["lead_function"], ""))
            uses = tr("used by {n} plays").format(n=row.uses) if row.uses else tr("not used yet")
            item.setToolTip(f"{lead} · {uses}")
        listing.blockSignals(False)
        ids = [row.id for row in rows]
        index = ids.index(wanted) if wanted in ids else (0 if ids else -1)
        listing.setCurrentRow(index)
        self._current = ids[index] if index >= 0 else None
        self._show_current()

    def select_template(self, template_id: uuid.UUID) -> None:
        for row in range(self.ui.templateList.count()):
            if self.ui.templateList.item(row).data(_ID) == template_id:
                self.ui.templateList.setCurrentRow(row)
                return

    @property
    def current_id(self) -> uuid.UUID | None:
        return self._current

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self._current = current.data(_ID) if current is not None else None
        self._show_current()

    # -- form -------------------------------------------------------------------------
    def _show_current(self) -> None:
        ui = self.ui
        ui.errorLabel.hide()
        row = self._rows.get(self._current) if self._current else None
        enabled = row is not None and not self._context.read_only
        for widget in (ui.deleteButton, ui.applyButton, ui.revertButton):
            widget.setEnabled(enabled)
        if row is None:
            return
        values = row.values
        ui.nameEdit.setText(values["name"])
        keep_retired(ui.typeCombo, values["play_type_id"], self._retired_types)
        choose(ui.typeCombo, values["play_type_id"])
        ui.leadCombo.setCurrentIndex(max(ui.leadCombo.findData(values["lead_function"]), 0))
        ui.touchesSpin.setValue(int(values["typical_touches"] or 0))
        ui.durationSpin.setValue(int(values["duration_days"] or 1))
        cost = values["cost"]
        ui.costEdit.setText("" if cost is None else f"{cost:,.0f}")
        ui.triggerEdit.setPlainText(values["trigger"])
        ui.stepsEdit.setPlainText(values["steps"])
        ui.successEdit.setPlainText(values["success_criteria"])
        ui.descriptionEdit.setPlainText(values["description"])
        _check(ui.stagesList, values["stage_ids"])
        _check(ui.rolesList, values["role_ids"])
        if row.uses:
            ui.usesLabel.setText(tr("{n} plays in this plan were made from it.").format(n=row.uses))
        else:
            ui.usesLabel.setText(tr("No play in this plan was made from it yet."))

    def form_values(self) -> dict[str, Any]:
        """The form's values, checked; raises ``UserError`` naming the field."""
        ui = self.ui
        raw = {
            "name": ui.nameEdit.text(),
            "play_type_id": ui.typeCombo.currentData(),
            "lead_function": ui.leadCombo.currentData(),
            "typical_touches": ui.touchesSpin.value(),
            "duration_days": ui.durationSpin.value(),
            "cost": ui.costEdit.text(),
            "trigger": ui.triggerEdit.toPlainText(),
            "steps": ui.stepsEdit.toPlainText(),
            "success_criteria": ui.successEdit.toPlainText(),
            "description": ui.descriptionEdit.toPlainText(),
            "stage_ids": checked_ids(ui.stagesList),
            "role_ids": checked_ids(ui.rolesList),
        }
        values = {name: coerce(_SPECS[name], value) for name, value in raw.items()}
        values["lead_function"] = check_lead_function(values["lead_function"] or "joint")
        return values

    def _changes(self, row: TemplateRow) -> dict[str, Any]:
        values = self.form_values()
        old = dict(row.values)
        for key in ("stage_ids", "role_ids"):
            old[key] = sorted(old[key], key=str)
            values[key] = sorted(values[key], key=str)
        return {k: v for k, v in values.items() if old.get(k) != v}

    # -- edits ------------------------------------------------------------------------
    def _push(self, command: Any) -> bool:
        try:
            push(self._context.undo_stack, command)
        except UserError as error:
            self._show_error(error)
            return False
        return True

    def _show_error(self, error: UserError) -> None:
        self.ui.errorLabel.setText(str(error))
        self.ui.errorLabel.show()

    def apply_changes(self) -> bool:
        row = self._rows.get(self._current) if self._current else None
        if row is None:
            return False
        try:
            changes = self._changes(row)
        except UserError as error:
            self._show_error(error)
            return False
        if not changes:
            return False
        return self._push(EditTemplateCommand(self._context, row.id, changes))

    def add_template(self) -> uuid.UUID | None:
        name = unique_name(self._context.plan, tr("New play"))
        command = CreateTemplateCommand(
            self._context, {"name": name, "lead_function": "joint", "duration_days": 30}
        )
        if not self._push(command):
            return None
        assert command.template_id is not None
        self.reload(command.template_id)
        self.ui.nameEdit.setFocus()
        self.ui.nameEdit.selectAll()
        return command.template_id

    def delete_current(self) -> bool:
        row = self._rows.get(self._current) if self._current else None
        if row is None:
            return False
        question = tr("Remove “{name}” from the play library?").format(name=row.name)
        if row.uses:
            consequence = tr(
                "{n} plays were made from it; they keep their dates and targets."
            ).format(n=row.uses)
        else:
            consequence = tr("No play uses it.")
        answer = QMessageBox.question(
            self,
            tr("Remove library play"),
            f"{question} {consequence}\n\n{tr('You can undo this with Edit ▸ Undo.')}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._push(DeleteTemplateCommand(self._context, row.id))

    def _on_plan_changed(self, changes: list[Change]) -> None:
        if any(c.kind in ("play_template", "plan", "play") for c in changes):
            self.reload()


def open_play_library(context: PlanContext, parent: QWidget | None) -> PlayLibraryDialog:
    """Show the library editor as a tool window (one per plan; raised if already open)."""
    existing = context.extras.get("play_library")
    if isinstance(existing, PlayLibraryDialog):
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = PlayLibraryDialog(context, parent)
    dialog.setWindowFlag(Qt.WindowType.Tool, True)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    context.extras["play_library"] = dialog
    dialog.destroyed.connect(lambda: context.extras.pop("play_library", None))
    dialog.show()
    return dialog
