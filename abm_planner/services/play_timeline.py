"""What the timelines show: plays as dated bars, per account or across the portfolio.

One query per view, filtered in SQL (account, owner, tier, lead function, date
window, cancelled or not) and selecting only the columns a bar needs; ids and dates
are read raw and converted once per distinct value, so the portfolio of a big plan
loads tens of thousands of bars in well under a second. Only scheduled plays (with a
start date) are bars; a missing or earlier end is drawn as the start day.

"Function" filters by who leads: marketing shows marketing-led and joint plays,
sales shows sales-led and joint plays, joint shows joint plays only — so "what is
marketing doing with my accounts this month" is owner = me, function = marketing,
window = this month. "Owner" matches a play's sales or marketing owner, or the
account's.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, aliased

from abm_planner.domain import vocabularies as vocab
from abm_planner.services.plans import Plan
from abm_planner.services.raw_columns import ValueCache, raw
from abm_planner.store.models import (
    Account,
    PlanSettings,
    PlayAssignment,
    Stakeholder,
    Touch,
    VocabularyTerm,
)

FUNCTIONS: dict[str, tuple[str, ...]] = {
    "marketing": ("marketing", "joint"),
    "sales": ("sales", "joint"),
    "joint": ("joint",),
}


@dataclass(frozen=True, slots=True)
class TimelineBar:
    """A play as a bar: dates (end never before start), lane, status key, owners."""

    id: uuid.UUID
    account_id: uuid.UUID
    name: str
    lead_function: str
    start_on: date
    end_on: date
    status: str | None
    status_label: str
    sales_owner_id: uuid.UUID | None
    marketing_owner_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class TimelineTouch:
    """A logged touch as a dot on an account's timeline."""

    account_id: uuid.UUID
    occurred_on: date
    function: str
    stakeholder: str
    channel: str


@dataclass(frozen=True, slots=True)
class TimelineAccount:
    """An account's block: its name, tier, stage and the day it was handed to sales."""

    id: uuid.UUID
    name: str
    tier: str
    tier_rank: int
    stage: str
    handed_off_on: date | None


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """What a timeline shows; ``None`` means "any"."""

    account_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = None
    tier_id: uuid.UUID | None = None
    function: str | None = None
    start: date | None = None
    end: date | None = None
    include_cancelled: bool = True


@dataclass(slots=True)
class TimelineData:
    """Accounts in display order (tier, then name) and their bars."""

    accounts: list[TimelineAccount] = field(default_factory=list)
    bars: list[TimelineBar] = field(default_factory=list)
    handoff_from: str = ""
    handoff_to: str = ""
    touches: list[TimelineTouch] = field(default_factory=list)


def _bar_query(criteria: TimelineFilter, cancelled: uuid.UUID | None) -> Any:
    a = PlayAssignment
    status = aliased(VocabularyTerm)
    last_day = case((a.end_on.is_(None) | (a.end_on < a.start_on), a.start_on), else_=a.end_on)
    query = (
        select(
            raw(a.id),
            raw(a.account_id),
            a.name,
            a.lead_function,
            raw(a.start_on),
            raw(last_day),
            status.key,
            func.coalesce(status.label, ""),
            raw(a.sales_owner_id),
            raw(a.marketing_owner_id),
        )
        .outerjoin(status, status.id == a.status_id)
        .where(a.start_on.is_not(None))
    )
    if criteria.account_id is not None:
        query = query.where(a.account_id == criteria.account_id)
    if criteria.owner_id is not None or criteria.tier_id is not None:
        query = query.join(Account, Account.id == a.account_id)
    if criteria.owner_id is not None:
        owner = criteria.owner_id
        query = query.where(
            or_(
                a.sales_owner_id == owner,
                a.marketing_owner_id == owner,
                Account.sales_owner_id == owner,
                Account.marketing_owner_id == owner,
            )
        )
    if criteria.tier_id is not None:
        query = query.where(Account.tier_id == criteria.tier_id)
    if criteria.function:
        query = query.where(a.lead_function.in_(FUNCTIONS.get(criteria.function, ())))
    if criteria.end is not None:
        query = query.where(a.start_on <= criteria.end)
    if criteria.start is not None:
        query = query.where(func.coalesce(a.end_on, a.start_on) >= criteria.start)
    if not criteria.include_cancelled and cancelled is not None:
        query = query.where(or_(a.status_id.is_(None), a.status_id != cancelled))
    return query


