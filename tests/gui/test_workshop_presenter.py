"""Workshop mode: the start dialog, the presenter's keys, and the one-line capture."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.workshop import starting
from abm_planner.gui.views.workshop.presenter_header import countdown_text
from abm_planner.gui.views.workshop.presenter_window import PresenterWindow
from abm_planner.gui.views.workshop.records_panel import WorkshopRecordsPanel
from abm_planner.gui.views.workshop.step_views import (
    CriteriaTierView,
    DmuStepView,
    NeedsObjectivesView,
)
from abm_planner.services.accounts import list_accounts
from abm_planner.services.decisions import actions_for_workshop, decisions_for_workshop
from abm_planner.services.lookups import team_members
from abm_planner.services.plan_snapshots import list_snapshots
from abm_planner.services.workshops import workshop_view

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")

ACCOUNT = "Nordhavn Logistics A/S"


def _account(context: PlanContext, name: str = ACCOUNT) -> uuid.UUID:
    return next(a.id for a in list_accounts(context.plan) if a.name == name)


def _start(context: PlanContext, qtbot: QtBot) -> uuid.UUID:
    """Start a workshop through the dialog as a facilitator would fill it in."""
    dialog = starting.make_dialog(context, _account(context), None)
    qtbot.addWidget(dialog)
    dialog.title.setText("Nordics QBR")
    dialog.agenda.item(1, 1).setText("25")
    dialog.add_step("custom", "Lunch", None)
    assert dialog.problem() is None
    return starting.start_from(context, dialog.request())


def _presenter(context: PlanContext, qtbot: QtBot) -> PresenterWindow:
    window = PresenterWindow(context, _start(context, qtbot))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need the active window
    return window


def test_the_start_dialog_creates_a_running_workshop_with_its_agenda(
    qtbot: QtBot, context: PlanContext
) -> None:
    account = _account(context)
    dialog = starting.make_dialog(context, account, None)
    qtbot.addWidget(dialog)
    request = dialog.request()
    assert request.account_ids == [account]
    assert request.title == f"{ACCOUNT} planning workshop"
    owners = {name for name, side in [_named(context, p) for p in request.participants]}
    assert owners == {"Aisha Rahman", "Emma O'Brien"}  # the account's two owners, ticked

    workshop_id = _start(context, qtbot)
    with context.plan.read() as session:
        view = workshop_view(session, workshop_id)
        snapshots = list_snapshots(session)
    assert view.status == "running"
    assert view.title == "Nordics QBR"
    assert [(s.step, s.title, s.minutes) for s in view.agenda] == [
        ("criteria_tier", "Agree criteria and tier", 20),
        ("dmu", "Map the DMU", 25),
        ("needs_objectives", "Needs and objectives", 20),
        ("plays_timeline", "Plays and timeline", 30),
        ("actions", "Actions", 15),
        ("custom", "Lunch", None),
    ]
    assert {(name, side) for _i, name, side in view.participants} == {
        ("Aisha Rahman", "sales"),
        ("Emma O'Brien", "marketing"),
    }
    started = [s for s in snapshots if "Nordics QBR" in s.label]
    assert [s.kind for s in started] == ["workshop_start"]


def _named(context: PlanContext, participant: tuple[uuid.UUID, str]) -> tuple[str, str]:
    names = {m.id: m.name for m in team_members(context.plan)}
    return names[participant[0]], participant[1]


def test_the_dialog_refuses_a_workshop_without_accounts_or_with_bad_minutes(
    qtbot: QtBot, context: PlanContext
) -> None:
    dialog = starting.make_dialog(context, None, None)
    qtbot.addWidget(dialog)
    assert dialog.problem() == "Tick at least one account."
    dialog.check_accounts({_account(context)})
    dialog.agenda.item(0, 1).setText("ten")
    assert dialog.problem() == "Minutes must be a whole number above 0, or empty (row 1)."
    side = dialog.participants.cellWidget(0, 1)
    assert isinstance(side, QComboBox)
    assert [side.itemData(i) for i in range(side.count())] == ["sales", "marketing"]


def test_presenter_keys_walk_the_agenda_and_switch_the_view(
    qtbot: QtBot, context: PlanContext
) -> None:
    window = _presenter(context, qtbot)
    assert isinstance(window.current_view(), CriteriaTierView)
    assert window.header.step.text() == "Step 1 of 6 · Agree criteria and tier"
    assert window.header.account.text() == ACCOUNT
    assert window.header.clock.property("state") == "ok"

    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.step_index == 1
    assert isinstance(window.current_view(), DmuStepView)
    assert window.header.step.text() == "Step 2 of 6 · Map the DMU"
    assert window.header.clock.text() == "25:00"
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert isinstance(window.current_view(), NeedsObjectivesView)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    qtbot.keyClick(window, Qt.Key.Key_Left)  # stays on the first step
    assert window.step_index == 0

    for _ in range(4):
        qtbot.keyClick(window, Qt.Key.Key_Right)
    assert isinstance(window.current_view(), WorkshopRecordsPanel)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.header.step.text() == "Step 6 of 6 · Lunch"
    assert window.header.clock.property("state") == "none"

    before = window.type.points()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.type.points() > before
    assert window.font().pointSizeF() == window.type.points()
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.type.points() == before

    qtbot.keyClick(window, Qt.Key.Key_E)
    assert window.current_view().objectName() == "estimatesPanel"
    assert window.header.step.text().endswith("Blind estimates")
    qtbot.keyClick(window, Qt.Key.Key_E)
    assert window.header.step.text() == "Step 6 of 6 · Lunch"


def test_countdown_turns_amber_in_the_last_minute_and_counts_up_when_over() -> None:
    assert countdown_text(125) == ("02:05", "ok")
    assert countdown_text(59.2) == ("01:00", "soon")
    assert countdown_text(-61) == ("+01:01 over", "over")
    assert countdown_text(None)[1] == "none"


def test_capture_line_adds_an_action_with_owner_and_due_date_and_undo_removes_it(
    qtbot: QtBot, context: PlanContext
) -> None:
    window = _presenter(context, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_A)
    assert window.capture.isVisible()
    assert window.capture.label.text() == "Action:"
    qtbot.keyClicks(window.capture.line, "Send the renewal proposal @Aisha !2026-12-15")
    qtbot.keyClick(window.capture.line, Qt.Key.Key_Return)
    assert not window.capture.isVisible()

    with context.plan.read() as session:
        actions = actions_for_workshop(session, window.workshop_id)
    assert [(a.text, a.owner_name, a.due_on, a.account_name) for a in actions] == [
        ("Send the renewal proposal", "Aisha Rahman", date(2026, 12, 15), ACCOUNT)
    ]
    assert context.undo_stack.undoText() == "Action Send the renewal proposal"

    qtbot.keyClick(window, Qt.Key.Key_D)
    qtbot.keyClicks(window.capture.line, "Keep Nordhavn as Strategic #Nordhavn")
    qtbot.keyClick(window.capture.line, Qt.Key.Key_Return)
    with context.plan.read() as session:
        decisions = decisions_for_workshop(session, window.workshop_id)
    assert [d.title for d in decisions] == ["Keep Nordhavn as Strategic"]

    context.undo_stack.undo()
    context.undo_stack.undo()
    with context.plan.read() as session:
        assert actions_for_workshop(session, window.workshop_id) == []
        assert decisions_for_workshop(session, window.workshop_id) == []


def test_a_capture_line_naming_nobody_is_refused_and_kept_for_correcting(
    qtbot: QtBot, context: PlanContext
) -> None:
    window = _presenter(context, qtbot)
    window.capture_line("action")
    window.capture.line.setText("Call Lars @Nobody Here")
    assert window.capture.submit() is None
    assert window.capture.isVisible()
    assert window.capture.message.text() == "No team member is called “Nobody Here”."
    assert window.capture.line.text() == "Call Lars @Nobody Here"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.capture.isVisible()
    assert context.undo_stack.count() == 0


def test_actions_edit_in_place_with_undo(qtbot: QtBot, context: PlanContext) -> None:
    window = _presenter(context, qtbot)
    window.capture_line("action")
    window.capture.line.setText("Book the hub visit")
    window.capture.submit()
    window.go_to_step(4)
    panel = window.current_view()
    assert isinstance(panel, WorkshopRecordsPanel)
    model = panel.action_model
    assert model.rowCount() == 1
    status = model.index(0, 3)
    assert model.setData(status, "done")
    assert model.index(0, 3).data() == "Done"
    context.undo_stack.undo()
    assert model.index(0, 3).data() == "Open"
    assert panel.action_heading.text() == "Actions (1)"


def test_ctrl_page_down_walks_the_workshops_accounts(qtbot: QtBot, context: PlanContext) -> None:
    from abm_planner.services.workshops import start_workshop

    accounts = [_account(context), _account(context, "Meridian Pharma AG")]
    workshop_id = start_workshop(
        context.plan,
        title="Two accounts",
        held_on=date(2026, 11, 23),
        account_ids=accounts,
        participants=[],
    )
    window = PresenterWindow(context, workshop_id)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.go_to_step(1)
    assert window.header.account.text() == "Meridian Pharma AG  (1 of 2)"  # by name
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.header.account.text() == f"{ACCOUNT}  (2 of 2)"
    view = window.current_view()
    assert isinstance(view, DmuStepView)
    assert view.map.account_id == accounts[0]
    assert window.step_index == 1  # the step stays; only the account changed


def _done_steps(context: PlanContext, workshop_id: uuid.UUID) -> list[str]:
    with context.plan.read() as session:
        return [s.title for s in workshop_view(session, workshop_id).agenda if s.done]


def test_ctrl_enter_ticks_the_step_off_and_undo_takes_the_tick_back(
    qtbot: QtBot, context: PlanContext
) -> None:
    window = _presenter(context, qtbot)
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window, Qt.Key.Key_Return, ctrl)
    assert _done_steps(context, window.workshop_id) == ["Agree criteria and tier"]
    assert context.undo_stack.undoText() == "Mark “Agree criteria and tier” done"
    qtbot.waitUntil(
        lambda: window.header.step.text() == "Step 1 of 6 · 1 done · ✓ Agree criteria and tier"
    )
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.header.step.text() == "Step 2 of 6 · 1 done · Map the DMU"
    qtbot.keyClick(window, Qt.Key.Key_Enter, ctrl | Qt.KeyboardModifier.KeypadModifier)
    assert _done_steps(context, window.workshop_id) == [
        "Agree criteria and tier",
        "Map the DMU",
    ]
    qtbot.waitUntil(lambda: window.header.step.text() == "Step 2 of 6 · 2 done · ✓ Map the DMU")

    context.undo_stack.undo()
    context.undo_stack.undo()
    assert _done_steps(context, window.workshop_id) == []
    qtbot.waitUntil(lambda: window.header.step.text() == "Step 2 of 6 · Map the DMU")
    context.undo_stack.redo()
    assert _done_steps(context, window.workshop_id) == ["Agree criteria and tier"]

    window.go_to_step(0)
    qtbot.waitUntil(lambda: window.header.step.text().endswith("✓ Agree criteria and tier"))
    qtbot.keyClick(window, Qt.Key.Key_Return, ctrl)  # a second tick takes it back
    assert _done_steps(context, window.workshop_id) == []
    assert context.undo_stack.undoText() == "Mark “Agree criteria and tier” not done"


def test_moving_on_after_the_time_box_ran_out_ticks_nothing_off(
    qtbot: QtBot, context: PlanContext
) -> None:
    window = _presenter(context, qtbot)
    countdown = window.header.countdown
    assert countdown._deadline is not None
    countdown._deadline -= 30 * 60  # the 20-minute time box ran out ten minutes ago
    countdown.ticked.emit()
    assert window.header.clock.property("state") == "over"
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.step_index == 1
    assert _done_steps(context, window.workshop_id) == []
    assert context.undo_stack.count() == 0
    assert window.header.step.text() == "Step 2 of 6 · Map the DMU"
