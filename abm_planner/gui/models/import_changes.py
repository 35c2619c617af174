"""The changes of an import preview as a tree a person ticks: grouped, with checkboxes.

Top level: Added, Changed, Deleted and Conflicts (changes to records edited in the
plan since the workbook was exported), each shown only when it has changes. Under
a group, one row per record with a checkbox; under a record, its fields, old value
and new. A preview of a 100,000-row contacts file has 100,000 changes, so the model
makes no Qt items: rows are positions in the preview's list, and a record's fields
are worked out only when it is expanded.

Ticking follows what ``apply_import`` will do: a change that needs another (a
person needs their new account) ticks that one too, and unticking a change unticks
the changes that need it, so the ticks always show exactly what will be written.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from abm_planner.excel.import_model import ADD, CHANGE, DELETE, ImportPreview, RecordChange
from abm_planner.excel.round_trip_sheets import KIND_LABELS  # each returning sheet names its kind

AnyIndex = QModelIndex | QPersistentModelIndex

ADDED, CHANGED, DELETED, CONFLICTS = range(4)
_GROUP_OF_ACTION = {ADD: ADDED, CHANGE: CHANGED, DELETE: DELETED}
GROUP_TITLES = ("Added", "Changed", "Deleted", "Conflicts")
GROUP_TIPS = (
    "Records the import adds to the plan",
    "Records whose fields the import changes",
    "Records the import deletes (they were deleted from the workbook)",
    "Records edited in the plan since the workbook was exported: "
    "not imported unless you tick them, which overwrites those edits",
)
RECORD, TYPE, ACCOUNT, BEFORE, AFTER, SOURCE = range(6)
COLUMN_TITLES = ("Record", "Type", "Account", "Before", "After", "From")

KEY_ROLE = Qt.ItemDataRole.UserRole.value + 10
"""``index.data(KEY_ROLE)`` is the change's key on a record row."""

_FIELD_BASE = 16  # internal ids: 0 a group, 1..4 a record of group row id-1, more a field
_CHECKED, _PARTLY, _UNCHECKED = (
    Qt.CheckState.Checked,
    Qt.CheckState.PartiallyChecked,
    Qt.CheckState.Unchecked,
)


# Combined once: the view asks for the flags of every row it lays out.
_PLAIN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_CHECKABLE = _PLAIN | Qt.ItemFlag.ItemIsUserCheckable


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportChangesModel", text)


def _is_checked(value: object) -> bool:
    number = getattr(value, "value", value)
    return bool(number == Qt.CheckState.Checked.value)


