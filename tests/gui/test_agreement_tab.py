"""The Agreement tab of an account: scores, fit score, tier verdict, rules, checklist, handoff."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from abm_planner.gui.commands import push
from abm_planner.gui.commands.agreement_commands import edit_tier_rule_command
from abm_planner.gui.models.portfolio import FIT_SCORE, SUGGESTED_TIER, PortfolioModel
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views import account_workspace
from abm_planner.gui.views.agreement.agreement_tab import AgreementTab
from abm_planner.gui.views.agreement.lead_checklist import LeadChecklistModel
from abm_planner.gui.views.agreement.score_table import (
    JUSTIFICATION,
    SCORE,
    ScoreTableModel,
)
from abm_planner.services import accounts, engagement_rules, lookups

pytestmark = [
    pytest.mark.usefixtures("dialogs"),
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]


def account_id(context: PlanContext, name: str) -> uuid.UUID:
    return next(row.id for row in accounts.list_accounts(context.plan) if row.name == name)


@pytest.fixture
def tab(qtbot: QtBot, context: PlanContext) -> AgreementTab:
    widget = AgreementTab(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.show_account(account_id(context, "Aurelia Energia S.p.A."))
    return widget


def test_the_workspace_registers_both_tabs() -> None:
    titles = [spec.title for spec in account_workspace.WORKSPACE_TABS]
    assert {"Agreement", "Objectives and metrics"} <= set(titles)


def test_models_pass_the_model_tester(qtmodeltester, context: PlanContext) -> None:
    aurelia = account_id(context, "Aurelia Energia S.p.A.")
    scores = ScoreTableModel(context)
    scores.set_account(aurelia)
    assert scores.rowCount() == 5
    qtmodeltester.check(scores)
    checklist = LeadChecklistModel(context)
    checklist.set_account(aurelia)
    assert checklist.rowCount() == 6
    qtmodeltester.check(checklist)


def test_it_shows_the_agreement_for_the_account(tab: AgreementTab) -> None:
    assert tab.fit_score.text() == "Fit score 78 of 100"
    assert tab.fit_detail.text() == "Scored on 5 of 5 criteria"
    assert tab.verdict.text() == "Tier Strategic (1:1) — the fit score agrees."
    assert tab.use_suggested.isHidden()
    assert tab.rules_box.title() == "Rules of engagement · Strategic (1:1)"
    assert "Sales and marketing lead together as one account team." in tab.rules.text()
    assert tab.handoff.facts["sales_owner"].text() == "Marco Bianchi"
    assert tab.handoff.facts["marketing_owner"].text() == "Priya Nair"
    assert tab.handoff.facts["handoff"].text() == "Marketing-qualified (MQA) → Opportunity"
    assert tab.handoff.facts["handed_off_on"].text() == "—"
    assert "2 lead definition item(s) are still open" in tab.handoff.state.text()
    assert tab.handoff.summary.text() == "Lead definition: 4 of 6 items met."
    assert tab.editors["expected_margin_pct"].stored == 35.0


def test_a_score_edit_moves_the_fit_score_and_undoes(
    tab: AgreementTab, context: PlanContext
) -> None:
    model = tab.scores
    # Aurelia: (5×5 + 4×5 + 3×2 + 3×3 + 2×3) / (17×5) = 77.6; strategic fit 5 → 2: 60.0
    assert model.setData(model.index(0, SCORE), 2)
    assert context.undo_stack.count() == 1
    assert context.undo_stack.undoText() == "Score Strategic fit: 2"
    assert tab.fit_score.text() == "Fit score 60 of 100"
    assert "suggests a lower tier: Scale (1:few)." in tab.verdict.text()
    assert tab.verdict_frame.property("disagrees") is True
    assert not tab.use_suggested.isHidden()
    context.undo_stack.undo()
    assert tab.fit_score.text() == "Fit score 78 of 100"
    assert model.index(0, SCORE).data() == "5"
    context.undo_stack.redo()
    assert model.index(0, SCORE).data() == "2"


def test_a_justification_edit_keeps_the_score(tab: AgreementTab, context: PlanContext) -> None:
    model = tab.scores
    assert model.setData(model.index(1, JUSTIFICATION), "Budget confirmed in March")
    assert model.index(1, JUSTIFICATION).data() == "Budget confirmed in March"
    assert model.index(1, SCORE).data() == "5"
    context.undo_stack.undo()
    assert model.index(1, JUSTIFICATION).data() != "Budget confirmed in March"


def test_clearing_a_score_leaves_the_criterion_out(tab: AgreementTab) -> None:
    model = tab.scores
    assert model.setData(model.index(0, SCORE), None)
    assert model.index(0, SCORE).data() == "—"
    assert tab.fit_detail.text() == "Scored on 4 of 5 criteria"


def test_using_the_suggested_tier_resolves_the_disagreement(
    tab: AgreementTab, context: PlanContext
) -> None:
    tab.scores.setData(tab.scores.index(0, SCORE), 0)
    tab.scores.setData(tab.scores.index(1, SCORE), 1)
    assert "suggests" in tab.verdict.text()
    tab.use_suggested.click()
    assert tab.verdict.text().endswith("the fit score agrees.")
    assert tab.use_suggested.isHidden()
    assert context.undo_stack.undoText().startswith("Change tier of")
    context.undo_stack.undo()
    assert "suggests" in tab.verdict.text()


def test_the_lead_checklist_toggles_through_undo(tab: AgreementTab, context: PlanContext) -> None:
    model = tab.checklist
    open_row = next(row for row in range(model.rowCount()) if not model.record(row).met)
    index = model.index(open_row, 0)
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert tab.handoff.summary.text() == "Lead definition: 5 of 6 items met."
    assert model.index(open_row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    context.undo_stack.undo()
    assert tab.handoff.summary.text() == "Lead definition: 4 of 6 items met."


def test_commercial_figures_are_edited_with_undo_and_errors_inline(
    tab: AgreementTab, context: PlanContext
) -> None:
    pipeline = tab.editors["pipeline_value"]
    pipeline.committed.emit("pipeline_value", 1_250_000.0)
    assert tab.agreement is not None
    assert tab.agreement.commercials.pipeline_value == 1_250_000
    assert context.undo_stack.undoText().startswith("Change pipeline value of")
    margin = tab.editors["expected_margin_pct"]
    margin.committed.emit("expected_margin_pct", 250.0)
    assert "percentage from -100 to 100" in margin.error.text()
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert tab.agreement.commercials.pipeline_value is None


def test_read_only_plans_cannot_be_edited(qtbot: QtBot, read_only_context: PlanContext) -> None:
    widget = AgreementTab(read_only_context)
    qtbot.addWidget(widget)
    widget.show_account(account_id(read_only_context, "Aurelia Energia S.p.A."))
    index = widget.scores.index(0, SCORE)
    assert not widget.scores.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not widget.scores.setData(index, 1)
    assert not widget.editors["pipeline_value"].container.isEnabled()


def test_the_portfolio_shows_a_suggested_tier_only_where_it_disagrees(
    context: PlanContext,
) -> None:
    model = PortfolioModel(context)
    assert model.headerData(SUGGESTED_TIER, Qt.Orientation.Horizontal) == "Suggested tier"
    assert all(model.index(r, SUGGESTED_TIER).data() == "" for r in range(model.rowCount()))
    strategic = next(t for t in lookups.vocabulary(context.plan, "tier") if t.key == "strategic")
    push(
        context.undo_stack,
        edit_tier_rule_command(context, strategic.id, strategic.label, {"min_fit_score": 85}),
    )
    suggested = {
        model.index(r, 0).data(): model.index(r, SUGGESTED_TIER).data()
        for r in range(model.rowCount())
    }
    changed = {name: tier for name, tier in suggested.items() if tier}
    assert changed
    assert set(changed.values()) == {"Scale (1:few)"}
    for r in range(model.rowCount()):
        if model.index(r, 0).data() in changed:
            assert float(model.index(r, FIT_SCORE).data()) < 85
    context.undo_stack.undo()
    assert all(model.index(r, SUGGESTED_TIER).data() == "" for r in range(model.rowCount()))
    assert engagement_rules.list_tier_rules(context.plan)[0].min_fit_score == 75
