"""The main window driven as a user would: open, refuse, lock, copy, recent files, errors.

Every modal dialog is replaced: ``QMessageBox``/``QFileDialog`` static methods are
monkeypatched, so nothing blocks and nothing sleeps.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QMimeData, QPoint, QPointF, QSysInfo, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from abm_planner import assets
from abm_planner.gui import main_window as main_window_module
from abm_planner.gui import session as gui_app
from abm_planner.gui import settings as options
from abm_planner.gui.logging_setup import setup_logging, shutdown_logging
from abm_planner.gui.main_window import MainWindow
from abm_planner.gui.models.record_table import ID_ROLE
from abm_planner.gui.models.stakeholders import STAKEHOLDER_COLUMN_FIELDS
from abm_planner.gui.plan_file_dialogs import PlanDropTarget
from abm_planner.gui.settings import Settings
from abm_planner.gui.unexpected_errors import UnexpectedErrorHook
from abm_planner.gui.views.stakeholders_tab import StakeholdersTab
from abm_planner.services.plans import open_plan
from abm_planner.services.stakeholders import get_stakeholder

DEMO_NAME = assets.read_json("demo", "portfolio.json")["plan"]["name"]
DEMO_ACCOUNTS = len(assets.read_json("demo", "portfolio.json")["accounts"])


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Fresh settings, and the user's data folder (the demo copy) inside tmp_path."""
    monkeypatch.setenv(options.SETTINGS_FILE_VARIABLE, str(tmp_path / "settings.ini"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


class Messages(list[tuple[str, str]]):
    """Every message box the app tried to show: (kind, text)."""

    def texts(self, kind: str) -> list[str]:
        return [text for shown_kind, text in self if shown_kind == kind]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    shown = Messages()
    for kind in ("warning", "critical", "information"):

        def record(_parent, _title, text, *_args, kind=kind):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, kind, record)
    monkeypatch.setattr(QMessageBox, "about", lambda _p, _t, text: shown.append(("about", text)))
    return shown


@pytest.fixture
def plan_file(demo_plan_path: Path, tmp_path: Path) -> Path:
    """A private copy of the demo plan (tests change it)."""
    path = tmp_path / "plans" / "Northwind.abmplan"
    path.parent.mkdir()
    shutil.copyfile(demo_plan_path, path)
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, messages: Messages) -> Iterator[MainWindow]:
    window = MainWindow(Settings(), tmp_path / "abm-planner.log")
    qtbot.addWidget(window)
    yield window
    window.close()


def _lock_path(plan: Path) -> Path:
    return Path(f"{plan}.lock")


def test_window_opens_a_plan_with_title_counts_and_path(window: MainWindow, plan_file: Path):
    assert window.open_plan_file(plan_file)
    assert window.windowTitle() == f"ABM Planner — {DEMO_NAME}"
    assert window.status.count_label.text() == f"{DEMO_ACCOUNTS} accounts"
    assert window.status.path_label.toolTip() == str(plan_file)
    assert window.pages.currentWidget() is window.splitter
    assert window.commands.save_copy.isEnabled()
    assert window.commands.new_account.isEnabled()
    assert _lock_path(plan_file).exists(), "the writer holds the lock"
    assert window.read_only_banner.isHidden()


def test_search_updates_the_count_in_the_status_bar(qtbot, window: MainWindow, plan_file: Path):
    window.open_plan_file(plan_file)
    assert window.portfolio is not None
    window.commands.find.trigger()
    qtbot.keyClicks(window.portfolio.search_field, "ahrenberg")
    qtbot.waitUntil(lambda: window.status.count_label.text() != f"{DEMO_ACCOUNTS} accounts")
    visible = window.portfolio.model.rowCount()
    assert 0 < visible < DEMO_ACCOUNTS
    assert window.status.count_label.text() == f"{visible} of {DEMO_ACCOUNTS} accounts"


def test_no_plan_shows_the_empty_state(window: MainWindow):
    assert window.windowTitle() == "ABM Planner"
    assert window.pages.currentWidget() is window.empty_page
    assert not window.commands.save_copy.isEnabled()
    assert not window.commands.new_account.isEnabled()
    assert not window.commands.undo.isEnabled()


def test_close_releases_the_lock_and_forgets_the_last_plan(window: MainWindow, plan_file: Path):
    window.open_plan_file(plan_file)
    window.commands.close_plan.trigger()
    assert window.context is None
    assert window.windowTitle() == "ABM Planner"
    assert window.pages.currentWidget() is window.empty_page
    assert window.status.count_label.text() == ""
    assert not _lock_path(plan_file).exists()
    assert window.settings.last_plan is None
    assert window.settings.recent_files() == [plan_file]


