"""The DMU health table: one row per analysed account, filtered by status and name.

Columns are data (``COLUMNS``): each says how a row shows, sorts and explains itself
in it, so the model, the sort and the tooltips cannot drift apart.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from abm_planner.dmu.records import AMBER, GREEN, RED, AccountAnalysis

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
STATUSES = (RED, AMBER, GREEN)
SEVERITY = {RED: 2, AMBER: 1, GREEN: 0}  # sorted descending: red first
STATUS_COLOURS = {RED: "#c62828", AMBER: "#b86e00", GREEN: "#2e7d32"}  # as the DMU map's
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("DmuHealth", text)


def status_name(status: str) -> str:
    return {RED: _tr("Red"), AMBER: _tr("Amber"), GREEN: _tr("Green")}.get(status, status)


@dataclass(frozen=True, slots=True)
class HealthRow:
    """What the table shows of an ``AccountAnalysis``, as plain strings.

    Rankings and findings with their stakeholders are ~200 objects an account; held for
    5,000 accounts, each full garbage collection would stop the UI thread for a
    quarter of a second while the analysis runs.
    """

    account_id: uuid.UUID
    account: str
    status: str
    reasons: tuple[str, ...]
    findings: tuple[str, ...]  # the findings' sentences
    warm_path: tuple[str, ...] | None

    @classmethod
    def of(cls, analysis: AccountAnalysis) -> HealthRow:
        messages = tuple(f.message for f in analysis.findings)
        path = analysis.warm_path
        return cls(
            analysis.account_id, analysis.account, analysis.status, analysis.reasons, messages, path
        )


def top_finding(analysis: HealthRow) -> str:
    """The sentence that decided the status (the first red one), else the first finding."""
    if analysis.reasons:
        return analysis.reasons[0]
    if analysis.findings:
        return analysis.findings[0]
    return _tr("No gaps found in the decision-making unit.")


def _warm_path_tip(analysis: HealthRow) -> str:
    path = analysis.warm_path
    if path is None:
        return _tr("No supporter or champion has a path to the economic buyer.")
    if len(path) == 1:
        return _tr("{0} is the economic buyer and on our side.").format(path[0])
    return " → ".join(path)


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the table: its title and how a row shows and sorts in it."""

    title: str
    display: Callable[[HealthRow], str]
    sort_key: Callable[[HealthRow], Any]
    tip: Callable[[HealthRow], str | None] | None = None
    align: Qt.AlignmentFlag | None = None
    width: int = 0  # pixels to start with; 0 takes the room that is left


COLUMNS: tuple[Column, ...] = (
    Column("Account", lambda a: a.account, lambda a: a.account.casefold(), width=240),
    Column(
        "Status",
        lambda a: status_name(a.status),
        lambda a: SEVERITY.get(a.status, -1),
        lambda a: "\n".join(a.reasons) or None,
        width=90,
    ),
    Column(
        "Findings",
        lambda a: str(len(a.findings)),
        lambda a: len(a.findings),
        lambda a: "\n".join(f"• {message}" for message in a.findings) or None,
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        width=72,
    ),
    Column("Top finding", top_finding, lambda a: top_finding(a).casefold(), top_finding),
    Column(
        "Warm path",
        lambda a: _tr("Yes") if a.warm_path is not None else _tr("No"),
        lambda a: a.warm_path is not None,
        _warm_path_tip,
        width=86,
    ),
)
STATUS_COLUMN = 1
_COLUMN_ROLES = {
    Qt.ItemDataRole.DisplayRole: "display",
    SORT_ROLE: "sort_key",
    Qt.ItemDataRole.ToolTipRole: "tip",
}


def dot_icon(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


class DmuHealthModel(QAbstractTableModel):
    """One row per analysed account; the columns are ``COLUMNS``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HealthRow] = []
        self._icons: dict[str, QIcon] = {}
        self._order: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def set_analyses(self, analyses: Sequence[HealthRow]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(analyses)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python by the column's key: 5,000 rows in milliseconds, where the
        proxy's comparisons through ``data()`` take a fifth of a second."""
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [id(self._rows[index.row()]) for index in before]
        self._rows = self._sorted(self._rows)
        where = {id(analysis): row for row, analysis in enumerate(self._rows)}
        after = [self.index(where[key], i.column()) for key, i in zip(held, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, analyses: Sequence[HealthRow]) -> list[HealthRow]:
        """By the sort column, ties by account name (both sorts are stable)."""
        rows = sorted(analyses, key=COLUMNS[0].sort_key)
        column, order = self._order
        if 0 < column < len(COLUMNS):
            descending = order == Qt.SortOrder.DescendingOrder
            rows.sort(key=COLUMNS[column].sort_key, reverse=descending)
        elif column == 0 and order == Qt.SortOrder.DescendingOrder:
            rows.reverse()
        return rows

    def analysis(self, row: int) -> HealthRow:
        return self._rows[row]

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for analysis in self._rows:
            counts[analysis.status] = counts.get(analysis.status, 0) + 1
        return counts

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return _tr(COLUMNS[section].title)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        analysis, column = self._rows[index.row()], COLUMNS[index.column()]
        if role in _COLUMN_ROLES:
            get = getattr(column, _COLUMN_ROLES[role])
            return get(analysis) if get is not None else None
        if role in (ID_ROLE, STATUS_ROLE):
            return analysis.account_id if role == ID_ROLE else analysis.status
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        return self._status_look(analysis.status, role) if index.column() == STATUS_COLUMN else None

    def _status_look(self, status: str, role: int) -> Any:
        colour = STATUS_COLOURS.get(status)
        if colour is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if colour not in self._icons:
                self._icons[colour] = dot_icon(colour)
            return self._icons[colour]
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(colour))
        return None


class DmuHealthFilter(QSortFilterProxyModel):
    """Keeps one status (or all) and names containing the search; the model sorts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802 - Qt's name
        if self.status is not None:
            index = self.sourceModel().index(row, 0, parent)
            if index.data(STATUS_ROLE) != self.status:
                return False
        return super().filterAcceptsRow(row, parent)
