"""The portfolio: every account of the plan, searched, filtered and sorted in place.

The panel is the left-hand side of the main window; the shell connects
``account_selected`` to the workspace and ``counts_changed`` to its status bar.
Search runs as the user types, coalesced by a zero-delay timer so a burst of keys
(or a paste) filters once.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from abm_planner.domain import vocabularies as vocab
from abm_planner.gui.models.lookups import LOOKUP_CHANGE_KINDS, PlanLookups
from abm_planner.gui.models.portfolio import (
    NAME,
    PORTFOLIO_COLUMNS,
    PortfolioCriteria,
    PortfolioFilterModel,
    PortfolioModel,
)
from abm_planner.gui.models.record_table import ID_ROLE
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.choices import Choice, fill_choices
from abm_planner.gui.views.record_table import select_row
from abm_planner.services.changes import Change

_COLUMN_WIDTHS = {NAME: 220}


class PortfolioPanel(QWidget):
    """Search field, four filters and the accounts table."""

    account_selected = Signal(object)
    """The selected account's UUID, or None when nothing is selected."""

    counts_changed = Signal(int, int)
    """Accounts shown and accounts in the plan."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portfolioPanel")
        self.setAccessibleName(self.tr("Portfolio"))
        self._context = context
        self._lookups = PlanLookups(context.plan, (vocab.TIER, vocab.STAGE, vocab.INDUSTRY))
        self._model = PortfolioModel(context, self)
        self._proxy = PortfolioFilterModel(self)
        self._proxy.setSourceModel(self._model)
        self._shown_account: uuid.UUID | None = None
        self._shown_counts = (-1, -1)
        self._kept: tuple[uuid.UUID | None, int, int] | None = None

        self._search = QLineEdit(self)
        self._search.setObjectName("accountSearch")
        self._search.setPlaceholderText(self.tr("Search accounts…"))
        self._search.setAccessibleName(self.tr("Search accounts"))
        self._search.setClearButtonEnabled(True)
        clear_search = QAction(self._search)
        clear_search.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear_search.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear_search.triggered.connect(self._search.clear)
        self._search.addAction(clear_search)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)
        self._search_timer.timeout.connect(self._apply_search)
        self._search.textChanged.connect(self._search_timer.start)

        self._filters: dict[str, QComboBox] = {
            "tier_id": self._combo("tier_id", "tierFilter", self.tr("Filter by tier")),
            "stage_id": self._combo("stage_id", "stageFilter", self.tr("Filter by journey stage")),
            "industry_id": self._combo(
                "industry_id", "industryFilter", self.tr("Filter by industry")
            ),
            "owner_id": self._combo(
                "owner_id", "ownerFilter", self.tr("Filter by sales or marketing owner")
            ),
        }
        self._fill_filters()

        self._table = self._make_table()

        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for n, combo in enumerate(self._filters.values()):
            filters.addWidget(combo, n // 2, n % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._search)
        layout.addLayout(filters)
        layout.addWidget(self._table, 1)

        # A plan-wide change (an import, a teammate's large edit) reads every account again:
        # the selection and the scroll position stay where the user left them.
        self._model.modelAboutToBeReset.connect(self._keep_place)
        self._model.modelReset.connect(self._restore_place)
        # Rows the plan adds or removes arrive through the source model, after both models
        # agree; a filter pass (thousands of proxy row ranges) is counted once, below.
        for signal in (
            self._model.rowsInserted,
            self._model.rowsRemoved,
            self._model.modelReset,
            self._model.layoutChanged,
        ):
            signal.connect(self._after_rows_changed)
        context.events.changed.connect(self._on_plan_changed)
        self._emit_counts()

    # -- public interface --------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search field (the shell binds Ctrl+F to this)."""
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def selected_account_id(self) -> uuid.UUID | None:
        rows = self._table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def select_account(self, account_id: uuid.UUID) -> None:
        """Select and reveal an account, clearing search and filters if they hide it."""
        source_row = self._model.row_of(account_id)
        if source_row is None:
            return
        index = self._proxy.mapFromSource(self._model.index(source_row, 0))
        if not index.isValid():
            self.clear_filters()
            index = self._proxy.mapFromSource(self._model.index(source_row, 0))
        select_row(self._table, index)

    def clear_filters(self) -> None:
        self._search.blockSignals(True)
        self._search.clear()
        self._search.blockSignals(False)
        self._search_timer.stop()
        for combo in self._filters.values():
            combo.setCurrentIndex(0)
        self._proxy.set_criteria(PortfolioCriteria())
        self._after_rows_changed()

    def reload(self) -> None:
        """Read every account again (after an import or a change of vocabularies)."""
        selected = self.selected_account_id()
        self._lookups.reload()
        self._fill_filters()
        self._model.reload()
        if selected is not None and self._model.row_of(selected) is not None:
            self.select_account(selected)

    def save_state(self) -> bytes:
        """Column order, widths and sort, for the shell's settings."""
        return bytes(self._table.horizontalHeader().saveState().data())

    def restore_state(self, state: bytes) -> bool:
        header = self._table.horizontalHeader()
        if not state or not header.restoreState(QByteArray(state)):
            return False
        self._table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        return True

    @property
    def table(self) -> QTableView:
        return self._table

    @property
    def search_field(self) -> QLineEdit:
        return self._search

    def filter_combo(self, name: str) -> QComboBox:
        """``tier_id``, ``stage_id``, ``industry_id`` or ``owner_id``."""
        return self._filters[name]

    @property
    def model(self) -> PortfolioFilterModel:
        return self._proxy

    # -- building ----------------------------------------------------------------------

    def _combo(self, key: str, object_name: str, accessible_name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(object_name)
        combo.setAccessibleName(accessible_name)
        combo.setToolTip(accessible_name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.currentIndexChanged.connect(lambda _index: self._apply_filter(key))
        return combo

    def _fill_filters(self) -> None:
        lists = {
            "tier_id": (self.tr("All tiers"), self._lookups.terms(vocab.TIER)),
            "stage_id": (self.tr("All stages"), self._lookups.terms(vocab.STAGE)),
            "industry_id": (self.tr("All industries"), self._lookups.terms(vocab.INDUSTRY)),
        }
        for key, (everything, terms) in lists.items():
            self._refill(key, everything, [(t.label, t.id) for t in terms])
        members = [(m.name, m.id) for m in self._lookups.members]
        self._refill("owner_id", self.tr("All owners"), members)

    def _refill(self, key: str, everything: str, items: list[Choice]) -> None:
        combo = self._filters[key]
        chosen = combo.currentData()
        fill_choices(combo, everything, items)
        if combo.currentData() != chosen:
            self._proxy.set_filter(key, None)

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("portfolioTable")
        table.setAccessibleName(self.tr("Accounts"))
        table.setModel(self._proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setTabKeyNavigation(False)
        rows = table.verticalHeader()
        rows.hide()
        # Fixed row heights let the view skip measuring 5,000 rows.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        for column, spec in enumerate(PORTFOLIO_COLUMNS):
            if spec.alignment & Qt.AlignmentFlag.AlignRight:
                header.resizeSection(column, 80)
        header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        return table

    # -- reacting ----------------------------------------------------------------------

    def _apply_search(self) -> None:
        self._proxy.set_search_text(self._search.text())
        self._after_rows_changed()

    def _apply_filter(self, key: str) -> None:
        self._proxy.set_filter(key, self._filters[key].currentData())
        self._after_rows_changed()

    def _on_plan_changed(self, changes: list[Change]) -> None:
        if any(change.kind in LOOKUP_CHANGE_KINDS for change in changes):
            self._lookups.reload()
            self._fill_filters()

    def _keep_place(self) -> None:
        bars = (self._table.verticalScrollBar(), self._table.horizontalScrollBar())
        self._kept = (self.selected_account_id(), bars[0].value(), bars[1].value())

    def _restore_place(self) -> None:
        if self._kept is None:
            return
        account_id, top, left = self._kept
        self._kept = None
        row = None if account_id is None else self._model.row_of(account_id)
        if row is not None:
            index = self._proxy.mapFromSource(self._model.index(row, 0))
            if index.isValid():
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
                selection = self._table.selectionModel()
                selection.setCurrentIndex(index, flags | QItemSelectionModel.SelectionFlag.Rows)
        self._table.doItemsLayout()  # the scroll range is known before the position is set
        self._table.verticalScrollBar().setValue(top)
        self._table.horizontalScrollBar().setValue(left)

    def _on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        del selected, deselected
        self._announce_selection()

    def _after_rows_changed(self) -> None:
        self._emit_counts()
        self._announce_selection()

    def _announce_selection(self) -> None:
        account_id = self.selected_account_id()
        if account_id != self._shown_account:
            self._shown_account = account_id
            self.account_selected.emit(account_id)

    def _emit_counts(self) -> None:
        counts = (self._proxy.rowCount(), self._model.rowCount())
        if counts != self._shown_counts:
            self._shown_counts = counts
            self.counts_changed.emit(*counts)
