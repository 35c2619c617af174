"""Workshop ▸ Snapshots and changes: take a snapshot, edit, and see the edit listed."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from abm_planner.gui.commands import EditAccountCommand, push
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.workshop.snapshots_window import SnapshotsWindow
from abm_planner.services.accounts import list_accounts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


def test_snapshot_then_edit_lists_the_change_and_undo_clears_it(
    qtbot: QtBot, context: PlanContext, dialogs: object
) -> None:
    window = SnapshotsWindow(context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.changes_shown, timeout=10_000):
        info = window.take("Before the workshop")
    assert info is not None
    assert window.model.records[0].label == "Before the workshop"
    assert window.chosen_label() == "Before the workshop"
    assert window.lines() == []
    assert "Nothing changed" in window.summary.text()

    account = next(a for a in list_accounts(context.plan) if a.name == "Nordhavn Logistics A/S")
    with qtbot.waitSignal(window.changes_shown, timeout=10_000):
        push(context.undo_stack, EditAccountCommand(context, account.id, {"region": "Baltics"}))
    assert any("region Nordics → Baltics" in line for line in window.lines())
    top = window.tree.topLevelItem(0)
    assert top.text(0).startswith("Nordhavn Logistics A/S")

    with qtbot.waitSignal(window.changes_shown, timeout=10_000):
        context.undo_stack.undo()
    assert window.lines() == []


def test_a_taken_label_is_refused_in_one_sentence(
    qtbot: QtBot, context: PlanContext, dialogs: object
) -> None:
    window = SnapshotsWindow(context)
    qtbot.addWidget(window)
    assert window.take("Q3 review") is not None
    assert window.take("Q3 review") is None
    refusal = "A snapshot named “Q3 review” already exists; choose another label."
    assert dialogs.warnings == [refusal]  # type: ignore[attr-defined]
    labels = [info.label for info in window.model.records]
    assert labels[0] == "Q3 review"  # newest first, and only once
    assert labels.count("Q3 review") == 1
