"""Edit ▸ History: the open plan's changes as a list; a click steps back several at once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from abm_planner.gui import settings as options
from abm_planner.gui.commands.accounts import EditAccountCommand
from abm_planner.gui.commands.base import push
from abm_planner.gui.main_window import MainWindow
from abm_planner.gui.settings import Settings
from abm_planner.services.accounts import get_account, list_accounts


@pytest.fixture
def window(
    qtbot, tmp_path: Path, demo_plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setenv(options.SETTINGS_FILE_VARIABLE, str(tmp_path / "settings.ini"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    plan = tmp_path / "Northwind.abmplan"
    shutil.copyfile(demo_plan_path, plan)
    shown = MainWindow(Settings(), tmp_path / "abm-planner.log")
    qtbot.addWidget(shown)
    assert shown.open_plan_file(plan)
    yield shown
    shown.close()


def test_history_lists_changes_and_a_click_undoes_everything_after_it(
    window: MainWindow,
) -> None:
    toggle = window.history.toggleViewAction()
    assert toggle in window.commands.edit_menu.actions()
    assert toggle.shortcut().toString() == "Ctrl+H"
    assert window.history.isHidden()
    toggle.trigger()
    assert not window.history.isHidden()

    context = window.context
    assert context is not None
    account = list_accounts(context.plan)[0]
    for n in (1, 2, 3):
        push(context.undo_stack, EditAccountCommand(context, account.id, {"name": f"Renamed {n}"}))
    view = window.history.view
    model = view.model()
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert rows[0] == "<the plan as opened>"
    assert len(rows) == 4

    view.setCurrentIndex(model.index(1, 0))  # back to just after the first rename
    assert get_account(context.plan, account.id)["name"] == "Renamed 1"
    assert context.undo_stack.index() == 1
    view.setCurrentIndex(model.index(0, 0))
    assert get_account(context.plan, account.id)["name"] == account.name


def test_the_history_follows_the_open_plan(window: MainWindow, tmp_path: Path) -> None:
    context = window.context
    assert context is not None
    account = list_accounts(context.plan)[0]
    push(context.undo_stack, EditAccountCommand(context, account.id, {"name": "Changed"}))
    assert window.history.view.model().rowCount() == 2
    window.close_plan()
    assert window.history.view.model().rowCount() <= 1


def test_no_two_window_actions_share_a_shortcut(window: MainWindow) -> None:
    """An ambiguous shortcut triggers neither action: Qt just beeps."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction

    seen: dict[str, str] = {}
    clashes = []
    for action in window.findChildren(QAction):
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            continue
        for key in action.shortcuts():
            text = key.toString()
            if text in seen and seen[text] != action.text():
                clashes.append(f"{text}: {seen[text]!r} and {action.text()!r}")
            seen.setdefault(text, action.text())
    assert clashes == []
