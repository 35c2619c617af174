"""What an installed app adds to the window: About, the crash dialog, the GUI self-test.

The self-test runs in this process on the test QApplication; modal dialogs are either
replaced (``QMessageBox.about``) or answered from a zero-delay timer inside their own
event loop, so nothing blocks and nothing sleeps.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, qVersion
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

import abm_planner
from abm_planner.gui import offscreen_checks
from abm_planner.gui.dialogs.about_dialog import about_text, show_about
from abm_planner.gui.logging_setup import setup_logging, shutdown_logging
from abm_planner.gui.settings import SETTINGS_FILE_VARIABLE
from abm_planner.gui.unexpected_errors import UnexpectedErrorHook
from abm_planner.self_test import (
    EXIT_FAILED,
    EXIT_PASSED,
    Check,
    SelfTestError,
    Workspace,
    run_checks,
    run_self_test,
)
from abm_planner.services.accounts import account_row
from abm_planner.services.plans import open_plan

REPO = Path(__file__).resolve().parents[2]
SHOWING = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen show()


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(SETTINGS_FILE_VARIABLE, str(tmp_path / "settings.ini"))


# -- About ----------------------------------------------------------------------------------


def test_about_names_versions_paths_and_the_licences_of_bundled_parts(qapp, tmp_path: Path):
    plan, log = tmp_path / "plans" / "Northwind.abmplan", tmp_path / "logs" / "abm-planner.log"
    text = about_text(plan, log)
    assert abm_planner.__version__ in text
    assert qVersion() in text
    assert "PySide6" in text
    assert str(plan) in text and (tmp_path / "plans").as_uri() in text
    assert str(log) in text
    assert "Licence" in text and "MIT" in text
    assert "Python package in" in text
    for part in ("PySide6_Essentials 6.11.3 (LGPL-3.0-only", "SQLAlchemy", "networkx", "scipy"):
        assert part in text
    assert "hypothesis" not in text and "ruff" not in text  # development tools are not shipped


def test_about_without_a_plan_or_log(qapp, monkeypatch: pytest.MonkeyPatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    show_about(None, None, None)
    (text,) = shown
    assert "none open" in text and "not kept" in text


# -- the crash dialog -----------------------------------------------------------------------


def _while_modal(action: Callable[[QMessageBox], None], seen: list[QMessageBox]) -> None:
    """Run ``action`` on the modal message box once its event loop runs, then close it."""

    def act() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box)
        try:
            action(box)
        finally:
            box.done(0)

    QTimer.singleShot(0, act)


@SHOWING
def test_crash_dialog_copies_the_details_and_stays_open(qapp, tmp_path: Path):
    log_path = setup_logging(tmp_path / "logs")
    hook = UnexpectedErrorHook(log_path, lambda: None)
    seen: list[QMessageBox] = []
    state: dict[str, object] = {}

    def copy(box: QMessageBox) -> None:
        state["text"] = box.text()
        button = box.findChild(QPushButton, "copyDetailsButton")
        assert button.text() == "Copy details"
        button.click()
        state["still open"] = box.isVisible()
        state["button"] = button.text()
        state["details"] = box.detailedText()

    _while_modal(copy, seen)
    try:
        try:
            raise RuntimeError("the model lost its rows")
        except RuntimeError as error:
            hook(RuntimeError, error, error.__traceback__)
    finally:
        shutdown_logging()
    assert len(seen) == 1
    assert state["text"] == f"An unexpected error occurred; details were written to {log_path}."
    assert state["still open"] is True
    assert state["button"] == "Copied"
    copied = QGuiApplication.clipboard().text()
    assert copied == state["details"]
    assert f"ABM Planner {abm_planner.__version__}" in copied
    assert f"Log file: {log_path}" in copied
    assert "RuntimeError: the model lost its rows" in copied
    assert "Traceback (most recent call last)" in copied


def test_a_failed_edit_leaves_the_plan_as_it_was(
    qapp, demo_plan_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """An error in the middle of an edit is shown, and the plan file keeps its last state."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_a: shown.append(text))
    path = tmp_path / "plan.abmplan"
    shutil.copyfile(demo_plan_path, path)
    log_path = setup_logging(tmp_path / "logs")
    hook = UnexpectedErrorHook(log_path, lambda: None)
    plan = open_plan(path)
    try:
        with plan.read() as session:
            from abm_planner.store.models import Account

            account_id = session.query(Account.id).order_by(Account.name).first()[0]
        before = account_row(plan, account_id)
        try:
            with plan.write() as unit:
                unit.session.get(Account, account_id).name = "Half-written name"
                unit.session.flush()
                raise RuntimeError("a slot failed half-way through an edit")
        except RuntimeError as error:
            hook(RuntimeError, error, error.__traceback__)
        assert account_row(plan, account_id) == before
    finally:
        plan.close()
        shutdown_logging()
    assert len(shown) == 1
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert not path.with_name(path.name + "-journal").exists()


