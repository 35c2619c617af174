"""DMU analysis as a use case: load accounts' DMUs from a plan and analyse them.

Loading selects plain columns in a few bulk queries per batch of accounts (people,
their roles, lines, each person's latest touch) and turns them into ``dmu.records``;
the engine in ``abm_planner.dmu`` never sees the database. Each batch is one short
read, so a long analysis of a whole portfolio never holds the plan file against the
GUI's saves. networkx, numpy and scipy load only when the first analysis runs, so
importing this module (as the GUI and CLI do at start-up) stays cheap.

Hand-set positions on the map are saved in ``services.dmu_positions``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from abm_planner.dmu.records import (
    AMBER,
    GREEN,
    RED,
    AccountAnalysis,
    AccountDMU,
    Finding,
    Line,
    Owner,
    Person,
    Position,
)
from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.plans import Plan
from abm_planner.store.models import (
    Account,
    NodePosition,
    Stakeholder,
    StakeholderLine,
    TeamMember,
    Touch,
    VocabularyTerm,
    stakeholder_roles,
)

Progress = Callable[[int, int], None]
BATCH = 250
PROGRESS_EVERY = 50


class AnalysisCancelled(Exception):  # noqa: N818 - it is an outcome, not a failure
    """The person cancelled a portfolio analysis; nothing was changed."""


class AmbiguousAccountError(UserError):
    """A name that fits several accounts; the message lists them."""


# --------------------------------------------------------------------------- loading
def _raw(column: Any) -> Any:
    """A key column as the driver returns it (32 hex digits on SQLite).

    Building a ``uuid.UUID`` for every id of every row costs more than the queries
    themselves at portfolio scale; ``_Ids`` builds each distinct one once instead.
    """
    return type_coerce(column, String)


class _Ids:
    """Raw key -> ``uuid.UUID``, each built once (a driver may already return UUIDs)."""

    def __init__(self) -> None:
        self._seen: dict[Any, uuid.UUID] = {}

    def __call__(self, raw: Any) -> uuid.UUID:
        found = self._seen.get(raw)
        if found is None:
            found = raw if isinstance(raw, uuid.UUID) else uuid.UUID(hex=str(raw))
            self._seen[raw] = found
        return found

    def optional(self, raw: Any) -> uuid.UUID | None:
        return None if raw is None else self(raw)


class _Lookups:
    """What every batch needs: term keys and values, our team, the id cache."""

    def __init__(self, session: Session) -> None:
        self.ids = _Ids()
        kinds = (vocab.ROLE, vocab.ATTITUDE, vocab.INFLUENCE, vocab.COVERAGE)
        rows = session.execute(
            select(_raw(VocabularyTerm.id), VocabularyTerm.key, VocabularyTerm.value).where(
                VocabularyTerm.kind.in_(kinds)
            )
        )
        self.term_key: dict[Any, str] = {}
        self.term_value: dict[Any, int | None] = {}
        for raw, key, value in rows:
            self.term_key[raw] = key
            self.term_value[raw] = value
        members = session.execute(select(_raw(TeamMember.id), TeamMember.name, TeamMember.function))
        self.team = {
            (member := self.ids(raw)): Owner(member, name, function)
            for raw, name, function in members
        }

    def value(self, raw: Any) -> int | None:
        return None if raw is None else self.term_value.get(raw)


def _roles(session: Session, where: Any, lookups: _Lookups) -> dict[Any, set[str]]:
    roles: dict[Any, set[str]] = {}
    rows = session.execute(
        select(_raw(stakeholder_roles.c.stakeholder_id), _raw(stakeholder_roles.c.role_id))
        .join(Stakeholder, Stakeholder.id == stakeholder_roles.c.stakeholder_id)
        .where(where)
    )
    for person, role in rows:
        if role in lookups.term_key:
            roles.setdefault(person, set()).add(lookups.term_key[role])
    return roles


def _load_batch(
    session: Session, accounts: Sequence[tuple[uuid.UUID, str]], lookups: _Lookups
) -> list[AccountDMU]:
    """The DMUs of a batch of accounts in four queries."""
    account_ids = [account_id for account_id, _ in accounts]
    in_batch = Stakeholder.account_id.in_(account_ids)
    ids = lookups.ids
    roles = _roles(session, in_batch, lookups)
    touched: dict[Any, date] = dict(
        session.execute(
            select(_raw(Touch.stakeholder_id), func.max(Touch.occurred_on))
            .where(Touch.account_id.in_(account_ids), Touch.stakeholder_id.is_not(None))
            .group_by(Touch.stakeholder_id)
        ).all()
    )
    people: dict[uuid.UUID, list[Person]] = {account_id: [] for account_id in account_ids}
    columns = (
        Stakeholder.name,
        Stakeholder.title,
        Stakeholder.inner_circle,
        *map(_raw, (Stakeholder.id, Stakeholder.account_id, Stakeholder.attitude_id)),
        *map(_raw, (Stakeholder.influence_id, Stakeholder.coverage_id)),
        *map(_raw, (Stakeholder.sales_owner_id, Stakeholder.marketing_owner_id)),
    )
    for row in session.execute(select(*columns).where(in_batch)):
        name, title, inner, raw_id, account, attitude, influence, coverage, sales, marketing = row
        people[ids(account)].append(
            Person(
                id=ids(raw_id),
                name=name,
                title=title or "",
                roles=frozenset(roles.get(raw_id, ())),
                attitude=lookups.value(attitude),
                influence=lookups.value(influence),
                inner_circle=bool(inner),
                coverage=lookups.value(coverage),
                sales_owner_id=ids.optional(sales),
                marketing_owner_id=ids.optional(marketing),
                last_touched=touched.get(raw_id),
            )
        )
    lines: dict[uuid.UUID, list[Line]] = {account_id: [] for account_id in account_ids}
    line_rows = session.execute(
        select(
            _raw(StakeholderLine.account_id),
            _raw(StakeholderLine.source_id),
            _raw(StakeholderLine.target_id),
            StakeholderLine.kind,
            StakeholderLine.dotted,
            StakeholderLine.strength,
        ).where(StakeholderLine.account_id.in_(account_ids))
    )
    for account, source, target, kind, dotted, strength in line_rows:
        lines[ids(account)].append(Line(ids(source), ids(target), kind, bool(dotted), strength))
    return [
        AccountDMU(
            account_id,
            name,
            tuple(people[account_id]),
            tuple(lines[account_id]),
            lookups.team,
        )
        for account_id, name in accounts
    ]


def _positions(session: Session, account_id: uuid.UUID) -> dict[str, dict[uuid.UUID, Position]]:
    rows = session.execute(
        select(NodePosition.view, NodePosition.stakeholder_id, NodePosition.x, NodePosition.y)
        .join(Stakeholder, Stakeholder.id == NodePosition.stakeholder_id)
        .where(Stakeholder.account_id == account_id)
    )
    positions: dict[str, dict[uuid.UUID, Position]] = {}
    for view, person_id, x, y in rows:
        positions.setdefault(view, {})[person_id] = (x, y)
    return positions


def load_account_dmu(plan: Plan, account_id: uuid.UUID) -> AccountDMU:
    """One account's DMU with its hand-set positions, in one read."""
    with plan.read() as session:
        name = session.scalar(select(Account.name).where(Account.id == account_id))
        if name is None:
            raise NotFoundError("That account no longer exists.")
        (dmu,) = _load_batch(session, [(account_id, name)], _Lookups(session))
        return replace(dmu, positions=_positions(session, account_id))


