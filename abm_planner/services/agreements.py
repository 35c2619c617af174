"""One account against the sales–marketing agreement, and our commercial figures for it.

``account_agreement`` gathers what the Agreement tab shows in one read: scores and
fit score, assigned against suggested tier, the tier's rules of engagement in plain
words, the lead checklist, owners on both sides and the handoff. The rubric, tier
rules and lead definition are edited through ``services.rubric`` and
``services.engagement_rules``; this module adds the pipeline, revenue-won, margin
and source figures of an account that the shared metrics are computed from.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from abm_planner.agreements.engagement import TierRules, rules_in_words
from abm_planner.agreements.handoff import (
    Checklist,
    Handoff,
    checklist,
    handoff,
    stage_point,
    stage_points,
)
from abm_planner.agreements.metrics import PIPELINE_SOURCES
from abm_planner.agreements.tiers import TierVerdict, verdict
from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import FieldKind, FieldSpec, coerce
from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.engagement_rules import (
    handoff_in,
    lead_items_in,
    met_items_in,
    tier_rules_in,
)
from abm_planner.services.plans import Plan
from abm_planner.services.rubric import ScoreRow, scores_in
from abm_planner.services.vocabulary_lookup import terms
from abm_planner.store.models import Account, TeamMember

COMMERCIAL_FIELDS = ("pipeline_value", "won_revenue", "expected_margin_pct", "pipeline_source")
_MONEY = {
    "pipeline_value": FieldSpec("pipeline_value", "Pipeline value", FieldKind.MONEY),
    "won_revenue": FieldSpec("won_revenue", "Revenue won", FieldKind.MONEY),
}


@dataclass(frozen=True, slots=True)
class Commercials:
    """Our figures for the account (None: not recorded)."""

    pipeline_value: float | None
    won_revenue: float | None
    expected_margin_pct: float | None
    pipeline_source: str


@dataclass(frozen=True, slots=True)
class AccountAgreement:
    account_id: uuid.UUID
    name: str
    fit_score: float | None
    scores: list[ScoreRow]
    verdict: TierVerdict
    rules: list[str]
    lead_function: str | None
    checklist: Checklist
    stage: str
    handoff_from: str
    handoff_to: str
    handoff: Handoff
    handed_off_on: date | None
    sales_owner: str
    marketing_owner: str
    commercials: Commercials

    @property
    def scored(self) -> int:
        return sum(1 for row in self.scores if row.score is not None)


def _member(session: Session, member_id: uuid.UUID | None) -> str:
    member = session.get(TeamMember, member_id) if member_id else None
    return member.name if member else ""


def account_agreement(plan: Plan, account_id: uuid.UUID) -> AccountAgreement:
    """Everything the Agreement tab shows for one account, read in one session."""
    with plan.read() as session:
        account = session.get(Account, account_id)
        if account is None:
            raise NotFoundError("That account no longer exists.")
        rows = tier_rules_in(session)
        thresholds = [row.threshold for row in rows if row.agreed]
        rule = next((row for row in rows if row.tier_id == account.tier_id), None)
        agreed = rule if rule is not None and rule.agreed else None
        play_types = {t.key: t.label for t in terms(session, vocab.PLAY_TYPE)}
        sentences = rules_in_words(
            TierRules(
                agreed.tier_id,
                agreed.lead_function,
                agreed.service_level,
                agreed.allowed_play_types,
                agreed.rules,
            )
            if agreed
            else None,
            rule.threshold if rule else None,
            thresholds,
            play_types,
        )
        stages = stage_points([(t.id, t.label) for t in terms(session, vocab.STAGE)])
        from_id, to_id = handoff_in(session)
        items = checklist(
            [(item.id, item.text) for item in lead_items_in(session)],
            met_items_in(session, account_id),
        )
        stage = stage_point(stages, account.stage_id)
        start, end = stage_point(stages, from_id), stage_point(stages, to_id)
        return AccountAgreement(
            account_id=account.id,
            name=account.name,
            fit_score=account.fit_score,
            scores=scores_in(session, account_id),
            verdict=verdict(account.fit_score, account.tier_id, thresholds),
            rules=sentences,
            lead_function=agreed.lead_function if agreed else None,
            checklist=items,
            stage=stage.label if stage else "",
            handoff_from=start.label if start else "",
            handoff_to=end.label if end else "",
            handoff=handoff(stage, start, end, items, account.handed_off_on),
            handed_off_on=account.handed_off_on,
            sales_owner=_member(session, account.sales_owner_id),
            marketing_owner=_member(session, account.marketing_owner_id),
            commercials=_commercials(account),
        )


def _commercials(account: Account) -> Commercials:
    return Commercials(
        account.pipeline_value,
        account.won_revenue,
        account.expected_margin_pct,
        account.pipeline_source or "",
    )


def get_commercials(plan: Plan, account_id: uuid.UUID) -> Commercials:
    with plan.read() as session:
        account = session.get(Account, account_id)
        if account is None:
            raise NotFoundError("That account no longer exists.")
        return _commercials(account)


def _clean_commercials(changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(COMMERCIAL_FIELDS)
    if unknown:
        raise KeyError(f"not editable: {', '.join(sorted(unknown))}")
    clean: dict[str, Any] = {}
    for name, spec in _MONEY.items():
        if name in changes:
            clean[name] = coerce(spec, changes[name])
    if "expected_margin_pct" in changes:
        clean["expected_margin_pct"] = check_margin(changes["expected_margin_pct"])
    if "pipeline_source" in changes:
        source = str(changes["pipeline_source"] or "")
        if source and source not in PIPELINE_SOURCES:
            raise UserError(f"Unknown pipeline source '{source}'.")
        clean["pipeline_source"] = source
    return clean


def check_margin(value: Any) -> float | None:
    """A gross margin in percent, from -100 to 100, or None for "not estimated"."""
    if value is None or value == "":
        return None
    try:
        margin = float(str(value).replace("%", "").strip()) if isinstance(value, str) else value
        margin = float(margin)
    except (TypeError, ValueError):
        raise UserError(f"The margin must be a percentage, not '{value}'.") from None
    if not math.isfinite(margin) or not -100 <= margin <= 100:
        raise UserError("The margin must be a percentage from -100 to 100.")
    return round(margin, 2)


def update_commercials(
    plan: Plan, account_id: uuid.UUID, changes: dict[str, Any]
) -> dict[str, Any]:
    """Change pipeline value, revenue won, margin or source; returns the old values."""
    clean = _clean_commercials(changes)
    with plan.write() as unit:
        account = unit.session.get(Account, account_id)
        if account is None:
            raise NotFoundError("That account no longer exists.")
        old = {name: getattr(account, name) for name in clean}
        for name, value in clean.items():
            setattr(account, name, value)
        unit.changed("account", account_id, account_id=account_id)
    return old


def account_ids_by_name(plan: Plan) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of every account by name (for pickers and tests)."""
    with plan.read() as session:
        query = select(Account.id, Account.name).order_by(Account.name)
        return [(row[0], row[1]) for row in session.execute(query)]
