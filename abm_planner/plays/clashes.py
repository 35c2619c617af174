"""Too much at once: plays that hit the same person in the same week, and touch overloads.

Rules (weeks are ISO weeks, Monday to Sunday, from calendar dates only):

- ``same_week_plays``: one person is targeted by two plays that are not cancelled
  and whose weeks overlap. A play covers every week from the one holding its start
  to the one holding its end, so a play ending on a Sunday and the next starting on
  Monday do not clash, while one ending on a Monday and the next starting that same
  Monday do. Plays without a start date are not on the calendar and are left out;
  a missing (or earlier) end counts as the start. Done plays count: the customer
  was confused all the same. One clash per person and pair of plays, naming the
  weeks they share.
- ``too_many_touches``: more touches logged on one person in one week than the
  plan's limit per week, whoever made them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from operator import itemgetter

from abm_planner.plays.records import Booking, Clash, Id, PlayRecord, TouchOverload, TouchRecord
from abm_planner.plays.weeks import week_of

SAME_WEEK_PLAYS = "same_week_plays"
TOO_MANY_TOUCHES = "too_many_touches"


def bookings_of(plays: Iterable[PlayRecord]) -> Iterator[Booking]:
    """Each scheduled, non-cancelled play once per target."""
    for play in plays:
        if play.cancelled or play.start_on is None:
            continue
        last = play.last_day
        assert last is not None
        first_week, last_week = week_of(play.start_on), week_of(last)
        # A person named twice in one play cannot clash with it: the sweep skips pairs
        # of the same play, so targets need no de-duplication here.
        for person in play.target_ids:
            yield Booking(person, play.id, first_week, last_week)


def find_clashes(bookings: Iterable[Booking]) -> list[Clash]:
    """Every pair of bookings of one person whose weeks overlap.

    Groups the bookings by person (in first-seen order), orders each person's by
    week and sweeps them (``clashes_in_order``). Plain tuples with the same four
    fields work as bookings.
    """
    by_person: dict[Id, list[Booking]] = defaultdict(list)
    for booking in bookings:
        by_person[booking[0]].append(booking)
    ordered: list[Booking] = []
    for items in by_person.values():
        items.sort(key=_WEEKS)
        ordered.extend(items)
    return clashes_in_order(ordered)


def clashes_in_order(bookings: Iterable[Booking]) -> list[Clash]:
    """The clashes of bookings already grouped by person and ordered by first week.

    One pass: for each booking, the person's earlier bookings still running in its
    first week are the ones it clashes with. A person with k plays costs O(k) plus
    the clashes found, so a query that returns the bookings in this order (as the
    portfolio check does) needs no sorting in Python. Within a person, clashes come
    in the order of their later booking.
    """
    clashes: list[Clash] = []
    add = clashes.append
    person: object = _NOBODY
    running: list[Booking] = []
    for booking in bookings:
        if booking[0] != person:
            person = booking[0]
            running = [booking]
            continue
        first = booking[2]
        running = [other for other in running if other[3] >= first]
        for other in running:
            if other[1] != booking[1]:
                add(Clash(person, other[1], booking[1], first, min(other[3], booking[3])))
        running.append(booking)
    return clashes


_WEEKS = itemgetter(2, 3)
_NOBODY = object()


def touch_overloads(touches: Iterable[TouchRecord], limit: int) -> list[TouchOverload]:
    """Each person and week with more than ``limit`` touches, by person then week.

    A ``limit`` below 1 switches the check off (a plan that sets no limit).
    """
    if limit < 1:
        return []
    counts: Counter[tuple[Id, int]] = Counter()
    functions: dict[tuple[Id, int], set[str]] = defaultdict(set)
    order: dict[Id, int] = {}
    for touch in touches:
        key = (touch.stakeholder_id, week_of(touch.occurred_on))
        counts[key] += 1
        functions[key].add(touch.function)
        order.setdefault(touch.stakeholder_id, len(order))
    over = [(key, n) for key, n in counts.items() if n > limit]
    over.sort(key=lambda item: (order[item[0][0]], item[0][1]))
    return [
        TouchOverload(person, week, n, limit, tuple(sorted(functions[(person, week)])))
        for (person, week), n in over
    ]
