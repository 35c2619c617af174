"""The Plays tab: plays table, touches per person, the clash and gap panel, dialogs, undo."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from abm_planner.domain import vocabularies as vocab
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.plays.assignment_dialog import AssignmentChoices, PlayAssignmentDialog
from abm_planner.gui.views.plays.play_tables import PlayTableModel, TouchTallyModel
from abm_planner.gui.views.plays.plays_tab import PlaysTab
from abm_planner.gui.views.plays.touch_dialog import LogTouchDialog, TouchChoices
from abm_planner.services import plays, touches
from abm_planner.services.accounts import list_accounts
from abm_planner.services.lookups import vocabulary
from abm_planner.services.play_templates import list_templates

pytestmark = [
    pytest.mark.usefixtures("dialogs"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


@pytest.fixture
def account(context: PlanContext) -> uuid.UUID:
    return next(a.id for a in list_accounts(context.plan) if a.name.startswith("Ahrenberg Antrieb"))


@pytest.fixture
def tab(qtbot: QtBot, context: PlanContext, account: uuid.UUID) -> PlaysTab:
    widget = PlaysTab(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show_account(account)
    return widget


def settle(qtbot: QtBot, tab: PlaysTab) -> None:
    """Let the tab's deferred reload after a change run (it coalesces bursts of changes)."""
    qtbot.waitUntil(lambda: not tab.reload_pending, timeout=2000)


def names(tab: PlaysTab) -> list[str]:
    return [row.name for row in tab.plays_model.records]


def test_the_models_pass_the_model_tester(qtmodeltester, tab: PlaysTab) -> None:
    assert isinstance(tab.plays_model, PlayTableModel)
    assert isinstance(tab.people_model, TouchTallyModel)
    qtmodeltester.check(tab.plays_model)
    qtmodeltester.check(tab.people_model)


def test_the_account_is_shown(tab: PlaysTab) -> None:
    assert len(tab.plays_model.records) == 5
    assert tab.plays_model.rowCount() == 5
    assert tab.people_model.rowCount() == 25
    assert "of 25 stakeholders have reached 8 touches" in tab.summary.text()
    stein = next(p for p in tab.people_model.records if p.name == "Oliver Stein")
    assert stein.key_player
    messages = [n.message for n in tab.checks.notices]
    assert any(m.startswith("Oliver Stein is targeted by") for m in messages)
    assert tab.checks.buttons, "play gaps come with Assign buttons"


def test_no_account_shows_nothing(tab: PlaysTab) -> None:
    tab.show_account(None)
    assert tab.plays_model.rowCount() == 0
    assert not tab.add_button.isEnabled()
    assert tab.checks.notices == []


def test_one_click_assign_from_a_gap_and_undo(
    qtbot: QtBot, tab: PlaysTab, context: PlanContext, account: uuid.UUID
) -> None:
    before = len(tab.plays_model.records)
    gap, first, button = next(s for s in tab.checks.suggested if s[1].play_id is None)
    assert button.text() == "Assign"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, tab)
    assert len(tab.plays_model.records) == before + 1
    created = next(
        r
        for r in tab.plays_model.records
        if r.template_id == first.template_id
        and r.status_key == "planned"
        and set(r.target_ids) == set(gap.stakeholder_ids)
    )
    assert created.start_on is not None and created.start_on.weekday() == 0
    assert context.undo_stack.undoText().startswith("Assign play")
    context.undo_stack.undo()
    settle(qtbot, tab)
    assert len(tab.plays_model.records) == before
    context.undo_stack.redo()
    settle(qtbot, tab)
    assert created.id in {r.id for r in tab.plays_model.records}


def test_one_click_adds_people_to_a_play_the_account_runs(
    qtbot: QtBot, tab: PlaysTab, context: PlanContext
) -> None:
    gap, suggestion, button = next(s for s in tab.checks.suggested if s[1].play_id is not None)
    assert button.text() == "Add"
    before = tab.plays_model.record_by_id(suggestion.play_id)  # type: ignore[arg-type]
    assert before is not None and before.template_id == suggestion.template_id
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, tab)
    after = tab.plays_model.record_by_id(before.id)
    assert after is not None
    assert set(after.target_ids) == set(before.target_ids) | set(gap.stakeholder_ids)
    assert context.undo_stack.undoText().startswith("Edit play")
    context.undo_stack.undo()
    settle(qtbot, tab)
    assert set(tab.plays_model.record_by_id(before.id).target_ids) == set(before.target_ids)  # type: ignore[union-attr]


