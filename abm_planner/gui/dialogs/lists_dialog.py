"""Plan ▸ Lists…: the plan's vocabularies, edited by the team (Designer form ``lists_dialog``).

The lists are on the left, the chosen list's terms on the right. Rename in place (F2
or double-click), add, move, retire/restore and delete with the buttons or their
shortcuts. Every change is one undo command on the plan's stack; the dialog and every
open view read the lists again from the plan's change notice, so undo, redo and a
teammate's edit show here too. A read-only plan opens the dialog read-only.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.commands.base import ServiceCommand, push
from abm_planner.gui.commands.vocabulary_commands import (
    add_term_command,
    delete_term_command,
    move_term_command,
    rename_term_command,
    retire_term_command,
)
from abm_planner.gui.dialogs.lists_dialog_model import NAME, STATE, USES, TermsModel
from abm_planner.gui.forms.ui_lists_dialog import Ui_ListsDialog
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services import vocabularies
from abm_planner.services.changes import Change
from abm_planner.services.vocabularies import ListKind, ListTerm

EXTRAS_KEY = "lists_dialog"
_RELOAD_KINDS = frozenset({"plan", "vocabulary", "vocabulary_term"})


class ListsDialog(QDialog):
    """Rename, add, order, retire and delete the terms of the plan's lists."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.ui = Ui_ListsDialog()
        self.ui.setupUi(self)
        self.model = TermsModel(self)
        self.model.editable = not context.read_only
        # Queued: the rename reloads the table, which must wait until the editor has closed.
        self.model.rename_requested.connect(self.rename_to, Qt.ConnectionType.QueuedConnection)
        view = self.ui.termsView
        view.setModel(self.model)
        header = view.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(USES, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        view.setWordWrap(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.selectionModel().currentRowChanged.connect(lambda *_: self._update_controls())
        for item in vocabularies.LISTS:
            entry = QListWidgetItem(self.tr(item.name), self.ui.listsList)
            entry.setData(Qt.ItemDataRole.UserRole, item.kind)
        self.ui.listsList.currentRowChanged.connect(lambda _row: self.reload())
        self._connect_buttons()
        context.events.changed.connect(self._on_changed)
        if context.read_only:
            self.ui.statusLabel.setText(
                self.tr("This plan is open read-only: {reason}.").format(
                    reason=context.plan.read_only_reason
                )
            )
        self.ui.listsList.setCurrentRow(0)
        view.setFocus()

    # -- what is shown --------------------------------------------------------------------

    @property
    def list_kind(self) -> ListKind:
        kind = self.ui.listsList.currentItem().data(Qt.ItemDataRole.UserRole)
        return vocabularies.list_kind(kind)

    def show_list(self, kind: str) -> None:
        """Choose the list ``kind`` on the left."""
        for row in range(self.ui.listsList.count()):
            if self.ui.listsList.item(row).data(Qt.ItemDataRole.UserRole) == kind:
                self.ui.listsList.setCurrentRow(row)
                return

    def selected(self) -> ListTerm | None:
        index = self.ui.termsView.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def select(self, term_id: uuid.UUID | None) -> None:
        row = self.model.row_of(term_id)
        if row is None:
            row = 0 if self.model.rows else None
        if row is None:
            return
        index = self.model.index(row, NAME)
        self.ui.termsView.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def reload(self) -> None:
        """Read the chosen list again, keeping the selected term selected."""
        if self.ui.listsList.currentItem() is None:
            return
        keep = self.selected()
        item = self.list_kind
        self.model.can_grow = item.can_grow
        self.model.set_rows(vocabularies.list_terms(self._context.plan, item.kind))
        if item.fixed:
            note = self.tr(
                "These terms can be renamed, but not added, moved or retired: {reason}."
            ).format(reason=self.tr(item.fixed))
        else:
            note = self.tr(
                "Rename, add, order and retire terms. A retired term is no longer offered; "
                "records that use it keep it. Only an unused term your team added can be deleted."
            )
        self.ui.listNote.setText(note)
        self.select(keep.id if keep else None)
        self._update_controls()

    def _on_changed(self, changes: list[Change]) -> None:
        if any(change.kind in _RELOAD_KINDS for change in changes):
            self.reload()

    def _update_controls(self) -> None:
        ui, term = self.ui, self.selected()
        editable = not self._context.read_only
        grows = self.list_kind.can_grow
        row = -1 if term is None else (self.model.row_of(term.id) or 0)
        ui.addButton.setEnabled(editable and grows)
        ui.renameButton.setEnabled(editable and term is not None)
        ui.upButton.setEnabled(editable and grows and row > 0)
        ui.downButton.setEnabled(editable and grows and 0 <= row < len(self.model.rows) - 1)
        retired = term is not None and not term.active
        ui.retireButton.setText(self.tr("&Restore") if retired else self.tr("&Retire"))
        ui.retireButton.setEnabled(
            editable and term is not None and (retired or not term.kept_because)
        )
        ui.deleteButton.setEnabled(
            editable
            and term is not None
            and not term.built_in
            and not term.uses
            and not term.kept_because
        )
        kept = self.model.tip(term) if term is not None and term.kept_because else ""
        ui.retireButton.setToolTip(kept or ui.retireButton.property("defaultTip"))
        ui.deleteButton.setToolTip(
            kept or self._why_not_delete(term) or ui.deleteButton.property("defaultTip")
        )

    def _why_not_delete(self, term: ListTerm | None) -> str:
        if term is None:
            return ""
        if term.uses:
            return self.tr("Used by {n} records: retire it instead, so they keep it.").format(
                n=term.uses
            )
        if term.built_in:
            return self.tr("A built-in term is retired rather than deleted.")
        return ""

    # -- actions --------------------------------------------------------------------------

    def _connect_buttons(self) -> None:
        ui = self.ui
        # Rename and delete act on the term table only; the rest anywhere in the dialog.
        wiring: list[tuple[QPushButton, Callable[[], None], str, QWidget]] = [
            (ui.addButton, self.add, "Ctrl+N", self),
            (ui.renameButton, self.rename, "F2", ui.termsView),
            (ui.upButton, self.move_up, "Ctrl+Up", self),
            (ui.downButton, self.move_down, "Ctrl+Down", self),
            (ui.retireButton, self.toggle_retired, "Ctrl+R", self),
            (ui.deleteButton, self.delete, "Del", ui.termsView),
        ]
        for button, slot, keys, scope in wiring:
            button.clicked.connect(slot)
            button.setProperty("defaultTip", button.toolTip())
            shortcut = QShortcut(QKeySequence(keys), scope)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda b=button, s=slot: b.isEnabled() and s())

    def _push(self, command: Callable[[], ServiceCommand]) -> bool:
        """Build and push one command; a refusal is said in one sentence."""
        if actions.refuse_if_read_only(self._context, self):
            return False
        try:
            return push(self._context.undo_stack, command())
        except UserError as error:
            actions.show_user_error(self, error)
            return False

    def add(self) -> None:
        item = self.list_kind
        label, ok = QInputDialog.getText(
            self,
            self.tr("Add to {name}").format(name=self.tr(item.name).lower()),
            self.tr("Name:"),
            QLineEdit.EchoMode.Normal,
        )
        if not ok:
            return
        context = self._context
        command = add_term_command(context, item.kind, label)
        if self._push(lambda: command):
            self.select(command.record_id)

    def rename(self) -> None:
        term = self.selected()
        if term is not None:
            self.ui.termsView.edit(self.model.index(self.model.row_of(term.id) or 0, NAME))

    def rename_to(self, term_id: uuid.UUID, label: str) -> None:
        term = next((t for t in self.model.rows if t.id == term_id), None)
        if term is not None:
            self._push(lambda: rename_term_command(self._context, term.id, term.label, label))

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, offset: int) -> None:
        term = self.selected()
        if term is None:
            return
        kind = self.list_kind.kind
        if self._push(lambda: move_term_command(self._context, kind, term.id, term.label, offset)):
            self.select(term.id)

    def toggle_retired(self) -> None:
        term = self.selected()
        if term is not None:
            self._push(
                lambda: retire_term_command(self._context, term.id, term.label, not term.active)
            )

    def delete(self) -> None:
        term = self.selected()
        if term is None:
            return
        question = self.tr("Delete “{label}” from {name}? Undo brings it back.").format(
            label=term.label, name=self.tr(self.list_kind.name).lower()
        )
        if actions.confirm(self, self.tr("Delete term"), question):
            self._push(lambda: delete_term_command(self._context, term.id, term.label))


def open_lists_dialog(context: PlanContext, parent: QWidget | None) -> ListsDialog:
    """Show Plan ▸ Lists…; raise the dialog if it is already open."""
    existing = context.extras.get(EXTRAS_KEY)
    if isinstance(existing, ListsDialog):
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = ListsDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    context.extras[EXTRAS_KEY] = dialog
    dialog.destroyed.connect(lambda: context.extras.pop(EXTRAS_KEY, None))
    dialog.show()
    return dialog
