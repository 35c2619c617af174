"""Plan ▸ DMU health: every account analysed in a worker, listed, filtered, opened."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from abm_planner.dmu.records import RED
from abm_planner.gui.main_window import MainWindow
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.settings import Settings
from abm_planner.gui.views.dmu_portfolio import DmuHealthWindow, open_dmu_health
from abm_planner.gui.views.dmu_portfolio.model import ID_ROLE, STATUS_ROLE
from abm_planner.services.accounts import update_account
from abm_planner.services.demo import create_demo_plan
from abm_planner.services.dmu_analysis import analyse_accounts
from abm_planner.services.plans import open_plan

# Top-level windows on the offscreen platform.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


def _statuses(window: DmuHealthWindow) -> dict[object, str]:
    proxy = window.proxy
    return {
        proxy.index(row, 0).data(ID_ROLE): proxy.index(row, 0).data(STATUS_ROLE)
        for row in range(proxy.rowCount())
    }


def _open(qtbot: QtBot, context: PlanContext, parent: MainWindow | None = None) -> DmuHealthWindow:
    window = open_dmu_health(context, parent)
    if parent is None:
        qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.running, timeout=30_000)
    return window


@pytest.fixture
def big_context(
    qapp: QApplication, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PlanContext]:
    del qapp
    path = tmp_path_factory.mktemp("scale") / "scale 200.abmplan"
    create_demo_plan(path, scale=200).close()
    context = PlanContext.open(open_plan(path))
    try:
        yield context
    finally:
        QApplication.processEvents()
        context.close()


def test_the_demo_lists_every_account_with_the_engines_status(
    qtbot: QtBot, qtmodeltester, context: PlanContext
) -> None:
    window = _open(qtbot, context)
    expected = {a.account_id: a.status for a in analyse_accounts(context.plan)}
    assert len(expected) == 12
    assert window.model.rowCount() == 12
    assert _statuses(window) == expected
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.proxy)
    counts = {s: list(expected.values()).count(s) for s in ("red", "amber", "green")}
    assert window.counts.text() == (
        f"{counts['red']} red · {counts['amber']} amber · {counts['green']} green"
    )
    # Sorted by status, most urgent first.
    shown = [window.proxy.index(r, 0).data(STATUS_ROLE) for r in range(12)]
    order = {"red": 0, "amber": 1, "green": 2}
    assert shown == sorted(shown, key=order.__getitem__)


def test_the_red_filter_shows_only_red_accounts(qtbot: QtBot, context: PlanContext) -> None:
    window = _open(qtbot, context)
    reds = {i for i, s in _statuses(window).items() if s == RED}
    window.set_status_filter(RED)
    assert set(_statuses(window)) == reds
    assert set(_statuses(window).values()) == {RED}
    window.set_status_filter(None)
    assert window.proxy.rowCount() == 12


def test_a_plan_change_asks_for_a_refresh(qtbot: QtBot, context: PlanContext) -> None:
    window = _open(qtbot, context)
    assert window.stale.isHidden()
    first = window.model.analysis(0)
    update_account(context.plan, first.account_id, {"name": "Renamed account"})
    assert not window.stale.isHidden()
    with qtbot.waitSignal(window.analysis_finished, timeout=30_000):
        window.refresh_button.click()
    assert window.stale.isHidden()
    assert "Renamed account" in {window.model.analysis(r).account for r in range(12)}


def test_cancelling_mid_way_stops_the_worker_and_keeps_the_window_usable(
    qtbot: QtBot, big_context: PlanContext
) -> None:
    window = open_dmu_health(big_context, None)
    qtbot.addWidget(window)
    # Cancel as soon as the first accounts are reported done.
    window.progressed.connect(lambda done, _total: done > 0 and window.cancel())
    with qtbot.waitSignal(window.analysis_finished, timeout=30_000):
        pass
    assert not window.running
    assert QThreadPool.globalInstance().waitForDone(5_000)
    assert window.model.rowCount() == 0
    assert "cancelled" in window.message.text()
    assert window.refresh_button.isEnabled()
    window.progressed.disconnect()
    with qtbot.waitSignal(window.analysis_finished, timeout=60_000):
        window.refresh_button.click()
    assert window.model.rowCount() == 200


def test_double_click_selects_the_account_and_opens_its_dmu_map(
    qtbot: QtBot, demo_plan_path: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.abmplan"
    shutil.copyfile(demo_plan_path, plan)
    main = MainWindow(Settings(), tmp_path / "abm-planner.log")
    qtbot.addWidget(main)
    assert main.open_plan_file(plan)
    assert main.context is not None and main.portfolio is not None
    window = _open(qtbot, main.context, main)
    qtbot.waitExposed(window)
    index = window.proxy.index(3, 0)
    wanted = index.data(ID_ROLE)
    rect = window.table.visualRect(index)
    # An item view acts on a double-click only at the index a press landed on.
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert main.portfolio.selected_account_id() == wanted
    assert main.workspace is not None
    assert main.workspace.account_id == wanted
    assert type(main.workspace.currentWidget()).__name__ == "DmuMapTab"
    # Enter on another row does the same.
    window.table.setCurrentIndex(window.proxy.index(5, 1))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert main.portfolio.selected_account_id() == window.proxy.index(5, 0).data(ID_ROLE)
    main.close_plan()
    qtbot.waitUntil(lambda: main.findChild(DmuHealthWindow) is None)
