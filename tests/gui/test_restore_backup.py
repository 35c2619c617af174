"""File ▸ Restore from backup…: the list of the plan's backups, and both ways back."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from abm_planner.gui import settings as options
from abm_planner.gui.dialogs import restore_backup
from abm_planner.gui.dialogs.restore_backup import RestoreBackupDialog
from abm_planner.gui.main_window import MainWindow
from abm_planner.gui.settings import Settings
from abm_planner.services import accounts
from abm_planner.services.backups import list_backups


@pytest.fixture
def plan_file(demo_plan_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "Northwind.abmplan"
    path.parent.mkdir()
    shutil.copyfile(demo_plan_path, path)
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv(options.SETTINGS_FILE_VARIABLE, str(tmp_path / "settings.ini"))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    window = MainWindow(Settings(), tmp_path / "abm-planner.log")
    window.shown_errors = shown  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    yield window
    window.close()


def _first_backup(window: MainWindow) -> None:
    assert window.context is not None
    window.context.extras["rolling_backups"].wait()


def _choose_on_exec(monkeypatch: pytest.MonkeyPatch, button: str) -> None:
    def exec_(dialog: RestoreBackupDialog) -> int:
        getattr(dialog, button).click()
        return dialog.result()

    monkeypatch.setattr(RestoreBackupDialog, "exec", exec_)


def test_opening_a_plan_takes_a_backup_the_dialog_lists(window: MainWindow, plan_file: Path):
    assert window.open_plan_file(plan_file)
    _first_backup(window)
    assert window.commands.restore_backup.isEnabled()
    context = window.context
    assert context is not None
    dialog = RestoreBackupDialog(context, list_backups(context.plan), window)
    assert dialog.table.rowCount() == 1
    count = accounts.list_accounts(context.plan)
    assert dialog.table.item(0, 2).text() == str(len(count))
    assert dialog.replace_button.isEnabled() and dialog.as_new_button.isEnabled()
    dialog.close()


def test_replacing_the_plan_restores_the_backup_and_clears_undo(
    window: MainWindow, plan_file: Path, monkeypatch: pytest.MonkeyPatch
):
    assert window.open_plan_file(plan_file)
    _first_backup(window)
    assert window.context is not None
    before = len(accounts.list_accounts(window.context.plan))
    accounts.create_account(window.context.plan, {"name": "An account added by mistake"})
    _choose_on_exec(monkeypatch, "replace_button")

    window.commands.restore_backup.trigger()

    assert window.context is not None and window.plan_path == plan_file.resolve()
    assert len(accounts.list_accounts(window.context.plan)) == before
    assert window.context.undo_stack.count() == 0
    assert "Restored from the backup" in window.status.currentMessage()
    _first_backup(window)  # the reopened plan is backed up again
    counts = sorted(b.accounts or 0 for b in list_backups(window.context.plan))
    assert before + 1 in counts  # the state before the restore was kept
    assert window.shown_errors == []  # type: ignore[attr-defined]


def test_restoring_as_a_new_plan_opens_the_copy(
    window: MainWindow, plan_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    assert window.open_plan_file(plan_file)
    _first_backup(window)
    target = tmp_path / "Northwind as it was"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    _choose_on_exec(monkeypatch, "as_new_button")

    window.commands.restore_backup.trigger()

    assert window.plan_path == tmp_path / "Northwind as it was.abmplan"
    assert plan_file.exists()


def test_a_read_only_window_can_restore_only_as_a_new_plan(
    window: MainWindow, plan_file: Path, monkeypatch: pytest.MonkeyPatch
):
    assert window.open_plan_file(plan_file)
    _first_backup(window)
    window.close_plan()
    with restore_backup_lock(plan_file):
        assert window.open_plan_file(plan_file)
        context = window.context
        assert context is not None and context.read_only
        assert "rolling_backups" not in context.extras  # only the writer takes backups
        dialog = RestoreBackupDialog(context, list_backups(context.plan), window)
        assert dialog.table.rowCount() == 1
        assert not dialog.replace_button.isEnabled()
        assert dialog.as_new_button.isEnabled()
        dialog.close()


class restore_backup_lock:  # noqa: N801 - used as a context manager, like a function
    """Another instance holds the plan's lock while the block runs."""

    def __init__(self, plan: Path) -> None:
        from PySide6.QtCore import QLockFile

        self.lock = QLockFile(f"{plan.resolve()}.lock")

    def __enter__(self) -> None:
        assert self.lock.tryLock(0)

    def __exit__(self, *_exc: object) -> None:
        self.lock.unlock()


def test_start_and_stop_are_safe_to_repeat(window: MainWindow, plan_file: Path):
    assert window.open_plan_file(plan_file)
    context = window.context
    assert context is not None
    restore_backup.start_backups(context)  # already running: nothing more
    restore_backup.stop_backups(context)
    restore_backup.stop_backups(context)
    assert "rolling_backups" not in context.extras
