"""The dashboard's figures on the demo plan, against values computed here independently:
from the demo's JSON source in plain Python, and with plain SQL on the plan file."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from abm_planner import assets
from abm_planner.services.dashboard import metrics_summary, portfolio_dashboard
from abm_planner.services.plans import Plan, open_plan

WINDOW = 90
TIER_LABELS = {
    "strategic": "Strategic (1:1)",
    "scale": "Scale (1:few)",
    "programmatic": "Programmatic (1:many)",
    "not_key": "Not key",
}


@pytest.fixture(scope="module")
def source() -> dict[str, Any]:
    return assets.read_json("demo", "portfolio.json")


@pytest.fixture
def plan(demo_plan_path: Path) -> Any:
    opened = open_plan(demo_plan_path, read_only=True)
    try:
        yield opened
    finally:
        opened.close()


def money(accounts: list[dict[str, Any]], key: str) -> tuple[float, float]:
    """Total and gross margin of one commercial figure over the accounts."""
    total = margin = 0.0
    for account in accounts:
        value = account["pipeline"][key] or 0
        total += value
        if account["pipeline"]["margin_pct"] is not None:
            margin += value * account["pipeline"]["margin_pct"] / 100
    return total, margin


def recent(account: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for t in account["touches"] if t["days_ago"] <= WINDOW]


def test_pipeline_revenue_and_margin(plan: Plan, source: dict[str, Any]) -> None:
    metrics = portfolio_dashboard(plan).metrics
    accounts = source["accounts"]
    assert metrics.accounts == len(accounts) == 12
    pipeline, pipeline_margin = money(accounts, "value")
    assert metrics.pipeline.total == pytest.approx(pipeline)
    assert metrics.pipeline.margin == pytest.approx(pipeline_margin)
    won, won_margin = money(accounts, "won_revenue")
    assert metrics.won.total == pytest.approx(won)
    assert metrics.won.margin == pytest.approx(won_margin)
    # The customers' own turnover is never pipeline.
    assert metrics.pipeline.total < sum(a["annual_revenue"] for a in accounts) / 100


def test_sourced_and_influenced_pipeline(plan: Plan, source: dict[str, Any]) -> None:
    metrics = portfolio_dashboard(plan).metrics
    by_source: Counter[str] = Counter()
    influenced = 0.0
    for account in source["accounts"]:
        value = account["pipeline"]["value"] or 0
        by_source[account["pipeline"]["source"]] += value
        marketing_touch = any(t["function"] == "marketing" for t in recent(account))
        if account["pipeline"]["source"].startswith("marketing_") or marketing_touch:
            influenced += value
    assert metrics.marketing_sourced == pytest.approx(by_source["marketing_sourced"])
    assert metrics.sales_sourced == pytest.approx(by_source["sales_sourced"])
    assert metrics.marketing_influenced == pytest.approx(influenced)
    assert metrics.marketing_sourced <= metrics.marketing_influenced <= metrics.pipeline.total


def test_engagement_coverage_and_touches(plan: Plan, source: dict[str, Any]) -> None:
    metrics = portfolio_dashboard(plan).metrics
    people = sum(len(a["stakeholders"]) for a in source["accounts"])
    engaged = sum(len({t["stakeholder"] for t in recent(a)}) for a in source["accounts"])
    covered = sum(
        1
        for a in source["accounts"]
        for s in a["stakeholders"]
        if s["coverage"] in ("multiple", "in_depth")
    )
    touches = Counter(t["function"] for a in source["accounts"] for t in recent(a))
    assert (metrics.stakeholders, metrics.engaged, metrics.covered) == (people, engaged, covered)
    assert metrics.dmu_coverage == pytest.approx(covered / people)
    assert (metrics.sales_touches, metrics.marketing_touches) == (
        touches["sales"],
        touches["marketing"],
    )
    assert metrics.touches_per_account == pytest.approx(sum(touches.values()) / 12)


def test_engaged_stakeholders_in_plain_sql(plan: Plan, demo_plan_path: Path) -> None:
    since = (date.today() - timedelta(days=WINDOW)).isoformat()
    with closing(sqlite3.connect(f"{demo_plan_path.as_uri()}?mode=ro", uri=True)) as db:
        (engaged,) = db.execute(
            "SELECT count(*) FROM (SELECT DISTINCT account_id, stakeholder_id FROM touches "
            "WHERE occurred_on BETWEEN ? AND ? AND stakeholder_id IS NOT NULL)",
            (since, date.today().isoformat()),
        ).fetchone()
        (pipeline,) = db.execute("SELECT coalesce(sum(pipeline_value), 0) FROM accounts").fetchone()
    metrics = portfolio_dashboard(plan).metrics
    assert metrics.engaged == engaged
    assert metrics.pipeline.total == pytest.approx(pipeline)


def test_pipeline_by_tier_and_the_stage_funnel(plan: Plan, source: dict[str, Any]) -> None:
    board = portfolio_dashboard(plan)
    per_tier: defaultdict[str, float] = defaultdict(float)
    per_stage: Counter[str] = Counter()
    for account in source["accounts"]:
        per_tier[TIER_LABELS[account["tier"]]] += account["pipeline"]["value"] or 0
        per_stage[account["stage"]] += 1
    assert {t.label: t.group.metrics.pipeline.total for t in board.tiers} == pytest.approx(
        dict(per_tier)
    )
    assert [s.group.metrics.accounts for s in board.stages] == [
        per_stage[key]
        for key in ("qualified", "aware", "engaged", "mqa", "opportunity", "customer")
    ]


def test_the_coverage_heat_map(plan: Plan, source: dict[str, Any]) -> None:
    board = portfolio_dashboard(plan)
    levels = ["unknown", "none", "brief", "multiple", "in_depth"]
    assert [label for _value, label in board.coverage_levels][:5] == [
        "Unknown",
        "None",
        "Brief",
        "Multiple",
        "In depth",
    ]
    for tier_label, shares in board.heat:
        key = next(k for k, label in TIER_LABELS.items() if label == tier_label)
        people = [s for a in source["accounts"] if a["tier"] == key for s in a["stakeholders"]]
        counts = Counter(s["coverage"] for s in people)
        assert shares[:5] == pytest.approx([counts[level] / len(people) for level in levels])
        assert shares[5] == 0  # every demo stakeholder has a coverage


def test_the_summary_metrics_as_json_values(plan: Plan, source: dict[str, Any]) -> None:
    summary = metrics_summary(plan)
    pipeline, margin = money(source["accounts"], "value")
    assert summary["pipeline"] == pytest.approx(pipeline)
    assert summary["pipeline_gross_margin"] == pytest.approx(margin)
    assert summary["as_of"] == date.today().isoformat()
    assert set(summary) >= {"marketing_sourced_pipeline", "dmu_coverage", "touches_per_account"}


def test_fit_scores_and_tiers_match_the_rubric_computed_from_the_source(
    plan: Plan, source: dict[str, Any]
) -> None:
    from abm_planner.services.accounts import list_accounts

    weights = {c["name"]: c["weight"] for c in source["criteria"]}
    expected = {
        a["name"]: round(
            100
            * sum(weights[n] * s for n, (s, _why) in a["scores"].items())
            / (5 * sum(weights.values())),
            1,
        )
        for a in source["accounts"]
    }
    rows = {row.name: row for row in list_accounts(plan)}
    assert {name: row.fit_score for name, row in rows.items()} == expected
    assert all(row.suggested_tier == row.tier for row in rows.values())