class ImportChangesModel(QAbstractItemModel):
    selection_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._changes: list[RecordChange] = []
        self._groups: list[tuple[int, list[int]]] = []  # (group, positions in _changes)
        self._place: list[tuple[int, int]] = []  # per change: (group row, row in group)
        self._by_key: dict[str, int] = {}
        self._needed_by: dict[str, list[str]] = {}
        self._checked: set[str] = set()
        self._bold = QFont()
        self._bold.setBold(True)

    # -- content ------------------------------------------------------------------------

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.beginResetModel()
        changes = list(preview.changes) if preview is not None else []
        self._changes = changes
        members: dict[int, list[int]] = defaultdict(list)
        for position, change in enumerate(changes):
            group = CONFLICTS if change.conflict else _GROUP_OF_ACTION.get(change.action, CHANGED)
            members[group].append(position)
        self._groups = [(group, members[group]) for group in range(4) if members[group]]
        self._place = [(0, 0)] * len(changes)
        for group_row, (_group, positions) in enumerate(self._groups):
            for row, position in enumerate(positions):
                self._place[position] = (group_row, row)
        self._by_key = {change.key: n for n, change in enumerate(changes)}
        needed_by: dict[str, list[str]] = defaultdict(list)
        for change in changes:
            for key in change.depends_on:
                needed_by[key].append(change.key)
        self._needed_by = dict(needed_by)
        self._checked = preview.default_selection() if preview is not None else set()
        self.endResetModel()
        self.selection_changed.emit()

    def selection(self) -> set[str]:
        """The keys of the ticked changes (``apply_import``'s ``selection``)."""
        return set(self._checked)

    def group_count(self, group: int) -> int:
        return next((len(p) for g, p in self._groups if g == group), 0)

    def group_row(self, group: int) -> int | None:
        return next((row for row, (g, _p) in enumerate(self._groups) if g == group), None)

    def set_all(self, on: bool) -> None:
        if on:
            self._set_checked({c.key for c in self._changes}, on=True)
        else:
            self._set_checked(set(self._checked), on=False)

    def set_checked(self, key: str, on: bool) -> None:
        """Tick or untick one change, with what it needs or what needs it."""
        self._set_checked({key}, on=on)

    # -- ticking ------------------------------------------------------------------------

    def _closure(self, keys: set[str], on: bool) -> set[str]:
        found: set[str] = set()
        wanted = list(keys)
        while wanted:
            key = wanted.pop()
            if key in found or key not in self._by_key:
                continue
            found.add(key)
            if on:
                wanted += self._changes[self._by_key[key]].depends_on
            else:
                wanted += self._needed_by.get(key, ())
        return found

    def _set_checked(self, keys: set[str], *, on: bool) -> None:
        keys = self._closure(keys, on)
        touched = keys - self._checked if on else keys & self._checked
        if not touched:
            return
        if on:
            self._checked |= touched
        else:
            self._checked -= touched
        rows: dict[int, list[int]] = defaultdict(list)
        for key in touched:
            group_row, row = self._place[self._by_key[key]]
            rows[group_row].append(row)
        for group_row, changed in rows.items():
            group = self.index(group_row, 0)
            self.dataChanged.emit(group, group, [Qt.ItemDataRole.CheckStateRole])
            first, last = self.index(min(changed), 0, group), self.index(max(changed), 0, group)
            self.dataChanged.emit(first, last, [Qt.ItemDataRole.CheckStateRole])
        self.selection_changed.emit()

    # -- Qt's model interface -----------------------------------------------------------

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.column() > 0 else len(COLUMN_TITLES)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._groups)
        node = parent.internalId()
        if node == 0:
            return len(self._groups[parent.row()][1])
        if node < _FIELD_BASE:
            return len(self._change_at(parent).fields)
        return 0

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        if parent.isValid() and 0 < parent.internalId() < _FIELD_BASE:
            # Deletes have no fields; the others' fields are worked out when expanded.
            return parent.column() == 0 and self._change_at(parent).action != DELETE
        return self.rowCount(parent) > 0

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        node = parent.internalId()
        if node == 0:
            return self.createIndex(row, column, parent.row() + 1)
        position = self._groups[node - 1][1][parent.row()]
        return self.createIndex(row, column, _FIELD_BASE + position)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = index.internalId()
        if node == 0:
            return QModelIndex()
        if node < _FIELD_BASE:
            return self.createIndex(node - 1, 0, 0)
        group_row, row = self._place[node - _FIELD_BASE]
        return self.createIndex(row, 0, group_row + 1)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMN_TITLES[section]) if 0 <= section < len(COLUMN_TITLES) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == RECORD and index.internalId() < _FIELD_BASE:
            return _CHECKABLE
        return _PLAIN

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = index.internalId()
        if node == 0:
            return self._group_data(index, role)
        if node < _FIELD_BASE:
            return self._change_data(self._change_at(index), index.column(), role)
        return self._field_data(self._changes[node - _FIELD_BASE], index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != RECORD:
            return False
        node = index.internalId() if index.isValid() else _FIELD_BASE
        if node == 0:
            keys = {self._changes[p].key for p in self._groups[index.row()][1]}
            self._set_checked(keys, on=_is_checked(value))
            return True
        if node < _FIELD_BASE:
            self.set_checked(self._change_at(index).key, _is_checked(value))
            return True
        return False

    # -- helpers ------------------------------------------------------------------------

    def _change_at(self, index: AnyIndex) -> RecordChange:
        return self._changes[self._groups[index.internalId() - 1][1][index.row()]]

    def _group_data(self, index: AnyIndex, role: int) -> Any:
        group, positions = self._groups[index.row()]
        if index.column() != RECORD:
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            ticked = sum(1 for p in positions if self._changes[p].key in self._checked)
            return _UNCHECKED if ticked == 0 else _CHECKED if ticked == len(positions) else _PARTLY
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{_tr(GROUP_TITLES[group])} ({len(positions):,})"
        return _tr(GROUP_TIPS[group]) if role == Qt.ItemDataRole.ToolTipRole else None

    @staticmethod
    def _field_data(change: RecordChange, index: AnyIndex, role: int) -> Any:
        fields = change.fields
        if index.row() >= len(fields):
            return None
        field = fields[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {RECORD: field.label, BEFORE: field.old, AFTER: field.new}.get(index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{field.label}: {field.old or '—'} → {field.new or '—'}"
        return None

    def _change_data(self, change: RecordChange, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._change_text(change, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == RECORD:
            return _CHECKED if change.key in self._checked else _UNCHECKED
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [str(change.where)] if change.where else []
            if change.conflict:
                parts.append(_tr("Conflict: {0}").format(change.conflict))
            return "\n".join(parts) or None
        if role == KEY_ROLE:
            return change.key
        return None

    @staticmethod
    def _change_text(change: RecordChange, column: int) -> str | None:
        if column == RECORD:
            return change.name or _tr("(no name)")
        if column == TYPE:
            return _tr(KIND_LABELS.get(change.kind, change.kind))
        if column == ACCOUNT:
            return change.account
        if column == AFTER and change.action == DELETE:
            return _tr("(deleted)")
        if column == SOURCE:
            return change.conflict or (str(change.where) if change.where else "")
        return None
