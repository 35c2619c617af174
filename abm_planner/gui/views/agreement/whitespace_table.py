"""The whitespace map as table models: accounts × solutions, and totals per solution.

The grid is a ``RecordTableModel`` over the map's accounts with one column per
solution; a cell shows the status label on its status colour and edits through an
undo command. A filter proxy narrows the rows (search, tier) and the totals model
counts over exactly the rows shown.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from abm_planner.agreements.whitespace import Cell, SolutionTotals, solution_totals
from abm_planner.domain import vocabularies as vocab
from abm_planner.gui.commands.agreement_commands import whitespace_command
from abm_planner.gui.models.lookups import LOOKUP_CHANGE_KINDS, PlanLookups
from abm_planner.gui.models.record_table import CENTER, VALUE_ROLE, Column, text_key
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement.editing import BACKGROUND, EDIT, TOOLTIP, EditableTable
from abm_planner.services.changes import Change
from abm_planner.services.whitespace import (
    MapAccount,
    MapSolution,
    whitespace_cell,
    whitespace_map,
)

AnyIndex = QModelIndex | QPersistentModelIndex
FIXED_COLUMNS = 2  # account, tier
STATUS_COLOURS: dict[str, QColor] = {
    "ours": QColor(46, 125, 50, 120),
    "competitor": QColor(229, 57, 53, 95),
    "done_internally": QColor(251, 140, 0, 90),
    "unknown": QColor(150, 150, 150, 55),
}


def _account_id(row: MapAccount) -> uuid.UUID:
    return row.id


class WhitespaceModel(EditableTable[MapAccount]):
    """Every account with its whitespace status for each solution."""

    translation_context = "WhitespaceModel"
    extra_roles = frozenset({VALUE_ROLE, EDIT, BACKGROUND, TOOLTIP})

    def __init__(self, context: PlanContext, parent: QObject | None = None) -> None:
        self.lookups = PlanLookups(context.plan, (vocab.WHITESPACE, vocab.TIER))
        self.solutions: list[MapSolution] = []
        self.cells: dict[tuple[uuid.UUID, uuid.UUID], uuid.UUID] = {}
        self._by_column: dict[int, MapSolution] = {}
        super().__init__(context, self._columns(), _account_id, parent)
        context.events.changed.connect(self._on_changed)
        self.reload()

    def _columns(self) -> list[Column[MapAccount]]:
        columns: list[Column[MapAccount]] = [
            Column("Account", lambda r: r.name, lambda r: text_key(r.name)),
            Column("Tier", lambda r: r.tier, lambda r: r.tier_rank),
        ]
        for solution in self.solutions:
            columns.append(
                Column(
                    solution.name, self._label_of(solution.id), self._rank_of(solution.id), CENTER
                )
            )
        return columns

    def _label_of(self, solution_id: uuid.UUID) -> Callable[[MapAccount], str]:
        return lambda row: self.lookups.label(self.cells.get((row.id, solution_id)))

    def _rank_of(self, solution_id: uuid.UUID) -> Callable[[MapAccount], int]:
        return lambda row: self.lookups.rank(self.cells.get((row.id, solution_id)))

    def reload(self) -> None:
        """Read accounts, solutions and cells again (a plan opened, lists changed)."""
        data = whitespace_map(self.context.plan)
        self.beginResetModel()
        self.solutions = data.solutions
        self.cells = data.cells
        self.columns = tuple(self._columns())
        self._by_column = {
            id(column): solution
            for column, solution in zip(self.columns[FIXED_COLUMNS:], self.solutions, strict=True)
        }
        self.endResetModel()
        self.set_records(data.accounts)

    def solution_at(self, column: int) -> MapSolution | None:
        index = column - FIXED_COLUMNS
        return self.solutions[index] if 0 <= index < len(self.solutions) else None

    def status_key(self, account_id: uuid.UUID, solution_id: uuid.UUID) -> str | None:
        term = self.lookups.term(self.cells.get((account_id, solution_id)))
        return term.key if term else None

    def cells_for(self, account_ids: set[uuid.UUID]) -> list[Cell]:
        """The filled cells of the given accounts, with status keys."""
        key_of = {t.id: t.key for t in self.lookups.terms(vocab.WHITESPACE)}
        return [
            Cell(a, s, key_of.get(status, ""))
            for (a, s), status in self.cells.items()
            if a in account_ids
        ]

    # -- Qt model -----------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() >= FIXED_COLUMNS and not self.context.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def extra_data(self, record: MapAccount, column: Column[MapAccount], role: int) -> Any:
        solution = self._solution_of(column)
        if solution is None:
            return None
        status = self.cells.get((record.id, solution.id))
        if role == VALUE_ROLE:
            return status
        if role == EDIT:
            return self.lookups.label(status)
        if role == BACKGROUND:
            term = self.lookups.term(status)
            return STATUS_COLOURS.get(term.key) if term else None
        if role == TOOLTIP:
            label = self.lookups.label(status) or "not assessed"
            return f"{record.name} · {solution.name}: {label}"
        return None

    def _solution_of(self, column: Column[MapAccount]) -> MapSolution | None:
        return self._by_column.get(id(column))

    def setData(  # noqa: N802
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        solution = self.solution_at(index.column()) if index.isValid() else None
        if solution is None or role != EDIT:
            return False
        record = self.record(index.row())
        if self.cells.get((record.id, solution.id)) == value:
            return True
        where = f"{record.name} · {solution.name}"
        command = whitespace_command(self.context, record.id, solution.id, value, where)
        return self.push(command)

    # -- following the plan ---------------------------------------------------------------

    def _on_changed(self, changes: list[Change]) -> None:
        kinds = {change.kind for change in changes}
        if kinds & (LOOKUP_CHANGE_KINDS | {"solution"}):
            self.lookups.reload()
            self.reload()
            return
        accounts = {i for change in changes if change.kind == "account" for i in change.ids}
        if accounts:
            # Created, renamed, re-tiered or deleted accounts: the rows are read again.
            self.reload()
            return
        for change in changes:
            if change.kind == "whitespace" and change.account_id is not None:
                for solution_id in change.ids:
                    self._refresh_cell(change.account_id, solution_id)

    def _refresh_cell(self, account_id: uuid.UUID, solution_id: uuid.UUID) -> None:
        status = whitespace_cell(self.context.plan, account_id, solution_id)
        key = (account_id, solution_id)
        if status is None:
            self.cells.pop(key, None)
        else:
            self.cells[key] = status
        row = self.row_of(account_id)
        column = next(
            (n + FIXED_COLUMNS for n, s in enumerate(self.solutions) if s.id == solution_id), None
        )
        if row is not None and column is not None:
            index = self.index(row, column)
            self.dataChanged.emit(index, index)


class WhitespaceFilter(QSortFilterProxyModel):
    """Rows whose account name contains every search word and that are in the tier chosen."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: tuple[str, ...] = ()
        self.tier_id: uuid.UUID | None = None

    def set_filter(self, text: str, tier_id: uuid.UUID | None) -> None:
        self.beginFilterChange()
        self.words = tuple(text.casefold().split())
        self.tier_id = tier_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: AnyIndex
    ) -> bool:
        del source_parent
        model = self.sourceModel()
        assert isinstance(model, WhitespaceModel)
        record = model.record(source_row)
        if self.tier_id is not None and record.tier_id != self.tier_id:
            return False
        name = record.name.casefold()
        return all(word in name for word in self.words)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source sorts with Python's sorted(); no Python lessThan per comparison.
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    def shown_ids(self) -> set[uuid.UUID]:
        model = self.sourceModel()
        assert isinstance(model, WhitespaceModel)
        return {
            model.record(self.mapToSource(self.index(row, 0)).row()).id
            for row in range(self.rowCount())
        }


