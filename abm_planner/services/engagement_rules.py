"""Rules of engagement as the plan stores them: tier rules, the lead definition, handoff.

The tier thresholds live in ``TierRule.min_fit_score``; changing one changes the
suggested tier of accounts, so the accounts whose suggestion moved are announced as
changed (the portfolio's Suggested tier column follows). The lead definition is an
ordered checklist; each account records which items it meets.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from abm_planner.agreements.engagement import check_lead_function, join_play_types
from abm_planner.agreements.engagement import parse_play_types as parse_types
from abm_planner.agreements.tiers import MAX_FIT_SCORE, TierThreshold, suggest
from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.agreement_rows import CapturedRows, capture, put_back
from abm_planner.services.plans import Plan
from abm_planner.services.vocabulary_lookup import terms
from abm_planner.store.models import (
    Account,
    AccountLeadCheck,
    LeadCriterion,
    PlanSettings,
    TierRule,
    VocabularyTerm,
)

TIER_RULE_FIELDS = (
    "min_fit_score",
    "lead_function",
    "service_level",
    "allowed_play_types",
    "rules",
)


@dataclass(frozen=True, slots=True)
class TierRuleRow:
    """One tier of the vocabulary with its rules (defaults where none were agreed)."""

    tier_id: uuid.UUID
    key: str
    label: str
    rank: int
    min_fit_score: float
    lead_function: str
    service_level: str
    allowed_play_types: tuple[str, ...]
    rules: str
    agreed: bool
    """False for a tier nobody agreed rules for yet (it is never suggested)."""

    @property
    def threshold(self) -> TierThreshold:
        return TierThreshold(self.tier_id, self.key, self.label, self.min_fit_score, self.rank)


# -- tiers ------------------------------------------------------------------------------


def tier_rules_in(session: Session) -> list[TierRuleRow]:
    stored = {rule.tier_id: rule for rule in session.scalars(select(TierRule))}
    rows = []
    for rank, tier in enumerate(terms(session, vocab.TIER)):
        rule = stored.get(tier.id)
        rows.append(
            TierRuleRow(
                tier.id,
                tier.key,
                tier.label,
                rank,
                rule.min_fit_score if rule else 0.0,
                rule.lead_function if rule else "joint",
                rule.service_level if rule else "",
                parse_types(rule.allowed_play_types) if rule else (),
                rule.rules if rule else "",
                rule is not None,
            )
        )
    return rows


def list_tier_rules(plan: Plan) -> list[TierRuleRow]:
    """Every tier in the team's order (top tier first) with its rules of engagement."""
    with plan.read() as session:
        return tier_rules_in(session)


def thresholds_in(session: Session) -> list[TierThreshold]:
    """The tiers that have an agreed rule, as thresholds (tiers without one are never
    suggested)."""
    return [row.threshold for row in tier_rules_in(session) if row.agreed]


SuggestedTier = tuple[uuid.UUID | None, str, int]


def tier_suggester(session: Session) -> Callable[[float | None], SuggestedTier]:
    """A function from fit score to (tier id, label, rank) of the suggested tier."""
    thresholds = thresholds_in(session)
    cache: dict[float | None, SuggestedTier] = {}

    def suggested(score: float | None) -> SuggestedTier:
        if score not in cache:
            tier = suggest(score, thresholds)
            cache[score] = (tier.tier_id, tier.label, tier.rank) if tier else (None, "", 99)
        return cache[score]

    return suggested


