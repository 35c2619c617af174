"""The rubric in the plan: scores keep the cached fit score right, rubric changes rescore all."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from abm_planner.domain.scoring import fit_score
from abm_planner.errors import UserError
from abm_planner.services import rubric
from abm_planner.services.changes import Change
from abm_planner.services.estimates import set_estimate
from abm_planner.services.plans import Plan
from abm_planner.services.rubric import ScoreValue
from abm_planner.services.workshops import start_workshop
from abm_planner.store.models import Account, Criterion, CriterionScore, Estimate


def stored_fit_scores(plan: Plan) -> dict[uuid.UUID, float | None]:
    with plan.read() as session:
        return dict(session.execute(select(Account.id, Account.fit_score)).all())


def independent_fit_scores(plan: Plan) -> dict[uuid.UUID, float | None]:
    """Recomputed here from the rows, without the services' code path."""
    with plan.read() as session:
        weights = dict(session.execute(select(Criterion.id, Criterion.weight)).all())
        scores: dict[uuid.UUID, list[tuple[float, int]]] = {}
        for account_id, criterion_id, score in session.execute(
            select(CriterionScore.account_id, CriterionScore.criterion_id, CriterionScore.score)
        ).all():
            scores.setdefault(account_id, []).append((weights[criterion_id], score))
        accounts = session.scalars(select(Account.id)).all()
    return {a: fit_score(scores.get(a, [])) for a in accounts}


def listen(plan: Plan) -> list[Change]:
    seen: list[Change] = []
    plan.changes.subscribe(seen.extend)
    return seen


def first_account(plan: Plan) -> uuid.UUID:
    with plan.read() as session:
        return session.scalars(select(Account.id).order_by(Account.name)).first()


def test_the_demo_plan_caches_the_fit_scores_the_rubric_gives(demo: Plan) -> None:
    assert stored_fit_scores(demo) == independent_fit_scores(demo)


def test_a_score_updates_the_cached_fit_score_in_the_same_unit_of_work(demo: Plan) -> None:
    account = first_account(demo)
    criterion = rubric.list_criteria(demo)[0]
    seen = listen(demo)
    old = rubric.set_score(demo, account, criterion.id, ScoreValue(0, "Lost the reference"))
    assert old.score == 5
    assert stored_fit_scores(demo)[account] == independent_fit_scores(demo)[account]
    assert {c.kind for c in seen} == {"criterion_score", "account"}
    row = next(r for r in rubric.account_scores(demo, account) if r.criterion_id == criterion.id)
    assert (row.score, row.justification) == (0, "Lost the reference")
    rubric.set_score(demo, account, criterion.id, old)
    assert stored_fit_scores(demo) == independent_fit_scores(demo)


def test_clearing_every_score_leaves_the_account_unassessed(demo: Plan) -> None:
    account = first_account(demo)
    for row in rubric.account_scores(demo, account):
        rubric.set_score(demo, account, row.criterion_id, ScoreValue(None))
    assert stored_fit_scores(demo)[account] is None


def test_a_justification_without_a_score_and_bad_scores_are_refused(demo: Plan) -> None:
    account = first_account(demo)
    criterion = rubric.list_criteria(demo)[0].id
    with pytest.raises(UserError, match="before writing why"):
        rubric.set_score(demo, account, criterion, ScoreValue(None, "because"))
    with pytest.raises(UserError, match="0 to 5"):
        rubric.set_score(demo, account, criterion, ScoreValue(7))


def test_a_weight_change_rescores_every_account(demo: Plan) -> None:
    before = stored_fit_scores(demo)
    strategic_fit = rubric.list_criteria(demo)[0]
    seen = listen(demo)
    old = rubric.update_criterion(demo, strategic_fit.id, {"weight": 0})
    assert old == {"weight": 5.0}
    after = stored_fit_scores(demo)
    assert after == independent_fit_scores(demo)
    moved = {a for a in after if after[a] != before[a]}
    assert len(moved) == len(after)  # every demo account is scored on it
    announced = {i for c in seen if c.kind == "account" for i in c.ids}
    assert announced == moved
    rubric.update_criterion(demo, strategic_fit.id, old)
    assert stored_fit_scores(demo) == before


