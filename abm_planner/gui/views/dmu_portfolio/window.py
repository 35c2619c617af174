"""The DMU health window: the analysis job, filters, counts and the table."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from abm_planner.excel.errors import OperationCancelled
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.dmu_portfolio.model import (
    COLUMNS,
    ID_ROLE,
    STATUS_COLOURS,
    STATUS_COLUMN,
    STATUSES,
    DmuHealthFilter,
    DmuHealthModel,
    HealthRow,
    dot_icon,
    status_name,
)
from abm_planner.gui.workers import Job, start_job
from abm_planner.services.accounts import list_accounts
from abm_planner.services.changes import Change
from abm_planner.services.dmu_analysis import AnalysisCancelled, iter_account_dmus
from abm_planner.services.plans import Plan

EXTRAS_KEY = "dmu_health"
# Accounts loaded per read. Loading holds the GIL (the UI thread waits meanwhile):
# 250 accounts (analyse_accounts' batch) take ~150 ms, 50 take ~30 ms.
LOAD_BATCH = 50
CLOSE_WAIT_S = 10.0  # longest a closing window waits for a cancelled analysis to stop


class _Relay(QObject):
    """Made on the UI thread; the worker emits, Qt queues it here."""

    progressed = Signal(int, int)


class HealthTable(QTableView):
    """Enter opens the current account as double-click does."""

    activated_row = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class DmuHealthWindow(QDialog):
    """The table, its filters and counts, and the analysis job behind them."""

    progressed = Signal(int, int)  # accounts done, total (on the UI thread)
    analysis_finished = Signal()  # done, cancelled or failed

    def __init__(
        self,
        context: PlanContext,
        parent: QWidget | None = None,
        *,
        open_account: Callable[[uuid.UUID], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dmuHealthWindow")
        self.setWindowTitle(self.tr("DMU health (all accounts)"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self._context = context
        self._open_account = open_account
        self.job: Job | None = None
        self.elapsed: float | None = None
        self._started = 0.0
        self._closing = False
        self._work_stopped = threading.Event()
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_progress)
        self.model = DmuHealthModel(self)
        self.proxy = DmuHealthFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        context.events.changed.connect(self._on_plan_changed)
        self.resize(1000, 620)
        self.refresh()

    def _build(self) -> None:
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("dmuHealthStatus")
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            icon = dot_icon(STATUS_COLOURS[status])
            self.status_filter.addItem(icon, status_name(status), status)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self._apply_status(self.status_filter.currentData())
        )
        self.search = QLineEdit(self)
        self.search.setObjectName("dmuHealthSearch")
        self.search.setPlaceholderText(self.tr("Find an account"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_search)
        self.counts = QLabel(self)
        self.counts.setObjectName("dmuHealthCounts")
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("dmuHealthRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:"), self))
        top.addWidget(self.status_filter)
        top.addWidget(self.search, 1)
        top.addSpacing(12)
        top.addWidget(self.counts)
        top.addSpacing(12)
        top.addWidget(self.refresh_button)
        self.stale = QFrame(self)
        self.stale.setObjectName("dmuHealthStale")
        self.stale.setStyleSheet(
            "#dmuHealthStale { border: 1px solid #b86e00; border-radius: 4px; }"
        )
        stale_label = QLabel(self.tr("Plan changed since the analysis — Refresh"), self.stale)
        stale_button = QPushButton(self.tr("Refresh now"), self.stale)
        stale_button.clicked.connect(self.refresh)
        row = QHBoxLayout(self.stale)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(stale_label, 1)
        row.addWidget(stale_button)
        self.stale.hide()
        self._build_table()
        self.message = QLabel(self)
        self.message.setObjectName("dmuHealthMessage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.stale)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def _build_table(self) -> None:
        self.table = HealthTable(self)
        self.table.setObjectName("dmuHealthTable")
        self.table.setAccessibleName(self.tr("DMU health of all accounts"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(STATUS_COLUMN, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for number, column in enumerate(COLUMNS):
            if column.width:
                header.resizeSection(number, column.width)
            else:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._activate)
        self.table.activated_row.connect(self._activate)

    # -- the analysis ---------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def refresh(self) -> None:
        """(Re-)run the analysis of every account; the table stays until it is done."""
        if self.running:
            return
        relay, plan = self._relay, self._context.plan
        stopped = self._work_stopped = threading.Event()

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            def report(done: int, total: int) -> None:
                progress(done, total)
                relay.progressed.emit(done, total)

            try:
                return _analyse_all(plan, report, cancelled)
            except AnalysisCancelled:
                raise OperationCancelled from None
            except Exception:
                if cancelled():  # e.g. the plan closed under a cancelled run
                    raise OperationCancelled from None
                raise
            finally:
                stopped.set()

        self.stale.hide()
        self.refresh_button.setEnabled(False)
        self.message.setText(self.tr("Analysing the accounts…"))
        self._started = time.perf_counter()
        self.job = start_job(
            work, self, title=self.tr("DMU health"), label=self.tr("Analysing the accounts…")
        )
        self.job.succeeded.connect(self._on_done)
        self.job.cancelled.connect(self._on_cancelled)
        self.job.finished.connect(self._on_finished)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        text = self.tr("Analysed {done} of {total} accounts…").format(
            done=f"{done:,}", total=f"{total:,}"
        )
        self.message.setText(text)
        dialog = self.job.progress_dialog if self.job is not None else None
        if dialog is not None and not (self.job and self.job.cancel_requested):
            dialog.setLabelText(text)
        self.progressed.emit(done, total)

    def _on_done(self, analyses: list[HealthRow]) -> None:
        self.elapsed = time.perf_counter() - self._started
        self.model.set_analyses(analyses)
        self._show_counts()
        self.message.setText(
            self.tr(
                "{n} accounts analysed in {s:.1f} s · double-click an account "
                "(or press Enter) to open its DMU map"
            ).format(n=f"{len(analyses):,}", s=self.elapsed)
        )

    def _on_cancelled(self) -> None:
        self.message.setText(self.tr("Analysis cancelled — Refresh to run it again."))

    def _on_finished(self) -> None:
        if self._closing:
            self.close()
            return
        self.refresh_button.setEnabled(True)
        self.analysis_finished.emit()

    # -- the table ------------------------------------------------------------------------
    def _apply_status(self, status: str | None) -> None:
        self.proxy.set_status(status)
        self._show_counts()

    def _apply_search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._show_counts()

    def set_status_filter(self, status: str | None) -> None:
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(status)))

    def _show_counts(self) -> None:
        counts = self.model.counts()
        text = " · ".join(f"{counts[s]:,} {status_name(s).lower()}" for s in STATUSES)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown != total:
            text += "  " + self.tr("({0:,} shown)").format(shown)
        self.counts.setText(text)

    def _activate(self, index: QModelIndex) -> None:
        account_id = index.siblingAtColumn(0).data(ID_ROLE)
        if account_id is not None and self._open_account is not None:
            self._open_account(account_id)

    def _on_plan_changed(self, changes: list[Change]) -> None:
        if changes and self.model.rowCount() and not self.running:
            self.stale.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._context.extras.get(EXTRAS_KEY) is self:
            del self._context.extras[EXTRAS_KEY]
        if self.running:
            # The plan may be closed right after this returns, so the work must have
            # stopped by then (it checks between accounts: a moment). The job still
            # reports to its progress dialog, our child: hide now, go once it has.
            self._closing = True
            self.cancel()
            self._work_stopped.wait(CLOSE_WAIT_S)
            self.hide()
            event.ignore()
            return
        event.accept()


def _analyse_all(
    plan: Plan, progress: Callable[[int, int], None], cancelled: Callable[[], bool]
) -> list[HealthRow]:
    """``services.dmu_analysis.analyse_accounts`` (same accounts and order),
    keeping a ``HealthRow`` of each,
    reading smaller batches so the UI thread never waits long for the GIL."""
    from abm_planner.dmu.analysis import analyse_dmu

    today = date.today()
    total = len(list_accounts(plan))  # ~70 ms for 5,000, once
    progress(0, total)
    results: list[HealthRow] = []
    for dmu in iter_account_dmus(plan, batch=LOAD_BATCH):
        if cancelled():
            raise AnalysisCancelled
        results.append(HealthRow.of(analyse_dmu(dmu, today)))
        if len(results) % LOAD_BATCH == 0:
            progress(len(results), total)
    progress(len(results), len(results))
    return results


def _opener_for(parent: QWidget | None) -> Callable[[uuid.UUID], None] | None:
    """Select the account in the main window's portfolio and open its DMU map tab."""
    portfolio = getattr(parent, "portfolio", None)
    if parent is None or not hasattr(portfolio, "select_account"):
        return None

    def open_account(account_id: uuid.UUID) -> None:
        panel = getattr(parent, "portfolio", None)  # the plan may have been reopened
        if panel is None:
            return
        panel.select_account(account_id)
        workspace = getattr(parent, "workspace", None)
        if workspace is not None and hasattr(workspace, "tabText"):
            wanted = QCoreApplication.translate("AccountWorkspace", "DMU map")
            for index in range(workspace.count()):
                if workspace.tabText(index) == wanted:
                    workspace.setCurrentIndex(index)
                    break
        parent.raise_()
        parent.activateWindow()

    return open_account


def open_dmu_health(context: PlanContext, parent: QWidget | None) -> DmuHealthWindow:
    """Plan ▸ DMU health…: show the window for this plan (raise it if already open)."""
    existing = context.extras.get(EXTRAS_KEY)
    if isinstance(existing, DmuHealthWindow):
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    window = DmuHealthWindow(context, parent, open_account=_opener_for(parent))
    context.extras[EXTRAS_KEY] = window
    window.destroyed.connect(
        lambda: context.extras.get(EXTRAS_KEY) is window and context.extras.pop(EXTRAS_KEY)
    )
    window.show()
    return window
