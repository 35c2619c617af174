"""ISO weeks as plain integers, so "the same week" is one comparison.

A week number here counts Mondays since 0001-01-01 (itself a Monday), which makes
consecutive ISO weeks consecutive integers across year ends, including the years
with an ISO week 53. Only calendar dates are used: a ``datetime`` (which is a
``date``) is reduced to its own wall-clock date, never converted between time zones,
so the same plan gives the same weeks on every laptop.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

DAYS_PER_WEEK = 7


def week_of(day: date) -> int:
    """The week containing ``day`` (Monday to Sunday, as ISO 8601 counts them)."""
    return (day.toordinal() - 1) // DAYS_PER_WEEK


def monday_of(week: int) -> date:
    """The Monday that starts ``week``."""
    return date.fromordinal(week * DAYS_PER_WEEK + 1)


@cache
def week_label(week: int) -> str:
    """``2026-W09``: the ISO year and week number, as people and spreadsheets write it.

    Cached: a portfolio's clashes name the same few dozen weeks hundreds of thousands
    of times.
    """
    year, number, _ = monday_of(week).isocalendar()
    return f"{year}-W{number:02d}"


def week_range_label(first: int, last: int) -> str:
    """``week 2026-W09`` or ``weeks 2026-W09 to 2026-W11``, for messages."""
    if first == last:
        return f"week {week_label(first)}"
    return f"weeks {week_label(first)} to {week_label(last)}"


def next_monday(day: date) -> date:
    """The first Monday after ``day`` (a week from ``day`` if it is a Monday)."""
    return day + timedelta(days=DAYS_PER_WEEK - day.weekday())
