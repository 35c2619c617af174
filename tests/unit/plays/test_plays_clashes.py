"""Same-week clashes: ISO week boundaries, year ends, overlaps, back-to-back, cancelled plays."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from plays_builders import day, play

from abm_planner.plays.clashes import bookings_of, clashes_in_order, find_clashes
from abm_planner.plays.records import Booking, Clash
from abm_planner.plays.weeks import monday_of, next_monday, week_label, week_of, week_range_label


def clashes(*plays: object) -> list[Clash]:
    return find_clashes(bookings_of(plays))  # type: ignore[arg-type]


def pairs(*plays: object) -> set[tuple[object, object]]:
    return {(c.first_id, c.second_id) for c in clashes(*plays)}


# --------------------------------------------------------------------------- weeks
def test_a_week_runs_monday_to_sunday() -> None:
    sunday, monday = day("2026-03-01"), day("2026-03-02")
    assert (sunday.isoweekday(), monday.isoweekday()) == (7, 1)
    assert week_of(monday) == week_of(sunday) + 1
    assert week_of(monday) == week_of(day("2026-03-08"))  # the next Sunday
    assert monday_of(week_of(day("2026-03-05"))) == monday


def test_week_labels_are_iso_weeks_including_week_53() -> None:
    assert week_label(week_of(day("2026-03-01"))) == "2026-W09"
    assert week_label(week_of(day("2026-03-02"))) == "2026-W10"
    # 2026 has 53 ISO weeks: 1 January 2027 is a Friday of 2026-W53.
    assert week_label(week_of(day("2027-01-01"))) == "2026-W53"
    assert week_label(week_of(day("2027-01-04"))) == "2027-W01"
    assert week_label(week_of(day("2021-01-03"))) == "2020-W53"
    assert week_range_label(week_of(day("2026-12-28")), week_of(day("2027-01-04"))) == (
        "weeks 2026-W53 to 2027-W01"
    )


def test_weeks_are_consecutive_across_year_ends() -> None:
    for year in range(2015, 2040):
        last = date(year, 12, 31)
        assert week_of(last + timedelta(days=7)) == week_of(last) + 1
        for offset in range(400):
            a = date(year, 1, 1) + timedelta(days=offset)
            assert week_label(week_of(a)) == f"{a.isocalendar()[0]}-W{a.isocalendar()[1]:02d}"


def test_a_datetime_counts_as_its_own_wall_clock_date_whatever_its_time_zone() -> None:
    # 23:30 on a Sunday in UTC+14 is already Monday morning in UTC: the plan only
    # stores the date the person typed, so the Sunday is what counts.
    late_sunday = datetime(2026, 3, 1, 23, 30, tzinfo=timezone(timedelta(hours=14)))
    early_monday = datetime(2026, 3, 2, 0, 15, tzinfo=timezone(timedelta(hours=-10)))
    assert week_of(late_sunday) == week_of(day("2026-03-01"))
    assert week_of(early_monday) == week_of(day("2026-03-02"))
    assert week_of(datetime(2026, 3, 1, 12, tzinfo=UTC)) == week_of(day("2026-03-01"))


def test_next_monday() -> None:
    assert next_monday(day("2026-11-23")) == day("2026-11-30")  # from a Monday: a week on
    assert next_monday(day("2026-11-29")) == day("2026-11-30")  # from Sunday: the next day


# --------------------------------------------------------------------------- clashes
def test_plays_in_the_same_week_clash_even_without_a_shared_day() -> None:
    monday_to_tuesday = play(1, "2026-03-02", "2026-03-03")
    thursday_to_friday = play(2, "2026-03-05", "2026-03-06")
    (clash,) = clashes(monday_to_tuesday, thursday_to_friday)
    assert clash == Clash("p1", 1, 2, week_of(day("2026-03-02")), week_of(day("2026-03-02")))


def test_sunday_then_monday_back_to_back_does_not_clash() -> None:
    ends_sunday = play(1, "2026-02-23", "2026-03-01")
    starts_monday = play(2, "2026-03-02", "2026-03-13")
    assert clashes(ends_sunday, starts_monday) == []


def test_ending_on_the_monday_the_next_one_starts_clashes_for_one_week() -> None:
    first = play(1, "2026-02-16", "2026-03-02")
    second = play(2, "2026-03-02", "2026-03-20")
    (clash,) = clashes(first, second)
    assert week_label(clash.first_week) == week_label(clash.last_week) == "2026-W10"


def test_year_end_back_to_back_across_week_53_does_not_clash() -> None:
    ends_in_week_53 = play(1, "2026-12-14", "2027-01-03")  # Sunday of 2026-W53
    starts_in_week_1 = play(2, "2027-01-04", "2027-01-29")  # Monday of 2027-W01
    assert clashes(ends_in_week_53, starts_in_week_1) == []


def test_new_year_days_in_one_iso_week_clash() -> None:
    # Thursday 31 December 2026 and Friday 1 January 2027 are both in 2026-W53.
    old_year = play(1, "2026-12-21", "2026-12-31")
    new_year = play(2, "2027-01-01", "2027-01-15")
    (clash,) = clashes(old_year, new_year)
    assert week_label(clash.first_week) == "2026-W53"
    assert clash.first_week == clash.last_week


def test_overlapping_plays_clash_over_every_shared_week() -> None:
    long = play(1, "2026-03-02", "2026-04-24")
    inner = play(2, "2026-03-18", "2026-04-01")
    (clash,) = clashes(long, inner)
    labels = [week_label(w) for w in range(clash.first_week, clash.last_week + 1)]
    assert labels == ["2026-W12", "2026-W13", "2026-W14"]


def test_three_overlapping_plays_give_three_pairs() -> None:
    plays = [play(n, "2026-03-02", "2026-03-20") for n in (1, 2, 3)]
    assert pairs(*plays) == {(1, 2), (1, 3), (2, 3)}


def test_cancelled_plays_are_ignored_but_done_plays_count() -> None:
    running = play(1, "2026-03-02", "2026-03-20", status="running")
    cancelled = play(2, "2026-03-02", "2026-03-20", status="cancelled")
    done = play(3, "2026-03-09", "2026-03-10", status="done")
    no_status = play(4, "2026-03-16", "2026-03-16", status=None)
    assert pairs(running, cancelled, done, no_status) == {(1, 3), (1, 4)}


def test_only_the_same_person_clashes() -> None:
    a = play(1, "2026-03-02", "2026-03-20", ("p1", "p2"))
    b = play(2, "2026-03-02", "2026-03-20", ("p2", "p3"))
    c = play(3, "2026-03-02", "2026-03-20", ("p4",))
    found = clashes(a, b, c)
    assert [(x.stakeholder_id, x.first_id, x.second_id) for x in found] == [("p2", 1, 2)]


def test_unscheduled_plays_and_missing_or_earlier_ends() -> None:
    unscheduled = play(1, None, None)
    no_end = play(2, "2026-03-04", None)  # counts as that one day
    backwards = play(3, "2026-03-05", "2026-02-01")  # end before start: the start counts
    other_week = play(4, "2026-03-09", None)
    assert pairs(unscheduled, no_end, backwards, other_week) == {(2, 3)}


def test_a_person_named_twice_in_one_play_does_not_clash_with_it() -> None:
    assert clashes(play(1, "2026-03-02", "2026-03-20", ("p1", "p1"))) == []


def test_the_order_of_the_plays_does_not_change_the_clashes() -> None:
    plays = [
        play(1, "2026-03-02", "2026-03-20"),
        play(2, "2026-03-16", "2026-04-03"),
        play(3, "2026-04-06", "2026-04-10"),
        play(4, "2026-01-05", "2026-03-02"),
    ]
    expected = pairs(*plays)
    for seed in range(5):
        shuffled = plays[:]
        random.Random(seed).shuffle(shuffled)
        assert {tuple(sorted((a, b))) for a, b in pairs(*shuffled)} == {
            tuple(sorted(p)) for p in expected
        }


@pytest.mark.parametrize("seed", range(8))
def test_the_sweep_finds_exactly_the_pairs_that_share_a_week(seed: int) -> None:
    rng = random.Random(seed)
    people = [f"p{n}" for n in range(6)]
    plays = []
    for n in range(40):
        start = date(2026, 12, 1) + timedelta(days=rng.randrange(60))
        end = start + timedelta(days=rng.randrange(0, 25))
        status = rng.choice(["planned", "running", "done", "cancelled", None])
        targets = tuple(rng.sample(people, rng.randint(1, 3)))
        plays.append(play(n, start.isoformat(), end.isoformat(), targets, status=status))
    expected = set()
    for a in plays:
        for b in plays:
            if a.id >= b.id or "cancelled" in (a.status, b.status):
                continue
            weeks_a = set(range(week_of(a.start_on), week_of(a.last_day) + 1))
            weeks_b = set(range(week_of(b.start_on), week_of(b.last_day) + 1))
            for person in set(a.target_ids) & set(b.target_ids):
                if weeks_a & weeks_b:
                    shared = weeks_a & weeks_b
                    expected.add((person, a.id, b.id, min(shared), max(shared)))
    found = {
        (c.stakeholder_id, min(c.first_id, c.second_id), max(c.first_id, c.second_id),
         c.first_week, c.last_week)
        for c in clashes(*plays)
    }  # fmt: skip
    assert found == expected


def test_presorted_bookings_give_the_same_clashes_as_unsorted_ones() -> None:
    rng = random.Random(3)
    bookings = []
    for n in range(200):
        first = rng.randrange(100)
        bookings.append(Booking(f"p{rng.randrange(20)}", n, first, first + rng.randrange(5)))
    ordered = sorted(bookings, key=lambda b: (b.stakeholder_id, b.first_week))

    def normal(found: list[Clash]) -> set[tuple[object, ...]]:
        return {(c[0], min(c[1], c[2]), max(c[1], c[2]), c[3], c[4]) for c in found}

    assert normal(clashes_in_order(ordered)) == normal(find_clashes(bookings))
    assert len(clashes_in_order(ordered)) == len(find_clashes(bookings))
