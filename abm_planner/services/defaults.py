"""What a new plan starts with: DOMAIN.md's vocabularies, a rubric and play library.

Teams edit all of it later; the defaults only spare them a blank page.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from abm_planner import assets
from abm_planner.domain import vocabularies as vocab
from abm_planner.services.vocabulary_lookup import term_map
from abm_planner.store.models import (
    Criterion,
    LeadCriterion,
    PlanSettings,
    PlayTemplate,
    TierRule,
    VocabularyTerm,
)

DEFAULT_CRITERIA: tuple[tuple[str, str, float], ...] = (
    ("Strategic fit", "How well the account's direction matches what we do best.", 3),
    ("Revenue potential", "Realistic revenue over three years, ours to win.", 3),
    ("Relationship strength", "Depth and breadth of our relationships today.", 2),
    ("Propensity to buy", "Signs of intent, budget and timing in the next 12 months.", 2),
    ("Margin", "Expected profitability of the business we would win.", 1),
)

DEFAULT_LEAD_DEFINITION: tuple[str, ...] = (
    "Account matches the agreed key-account criteria (fit score at or above its tier).",
    "A named business problem we solve, confirmed by someone in the DMU.",
    "Engagement from at least two stakeholders in the last 90 days.",
    "An economic buyer or decision maker identified and reachable.",
    "A timeframe for a decision within the next 12 months.",
)

# tier key -> (minimum fit score, lead function, service level, play types, rules)
DEFAULT_TIER_RULES: dict[str, tuple[float, str, str, str, str]] = {
    "strategic": (
        75,
        "joint",
        "Sales responds to a marketing-qualified account within 1 working day.",
        "awareness,engagement,acceleration,displacement,expansion,advocacy",
        "A named account team of both sides plans 1:1; every play is agreed jointly.",
    ),
    "scale": (
        55,
        "joint",
        "Sales responds to a marketing-qualified account within 3 working days.",
        "awareness,engagement,acceleration,expansion",
        "Marketing runs 1:few programmes per cluster; sales joins from MQA on.",
    ),
    "programmatic": (
        35,
        "marketing",
        "Marketing nurtures; sales calls back within 5 working days of a hand-raise.",
        "awareness,engagement",
        "Marketing leads 1:many campaigns; sales engages only at the handoff.",
    ),
    "not_key": (
        0,
        "marketing",
        "Inbound enquiries answered within 5 working days.",
        "awareness",
        "No proactive sales effort; respond to inbound interest and re-score twice a year.",
    ),
}


def seed_defaults(session: Session, plan_name: str) -> None:
    """Fill an empty plan with the defaults, in the caller's unit of work."""
    for kind, terms in vocab.DEFAULT_VOCABULARIES.items():
        session.add_all(
            VocabularyTerm(kind=kind, key=t.key, label=t.label, value=t.value, sort_order=i)
            for i, t in enumerate(terms)
        )
    session.flush()
    stages = term_map(session, vocab.STAGE)
    session.add(
        PlanSettings(
            name=plan_name,
            handoff_from_id=stages[vocab.DEFAULT_HANDOFF_FROM].id,
            handoff_to_id=stages[vocab.DEFAULT_HANDOFF_TO].id,
            touch_threshold=vocab.DEFAULT_TOUCH_THRESHOLD,
            max_touches_per_week=vocab.DEFAULT_MAX_TOUCHES_PER_WEEK,
        )
    )
    session.add_all(
        Criterion(name=name, description=text, weight=weight, sort_order=i)
        for i, (name, text, weight) in enumerate(DEFAULT_CRITERIA)
    )
    session.add_all(
        LeadCriterion(text=text, sort_order=i) for i, text in enumerate(DEFAULT_LEAD_DEFINITION)
    )
    tiers = term_map(session, vocab.TIER)
    session.add_all(
        TierRule(
            tier_id=tiers[key].id,
            min_fit_score=score,
            lead_function=lead,
            service_level=service,
            allowed_play_types=types,
            rules=rules,
        )
        for key, (score, lead, service, types, rules) in DEFAULT_TIER_RULES.items()
    )
    add_play_templates(session, assets.read_json("play_library.json"))


def add_play_templates(session: Session, templates: list[dict[str, Any]]) -> list[PlayTemplate]:
    """Add play templates given as the play library's JSON objects."""
    stages = term_map(session, vocab.STAGE)
    roles = term_map(session, vocab.ROLE)
    types = term_map(session, vocab.PLAY_TYPE)
    added = []
    for item in templates:
        play_type = types.get(item.get("play_type", ""))
        template = PlayTemplate(
            name=item["name"],
            play_type_id=play_type.id if play_type else None,
            description=item.get("description", ""),
            trigger=item.get("trigger", ""),
            steps="\n".join(item.get("steps", [])),
            success_criteria=item.get("success_criteria", ""),
            lead_function=item.get("lead_function", "joint"),
            typical_touches=int(item.get("typical_touches", 0)),
            duration_days=int(item.get("duration_days", 30)),
            cost=item.get("cost"),
            stages=[stages[k] for k in item.get("stages", []) if k in stages],
            target_roles=[roles[k] for k in item.get("target_roles", []) if k in roles],
        )
        session.add(template)
        added.append(template)
    session.flush()
    return added
