"""Tier thresholds: which tier a fit score suggests, and whether the assigned tier agrees.

A tier's threshold is the lowest fit score that qualifies for it; the suggestion is
the highest tier whose threshold the score reaches (``domain.scoring.suggested_tier``).
Tiers are ranked by the team's order of the tier vocabulary (Strategic first), which
is also how "higher" and "lower" are meant when the assigned tier disagrees.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from abm_planner.domain.scoring import suggested_tier

MAX_FIT_SCORE = 100.0


@dataclass(frozen=True, slots=True)
class TierThreshold:
    """One tier with its minimum fit score; ``rank`` 0 is the top tier."""

    tier_id: uuid.UUID
    key: str
    label: str
    minimum: float
    rank: int


@dataclass(frozen=True, slots=True)
class TierVerdict:
    """The assigned tier against the one the score suggests."""

    assigned: TierThreshold | None
    suggested: TierThreshold | None
    direction: str  # "agrees", "higher", "lower", "unscored", "unknown"

    @property
    def disagrees(self) -> bool:
        return self.direction in ("higher", "lower")


def suggest(score: float | None, thresholds: Sequence[TierThreshold]) -> TierThreshold | None:
    """The tier ``score`` qualifies for, or None (no score, or below every threshold)."""
    key = suggested_tier(score, [(t.key, t.minimum) for t in _by_rank(thresholds)])
    return next((t for t in thresholds if t.key == key), None)


def verdict(
    score: float | None, assigned_id: uuid.UUID | None, thresholds: Sequence[TierThreshold]
) -> TierVerdict:
    """Does the assigned tier match the score? ``higher``: the score suggests a higher tier."""
    assigned = next((t for t in thresholds if t.tier_id == assigned_id), None)
    suggested = suggest(score, thresholds)
    if suggested is None:
        direction = "unscored" if score is None else "unknown"
    elif assigned is None:
        direction = "unknown"
    elif assigned.tier_id == suggested.tier_id:
        direction = "agrees"
    else:
        direction = "higher" if suggested.rank < assigned.rank else "lower"
    return TierVerdict(assigned, suggested, direction)


def score_band(
    tier: TierThreshold, thresholds: Sequence[TierThreshold]
) -> tuple[float, float | None]:
    """The fit scores that suggest ``tier``: from its minimum up to (not including) the
    next higher minimum, or None when nothing above it is stricter."""
    above = [t.minimum for t in thresholds if t.minimum > tier.minimum]
    return tier.minimum, (min(above) if above else None)


def threshold_problems(thresholds: Sequence[TierThreshold]) -> list[str]:
    """Thresholds that make suggestions odd, in sentences for people."""
    problems = []
    ordered = _by_rank(thresholds)
    for tier in ordered:
        if not 0 <= tier.minimum <= MAX_FIT_SCORE:
            problems.append(f"{tier.label}: the minimum fit score must be between 0 and 100.")
    for upper, lower in itertools.pairwise(ordered):
        if upper.minimum < lower.minimum:
            problems.append(
                f"{upper.label} asks for a lower fit score ({upper.minimum:g}) than "
                f"{lower.label} ({lower.minimum:g}): accounts scoring {lower.minimum:g} "
                f"or more are suggested {lower.label}, not {upper.label}."
            )
        elif upper.minimum == lower.minimum:
            problems.append(
                f"{upper.label} and {lower.label} have the same minimum ({upper.minimum:g}); "
                f"{lower.label} is then never suggested."
            )
    if ordered and min(t.minimum for t in ordered) > 0:
        lowest = min(t.minimum for t in ordered)
        problems.append(f"Accounts scoring below {lowest:g} get no suggested tier.")
    return problems


def _by_rank(thresholds: Sequence[TierThreshold]) -> list[TierThreshold]:
    return sorted(thresholds, key=lambda t: t.rank)
