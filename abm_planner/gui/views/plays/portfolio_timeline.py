"""The portfolio timeline: every account's plays on one calendar, with filters.

Answers "what is marketing doing with my accounts this month": pick yourself as
owner, Marketing as function and press "This month". Filters run in SQL
(``services.play_timeline``); the view paints only what is on screen, so the whole
portfolio of a big plan stays smooth. Bars can be dragged here too (undoable), and
a change made anywhere refreshes only the account it touched.

The shell opens it with ``open_portfolio_timeline(context, parent)`` (View ▸
Portfolio timeline); it lives as a tool window, one per open plan.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from abm_planner.domain import vocabularies as vocab
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.choices import fill_choices
from abm_planner.gui.views.plays import play_actions
from abm_planner.gui.views.plays.timeline_tab import ZoomBar, legend_html
from abm_planner.gui.views.plays.timeline_view import TimelineView
from abm_planner.services.changes import Change
from abm_planner.services.lookups import team_members, vocabulary
from abm_planner.services.play_timeline import TimelineFilter, load_timeline
from abm_planner.services.portfolio_clashes import clashing_play_ids

# Above this many accounts the red clash outlines are left out (a second per refresh).
CLASH_OUTLINE_ACCOUNTS = 500
FUNCTION_CHOICES = (
    ("All functions", None),
    ("Marketing", "marketing"),
    ("Sales", "sales"),
    ("Joint plays", "joint"),
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def month_window(today: date) -> tuple[date, date]:
    first = today.replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def quarter_window(today: date) -> tuple[date, date]:
    first = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    following = (first + timedelta(days=93)).replace(day=1)
    return first, following - timedelta(days=1)


class PortfolioTimeline(QWidget):
    """Filters over a ``TimelineView`` of all accounts."""

    def __init__(
        self, context: PlanContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("portfolioTimeline")
        self._context = context
        self._today = today or date.today()
        self._pending: set[uuid.UUID] | None = None
        self.view = TimelineView(context, self)
        self.view.set_today(self._today)
        self.view.play_activated.connect(lambda i: play_actions.edit_play(context, i, self))
        self.zoom = ZoomBar(self.view, self)
        self.zoom.months.setChecked(True)
        self._build_filters()
        self.status = QLabel(self)
        self.status.setObjectName("portfolioTimelineStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters)
        layout.addWidget(self.zoom)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(QLabel(legend_html(), self))
        layout.addLayout(bottom)
        context.events.changed.connect(self._on_plan_changed)
        self.reload(scroll_to_today=True)

    def _build_filters(self) -> None:
        plan = self._context.plan
        self.owner = QComboBox(self)
        self.owner.setObjectName("timelineOwner")
        self.owner.setAccessibleName(self.tr("Owner"))
        fill_choices(self.owner, self.tr("Any owner"), [(m.name, m.id) for m in team_members(plan)])
        self.tier = QComboBox(self)
        self.tier.setObjectName("timelineTier")
        self.tier.setAccessibleName(self.tr("Tier"))
        tiers = [(t.label, t.id) for t in vocabulary(plan, vocab.TIER)]
        fill_choices(self.tier, self.tr("Any tier"), tiers)
        self.function = QComboBox(self)
        self.function.setObjectName("timelineFunction")
        self.function.setAccessibleName(self.tr("Function"))
        for label, key in FUNCTION_CHOICES:
            self.function.addItem(self.tr(label), key)
        # This month by default: "what are we doing with my accounts this month".
        first, last = month_window(self._today)
        self.start = QDateEdit(_qdate(first), self)
        self.end = QDateEdit(_qdate(last), self)
        for edit, name in ((self.start, "From"), (self.end, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(self.tr(name))
        self.start.setObjectName("timelineFrom")
        self.end.setObjectName("timelineTo")
        self.this_month = QPushButton(self.tr("This month"), self)
        self.this_month.setObjectName("timelineThisMonth")
        self.this_month.clicked.connect(lambda: self.set_window(*month_window(self._today)))
        self.this_quarter = QPushButton(self.tr("This quarter"), self)
        self.this_quarter.clicked.connect(lambda: self.set_window(*quarter_window(self._today)))
        self.cancelled = QCheckBox(self.tr("Cancelled"), self)
        self.cancelled.setObjectName("timelineCancelled")
        self._filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Owner:"), self.owner),
            (self.tr("Tier:"), self.tier),
            (self.tr("Function:"), self.function),
            (self.tr("From:"), self.start),
            (self.tr("to"), self.end),
        ):
            self._filters.addWidget(QLabel(label, self))
            self._filters.addWidget(widget)
        self._filters.addWidget(self.this_month)
        self._filters.addWidget(self.this_quarter)
        self._filters.addWidget(self.cancelled)
        self._filters.addStretch(1)
        for combo in (self.owner, self.tier, self.function):
            combo.activated.connect(lambda _index: self.reload())
        for edit in (self.start, self.end):
            edit.editingFinished.connect(self.reload)
        self.cancelled.toggled.connect(lambda _on: self.reload())

    # -- filters ----------------------------------------------------------------------
    def criteria(self) -> TimelineFilter:
        start, end = _date(self.start.date()), _date(self.end.date())
        if end < start:
            start, end = end, start
        return TimelineFilter(
            owner_id=self.owner.currentData(),
            tier_id=self.tier.currentData(),
            function=self.function.currentData(),
            start=start,
            end=end,
            include_cancelled=self.cancelled.isChecked(),
        )

    def set_window(self, start: date, end: date) -> None:
        self.start.setDate(_qdate(start))
        self.end.setDate(_qdate(end))
        self.reload()
        self.view.scroll_to_date(start)

    def set_filter(
        self,
        *,
        owner_id: uuid.UUID | None = None,
        tier_id: uuid.UUID | None = None,
        function: str | None = None,
    ) -> None:
        """Set the combo filters (as a person would pick them) and reload."""
        for combo, value in (
            (self.owner, owner_id),
            (self.tier, tier_id),
            (self.function, function),
        ):
            for index in range(combo.count()):
                if combo.itemData(index) == value:
                    combo.setCurrentIndex(index)
                    break
        self.reload()

    # -- loading ----------------------------------------------------------------------
    def reload(self, *, scroll_to_today: bool = False) -> None:
        self._pending = None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plan = self._context.plan
            criteria = self.criteria()
            data = load_timeline(plan, criteria)
            ids = [a.id for a in data.accounts]
            clashing = (
                clashing_play_ids(plan, ids) if len(ids) <= CLASH_OUTLINE_ACCOUNTS else frozenset()
            )
            self.view.set_member_names({m.id: m.name for m in team_members(plan)})
            self.view.set_data(data, clashing, scroll_to_today=scroll_to_today)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.zoom.sync()
        shown = self.tr("{plays} plays in {accounts} accounts").format(
            plays=f"{len(data.bars):,}", accounts=f"{len(data.accounts):,}"
        )
        if len(ids) > CLASH_OUTLINE_ACCOUNTS:
            shown += " · " + self.tr("narrow the filters to see clashes outlined")
        self.status.setText(shown)

    def _refresh_accounts(self) -> None:
        """Re-read only the accounts a change touched (a full reload if one is new here)."""
        accounts, self._pending = self._pending or set(), None
        plan = self._context.plan
        criteria = self.criteria()
        for account_id in accounts:
            data = load_timeline(plan, replace(criteria, account_id=account_id))
            clashing = clashing_play_ids(plan, [account_id])
            if not self.view.replace_account_bars(account_id, data.bars, clashing) and data.bars:
                self.reload()
                return

    def _on_plan_changed(self, changes: list[Change]) -> None:
        if any(c.kind in ("plan", "account", "team_member", "vocabulary_term") for c in changes):
            QTimer.singleShot(0, self, self.reload)
            return
        touched = {c.account_id for c in changes if c.kind == "play" and c.account_id is not None}
        if not touched:
            return
        if self._pending is None:
            self._pending = set()
            QTimer.singleShot(0, self, self._refresh_accounts)
        self._pending |= touched  # type: ignore[operator]


class PortfolioTimelineWindow(QDialog):
    """The portfolio timeline in a tool window of its own."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portfolioTimelineWindow")
        self.setWindowTitle(self.tr("Portfolio timeline"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.timeline = PortfolioTimeline(context, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.timeline)
        self.resize(1280, 760)


def open_portfolio_timeline(
    context: PlanContext, parent: QWidget | None
) -> PortfolioTimelineWindow:
    """Show the portfolio timeline (View ▸ Portfolio timeline); raise it if already open."""
    existing = context.extras.get("portfolio_timeline")
    if isinstance(existing, PortfolioTimelineWindow):
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    window = PortfolioTimelineWindow(context, parent)
    context.extras["portfolio_timeline"] = window
    window.destroyed.connect(lambda: context.extras.pop("portfolio_timeline", None))
    window.show()
    return window
