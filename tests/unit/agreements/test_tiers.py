"""Tier suggestions from thresholds, the assigned tier against them, and odd thresholds."""

from __future__ import annotations

import uuid

import pytest

from abm_planner.agreements.tiers import (
    TierThreshold,
    score_band,
    suggest,
    threshold_problems,
    verdict,
)

STRATEGIC = TierThreshold(uuid.UUID(int=1), "strategic", "Strategic", 75, 0)
SCALE = TierThreshold(uuid.UUID(int=2), "scale", "Scale", 55, 1)
PROGRAMMATIC = TierThreshold(uuid.UUID(int=3), "programmatic", "Programmatic", 35, 2)
NOT_KEY = TierThreshold(uuid.UUID(int=4), "not_key", "Not key", 0, 3)
DEFAULTS = [STRATEGIC, SCALE, PROGRAMMATIC, NOT_KEY]


@pytest.mark.parametrize(
    ("score", "tier"),
    [
        (100, STRATEGIC),
        (75, STRATEGIC),
        (74.9, SCALE),
        (55, SCALE),
        (35, PROGRAMMATIC),
        (0, NOT_KEY),
    ],
)
def test_the_highest_threshold_reached_is_suggested(score: float, tier: TierThreshold) -> None:
    assert suggest(score, DEFAULTS) == tier


def test_no_score_or_no_reachable_tier_suggests_nothing() -> None:
    assert suggest(None, DEFAULTS) is None
    assert suggest(20, [STRATEGIC, SCALE]) is None


def test_the_verdict_says_which_way_the_score_points() -> None:
    assert verdict(80, STRATEGIC.tier_id, DEFAULTS).direction == "agrees"
    lower = verdict(60, STRATEGIC.tier_id, DEFAULTS)
    assert (lower.direction, lower.suggested, lower.disagrees) == ("lower", SCALE, True)
    higher = verdict(90, PROGRAMMATIC.tier_id, DEFAULTS)
    assert (higher.direction, higher.suggested) == ("higher", STRATEGIC)
    assert verdict(None, SCALE.tier_id, DEFAULTS).direction == "unscored"
    unassigned = verdict(60, None, DEFAULTS)
    assert (unassigned.direction, unassigned.disagrees) == ("unknown", False)


def test_a_tier_suggests_scores_from_its_minimum_to_the_next() -> None:
    assert score_band(SCALE, DEFAULTS) == (55, 75)
    assert score_band(STRATEGIC, DEFAULTS) == (75, None)
    assert score_band(NOT_KEY, DEFAULTS) == (0, 35)


def test_default_thresholds_have_no_problems() -> None:
    assert threshold_problems(DEFAULTS) == []


def test_odd_thresholds_are_explained() -> None:
    inverted = [
        TierThreshold(STRATEGIC.tier_id, "strategic", "Strategic", 50, 0),
        TierThreshold(SCALE.tier_id, "scale", "Scale", 60, 1),
        NOT_KEY,
    ]
    [problem] = threshold_problems(inverted)
    assert "Strategic asks for a lower fit score (50) than Scale (60)" in problem
    same = [STRATEGIC, TierThreshold(SCALE.tier_id, "scale", "Scale", 75, 1), NOT_KEY]
    assert "Scale is then never suggested" in threshold_problems(same)[0]
    assert threshold_problems([STRATEGIC, SCALE]) == [
        "Accounts scoring below 55 get no suggested tier."
    ]
    out_of_range = [TierThreshold(STRATEGIC.tier_id, "strategic", "Strategic", 120, 0), NOT_KEY]
    assert "between 0 and 100" in threshold_problems(out_of_range)[0]
