"""A team plan in the window: opening it, seeing the others' edits live, read-only roles.

Against the real PostgreSQL of ``conftest.py``; a second ``Plan`` on the same
database is the other person. Nothing modal blocks: the open dialog's ``exec`` and
the password prompt are replaced.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_test_server import SUPERUSER_PASSWORD, PostgresServer
from PySide6.QtWidgets import QDialog, QInputDialog
from team_gui_support import (
    LIVE_LIMIT_S,
    Messages,
    add_many_accounts,
    other_person,
    patch_message_boxes,
    seed_accounts,
    settings_text,
    show_team_plan,
)

from abm_planner.gui import settings as options
from abm_planner.gui.dialogs.open_team_plan_dialog import OpenTeamPlanDialog
from abm_planner.gui.main_window import MainWindow
from abm_planner.gui.models.portfolio import NAME
from abm_planner.gui.settings import Settings
from abm_planner.gui.team_live import live_of
from abm_planner.services.accounts import update_account
from abm_planner.services.server_plans import grant
from abm_planner.store.plan_location import display_location

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


@pytest.fixture
def settings_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    path = tmp_path / "settings.ini"
    monkeypatch.setenv(options.SETTINGS_FILE_VARIABLE, str(path))
    return path


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    return patch_message_boxes(monkeypatch)


@pytest.fixture
def window(qtbot, tmp_path: Path, settings_file: Path, messages: Messages) -> Iterator[MainWindow]:
    del settings_file, messages
    window = MainWindow(Settings(), tmp_path / "abm-planner.log")
    qtbot.addWidget(window)
    yield window
    window.close()


def _names(window: MainWindow) -> list[str]:
    assert window.portfolio is not None
    model = window.portfolio.model
    return [model.index(row, NAME).data() for row in range(model.rowCount())]


def test_open_team_plan_dialog_opens_a_server_plan_asking_for_the_password(
    qtbot, window: MainWindow, server_plan_url: str, settings_file: Path, monkeypatch
) -> None:
    seed_accounts(server_plan_url, ["Acme", "Birch"])
    bare = display_location(server_plan_url)  # what the user types: no password
    assert SUPERUSER_PASSWORD not in bare
    prompts: list[str] = []

    def fill_in(dialog: OpenTeamPlanDialog) -> int:
        dialog.set_url(bare)
        assert dialog.open_button.isEnabled()
        dialog.accept()
        return QDialog.DialogCode.Accepted

    def password(_parent, _title, label, *_args):
        prompts.append(label)
        return ("wrong" if len(prompts) == 1 else SUPERUSER_PASSWORD), True

    monkeypatch.setattr(OpenTeamPlanDialog, "exec", fill_in)
    monkeypatch.setattr(QInputDialog, "getText", password)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    window.commands.open_team_plan.trigger()
    qtbot.waitUntil(lambda: window.context is not None, timeout=10_000)

    assert len(prompts) == 2 and bare in prompts[0]
    assert "refused that password" in prompts[1]
    assert window.context is not None and window.context.plan.is_server
    assert _names(window) == ["Acme", "Birch"]
    title = window.windowTitle()
    assert "team plan on" in title and bare in title
    assert window.status.path_label.toolTip() == bare
    assert not window.commands.save_copy.isEnabled()
    window.settings.sync()
    assert window.settings.recent_servers() == [bare]
    stored = settings_text(settings_file)
    assert SUPERUSER_PASSWORD not in stored and SUPERUSER_PASSWORD not in title


def test_the_dialog_takes_a_pasted_url_apart_and_keeps_its_password_out_of_sight(
    qtbot, settings_file: Path
) -> None:
    del settings_file
    dialog = OpenTeamPlanDialog(Settings())
    qtbot.addWidget(dialog)
    assert not dialog.open_button.isEnabled()
    dialog.set_url("postgresql://anna:s3cret@db.example.com:6543/acme")
    assert dialog.ui.hostEdit.text() == "db.example.com"
    assert dialog.ui.portSpin.value() == 6543
    assert dialog.ui.databaseEdit.text() == "acme"
    assert dialog.ui.userEdit.text() == "anna"
    assert "s3cret" not in dialog.ui.urlEdit.text()
    assert dialog.password == "s3cret"
    dialog.ui.databaseEdit.setText("")
    dialog.ui.databaseEdit.textEdited.emit("")
    assert not dialog.open_button.isEnabled()
    assert dialog.ui.problemLabel.text()


def test_a_refused_team_plan_says_why_in_one_sentence(
    qtbot, window: MainWindow, empty_database_url: str, messages: Messages, monkeypatch
) -> None:
    def fill_in(dialog: OpenTeamPlanDialog) -> int:
        dialog.set_url(empty_database_url)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OpenTeamPlanDialog, "exec", fill_in)
    window.commands.open_team_plan.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert window.context is None
    assert "is empty" in messages[0] and SUPERUSER_PASSWORD not in messages[0]


def test_an_edit_by_someone_else_appears_within_two_seconds_keeping_the_selection(
    qtbot, window: MainWindow, server_plan_url: str
) -> None:
    ids = seed_accounts(server_plan_url, ["Acme", "Birch", "Cedar"])
    show_team_plan(window, server_plan_url)
    assert window.portfolio is not None and window.workspace is not None
    window.portfolio.select_account(ids["Birch"])
    with other_person(server_plan_url) as other:
        started = time.monotonic()
        update_account(other, ids["Birch"], {"name": "Birch Holdings"})
        qtbot.waitUntil(lambda: "Birch Holdings" in _names(window), timeout=5_000)
        elapsed = time.monotonic() - started
    assert elapsed < LIVE_LIMIT_S
    assert window.portfolio.selected_account_id() == ids["Birch"]
    assert window.workspace.account_id == ids["Birch"]


def test_a_plan_wide_change_keeps_the_portfolio_selection_and_scroll_position(
    qtbot, window: MainWindow, server_plan_url: str
) -> None:
    with other_person(server_plan_url) as other:
        add_many_accounts(other, 150)
    ids = seed_accounts(server_plan_url, ["Mango"])
    show_team_plan(window, server_plan_url)
    window.resize(1200, 700)
    window.show()
    portfolio = window.portfolio
    assert portfolio is not None
    portfolio.select_account(ids["Mango"])
    table = portfolio.table
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2)
    top = table.verticalScrollBar().value()
    assert top > 0
    total = portfolio.model.rowCount()
    with other_person(server_plan_url) as other:
        add_many_accounts(other, 250)  # too big to describe: every view reads again
        qtbot.waitUntil(lambda: portfolio.model.rowCount() == total + 250, timeout=5_000)
    assert portfolio.selected_account_id() == ids["Mango"]
    assert table.verticalScrollBar().value() == top


def test_a_read_only_role_sees_the_plan_read_only_with_a_reason(
    qtbot, window: MainWindow, pg_server: PostgresServer, server_plan_url: str
) -> None:
    ids = seed_accounts(server_plan_url, ["Acme"])
    pg_server.execute(
        "DO $$ BEGIN CREATE ROLE reader LOGIN PASSWORD 'reader-pw'; "
        "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    grant(server_plan_url, "reader", edit=False)
    database = server_plan_url.rsplit("/", 1)[1]
    show_team_plan(window, pg_server.url(database, "reader", "reader-pw"))
    assert window.context is not None and window.context.read_only
    banner = window.read_only_banner
    assert not banner.isHidden()
    assert "read-only" in banner.label.text() and "reader" in banner.label.text()
    assert "[read-only]" in window.windowTitle()
    assert not window.commands.new_account.isEnabled()
    assert window.portfolio is not None and window.workspace is not None
    window.portfolio.select_account(ids["Acme"])
    assert not window.commands.delete_account.isEnabled()
    overview = window.workspace.tabs[0]
    assert not overview.editors["name"].widget.isEnabled()  # type: ignore[attr-defined]
    assert live_of(window.context) is not None  # a reader sees the others' edits too


def test_the_stakeholders_tab_and_the_dmu_map_keep_their_selection_on_others_edits(
    qtbot, window: MainWindow, server_plan_url: str
) -> None:
    from abm_planner.gui.views.dmu_map import DmuMapTab
    from abm_planner.gui.views.stakeholders_tab import StakeholdersTab
    from abm_planner.services.stakeholders import create_stakeholder, update_stakeholder

    account = seed_accounts(server_plan_url, ["Acme"])["Acme"]
    with other_person(server_plan_url) as other:
        people = {
            name: create_stakeholder(other, account, {"name": name})
            for name in ("Ann", "Ben", "Cat")
        }
    show_team_plan(window, server_plan_url)
    window.resize(1300, 800)
    window.show()
    assert window.portfolio is not None and window.workspace is not None
    window.portfolio.select_account(account)
    stakeholders, dmu_map = window.workspace.tabs[1], window.workspace.tabs[2]
    assert isinstance(stakeholders, StakeholdersTab) and isinstance(dmu_map, DmuMapTab)
    window.workspace.setCurrentWidget(stakeholders)
    stakeholders.select_stakeholder(people["Ben"])
    model = stakeholders.table.model()
    with other_person(server_plan_url) as other:
        update_stakeholder(other, people["Cat"], {"title": "CFO"})
        add_many_accounts(other, 250)  # and a change too big to describe: everything reloads
        qtbot.waitUntil(
            lambda: any(model.index(row, 1).data() == "CFO" for row in range(model.rowCount())),
            timeout=5_000,
        )
    assert stakeholders.selected_ids() == [people["Ben"]]

    with qtbot.waitSignal(dmu_map.layout_ready, timeout=10_000):
        window.workspace.setCurrentWidget(dmu_map)
    dmu_map.scene.cards[people["Ben"]].setSelected(True)
    bars = dmu_map.view.horizontalScrollBar(), dmu_map.view.verticalScrollBar()
    before = [bar.value() for bar in bars]
    with other_person(server_plan_url) as other:
        update_stakeholder(other, people["Cat"], {"name": "Cat Jones"})
        qtbot.waitUntil(
            lambda: "Cat Jones" in dmu_map.scene.cards[people["Cat"]].info.name, timeout=5_000
        )
    assert dmu_map.scene.selected_card_ids() == [people["Ben"]]
    assert [bar.value() for bar in bars] == before


def test_a_url_on_the_command_line_opens_the_team_plan(
    qtbot, window: MainWindow, server_plan_url: str, monkeypatch
) -> None:
    from abm_planner.gui import session

    seed_accounts(server_plan_url, ["Acme"])
    bare = display_location(server_plan_url)
    assert session.plan_argument([bare]) == bare  # not a Path: "postgresql:/…" is no file
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a: (SUPERUSER_PASSWORD, True))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    window.open_team_plan_url(bare)
    qtbot.waitUntil(lambda: window.context is not None, timeout=10_000)
    assert window.context is not None and window.context.plan.is_server
    assert _names(window) == ["Acme"]
