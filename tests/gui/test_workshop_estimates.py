"""Blind estimates: the other side stays hidden, the reveal orders by gap, agreeing undoes whole."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.workshop import reveal_view
from abm_planner.gui.views.workshop.estimates_panel import EstimatesPanel
from abm_planner.services.accounts import list_accounts
from abm_planner.services.decisions import decisions_for_workshop
from abm_planner.services.dmu_analysis import load_account_dmu
from abm_planner.services.estimates import estimates_for_side
from abm_planner.services.rubric import account_scores
from abm_planner.services.workshops import start_workshop

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")

ACCOUNT = "Nordhavn Logistics A/S"


def _panel(qtbot: QtBot, context: PlanContext) -> tuple[EstimatesPanel, uuid.UUID]:
    account = next(a.id for a in list_accounts(context.plan) if a.name == ACCOUNT)
    workshop = start_workshop(
        context.plan,
        title="Estimates",
        held_on=date(2026, 11, 23),
        account_ids=[account],
        participants=[],
    )
    panel = EstimatesPanel(context, workshop)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_account(account)
    return panel, account


def _pick(
    panel: EstimatesPanel, key: tuple[str, uuid.UUID | None, uuid.UUID | None], value: float
) -> None:
    combo = panel.combos[key]
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def _selected(panel: EstimatesPanel, key: tuple[str, uuid.UUID | None, uuid.UUID | None]) -> object:
    return panel.combos[key].currentData()


def test_the_other_sides_estimates_are_hidden_until_the_reveal(
    qtbot: QtBot, context: PlanContext
) -> None:
    panel, account = _panel(qtbot, context)
    assert not panel.people.isVisible()  # no side chosen: nothing shown
    person = load_account_dmu(context.plan, account).people[0].id
    attitude = ("attitude", person, None)

    panel.choose_side("sales")
    assert panel.people.isVisible()
    _pick(panel, attitude, 2.0)
    assert panel.other_count.text() == "Marketing: 0 estimates entered, hidden until the reveal"

    panel.choose_side("marketing")
    assert _selected(panel, attitude) is None  # sales' "Mentor" is not shown
    _pick(panel, attitude, -1.0)
    assert panel.other_count.text() == "Sales: 1 estimates entered, hidden until the reveal"

    panel.choose_side("sales")
    assert _selected(panel, attitude) == 2.0
    with context.plan.read() as session:
        assert [e.value for e in estimates_for_side(session, panel.workshop_id, "sales")] == [2.0]

    context.undo_stack.undo()  # marketing's estimate goes; the side had none before
    with context.plan.read() as session:
        assert estimates_for_side(session, panel.workshop_id, "marketing") == []


def _disagree(panel: EstimatesPanel, account: uuid.UUID, context: PlanContext) -> list[str]:
    """Sales and marketing differ by 3 on an attitude, 1 on influence and 2 on a score."""
    people = load_account_dmu(context.plan, account).people
    criterion = account_scores(context.plan, account)[0].criterion_id
    estimates = [
        (("attitude", people[0].id, None), 2.0, -1.0),
        (("influence", people[1].id, None), 3.0, 2.0),
        (("criterion_score", None, criterion), 5.0, 3.0),
        (("attitude", people[2].id, None), 1.0, 1.0),  # agreed already: not listed
    ]
    for side, column in (("sales", 1), ("marketing", 2)):
        panel.choose_side(side)
        for estimate in estimates:
            _pick(panel, estimate[0], estimate[column])  # type: ignore[arg-type]
    return [people[0].name, people[1].name]


def test_reveal_lists_disagreements_largest_gap_first_side_by_side(
    qtbot: QtBot, context: PlanContext
) -> None:
    panel, account = _panel(qtbot, context)
    names = _disagree(panel, account, context)
    panel.show_reveal()
    rows = reveal_view.disagreement_rows(panel.reveal)
    assert [row["Gap"] for row in rows] == ["3", "2", "1"]
    assert rows[0]["Estimate"] == f"Attitude of {names[0]}"
    assert (rows[0]["Sales"], rows[0]["Marketing"]) == ("Mentor (+2)", "Non-supporter (-1)")
    assert rows[2]["Estimate"] == f"Influence of {names[1]}"
    assert {row["Account"] for row in rows} == {ACCOUNT}
    assert panel.reveal.summary.text() == "3 disagreements, largest gap first"


def test_agreeing_is_one_undo_step_that_sets_the_value_and_logs_one_decision(
    qtbot: QtBot, context: PlanContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel, account = _panel(qtbot, context)
    names = _disagree(panel, account, context)
    panel.show_reveal()
    asked: list[float] = []

    def answer(_parent: object, d: object, choices: list[tuple[str, float]]) -> tuple[float, str]:
        asked.append(reveal_view.suggested_value(d, choices))  # type: ignore[arg-type]
        return 0.0, "She backed us in the steering committee but not the budget"

    monkeypatch.setattr(reveal_view, "ask_agreement", answer)
    person = load_account_dmu(context.plan, account).people[0]
    before = (person.attitude, context.undo_stack.count())
    assert before[0] == 1  # a Supporter in the demo plan

    decision_id = panel.reveal.agree_selected()
    assert decision_id is not None
    assert asked == [0.0]  # the middle of +2 and -1, rounded to an allowed value
    assert context.undo_stack.count() == before[1] + 1
    assert context.undo_stack.undoText() == f"Agree Attitude of {names[0]}"
    assert load_account_dmu(context.plan, account).people[0].attitude == 0
    with context.plan.read() as session:
        logged = decisions_for_workshop(session, panel.workshop_id)
    assert len(logged) == 1
    assert "Sales estimated Mentor (+2), marketing Non-supporter (-1)" in logged[0].text
    assert [r["Gap"] for r in reveal_view.disagreement_rows(panel.reveal)] == ["3", "2", "1"]

    context.undo_stack.undo()
    assert load_account_dmu(context.plan, account).people[0].attitude == before[0]
    with context.plan.read() as session:
        assert decisions_for_workshop(session, panel.workshop_id) == []
    context.undo_stack.redo()
    assert load_account_dmu(context.plan, account).people[0].attitude == 0
    with context.plan.read() as session:
        assert len(decisions_for_workshop(session, panel.workshop_id)) == 1
