"""The Portfolio dashboard's figures: the shared metrics, by tier, by stage, by coverage.

Counting happens in SQL, grouped per account (a handful of aggregate queries, each
one pass over its table), and the definitions live in ``agreements.metrics``: this
module only turns the plan into ``AccountFigures``. On the 5,000-account scale plan
(100,000 stakeholders and touches) the whole dashboard reads in a fraction of a second.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from abm_planner.agreements.metrics import (
    ENGAGED_DAYS,
    AccountFigures,
    Comparison,
    Group,
    PortfolioMetrics,
    by_stage,
    by_tier,
    coverage_shares,
    portfolio_metrics,
    side_by_side,
)
from abm_planner.domain import vocabularies as vocab
from abm_planner.services.engagement_rules import handoff_in, tier_rules_in
from abm_planner.services.plans import Plan
from abm_planner.services.stored_ids import StoredIds, stored
from abm_planner.services.vocabulary_lookup import terms
from abm_planner.store.models import Account, Stakeholder, Touch, VocabularyTerm


@dataclass(frozen=True, slots=True)
class Labelled:
    """A tier or stage group with the label to show (``id`` None: not recorded)."""

    id: uuid.UUID | None
    label: str
    group: Group


@dataclass(frozen=True, slots=True)
class Dashboard:
    today: date
    metrics: PortfolioMetrics
    tiers: list[Labelled]
    stages: list[Labelled]
    coverage_levels: list[tuple[int | None, str]]
    heat: list[tuple[str, list[float | None]]]
    """Per tier: the share of its stakeholders at each coverage level."""
    comparisons: list[Comparison]
    handoff_from: uuid.UUID | None
    handoff_to: uuid.UUID | None


def account_figures(session: Session, today: date) -> list[AccountFigures]:
    """Per account: commercial figures, stakeholders by coverage, engagement, touches.

    Three aggregate queries, one pass each over stakeholders, recent touches and
    accounts, each one row per account; ids stay as stored until the end.
    """
    since = today - timedelta(days=ENGAGED_DAYS)
    levels = [
        (term.id, term.value)
        for term in session.scalars(
            select(VocabularyTerm).where(VocabularyTerm.kind == vocab.COVERAGE)
        )
    ]
    # One row per account, a count per coverage level (an index scan, no temp sort).
    coverage = select(
        stored(Stakeholder.account_id),
        func.count(),
        func.count(Stakeholder.sales_owner_id),
        func.count(Stakeholder.marketing_owner_id),
        *(func.count(case((Stakeholder.coverage_id == term_id, 1))) for term_id, _value in levels),
    ).group_by(Stakeholder.account_id)
    people: dict[str, tuple[dict[int | None, int], int, int]] = {}
    for account_id, total, sales, marketing, *counts in session.execute(coverage):
        by_level: dict[int | None, int] = {}
        for (_term_id, value), n in zip(levels, counts, strict=True):
            if n:
                by_level[value] = by_level.get(value, 0) + n
        if total - sum(counts):
            by_level[None] = total - sum(counts)
        people[account_id] = (by_level, sales, marketing)
    touches = {
        account_id: (engaged, sales, marketing)
        for account_id, engaged, sales, marketing in session.execute(
            select(
                stored(Touch.account_id),
                func.count(func.distinct(Touch.stakeholder_id)),
                func.count(case((Touch.function == "sales", 1))),
                func.count(case((Touch.function == "marketing", 1))),
            )
            .where(Touch.occurred_on.between(since, today))
            .group_by(Touch.account_id)
        )
    }
    accounts = session.execute(
        select(
            stored(Account.id),
            stored(Account.tier_id),
            stored(Account.stage_id),
            Account.pipeline_value,
            Account.won_revenue,
            Account.expected_margin_pct,
            Account.pipeline_source,
        )
    )
    ids = StoredIds()
    figures = []
    nobody: tuple[dict[int | None, int], int, int] = ({}, 0, 0)
    for account_id, tier_id, stage_id, pipeline, won, margin, source in accounts:
        by_level, sales_owned, marketing_owned = people.get(account_id, nobody)
        engaged, sales_touches, marketing_touches = touches.get(account_id, (0, 0, 0))
        figures.append(
            AccountFigures(
                account_id=ids.required(account_id),
                tier_id=ids(tier_id),
                stage_id=ids(stage_id),
                pipeline_value=pipeline,
                won_revenue=won,
                margin_pct=margin,
                source=source or "",
                stakeholders=sum(by_level.values()),
                coverage=by_level,
                sales_owned=sales_owned,
                marketing_owned=marketing_owned,
                engaged=engaged,
                sales_touches=sales_touches,
                marketing_touches=marketing_touches,
            )
        )
    return figures


def portfolio_dashboard(plan: Plan, today: date | None = None) -> Dashboard:
    """Everything the dashboard draws, read in one session."""
    today = today or date.today()
    with plan.read() as session:
        figures = account_figures(session, today)
        tiers = terms(session, vocab.TIER)
        stages = terms(session, vocab.STAGE)
        levels = [(t.value, t.label) for t in terms(session, vocab.COVERAGE)]
        lead = {row.tier_id: row.lead_function for row in tier_rules_in(session) if row.agreed}
        handoff_from, handoff_to = handoff_in(session)
    tier_labels = {t.id: t.label for t in tiers}
    stage_labels = {t.id: t.label for t in stages}
    tier_groups = [
        Labelled(g.key, tier_labels.get(g.key, "No tier") if g.key else "No tier", g)
        for g in by_tier(figures, [t.id for t in tiers])
    ]
    stage_groups = [
        Labelled(g.key, stage_labels.get(g.key, "No stage") if g.key else "No stage", g)
        for g in by_stage(figures, [t.id for t in stages])
    ]
    coverage_levels = [*levels, (None, "Not recorded")]
    values = [value for value, _label in coverage_levels]
    heat = [(item.label, coverage_shares(item.group, values)) for item in tier_groups]
    return Dashboard(
        today=today,
        metrics=portfolio_metrics(figures),
        tiers=tier_groups,
        stages=stage_groups,
        coverage_levels=coverage_levels,
        heat=heat,
        comparisons=side_by_side(figures, lead),
        handoff_from=handoff_from,
        handoff_to=handoff_to,
    )


def metrics_summary(plan: Plan, today: date | None = None) -> dict[str, Any]:
    """The shared metrics as plain JSON values (for ``summary --json``)."""
    today = today or date.today()
    with plan.read() as session:
        metrics = portfolio_metrics(account_figures(session, today))
    return {
        "as_of": today.isoformat(),
        "pipeline": round(metrics.pipeline.total, 2),
        "pipeline_gross_margin": round(metrics.pipeline.margin, 2),
        "pipeline_without_margin": round(metrics.pipeline.without_margin, 2),
        "revenue_won": round(metrics.won.total, 2),
        "revenue_won_gross_margin": round(metrics.won.margin, 2),
        "marketing_sourced_pipeline": round(metrics.marketing_sourced, 2),
        "marketing_influenced_pipeline": round(metrics.marketing_influenced, 2),
        "sales_sourced_pipeline": round(metrics.sales_sourced, 2),
        "stakeholders": metrics.stakeholders,
        "engaged_stakeholders": metrics.engaged,
        "dmu_coverage": None if metrics.dmu_coverage is None else round(metrics.dmu_coverage, 4),
        "touches_last_90_days": metrics.touches,
        "touches_per_account": (
            None if metrics.touches_per_account is None else round(metrics.touches_per_account, 2)
        ),
    }
