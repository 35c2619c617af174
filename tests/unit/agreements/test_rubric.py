"""Rubric arithmetic on plain data: shares, missing scores, zero weights, rescoring."""

from __future__ import annotations

import uuid

import pytest

from abm_planner.agreements.rubric import (
    RubricCriterion,
    Score,
    account_fit,
    changed_scores,
    check_score,
    rescore,
    rubric_problems,
    weight_shares,
)

FIT, REVENUE, MARGIN = (uuid.UUID(int=n) for n in (1, 2, 3))
ACME, BOREALIS, COBALT = (uuid.UUID(int=n) for n in (11, 12, 13))


def criteria(*weights: float) -> list[RubricCriterion]:
    ids = (FIT, REVENUE, MARGIN)
    return [RubricCriterion(ids[n], f"c{n}", w) for n, w in enumerate(weights)]


def test_shares_are_weights_over_their_sum() -> None:
    shares = weight_shares(criteria(3, 1, 0))
    assert shares == {FIT: 0.75, REVENUE: 0.25, MARGIN: 0.0}


def test_weights_summing_to_zero_give_no_shares_and_a_problem_in_words() -> None:
    rubric = criteria(0, 0)
    assert weight_shares(rubric) == {FIT: 0.0, REVENUE: 0.0}
    [problem] = rubric_problems(rubric)
    assert "weight of 0" in problem
    assert rubric_problems([])[0].startswith("The rubric has no criteria")
    assert rubric_problems(criteria(1, 0)) == []


def test_weights_summing_to_zero_leave_every_account_unscored() -> None:
    weights = {FIT: 0.0, REVENUE: 0.0}
    scores = [Score(ACME, FIT, 5), Score(BOREALIS, REVENUE, 0)]
    assert rescore(weights, scores, [ACME, BOREALIS]) == {ACME: None, BOREALIS: None}


def test_negative_weights_count_as_nothing() -> None:
    assert weight_shares(criteria(-2, 2)) == {FIT: 0.0, REVENUE: 1.0}
    assert account_fit({FIT: -2.0, REVENUE: 2.0}, {FIT: 0, REVENUE: 5}) == 100.0


def test_missing_scores_are_left_out_of_both_sums() -> None:
    weights = {FIT: 3.0, REVENUE: 1.0, MARGIN: 1.0}
    # Scored on FIT only: judged on FIT alone (4 of 5), not dragged down by gaps.
    assert account_fit(weights, {FIT: 4}) == 80.0
    # Nothing scored: not assessed, which is not 0.
    assert account_fit(weights, {}) is None
    # Scored 0 everywhere: assessed as poor.
    assert account_fit(weights, {FIT: 0, REVENUE: 0, MARGIN: 0}) == 0.0


def test_scores_on_criteria_no_longer_in_the_rubric_are_ignored() -> None:
    assert account_fit({FIT: 1.0}, {FIT: 5, uuid.UUID(int=99): 0}) == 100.0


def test_a_changed_rubric_rescores_every_account() -> None:
    scores = [
        Score(ACME, FIT, 5),
        Score(ACME, REVENUE, 1),
        Score(BOREALIS, FIT, 1),
        Score(BOREALIS, REVENUE, 5),
    ]
    accounts = [ACME, BOREALIS, COBALT]
    before = rescore({FIT: 3.0, REVENUE: 1.0}, scores, accounts)
    assert before == {ACME: 80.0, BOREALIS: 40.0, COBALT: None}
    after = rescore({FIT: 1.0, REVENUE: 3.0}, scores, accounts)
    assert after == {ACME: 40.0, BOREALIS: 80.0, COBALT: None}
    assert changed_scores(before, after) == {ACME: 40.0, BOREALIS: 80.0}
    assert changed_scores(after, after) == {}


def test_the_same_weights_scaled_give_the_same_scores() -> None:
    scores = [Score(ACME, FIT, 4), Score(ACME, REVENUE, 2)]
    small = rescore({FIT: 1.0, REVENUE: 2.0}, scores, [ACME])
    large = rescore({FIT: 10.0, REVENUE: 20.0}, scores, [ACME])
    assert small == large


@pytest.mark.parametrize("score", [0, 3, 5])
def test_scores_from_0_to_5_are_accepted(score: int) -> None:
    assert check_score(score) == score


@pytest.mark.parametrize("score", [-1, 6, 2.5, True])
def test_other_scores_are_refused(score: object) -> None:
    with pytest.raises(ValueError, match="0 to 5"):
        check_score(score)  # type: ignore[arg-type]
