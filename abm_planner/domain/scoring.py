"""Fit score and tier suggestion: the arithmetic of the key-account agreement."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

MAX_SCORE = 5


def fit_score(weighted_scores: Iterable[tuple[float, int | None]]) -> float | None:
    """Weighted criterion scores (0-5) normalised to 0-100.

    Criteria without a score are left out of both sums, so an account scored on three
    of five criteria is judged on those three; no scores at all gives ``None``, not 0,
    because "not assessed" is different from "assessed as poor".
    """
    total = 0.0
    weights = 0.0
    for weight, score in weighted_scores:
        if score is None or weight <= 0:
            continue
        if not 0 <= score <= MAX_SCORE:
            raise ValueError(f"A criterion score must be between 0 and {MAX_SCORE}, not {score}.")
        total += weight * score
        weights += weight
    if weights == 0:
        return None
    return round(100.0 * total / (weights * MAX_SCORE), 1)


def suggested_tier(score: float | None, thresholds: Sequence[tuple[str, float]]) -> str | None:
    """The highest tier whose minimum the score reaches; thresholds as (tier key, minimum)."""
    if score is None:
        return None
    for tier, minimum in sorted(thresholds, key=lambda item: item[1], reverse=True):
        if score >= minimum:
            return tier
    return None
