"""Cell editors that offer the plan's own lists: terms, team members, buying roles.

They read the stored value through ``VALUE_ROLE`` and hand the new one to
``model.setData``; the model turns it into an undo command. The lists come from a
callable, so a renamed or added term shows up the next time an editor opens.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from abm_planner.gui.models.lookups import PlanLookups
from abm_planner.gui.models.record_table import VALUE_ROLE
from abm_planner.gui.views.choices import (
    Choice,
    choose,
    fill_choices,
    keep_retired,
    retired_label,
    term_choices,
)
from abm_planner.services.lookups import offered

AnyIndex = QModelIndex | QPersistentModelIndex
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("Delegates", text)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of named ids plus an empty choice; picking one commits at once."""

    def __init__(self, choices: Callable[[], list[Choice]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        del option, index
        combo = QComboBox(parent)
        combo.setFrame(False)
        fill_choices(combo, tr("—"), self._choices())
        combo.activated.connect(lambda _index: self._finish(combo))
        return combo

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        choose(editor, index.data(VALUE_ROLE))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TermDelegate(ChoiceDelegate):
    """One term of a vocabulary (attitude, influence, coverage, ...).

    Retired terms are not offered, except the one the edited record already holds.
    """

    def __init__(self, lookups: PlanLookups, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(lambda: term_choices(lookups.terms(kind))[0], parent)
        self._lookups = lookups
        self.kind = kind

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        keep_retired(
            editor, index.data(VALUE_ROLE), term_choices(self._lookups.terms(self.kind))[1]
        )
        super().setEditorData(editor, index)


class MemberDelegate(ChoiceDelegate):
    """One of our team members (a sales or marketing owner)."""

    def __init__(self, lookups: PlanLookups, parent: QWidget | None = None) -> None:
        super().__init__(lambda: [(m.name, m.id) for m in lookups.members], parent)


class RolesDelegate(QStyledItemDelegate):
    """Several buying roles at once: a checkable list opened over the cell.

    Space toggles the current role; Enter or leaving the list commits.
    """

    def __init__(self, lookups: PlanLookups, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lookups = lookups
        self.kind = kind

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        del option
        editor = QListWidget(parent)
        editor.setAccessibleName(tr("Buying roles"))
        # Checked is what counts; a selection highlight would read as a second state.
        editor.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        held = index.data(VALUE_ROLE) or []  # retired roles show only where already held
        for term in offered(self._lookups.terms(self.kind), held):
            label = term.label if term.active else retired_label(term.label)
            item = QListWidgetItem(label, editor)
            item.setData(ITEM_ID_ROLE, term.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        editor.setCurrentRow(0)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, QListWidget)
        chosen = set(index.data(VALUE_ROLE) or [])
        first_checked = None
        for row in range(editor.count()):
            item = editor.item(row)
            state = item.data(ITEM_ID_ROLE) in chosen
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
            if state and first_checked is None:
                first_checked = row
        editor.setCurrentRow(first_checked or 0)

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex
    ) -> None:
        assert isinstance(editor, QListWidget)
        model.setData(index, checked_ids(editor), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(  # noqa: N802
        self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        del index
        assert isinstance(editor, QListWidget)
        # Tall enough for the whole list, but never past the bottom of the table.
        rows = max(editor.count(), 1)
        wanted = editor.sizeHintForRow(0) * rows + 2 * editor.frameWidth()
        area = editor.parentWidget()
        cell: QRect = option.rect  # type: ignore[attr-defined]
        bottom = area.height() if area else cell.top() + wanted
        top = max(0, min(cell.top(), bottom - wanted))
        width = max(cell.width(), editor.sizeHintForColumn(0) + 40)
        editor.setGeometry(cell.left(), top, width, min(wanted, bottom - top))


def checked_ids(editor: QListWidget) -> list[uuid.UUID]:
    """The ids of the checked items of a roles list, in list order."""
    ids: list[Any] = []
    for row in range(editor.count()):
        item = editor.item(row)
        if item.checkState() == Qt.CheckState.Checked:
            ids.append(item.data(ITEM_ID_ROLE))
    return ids
