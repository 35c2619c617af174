"""Tier rules, the lead definition and checks, the handoff, commercials, objectives, whitespace."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from abm_planner.errors import UserError
from abm_planner.services import agreements, engagement_rules, objectives, whitespace
from abm_planner.services.accounts import list_accounts
from abm_planner.services.changes import Change
from abm_planner.services.lookups import team_members, vocabulary
from abm_planner.services.plans import Plan
from abm_planner.services.stakeholders import list_stakeholders
from abm_planner.store.models import Account, AccountLeadCheck


def account_named(plan: Plan, name: str) -> uuid.UUID:
    with plan.read() as session:
        return session.scalars(select(Account.id).where(Account.name == name)).one()


def tier(plan: Plan, key: str) -> engagement_rules.TierRuleRow:
    return next(r for r in engagement_rules.list_tier_rules(plan) if r.key == key)


def test_every_tier_of_the_demo_has_rules_and_the_portfolio_agrees(demo: Plan) -> None:
    rows = engagement_rules.list_tier_rules(demo)
    assert [r.key for r in rows] == ["strategic", "scale", "programmatic", "not_key"]
    assert all(r.agreed for r in rows)
    # The demo's tiers match its scores: no suggestion disagrees.
    assert all(row.suggested_tier_id == row.tier_id for row in list_accounts(demo))


def test_the_account_view_shows_the_rules_of_its_tier_in_words(demo: Plan) -> None:
    view = agreements.account_agreement(demo, account_named(demo, "Tejo Embalagens S.A."))
    assert view.verdict.assigned is not None
    assert view.verdict.assigned.key == "programmatic"
    assert view.rules[0] == "Suggested for a fit score from 35 to under 55."
    assert view.rules[1] == "Marketing leads; sales joins at the handoff."
    assert view.rules[2].startswith("Plays allowed: Awareness, Engagement")
    assert view.lead_function == "marketing"
    not_key = agreements.account_agreement(
        demo, account_named(demo, "Havenstad Verzekeringen N.V.")
    )
    assert not_key.rules[0] == "Suggested for a fit score under 35."


def test_raising_a_threshold_changes_suggestions_and_announces_those_accounts(
    demo: Plan,
) -> None:
    seen: list[Change] = []
    demo.changes.subscribe(seen.extend)
    strategic = tier(demo, "strategic")
    old = engagement_rules.update_tier_rule(demo, strategic.tier_id, {"min_fit_score": 85})
    assert old == {"min_fit_score": 75.0}
    rows = {r.id: r for r in list_accounts(demo)}
    disagreeing = {i for i, r in rows.items() if r.suggested_tier_id != r.tier_id}
    assert disagreeing  # strategic accounts scoring 75-84 are now suggested Scale
    assert all(rows[i].fit_score < 85 and rows[i].tier == "Strategic (1:1)" for i in disagreeing)
    announced = {i for c in seen if c.kind == "account" for i in c.ids}
    assert announced == disagreeing
    view = agreements.account_agreement(demo, next(iter(disagreeing)))
    assert (view.verdict.direction, view.verdict.suggested.key) == ("lower", "scale")
    engagement_rules.update_tier_rule(demo, strategic.tier_id, old)
    assert all(r.suggested_tier_id == r.tier_id for r in list_accounts(demo))


def test_tier_rule_values_are_checked(demo: Plan) -> None:
    scale = tier(demo, "scale").tier_id
    with pytest.raises(UserError, match="0 to 100"):
        engagement_rules.update_tier_rule(demo, scale, {"min_fit_score": 120})
    with pytest.raises(UserError, match="Who leads"):
        engagement_rules.update_tier_rule(demo, scale, {"lead_function": "partners"})
    with pytest.raises(UserError, match="Unknown play type: teleportation"):
        engagement_rules.update_tier_rule(demo, scale, {"allowed_play_types": ["teleportation"]})
    engagement_rules.update_tier_rule(
        demo, scale, {"allowed_play_types": ["advocacy", "awareness"]}
    )
    assert tier(demo, "scale").allowed_play_types == ("advocacy", "awareness")


def test_lead_checks_and_the_handoff_state_of_an_account(demo: Plan) -> None:
    aurelia = account_named(demo, "Aurelia Energia S.p.A.")
    view = agreements.account_agreement(demo, aurelia)
    assert (view.checklist.met, view.checklist.total) == (4, 6)
    assert view.handoff.state == "waiting"
    for item in view.checklist.items:
        if not item.met:
            assert engagement_rules.set_lead_check(demo, aurelia, item.id, True) is False
    view = agreements.account_agreement(demo, aurelia)
    assert view.checklist.complete
    assert view.handoff.state == "ready"
    assert (view.sales_owner, view.marketing_owner) == ("Marco Bianchi", "Priya Nair")
    assert (view.handoff_from, view.handoff_to) == ("Marketing-qualified (MQA)", "Opportunity")


def test_handed_off_accounts_show_the_date(demo: Plan) -> None:
    view = agreements.account_agreement(demo, account_named(demo, "Kestrel Telecom Ltd"))
    assert view.handoff.state == "handed_off"
    assert view.handed_off_on is not None
    assert view.handoff.message == f"Handed off to sales on {view.handed_off_on.isoformat()}."


def test_lead_items_can_be_added_reworded_deleted_and_restored(demo: Plan) -> None:
    items = engagement_rules.list_lead_items(demo)
    item = items[1]
    assert engagement_rules.update_lead_item(demo, item.id, "Reworded") == item.text
    with pytest.raises(UserError, match="needs some text"):
        engagement_rules.update_lead_item(demo, item.id, " ")
    captured = engagement_rules.delete_lead_item(demo, item.id)
    assert captured.count(AccountLeadCheck.__table__) == 12
    assert len(engagement_rules.list_lead_items(demo)) == len(items) - 1
    engagement_rules.restore_lead_item(demo, captured)
    assert [i.id for i in engagement_rules.list_lead_items(demo)] == [i.id for i in items]
    new = engagement_rules.create_lead_item(demo, "Budget holder met us")
    assert engagement_rules.list_lead_items(demo)[-1].id == new


def test_the_handoff_goes_forward_only(demo: Plan) -> None:
    stages = {t.key: t.id for t in vocabulary(demo, "stage")}
    old = engagement_rules.set_handoff(demo, stages["engaged"], stages["mqa"])
    assert old == (stages["mqa"], stages["opportunity"])
    with pytest.raises(UserError, match="earlier journey stage to a later one"):
        engagement_rules.set_handoff(demo, stages["opportunity"], stages["mqa"])
    assert engagement_rules.handoff_stages(demo) == (stages["engaged"], stages["mqa"])


def test_commercial_figures_are_checked_and_return_old_values(demo: Plan) -> None:
    tejo = account_named(demo, "Tejo Embalagens S.A.")
    old = agreements.update_commercials(
        demo,
        tejo,
        {
            "pipeline_value": "250,000",
            "expected_margin_pct": "31%",
            "pipeline_source": "sales_sourced",
        },
    )
    assert old == {"pipeline_value": None, "expected_margin_pct": None, "pipeline_source": ""}
    figures = agreements.get_commercials(demo, tejo)
    assert (figures.pipeline_value, figures.expected_margin_pct) == (250_000, 31)
    for bad in (
        {"pipeline_value": -5},
        {"expected_margin_pct": 140},
        {"pipeline_source": "partner"},
    ):
        with pytest.raises(UserError):
            agreements.update_commercials(demo, tejo, bad)


def test_objectives_crud_with_checked_fields(demo: Plan) -> None:
    tejo = account_named(demo, "Tejo Embalagens S.A.")
    owner = team_members(demo)[0].id
    before = objectives.list_objectives(demo, tejo)
    new = objectives.create_objective(
        demo,
        tejo,
        {"title": "Pilot line 3", "target": "12", "owner_id": owner, "due_on": "2027-01-31"},
    )
    row = objectives.get_objective(demo, new)
    assert (row.kind, row.target, row.due_on, row.owner_id) == (
        "ours",
        12.0,
        date(2027, 1, 31),
        owner,
    )
    assert objectives.update_objective(demo, new, {"actual": -3.5}) == {"actual": None}
    with pytest.raises(UserError, match="Title cannot be empty"):
        objectives.update_objective(demo, new, {"title": ""})
    with pytest.raises(UserError, match="Kind"):
        objectives.update_objective(demo, new, {"kind": "dream"})
    other = account_named(demo, "Kestrel Telecom Ltd")
    stranger = list_stakeholders(demo, other)[0].id
    with pytest.raises(UserError, match="person of this account"):
        objectives.update_objective(demo, new, {"stakeholder_id": stranger})
    captured = objectives.delete_objective(demo, new)
    assert len(objectives.list_objectives(demo, tejo)) == len(before)
    objectives.restore_objective(demo, captured)
    assert objectives.get_objective(demo, new).actual == -3.5


def test_whitespace_cells_set_clear_and_restore_exactly(demo: Plan) -> None:
    grid = whitespace.whitespace_map(demo)
    assert (len(grid.accounts), len(grid.solutions), len(grid.cells)) == (12, 6, 72)
    statuses = {t.key: t.id for t in vocabulary(demo, "whitespace")}
    account, solution = grid.accounts[0].id, grid.solutions[0].id
    old = whitespace.set_whitespace(demo, account, solution, statuses["ours"])
    assert old is not None and old["status_id"] == grid.cells[(account, solution)]
    assert whitespace.whitespace_cell(demo, account, solution) == statuses["ours"]
    cleared = whitespace.set_whitespace(demo, account, solution, None)
    assert cleared is not None
    assert whitespace.whitespace_cell(demo, account, solution) is None
    whitespace.restore_whitespace(demo, account, solution, old)
    assert whitespace.whitespace_cell(demo, account, solution) == old["status_id"]
    with pytest.raises(UserError, match="not in the plan's list"):
        whitespace.set_whitespace(demo, account, solution, statuses["ours"].__class__(int=7))