TOTAL_ROWS: tuple[tuple[str, str], ...] = (
    ("ours", "Ours"),
    ("competitor", "Competitor"),
    ("done_internally", "Done internally"),
    ("unknown", "Unknown"),
    ("not_relevant", "Not relevant"),
    ("not_assessed", "Not assessed"),
    ("open", "Open to win (competitor or done internally)"),
    ("share_ours", "Our share where relevant"),
)


class WhitespaceTotalsModel(QAbstractTableModel):
    """Per solution, the shown accounts counted by status, open to win, and our share."""

    def __init__(self, grid: WhitespaceModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.totals: dict[uuid.UUID, SolutionTotals] = {}
        self.accounts = 0

    def recount(self, account_ids: set[uuid.UUID]) -> None:
        self.beginResetModel()
        self.accounts = len(account_ids)
        self.totals = solution_totals(
            self.grid.cells_for(account_ids), [s.id for s in self.grid.solutions], account_ids
        )
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(TOTAL_ROWS)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.grid.solutions)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, label = TOTAL_ROWS[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER if column >= FIXED_COLUMNS else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return STATUS_COLOURS.get(key) if column >= FIXED_COLUMNS else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.tr(label) if column == 0 else self._figure(key, column)

    def _figure(self, key: str, column: int) -> str:
        solution = self.grid.solution_at(column)
        total = self.totals.get(solution.id) if solution else None
        if total is None:
            return ""
        if key == "share_ours":
            return "—" if total.share_ours is None else f"{total.share_ours:.0%}"
        special = {"not_assessed": total.not_assessed, "open": total.open}
        return str(special.get(key, total.by_status.get(key, 0)))

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Totals over {n} accounts shown").format(n=self.accounts)
        solution = self.grid.solution_at(section)
        return solution.name if solution else ""
