"""The Plan menu opens the plan-wide windows and closes them with the plan."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from abm_planner.gui.main_window import MainWindow
from abm_planner.gui.plan_windows import PLAN_WINDOWS
from abm_planner.gui.settings import Settings

# The offscreen platform cannot raise windows; a real display can.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _open_window(qtbot: QtBot, demo_plan_path: Path, tmp_path: Path) -> MainWindow:
    plan = tmp_path / "plan.abmplan"
    shutil.copyfile(demo_plan_path, plan)
    window = MainWindow(Settings(), tmp_path / "abm-planner.log")
    qtbot.addWidget(window)
    window.open_plan_file(plan)
    return window


def _top_levels(window: MainWindow) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if w.isWindow() and w.isVisible()]


def test_every_plan_window_opens_from_the_menu_and_closes_with_the_plan(
    qtbot: QtBot, demo_plan_path: Path, tmp_path: Path
) -> None:
    window = _open_window(qtbot, demo_plan_path, tmp_path)
    titles = [a.text() for a in window.commands.plan_menu.actions()]
    assert titles == [spec.title for spec in PLAN_WINDOWS]
    for action in window.plan_window_actions:
        assert action.isEnabled()
        action.trigger()
    opened = _top_levels(window)
    assert len(opened) == len(PLAN_WINDOWS)
    window.close_plan()
    qtbot.waitUntil(lambda: not _top_levels(window))
    assert not any(action.isEnabled() for action in window.plan_window_actions)


def test_opening_a_plan_window_twice_raises_the_same_one(
    qtbot: QtBot, demo_plan_path: Path, tmp_path: Path
) -> None:
    window = _open_window(qtbot, demo_plan_path, tmp_path)
    window.plan_window_actions[0].trigger()
    window.plan_window_actions[0].trigger()
    assert len(_top_levels(window)) == 1
    window.close_plan()
