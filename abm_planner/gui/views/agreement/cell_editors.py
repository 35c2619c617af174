"""Cell editors of the agreement's tables: a 0-5 score, a date, a number, a fixed choice.

Each reads the stored value through ``VALUE_ROLE`` and hands the new one to
``model.setData``; the model turns it into an undo command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from abm_planner.gui.models.record_table import VALUE_ROLE
from abm_planner.gui.views.field_editors import OptionalDateEdit

AnyIndex = QModelIndex | QPersistentModelIndex
NOT_SCORED = -1


def tr(text: str) -> str:
    return QCoreApplication.translate("AgreementEditors", text)


class ScoreDelegate(QStyledItemDelegate):
    """A spin box from "—" (not scored) through 0 to 5."""

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        del option, index
        spin = QSpinBox(parent)
        spin.setRange(NOT_SCORED, 5)
        spin.setSpecialValueText(tr("—"))
        spin.setAccessibleName(tr("Score from 0 to 5"))
        spin.setFrame(False)
        return spin

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, QSpinBox)
        value = index.data(VALUE_ROLE)
        editor.setValue(NOT_SCORED if value is None else int(value))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex
    ) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        value = editor.value()
        model.setData(index, None if value == NOT_SCORED else value, Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    """A date with a "Not set" state."""

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        del option, index
        editor = OptionalDateEdit(parent)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, OptionalDateEdit)
        editor.set_value(index.data(VALUE_ROLE))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex
    ) -> None:
        assert isinstance(editor, OptionalDateEdit)
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class FixedChoiceDelegate(QStyledItemDelegate):
    """A combo box over a fixed list of (label, value); picking one commits at once."""

    def __init__(
        self,
        choices: Callable[[AnyIndex], list[tuple[str, Any]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        del option
        combo = QComboBox(parent)
        combo.setFrame(False)
        for label, value in self._choices(index):
            combo.addItem(label, value)
        combo.activated.connect(lambda _index: self._finish(combo))
        return combo

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        value = index.data(VALUE_ROLE)
        for row in range(editor.count()):
            if editor.itemData(row) == value:
                editor.setCurrentIndex(row)
                return

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
