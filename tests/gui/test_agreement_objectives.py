"""The Objectives and metrics tab: the table, in-place edits, add and delete, all undoable."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement.objective_table import (
    OBJECTIVE_COLUMN_FIELDS,
    ObjectiveTableModel,
)
from abm_planner.gui.views.agreement.objectives_tab import ObjectivesTab
from abm_planner.services import accounts, lookups, objectives

pytestmark = [
    pytest.mark.usefixtures("dialogs"),
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]
COLUMN = {name: n for n, name in enumerate(OBJECTIVE_COLUMN_FIELDS)}


def account_id(context: PlanContext, name: str = "Ahrenberg Antriebstechnik GmbH") -> uuid.UUID:
    return next(row.id for row in accounts.list_accounts(context.plan) if row.name == name)


@pytest.fixture
def tab(qtbot: QtBot, context: PlanContext) -> ObjectivesTab:
    widget = ObjectivesTab(context)
    qtbot.addWidget(widget)
    widget.show_account(account_id(context))
    return widget


def test_model_passes_the_model_tester(qtmodeltester, context: PlanContext) -> None:
    model = ObjectiveTableModel(context)
    model.set_account(account_id(context))
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_the_table_shows_every_column_of_an_objective(tab: ObjectivesTab) -> None:
    model = tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Kind",
        "Title",
        "Metric",
        "Target",
        "Actual",
        "Unit",
        "Owner",
        "Due",
        "Status",
        "Stakeholder",
    ]
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[:6] == [
        "Customer goal",
        "Reduce unplanned downtime on Bielefeld hobbing lines",
        "Unplanned downtime per month",
        "40",
        "95",
        "hours",
    ]
    assert tab.summary.text().startswith("3 objectives")


def test_cells_edit_through_undo(tab: ObjectivesTab, context: PlanContext) -> None:
    model = tab.model
    stack = context.undo_stack
    assert model.setData(model.index(0, COLUMN["target"]), "35.5")
    assert model.index(0, COLUMN["target"]).data() == "35.50"
    at_risk = next(
        t for t in lookups.vocabulary(context.plan, "objective_status") if t.key == "at_risk"
    )
    assert model.setData(model.index(0, COLUMN["status_id"]), at_risk.id)
    assert model.index(0, COLUMN["status_id"]).data() == "At risk"
    assert model.index(0, COLUMN["status_id"]).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.setData(model.index(0, COLUMN["due_on"]), date(2027, 3, 31))
    assert model.index(0, COLUMN["due_on"]).data() == "2027-03-31"
    assert stack.count() == 3
    stack.undo()
    stack.undo()
    stack.undo()
    assert model.index(0, COLUMN["target"]).data() == "40"


def test_bad_values_are_refused_without_an_undo_step(
    qtbot: QtBot, tab: ObjectivesTab, context: PlanContext
) -> None:
    model = tab.model
    with qtbot.waitSignal(model.edit_failed) as refused:
        assert not model.setData(model.index(0, COLUMN["target"]), "lots")
    assert "Target must be a number" in str(refused.args[0])
    with qtbot.waitSignal(model.edit_failed):
        assert not model.setData(model.index(0, COLUMN["title"]), "   ")
    assert context.undo_stack.count() == 0


def test_add_and_delete_objectives(tab: ObjectivesTab, context: PlanContext, dialogs: Any) -> None:
    dialogs.text = ("Reference visit by Q3", True)
    tab.add_objective()
    assert tab.model.rowCount() == 4
    new_id = tab.selected_id()
    assert new_id is not None
    assert objectives.get_objective(context.plan, new_id).kind == "ours"
    context.undo_stack.undo()
    assert tab.model.rowCount() == 3
    context.undo_stack.redo()
    assert tab.model.row_of(new_id) is not None  # the same record came back
    tab.select_objective(new_id)
    tab.delete_selected()
    assert tab.model.row_of(new_id) is None
    context.undo_stack.undo()
    assert tab.model.row_of(new_id) is not None


def test_a_cancelled_add_changes_nothing(
    tab: ObjectivesTab, context: PlanContext, dialogs: Any
) -> None:
    dialogs.text = ("", False)
    tab.add_objective()
    assert context.undo_stack.count() == 0
