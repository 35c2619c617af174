"""Clash and gap checks as use cases: load accounts' plays, people and touches, check them.

Loading selects plain columns in a few bulk queries per batch of accounts and turns
them into ``plays.records``; the rules in ``abm_planner.plays`` never see the plan.
DMU findings come from the DMU analysis (``services.dmu_analysis``): the CLI passes
the analyses it already made, the GUI lets this module run one for its account.

``portfolio_clashes`` is the whole-plan clash check in one query: every play aimed
at every person, as calendar weeks, swept per person in memory.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from abm_planner.dmu.records import HIGH_INFLUENCE, AccountAnalysis
from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import NotFoundError
from abm_planner.plays.checks import check_account
from abm_planner.plays.records import (
    AccountPlays,
    FindingRef,
    Notice,
    PlayChecks,
    PlayPerson,
    PlayRecord,
    TemplateRecord,
    TouchRecord,
)
from abm_planner.services.plans import Plan
from abm_planner.services.play_templates import list_templates
from abm_planner.services.raw_columns import ValueCache, as_uuid, raw
from abm_planner.store.models import (
    Account,
    PlanSettings,
    PlayAssignment,
    Stakeholder,
    Touch,
    VocabularyTerm,
    play_targets,
    stakeholder_roles,
)

BATCH = 250
CHUNK = 500  # ids per IN (...), well below SQLite's limit of bound parameters


# --------------------------------------------------------------------------- loading
class _Plan:
    """What every batch shares: settings, stage order, term keys, the library."""

    def __init__(
        self, session: Session, templates: tuple[TemplateRecord, ...], *, uuid_ids: bool
    ) -> None:
        settings = session.execute(
            select(
                PlanSettings.touch_threshold,
                PlanSettings.max_touches_per_week,
                PlanSettings.handoff_to_id,
            )
        ).first()
        self.threshold, self.weekly_limit, handoff_to = settings or (8, 3, None)
        terms = session.execute(
            select(
                raw(VocabularyTerm.id),
                VocabularyTerm.kind,
                VocabularyTerm.key,
                VocabularyTerm.sort_order,
                VocabularyTerm.value,
            )
        ).all()
        self.key = {term: key for term, _, key, _, _ in terms}
        self.value = {term: value for term, _, _, _, value in terms}
        self.stage_order = {key: order for _, kind, key, order, _ in terms if kind == vocab.STAGE}
        by_id = {as_uuid(term): key for term, _, key, _, _ in terms}
        self.handoff_to = by_id.get(handoff_to) if handoff_to else None
        self.templates = templates
        self.values = ValueCache()
        self.uuid_ids = uuid_ids
        self.finding_key: Callable[[uuid.UUID], Any] | None = None

    def record_id(self, value: Any) -> Any:
        """A person's or play's id: a ``uuid.UUID``, or the raw value when ids stay raw."""
        return self.values.id(value) if self.uuid_ids else value

    def finding_id(self, value: uuid.UUID, sample: Any) -> Any:
        """A finding's ``uuid.UUID`` spelled like the raw ids (``sample``) when ids stay raw."""
        if self.uuid_ids:
            return value
        if self.finding_key is None:
            self.finding_key = _spelling(sample)
        return self.finding_key(value)


def _spelling(sample: Any) -> Callable[[uuid.UUID], Any]:
    """How the driver returns ids, so a ``uuid.UUID`` from elsewhere finds its raw twin."""
    if isinstance(sample, str):
        return (lambda u: u.hex) if len(sample) == len(uuid.UUID(int=0).hex) else str
    return lambda u: u


def _people(
    session: Session, account_ids: list[uuid.UUID], shared: _Plan
) -> dict[uuid.UUID, list[PlayPerson]]:
    roles: dict[Any, set[str]] = defaultdict(set)
    for person, role in session.execute(
        select(raw(stakeholder_roles.c.stakeholder_id), raw(stakeholder_roles.c.role_id))
        .join(Stakeholder, Stakeholder.id == stakeholder_roles.c.stakeholder_id)
        .where(Stakeholder.account_id.in_(account_ids))
    ):
        if role in shared.key:
            roles[person].add(shared.key[role])
    people: dict[uuid.UUID, list[PlayPerson]] = defaultdict(list)
    rows = session.execute(
        select(
            raw(Stakeholder.account_id),
            raw(Stakeholder.id),
            Stakeholder.name,
            Stakeholder.inner_circle,
            raw(Stakeholder.influence_id),
        )
        .where(Stakeholder.account_id.in_(account_ids))
        .order_by(Stakeholder.name)
    )
    account_of, person_of = shared.values.id, shared.record_id
    values = shared.value
    for account_id, person_id, name, inner, influence in rows:
        high = (values.get(influence) or 0) >= HIGH_INFLUENCE
        why = _WHY[high, bool(inner)]
        person = PlayPerson(
            person_of(person_id), name, frozenset(roles.get(person_id, ())), bool(why), why
        )
        people[account_of(account_id)].append(person)
    return people