def _bars(session: Session, query: Any, convert: ValueCache) -> list[TimelineBar]:
    bars = []
    for row in session.execute(query):
        play, account, name, lead, start, end, key, label, sales, marketing = row
        first, last = convert.day(start), convert.day(end)
        bars.append(
            TimelineBar(
                convert.id(play),
                convert.id(account),
                name,
                lead,
                first,
                max(first, last),
                key,
                label,
                convert.optional_id(sales),
                convert.optional_id(marketing),
            )
        )
    return bars


def _accounts(session: Session, account_ids: Iterable[uuid.UUID]) -> list[TimelineAccount]:
    tier, stage = aliased(VocabularyTerm), aliased(VocabularyTerm)
    wanted = list(account_ids)
    rows: list[Any] = []
    for start in range(0, len(wanted), 500):  # stay below SQLite's bound-parameter limit
        rows += session.execute(
            select(
                Account.id,
                Account.name,
                func.coalesce(tier.label, ""),
                func.coalesce(tier.sort_order, 99),
                func.coalesce(stage.label, ""),
                Account.handed_off_on,
            )
            .outerjoin(tier, tier.id == Account.tier_id)
            .outerjoin(stage, stage.id == Account.stage_id)
            .where(Account.id.in_(wanted[start : start + 500]))
        ).all()
    accounts = [TimelineAccount(*row) for row in rows]
    accounts.sort(key=lambda a: (a.tier_rank, a.name.casefold(), str(a.id)))
    return accounts


def _handoff(session: Session) -> tuple[str, str]:
    first, second = aliased(VocabularyTerm), aliased(VocabularyTerm)
    row = session.execute(
        select(func.coalesce(first.label, ""), func.coalesce(second.label, ""))
        .select_from(PlanSettings)
        .outerjoin(first, first.id == PlanSettings.handoff_from_id)
        .outerjoin(second, second.id == PlanSettings.handoff_to_id)
    ).first()
    return (row[0], row[1]) if row else ("", "")


def _cancelled(session: Session) -> uuid.UUID | None:
    return session.scalar(
        select(VocabularyTerm.id).where(
            VocabularyTerm.kind == vocab.PLAY_STATUS, VocabularyTerm.key == "cancelled"
        )
    )


def _touches(session: Session, account_id: uuid.UUID) -> list[TimelineTouch]:
    channel = aliased(VocabularyTerm)
    rows = session.execute(
        select(
            Touch.account_id,
            Touch.occurred_on,
            Touch.function,
            func.coalesce(Stakeholder.name, ""),
            func.coalesce(channel.label, ""),
        )
        .outerjoin(Stakeholder, Stakeholder.id == Touch.stakeholder_id)
        .outerjoin(channel, channel.id == Touch.channel_id)
        .where(Touch.account_id == account_id)
        .order_by(Touch.occurred_on, Stakeholder.name)
    )
    return [TimelineTouch(*row) for row in rows]


def load_timeline(plan: Plan, criteria: TimelineFilter) -> TimelineData:
    """The accounts and bars ``criteria`` selects.

    For one account (``criteria.account_id``) the account is listed even with no
    plays, and its logged touches come too (dots under the lanes); across the
    portfolio, only accounts with a bar in the window are listed, without touches.
    """
    with plan.read() as session:
        convert = ValueCache()
        bars = _bars(session, _bar_query(criteria, _cancelled(session)), convert)
        ids = {bar.account_id for bar in bars}
        touches: list[TimelineTouch] = []
        if criteria.account_id is not None:
            ids.add(criteria.account_id)
            touches = _touches(session, criteria.account_id)
        accounts = _accounts(session, ids)
        handoff_from, handoff_to = _handoff(session)
    return TimelineData(accounts, bars, handoff_from, handoff_to, touches)


def timeline_bars(plan: Plan, assignment_ids: Iterable[uuid.UUID]) -> list[TimelineBar]:
    """Fresh bars for a few plays (after an edit); deleted or unscheduled ones are absent."""
    wanted = list(assignment_ids)
    if not wanted:
        return []
    a = PlayAssignment
    with plan.read() as session:
        query = _bar_query(TimelineFilter(), None).where(a.id.in_(wanted))
        return _bars(session, query, ValueCache())
