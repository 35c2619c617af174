"""The touch log: a wrongly logged touch can be corrected or deleted, and undone."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from abm_planner.errors import UserError
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.choices import find_choice
from abm_planner.gui.views.plays.plays_tab import PlaysTab
from abm_planner.gui.views.plays.touch_dialog import LogTouchDialog
from abm_planner.gui.views.plays.touch_log_dialog import TouchLogDialog
from abm_planner.services import touches
from abm_planner.services.accounts import list_accounts
from abm_planner.services.stakeholders import list_stakeholders

pytestmark = [
    pytest.mark.usefixtures("dialogs"),
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]


@pytest.fixture
def account(context: PlanContext) -> uuid.UUID:
    return next(a.id for a in list_accounts(context.plan) if a.name.startswith("Ahrenberg Antrieb"))


@pytest.fixture
def person(context: PlanContext, account: uuid.UUID) -> dict[str, uuid.UUID]:
    return {row.values["name"]: row.id for row in list_stakeholders(context.plan, account)}


@pytest.fixture
def log(qtbot: QtBot, context: PlanContext, account: uuid.UUID) -> TouchLogDialog:
    dialog = TouchLogDialog(context, account, "Ahrenberg")
    qtbot.addWidget(dialog)
    return dialog


def settle(qtbot: QtBot, dialog: TouchLogDialog) -> None:
    qtbot.waitUntil(lambda: not dialog._reload_pending, timeout=2000)


def select(dialog: TouchLogDialog, touch_id: uuid.UUID) -> None:
    row = dialog.model.row_of(touch_id)
    assert row is not None
    dialog.table.selectRow(row)


def test_the_log_lists_the_account_touches_newest_first(
    log: TouchLogDialog, context: PlanContext, account: uuid.UUID
) -> None:
    expected = touches.list_touches(context.plan, account)
    assert log.model.rowCount() == len(expected) > 0
    days = [log.model.record(r).occurred_on for r in range(log.model.rowCount())]
    assert days == sorted(days, reverse=True)
    assert log.count_label.text() == f"{len(expected)} touches"
    assert log.model.headerData(0, Qt.Orientation.Horizontal) == "Date"
    assert not log.edit_button.isEnabled()  # nothing selected yet


def test_filter_to_one_stakeholder(
    qtbot: QtBot, context: PlanContext, account: uuid.UUID, person: dict[str, uuid.UUID]
) -> None:
    stein = person["Oliver Stein"]
    dialog = TouchLogDialog(context, account, "Ahrenberg", stakeholder_id=stein)
    qtbot.addWidget(dialog)
    assert dialog.person_combo.currentText() == "Oliver Stein"
    assert {r.stakeholder for r in dialog.model.records} <= {"Oliver Stein"}
    dialog.person_combo.setCurrentIndex(0)
    assert len({r.stakeholder for r in dialog.model.records}) > 1


def test_correct_a_touch_then_undo_and_redo(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    log: TouchLogDialog,
    context: PlanContext,
    person: dict[str, uuid.UUID],
) -> None:
    touch = log.model.record(0)
    select(log, touch.id)
    assert log.edit_button.isEnabled()
    krause = person["Daniel Krause"]

    def correct(dialog: LogTouchDialog) -> QDialog.DialogCode:
        assert dialog.windowTitle() == "Edit touch"
        assert dialog.stakeholder_id() == touch.stakeholder_id  # the form shows the touch
        assert dialog.ui.notesEdit.toPlainText() == touch.notes
        index = find_choice(dialog.ui.stakeholderCombo, krause)
        dialog.ui.stakeholderCombo.setCurrentIndex(index)
        dialog.ui.notesEdit.setPlainText("Was Daniel, not the person first logged.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LogTouchDialog, "exec", correct)
    log.edit_selected()
    settle(qtbot, log)
    fixed = log.model.record_by_id(touch.id)
    assert fixed is not None
    assert (fixed.stakeholder, fixed.notes) == (
        "Daniel Krause",
        "Was Daniel, not the person first logged.",
    )
    assert log.selected_ids() == [touch.id]  # still selected after the reload
    assert context.undo_stack.undoText() == "Edit touch on Daniel Krause"

    context.undo_stack.undo()
    settle(qtbot, log)
    back = log.model.record_by_id(touch.id)
    assert back is not None and (back.stakeholder, back.notes) == (touch.stakeholder, touch.notes)
    context.undo_stack.redo()
    settle(qtbot, log)
    assert log.model.record_by_id(touch.id).stakeholder == "Daniel Krause"  # type: ignore[union-attr]


def test_delete_several_touches_in_one_undo_step(
    qtbot: QtBot, log: TouchLogDialog, context: PlanContext, account: uuid.UUID
) -> None:
    before = log.model.rowCount()
    first, second = log.model.record(0).id, log.model.record(1).id
    log.table.selectRow(0)
    log.table.selectionModel().select(
        log.model.index(1, 0),
        log.table.selectionModel().SelectionFlag.Select
        | log.table.selectionModel().SelectionFlag.Rows,
    )
    assert set(log.selected_ids()) == {first, second}
    log.delete_selected()
    settle(qtbot, log)
    assert log.model.rowCount() == before - 2
    assert {t.id for t in touches.list_touches(context.plan, account)}.isdisjoint({first, second})
    assert context.undo_stack.undoText() == "Delete 2 touches"
    context.undo_stack.undo()
    settle(qtbot, log)
    assert log.model.rowCount() == before
    assert {first, second} <= {t.id for t in touches.list_touches(context.plan, account)}


def test_the_delete_key_deletes_and_ctrl_z_in_the_window_undoes(
    qtbot: QtBot, log: TouchLogDialog, context: PlanContext
) -> None:
    log.show()
    log.activateWindow()
    qtbot.waitActive(log)
    before = log.model.rowCount()
    log.table.selectRow(0)
    log.table.setFocus()
    qtbot.waitUntil(log.table.hasFocus)
    qtbot.keyClick(log.table, Qt.Key.Key_Delete)
    settle(qtbot, log)
    assert log.model.rowCount() == before - 1
    qtbot.keyClick(log.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, log)
    assert log.model.rowCount() == before


def test_corrections_are_checked(
    context: PlanContext, account: uuid.UUID, person: dict[str, uuid.UUID]
) -> None:
    touch = touches.list_touches(context.plan, account)[0]
    other = next(a.id for a in list_accounts(context.plan) if a.id != account)
    stranger = list_stakeholders(context.plan, other)[0].id
    with pytest.raises(UserError, match=r"not .*in this account"):
        touches.update_touch(context.plan, touch.id, {"stakeholder_id": stranger})
    with pytest.raises(UserError, match="date"):
        touches.update_touch(context.plan, touch.id, {"occurred_on": None})
    old = touches.update_touch(context.plan, touch.id, {"occurred_on": date(2026, 1, 2)})
    assert old == {"occurred_on": touch.occurred_on}


def test_read_only_plans_show_the_log_without_edits(
    qtbot: QtBot, read_only_context: PlanContext
) -> None:
    account = next(
        a.id for a in list_accounts(read_only_context.plan) if a.name.startswith("Nordhavn")
    )
    dialog = TouchLogDialog(read_only_context, account, "Nordhavn")
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() > 0
    dialog.table.selectRow(0)
    assert not dialog.edit_button.isEnabled()
    assert not dialog.delete_button.isEnabled()


def test_the_plays_tab_opens_the_log_of_the_chosen_person(
    qtbot: QtBot, context: PlanContext, account: uuid.UUID
) -> None:
    tab = PlaysTab(context)
    qtbot.addWidget(tab)
    tab.show_account(account)
    stein = next(p for p in tab.people_model.records if p.name == "Oliver Stein")
    tab.people_table.setCurrentIndex(
        tab.people_model.index(tab.people_model.row_of(stein.stakeholder_id), 0)  # type: ignore[arg-type]
    )
    assert tab.touch_log_button.isEnabled()
    tab.open_touch_log()
    opened = tab.findChildren(TouchLogDialog)
    assert len(opened) == 1
    assert opened[0].person_id() == stein.stakeholder_id
    tab.open_touch_log()  # a second click raises the same window
    assert len(tab.findChildren(TouchLogDialog)) == 1
    opened[0].close()


def test_a_retired_channel_is_not_offered_but_still_shown_on_a_touch_that_has_it(
    qtbot: QtBot, context: PlanContext, account: uuid.UUID
) -> None:
    from abm_planner.gui.views.plays.touch_dialog import TouchChoices
    from abm_planner.services.vocabularies import set_active

    touch = next(t for t in touches.list_touches(context.plan, account) if t.channel)
    values = touches.touch_values(context.plan, touch.id)
    set_active(context.plan, values["channel_id"], False)
    choices = TouchChoices.for_account(context.plan, account)
    dialog = LogTouchDialog(choices)
    qtbot.addWidget(dialog)
    offered = [dialog.ui.channelCombo.itemText(i) for i in range(dialog.ui.channelCombo.count())]
    assert touch.channel not in offered
    dialog.show_touch(values)
    assert dialog.ui.channelCombo.currentText() == f"{touch.channel} (retired)"
    assert dialog.values()["channel_id"] == values["channel_id"]  # an edit keeps it
