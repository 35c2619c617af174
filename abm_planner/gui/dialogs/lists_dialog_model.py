"""The terms of one list as the Lists dialog's table: name (edited in place), use, state.

A retired term is shown greyed and italic with "Retired"; the tooltip says why a
term the app's rules rely on cannot be retired. Editing the name does not write:
``rename_requested`` hands the new label to the dialog, which pushes the command.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from abm_planner.services.vocabularies import ListTerm

AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
NAME, USES, STATE = range(3)


class TermsModel(QAbstractTableModel):
    """Rows are ``ListTerm``s of one list, in the team's order."""

    rename_requested = Signal(object, str)  # term id, new label

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ListTerm] = []
        self.editable = True
        self.can_grow = True  # a rename-only list says why once, above the table
        self._headers = (self.tr("Term"), self.tr("Records"), self.tr("State"))

    def set_rows(self, rows: list[ListTerm]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, term_id: uuid.UUID | None) -> int | None:
        return next((n for n, row in enumerate(self.rows) if row.id == term_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == NAME and self.editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, index.column())
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tip(row)
        return self._look(row, index.column(), role)

    def _text(self, row: ListTerm, column: int) -> str:
        if column == NAME:
            return row.label
        if column == USES:
            return str(row.uses) if row.uses else "—"
        return self.state(row)

    @staticmethod
    def _look(row: ListTerm, column: int, role: int) -> Any:
        """Retired terms greyed and italic; the count right-aligned."""
        if role == Qt.ItemDataRole.TextAlignmentRole and column == USES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not row.active and role == Qt.ItemDataRole.ForegroundRole:
            palette = QApplication.palette()
            return palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if not row.active and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def setData(  # noqa: N802
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != NAME or not self.editable:
            return False
        row = self.rows[index.row()]
        if str(value).strip() != row.label:
            self.rename_requested.emit(row.id, str(value))
        return False  # the plan's change notice reloads the rows

    def state(self, row: ListTerm) -> str:
        if not row.active:
            return self.tr("Retired")
        if row.kept_because and self.can_grow:
            return self.tr("Used by the rules")
        return self.tr("Built-in") if row.built_in else self.tr("Added by your team")

    def tip(self, row: ListTerm) -> str:
        if row.kept_because:
            return self.tr("Can be renamed, not retired or deleted: {reason}.").format(
                reason=row.kept_because
            )
        if not row.active:
            return self.tr("Retired: not offered for new values; records that use it keep it.")
        if row.uses:
            return self.tr("Used by {n} records: retire it rather than delete it.").format(
                n=row.uses
            )
        return ""
