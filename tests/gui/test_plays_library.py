"""The play library editor: edit, add, delete templates, each undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.plays.library_editor import PlayLibraryDialog, open_play_library
from abm_planner.services import play_templates, plays
from abm_planner.services.accounts import list_accounts

pytestmark = [
    pytest.mark.usefixtures("dialogs"),
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]


@pytest.fixture
def editor(qtbot: QtBot, context: PlanContext) -> PlayLibraryDialog:
    dialog = PlayLibraryDialog(context)
    qtbot.addWidget(dialog)
    return dialog


def template_named(context: PlanContext, name: str) -> play_templates.TemplateRow:
    return next(t for t in play_templates.list_templates(context.plan) if t.name == name)


def test_the_library_is_listed_with_the_first_play_shown(editor: PlayLibraryDialog) -> None:
    listing = editor.ui.templateList
    assert listing.count() == 17
    assert editor.current_id is not None
    assert editor.ui.nameEdit.text() == listing.currentItem().text()
    assert editor.ui.stepsEdit.toPlainText()


def test_edit_a_play_and_undo(editor: PlayLibraryDialog, context: PlanContext) -> None:
    briefing = template_named(context, "Executive Briefing")
    editor.select_template(briefing.id)
    assert editor.ui.nameEdit.text() == "Executive Briefing"
    editor.ui.touchesSpin.setValue(6)
    editor.ui.costEdit.setText("9,000")
    first_stage = editor.ui.stagesList.item(0)
    first_stage.setCheckState(Qt.CheckState.Checked)  # Qualified
    assert editor.apply_changes()
    changed = template_named(context, "Executive Briefing")
    assert changed.values["typical_touches"] == 6
    assert changed.values["cost"] == 9000
    assert "qualified" in changed.stage_keys
    assert context.undo_stack.undoText() == "Edit library play Executive Briefing"
    assert not editor.apply_changes()  # nothing changed since: no empty undo step
    context.undo_stack.undo()
    restored = template_named(context, "Executive Briefing")
    assert restored.values == briefing.values
    assert editor.ui.touchesSpin.value() == briefing.values["typical_touches"]


def test_a_duplicate_name_is_refused_inline(
    editor: PlayLibraryDialog, context: PlanContext
) -> None:
    editor.select_template(template_named(context, "Executive Briefing").id)
    editor.ui.nameEdit.setText("Stalled-Deal Rescue")
    assert not editor.apply_changes()
    assert "already has a play called" in editor.ui.errorLabel.text()
    assert context.undo_stack.count() == 0


def test_add_and_delete_plays_with_undo(
    editor: PlayLibraryDialog, context: PlanContext, dialogs
) -> None:
    new_id = editor.add_template()
    assert new_id is not None
    assert editor.current_id == new_id
    assert editor.ui.nameEdit.text() == "New play"
    assert editor.ui.templateList.count() == 18
    assert editor.delete_current()
    assert "No play uses it." in dialogs.questions[-1]
    assert editor.ui.templateList.count() == 17
    context.undo_stack.undo()
    assert editor.ui.templateList.count() == 18
    context.undo_stack.undo()
    assert editor.ui.templateList.count() == 17


def test_deleting_a_used_play_keeps_the_assignments(
    editor: PlayLibraryDialog, context: PlanContext, dialogs
) -> None:
    briefing = template_named(context, "Executive Briefing")
    assert briefing.uses > 0
    editor.select_template(briefing.id)
    assert "plays in this plan were made from it" in editor.ui.usesLabel.text()
    assert editor.delete_current()
    assert "they keep their dates and targets" in dialogs.questions[-1]
    account = next(
        a.id for a in list_accounts(context.plan) if a.name.startswith("Ahrenberg Antrieb")
    )
    names = [r.name for r in plays.list_assignments(context.plan, account)]
    assert "Executive Briefing" in names
    context.undo_stack.undo()
    assert template_named(context, "Executive Briefing").uses == briefing.uses


def test_read_only_library_is_browsable_only(qtbot: QtBot, read_only_context: PlanContext) -> None:
    dialog = PlayLibraryDialog(read_only_context)
    qtbot.addWidget(dialog)
    assert dialog.ui.templateList.count() == 17
    assert not dialog.ui.applyButton.isEnabled()
    assert not dialog.ui.addButton.isEnabled()


def test_one_library_window_per_plan(qtbot: QtBot, context: PlanContext) -> None:
    first = open_play_library(context, None)
    qtbot.addWidget(first)
    assert open_play_library(context, None) is first
