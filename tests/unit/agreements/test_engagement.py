"""Rules of engagement in plain words, tier by tier, as every account shows them."""

from __future__ import annotations

import uuid

import pytest

from abm_planner.agreements.engagement import (
    TierRules,
    check_lead_function,
    join_play_types,
    parse_play_types,
    rules_in_words,
)
from abm_planner.agreements.tiers import TierThreshold

STRATEGIC = TierThreshold(uuid.UUID(int=1), "strategic", "Strategic", 75, 0)
SCALE = TierThreshold(uuid.UUID(int=2), "scale", "Scale", 55, 1)
NOT_KEY = TierThreshold(uuid.UUID(int=4), "not_key", "Not key", 0, 3)
TIERS = [STRATEGIC, SCALE, NOT_KEY]
LABELS = {"awareness": "Awareness", "engagement": "Engagement", "expansion": "Expansion"}


def rules(
    tier: TierThreshold, lead: str, types: tuple[str, ...], service: str = "", text: str = ""
) -> TierRules:
    return TierRules(tier.tier_id, lead, service, types, text)


def test_a_key_tier_reads_as_sentences_in_order() -> None:
    words = rules_in_words(
        rules(
            STRATEGIC,
            "joint",
            ("awareness", "engagement", "expansion"),
            "Reply in 1 day",
            "Plan 1:1",
        ),
        STRATEGIC,
        TIERS,
        LABELS,
    )
    assert words == [
        "Suggested for a fit score of 75 or more.",
        "Sales and marketing lead together as one account team.",
        "Plays allowed: Awareness, Engagement and Expansion.",
        "Service level: Reply in 1 day.",
        "Plan 1:1.",
    ]


@pytest.mark.parametrize(
    ("lead", "sentence"),
    [
        ("marketing", "Marketing leads; sales joins at the handoff."),
        ("sales", "Sales leads; marketing supports the account team."),
        ("joint", "Sales and marketing lead together as one account team."),
    ],
)
def test_who_leads_is_said_plainly(lead: str, sentence: str) -> None:
    assert rules_in_words(rules(SCALE, lead, ("awareness",)), SCALE, TIERS, LABELS)[1] == sentence


def test_the_tier_for_accounts_that_are_not_key_has_rules_too() -> None:
    words = rules_in_words(
        rules(NOT_KEY, "marketing", (), "", "Respond to inbound only"), NOT_KEY, TIERS, LABELS
    )
    assert words == [
        "Suggested for a fit score under 55.",
        "Marketing leads; sales joins at the handoff.",
        "No plays are allowed for this tier.",
        "Respond to inbound only.",
    ]


def test_a_band_between_two_thresholds() -> None:
    assert rules_in_words(rules(SCALE, "joint", ()), SCALE, TIERS, LABELS)[0] == (
        "Suggested for a fit score from 55 to under 75."
    )


def test_missing_tier_or_rules_are_said_too() -> None:
    assert rules_in_words(None, None, TIERS, LABELS) == [
        "No tier is assigned yet: agree one so its rules of engagement apply."
    ]
    assert rules_in_words(None, SCALE, TIERS, LABELS)[-1] == (
        "No rules of engagement are agreed for Scale yet."
    )


def test_unknown_play_types_show_their_key() -> None:
    words = rules_in_words(rules(SCALE, "joint", ("advocacy",)), SCALE, TIERS, LABELS)
    assert words[2] == "Plays allowed: advocacy."


def test_play_types_are_stored_comma_separated_without_repeats() -> None:
    assert parse_play_types(" awareness, ,engagement,awareness ") == ("awareness", "engagement")
    assert join_play_types(["expansion", "awareness", "expansion"]) == "expansion,awareness"
    assert parse_play_types("") == ()


def test_only_the_three_lead_functions_are_accepted() -> None:
    assert check_lead_function("sales") == "sales"
    with pytest.raises(ValueError, match="marketing, sales, joint"):
        check_lead_function("partners")
