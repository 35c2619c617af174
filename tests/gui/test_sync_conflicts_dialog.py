"""File ▸ Sync with team plan: the conflicts dialog and the whole flow in the window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from abm_planner.gui.dialogs import sync_conflicts
from abm_planner.gui.dialogs.sync_conflicts import SyncConflictsDialog
from abm_planner.gui.main_window import MainWindow
from abm_planner.gui.settings import Settings
from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.sync import Conflict, record_origin
from abm_planner.store.models import Account

CONFLICTS = [
    Conflict("accounts", "Acme GmbH", "region", "DACH North", "DACH South", "DACH", "a1"),
    Conflict("stakeholders", "Ann Lee", None, "(deleted)", "changed title", "(unchanged)", "s1"),
]


def test_sync_stays_off_until_every_conflict_has_a_choice(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SyncConflictsDialog(CONFLICTS, "postgresql://planner@db/acme")
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 2
    assert [table.item(0, column).text() for column in range(1, 5)] == [
        "Region",
        "DACH",
        "DACH North",
        "DACH South",
    ]
    assert table.item(1, 0).text() == "Stakeholder: Ann Lee"
    assert table.item(1, 1).text() == "(the whole record)"
    assert not dialog.sync_button.isEnabled()
    assert "2 conflict(s) still need a choice" in dialog.note.text()

    dialog.set_choice(0, "mine")
    assert not dialog.sync_button.isEnabled()
    qtbot.mouseClick(dialog.all_theirs, Qt.MouseButton.LeftButton)
    assert dialog.sync_button.isEnabled()
    assert dialog.choices() == {c.id: "theirs" for c in CONFLICTS}

    qtbot.mouseClick(dialog.all_mine, Qt.MouseButton.LeftButton)
    dialog.set_choice(1, "theirs")
    assert dialog.choices() == {CONFLICTS[0].id: "mine", CONFLICTS[1].id: "theirs"}


def test_earlier_choices_are_shown_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SyncConflictsDialog(CONFLICTS, "team", {CONFLICTS[1].id: "mine"})
    qtbot.addWidget(dialog)
    assert dialog.choices() == {CONFLICTS[1].id: "mine"}


@pytest.fixture
def offline_copy(demo_plan_path: Path, tmp_path: Path) -> Iterator[tuple[Path, Plan]]:
    """(path of an offline copy, the open team plan it came from)."""
    team_path, copy_path = tmp_path / "team.abmplan", tmp_path / "offline.abmplan"
    shutil.copyfile(demo_plan_path, team_path)
    shutil.copyfile(demo_plan_path, copy_path)
    team, mine = open_plan(team_path), open_plan(copy_path)
    record_origin(mine, team)
    mine.close()
    try:
        yield copy_path, team
    finally:
        team.close()


def _accounts(plan: Plan) -> list[Account]:
    with plan.read() as session:
        return list(session.scalars(select(Account).order_by(Account.name)))


def _set(plan: Plan, account_id: object, **values: object) -> None:
    with plan.write() as unit:
        account = unit.session.get(Account, account_id)
        for name, value in values.items():
            setattr(account, name, value)


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_sync_from_the_file_menu_asks_then_merges_and_refreshes(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    offline_copy: tuple[Path, Plan],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, team = offline_copy
    first, second, *_ = _accounts(team)
    mine = open_plan(path)
    _set(mine, first.id, region="Offline region")
    mine.close()
    _set(team, first.id, region="Team region")
    _set(team, second.id, name="Renamed by the team")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: shown.append(text))
    asked: list[list[Conflict]] = []

    def choose_mine(dialog: SyncConflictsDialog) -> dict[str, str]:
        asked.append(dialog.conflicts)
        dialog.choose_all("mine")
        return dialog.choices()

    monkeypatch.setattr(sync_conflicts, "ask", choose_mine)
    window = MainWindow(Settings(), tmp_path / "log.txt")
    qtbot.addWidget(window)
    assert not window.commands.sync_plan.isEnabled()
    assert window.open_plan_file(path)
    assert window.commands.sync_plan.isEnabled()
    assert window.context is not None and window.portfolio is not None
    window.context.undo_stack.push(QUndoCommand("an earlier edit"))

    window.commands.sync_plan.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)

    assert [(c.field, c.mine, c.theirs) for c in asked[0]] == [
        ("region", "Offline region", "Team region")
    ]
    assert "sent 1, received 1, merged 0" in shown[0]
    assert "undo history was cleared" in shown[0]
    assert window.context.undo_stack.count() == 0
    assert next(a for a in _accounts(team) if a.id == first.id).region == "Offline region"
    names = window.portfolio.model.sourceModel()
    qtbot.waitUntil(
        lambda: (
            "Renamed by the team" in {names.index(row, 0).data() for row in range(names.rowCount())}
        )
    )
    window.close()


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_sync_is_off_for_a_plan_that_is_no_offline_copy(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, offline_copy
) -> None:
    _path, team = offline_copy
    window = MainWindow(Settings(), tmp_path / "log.txt")
    qtbot.addWidget(window)
    assert team.path is not None
    other = tmp_path / "plain.abmplan"
    team.save_copy(other)
    assert window.open_plan_file(other)
    assert not window.commands.sync_plan.isEnabled()
    window.close()
