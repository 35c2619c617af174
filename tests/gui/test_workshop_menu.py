"""The Workshop menu: start, present, end, and the windows closing with the plan."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from abm_planner.gui.dialogs.workshop_start_dialog import StartWorkshopDialog
from abm_planner.gui.main_window import MainWindow
from abm_planner.gui.settings import Settings
from abm_planner.gui.views.workshop.menu import PRESENTER_KEY, running_workshop
from abm_planner.gui.views.workshop.presenter_window import PresenterWindow
from abm_planner.services.workshops import workshop_view

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


def _window(qtbot: QtBot, demo_plan_path: Path, tmp_path: Path) -> MainWindow:
    plan = tmp_path / "plan.abmplan"
    shutil.copyfile(demo_plan_path, plan)
    window = MainWindow(Settings(), tmp_path / "abm-planner.log")
    qtbot.addWidget(window)
    window.open_plan_file(plan)
    return window


def _top_levels(window: MainWindow) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if w.isWindow() and w.isVisible()]


def test_start_present_and_end_a_workshop_from_the_menu(
    qtbot: QtBot,
    demo_plan_path: Path,
    tmp_path: Path,
    dialogs: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _window(qtbot, demo_plan_path, tmp_path)
    menu = window.workshop_menu
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Workshop") == titles.index("&Help") - 1
    assert menu.present.shortcut().toString() == "F5"
    assert not menu.present.isEnabled()  # the demo's workshop has ended
    assert window.context is not None
    window.portfolio.select_account(  # type: ignore[union-attr]
        next(iter(window.portfolio.model.sourceModel().records)).id  # type: ignore[union-attr]
    )

    monkeypatch.setattr(StartWorkshopDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    workshop_id = menu.start_workshop()
    assert workshop_id is not None
    assert running_workshop(window.context) == workshop_id
    presenter = window.context.extras[PRESENTER_KEY]
    assert isinstance(presenter, PresenterWindow)
    assert presenter.isVisible()  # full screen on a real display; offscreen has no states
    assert menu.present.isEnabled() and menu.end.isEnabled()

    assert menu.end_workshop()
    with window.context.plan.read() as session:
        assert workshop_view(session, workshop_id).status == "ended"
    assert not presenter.isVisible()
    assert not menu.present.isEnabled()
    assert "end snapshot" in window.status.currentMessage()


def test_the_workshop_windows_close_with_the_plan(
    qtbot: QtBot, demo_plan_path: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, demo_plan_path, tmp_path)
    window.workshop_menu.records.trigger()
    window.workshop_menu.snapshots.trigger()
    opened = {w.objectName() for w in _top_levels(window)}
    assert {"recordsWindow", "snapshotsWindow"} <= opened
    records = next(w for w in _top_levels(window) if w.objectName() == "recordsWindow")
    assert records.scope_choice.currentText().startswith("Workshop: ")  # type: ignore[attr-defined]
    assert records.panel.decision_model.rowCount() == 3  # type: ignore[attr-defined]
    window.close_plan()
    qtbot.waitUntil(lambda: not _top_levels(window))
    assert not window.workshop_menu.records.isEnabled()
