"""Properties of the fit score that hold for any weights and scores."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from abm_planner.domain.scoring import MAX_SCORE, fit_score, suggested_tier

weights = st.one_of(
    st.integers(min_value=0, max_value=10).map(float),
    st.floats(min_value=0.01, max_value=1000.0, allow_nan=False, allow_infinity=False),
)
scores = st.one_of(st.none(), st.integers(min_value=0, max_value=MAX_SCORE))
criteria = st.lists(st.tuples(weights, scores), max_size=12)


@given(criteria)
def test_the_score_is_within_0_and_100_or_absent(items: list[tuple[float, int | None]]) -> None:
    result = fit_score(items)
    assessed = [w for w, s in items if s is not None and w > 0]
    if not assessed:
        assert result is None
    else:
        assert result is not None
        assert 0.0 <= result <= 100.0


@given(criteria, st.data())
def test_a_better_score_on_one_criterion_never_lowers_the_fit(
    items: list[tuple[float, int | None]], data: st.DataObject
) -> None:
    improvable = [i for i, (_, s) in enumerate(items) if s is not None and s < MAX_SCORE]
    if not improvable:
        return
    index = data.draw(st.sampled_from(improvable))
    weight, score = items[index]
    assert score is not None
    better = data.draw(st.integers(min_value=score + 1, max_value=MAX_SCORE))
    improved = [*items[:index], (weight, better), *items[index + 1 :]]
    before, after = fit_score(items), fit_score(improved)
    if before is None:
        assert after is None  # only a weightless criterion can be improvable here
    else:
        assert after is not None
        assert after >= before


@given(criteria, st.integers(min_value=-20, max_value=20))
def test_doubling_or_halving_all_weights_changes_nothing(
    items: list[tuple[float, int | None]], exponent: int
) -> None:
    """Scaling by a power of two is exact in floating point, so the score is identical."""
    factor = 2.0**exponent
    assert fit_score([(w * factor, s) for w, s in items]) == fit_score(items)


@given(criteria, st.floats(min_value=0.001, max_value=1000.0))
def test_scaling_all_weights_keeps_the_score_up_to_rounding(
    items: list[tuple[float, int | None]], factor: float
) -> None:
    original = fit_score(items)
    scaled = fit_score([(w * factor, s) for w, s in items])
    if original is None:
        assert scaled is None
    else:
        assert scaled is not None
        assert math.isclose(scaled, original, abs_tol=0.1 + 1e-9)


@given(
    st.floats(min_value=0, max_value=100),
    st.lists(
        st.tuples(st.text(min_size=1, max_size=5), st.floats(min_value=0, max_value=100)),
        max_size=6,
    ),
)
def test_the_suggested_tier_has_the_highest_minimum_the_score_reaches(
    score: float, thresholds: list[tuple[str, float]]
) -> None:
    tier = suggested_tier(score, thresholds)
    reached = [minimum for _, minimum in thresholds if minimum <= score]
    if not reached:
        assert tier is None
    else:
        assert tier is not None
        assert any(name == tier and minimum == max(reached) for name, minimum in thresholds)
