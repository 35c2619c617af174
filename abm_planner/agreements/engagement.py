"""Rules of engagement per tier, said in plain words on every account.

A tier's rules are who leads (marketing, sales or both), which kinds of plays are
allowed, the service level both sides promised, and free-text rules. The tier that
is not key (the lowest) carries the rules for the many accounts outside the key
account programme, so every account, key or not, has rules to show.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from abm_planner.agreements.tiers import TierThreshold, score_band
from abm_planner.domain.vocabularies import LEAD_FUNCTIONS

LEAD_SENTENCES: dict[str, str] = {
    "marketing": "Marketing leads; sales joins at the handoff.",
    "sales": "Sales leads; marketing supports the account team.",
    "joint": "Sales and marketing lead together as one account team.",
}


@dataclass(frozen=True, slots=True)
class TierRules:
    """The agreed rules for one tier, as stored (play types as vocabulary keys)."""

    tier_id: uuid.UUID
    lead_function: str
    service_level: str
    allowed_play_types: tuple[str, ...]
    rules: str


def parse_play_types(text: str) -> tuple[str, ...]:
    """Stored comma-separated play type keys as a tuple, without blanks or repeats."""
    seen: dict[str, None] = {}
    for part in text.split(","):
        key = part.strip()
        if key:
            seen.setdefault(key, None)
    return tuple(seen)


def join_play_types(keys: Sequence[str]) -> str:
    """Play type keys as stored: comma-separated, in the given order, no repeats."""
    return ",".join(parse_play_types(",".join(keys)))


def check_lead_function(value: str) -> str:
    """``marketing``, ``sales`` or ``joint`` (ValueError otherwise)."""
    if value not in LEAD_FUNCTIONS:
        raise ValueError(f"Who leads must be one of {', '.join(LEAD_FUNCTIONS)}, not {value!r}.")
    return value


def _listing(labels: Sequence[str]) -> str:
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def band_sentence(tier: TierThreshold, thresholds: Sequence[TierThreshold]) -> str:
    """Which fit scores suggest this tier, e.g. "Fit score 55 to under 75"."""
    low, high = score_band(tier, thresholds)
    if high is None:
        return f"Suggested for a fit score of {low:g} or more."
    if low <= 0:
        return f"Suggested for a fit score under {high:g}."
    return f"Suggested for a fit score from {low:g} to under {high:g}."


def rules_in_words(
    rules: TierRules | None,
    tier: TierThreshold | None,
    thresholds: Sequence[TierThreshold],
    play_type_labels: Mapping[str, str],
) -> list[str]:
    """The tier's rules of engagement as sentences, in the order a person reads them."""
    if tier is None:
        return ["No tier is assigned yet: agree one so its rules of engagement apply."]
    sentences = [band_sentence(tier, thresholds)]
    if rules is None:
        sentences.append(f"No rules of engagement are agreed for {tier.label} yet.")
        return sentences
    sentences.append(LEAD_SENTENCES.get(rules.lead_function, LEAD_SENTENCES["joint"]))
    labels = [play_type_labels.get(key, key) for key in rules.allowed_play_types]
    if labels:
        sentences.append(f"Plays allowed: {_listing(labels)}.")
    else:
        sentences.append("No plays are allowed for this tier.")
    if rules.service_level.strip():
        sentences.append(f"Service level: {_end(rules.service_level.strip())}")
    if rules.rules.strip():
        sentences.append(_end(rules.rules.strip()))
    return sentences


def _end(text: str) -> str:
    return text if text[-1] in ".!?" else text + "."
