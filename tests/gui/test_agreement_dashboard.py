"""The Portfolio dashboard and the Whitespace map on the demo plan."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.theme import DARK, LIGHT, apply_theme
from abm_planner.gui.views.agreement import open_portfolio_dashboard, open_whitespace_map
from abm_planner.gui.views.agreement.chart_base import money_text, nice_ceiling
from abm_planner.gui.views.agreement.dashboard import PortfolioDashboard
from abm_planner.gui.views.agreement.whitespace_map import WhitespaceMapWindow
from abm_planner.gui.views.agreement.whitespace_table import (
    FIXED_COLUMNS,
    WhitespaceFilter,
    WhitespaceModel,
    WhitespaceTotalsModel,
)
from abm_planner.services import accounts, agreements, lookups
from abm_planner.services.dashboard import portfolio_dashboard

pytestmark = [
    pytest.mark.usefixtures("dialogs"),
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]


@pytest.fixture
def dashboard(qtbot: QtBot, context: PlanContext) -> PortfolioDashboard:
    window = open_portfolio_dashboard(context)
    qtbot.addWidget(window)
    assert isinstance(window, PortfolioDashboard)
    return window


@pytest.fixture
def whitespace(qtbot: QtBot, context: PlanContext) -> WhitespaceMapWindow:
    window = open_whitespace_map(context)
    qtbot.addWidget(window)
    assert isinstance(window, WhitespaceMapWindow)
    return window


def test_tiles_show_the_shared_metrics(dashboard: PortfolioDashboard, context: PlanContext) -> None:
    metrics = portfolio_dashboard(context.plan).metrics
    tiles = dashboard.tiles
    assert tiles["pipeline"].value.text() == money_text(metrics.pipeline.total) == "5.57 M"
    assert "gross margin 1.90 M (34%)" in tiles["pipeline"].caption.text()
    assert tiles["marketing_sourced"].value.text() == money_text(metrics.marketing_sourced)
    assert tiles["engaged"].value.text() == str(metrics.engaged)
    assert tiles["engaged"].caption.text().endswith(f"of {metrics.stakeholders} stakeholders")
    assert tiles["coverage"].value.text() == f"{metrics.dmu_coverage:.0%}"
    assert tiles["touches"].value.text() == f"{metrics.touches_per_account:.1f}"
    assert "annual revenue" in dashboard.definitions.text()


def test_charts_have_the_figures_and_paint_in_both_themes(
    dashboard: PortfolioDashboard, context: PlanContext
) -> None:
    board = portfolio_dashboard(context.plan)
    assert dashboard.pipeline_chart.categories == [t.label for t in board.tiers]
    assert dashboard.pipeline_chart.totals() == [
        t.group.metrics.pipeline.total for t in board.tiers
    ]
    assert [s.accounts for s in dashboard.funnel.stages] == [2, 2, 2, 2, 3, 1]
    assert dashboard.funnel.handoff_after == 3  # the line sits between MQA and Opportunity
    assert [s.led_by for s in dashboard.funnel.stages] == ["marketing"] * 4 + ["sales"] * 2
    assert len(dashboard.heat_map.columns) == 5  # every demo stakeholder has a coverage
    assert dashboard.side_by_side.rows[0][0] == "Accounts led (by tier rules)"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dashboard.resize(1280, 880)
    for theme in (LIGHT, DARK):
        apply_theme(app, theme)
        image = dashboard.grab()
        assert not image.isNull()
        assert dashboard.pipeline_chart._tips  # bars were drawn with their tooltips
        assert dashboard.heat_map._tips
    apply_theme(app, LIGHT)
    assert "Strategic (1:1)" in dashboard.pipeline_chart.accessibleDescription()


def test_the_dashboard_follows_edits(
    qtbot: QtBot, dashboard: PortfolioDashboard, context: PlanContext
) -> None:
    dashboard.show()
    tejo = next(r.id for r in accounts.list_accounts(context.plan) if r.name.startswith("Tejo"))
    with qtbot.waitSignal(dashboard._timer.timeout):
        agreements.update_commercials(context.plan, tejo, {"pipeline_value": 430_000})
    assert dashboard.tiles["pipeline"].value.text() == "6.00 M"


def test_axis_and_money_formatting() -> None:
    assert [nice_ceiling(v) for v in (0, 0.8, 4.85e6, 7.2e5, 1)] == [1, 1, 5e6, 1e6, 1]
    assert [money_text(v) for v in (850, 650_000, 5_570_000, 1.2e9)] == [
        "850",
        "650 k",
        "5.57 M",
        "1.20 bn",
    ]


def test_whitespace_models_pass_the_model_tester(qtmodeltester, context: PlanContext) -> None:
    grid = WhitespaceModel(context)
    assert (grid.rowCount(), grid.columnCount()) == (12, FIXED_COLUMNS + 6)
    qtmodeltester.check(grid)
    proxy = WhitespaceFilter()
    proxy.setSourceModel(grid)
    qtmodeltester.check(proxy)
    totals = WhitespaceTotalsModel(grid)
    totals.recount({r.id for r in grid.records})
    qtmodeltester.check(totals)


def test_whitespace_cells_edit_with_undo_and_totals_follow(
    whitespace: WhitespaceMapWindow, context: PlanContext
) -> None:
    proxy, totals = whitespace.proxy, whitespace.totals
    statuses = {t.key: t.id for t in lookups.vocabulary(context.plan, "whitespace")}
    ours_before = int(totals.index(0, FIXED_COLUMNS).data())
    first = proxy.index(0, FIXED_COLUMNS)
    assert first.data() != "Ours"
    assert proxy.setData(first, statuses["ours"])
    assert proxy.index(0, FIXED_COLUMNS).data() == "Ours"
    assert int(totals.index(0, FIXED_COLUMNS).data()) == ours_before + 1
    assert context.undo_stack.undoText().startswith("Set whitespace for")
    assert proxy.setData(proxy.index(0, FIXED_COLUMNS), None)
    assert proxy.index(0, FIXED_COLUMNS).data() == ""
    assert totals.index(5, FIXED_COLUMNS).data() == "1"  # not assessed
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert int(totals.index(0, FIXED_COLUMNS).data()) == ours_before


def test_whitespace_filters_and_counts_only_the_rows_shown(
    whitespace: WhitespaceMapWindow, context: PlanContext
) -> None:
    strategic = next(t for t in lookups.vocabulary(context.plan, "tier") if t.key == "strategic")
    whitespace.proxy.set_filter("", strategic.id)
    whitespace._recount()
    assert whitespace.proxy.rowCount() == 4
    assert whitespace.totals.accounts == 4
    header = whitespace.totals.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Totals over 4 accounts shown"
    whitespace.proxy.set_filter("nordhavn", None)
    assert whitespace.proxy.rowCount() == 1
