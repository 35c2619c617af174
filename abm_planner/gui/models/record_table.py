"""A table model over a Python list of records, with its columns declared as data.

Every list in the app (portfolio, stakeholders, later plays and objectives) is rows of
plain records from a service plus a tuple of ``Column`` s saying how to show and sort
them; one class adapts that to Qt, so no table copies ``rowCount``/``data`` code.

Sorting happens here, in Python's C-speed ``sorted`` with a key, instead of in a
``QSortFilterProxyModel`` calling a Python ``lessThan`` tens of thousands of times:
that keeps a 5,000-row sort and every re-filter after it instant.
"""

from __future__ import annotations

import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

R = TypeVar("R")

RECORD_ROLE = Qt.ItemDataRole.UserRole.value
"""``index.data(RECORD_ROLE)`` is the whole record of the row (an ``AccountRow``, ...)."""

ID_ROLE = RECORD_ROLE + 1
"""``index.data(ID_ROLE)`` is the record's UUID."""

VALUE_ROLE = RECORD_ROLE + 2
"""In editable tables, the stored value of the cell's field (a UUID, a list of them, ...)."""

# Plain ints: data() runs for every role of every visible cell on each repaint, and
# comparing with an enum member costs several times more.
DISPLAY = Qt.ItemDataRole.DisplayRole.value
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """One column: its (untranslated) title, what it shows, how it sorts, how it aligns.

    ``field`` names the editable field behind the column, for tables that edit.
    """

    title: str
    getter: Callable[[R], Any]
    sort_key: Callable[[R], Any] | None = None
    alignment: Qt.AlignmentFlag = LEFT
    field: str | None = None


def text_key(text: str) -> str:
    """Sort text the way people expect: ignoring case."""
    return text.casefold()


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows of records of one kind; the record's UUID identifies its row."""

    translation_context = "RecordTableModel"
    extra_roles: frozenset[int] = frozenset()
    """The roles ``extra_data`` answers; every other role is None without a lookup."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        key: Callable[[R], uuid.UUID],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns: tuple[Column[R], ...] = tuple(columns)
        self._key = key
        self._rows: list[R] = []
        self._positions: dict[uuid.UUID, int] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self.roles = frozenset({DISPLAY, ALIGNMENT, RECORD_ROLE, ID_ROLE}) | self.extra_roles

    # -- reading -----------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if role not in self.roles or not index.isValid():
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == DISPLAY:
            return column.getter(record)
        if role == ALIGNMENT:
            return column.alignment
        if role == RECORD_ROLE:
            return record
        if role == ID_ROLE:
            return self._key(record)
        return self.extra_data(record, column, role)

    def extra_data(self, record: R, column: Column[R], role: int) -> Any:
        """Other roles (tooltips, colours, check states); subclasses override."""
        del record, column, role
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            title = self.columns[section].title
            return QCoreApplication.translate(self.translation_context, title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.columns[section].alignment
        return None

    @property
    def records(self) -> Sequence[R]:
        return self._rows

    def record(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, record_id: uuid.UUID) -> int | None:
        return self._positions.get(record_id)

    def record_by_id(self, record_id: uuid.UUID) -> R | None:
        row = self._positions.get(record_id)
        return None if row is None else self._rows[row]

    # -- changing ----------------------------------------------------------------------

    def set_records(self, records: Iterable[R]) -> None:
        """Replace everything (a plan opened, a bulk change); views keep nothing."""
        self.beginResetModel()
        self._rows = list(records)
        if self._sort_column >= 0:
            self._rows.sort(key=self._sort_key(), reverse=self._descending)
        self._reindex()
        self.endResetModel()

    def update_record(self, record: R) -> None:
        """Refresh one row in place, or insert it if it is new to this list."""
        row = self._positions.get(self._key(record))
        if row is None:
            self.insert_record(record)
            return
        self._rows[row] = record
        self.record_changed(record)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        if self._sort_column >= 0 and not self._in_place(row):
            self._resort()

    def record_changed(self, record: R) -> None:
        """Hook for subclasses that cache something per record."""
        del record

    def insert_record(self, record: R) -> None:
        """Add a row where the current sort order wants it."""
        row = len(self._rows)
        if self._sort_column >= 0:
            keys = [self._sort_key()(item) for item in self._rows]
            probe = self._sort_key()(record)
            if self._descending:
                row = len(keys) - bisect_right(keys[::-1], probe)
            else:
                row = bisect_left(keys, probe)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, record)
        self._reindex()
        self.endInsertRows()

    def remove_record(self, record_id: uuid.UUID) -> None:
        row = self._positions.get(record_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._reindex()
        self.endRemoveRows()

    # -- sorting -----------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not -1 <= column < len(self.columns):
            return
        self._sort_column = column
        self._sort_order = order
        if column >= 0:
            self._resort()

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def _descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def _sort_key(self) -> Callable[[R], Any]:
        column = self.columns[self._sort_column]
        primary = column.sort_key or column.getter
        tiebreak = self.columns[0].sort_key or self.columns[0].getter
        return lambda record: (primary(record), tiebreak(record))

    def _in_place(self, row: int) -> bool:
        key = self._sort_key()
        here = key(self._rows[row])
        before = row == 0 or self._ordered(key(self._rows[row - 1]), here)
        after = row == len(self._rows) - 1 or self._ordered(here, key(self._rows[row + 1]))
        return before and after

    def _ordered(self, first: Any, second: Any) -> bool:
        return second <= first if self._descending else first <= second

    def _resort(self) -> None:
        self.layoutAboutToBeChanged.emit()
        old_ids = [self._key(record) for record in self._rows]
        self._rows.sort(key=self._sort_key(), reverse=self._descending)
        self._reindex()
        moved_from, moved_to = [], []
        for index in self.persistentIndexList():
            new_row = self._positions[old_ids[index.row()]]
            moved_from.append(index)
            moved_to.append(self.index(new_row, index.column()))
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    def _reindex(self) -> None:
        self._positions = {self._key(record): row for row, record in enumerate(self._rows)}
