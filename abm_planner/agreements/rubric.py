"""The key-account rubric: weighted criteria, each account scored 0-5 on each.

Rules (the arithmetic itself is ``domain.scoring.fit_score``, the one place it lives):

- A criterion's *share* is its weight over the sum of weights; a weight of 0 keeps the
  criterion in the rubric but out of the score. Negative weights are refused by the
  services and count as 0 here.
- An account's fit score is the weighted mean of the scores it has, normalised to
  0-100; criteria it was not scored on are left out of both sums (judged on what was
  assessed), and no usable score at all gives ``None`` ("not assessed", not 0).
- When every weight is 0 no account can have a fit score: every score is ``None``.
- After any change to the rubric every account is scored again (``rescore``); only
  accounts whose score moved need writing back (``changed_scores``).
"""

from __future__ import annotations

import uuid
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from abm_planner.domain.scoring import MAX_SCORE, fit_score

MIN_SCORE = 0
K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class RubricCriterion:
    """One criterion as the rubric needs it."""

    id: uuid.UUID
    name: str
    weight: float


@dataclass(frozen=True, slots=True)
class Score:
    """One account's score on one criterion.

    Ids are opaque keys: UUIDs, or the ids as stored when a service rescoring thousands
    of accounts skips building a UUID object per row.
    """

    account_id: Hashable
    criterion_id: Hashable
    score: int


def usable_weight(weight: float) -> float:
    """The weight that counts: negative or zero weights count as nothing."""
    return weight if weight > 0 else 0.0


def weight_shares(criteria: Sequence[RubricCriterion]) -> dict[uuid.UUID, float]:
    """Each criterion's share of the fit score (0-1); all 0 when no weight counts."""
    total = sum(usable_weight(c.weight) for c in criteria)
    if total == 0:
        return {c.id: 0.0 for c in criteria}
    return {c.id: usable_weight(c.weight) / total for c in criteria}


def rubric_problems(criteria: Sequence[RubricCriterion]) -> list[str]:
    """What makes the rubric unable to score accounts, in sentences for people."""
    if not criteria:
        return ["The rubric has no criteria: add one so accounts can be scored."]
    if all(usable_weight(c.weight) == 0 for c in criteria):
        return [
            "Every criterion has a weight of 0, so no account gets a fit score; "
            "give at least one criterion a weight above 0."
        ]
    return []


def check_score(score: int) -> int:
    """A score as stored: a whole number from 0 to 5 (ValueError otherwise)."""
    if isinstance(score, bool) or int(score) != score or not MIN_SCORE <= score <= MAX_SCORE:
        raise ValueError(f"A criterion score is a whole number from 0 to {MAX_SCORE}.")
    return int(score)


def account_fit(weights: Mapping[K, float], scores: Mapping[K, int]) -> float | None:
    """The fit score of one account from its scores by criterion id.

    Scores on criteria that are not in ``weights`` (no longer in the rubric) are ignored.
    """
    return fit_score(
        (weights[criterion_id], score)
        for criterion_id, score in scores.items()
        if criterion_id in weights
    )


def rescore(
    weights: Mapping[Hashable, float],
    scores: Iterable[Score],
    account_ids: Iterable[K],
) -> dict[K, float | None]:
    """The fit score of every account in ``account_ids`` (``None`` where unscored)."""
    by_account: dict[Hashable, dict[Hashable, int]] = {}
    for item in scores:
        by_account.setdefault(item.account_id, {})[item.criterion_id] = item.score
    return {
        account_id: account_fit(weights, by_account.get(account_id, {}))
        for account_id in account_ids
    }


def changed_scores(
    stored: Mapping[K, float | None], computed: Mapping[K, float | None]
) -> dict[K, float | None]:
    """The computed scores that differ from the stored ones (what must be written)."""
    return {
        account_id: score
        for account_id, score in computed.items()
        if stored.get(account_id) != score
    }
