"""The Timeline tab: one account's plays on a calendar, marketing above sales.

A small toolbar (zoom weeks/months, jump to today, the agreed handoff) over a
``TimelineView``. Plays that clash with another on the same person in the same week
are outlined in red. Double-click a bar to edit the play; drag it to move it.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.plays import play_actions
from abm_planner.gui.views.plays.timeline_style import CLASH, HANDOFF, MARKETING, SALES, TODAY
from abm_planner.gui.views.plays.timeline_view import TimelineView
from abm_planner.services.changes import Change
from abm_planner.services.lookups import team_members
from abm_planner.services.play_timeline import TimelineData, TimelineFilter, load_timeline
from abm_planner.services.portfolio_clashes import clashing_play_ids

RELOAD_KINDS = frozenset({"play", "touch", "account", "stakeholder"})
PLAN_WIDE = frozenset({"plan", "team_member", "vocabulary", "vocabulary_term"})


def legend_html() -> str:
    """The colours of the timeline, as a one-line key."""

    def mark(color: QColor, symbol: str = "■") -> str:
        return f'<span style="color:{color.name()}">{symbol}</span>'

    def text(words: str) -> str:
        return "&nbsp;" + QCoreApplication.translate("Timeline", words)

    parts = [
        mark(MARKETING) + text("Marketing"),
        mark(SALES) + text("Sales"),
        mark(MARKETING) + mark(SALES) + text("Joint"),
        mark(TODAY, "│") + text("today"),
        mark(HANDOFF, "┆") + text("handed to sales"),
        mark(CLASH, "▭") + text("clash"),
    ]
    return "&nbsp;&nbsp; ".join(parts)


class ZoomBar(QWidget):
    """Weeks / months radio buttons, a Today button and a legend label."""

    def __init__(self, view: TimelineView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.weeks = QRadioButton(self.tr("Weeks"), self)
        self.weeks.setObjectName("zoomWeeks")
        self.months = QRadioButton(self.tr("Months"), self)
        self.months.setObjectName("zoomMonths")
        group = QButtonGroup(self)
        group.addButton(self.weeks)
        group.addButton(self.months)
        self.weeks.setChecked(True)
        self.weeks.toggled.connect(lambda on: view.set_zoom("weeks" if on else "months"))
        self.today = QPushButton(self.tr("Today"), self)
        self.today.setObjectName("timelineToday")
        self.today.clicked.connect(lambda: view.scroll_to_date(view.today))
        self.info = QLabel(self)
        self.info.setObjectName("timelineInfo")
        # Long handoff texts must not widen the tab (and squeeze the portfolio beside it).
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Zoom:"), self))
        layout.addWidget(self.weeks)
        layout.addWidget(self.months)
        layout.addSpacing(12)
        layout.addWidget(self.today)
        layout.addSpacing(12)
        layout.addWidget(self.info, 1)

    def sync(self) -> None:
        """Follow a zoom changed on the view itself (Ctrl+wheel)."""
        self.weeks.blockSignals(True)
        self.months.blockSignals(True)
        self.weeks.setChecked(self._view.zoom == "weeks")
        self.months.setChecked(self._view.zoom == "months")
        self.weeks.blockSignals(False)
        self.months.blockSignals(False)


class TimelineTab(QWidget):
    """The shown account's plays on the timeline."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineTab")
        self._context = context
        self._account_id: uuid.UUID | None = None
        self._pending = False
        self._first_show = True
        self.view = TimelineView(context, self, show_touches=True)
        self.view.play_activated.connect(self._edit)
        self.zoom = ZoomBar(self.view, self)
        self.legend = QLabel(legend_html(), self)
        self.legend.setObjectName("timelineLegend")
        layout = QVBoxLayout(self)
        layout.addWidget(self.zoom)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend, 0, Qt.AlignmentFlag.AlignRight)
        context.events.changed.connect(self._on_plan_changed)

    @property
    def account_id(self) -> uuid.UUID | None:
        return self._account_id

    @property
    def reload_pending(self) -> bool:
        """A change arrived and the reload it asks for has not run yet."""
        return self._pending

    def show_account(self, account_id: uuid.UUID | None) -> None:
        changed = account_id != self._account_id
        self._account_id = account_id
        self.reload(scroll_to_today=changed or self._first_show)

    def reload(self, *, scroll_to_today: bool = False) -> None:
        self._pending = False
        plan = self._context.plan
        self.view.set_member_names({m.id: m.name for m in team_members(plan)})
        if self._account_id is None:
            self.view.set_data(TimelineData())
            self.zoom.info.clear()
            return
        data = load_timeline(plan, TimelineFilter(account_id=self._account_id))
        data.accounts = [a for a in data.accounts if a.id == self._account_id]
        clashing = clashing_play_ids(plan, [self._account_id])
        self.view.set_data(data, clashing, scroll_to_today=scroll_to_today)
        self._first_show = False
        self.zoom.sync()
        handoff = self.tr("Handoff: {stages}").format(stages=self.view.handoff_text or "—")
        account = data.accounts[0] if data.accounts else None
        if account is not None and account.handed_off_on:
            handoff += " · " + self.tr("handed off on {day}").format(
                day=account.handed_off_on.isoformat()
            )
        elif account is not None:
            handoff += " · " + self.tr("not handed off yet")
        parts = [handoff]
        if clashing:
            parts.append(self.tr("{n} plays clash (outlined in red)").format(n=len(clashing)))
        self.zoom.info.setText("   ·   ".join(parts))
        self.zoom.info.setToolTip("\n".join(parts))

    def _edit(self, assignment_id: uuid.UUID) -> None:
        play_actions.edit_play(self._context, assignment_id, self)

    def _on_plan_changed(self, changes: list[Change]) -> None:
        if self._account_id is None or self._pending:
            return
        if any(
            c.kind in PLAN_WIDE or (c.kind in RELOAD_KINDS and c.account_id == self._account_id)
            for c in changes
        ):
            self._pending = True
            QTimer.singleShot(0, self, self.reload)
