"""Two people, one record: the conflict dialog, and what losing the server does to an edit.

The other person's save lands after this window read the record and before its
notice reached the window (the listener has received it, the event loop has not run
yet), which is exactly when a silent overwrite would otherwise happen.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_test_server import PostgresServer, start_server
from team_gui_support import (
    Messages,
    other_person,
    patch_message_boxes,
    seed_accounts,
    show_team_plan,
    wait_without_events,
)

from abm_planner.errors import UserError
from abm_planner.gui import settings as options
from abm_planner.gui.commands import EditAccountCommand, push
from abm_planner.gui.dialogs import edit_conflict_dialog
from abm_planner.gui.dialogs.edit_conflict_dialog import Decision, EditConflictDialog, Keep
from abm_planner.gui.main_window import MainWindow
from abm_planner.gui.settings import Settings
from abm_planner.gui.team_live import ConnectionLostError
from abm_planner.services.accounts import get_account, update_account

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")

FREEZE_LIMIT_S = 5.0
"""Longest the window may be busy with a dead server before it answers the user."""


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    return patch_message_boxes(monkeypatch)


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch, messages: Messages) -> Iterator[MainWindow]:
    del messages
    monkeypatch.setenv(options.SETTINGS_FILE_VARIABLE, str(tmp_path / "settings.ini"))
    window = MainWindow(Settings(), tmp_path / "abm-planner.log")
    qtbot.addWidget(window)
    yield window
    window.close()


class Answer:
    """Stands in for the modal dialog: records what it showed, answers ``decision``."""

    def __init__(self, decision: Decision, keep_theirs_for: tuple[str, ...] = ()) -> None:
        self.decision = decision
        self.keep_theirs_for = keep_theirs_for
        self.headline = ""
        self.rows: list[tuple[str, str, str]] = []
        self.merge_offered = False

    def __call__(self, dialog: EditConflictDialog) -> Decision:
        table = dialog.table
        self.headline = dialog.headline.text()
        self.rows = [
            tuple(table.item(row, column).text() for column in range(3))  # type: ignore[misc]
            for row in range(table.rowCount())
        ]
        self.merge_offered = dialog.merge.isVisibleTo(dialog)
        if self.decision.keep is Keep.MERGE:
            for name in self.keep_theirs_for:
                dialog.set_keep(name, Keep.THEIRS)
            dialog.choose(Keep.MERGE)
            return dialog.decision
        return self.decision


def _conflicting_edit(qtbot, window: MainWindow, url: str, mine: dict) -> tuple:
    """Show Acme, let the other person save it, then edit it here before hearing of it."""
    ids = seed_accounts(url, ["Acme"])
    live = show_team_plan(window, url)
    assert window.portfolio is not None and window.context is not None
    window.portfolio.select_account(ids["Acme"])  # the overview reads Acme: this is "seen"
    heard = live.notices_received
    with other_person(url) as other:
        update_account(other, ids["Acme"], {"name": "Acme (theirs)", "region": "EMEA"})
    wait_without_events(lambda: live.notices_received > heard)
    stack = window.context.undo_stack
    pushed = push(stack, EditAccountCommand(window.context, ids["Acme"], mine))
    return ids["Acme"], pushed, stack


@pytest.mark.parametrize("region_too", [False, True])
def test_keeping_theirs_overwrites_nothing_and_leaves_no_undo_step(
    qtbot, window: MainWindow, server_plan_url: str, monkeypatch, region_too: bool
) -> None:
    answer = Answer(Decision(Keep.THEIRS))
    monkeypatch.setattr(edit_conflict_dialog, "ask", answer)
    mine = {"name": "Acme (mine)"} | ({"country": "France"} if region_too else {})
    account_id, pushed, stack = _conflicting_edit(qtbot, window, server_plan_url, mine)
    assert pushed is False and stack.count() == 0
    qtbot.waitUntil(lambda: bool(answer.rows), timeout=3_000)
    assert "postgres" in answer.headline  # who: the role that saved it
    assert ("Name", "Acme (theirs)", "Acme (mine)") in answer.rows
    assert ("Region", "EMEA", "(empty)") in answer.rows
    assert answer.merge_offered
    assert get_account(window.context.plan, account_id)["name"] == "Acme (theirs)"
    assert stack.count() == 0
    overview = window.workspace.tabs[0]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: overview.editors["name"].value() == "Acme (theirs)", timeout=3_000)


def test_keeping_mine_reapplies_the_edit_over_theirs_and_undo_brings_theirs_back(
    qtbot, window: MainWindow, server_plan_url: str, monkeypatch
) -> None:
    answer = Answer(Decision(Keep.MINE))
    monkeypatch.setattr(edit_conflict_dialog, "ask", answer)
    account_id, _pushed, stack = _conflicting_edit(
        qtbot, window, server_plan_url, {"name": "Acme (mine)"}
    )
    qtbot.waitUntil(lambda: stack.count() == 1, timeout=3_000)
    values = get_account(window.context.plan, account_id)
    assert (values["name"], values["region"]) == ("Acme (mine)", "EMEA")  # their region stays
    stack.undo()
    assert get_account(window.context.plan, account_id)["name"] == "Acme (theirs)"


def test_merging_takes_each_field_from_the_side_chosen(
    qtbot, window: MainWindow, server_plan_url: str, monkeypatch
) -> None:
    answer = Answer(Decision(Keep.MERGE), keep_theirs_for=("name",))
    monkeypatch.setattr(edit_conflict_dialog, "ask", answer)
    account_id, _pushed, stack = _conflicting_edit(
        qtbot, window, server_plan_url, {"name": "Acme (mine)", "country": "France"}
    )
    qtbot.waitUntil(lambda: stack.count() == 1, timeout=3_000)
    values = get_account(window.context.plan, account_id)
    assert (values["name"], values["region"], values["country"]) == (
        "Acme (theirs)",
        "EMEA",
        "France",
    )


def _fast_stop(server: PostgresServer) -> None:
    """Stop the server the way an admin (or a crash) would, leaving its files in place."""
    command = [str(server.binaries / "pg_ctl"), "stop", "-m", "fast", "-D", str(server.data)]
    if server.run_as:
        command = ["runuser", "-u", server.run_as, "--", *command]
    subprocess.run(command, check=True, capture_output=True)


@pytest.fixture
def private_server() -> Iterator[PostgresServer]:
    """A server of this test's own, since the test stops it."""
    from pg_test_server import find_binaries

    if find_binaries() is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