def _clean_rule(session: Session, changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(TIER_RULE_FIELDS)
    if unknown:
        raise KeyError(f"not editable: {', '.join(sorted(unknown))}")
    clean: dict[str, Any] = {}
    if "min_fit_score" in changes:
        try:
            minimum = float(changes["min_fit_score"])
        except (TypeError, ValueError):
            raise UserError("The minimum fit score must be a number from 0 to 100.") from None
        if not 0 <= minimum <= MAX_FIT_SCORE:
            raise UserError("The minimum fit score must be a number from 0 to 100.")
        clean["min_fit_score"] = minimum
    if "lead_function" in changes:
        try:
            clean["lead_function"] = check_lead_function(str(changes["lead_function"]))
        except ValueError as error:
            raise UserError(str(error)) from None
    for name in ("service_level", "rules"):
        if name in changes:
            clean[name] = str(changes[name] or "").strip()
    if "allowed_play_types" in changes:
        value = changes["allowed_play_types"]
        keys = parse_types(value) if isinstance(value, str) else tuple(value)
        known = {t.key for t in terms(session, vocab.PLAY_TYPE)}
        unknown_types = [key for key in keys if key not in known]
        if unknown_types:
            raise UserError(f"Unknown play type: {', '.join(unknown_types)}.")
        clean["allowed_play_types"] = join_play_types(keys)
    return clean


def _suggestions(session: Session) -> dict[uuid.UUID, uuid.UUID | None]:
    suggested = tier_suggester(session)
    return {
        account_id: suggested(score)[0]
        for account_id, score in session.execute(select(Account.id, Account.fit_score)).all()
    }


def update_tier_rule(plan: Plan, tier_id: uuid.UUID, changes: dict[str, Any]) -> dict[str, Any]:
    """Change a tier's rules (creating its rule if none was agreed); returns old values.

    Play types are given as keys (a sequence, or the stored comma-separated text).
    """
    with plan.write() as unit:
        session = unit.session
        tier = session.get(VocabularyTerm, tier_id)
        if tier is None or tier.kind != vocab.TIER:
            raise NotFoundError("That tier no longer exists.")
        clean = _clean_rule(session, changes)
        before = _suggestions(session) if "min_fit_score" in clean else {}
        rule = session.scalars(select(TierRule).where(TierRule.tier_id == tier_id)).first()
        if rule is None:
            rule = TierRule(tier_id=tier_id, min_fit_score=0.0, lead_function="joint")
            session.add(rule)
            session.flush()
        old = {name: getattr(rule, name) for name in clean}
        for name, value in clean.items():
            setattr(rule, name, value)
        session.flush()
        unit.changed("tier_rule", tier_id)
        if before:
            after = _suggestions(session)
            moved = [a for a, tier_now in after.items() if before.get(a) != tier_now]
            if moved:
                unit.changed("account", *moved)
    return old


# -- lead definition --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LeadItemRow:
    id: uuid.UUID
    text: str
    sort_order: int


def lead_items_in(session: Session) -> list[LeadItemRow]:
    items = session.scalars(select(LeadCriterion).order_by(LeadCriterion.sort_order))
    return [LeadItemRow(item.id, item.text, item.sort_order) for item in items]


def list_lead_items(plan: Plan) -> list[LeadItemRow]:
    """The agreed lead definition, item by item, in order."""
    with plan.read() as session:
        return lead_items_in(session)


def _clean_text(text: Any) -> str:
    clean = str(text or "").strip()
    if not clean:
        raise UserError("A lead definition item needs some text.")
    return clean


def _get_item(session: Session, item_id: uuid.UUID) -> LeadCriterion:
    item = session.get(LeadCriterion, item_id)
    if item is None:
        raise NotFoundError("That lead definition item no longer exists.")
    return item


def create_lead_item(plan: Plan, text: str, item_id: uuid.UUID | None = None) -> uuid.UUID:
    """Add an item at the end of the lead definition (no account meets it yet)."""
    clean = _clean_text(text)
    with plan.write() as unit:
        last = unit.session.scalar(select(func.max(LeadCriterion.sort_order)))
        item = LeadCriterion(id=item_id or uuid.uuid4(), text=clean, sort_order=(last or 0) + 1)
        unit.session.add(item)
        unit.session.flush()
        unit.changed("lead_criterion", item.id)
        return item.id


def update_lead_item(plan: Plan, item_id: uuid.UUID, text: str) -> str:
    """Reword an item; returns the old text."""
    clean = _clean_text(text)
    with plan.write() as unit:
        item = _get_item(unit.session, item_id)
        old = item.text
        item.text = clean
        unit.changed("lead_criterion", item_id)
    return old


def delete_lead_item(plan: Plan, item_id: uuid.UUID) -> CapturedRows:
    """Remove an item with every account's check of it."""
    with plan.write() as unit:
        _get_item(unit.session, item_id)
        captured = capture(
            unit.session,
            [
                (LeadCriterion.__table__, LeadCriterion.id == item_id),
                (AccountLeadCheck.__table__, AccountLeadCheck.lead_criterion_id == item_id),
            ],
        )
        unit.session.execute(delete(LeadCriterion).where(LeadCriterion.id == item_id))
        unit.changed("lead_criterion", item_id)
    return captured


def restore_lead_item(plan: Plan, captured: CapturedRows) -> None:
    with plan.write() as unit:
        put_back(unit.session, captured)
        unit.changed("lead_criterion", *[row["id"] for row in captured.tables[0][1]])


def set_lead_item_order(plan: Plan, ids: list[uuid.UUID]) -> list[uuid.UUID]:
    """Put the items in the order of ``ids``; returns the old order."""
    with plan.write() as unit:
        items = {
            item.id: item
            for item in unit.session.scalars(
                select(LeadCriterion).order_by(LeadCriterion.sort_order)
            )
        }
        if set(ids) != set(items):
            raise UserError("The lead definition changed meanwhile; reorder it again.")
        old = list(items)
        for position, item_id in enumerate(ids):
            items[item_id].sort_order = position
        unit.changed("lead_criterion", *ids)
    return old


def set_lead_check(plan: Plan, account_id: uuid.UUID, item_id: uuid.UUID, met: bool) -> bool:
    """Record whether the account meets one item; returns the old answer."""
    with plan.write() as unit:
        session = unit.session
        if session.get(Account, account_id) is None:
            raise NotFoundError("That account no longer exists.")
        _get_item(session, item_id)
        check = session.scalars(
            select(AccountLeadCheck).where(
                AccountLeadCheck.account_id == account_id,
                AccountLeadCheck.lead_criterion_id == item_id,
            )
        ).first()
        old = bool(check.met) if check else False
        if check is None:
            session.add(AccountLeadCheck(account_id=account_id, lead_criterion_id=item_id, met=met))
        else:
            check.met = bool(met)
        unit.changed("lead_check", item_id, account_id=account_id)
    return old


def met_items_in(session: Session, account_id: uuid.UUID) -> set[uuid.UUID]:
    return set(
        session.scalars(
            select(AccountLeadCheck.lead_criterion_id).where(
                AccountLeadCheck.account_id == account_id, AccountLeadCheck.met.is_(True)
            )
        )
    )


# -- handoff ----------------------------------------------------------------------------


def handoff_in(session: Session) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    settings = session.scalars(select(PlanSettings)).first()
    return (settings.handoff_from_id, settings.handoff_to_id) if settings else (None, None)


def handoff_stages(plan: Plan) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    """The agreed handoff: from which journey stage to which (ids)."""
    with plan.read() as session:
        return handoff_in(session)


def set_handoff(
    plan: Plan, from_id: uuid.UUID | None, to_id: uuid.UUID | None
) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    """Agree where the handoff sits; ``from`` must come before ``to``. Returns the old pair."""
    with plan.write() as unit:
        session = unit.session
        order = {term.id: n for n, term in enumerate(terms(session, vocab.STAGE))}
        for stage_id in (from_id, to_id):
            if stage_id is not None and stage_id not in order:
                raise UserError("That journey stage is not in the plan's list.")
        if from_id is not None and to_id is not None and order[from_id] >= order[to_id]:
            raise UserError(
                "The handoff goes from an earlier journey stage to a later one "
                "(for example from MQA to Opportunity)."
            )
        settings = session.scalars(select(PlanSettings)).first()
        if settings is None:
            raise NotFoundError("The plan has no settings row; it may be damaged.")
        old = (settings.handoff_from_id, settings.handoff_to_id)
        settings.handoff_from_id, settings.handoff_to_id = from_id, to_id
        unit.changed("handoff")
    return old