def test_assign_a_play_with_the_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tab: PlaysTab, context: PlanContext
) -> None:
    template = next(t for t in list_templates(context.plan) if t.name == "Executive Briefing")

    def fill(dialog: PlayAssignmentDialog) -> QDialog.DialogCode:
        dialog.choose_template(template.id)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PlayAssignmentDialog, "exec", fill)
    tab.add_play()
    settle(qtbot, tab)
    created = [r for r in tab.plays_model.records if r.template_id == template.id]
    assert len(created) == 2  # the demo's own briefing and the new one
    new = max(created, key=lambda r: r.start_on or date.min)
    assert new.lead_function == "joint"
    assert new.budget == 8000
    assert (new.end_on - new.start_on).days == 13  # type: ignore[operator]
    # Nobody was ticked, so the people holding the template's roles were.
    assert {"Matthias Kröger", "Dr. Katharina Ahrenberg", "Oliver Stein"} <= set(new.targets)
    context.undo_stack.undo()
    settle(qtbot, tab)
    assert new.id not in {r.id for r in tab.plays_model.records}


def test_edit_a_play_with_the_dialog_and_undo(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tab: PlaysTab, context: PlanContext
) -> None:
    done = next(t.id for t in vocabulary(context.plan, vocab.PLAY_STATUS) if t.key == "done")
    row = next(r for r in tab.plays_model.records if r.status_key == "running")

    def finish(dialog: PlayAssignmentDialog) -> QDialog.DialogCode:
        index = next(
            i
            for i in range(dialog.ui.statusCombo.count())
            if dialog.ui.statusCombo.itemData(i) == done
        )
        dialog.ui.statusCombo.setCurrentIndex(index)
        dialog.ui.outcomeEdit.setPlainText("Workshop held; pilot agreed.")
        assert set(dialog.changes()) == {"status_id", "outcome"}
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PlayAssignmentDialog, "exec", finish)
    tab.select_play(row.id)
    tab.edit_selected()
    settle(qtbot, tab)
    edited = tab.plays_model.record_by_id(row.id)
    assert edited is not None and edited.status_key == "done"
    assert edited.outcome == "Workshop held; pilot agreed."
    context.undo_stack.undo()
    settle(qtbot, tab)
    assert tab.plays_model.record_by_id(row.id).status_key == "running"  # type: ignore[union-attr]


def test_delete_selected_plays_in_one_undo_step(
    qtbot: QtBot, tab: PlaysTab, context: PlanContext, dialogs
) -> None:
    first, second = tab.plays_model.records[:2]
    tab.plays_table.selectRow(tab.plays_model.row_of(first.id))  # type: ignore[arg-type]
    tab.plays_table.selectionModel().select(
        tab.plays_model.index(tab.plays_model.row_of(second.id), 0),  # type: ignore[arg-type]
        tab.plays_table.selectionModel().SelectionFlag.Select
        | tab.plays_table.selectionModel().SelectionFlag.Rows,
    )
    assert set(tab.selected_ids()) == {first.id, second.id}
    tab.delete_selected()
    settle(qtbot, tab)
    assert dialogs.questions and "Delete 2 plays?" in dialogs.questions[0]
    assert len(tab.plays_model.records) == 3
    context.undo_stack.undo()
    settle(qtbot, tab)
    assert len(tab.plays_model.records) == 5


