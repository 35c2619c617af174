"""The shared metrics on hand-made figures: money with margin, sourcing, coverage, touches."""

from __future__ import annotations

import uuid

import pytest

from abm_planner.agreements.metrics import (
    AccountFigures,
    Money,
    by_stage,
    by_tier,
    coverage_shares,
    portfolio_metrics,
    side_by_side,
)

STRATEGIC, SCALE = uuid.UUID(int=101), uuid.UUID(int=102)
MQA, OPPORTUNITY = uuid.UUID(int=201), uuid.UUID(int=202)


def figures() -> list[AccountFigures]:
    return [
        AccountFigures(
            uuid.UUID(int=1),
            STRATEGIC,
            OPPORTUNITY,
            pipeline_value=1_000_000,
            won_revenue=200_000,
            margin_pct=40,
            source="marketing_sourced",
            stakeholders=10,
            coverage={3: 2, 2: 3, 1: 4, None: 1},
            sales_owned=6,
            marketing_owned=4,
            engaged=7,
            sales_touches=10,
            marketing_touches=5,
        ),
        AccountFigures(
            uuid.UUID(int=2),
            SCALE,
            OPPORTUNITY,
            pipeline_value=500_000,
            margin_pct=None,
            source="sales_sourced",
            stakeholders=5,
            coverage={0: 5},
            sales_owned=2,
            engaged=1,
            sales_touches=3,
            marketing_touches=1,  # a marketing touch: influenced although sales sourced
        ),
        AccountFigures(
            uuid.UUID(int=3),
            SCALE,
            MQA,
            pipeline_value=300_000,
            margin_pct=20,
            source="sales_sourced",
            stakeholders=5,
            coverage={2: 5},
            marketing_owned=5,
            sales_touches=2,
        ),
        AccountFigures(uuid.UUID(int=4), None, None),
    ]


def test_pipeline_and_revenue_with_gross_margin() -> None:
    metrics = portfolio_metrics(figures())
    assert metrics.accounts == 4
    assert metrics.pipeline == Money(1_800_000, 400_000 + 60_000, 1_300_000)
    assert metrics.pipeline.without_margin == 500_000
    assert metrics.pipeline.margin_pct == pytest.approx(100 * 460_000 / 1_300_000)
    assert metrics.won == Money(200_000, 80_000, 200_000)


def test_no_margin_anywhere_gives_no_percentage() -> None:
    assert Money().add(100, None).margin_pct is None


def test_sourced_and_influenced_pipeline() -> None:
    metrics = portfolio_metrics(figures())
    assert metrics.marketing_sourced == 1_000_000
    assert metrics.sales_sourced == 800_000
    # Sourced by marketing, or touched by marketing in the window: accounts 1 and 2.
    assert metrics.marketing_influenced == 1_500_000


def test_engagement_coverage_and_touches() -> None:
    metrics = portfolio_metrics(figures())
    assert (metrics.stakeholders, metrics.engaged, metrics.covered) == (20, 8, 10)
    assert metrics.dmu_coverage == 0.5
    assert metrics.touches == 21
    assert metrics.touches_per_account == 21 / 4


def test_an_empty_portfolio_has_no_ratios() -> None:
    metrics = portfolio_metrics([])
    assert metrics.dmu_coverage is None
    assert metrics.touches_per_account is None
    assert metrics.pipeline.total == 0


def test_groups_by_tier_and_stage_keep_the_given_order_then_the_unknown() -> None:
    tiers = by_tier(figures(), [STRATEGIC, SCALE])
    assert [g.key for g in tiers] == [STRATEGIC, SCALE, None]
    assert [g.metrics.pipeline.total for g in tiers] == [1_000_000, 800_000, 0]
    assert tiers[1].coverage == {0: 5, 2: 5}
    assert coverage_shares(tiers[1], [0, 2, 3]) == [0.5, 0.5, 0.0]
    assert coverage_shares(tiers[2], [0, 2]) == [None, None]
    stages = by_stage(figures()[:3], [MQA, OPPORTUNITY])
    assert [(g.key, g.metrics.accounts) for g in stages] == [(MQA, 1), (OPPORTUNITY, 2)]


def test_sales_and_marketing_side_by_side() -> None:
    rows = {
        c.label: (c.sales, c.marketing)
        for c in side_by_side(figures(), {STRATEGIC: "joint", SCALE: "sales"})
    }
    assert rows["Accounts led (by tier rules)"] == (3, 1)
    assert rows["Pipeline sourced"] == (800_000, 1_000_000)
    assert rows["Stakeholders owned"] == (8, 9)
    assert rows["Touches, last 90 days"] == (15, 6)
