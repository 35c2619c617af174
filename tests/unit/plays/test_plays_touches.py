"""Touches per week against the plan's limit, and per person against the lead threshold."""

from __future__ import annotations

from plays_builders import TODAY, day, touches

from abm_planner.plays.clashes import touch_overloads
from abm_planner.plays.records import TouchRecord
from abm_planner.plays.touches import summarise, touch_tallies
from abm_planner.plays.weeks import week_label


def test_more_touches_in_a_week_than_the_limit_is_an_overload() -> None:
    log = [
        *touches("p1", "2026-03-02", 3, every_days=1, function="sales"),
        *touches("p1", "2026-03-06", 1, function="marketing"),
    ]
    (overload,) = touch_overloads(log, limit=3)
    assert (overload.stakeholder_id, week_label(overload.week), overload.touches) == (
        "p1",
        "2026-W10",
        4,
    )
    assert overload.functions == ("marketing", "sales")


def test_exactly_the_limit_is_fine() -> None:
    assert touch_overloads(touches("p1", "2026-03-02", 3, every_days=1), limit=3) == []


def test_a_sunday_and_the_next_monday_are_different_weeks() -> None:
    log = [
        *touches("p1", "2026-03-01", 3),  # three on Sunday of W09
        *touches("p1", "2026-03-02", 3),  # three on Monday of W10
    ]
    assert touch_overloads(log, limit=3) == []
    assert len(touch_overloads(log, limit=2)) == 2


def test_year_end_week_53_collects_both_years() -> None:
    log = [*touches("p1", "2026-12-31", 2), *touches("p1", "2027-01-02", 2)]
    (overload,) = touch_overloads(log, limit=3)
    assert week_label(overload.week) == "2026-W53"


def test_overloads_are_per_person_and_a_limit_below_one_is_off() -> None:
    log = [*touches("p1", "2026-03-02", 4), *touches("p2", "2026-03-02", 2)]
    assert [o.stakeholder_id for o in touch_overloads(log, limit=3)] == ["p1"]
    assert touch_overloads(log, limit=0) == []


def test_tallies_count_against_the_threshold() -> None:
    log = [
        *touches("p1", "2026-01-05", 5, every_days=7, function="marketing"),
        *touches("p1", "2026-11-02", 3, every_days=7, function="sales"),
        TouchRecord("p2", day("2026-11-20"), "sales"),
        TouchRecord("stranger", day("2026-11-20"), "sales"),
    ]
    tallies = touch_tallies(log, ["p1", "p2", "p3"], threshold=8, today=TODAY)
    assert list(tallies) == ["p1", "p2", "p3"]
    p1 = tallies["p1"]
    assert (p1.total, p1.marketing, p1.sales, p1.recent) == (8, 5, 3, 3)
    assert p1.reached
    assert p1.missing == 0
    assert p1.last_on == day("2026-11-16")
    assert not tallies["p2"].reached
    assert tallies["p2"].missing == 7
    assert tallies["p3"].total == 0
    assert tallies["p3"].last_on is None


def test_future_touches_count_in_the_total_but_not_as_recent_or_last() -> None:
    log = [TouchRecord("p1", day("2026-12-24"), "marketing")]
    tally = touch_tallies(log, ["p1"], threshold=8, today=TODAY)["p1"]
    assert (tally.total, tally.recent, tally.last_on) == (1, 0, None)


def test_the_90_day_window() -> None:
    log = [TouchRecord("p1", TODAY.replace(month=8, day=25)), TouchRecord("p1", TODAY)]
    tally = touch_tallies(log, ["p1"], threshold=8, today=TODAY)["p1"]
    assert tally.recent == 2  # 25 August is 90 days before 23 November
    log = [TouchRecord("p1", TODAY.replace(month=8, day=24))]
    assert touch_tallies(log, ["p1"], threshold=8, today=TODAY)["p1"].recent == 0


def test_account_summary() -> None:
    log = [*touches("p1", "2026-11-02", 8, function="marketing"), *touches("p2", "2026-11-02", 2)]
    tallies = touch_tallies(log, ["p1", "p2", "p3"], threshold=8, today=TODAY)
    summary = summarise(tallies.values(), 8)
    assert (summary.people, summary.reached, summary.total) == (3, 1, 10)
    assert (summary.marketing, summary.sales) == (8, 2)