def test_log_a_touch_and_undo(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tab: PlaysTab, context: PlanContext
) -> None:
    stein = next(p for p in tab.people_model.records if p.name == "Oliver Stein")
    tab.people_table.setCurrentIndex(
        tab.people_model.index(tab.people_model.row_of(stein.stakeholder_id), 0)
    )  # type: ignore[arg-type]

    def log(dialog: LogTouchDialog) -> QDialog.DialogCode:
        assert dialog.stakeholder_id() == stein.stakeholder_id
        dialog.ui.notesEdit.setPlainText("Called about the workshop agenda.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LogTouchDialog, "exec", log)
    tab.log_touch()
    settle(qtbot, tab)
    after = next(p for p in tab.people_model.records if p.name == "Oliver Stein")
    assert after.tally.total == stein.tally.total + 1
    assert context.undo_stack.undoText() == "Log touch on Oliver Stein"
    context.undo_stack.undo()
    settle(qtbot, tab)
    assert (
        next(p for p in tab.people_model.records if p.name == "Oliver Stein").tally.total
        == stein.tally.total
    )


def test_read_only_plans_offer_no_edits(qtbot: QtBot, read_only_context: PlanContext) -> None:
    account = next(
        a.id for a in list_accounts(read_only_context.plan) if a.name.startswith("Nordhavn")
    )
    widget = PlaysTab(read_only_context)
    qtbot.addWidget(widget)
    widget.show_account(account)
    assert widget.plays_model.rowCount() > 0
    assert not widget.add_button.isEnabled()
    assert not widget.touch_button.isEnabled()
    assert widget.library_button.isEnabled()
    assert all(not b.isEnabled() for b in widget.checks.buttons)


# --------------------------------------------------------------------------- dialogs
@pytest.fixture
def choices(context: PlanContext, account: uuid.UUID) -> AssignmentChoices:
    return AssignmentChoices.for_account(context.plan, account)


def test_a_template_fills_in_the_dialog(qtbot: QtBot, choices: AssignmentChoices) -> None:
    dialog = PlayAssignmentDialog(choices, today=date(2026, 11, 25))
    qtbot.addWidget(dialog)
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no name yet
    template = next(t for t in choices.templates if t.name == "Procurement & Legal Readiness")
    dialog.choose_template(template.id)
    values = dialog.values()
    assert values["name"] == "Procurement & Legal Readiness"
    assert values["lead_function"] == "sales"
    assert values["start_on"] == date(2026, 11, 30)
    assert values["end_on"] == date(2026, 11, 30) + timedelta(days=29)
    assert (values["budget"], values["expected_touches"]) == (500, 6)
    picked = {p.name for p in choices.people if p.id in set(values["target_ids"])}
    assert {"Sabine Hartmann", "Kevin Schulz", "Dr. Annette Wolff", "Matthias Kröger"} <= picked
    assert "This play targets:" in dialog.ui.targetsHint.text()
    dialog.ui.startEdit.setDate(dialog.ui.startEdit.date().addDays(7))
    assert dialog.values()["end_on"] == values["end_on"] + timedelta(days=7)  # keeps its length
    dialog.ui.endEdit.setDate(dialog.ui.startEdit.date().addDays(-1))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "end must be on or after the start" in dialog.ui.errorLabel.text()


def test_the_edit_dialog_reports_only_changes(
    qtbot: QtBot, context: PlanContext, choices: AssignmentChoices, account: uuid.UUID
) -> None:
    row = plays.list_assignments(context.plan, account)[2]
    dialog = PlayAssignmentDialog(choices, plays.get_assignment(context.plan, row.id))
    qtbot.addWidget(dialog)
    assert dialog.changes() == {}
    dialog.ui.budgetEdit.setText("19,500")
    assert dialog.changes() == {"budget": 19500.0}


def test_the_touch_dialog_takes_the_function_from_the_person(
    qtbot: QtBot, context: PlanContext, account: uuid.UUID
) -> None:
    choices = TouchChoices.for_account(context.plan, account)
    dialog = LogTouchDialog(choices, today=date(2026, 11, 20))
    qtbot.addWidget(dialog)
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.ui.stakeholderCombo.setCurrentIndex(1)
    assert ok.isEnabled()
    marketer = next(m for m in choices.members if m.function == "marketing")
    combo = dialog.ui.byCombo
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == marketer.id))
    combo.activated.emit(combo.currentIndex())
    values = dialog.values()
    assert values["function"] == "marketing"
    assert values["occurred_on"] == date(2026, 11, 20)
    touch_id = touches.log_touch(context.plan, dialog.stakeholder_id(), values)  # type: ignore[arg-type]
    assert touch_id