_WHY = {
    (True, True): "high influence, inner circle",
    (True, False): "high influence",
    (False, True): "inner circle",
    (False, False): "",
}


def _plays(
    session: Session, account_ids: list[uuid.UUID], shared: _Plan
) -> dict[uuid.UUID, list[PlayRecord]]:
    a = PlayAssignment
    values = shared.values
    targets: dict[Any, list[uuid.UUID]] = defaultdict(list)
    for play_id, person in session.execute(
        select(raw(play_targets.c.assignment_id), raw(play_targets.c.stakeholder_id))
        .join(a, a.id == play_targets.c.assignment_id)
        .where(a.account_id.in_(account_ids))
    ):
        targets[play_id].append(shared.record_id(person))
    plays: dict[uuid.UUID, list[PlayRecord]] = defaultdict(list)
    rows = session.execute(
        select(
            raw(a.account_id),
            raw(a.id),
            a.name,
            raw(a.status_id),
            raw(a.start_on),
            raw(a.end_on),
            raw(a.template_id),
            a.lead_function,
        )
        .where(a.account_id.in_(account_ids))
        .order_by(a.start_on, a.name)
    )
    for account_id, play_id, name, status, start, end, template, lead in rows:
        plays[values.id(account_id)].append(
            PlayRecord(
                shared.record_id(play_id),
                name,
                shared.key.get(status) if status else None,
                values.optional_day(start),
                values.optional_day(end),
                tuple(targets.get(play_id, ())),
                values.optional_id(template),
                lead,
            )
        )
    return plays


def _touches(
    session: Session, account_ids: list[uuid.UUID], shared: _Plan
) -> dict[uuid.UUID, list[TouchRecord]]:
    values = shared.values
    touches: dict[uuid.UUID, list[TouchRecord]] = defaultdict(list)
    rows = session.execute(
        select(
            raw(Touch.account_id),
            raw(Touch.stakeholder_id),
            raw(Touch.occurred_on),
            Touch.function,
        ).where(Touch.account_id.in_(account_ids), Touch.stakeholder_id.is_not(None))
    )
    for account_id, person, day, function in rows:
        occurred = values.day(day)
        record = TouchRecord(shared.record_id(person), occurred, function)
        touches[values.id(account_id)].append(record)
    return touches


def _findings(
    analysis: AccountAnalysis | None, people: Sequence[PlayPerson], shared: _Plan
) -> tuple[FindingRef, ...]:
    if analysis is None or not people:
        return ()
    sample = people[0].id
    return tuple(
        FindingRef(
            f.code, f.message, tuple(shared.finding_id(i, sample) for i in f.stakeholder_ids)
        )
        for f in analysis.findings
    )


def _load_batch(
    session: Session,
    accounts: Sequence[tuple[uuid.UUID, str, str | None]],
    shared: _Plan,
    analyses: Mapping[uuid.UUID, AccountAnalysis],
) -> list[AccountPlays]:
    ids = [account_id for account_id, _, _ in accounts]
    people = _people(session, ids, shared)
    plays = _plays(session, ids, shared)
    touches = _touches(session, ids, shared)
    return [
        AccountPlays(
            account_id=account_id,
            account=name,
            people=tuple(people.get(account_id, ())),
            plays=tuple(plays.get(account_id, ())),
            touches=tuple(touches.get(account_id, ())),
            findings=_findings(analyses.get(account_id), people.get(account_id, ()), shared),
            templates=shared.templates,
            stage=stage,
            stage_order=shared.stage_order,
            handoff_to=shared.handoff_to,
            touch_threshold=shared.threshold,
            max_touches_per_week=shared.weekly_limit,
        )
        for account_id, name, stage in accounts
    ]


