"""The whole-plan clash check: every person, every play, every week, in bulk queries.

The per-account checks (``services.play_checks``) load people, touches and findings
as well; this module answers only "which plays hit the same person in the same
week" for a portfolio (or a set of accounts), fast enough to run over the 200,000
plays of a big plan in about a second.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator, Sequence
from typing import Any, overload

from sqlalchemy import Integer, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session

from abm_planner.domain import vocabularies as vocab
from abm_planner.plays.clashes import clashes_in_order
from abm_planner.plays.records import Clash
from abm_planner.plays.weeks import DAYS_PER_WEEK, week_of
from abm_planner.services.plans import Plan
from abm_planner.services.raw_columns import as_date, as_uuid, raw
from abm_planner.store.models import PlayAssignment, VocabularyTerm, play_targets

CHUNK = 500  # ids per IN (...), well below SQLite's limit of bound parameters
# SQLite's julianday('0001-01-01'): the Monday that plays.weeks counts weeks from.
JULIAN_DAY_OF_YEAR_ONE = 1721425.5


def _bookings(session: Session, weeks_in_sql: bool) -> Any:
    """Each scheduled, non-cancelled play once per target: person, play, first and last week.

    The end is corrected in SQL (missing or before the start: the start). With
    ``weeks_in_sql`` the weeks are computed by the database too (SQLite's
    ``julianday``); otherwise the dates come back raw.
    """
    a = PlayAssignment
    last_day = case((a.end_on.is_(None) | (a.end_on < a.start_on), a.start_on), else_=a.end_on)
    cancelled = session.scalar(
        select(VocabularyTerm.id).where(
            VocabularyTerm.kind == vocab.PLAY_STATUS, VocabularyTerm.key == "cancelled"
        )
    )
    first, last = (
        (_sql_week(a.start_on), _sql_week(last_day)) if weeks_in_sql else (a.start_on, last_day)
    )
    return (
        select(
            play_targets.c.stakeholder_id.label("person"),
            a.id.label("play"),
            first.label("first"),
            last.label("last"),
        )
        .join(a, a.id == play_targets.c.assignment_id)
        .where(a.start_on.is_not(None), or_(a.status_id.is_(None), a.status_id != cancelled))
    )


def _sql_week(column: Any) -> Any:
    """``plays.weeks.week_of`` in SQLite: whole weeks since Monday 0001-01-01."""
    return cast((func.julianday(column) - JULIAN_DAY_OF_YEAR_ONE) / DAYS_PER_WEEK, Integer)


def _pairs_in_sql(session: Session, bookings: Any) -> list[Any]:
    """The clashes as the database finds them: a self-join of the bookings on the person."""
    cte = bookings.cte("bookings")
    x, y = cte.alias("x"), cte.alias("y")
    query = select(
        raw(x.c.person).label("person"),
        raw(x.c.play).label("one"),
        raw(y.c.play).label("other"),
        case((x.c.first > y.c.first, x.c.first), else_=y.c.first).label("first_week"),
        case((x.c.last < y.c.last, x.c.last), else_=y.c.last).label("last_week"),
    ).join(
        y,
        and_(
            x.c.person == y.c.person,
            x.c.play < y.c.play,
            x.c.first <= y.c.last,
            y.c.first <= x.c.last,
        ),
    )
    return list(session.execute(query).all())


def _pairs_in_python(session: Session, bookings: Any) -> list[Any]:
    """The same clashes found by ``plays.clashes`` (any database)."""
    sub = bookings.subquery("bookings")
    query = select(raw(sub.c.person), raw(sub.c.play), raw(sub.c.first), raw(sub.c.last))
    query = query.order_by(sub.c.person, sub.c.first)
    rows = session.execute(query).all()
    days = {row[2] for row in rows} | {row[3] for row in rows}
    weeks = {day: week_of(as_date(day)) for day in days}
    # Ordered by person and start, so by person and first week: one pass, no sorting.
    ordered = [(p, play, weeks[first], weeks[last]) for p, play, first, last in rows]
    return clashes_in_order(ordered)  # type: ignore[arg-type]


def portfolio_clashes(
    plan: Plan,
    account_ids: Collection[uuid.UUID] | None = None,
    *,
    in_sql: bool | None = None,
) -> PortfolioClashes:
    """Every same-week clash in the plan (or in ``account_ids``), in bulk queries.

    On SQLite (``in_sql``, the default there) the database pairs the bookings itself
    and returns only the clashes; elsewhere one query returns the bookings ordered by
    person and start and ``plays.clashes`` sweeps them once. Both give the rules of
    ``plays.clashes``; the tests hold them to the same answers. Ids are read raw and
    become ``uuid.UUID`` as the clashes are read (``PortfolioClashes``).
    """
    sql = plan.engine.dialect.name == "sqlite" if in_sql is None else in_sql
    wanted = None if account_ids is None else list(account_ids)
    with plan.read() as session:
        bookings = _bookings(session, sql)
        find = _pairs_in_sql if sql else _pairs_in_python
        if wanted is None:
            pairs = find(session, bookings)
        else:
            # A person belongs to one account, so chunks by account keep people together.
            pairs = []
            for start in range(0, len(wanted), CHUNK):
                chunk = wanted[start : start + CHUNK]
                pairs += find(session, bookings.where(PlayAssignment.account_id.in_(chunk)))
    return PortfolioClashes(pairs)


class PortfolioClashes(Sequence[Clash]):
    """The clashes of a portfolio: raw rows, read as ``Clash`` records with ``uuid.UUID`` ids.

    A big plan has six figures of clashes; turning every id of every one into a
    ``uuid.UUID`` up front would cost as much as finding them. Counting is free, and
    each distinct id is converted once, when a clash naming it is first read.
    """

    def __init__(self, rows: list[Any]) -> None:
        self._rows = rows
        self._ids: dict[Any, uuid.UUID] = {}

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Clash: ...

    @overload
    def __getitem__(self, index: slice) -> list[Clash]: ...

    def __getitem__(self, index: int | slice) -> Clash | list[Clash]:
        if isinstance(index, slice):
            return [self._clash(row) for row in self._rows[index]]
        return self._clash(self._rows[index])

    def __iter__(self) -> Iterator[Clash]:
        return map(self._clash, self._rows)

    def _id(self, value: Any) -> uuid.UUID:
        found = self._ids.get(value)
        if found is None:
            found = self._ids[value] = as_uuid(value)
        return found

    def _clash(self, row: Any) -> Clash:
        person, one, other, first, last = row
        return Clash(self._id(person), self._id(one), self._id(other), first, last)

    def play_ids(self) -> frozenset[uuid.UUID]:
        """Every play named by a clash (converting only the plays' ids)."""
        raw_ids = {row[1] for row in self._rows} | {row[2] for row in self._rows}
        return frozenset(self._id(value) for value in raw_ids)


def clashing_play_ids(
    plan: Plan, account_ids: Collection[uuid.UUID] | None = None
) -> frozenset[uuid.UUID]:
    """The plays that clash with another one (the timeline outlines them in red)."""
    return portfolio_clashes(plan, account_ids).play_ids()
