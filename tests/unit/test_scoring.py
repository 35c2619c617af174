"""The fit score and tier suggestion both sides agree on (DOMAIN.md: weighted 0–5 → 0–100)."""

from __future__ import annotations

import pytest

from abm_planner.domain.scoring import MAX_SCORE, fit_score, suggested_tier

# The default rules of engagement: tier key and minimum fit score.
DEFAULT_THRESHOLDS = [
    ("strategic", 75.0),
    ("scale", 55.0),
    ("programmatic", 35.0),
    ("not_key", 0.0),
]


def test_top_marks_on_every_criterion_is_100() -> None:
    assert fit_score([(3, 5), (3, 5), (2, 5), (2, 5), (1, 5)]) == 100.0


def test_zero_on_every_criterion_is_0_not_unassessed() -> None:
    assert fit_score([(3, 0), (1, 0)]) == 0.0


def test_weights_decide_how_much_a_criterion_counts() -> None:
    # 3×5 + 1×0 = 15 of a possible 4×5 = 20
    assert fit_score([(3, 5), (1, 0)]) == 75.0
    assert fit_score([(1, 5), (3, 0)]) == 25.0


def test_the_score_is_rounded_to_one_decimal() -> None:
    assert fit_score([(1, 1), (1, 1), (1, 0)]) == 13.3  # 2 of 15
    assert fit_score([(1, 2), (1, 2), (1, 1)]) == 33.3  # 5 of 15


@pytest.mark.parametrize(
    "scores",
    [[], [(3, None)], [(3, None), (2, None)], [(0, 5)], [(-1, 4)], [(0, 3), (0, None)]],
    ids=["nothing", "one unscored", "all unscored", "zero weight", "negative weight", "mixed"],
)
def test_no_assessed_criterion_means_no_score(scores: list[tuple[float, int | None]]) -> None:
    """'Not assessed' is not 'assessed as poor'."""
    assert fit_score(scores) is None


def test_unscored_and_weightless_criteria_are_left_out() -> None:
    assert fit_score([(2, 4), (5, None), (0, 0), (-3, 0)]) == fit_score([(2, 4)]) == 80.0


@pytest.mark.parametrize("bad", [-1, MAX_SCORE + 1, 50])
def test_a_score_outside_0_to_5_is_refused(bad: int) -> None:
    with pytest.raises(ValueError, match="between 0 and 5"):
        fit_score([(1, 3), (1, bad)])


def test_a_zero_weight_criterion_is_not_checked() -> None:
    """A criterion switched off (weight 0) cannot spoil the score with an old value."""
    assert fit_score([(1, 5), (0, 9)]) == 100.0


def test_the_input_may_be_any_iterable() -> None:
    assert fit_score((w, s) for w, s in [(1, 5), (1, 0)]) == 50.0


@pytest.mark.parametrize(
    ("score", "tier"),
    [
        (100.0, "strategic"),
        (75.0, "strategic"),
        (74.9, "scale"),
        (55.0, "scale"),
        (54.9, "programmatic"),
        (35.0, "programmatic"),
        (34.9, "not_key"),
        (0.0, "not_key"),
    ],
)
def test_the_highest_tier_whose_minimum_is_reached_is_suggested(score: float, tier: str) -> None:
    assert suggested_tier(score, DEFAULT_THRESHOLDS) == tier


def test_threshold_order_does_not_matter() -> None:
    shuffled = [DEFAULT_THRESHOLDS[i] for i in (2, 0, 3, 1)]
    for score in (0.0, 34.9, 35.0, 60.0, 75.0, 99.0):
        assert suggested_tier(score, shuffled) == suggested_tier(score, DEFAULT_THRESHOLDS)


def test_an_unassessed_account_gets_no_suggestion() -> None:
    assert suggested_tier(None, DEFAULT_THRESHOLDS) is None


def test_a_score_below_every_minimum_gets_no_suggestion() -> None:
    assert suggested_tier(20.0, [("strategic", 75.0), ("scale", 50.0)]) is None


def test_no_thresholds_gives_no_suggestion() -> None:
    assert suggested_tier(80.0, []) is None


def test_equal_minimums_suggest_the_first_listed_tier() -> None:
    assert suggested_tier(60.0, [("scale", 50.0), ("programmatic", 50.0)]) == "scale"