def accounts_by_name(
    plan: Plan, account_ids: Iterable[uuid.UUID] | None = None
) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of every account (or those of ``account_ids``) in analysis order."""
    with plan.read() as session:
        rows = [(i, name) for i, name in session.execute(select(Account.id, Account.name))]
    if account_ids is not None:
        wanted = set(account_ids)
        rows = [r for r in rows if r[0] in wanted]
    rows.sort(key=lambda r: (r[1].casefold(), r[1], str(r[0])))
    return rows


def _batches(
    plan: Plan, accounts: Sequence[tuple[uuid.UUID, str]], batch: int
) -> Iterator[AccountDMU]:
    for start in range(0, len(accounts), batch):
        with plan.read() as session:
            loaded = _load_batch(session, accounts[start : start + batch], _Lookups(session))
        yield from loaded


def iter_account_dmus(
    plan: Plan, account_ids: Iterable[uuid.UUID] | None = None, *, batch: int = BATCH
) -> Iterator[AccountDMU]:
    """Every account's DMU (or those of ``account_ids``) by account name, batch by batch.

    Hand-set positions are left out: a portfolio analysis does not need them.
    """
    return _batches(plan, accounts_by_name(plan, account_ids), batch)


# --------------------------------------------------------------------------- analysing
def analyse_account(
    plan: Plan, account_id: uuid.UUID, *, today: date | None = None
) -> AccountAnalysis:
    """Analyse one account's DMU (findings, status, influence ranking, warm path)."""
    from abm_planner.dmu.analysis import analyse_dmu

    return analyse_dmu(load_account_dmu(plan, account_id), today or date.today())


