"""The one suite of metrics sales and marketing share, computed from per-account figures.

Definitions (the dashboard's "What these mean" text repeats them):

- **Pipeline**: the sum of the accounts' *pipeline value* — what the open
  opportunities with the account are worth to us, as the account team records it. The
  customer's *annual revenue* is its own turnover and is never pipeline.
- **Revenue won**: the sum of *revenue won* — business we won from the account in
  the plan period.
- **Gross margin** (profitable growth): value × *expected margin %* / 100, summed over
  accounts that have a margin; pipeline or revenue without a margin is left out of
  the margin and its percentage, and reported as "no margin estimate".
- **Marketing-sourced pipeline**: pipeline of accounts whose source is
  ``marketing_sourced``. **Sales-sourced**: source ``sales_sourced``.
- **Marketing-influenced pipeline**: pipeline of accounts marketing sourced or
  influenced (source ``marketing_sourced`` or ``marketing_influenced``) *or* where
  marketing logged a touch in the last 90 days. It includes marketing-sourced.
- **Engaged stakeholders**: stakeholders with at least one touch, by either side,
  in the last 90 days (today and the 90 days before; future dates do not count) —
  the same window the DMU analysis uses for a stale key player.
- **DMU coverage**: the share of stakeholders whose coverage is Multiple or better
  (coverage value 2 or more); stakeholders without a coverage count as not covered.
- **Touches per account**: touches logged in the last 90 days divided by the number of
  accounts in the view.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

ENGAGED_DAYS = 90
COVERAGE_MULTIPLE = 2
MARKETING_SOURCED = "marketing_sourced"
MARKETING_INFLUENCED = "marketing_influenced"
SALES_SOURCED = "sales_sourced"
PIPELINE_SOURCES: tuple[str, ...] = (MARKETING_SOURCED, MARKETING_INFLUENCED, SALES_SOURCED)
SOURCE_LABELS: dict[str, str] = {
    MARKETING_SOURCED: "Marketing-sourced",
    MARKETING_INFLUENCED: "Marketing-influenced",
    SALES_SOURCED: "Sales-sourced",
    "": "Not recorded",
}


@dataclass(frozen=True, slots=True)
class AccountFigures:
    """What the metrics need of one account, counted by the service."""

    account_id: uuid.UUID
    tier_id: uuid.UUID | None = None
    stage_id: uuid.UUID | None = None
    pipeline_value: float | None = None
    won_revenue: float | None = None
    margin_pct: float | None = None
    source: str = ""
    stakeholders: int = 0
    coverage: Mapping[int | None, int] = field(default_factory=dict)
    """Stakeholders by coverage value (None: not recorded)."""
    sales_owned: int = 0
    marketing_owned: int = 0
    engaged: int = 0
    sales_touches: int = 0
    marketing_touches: int = 0
    covered: int = field(init=False, default=0)
    """Stakeholders at coverage Multiple or better (computed from ``coverage``)."""

    def __post_init__(self) -> None:
        covered = sum(n for level, n in self.coverage.items() if _covered(level))
        object.__setattr__(self, "covered", covered)

    @property
    def touches(self) -> int:
        return self.sales_touches + self.marketing_touches

    @property
    def marketing_influenced(self) -> bool:
        return self.source in (MARKETING_SOURCED, MARKETING_INFLUENCED) or (
            self.marketing_touches > 0
        )


def _covered(level: int | None) -> bool:
    return level is not None and level >= COVERAGE_MULTIPLE


@dataclass(frozen=True, slots=True)
class Money:
    """An amount with the gross margin on the part of it that has a margin estimate."""

    total: float = 0.0
    margin: float = 0.0
    with_margin: float = 0.0

    @property
    def without_margin(self) -> float:
        return self.total - self.with_margin

    @property
    def margin_pct(self) -> float | None:
        return None if self.with_margin == 0 else 100.0 * self.margin / self.with_margin

    def add(self, value: float | None, margin_pct: float | None) -> Money:
        if not value:
            return self
        if margin_pct is None:
            return Money(self.total + value, self.margin, self.with_margin)
        return Money(
            self.total + value, self.margin + value * margin_pct / 100.0, self.with_margin + value
        )


@dataclass(frozen=True, slots=True)
class PortfolioMetrics:
    accounts: int
    pipeline: Money
    won: Money
    pipeline_by_source: dict[str, float]
    marketing_influenced: float
    stakeholders: int
    engaged: int
    covered: int
    sales_touches: int
    marketing_touches: int

    @property
    def touches(self) -> int:
        return self.sales_touches + self.marketing_touches

    @property
    def dmu_coverage(self) -> float | None:
        return None if not self.stakeholders else self.covered / self.stakeholders

    @property
    def engaged_share(self) -> float | None:
        return None if not self.stakeholders else self.engaged / self.stakeholders

    @property
    def touches_per_account(self) -> float | None:
        return None if not self.accounts else self.touches / self.accounts

    @property
    def marketing_sourced(self) -> float:
        return self.pipeline_by_source.get(MARKETING_SOURCED, 0.0)

    @property
    def sales_sourced(self) -> float:
        return self.pipeline_by_source.get(SALES_SOURCED, 0.0)


def portfolio_metrics(figures: Iterable[AccountFigures]) -> PortfolioMetrics:
    """The shared metrics over ``figures`` (a whole portfolio or any part of it)."""
    accounts = stakeholders = engaged = covered = sales_touches = marketing_touches = 0
    pipeline, won, influenced = Money(), Money(), 0.0
    by_source: dict[str, float] = dict.fromkeys((*PIPELINE_SOURCES, ""), 0.0)
    for item in figures:
        accounts += 1
        pipeline = pipeline.add(item.pipeline_value, item.margin_pct)
        won = won.add(item.won_revenue, item.margin_pct)
        value = item.pipeline_value or 0.0
        source = item.source if item.source in by_source else ""
        by_source[source] += value
        if item.marketing_influenced:
            influenced += value
        stakeholders += item.stakeholders
        engaged += item.engaged
        covered += item.covered
        sales_touches += item.sales_touches
        marketing_touches += item.marketing_touches
    return PortfolioMetrics(
        accounts,
        pipeline,
        won,
        by_source,
        influenced,
        stakeholders,
        engaged,
        covered,
        sales_touches,
        marketing_touches,
    )


@dataclass(frozen=True, slots=True)
class Group:
    """Accounts sharing a tier or a stage (``key`` None: not recorded), with their metrics."""

    key: uuid.UUID | None
    metrics: PortfolioMetrics
    coverage: dict[int | None, int]


def _grouped(
    figures: Sequence[AccountFigures], keys: Sequence[uuid.UUID], attribute: str
) -> list[Group]:
    buckets: dict[uuid.UUID | None, list[AccountFigures]] = {key: [] for key in keys}
    for item in figures:
        key = getattr(item, attribute)
        buckets.setdefault(key if key in buckets else None, []).append(item)
    groups = []
    for key, members in buckets.items():
        if key is None and not members:
            continue
        coverage: dict[int | None, int] = {}
        for item in members:
            for level, n in item.coverage.items():
                coverage[level] = coverage.get(level, 0) + n
        groups.append(Group(key, portfolio_metrics(members), coverage))
    return groups


def by_tier(figures: Sequence[AccountFigures], tier_ids: Sequence[uuid.UUID]) -> list[Group]:
    """One group per tier in the given order, then accounts without a (known) tier."""
    return _grouped(figures, tier_ids, "tier_id")


def by_stage(figures: Sequence[AccountFigures], stage_ids: Sequence[uuid.UUID]) -> list[Group]:
    """One group per journey stage in order (the funnel), then accounts without a stage."""
    return _grouped(figures, stage_ids, "stage_id")


def coverage_shares(group: Group, levels: Sequence[int | None]) -> list[float | None]:
    """The share of the group's stakeholders at each coverage level (None: nobody there)."""
    total = sum(group.coverage.values())
    if not total:
        return [None for _ in levels]
    return [group.coverage.get(level, 0) / total for level in levels]


@dataclass(frozen=True, slots=True)
class Comparison:
    """One metric for sales and for marketing, side by side."""

    label: str
    sales: float
    marketing: float
    money: bool = False


def side_by_side(
    figures: Sequence[AccountFigures], lead_by_tier: Mapping[uuid.UUID, str]
) -> list[Comparison]:
    """What each side contributes: accounts it leads (a joint tier counts for both),
    sourced pipeline, stakeholders it owns and touches in the last 90 days."""
    led = {"sales": 0, "marketing": 0}
    for item in figures:
        lead = lead_by_tier.get(item.tier_id) if item.tier_id else None
        for side in led:
            if lead in (side, "joint"):
                led[side] += 1
    totals = portfolio_metrics(figures)
    return [
        Comparison("Accounts led (by tier rules)", led["sales"], led["marketing"]),
        Comparison("Pipeline sourced", totals.sales_sourced, totals.marketing_sourced, True),
        Comparison(
            "Stakeholders owned",
            sum(f.sales_owned for f in figures),
            sum(f.marketing_owned for f in figures),
        ),
        Comparison(
            f"Touches, last {ENGAGED_DAYS} days", totals.sales_touches, totals.marketing_touches
        ),
    ]
