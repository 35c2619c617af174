"""One account's clash and gap checks, as sentences with stable codes.

``check_account`` runs every rule of ``plays.clashes`` and ``plays.gaps`` on one
account's plain data and words the results for people; the services turn the same
notices into ``analyze --json`` objects and the GUI into its clash and gap panel.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from abm_planner.plays.clashes import (
    SAME_WEEK_PLAYS,
    TOO_MANY_TOUCHES,
    bookings_of,
    find_clashes,
    touch_overloads,
)
from abm_planner.plays.gaps import play_gaps, threshold_gaps
from abm_planner.plays.records import (
    AccountPlays,
    Clash,
    Id,
    Notice,
    PlayChecks,
    PlayRecord,
    TouchOverload,
)
from abm_planner.plays.touches import touch_tallies
from abm_planner.plays.weeks import week_label, week_range_label

_FUNCTION_WORDS: dict[tuple[str, ...], str] = {("marketing",): "marketing", ("sales",): "sales"}


def check_account(data: AccountPlays, today: date) -> PlayChecks:
    """Clashes (too much at once) and touch gaps (too little) for one account."""
    names = {person.id: person.name for person in data.people}
    plays = {play.id: play for play in data.plays}
    # Earliest first, then by person and play, whatever order the records came in.
    same_week = sorted(
        find_clashes(bookings_of(data.plays)),
        key=lambda c: (c.first_week, _sort_name(names, c.stakeholder_id), c.last_week,
                       *sorted(plays[i].name.casefold() for i in (c.first_id, c.second_id))),
    )  # fmt: skip
    overloads = sorted(
        touch_overloads(data.touches, data.max_touches_per_week),
        key=lambda o: (o.week, _sort_name(names, o.stakeholder_id)),
    )
    clashes = [
        *(_clash_notice(c, names, plays) for c in same_week),
        *(_overload_notice(o, names) for o in overloads),
    ]
    tallies = touch_tallies(data.touches, names, threshold=data.touch_threshold, today=today)
    gaps = [*play_gaps(data, today), *threshold_gaps(data, tallies)]
    return PlayChecks(data.account_id, data.account, tuple(clashes), tuple(gaps), tallies)


def _sort_name(names: Mapping[Id, str], person: Id) -> str:
    return names.get(person, "").casefold()


def _name(names: Mapping[Id, str], person: Id) -> str:
    return names.get(person, "Someone no longer in the DMU")


def _clash_notice(clash: Clash, names: Mapping[Id, str], plays: Mapping[Id, PlayRecord]) -> Notice:
    person = _name(names, clash.stakeholder_id)
    first, second = sorted(
        (plays[clash.first_id], plays[clash.second_id]),
        key=lambda p: (p.start_on or date.max, p.name.casefold()),
    )
    weeks = range(clash.first_week, clash.last_week + 1)
    message = (
        f"{person} is targeted by {first.name} and {second.name} in "
        f"{week_range_label(clash.first_week, clash.last_week)}."
    )
    return Notice(
        SAME_WEEK_PLAYS,
        message,
        (clash.stakeholder_id,),
        (person,),
        {
            "plays": [first.name, second.name],
            "play_ids": [first.id, second.id],
            "weeks": [week_label(w) for w in weeks],
        },
    )


def _overload_notice(overload: TouchOverload, names: Mapping[Id, str]) -> Notice:
    person = _name(names, overload.stakeholder_id)
    by = _FUNCTION_WORDS.get(overload.functions, "sales and marketing")
    message = (
        f"{person} got {overload.touches} touches from {by} in week "
        f"{week_label(overload.week)}; the plan allows {overload.limit} a week."
    )
    return Notice(
        TOO_MANY_TOUCHES,
        message,
        (overload.stakeholder_id,),
        (person,),
        {
            "week": week_label(overload.week),
            "touches": overload.touches,
            "limit": overload.limit,
            "functions": list(overload.functions),
        },
    )


def clashing_play_ids(checks: Iterable[Notice]) -> set[Id]:
    """The plays named by same-week clashes (the timeline outlines them)."""
    found: set[Id] = set()
    for notice in checks:
        if notice.code == SAME_WEEK_PLAYS:
            found.update(notice.details.get("play_ids", ()))  # type: ignore[arg-type]
    return found