def analyse_accounts(
    plan: Plan,
    account_ids: Iterable[uuid.UUID] | None = None,
    *,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[AccountAnalysis]:
    """Analyse every account (or those of ``account_ids``), by account name.

    ``progress(done, total)`` is called after each batch and at the end; when
    ``cancelled()`` turns true (checked before each account) the run stops with
    ``AnalysisCancelled``. Runs fine off the GUI thread: it only reads the plan.
    """
    from abm_planner.dmu.analysis import analyse_dmu

    day = today or date.today()
    accounts = accounts_by_name(plan, account_ids)
    total = len(accounts)
    if progress:
        progress(0, total)
    results: list[AccountAnalysis] = []
    for dmu in _batches(plan, accounts, BATCH):
        if cancelled is not None and cancelled():
            raise AnalysisCancelled
        results.append(analyse_dmu(dmu, day))
        if progress and (len(results) % PROGRESS_EVERY == 0 or len(results) == total):
            progress(len(results), total)
    return results


def find_account(plan: Plan, name: str) -> tuple[uuid.UUID, str]:
    """The one account called ``name`` (any case), else the one whose name contains it."""
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        raise UserError("Give the name of an account.")
    with plan.read() as session:
        rows = [(r[0], r[1]) for r in session.execute(select(Account.id, Account.name))]
    exact = [r for r in rows if " ".join(r[1].split()).casefold() == wanted]
    matches = exact or [r for r in rows if wanted in r[1].casefold()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError(f"No account is called '{name}' in {plan.location}.")
    names = sorted(r[1] for r in matches)
    shown = "; ".join(names[:10]) + (f"; and {len(names) - 10} more" if len(names) > 10 else "")
    if exact:
        raise AmbiguousAccountError(
            f"{len(names)} accounts are called '{name}'; rename one to tell them apart."
        )
    raise AmbiguousAccountError(
        f"'{name}' fits {len(names)} accounts: {shown}. Give more of the name."
    )


# --------------------------------------------------------------------------- output
def analysis_as_json(analysis: AccountAnalysis) -> dict[str, Any]:
    """The ``analyze --json`` object for one account (keep these keys stable)."""
    return {
        "account": analysis.account,
        "status": analysis.status,
        "findings": [_finding_json(f) for f in analysis.findings],
        "influence_ranking": [p.name for p in analysis.influence_ranking],
        "warm_path": list(analysis.warm_path) if analysis.warm_path is not None else None,
    }


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "message": finding.message,
        "stakeholders": list(finding.stakeholders),
    }


_MARKS = {RED: "RED", AMBER: "AMBER", GREEN: "GREEN"}
TOP_INFLUENCERS = 5


def format_analysis(analysis: AccountAnalysis) -> str:
    """One account's analysis as a person reads it in a terminal."""
    lines = [f"{analysis.account}: {_MARKS.get(analysis.status, analysis.status)}"]
    if not analysis.findings:
        lines.append("  No gaps found in the decision-making unit.")
    for finding in analysis.findings:
        lines.append(f"  - {finding.message}  [{finding.code}]")
    top = [p.name for p in analysis.influence_ranking[:TOP_INFLUENCERS]]
    if top:
        more = len(analysis.influence_ranking) - len(top)
        lines.append(
            "  Most influential: " + ", ".join(top) + (f" (+{more} more)" if more > 0 else "")
        )
    if analysis.warm_path is None:
        lines.append("  Warm path to the economic buyer: none.")
    elif len(analysis.warm_path) == 1:
        lines.append(f"  Warm path: {analysis.warm_path[0]} is the economic buyer and on our side.")
    else:
        lines.append("  Warm path: " + " → ".join(analysis.warm_path))
    return "\n".join(lines)


def format_analyses(
    analyses: Sequence[AccountAnalysis], notes: Mapping[uuid.UUID, Sequence[str]] | None = None
) -> str:
    """Several accounts, one block each, with a count per status at the end.

    ``notes`` adds lines under an account's block (the play checks' clashes and gaps).
    """
    extra = notes or {}
    blocks = ["\n".join([format_analysis(a), *extra.get(a.account_id, ())]) for a in analyses]
    counts = {status: sum(1 for a in analyses if a.status == status) for status in _MARKS}
    tally = ", ".join(f"{n:,} {status}" for status, n in counts.items())
    plural = "account" if len(analyses) == 1 else "accounts"
    return "\n\n".join([*blocks, f"{len(analyses):,} {plural}: {tally}."])
