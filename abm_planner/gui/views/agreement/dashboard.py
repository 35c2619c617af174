"""The Portfolio dashboard: the one suite of metrics sales and marketing share.

KPI tiles across the top (pipeline and margin, revenue won, marketing-sourced and
influenced pipeline, engaged stakeholders, DMU coverage, touches per account), then
four charts painted by hand: pipeline by tier stacked by who sourced it, the stage
funnel with the agreed handoff, DMU coverage by tier as a heat map, and what sales
and marketing each contribute side by side. It follows the plan's changes and reads
everything again (a few aggregate queries) when something it shows may have moved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from abm_planner.agreements.metrics import (
    ENGAGED_DAYS,
    MARKETING_INFLUENCED,
    MARKETING_SOURCED,
    SALES_SOURCED,
)
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement.bar_charts import PairedBarChart, StackedBarChart
from abm_planner.gui.views.agreement.chart_base import (
    INFLUENCED_COLOUR,
    MARKETING_COLOUR,
    NEUTRAL_COLOUR,
    SALES_COLOUR,
    Series,
    money_text,
)
from abm_planner.gui.views.agreement.funnel_chart import FunnelChart, FunnelStage
from abm_planner.gui.views.agreement.heat_map import HeatMap
from abm_planner.services.changes import Change
from abm_planner.services.dashboard import Dashboard, portfolio_dashboard

# Changes that cannot move any figure on the dashboard.
_IGNORED_KINDS = frozenset({"node_position", "decision"})
REFRESH_DELAY_MS = 300
TILE_STYLE = "QFrame#kpiTile { border: 1px solid rgba(128, 128, 128, 0.35); border-radius: 6px; }"


def _share(part: float, whole: float) -> str:
    return "—" if not whole else f"{part / whole:.0%}"


class KpiTile(QFrame):
    """One figure: a small title, the number, a line of context; its definition as tooltip."""

    def __init__(self, title: str, definition: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self.setStyleSheet(TILE_STYLE)
        self.title = QLabel(title, self)
        self.title.setEnabled(False)
        self.value = QLabel(self)
        self.value.setObjectName("kpiValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.setToolTip(definition)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def show_figure(self, value: str, caption: str) -> None:
        self.value.setText(value)
        self.caption.setText(caption)
        self.setAccessibleDescription(f"{value}. {caption}")


class PortfolioDashboard(QWidget):
    """The shared metrics of the whole portfolio on one screen."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portfolioDashboard")
        self._context = context
        self._dirty = False
        self.dashboard: Dashboard | None = None
        self.setWindowTitle(self.tr("Portfolio dashboard — {plan}").format(plan=context.plan.name))
        self.resize(1280, 880)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # A burst of edits (an undo of a macro, typing in another window) redraws once;
        # a redraw of the 5,000-account plan reads for about a quarter of a second.
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addLayout(self._build_header(page))
        layout.addLayout(self._build_tiles(page))
        layout.addLayout(self._build_charts(page), 1)
        self.definitions = QLabel(page)
        self.definitions.setWordWrap(True)
        self.definitions.setEnabled(False)
        self.definitions.setText(self._definitions())
        layout.addWidget(self.definitions)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        context.events.changed.connect(self._on_changed)
        self.refresh()

    # -- building ------------------------------------------------------------------------

    def _build_header(self, page: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.heading = QLabel(page)
        self.heading.setObjectName("dashboardHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.as_of = QLabel(page)
        self.as_of.setEnabled(False)
        refresh = QPushButton(self.tr("Refresh"), page)
        refresh.setObjectName("refreshDashboard")
        refresh.clicked.connect(self.refresh)
        row.addWidget(self.heading)
        row.addSpacing(12)
        row.addWidget(self.as_of, 1)
        row.addWidget(refresh)
        return row

    def _build_tiles(self, page: QWidget) -> QGridLayout:
        tr = self.tr
        specs = {
            "pipeline": (
                tr("Pipeline"),
                tr("Value of open opportunities recorded on the accounts (not their turnover)."),
            ),
            "revenue": (
                tr("Revenue won"),
                tr("Business won from the accounts in the plan period."),
            ),
            "marketing_sourced": (
                tr("Marketing-sourced pipeline"),
                tr("Pipeline of accounts whose opportunity marketing sourced."),
            ),
            "marketing_influenced": (
                tr("Marketing-influenced pipeline"),
                tr(
                    "Pipeline marketing sourced or influenced, or with a marketing touch "
                    "in the last {days} days (includes sourced)."
                ).format(days=ENGAGED_DAYS),
            ),
            "engaged": (
                tr("Engaged stakeholders"),
                tr("Stakeholders touched by either side in the last {days} days.").format(
                    days=ENGAGED_DAYS
                ),
            ),
            "coverage": (
                tr("DMU coverage"),
                tr("Share of stakeholders whose coverage is Multiple or better."),
            ),
            "touches": (
                tr("Touches per account"),
                tr("Touches logged in the last {days} days per account.").format(days=ENGAGED_DAYS),
            ),
            "sales_sourced": (
                tr("Sales-sourced pipeline"),
                tr("Pipeline of accounts whose opportunity sales sourced."),
            ),
        }
        grid = QGridLayout()
        self.tiles: dict[str, KpiTile] = {}
        for index, (key, (title, definition)) in enumerate(specs.items()):
            tile = KpiTile(title, definition, page)
            tile.setObjectName("kpiTile")
            grid.addWidget(tile, index // 4, index % 4)
            self.tiles[key] = tile
        return grid

    def _build_charts(self, page: QWidget) -> QGridLayout:
        grid = QGridLayout()
        self.pipeline_chart = StackedBarChart(page)
        self.funnel = FunnelChart(page)
        self.heat_map = HeatMap(page)
        self.side_by_side = PairedBarChart(page)
        self.pipeline_chart.empty_text = self.tr("No pipeline is recorded on any account yet.")
        self.funnel.empty_text = self.tr("No account has a journey stage yet.")
        self.heat_map.empty_text = self.tr("No stakeholders yet.")
        self.side_by_side.empty_text = self.tr("Nothing to compare yet.")
        boxes = (
            (self.tr("Pipeline by tier, by who sourced it"), self.pipeline_chart, "pipelineByTier"),
            (self.tr("Accounts by journey stage"), self.funnel, "stageFunnel"),
            (self.tr("DMU coverage by tier"), self.heat_map, "coverageHeatMap"),
            (self.tr("Sales and marketing side by side"), self.side_by_side, "sideBySide"),
        )
        for index, (title, chart, name) in enumerate(boxes):
            box = QGroupBox(title, page)
            chart.setObjectName(name)
            chart.setAccessibleName(title)
            inner = QVBoxLayout(box)
            inner.addWidget(chart)
            grid.addWidget(box, index // 2, index % 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        return grid

    def _definitions(self) -> str:
        return self.tr(
            "Pipeline is what the open opportunities are worth to us; an account's annual "
            "revenue is its own turnover and never counts. Margins are gross margins from "
            "each account's expected margin %; amounts without one are left out of the "
            "margin. Engagement and touches count the last {days} days."
        ).format(days=ENGAGED_DAYS)

    # -- showing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the figures again and redraw everything."""
        self._dirty = False
        board = portfolio_dashboard(self._context.plan)
        self.dashboard = board
        metrics = board.metrics
        self.heading.setText(self._context.plan.name)
        self.as_of.setText(
            self.tr("{n} accounts · as of {day}").format(
                n=f"{metrics.accounts:,}", day=board.today.isoformat()
            )
        )
        self._show_tiles(board)
        self._show_charts(board)

    def _show_tiles(self, board: Dashboard) -> None:
        tr = self.tr
        m = board.metrics
        pipeline, won = m.pipeline, m.won

        def margin(money_margin: float, pct: float | None, missing: float) -> str:
            if pct is None:
                return tr("no margin estimate")
            text = tr("gross margin {amount} ({pct:.0f}%)").format(
                amount=money_text(money_margin), pct=pct
            )
            if missing:
                text += tr("; {amount} without margin").format(amount=money_text(missing))
            return text

        self.tiles["pipeline"].show_figure(
            money_text(pipeline.total),
            margin(pipeline.margin, pipeline.margin_pct, pipeline.without_margin),
        )
        self.tiles["revenue"].show_figure(
            money_text(won.total), margin(won.margin, won.margin_pct, won.without_margin)
        )
        for key, value in (
            ("marketing_sourced", m.marketing_sourced),
            ("marketing_influenced", m.marketing_influenced),
            ("sales_sourced", m.sales_sourced),
        ):
            self.tiles[key].show_figure(
                money_text(value),
                tr("{share} of pipeline").format(share=_share(value, pipeline.total)),
            )
        self.tiles["engaged"].show_figure(
            f"{m.engaged:,}",
            tr("{share} of {n} stakeholders").format(
                share=_share(m.engaged, m.stakeholders), n=f"{m.stakeholders:,}"
            ),
        )
        coverage = m.dmu_coverage
        self.tiles["coverage"].show_figure(
            "—" if coverage is None else f"{coverage:.0%}",
            tr("{n} stakeholders at Multiple or In depth").format(n=f"{m.covered:,}"),
        )
        per_account = m.touches_per_account
        self.tiles["touches"].show_figure(
            "—" if per_account is None else f"{per_account:.1f}",
            tr("{n} touches: {sales} by sales, {marketing} by marketing").format(
                n=f"{m.touches:,}",
                sales=f"{m.sales_touches:,}",
                marketing=f"{m.marketing_touches:,}",
            ),
        )

    def _show_charts(self, board: Dashboard) -> None:
        tiers = board.tiers
        sources = (
            (SALES_SOURCED, self.tr("Sales-sourced"), SALES_COLOUR),
            (MARKETING_SOURCED, self.tr("Marketing-sourced"), MARKETING_COLOUR),
            (MARKETING_INFLUENCED, self.tr("Marketing-influenced"), INFLUENCED_COLOUR),
            ("", self.tr("Source not recorded"), NEUTRAL_COLOUR),
        )
        self.pipeline_chart.set_data(
            [t.label for t in tiers],
            [
                Series(label, colour, tuple(t.group.metrics.pipeline_by_source[key] for t in tiers))
                for key, label, colour in sources
            ],
        )
        stage_ids = [s.id for s in board.stages]
        to_index = stage_ids.index(board.handoff_to) if board.handoff_to in stage_ids else None
        from_index = (
            stage_ids.index(board.handoff_from) if board.handoff_from in stage_ids else None
        )
        stages = []
        for index, item in enumerate(board.stages):
            led = (
                ""
                if to_index is None or item.id is None
                else ("sales" if index >= to_index else "marketing")
            )
            stages.append(
                FunnelStage(
                    item.label, item.group.metrics.accounts, item.group.metrics.pipeline.total, led
                )
            )
        handoff = ""
        if from_index is not None and to_index is not None:
            handoff = f"{board.stages[from_index].label} → {board.stages[to_index].label}"
        self.funnel.set_data(stages, None if to_index is None else to_index - 1, handoff)
        levels = [label for _value, label in board.coverage_levels]
        heat = board.heat
        if heat and all(not shares[-1] for _tier, shares in heat):
            # Every stakeholder has a coverage level: the "Not recorded" column says nothing.
            levels, heat = levels[:-1], [(tier, shares[:-1]) for tier, shares in heat]
        self.heat_map.set_data(levels, heat)
        self.side_by_side.set_data(
            [(self.tr(c.label), c.sales, c.marketing, c.money) for c in board.comparisons]
        )

    # -- following the plan ---------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self._timer.start()

    def _on_changed(self, changes: list[Change]) -> None:
        if all(change.kind in _IGNORED_KINDS for change in changes):
            return
        if self.isVisible():
            self._timer.start()
        else:
            self._dirty = True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
