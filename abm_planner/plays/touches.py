"""Touches per person against the agreed threshold for a viable lead (default 8).

DOMAIN.md: it takes about eight touches, from either function, before a contact
becomes a viable lead. A tally counts every touch ever logged on the person
(``total``, split by function) and those of the last ``RECENT_DAYS`` days, and says
whether the threshold is reached. "The last 90 days" matches the DMU analysis's
staleness rule: a touch exactly 90 days ago still counts. Touches dated in the
future (planned ones typed in early) count in the total but not as recent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from abm_planner.plays.records import MARKETING, SALES, Id, TouchRecord, TouchTally

RECENT_DAYS = 90


@dataclass(slots=True)
class _Count:
    total: int = 0
    recent: int = 0
    marketing: int = 0
    sales: int = 0
    last_on: date | None = None


def touch_tallies(
    touches: Iterable[TouchRecord],
    people: Iterable[Id],
    *,
    threshold: int,
    today: date,
    recent_days: int = RECENT_DAYS,
) -> dict[Id, TouchTally]:
    """A tally for each of ``people`` (in their order), untouched ones included."""
    counts = {person: _Count() for person in people}
    since = today - timedelta(days=recent_days)
    for touch in touches:
        count = counts.get(touch.stakeholder_id)
        if count is None:
            continue
        count.total += 1
        if since <= touch.occurred_on <= today:
            count.recent += 1
        if touch.function == MARKETING:
            count.marketing += 1
        elif touch.function == SALES:
            count.sales += 1
        if touch.occurred_on <= today and (
            count.last_on is None or touch.occurred_on > count.last_on
        ):
            count.last_on = touch.occurred_on
    return {
        person: TouchTally(
            person, c.total, c.recent, c.marketing, c.sales, c.last_on, max(threshold, 0)
        )
        for person, c in counts.items()
    }


@dataclass(frozen=True, slots=True)
class AccountTouchSummary:
    """The account's line under the per-person table."""

    people: int
    reached: int
    total: int
    marketing: int
    sales: int
    recent: int
    threshold: int


def summarise(tallies: Iterable[TouchTally], threshold: int) -> AccountTouchSummary:
    items = list(tallies)
    return AccountTouchSummary(
        people=len(items),
        reached=sum(1 for t in items if t.reached),
        total=sum(t.total for t in items),
        marketing=sum(t.marketing for t in items),
        sales=sum(t.sales for t in items),
        recent=sum(t.recent for t in items),
        threshold=threshold,
    )