def test_closing_the_window_remembers_the_plan_and_layout(qtbot, plan_file: Path, messages):
    first = MainWindow(Settings(), None)
    qtbot.addWidget(first)
    first.open_plan_file(plan_file)
    first.splitter.setSizes([300, 700])
    portfolio_width = first.splitter.sizes()[0]
    first.close()
    assert not _lock_path(plan_file).exists()
    settings = Settings()
    assert settings.last_plan == plan_file
    assert settings.get(options.SPLITTER_STATE)
    assert settings.get(options.PORTFOLIO_STATE)
    assert settings.get(options.WINDOW_GEOMETRY)
    second = MainWindow(settings, None)
    qtbot.addWidget(second)
    second.open_plan_file(plan_file)
    assert second.splitter.sizes()[0] == portfolio_width
    second.close()


def test_opening_another_plan_replaces_the_first(
    window: MainWindow, plan_file: Path, tmp_path: Path
):
    other = tmp_path / "Other.abmplan"
    shutil.copyfile(plan_file, other)
    window.open_plan_file(plan_file)
    first_context = window.context
    assert window.open_plan_file(other)
    assert window.context is not first_context
    assert window.plan_path == other
    assert not _lock_path(plan_file).exists(), "the first plan's lock is released"
    assert _lock_path(other).exists()
    assert window.undo_group.activeStack() is window.context.undo_stack


def test_recent_files_are_updated_and_pruned(window: MainWindow, plan_file: Path, tmp_path: Path):
    other = tmp_path / "Other.abmplan"
    shutil.copyfile(plan_file, other)
    window.open_plan_file(plan_file)
    window.open_plan_file(other)
    assert window.settings.recent_files() == [other, plan_file]
    window.close_plan()
    other.unlink()
    window.commands.recent_menu.aboutToShow.emit()
    entries = [a for a in window.commands.recent_menu.actions() if a.toolTip() == str(plan_file)]
    assert len(entries) == 1
    assert window.settings.recent_files() == [plan_file]
    entries[0].trigger()
    assert window.plan_path == plan_file
    window.commands.clear_recent.trigger()
    assert window.settings.recent_files() == []


def test_refused_file_shows_one_sentence_and_keeps_the_plan(
    window: MainWindow, plan_file: Path, tmp_path: Path, messages: Messages
):
    window.open_plan_file(plan_file)
    context = window.context
    not_a_plan = tmp_path / "x.abmplan"
    not_a_plan.write_text("these are my notes, not a plan\n", encoding="utf-8")
    assert not window.open_plan_file(not_a_plan)
    (warning,) = messages.texts("warning")
    assert "is not an ABM Planner plan" in warning
    assert warning.count(".") >= 1 and "\n" not in warning
    assert window.context is context
    assert window.windowTitle() == f"ABM Planner — {DEMO_NAME}"
    assert not _lock_path(not_a_plan).exists()
    assert not_a_plan.read_text(encoding="utf-8") == "these are my notes, not a plan\n"


def test_second_instance_opens_read_only_with_a_banner(window: MainWindow, plan_file: Path):
    other_instance = QLockFile(str(_lock_path(plan_file)))
    assert other_instance.tryLock(0)
    try:
        assert window.open_plan_file(plan_file)
        assert window.context is not None
        assert window.context.plan.read_only
        assert window.read_only_banner.isVisibleTo(window)
        assert window.read_only_banner.label.text() == (
            "This plan is open in another window; it is read-only here."
        )
        assert window.windowTitle().endswith("[read-only]")
        assert not window.commands.new_account.isEnabled()
        assert not window.commands.delete_account.isEnabled()
        window.close_plan()
        assert window.read_only_banner.isHidden()
        assert _lock_path(plan_file).exists(), "a read-only window never removes the lock"
    finally:
        other_instance.unlock()


def test_lock_left_by_a_crashed_instance_is_reclaimed(window: MainWindow, plan_file: Path):
    dead_pid = 4_194_304 + 17  # above Linux's highest pid: no such process
    host = QSysInfo.machineHostName()
    _lock_path(plan_file).write_text(f"{dead_pid}\nabm-planner\n{host}\n", encoding="utf-8")
    assert window.open_plan_file(plan_file)
    assert window.context is not None
    assert not window.context.plan.read_only
    assert window.read_only_banner.isHidden()


def test_save_a_copy_writes_a_plan_that_opens(
    window: MainWindow, plan_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    window.open_plan_file(plan_file)
    target = tmp_path / "copies" / "For the workshop"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    assert window.save_copy()
    copy = target.with_name("For the workshop.abmplan")
    plan = open_plan(copy, read_only=True)
    try:
        assert plan.name == DEMO_NAME
    finally:
        plan.close()
    assert window.plan_path == plan_file, "the window keeps working on the original"
    assert not Path(f"{copy}.lock").exists()


def test_save_a_copy_over_the_plan_itself_is_refused(
    window: MainWindow, plan_file: Path, monkeypatch: pytest.MonkeyPatch, messages: Messages
):
    window.open_plan_file(plan_file)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(plan_file), ""))
    assert not window.save_copy()
    assert "cannot replace the plan itself" in messages.texts("warning")[0]


