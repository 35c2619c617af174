"""Plan ▸ Team and solutions…: adding, editing, deleting and moving, each one undo step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, or_, select

from abm_planner.gui.dialogs.record_forms import TeamMemberFormDialog
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.record_table import select_row
from abm_planner.gui.views.team_and_solutions import (
    EXTRAS_KEY,
    TeamAndSolutionsWindow,
    open_team_and_solutions,
)
from abm_planner.services.lookups import team_members
from abm_planner.services.plans import create_plan
from abm_planner.services.whitespace import whitespace_map
from abm_planner.store.models import Account, Whitespace

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


@pytest.fixture
def new_context(qapp: QApplication, tmp_path: Path) -> Iterator[PlanContext]:
    del qapp
    context = PlanContext.open(create_plan(tmp_path / "new.abmplan"))
    try:
        yield context
    finally:
        QApplication.processEvents()
        context.close()


def _window(qtbot: QtBot, context: PlanContext) -> TeamAndSolutionsWindow:
    window = open_team_and_solutions(context, None)
    qtbot.addWidget(window)
    return window


def _owned_accounts(context: PlanContext, member_id: Any) -> int:
    with context.plan.read() as session:
        count = session.scalar(
            select(func.count())
            .select_from(Account)
            .where(
                or_(Account.sales_owner_id == member_id, Account.marketing_owner_id == member_id)
            )
        )
    return int(count or 0)


def test_the_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: Any, context: PlanContext
) -> None:
    window = _window(qtbot, context)
    assert window.members.rowCount() > 0 and window.solutions.rowCount() > 0
    qtmodeltester.check(window.members)
    qtmodeltester.check(window.solutions)


def test_the_window_is_opened_once_and_kept_in_the_context(
    qtbot: QtBot, new_context: PlanContext
) -> None:
    window = _window(qtbot, new_context)
    assert open_team_and_solutions(new_context, None) is window
    assert new_context.extras[EXTRAS_KEY] is window


def test_a_member_added_on_a_new_plan_is_offered_as_owner(
    qtbot: QtBot, new_context: PlanContext, monkeypatch: pytest.MonkeyPatch, dialogs: Any
) -> None:
    window = _window(qtbot, new_context)
    assert window.members.rowCount() == 0

    def fill(dialog: TeamMemberFormDialog) -> int:
        dialog.ui.nameEdit.setText("Ada Seller")
        dialog.ui.emailEdit.setText("ada@example.com")
        dialog.ui.functionCombo.setCurrentIndex(1)
        return 1

    monkeypatch.setattr(TeamMemberFormDialog, "exec", fill)
    window.add_member_button.click()
    [member] = team_members(new_context.plan)
    assert (member.name, member.function) == ("Ada Seller", "marketing")
    assert window.members.rowCount() == 1
    assert window.selected_member() is not None
    new_context.undo_stack.undo()
    assert team_members(new_context.plan) == [] and window.members.rowCount() == 0
    new_context.undo_stack.redo()
    assert [m.id for m in team_members(new_context.plan)] == [member.id]
    assert dialogs.warnings == []


def test_editing_in_place_and_an_invalid_edit(
    qtbot: QtBot, new_context: PlanContext, dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, new_context)
    monkeypatch.setattr(
        TeamMemberFormDialog, "exec", lambda d: d.ui.nameEdit.setText("Bea") is None
    )
    window.add_member_button.click()
    model = window.members
    assert model.setData(model.index(0, 3), "other", Qt.ItemDataRole.EditRole)
    assert team_members(new_context.plan)[0].function == "other"
    assert model.index(0, 3).data() == "Other"

    steps = new_context.undo_stack.count()
    assert not model.setData(model.index(0, 0), "  ", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: dialogs.warnings == ["Name cannot be empty."])
    assert team_members(new_context.plan)[0].name == "Bea"
    assert new_context.undo_stack.count() == steps

    new_context.undo_stack.undo()
    assert team_members(new_context.plan)[0].function == "sales"


def test_deleting_an_owner_says_what_they_own_and_undo_relinks(
    qtbot: QtBot, context: PlanContext, dialogs: Any
) -> None:
    window = _window(qtbot, context)
    with context.plan.read() as session:
        member_id = session.scalar(
            select(Account.sales_owner_id).where(Account.sales_owner_id.is_not(None)).limit(1)
        )
    owned = _owned_accounts(context, member_id)
    assert owned > 0
    row = window.members.row_of(member_id)
    assert row is not None
    select_row(window.member_table, window.members.index(row, 0))

    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.delete_member_button.click()
    assert _owned_accounts(context, member_id) == owned
    assert f"{owned} account" in dialogs.questions[-1]

    dialogs.answer = QMessageBox.StandardButton.Yes
    window.delete_member_button.click()
    assert _owned_accounts(context, member_id) == 0
    assert member_id not in {m.id for m in team_members(context.plan)}
    assert window.members.row_of(member_id) is None

    context.undo_stack.undo()
    assert _owned_accounts(context, member_id) == owned
    assert window.members.row_of(member_id) is not None


def test_a_new_solution_is_a_new_whitespace_column(
    qtbot: QtBot, new_context: PlanContext, dialogs: Any
) -> None:
    window = _window(qtbot, new_context)
    dialogs.text = ("Managed cloud", True)
    window.add_solution_button.click()
    assert [s.name for s in whitespace_map(new_context.plan).solutions] == ["Managed cloud"]
    assert window.solutions.rowCount() == 1


def test_invalid_input_shows_the_message_and_changes_nothing(
    qtbot: QtBot, new_context: PlanContext, dialogs: Any
) -> None:
    window = _window(qtbot, new_context)
    dialogs.text = ("   ", True)
    window.add_solution_button.click()
    assert dialogs.warnings == ["Name cannot be empty."]
    assert whitespace_map(new_context.plan).solutions == []
    assert new_context.undo_stack.count() == 0
    assert window.solutions.rowCount() == 0


def test_deleting_a_solution_counts_its_cells_and_undo_restores_them(
    qtbot: QtBot, context: PlanContext, dialogs: Any
) -> None:
    window = _window(qtbot, context)
    with context.plan.read() as session:
        solution_id = session.scalar(select(Whitespace.solution_id).limit(1))
    before = whitespace_map(context.plan)
    cells = sum(1 for (_a, s) in before.cells if s == solution_id)
    row = window.solutions.row_of(solution_id)
    assert row is not None and cells > 0
    select_row(window.solution_table, window.solutions.index(row, 0))
    window.delete_solution_button.click()
    assert f"{cells} cell" in dialogs.questions[-1]
    assert solution_id not in {s.id for s in whitespace_map(context.plan).solutions}
    context.undo_stack.undo()
    after = whitespace_map(context.plan)
    assert after.cells == before.cells
    assert [s.id for s in after.solutions] == [s.id for s in before.solutions]


def test_moving_solutions_up_and_down_is_undoable(
    qtbot: QtBot, new_context: PlanContext, dialogs: Any
) -> None:
    window = _window(qtbot, new_context)
    for name in ("A", "B", "C"):
        dialogs.text = (name, True)
        window.add_solution_button.click()
    assert window.selected_solution() is not None
    assert not window.down_button.isEnabled()
    window.up_button.click()
    window.up_button.click()
    assert [s.name for s in whitespace_map(new_context.plan).solutions] == ["C", "A", "B"]
    assert not window.up_button.isEnabled()
    new_context.undo_stack.undo()
    assert [s.name for s in whitespace_map(new_context.plan).solutions] == ["A", "C", "B"]
    assert dialogs.warnings == []
