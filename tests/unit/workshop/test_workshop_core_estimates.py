"""Blind estimates, the reveal and agreeing: what the two sides see and what is written."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from workshop_core_builders import Room

from abm_planner.errors import UserError
from abm_planner.services.estimates import (
    agree,
    estimates_for_side,
    reveal,
    revert_agreement,
    set_estimate,
)
from abm_planner.services.plans import Plan
from abm_planner.services.rubric import account_scores
from abm_planner.store.models import Criterion, Decision, Stakeholder, VocabularyTerm


def _attitude(plan: Plan, stakeholder_id: object) -> str | None:
    with plan.read() as session:
        return session.scalar(
            select(VocabularyTerm.key)
            .join(Stakeholder, Stakeholder.attitude_id == VocabularyTerm.id)
            .where(Stakeholder.id == stakeholder_id)
        )


def test_each_side_sees_only_its_own_estimates_before_the_reveal(plan: Plan, room: Room) -> None:
    dana = room.people[0][0]
    with plan.write() as unit:
        set_estimate(unit, room.workshop_id, "sales", "attitude", stakeholder_id=dana, value=2)
        set_estimate(unit, room.workshop_id, "marketing", "attitude", stakeholder_id=dana, value=-1)
        set_estimate(unit, room.workshop_id, "marketing", "influence", stakeholder_id=dana, value=3)

    with plan.read() as session:
        sales = estimates_for_side(session, room.workshop_id, "sales")
        marketing = estimates_for_side(session, room.workshop_id, "marketing")
    assert [(e.side, e.subject, e.value) for e in sales] == [("sales", "attitude", 2.0)]
    assert sorted((e.side, e.subject, e.value) for e in marketing) == [
        ("marketing", "attitude", -1.0),
        ("marketing", "influence", 3.0),
    ]
    assert sales[0].label == f"Attitude of {room.people[0][1]}"
    assert sales[0].value_label.startswith("Mentor")


def test_a_second_estimate_replaces_the_first(plan: Plan, room: Room) -> None:
    dana = room.people[0][0]
    with plan.write() as unit:
        first = set_estimate(
            unit, room.workshop_id, "sales", "influence", stakeholder_id=dana, value=1
        )
        second = set_estimate(
            unit, room.workshop_id, "sales", "influence", stakeholder_id=dana, value=3
        )
    assert first == second
    with plan.read() as session:
        [only] = estimates_for_side(session, room.workshop_id, "sales")
    assert only.value == 3.0


def test_reveal_lists_disagreements_largest_gap_first(plan: Plan, room: Room) -> None:
    (a, _), (b, _), (c, _) = room.people[:3]
    with plan.read() as session:
        criterion = session.scalars(select(Criterion).order_by(Criterion.sort_order)).first()
        assert criterion is not None
    estimates = [
        ("attitude", {"stakeholder_id": a}, 1, 0),  # gap 1
        ("attitude", {"stakeholder_id": b}, -2, 2),  # gap 4
        ("influence", {"stakeholder_id": c}, 3, 3),  # agree: not listed
        ("criterion_score", {"account_id": room.account_id, "criterion_id": criterion.id}, 1, 4),
    ]
    with plan.write() as unit:
        for subject, refs, sales, marketing in estimates:
            set_estimate(unit, room.workshop_id, "sales", subject, value=sales, **refs)
            set_estimate(unit, room.workshop_id, "marketing", subject, value=marketing, **refs)
        # Only one side estimated: nothing to reveal.
        set_estimate(unit, room.workshop_id, "sales", "influence", stakeholder_id=a, value=1)

    with plan.read() as session:
        found = reveal(session, room.workshop_id)
    assert [(d.subject, d.gap) for d in found] == [
        ("attitude", 4.0),
        ("criterion_score", 3.0),
        ("attitude", 1.0),
    ]
    top = found[0]
    assert (top.sales, top.marketing, top.stakeholder_id) == (-2.0, 2.0, b)
    assert top.account_name == room.account_name
    assert top.label == f"Attitude of {room.people[1][1]}"
    assert found[1].label == f"Score on {criterion.name}"


def test_agree_sets_the_value_and_logs_exactly_one_decision(plan: Plan, room: Room) -> None:
    person = room.people[1][0]
    with plan.write() as unit:
        set_estimate(unit, room.workshop_id, "sales", "attitude", stakeholder_id=person, value=-2)
        set_estimate(
            unit, room.workshop_id, "marketing", "attitude", stakeholder_id=person, value=2
        )
    before = _attitude(plan, person)
    with plan.read() as session:
        [disagreement] = reveal(session, room.workshop_id)
        decisions_before = session.scalar(select(func.count()).select_from(Decision))

    with plan.write() as unit:
        decision_id = agree(unit, room.workshop_id, disagreement, 1, "She sponsored the pilot.")

    assert _attitude(plan, person) == "supporter"
    with plan.read() as session:
        assert session.scalar(select(func.count()).select_from(Decision)) == decisions_before + 1
        decision = session.get(Decision, decision_id)
        assert decision is not None
        assert decision.workshop_id == room.workshop_id
        assert decision.account_id == room.account_id
        details = json.loads(decision.details)
        assert (details["sales"], details["marketing"], details["agreed"]) == (-2.0, 2.0, 1.0)
        assert details["reason"] == "She sponsored the pilot."
        assert "She sponsored the pilot." in decision.text
        assert json.loads(decision.linked) == [{"type": "stakeholder", "id": str(person)}]

    with plan.write() as unit:
        revert_agreement(unit, decision_id)
    assert _attitude(plan, person) == before
    with plan.read() as session:
        assert session.get(Decision, decision_id) is None
        assert session.scalar(select(func.count()).select_from(Decision)) == decisions_before


def test_agreeing_a_score_moves_the_fit_score_and_undo_restores_it(plan: Plan, room: Room) -> None:
    with plan.read() as session:
        criterion = session.scalars(select(Criterion).order_by(Criterion.sort_order)).first()
        assert criterion is not None
    refs = {"account_id": room.account_id, "criterion_id": criterion.id}
    with plan.write() as unit:
        set_estimate(unit, room.workshop_id, "sales", "criterion_score", value=0, **refs)
        set_estimate(unit, room.workshop_id, "marketing", "criterion_score", value=5, **refs)
    scores_before = {s.criterion_id: s.score for s in account_scores(plan, room.account_id)}
    with plan.read() as session:
        [disagreement] = reveal(session, room.workshop_id)
    new_score = 0 if scores_before.get(criterion.id) != 0 else 5
    with plan.write() as unit:
        decision_id = agree(unit, room.workshop_id, disagreement, new_score, "Budget is frozen.")
    after = {s.criterion_id: s.score for s in account_scores(plan, room.account_id)}
    assert after[criterion.id] == new_score
    with plan.write() as unit:
        revert_agreement(unit, decision_id)
    restored = {s.criterion_id: s.score for s in account_scores(plan, room.account_id)}
    assert restored == scores_before


@pytest.mark.parametrize(
    ("side", "subject", "value", "message"),
    [
        ("legal", "attitude", 1, "sales or marketing"),
        ("sales", "mood", 1, "Estimates are of"),
        ("sales", "attitude", 7, "one of -2, -1, 0, 1, 2"),
        ("sales", "influence", 0, "one of 1, 2, 3"),
    ],
)
def test_bad_estimates_are_refused_in_one_sentence(
    plan: Plan, room: Room, side: str, subject: str, value: float, message: str
) -> None:
    with pytest.raises(UserError, match=message), plan.write() as unit:
        set_estimate(
            unit, room.workshop_id, side, subject, stakeholder_id=room.people[0][0], value=value
        )


def test_agree_needs_a_reason(plan: Plan, room: Room) -> None:
    person = room.people[0][0]
    with plan.write() as unit:
        set_estimate(unit, room.workshop_id, "sales", "influence", stakeholder_id=person, value=1)
        set_estimate(
            unit, room.workshop_id, "marketing", "influence", stakeholder_id=person, value=3
        )
    with plan.read() as session:
        [disagreement] = reveal(session, room.workshop_id)
    with pytest.raises(UserError, match="why"), plan.write() as unit:
        agree(unit, room.workshop_id, disagreement, 2, "  ")
