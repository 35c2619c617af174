"""The Agreement editor: rubric, tiers and rules of engagement, lead definition and handoff."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement import open_agreement_editor
from abm_planner.gui.views.agreement.editor import AgreementEditor
from abm_planner.gui.views.agreement.rubric_tables import (
    CriteriaModel,
    LeadItemsModel,
    TierRulesModel,
)
from abm_planner.gui.views.agreement.windows import close_windows, open_windows
from abm_planner.gui.views.choices import find_choice
from abm_planner.services import accounts, engagement_rules, lookups, rubric

pytestmark = [
    pytest.mark.usefixtures("dialogs"),
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]


@pytest.fixture
def editor(qtbot: QtBot, context: PlanContext) -> AgreementEditor:
    widget = AgreementEditor(context)
    qtbot.addWidget(widget)
    return widget


def fit_scores(context: PlanContext) -> dict[str, float | None]:
    return {row.name: row.fit_score for row in accounts.list_accounts(context.plan)}


def test_models_pass_the_model_tester(qtmodeltester, context: PlanContext) -> None:
    for model in (CriteriaModel(context), TierRulesModel(context), LeadItemsModel(context)):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_a_weight_change_rescores_the_portfolio_and_undoes(
    editor: AgreementEditor, context: PlanContext
) -> None:
    before = fit_scores(context)
    model = editor.criteria
    assert model.index(0, 1).data() == "5"
    assert model.index(0, 2).data() == "29%"
    assert model.setData(model.index(0, 1), 1.0)
    assert model.index(0, 2).data() == "8%"
    after = fit_scores(context)
    assert all(after[name] != before[name] for name in before)
    assert context.undo_stack.undoText() == "Change weight of criterion Strategic fit"
    context.undo_stack.undo()
    assert fit_scores(context) == before


def test_all_weights_zero_is_explained(editor: AgreementEditor) -> None:
    model = editor.criteria
    for row in range(model.rowCount()):
        model.setData(model.index(row, 1), 0.0)
    assert "weight of 0" in editor.rubric_problems.text()
    assert set(fit_scores(editor._context).values()) == {None}


def test_criteria_are_added_moved_and_deleted(
    editor: AgreementEditor, context: PlanContext, dialogs: Any
) -> None:
    listing = editor.criteria_list
    dialogs.text = ("Sustainability", True)
    listing.buttons["add"].click()
    assert editor.criteria.rowCount() == 6
    assert editor.criteria.index(5, 0).data() == "Sustainability"
    assert listing.selected_row() == 5
    listing.buttons["up"].click()
    assert editor.criteria.index(4, 0).data() == "Sustainability"
    listing.buttons["delete"].click()
    assert [editor.criteria.index(r, 0).data() for r in range(5)] == [
        c.name for c in rubric.list_criteria(context.plan)
    ]
    assert "Sustainability" not in [c.name for c in rubric.list_criteria(context.plan)]
    context.undo_stack.undo()  # delete
    context.undo_stack.undo()  # move
    context.undo_stack.undo()  # add
    assert editor.criteria.rowCount() == 5


def test_tier_rules_edit_and_read_in_plain_words(
    editor: AgreementEditor, context: PlanContext
) -> None:
    tiers = editor.tiers
    editor.tabs.setCurrentIndex(1)
    assert tiers.index(1, 0).data() == "Scale (1:few)"
    assert tiers.setData(tiers.index(1, 1), 60.0)
    assert tiers.setData(tiers.index(1, 2), "sales")
    assert tiers.index(1, 2).data() == "Sales"
    editor.tier_table.selectRow(1)
    text = editor.tier_words.text()
    assert "Suggested for a fit score from 60 to under 75." in text
    assert "Sales leads; marketing supports the account team." in text
    assert context.undo_stack.count() == 2
    assert tiers.setData(tiers.index(1, 1), 80.0)
    assert "Scale (1:few) (80)" in editor.tier_problems.text()
    context.undo_stack.undo()
    assert editor.tier_problems.text() == ""


def test_allowed_plays_take_play_type_ids(editor: AgreementEditor, context: PlanContext) -> None:
    tiers = editor.tiers
    types = {t.key: t.id for t in lookups.vocabulary(context.plan, "play_type")}
    assert tiers.setData(tiers.index(3, 3), [types["awareness"], types["advocacy"]])
    rows = engagement_rules.list_tier_rules(context.plan)
    assert rows[3].allowed_play_types == ("awareness", "advocacy")
    assert tiers.index(3, 3).data() == "Awareness, Advocacy"


def test_the_handoff_is_chosen_with_checks(
    editor: AgreementEditor, context: PlanContext, dialogs: Any
) -> None:
    stages = {t.key: t.id for t in lookups.vocabulary(context.plan, "stage")}
    editor.handoff_to.setCurrentIndex(find_choice(editor.handoff_to, stages["aware"]))
    editor.handoff_to.activated.emit(editor.handoff_to.currentIndex())
    assert "earlier journey stage to a later one" in dialogs.warnings[-1]
    assert editor.handoff_to.currentData() == stages["opportunity"]
    editor.handoff_to.setCurrentIndex(find_choice(editor.handoff_to, stages["customer"]))
    editor.handoff_to.activated.emit(editor.handoff_to.currentIndex())
    assert engagement_rules.handoff_stages(context.plan) == (stages["mqa"], stages["customer"])
    context.undo_stack.undo()
    assert editor.handoff_to.currentData() == stages["opportunity"]


def test_lead_definition_items_with_undo(
    editor: AgreementEditor, context: PlanContext, dialogs: Any
) -> None:
    items = editor.lead_items
    dialogs.text = ("A named competitor is known", True)
    editor.lead_list.buttons["add"].click()
    assert items.rowCount() == 7
    assert items.setData(items.index(6, 0), "Two named competitors are known")
    assert items.index(6, 0).data() == "Two named competitors are known"
    editor.lead_list.buttons["delete"].click()
    assert items.rowCount() == 6
    for _ in range(3):
        context.undo_stack.undo()
    assert items.rowCount() == 6
    assert len(engagement_rules.list_lead_items(context.plan)) == 6


def test_one_editor_window_per_plan_with_its_own_undo_keys(context: PlanContext) -> None:
    first = open_agreement_editor(context)
    try:
        assert open_agreement_editor(context) is first
        assert open_windows(context) == {"agreement_editor": first}
        assert first.isWindow()
        assert isinstance(first, AgreementEditor)
        undo = next(a for a in first.actions() if a.shortcut().toString() == "Ctrl+Z")
        first.criteria.setData(first.criteria.index(0, 1), 2.0)
        undo.trigger()
        assert first.criteria.index(0, 1).data() == "5"
    finally:
        close_windows(context)
    assert open_windows(context) == {}


def test_read_only_plans_cannot_change_the_agreement(
    qtbot: QtBot, read_only_context: PlanContext
) -> None:
    editor = AgreementEditor(read_only_context)
    qtbot.addWidget(editor)
    index = editor.criteria.index(0, 1)
    assert not editor.criteria.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not editor.criteria_list.buttons["add"].isEnabled()