def test_a_stopped_server_refuses_edits_quickly_with_a_clear_sentence_and_a_banner(
    qtbot, window: MainWindow, private_server: PostgresServer
) -> None:
    from abm_planner.services.server_plans import upgrade_server

    database = private_server.create_database()
    url = private_server.url(database)
    upgrade_server(url, plan_name="Short-lived")
    ids = seed_accounts(url, ["Acme"])
    show_team_plan(window, url)
    assert window.portfolio is not None and window.context is not None
    window.portfolio.select_account(ids["Acme"])
    _fast_stop(private_server)

    started = time.monotonic()
    with pytest.raises(UserError) as refused:
        push(
            window.context.undo_stack,
            EditAccountCommand(window.context, ids["Acme"], {"name": "Acme 2"}),
        )
    assert time.monotonic() - started < FREEZE_LIMIT_S
    assert isinstance(refused.value, ConnectionLostError)
    assert "connection to the team plan is lost" in str(refused.value)
    assert window.context.undo_stack.count() == 0
    banner = window.connection_banner
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=int(FREEZE_LIMIT_S * 1000))
    assert "lost" in banner.label.text() and "retrying" in banner.label.text()

    started = time.monotonic()  # a second try is refused at once, without the network
    with pytest.raises(ConnectionLostError):
        push(
            window.context.undo_stack,
            EditAccountCommand(window.context, ids["Acme"], {"name": "Acme 3"}),
        )
    assert time.monotonic() - started < 0.5


def test_the_banner_goes_when_the_connection_is_back_and_the_views_catch_up(
    qtbot, window: MainWindow, pg_server: PostgresServer, server_plan_url: str
) -> None:
    ids = seed_accounts(server_plan_url, ["Acme"])
    show_team_plan(window, server_plan_url)
    database = server_plan_url.rsplit("/", 1)[1]
    banner = window.connection_banner
    pg_server.execute(f"ALTER DATABASE {database} ALLOW_CONNECTIONS false")
    pg_server.execute(
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'"
    )
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=5_000)
    pg_server.execute(f"ALTER DATABASE {database} ALLOW_CONNECTIONS true")
    with other_person(server_plan_url) as other:  # saved while this window was away
        update_account(other, ids["Acme"], {"name": "Acme (while away)"})
    qtbot.waitUntil(banner.isHidden, timeout=10_000)
    assert window.portfolio is not None
    model = window.portfolio.model
    qtbot.waitUntil(lambda: model.index(0, 0).data() == "Acme (while away)", timeout=5_000)


def test_a_field_changed_by_someone_else_while_typing_in_it_says_so(
    qtbot, window: MainWindow, server_plan_url: str
) -> None:
    ids = seed_accounts(server_plan_url, ["Acme"])
    show_team_plan(window, server_plan_url)
    window.show()
    window.activateWindow()
    assert window.portfolio is not None and window.workspace is not None
    window.portfolio.select_account(ids["Acme"])
    name = window.workspace.tabs[0].editors["name"]  # type: ignore[attr-defined]
    name.widget.setFocus()
    qtbot.waitUntil(name.widget.hasFocus)
    name.widget.selectAll()
    qtbot.keyClicks(name.widget, "Acme typed")
    with other_person(server_plan_url) as other:
        update_account(other, ids["Acme"], {"name": "Acme (theirs)"})
    qtbot.waitUntil(lambda: not name.error.isHidden(), timeout=3_000)
    assert "Someone else just changed this field" in name.error.text()
    assert name.widget.text() == "Acme typed"  # the typing is kept