# -- the self-test's GUI part -----------------------------------------------------------------


@SHOWING
def test_the_whole_self_test_passes_in_one_line(qapp, monkeypatch: pytest.MonkeyPatch, tmp_path):
    keep = tmp_path / "kept"
    monkeypatch.setenv("ABM_PLANNER_SELF_TEST_KEEP", str(keep))
    out, err = io.StringIO(), io.StringIO()
    assert run_self_test(out, err) == EXIT_PASSED, err.getvalue()
    (line,) = out.getvalue().splitlines()
    assert line.startswith("self-test passed: ")
    for name in ("migrations", "Excel round trip", "main window", "DMU map", "Designer forms"):
        assert name in line
    assert err.getvalue() == ""
    for image in ("main-window.png", "dmu-map.png", "settings.png"):
        rendered = QImage(str(keep / image))
        assert rendered.width() > 100 and rendered.height() > 100, image
    assert (keep / "dmu-map.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert (keep / "dmu-map.pdf").read_bytes().startswith(b"%PDF")
    assert QApplication.activeModalWidget() is None


def test_a_missing_qt_plugin_is_named_and_the_gui_checks_are_not_run(
    qapp, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setitem(offscreen_checks._PLATFORMS, sys.platform, ("offscreen", "teletype"))
    out, err = io.StringIO(), io.StringIO()
    assert run_self_test(out, err, checks=offscreen_checks.GUI_CHECKS) == EXIT_FAILED
    assert out.getvalue() == ""
    line = err.getvalue().splitlines()[0]
    assert line.startswith("self-test FAILED: Qt plugins (Qt plugins missing from ")
    assert "platforms/teletype" in line
    assert "not run: icons, main window, DMU map, Designer forms" in line


@SHOWING
def test_a_dialog_that_would_wait_for_a_person_fails_the_check(qapp, tmp_path: Path):
    def asks_a_person(workspace: Workspace) -> None:
        gui = offscreen_checks._gui(workspace)
        QMessageBox.warning(None, "ABM Planner", "The plan is damaged.")
        gui.settle()

    workspace = Workspace(tmp_path)
    try:
        (outcome,) = run_checks((Check("asks", asks_a_person),), workspace)
    finally:
        workspace.close()
    assert isinstance(outcome.error, SelfTestError)
    assert str(outcome.error) == "a dialog interrupted it: The plan is damaged."
    assert QApplication.activeModalWidget() is None


def test_an_error_raised_in_a_slot_fails_the_check(qapp, tmp_path: Path):
    def fails_in_a_slot(workspace: Workspace) -> None:
        gui = offscreen_checks._gui(workspace)

        def slot() -> None:
            raise LookupError("no such account")

        QTimer.singleShot(0, slot)
        gui.settle()

    previous_hook = sys.excepthook
    workspace = Workspace(tmp_path)
    try:
        (outcome,) = run_checks((Check("slot", fails_in_a_slot),), workspace)
    finally:
        workspace.close()
    assert isinstance(outcome.error, LookupError)
    assert sys.excepthook is previous_hook


# -- icons for the desktop ------------------------------------------------------------------


def test_the_app_icon_is_rendered_in_every_size(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "render_icons.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    theme = tmp_path / "hicolor"
    app_id = abm_planner.APP_ID
    assert (theme / "scalable" / "apps" / f"{app_id}.svg").is_file()
    assert (theme / "scalable" / "mimetypes" / "application-x-abmplan.svg").is_file()
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(theme / f"{size}x{size}" / "apps" / f"{app_id}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not empty