def _accounts(
    session: Session, account_ids: Iterable[uuid.UUID] | None, shared: _Plan
) -> list[tuple[uuid.UUID, str, str | None]]:
    rows = list(session.execute(select(Account.id, Account.name, raw(Account.stage_id))).all())
    if account_ids is not None:
        wanted = set(account_ids)
        rows = [r for r in rows if r[0] in wanted]
    rows.sort(key=lambda r: (r[1].casefold(), r[1], str(r[0])))
    return [(i, name, shared.key.get(stage) if stage else None) for i, name, stage in rows]


def iter_account_plays(
    plan: Plan,
    account_ids: Iterable[uuid.UUID] | None = None,
    *,
    analyses: Iterable[AccountAnalysis] = (),
    batch: int = BATCH,
    uuid_ids: bool = True,
) -> Iterator[AccountPlays]:
    """Each account's play data (or that of ``account_ids``), by name, batch by batch.

    People and plays are identified by ``uuid.UUID`` s; with ``uuid_ids=False`` by the
    driver's raw ids instead (equal for equal records, never converted), which spares
    a whole-portfolio run the cost of building several hundred thousand UUIDs when
    only names are wanted (``analyze --json``). Accounts are always ``uuid.UUID`` s.
    """
    by_account = {a.account_id: a for a in analyses}
    # Sessions of one thread share the SQLite connection: never open one inside another.
    templates = tuple(row.record() for row in list_templates(plan))
    with plan.read() as session:
        shared = _Plan(session, templates, uuid_ids=uuid_ids)
        accounts = _accounts(session, account_ids, shared)
    for start in range(0, len(accounts), batch):
        with plan.read() as session:
            loaded = _load_batch(session, accounts[start : start + batch], shared, by_account)
        yield from loaded


# --------------------------------------------------------------------------- checking
def check_accounts(
    plan: Plan,
    account_ids: Iterable[uuid.UUID] | None = None,
    *,
    analyses: Iterable[AccountAnalysis] = (),
    today: date | None = None,
    uuid_ids: bool = True,
) -> list[PlayChecks]:
    """Clashes and touch gaps of every account (or those of ``account_ids``), by name.

    Pass the accounts' DMU ``analyses`` to check their findings too; without them the
    finding gaps are left out (key players, clashes and touches are still checked).
    ``uuid_ids=False``: see ``iter_account_plays`` (the messages and names are the same).
    """
    day = today or date.today()
    loaded = iter_account_plays(plan, account_ids, analyses=analyses, uuid_ids=uuid_ids)
    return [check_account(data, day) for data in loaded]


def account_checks(plan: Plan, account_id: uuid.UUID, *, today: date | None = None) -> PlayChecks:
    """One account's checks with its DMU findings (runs the DMU analysis first)."""
    from abm_planner.services.dmu_analysis import analyse_account

    day = today or date.today()
    analysis = analyse_account(plan, account_id, today=day)
    found = check_accounts(plan, [account_id], analyses=[analysis], today=day)
    if not found:
        raise NotFoundError("That account no longer exists.")
    return found[0]


# --------------------------------------------------------------------------- output
def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def notice_json(notice: Notice) -> dict[str, Any]:
    """One clash or gap for ``analyze --json``: code, message, people, its own fields."""
    item: dict[str, Any] = {
        "code": notice.code,
        "message": notice.message,
        "stakeholders": list(notice.stakeholders),
    }
    item |= {key: _plain(value) for key, value in notice.details.items() if key != "play_ids"}
    if notice.code in ("key_player_without_play", "finding_without_play"):
        item["suggested_plays"] = [s.name for s in notice.suggestions]
    return item


def checks_json(checks: PlayChecks | None) -> dict[str, list[dict[str, Any]]]:
    """The ``clashes`` and ``touch_gaps`` keys of an account's ``analyze --json`` object."""
    if checks is None:
        return {"clashes": [], "touch_gaps": []}
    return {
        "clashes": [notice_json(n) for n in checks.clashes],
        "touch_gaps": [notice_json(n) for n in checks.touch_gaps],
    }


def checks_text(checks: PlayChecks) -> list[str]:
    """The lines ``analyze`` prints under an account: clashes, then gaps with suggestions."""
    lines = [f"  ! {n.message}  [{n.code}]" for n in checks.clashes]
    for notice in checks.touch_gaps:
        lines.append(f"  - {notice.message}  [{notice.code}]")
        if notice.suggestions:
            lines.append("      Suggested: " + ", ".join(s.name for s in notice.suggestions))
    return lines