def test_new_plan_creates_and_opens_an_empty_plan(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "Q3 workshop"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    assert window.new_plan()
    assert window.plan_path == tmp_path / "Q3 workshop.abmplan"
    assert window.windowTitle() == "ABM Planner — Q3 workshop"
    assert window.status.count_label.text() == "0 accounts"


def test_open_demo_writes_the_users_copy_once(window: MainWindow, tmp_path: Path):
    assert window.open_demo()
    demo = tmp_path / "data" / "abm-planner" / "Demo plan.abmplan"
    assert window.plan_path == demo
    assert window.windowTitle() == f"ABM Planner — {DEMO_NAME}"
    window.close_plan()
    stamp = demo.stat().st_mtime_ns
    assert window.open_demo()
    assert demo.stat().st_mtime_ns == stamp, "an existing demo copy is reused"


def test_open_dialog_cancel_changes_nothing(window: MainWindow, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: ("", ""))
    assert not window.open_plan_dialog()
    assert window.context is None


def _mime(path: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def _drag(kind: type[QDropEvent], mime: QMimeData) -> QDropEvent:
    """A drag event; the caller keeps ``mime`` alive (the event only points to it)."""
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # QDragEnterEvent takes an integer point, QDropEvent a floating one.
    position = QPoint(10, 10) if kind is QDragEnterEvent else QPointF(10, 10)
    return kind(position, Qt.DropAction.CopyAction, mime, buttons, keys)


def test_dropping_a_plan_file_opens_it(qtbot, window: MainWindow, plan_file: Path, tmp_path):
    # Qt routes a real drop through the window system to the widget that accepted the
    # drag; here the window's drop handler gets the events directly.
    (target,) = window.findChildren(PlanDropTarget)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a plan", encoding="utf-8")
    notes_mime, plan_mime = _mime(notes), _mime(plan_file)
    ignored = _drag(QDragEnterEvent, notes_mime)
    ignored.ignore()
    assert not target.eventFilter(window, ignored)
    assert not ignored.isAccepted(), "only plan files are accepted"
    enter = _drag(QDragEnterEvent, plan_mime)
    assert target.eventFilter(window, enter)
    assert enter.isAccepted()
    assert target.eventFilter(window, _drag(QDropEvent, plan_mime))
    qtbot.waitUntil(lambda: window.plan_path == plan_file)


def test_upgraded_plan_names_its_backup(
    window: MainWindow, plan_file: Path, monkeypatch: pytest.MonkeyPatch
):
    backup = plan_file.with_name("Northwind.rev1-backup-20260101-120000.abmplan")
    real_open = main_window_module.open_locked

    def open_after_upgrade(path: Path):
        opened = real_open(path)
        opened.plan.upgrade_backup = backup
        return opened

    monkeypatch.setattr(main_window_module, "open_locked", open_after_upgrade)
    window.open_plan_file(plan_file)
    assert backup.name in window.status.info_label.text()
    assert window.status.info_label.toolTip() == str(backup)


def test_about_names_versions_plan_and_log(window: MainWindow, plan_file: Path, messages):
    window.open_plan_file(plan_file)
    window.commands.about.trigger()
    ((kind, text),) = messages
    assert kind == "about"
    assert "PySide6" in text and "Qt" in text
    assert "Northwind.abmplan" in text
    assert "abm-planner.log" in text


def test_unexpected_error_is_logged_and_shown_once(tmp_path: Path, messages: Messages):
    log_path = setup_logging(tmp_path / "logs")
    hook = UnexpectedErrorHook(log_path, lambda: None)
    try:
        for _ in range(2):
            try:
                raise RuntimeError("the model lost its rows")
            except RuntimeError as error:
                hook(RuntimeError, error, error.__traceback__)
    finally:
        shutdown_logging()
    (shown,) = messages.texts("critical")
    assert shown == f"An unexpected error occurred; details were written to {log_path}."
    log = log_path.read_text(encoding="utf-8")
    assert log.count("RuntimeError: the model lost its rows") == 2
    assert "Traceback (most recent call last)" in log


def test_excepthook_is_installed_for_the_session(qapp, tmp_path: Path, messages):
    import sys

    session = gui_app.Session(qapp, tmp_path / "abm-planner.log")
    try:
        assert sys.excepthook is session.hook
    finally:
        session.finish()
        session.window.close()
    assert sys.excepthook is not session.hook


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen show()
def test_session_reopens_the_last_plan(qapp, plan_file: Path, tmp_path: Path, messages):
    settings = Settings()
    settings.last_plan = plan_file
    settings.sync()
    session = gui_app.Session(qapp, tmp_path / "abm-planner.log")
    try:
        assert session.start(None, start_dialog=False)
        assert session.window.plan_path == plan_file
    finally:
        session.finish()
        session.window.close()


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen show()
def test_first_start_offers_the_demo(
    qapp, tmp_path: Path, messages, monkeypatch: pytest.MonkeyPatch
):
    from abm_planner.gui.dialogs.start_dialog import StartDialog

    def choose_demo(dialog: StartDialog) -> int:
        dialog.ui.demoButton.click()
        return dialog.result()

    monkeypatch.setattr(StartDialog, "exec", choose_demo)
    session = gui_app.Session(qapp, tmp_path / "abm-planner.log")
    try:
        assert session.start(None)
        assert session.window.windowTitle() == f"ABM Planner — {DEMO_NAME}"
    finally:
        session.finish()
        session.window.close()


def test_closing_the_start_dialog_quits(qapp, tmp_path: Path, messages, monkeypatch):
    from abm_planner.gui.dialogs.start_dialog import StartDialog

    monkeypatch.setattr(StartDialog, "exec", lambda _dialog: 0)
    session = gui_app.Session(qapp, tmp_path / "abm-planner.log")
    try:
        assert not session.start(None)
        assert not session.window.isVisible()
    finally:
        session.finish()
        session.window.close()


def test_command_line_plan_argument():
    assert gui_app.plan_argument([]) is None
    assert gui_app.plan_argument(["team.abmplan"]) == Path("team.abmplan")
    assert gui_app.plan_argument(["a.abmplan", "b.abmplan"]) == Path("a.abmplan")
    assert gui_app.plan_argument(["postgresql://ann@db/acme"]) == "postgresql://ann@db/acme"


def test_end_to_end_search_select_edit_undo_redo_and_reopen(
    qtbot, window: MainWindow, plan_file: Path
):
    window.open_plan_file(plan_file)
    portfolio, workspace = window.portfolio, window.workspace
    assert portfolio is not None and workspace is not None
    qtbot.keyClicks(portfolio.search_field, "nordhavn")
    qtbot.waitUntil(lambda: portfolio.model.rowCount() == 1)
    assert window.status.count_label.text() == f"1 of {DEMO_ACCOUNTS} accounts"
    portfolio.table.selectRow(0)
    account_id = portfolio.model.index(0, 0).data(ID_ROLE)
    assert workspace.account_id == account_id
    assert window.commands.new_stakeholder.isEnabled()

    tab = next(t for t in workspace.tabs if isinstance(t, StakeholdersTab))
    workspace.setCurrentWidget(tab)
    model = tab.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    title = STAKEHOLDER_COLUMN_FIELDS.index("title")
    person = model.index(0, 0).data(ID_ROLE)
    before = model.index(0, title).data()
    assert model.setData(model.index(0, title), "Chief Logistics Officer")
    assert model.index(model.row_of(person), title).data() == "Chief Logistics Officer"

    assert window.commands.undo.isEnabled()
    window.commands.undo.trigger()
    assert model.index(model.row_of(person), title).data() == before
    window.commands.redo.trigger()
    assert model.index(model.row_of(person), title).data() == "Chief Logistics Officer"

    window.close_plan()
    assert not window.commands.undo.isEnabled(), "history belongs to the closed plan"
    window.open_plan_file(plan_file)
    assert window.context is not None
    assert get_stakeholder(window.context.plan, person).values["title"] == (
        "Chief Logistics Officer"
    )


def _delete_first_account(window: MainWindow, plan_file: Path, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    window.open_plan_file(plan_file)
    assert window.portfolio is not None
    window.portfolio.table.selectRow(0)
    assert window.commands.delete_account.isEnabled()
    window.commands.delete_account.trigger()


def test_delete_account_from_the_menu_and_undo(
    window: MainWindow, plan_file: Path, monkeypatch: pytest.MonkeyPatch
):
    _delete_first_account(window, plan_file, monkeypatch)
    assert window.portfolio is not None
    assert window.portfolio.model.rowCount() == DEMO_ACCOUNTS - 1
    assert window.status.count_label.text() == f"{DEMO_ACCOUNTS - 1} accounts"
    window.commands.undo.trigger()
    assert window.portfolio.model.rowCount() == DEMO_ACCOUNTS
    assert window.status.count_label.text() == f"{DEMO_ACCOUNTS} accounts"


def test_delete_stakeholder_without_a_selection_says_what_to_do(window: MainWindow, plan_file):
    window.open_plan_file(plan_file)
    assert window.portfolio is not None
    window.portfolio.table.selectRow(0)
    window.commands.delete_stakeholder.trigger()
    assert "Stakeholders tab" in window.status.currentMessage()
