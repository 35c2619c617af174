"""The Whitespace map window: which of our solutions each account has, and from whom.

Rows are accounts (searchable, filterable by tier), columns our solutions; a cell is
one of the plan's whitespace statuses on its colour, edited by double-click (or F2)
with a list of the statuses; "—" means not assessed. Below, the totals per solution
count the accounts shown. Every edit is one undo command.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement.whitespace_table import (
    FIXED_COLUMNS,
    STATUS_COLOURS,
    TOTAL_ROWS,
    WhitespaceFilter,
    WhitespaceModel,
    WhitespaceTotalsModel,
)
from abm_planner.gui.views.choices import fill_choices
from abm_planner.gui.views.delegates import TermDelegate

ACCOUNT_WIDTH = 230
TIER_WIDTH = 150
SOLUTION_WIDTH = 130


class WhitespaceMapWindow(QWidget):
    """Accounts × solutions, editable, with totals per solution."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whitespaceMap")
        self.setWindowTitle(self.tr("Whitespace map — {plan}").format(plan=context.plan.name))
        self.resize(1240, 800)
        self._context = context
        self.model = WhitespaceModel(context, self)
        self.model.edit_failed.connect(self._report_later)
        self.proxy = WhitespaceFilter(self)
        self.proxy.setSourceModel(self.model)
        self.totals = WhitespaceTotalsModel(self.model, self)

        self.search = QLineEdit(self)
        self.search.setObjectName("whitespaceSearch")
        self.search.setPlaceholderText(self.tr("Search accounts…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search accounts"))
        self.tier = QComboBox(self)
        self.tier.setObjectName("whitespaceTierFilter")
        self.tier.setAccessibleName(self.tr("Filter by tier"))
        self._fill_tiers()
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(0)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._filter_timer.start)
        self.tier.currentIndexChanged.connect(self._filter_timer.start)
        self.legend = QLabel(self)
        self.legend.setObjectName("whitespaceLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.grid = self._make_grid()
        self.totals_view = self._make_totals()
        hint = QLabel(
            self.tr("Double-click a cell (or press F2) to say who serves that need today."),
            self,
        )
        hint.setEnabled(False)

        controls = QHBoxLayout()
        controls.addWidget(self.search, 2)
        controls.addWidget(self.tier, 1)
        controls.addSpacing(12)
        controls.addWidget(self.legend, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.totals_view)
        layout.addWidget(hint)

        for signal in (self.model.modelReset, self.model.dataChanged, self.model.layoutChanged):
            signal.connect(self._recount)
        self.model.modelReset.connect(self._size_columns)
        self.model.modelReset.connect(self._fill_tiers)
        self._size_columns()
        self._show_legend()
        self._recount()

    # -- building ------------------------------------------------------------------------

    def _make_grid(self) -> QTableView:
        grid = QTableView(self)
        grid.setObjectName("whitespaceGrid")
        grid.setAccessibleName(self.tr("Whitespace by account and solution"))
        grid.setModel(self.proxy)
        grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        grid.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        grid.setWordWrap(False)
        grid.verticalHeader().hide()
        rows = grid.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(grid.fontMetrics().height() + 10)
        header = grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        grid.setSortingEnabled(True)
        self.delegate = TermDelegate(self.model.lookups, vocab.WHITESPACE, grid)
        grid.setItemDelegate(self.delegate)
        header.sectionResized.connect(self._align_totals)
        return grid

    def _make_totals(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("whitespaceTotals")
        view.setAccessibleName(self.tr("Totals per solution"))
        view.setModel(self.totals)
        view.verticalHeader().hide()
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        rows = view.verticalHeader()
        rows.setDefaultSectionSize(view.fontMetrics().height() + 6)
        view.setFixedHeight(
            rows.defaultSectionSize() * len(TOTAL_ROWS)
            + view.horizontalHeader().sizeHint().height()
            + 4
        )
        self.grid.horizontalScrollBar().valueChanged.connect(view.horizontalScrollBar().setValue)
        return view

    def _size_columns(self) -> None:
        # The totals' row labels span the account and tier columns.
        for row in range(self.totals.rowCount()):
            self.totals_view.setSpan(row, 0, 1, FIXED_COLUMNS)
        header = self.grid.horizontalHeader()
        header.resizeSection(0, ACCOUNT_WIDTH)
        header.resizeSection(1, TIER_WIDTH)
        metrics = header.fontMetrics()
        for column in range(FIXED_COLUMNS, self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(SOLUTION_WIDTH, metrics.horizontalAdvance(title) + 24))
        self._align_totals()

    def _align_totals(self, *_args: object) -> None:
        source = self.grid.horizontalHeader()
        target = self.totals_view.horizontalHeader()
        for column in range(self.totals.columnCount()):
            target.resizeSection(column, source.sectionSize(column))

    def _fill_tiers(self) -> None:
        terms = self.model.lookups.terms(vocab.TIER)
        fill_choices(self.tier, self.tr("All tiers"), [(t.label, t.id) for t in terms])

    def _show_legend(self) -> None:
        chips = []
        for term in self.model.lookups.terms(vocab.WHITESPACE):
            colour = STATUS_COLOURS.get(term.key)
            swatch = (
                f"rgba({colour.red()},{colour.green()},{colour.blue()},{colour.alphaF():.2f})"
                if colour
                else "transparent"
            )
            chips.append(
                f"<span style='background:{swatch}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;"
                f"{html.escape(term.label)}"
            )
        chips.append(f"—&nbsp;{html.escape(self.tr('not assessed'))}")
        self.legend.setText("&nbsp;&nbsp; ".join(chips))

    # -- reacting ------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.search.text(), self.tier.currentData())
        self._recount()

    def _recount(self, *_args: object) -> None:
        self.totals.recount(self.proxy.shown_ids())
        self._align_totals()

    def _report_later(self, error: UserError) -> None:
        QTimer.singleShot(0, lambda: actions.show_user_error(self, error))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