def test_all_weights_zero_leaves_every_account_unscored(demo: Plan) -> None:
    for criterion in rubric.list_criteria(demo):
        rubric.update_criterion(demo, criterion.id, {"weight": 0})
    assert set(stored_fit_scores(demo).values()) == {None}
    assert all(c.share == 0 for c in rubric.list_criteria(demo))


def test_weights_must_be_numbers_from_0(demo: Plan) -> None:
    criterion = rubric.list_criteria(demo)[0].id
    for bad in (-1, "lots", float("nan"), 5000):
        with pytest.raises(UserError, match="weight"):
            rubric.update_criterion(demo, criterion, {"weight": bad})
    with pytest.raises(UserError, match="needs a name"):
        rubric.update_criterion(demo, criterion, {"name": "  "})


def test_deleting_a_criterion_rescores_and_undo_restores_every_score(demo: Plan) -> None:
    before = stored_fit_scores(demo)
    margin = rubric.list_criteria(demo)[-1]
    captured = rubric.delete_criterion(demo, margin.id)
    assert captured.count(CriterionScore.__table__) == 12
    assert stored_fit_scores(demo) == independent_fit_scores(demo)
    assert stored_fit_scores(demo) != before
    rubric.restore_criterion(demo, captured)
    assert stored_fit_scores(demo) == before
    assert rubric.list_criteria(demo)[-1] == margin


def _estimate_rows(plan: Plan, criterion_id: uuid.UUID) -> list[dict[str, Any]]:
    with plan.read() as session:
        table = Estimate.__table__
        rows = session.execute(select(table).where(table.c.criterion_id == criterion_id))
        return sorted((dict(row) for row in rows.mappings()), key=lambda row: str(row["id"]))


def test_undoing_a_criterion_delete_brings_back_its_blind_estimates(demo: Plan) -> None:
    """Estimates cascade with the criterion; the capture must hold them for undo."""
    margin = rubric.list_criteria(demo)[-1]
    with demo.read() as session:
        account_id = session.scalars(select(Account.id).order_by(Account.name)).first()
    assert account_id is not None
    workshop_id = start_workshop(
        demo, title="Scores", held_on=date(2026, 11, 23), account_ids=[account_id], participants=[]
    )
    with demo.write() as unit:
        for side, value in (("sales", 4.0), ("marketing", 2.0)):
            set_estimate(
                unit,
                workshop_id,
                side,
                "criterion_score",
                account_id=account_id,
                criterion_id=margin.id,
                value=value,
            )
    before = _estimate_rows(demo, margin.id)
    assert sorted(row["value"] for row in before) == [2.0, 4.0]

    captured = rubric.delete_criterion(demo, margin.id)
    assert captured.count(Estimate.__table__) == 2
    assert _estimate_rows(demo, margin.id) == []
    rubric.restore_criterion(demo, captured)
    assert _estimate_rows(demo, margin.id) == before  # same ids, values, versions, times


def test_a_new_criterion_changes_no_score_until_accounts_are_scored_on_it(demo: Plan) -> None:
    before = stored_fit_scores(demo)
    new = rubric.create_criterion(demo, {"name": "Sustainability", "weight": 2})
    assert rubric.list_criteria(demo)[-1].id == new
    assert stored_fit_scores(demo) == before


def test_reordering_the_rubric(demo: Plan) -> None:
    ids = rubric.criteria_order(demo)
    old = rubric.set_criteria_order(demo, list(reversed(ids)))
    assert old == ids
    assert rubric.criteria_order(demo) == list(reversed(ids))
    with pytest.raises(UserError, match="reorder it again"):
        rubric.set_criteria_order(demo, ids[:2])
