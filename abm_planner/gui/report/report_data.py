"""What the handout says about each account, read from the plan as plain data.

No Qt here: this runs on a worker thread (the GUI) or the main one (the command
line), reads the plan through the services the app's tabs use, and hands the page
layout immutable rows with every label already looked up.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from abm_planner.dmu.records import AccountAnalysis
from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import NotFoundError, UserError
from abm_planner.excel.errors import OperationCancelled
from abm_planner.services.accounts import AccountRow, account_row, list_accounts
from abm_planner.services.decisions import (
    ActionRow,
    DecisionRow,
    decisions_for_account,
    open_actions_for_account,
)
from abm_planner.services.dmu_analysis import analyse_accounts, find_account
from abm_planner.services.objectives import ObjectiveRow, list_objectives
from abm_planner.services.plans import Plan
from abm_planner.services.play_timeline import TimelineBar, TimelineFilter, load_timeline
from abm_planner.store.models import TeamMember, VocabularyTerm

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

MAX_ACCOUNTS = 60  # a handout is for a meeting; a portfolio review is the workbook's job
TOP_INFLUENCERS = 5
FEW_ACCOUNTS = 4  # up to this many, each account's portfolio line is read on its own
SHORT_UNIT = 4  # characters of a unit that stays beside the number


@dataclass(frozen=True, slots=True)
class ObjectiveLine:
    """Target and actual carry a short unit ("EUR", "%"); a longer one ("meetings")
    is in ``unit`` instead, for a narrow number column."""

    kind: str
    title: str
    metric: str
    unit: str
    target: str
    actual: str
    owner: str
    due_on: date | None
    status: str


@dataclass(frozen=True, slots=True)
class AccountSection:
    """One account's pages: its header, DMU analysis, objectives, plays, decisions."""

    account: AccountRow
    status: str  # red / amber / green, the DMU analysis's verdict
    findings: tuple[str, ...]
    influencers: tuple[str, ...]
    warm_path: tuple[str, ...] | None
    people: int
    objectives: tuple[ObjectiveLine, ...]
    plays: tuple[TimelineBar, ...]
    decisions: tuple[DecisionRow, ...]
    actions: tuple[ActionRow, ...]

    @property
    def id(self) -> uuid.UUID:
        return self.account.id

    @property
    def name(self) -> str:
        return self.account.name


@dataclass(frozen=True, slots=True)
class ReportData:
    plan_name: str
    as_of: date
    sections: tuple[AccountSection, ...]


def plan_date(plan: Plan) -> date:
    """The date of the plan's state: when its file last changed (every edit is saved
    as it is made), or today for a plan that is not a file."""
    if plan.path is not None:
        try:
            return datetime.fromtimestamp(plan.path.stat().st_mtime).date()
        except OSError:
            pass
    return date.today()


def resolve_names(plan: Plan, names: Sequence[str]) -> list[uuid.UUID]:
    """Account ids for ``--account`` names, in the order given, each once.

    A name matches an account of that name (any case), else the one account whose
    name contains it; anything else is refused with a sentence that says why.
    """
    ids: list[uuid.UUID] = []
    for name in names:
        account_id, _ = find_account(plan, name)
        if account_id not in ids:
            ids.append(account_id)
    return ids


def check_count(count: int) -> None:
    if count == 0:
        raise UserError("Tick at least one account for the handout.")
    if count > MAX_ACCOUNTS:
        raise UserError(
            f"A handout holds at most {MAX_ACCOUNTS} accounts and {count:,} were chosen; "
            "pick the accounts of the meeting (--account NAME, or select them in the app)."
        )


def _number(value: float | None, unit: str) -> str:
    """ "480,000 EUR", "12.5 %" -> "12.5%", "3 meetings"; nothing when unset."""
    if value is None:
        return ""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    return text + unit if unit == "%" else f"{text} {unit}".strip()


def _objectives(
    rows: Sequence[ObjectiveRow], members: dict[uuid.UUID, str], statuses: dict[uuid.UUID, str]
) -> tuple[ObjectiveLine, ...]:
    lines = []
    for row in rows:
        short = row.unit if len(row.unit) <= SHORT_UNIT else ""
        lines.append(
            ObjectiveLine(
                kind=row.kind,
                title=row.title,
                metric=row.metric,
                unit="" if short else row.unit,
                target=_number(row.target, short),
                actual=_number(row.actual, short),
                owner=members.get(row.owner_id, "") if row.owner_id else "",
                due_on=row.due_on,
                status=statuses.get(row.status_id, "") if row.status_id else "",
            )
        )
    return tuple(lines)


def collect_section(
    plan: Plan,
    analysis: AccountAnalysis,
    members: dict[uuid.UUID, str],
    statuses: dict[uuid.UUID, str],
    rows: dict[uuid.UUID, AccountRow] | None = None,
) -> AccountSection:
    """One account's section; ``rows`` are portfolio lines already read, if any."""
    account_id = analysis.account_id
    account = rows.get(account_id) if rows is not None else account_row(plan, account_id)
    if account is None:
        raise NotFoundError("An account of the handout was deleted meanwhile; try again.")
    timeline = load_timeline(plan, TimelineFilter(account_id=account_id))
    with plan.read() as session:
        decisions = tuple(decisions_for_account(session, account_id))
        actions = tuple(open_actions_for_account(session, account_id))
    return AccountSection(
        account=account,
        status=analysis.status,
        findings=tuple(f.message for f in analysis.findings),
        influencers=tuple(p.name for p in analysis.influence_ranking[:TOP_INFLUENCERS]),
        warm_path=analysis.warm_path,
        people=account.stakeholders,
        objectives=_objectives(list_objectives(plan, account_id), members, statuses),
        plays=tuple(sorted(timeline.bars, key=lambda b: (b.start_on, b.end_on, b.name))),
        decisions=decisions,
        actions=actions,
    )


def collect_report(
    plan: Plan,
    account_ids: Sequence[uuid.UUID],
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    as_of: date | None = None,
) -> ReportData:
    """Everything the handout shows for ``account_ids`` (sorted by account name)."""
    check_count(len(account_ids))
    today = as_of or plan_date(plan)
    with plan.read() as session:
        members = {m.id: m.name for m in session.scalars(select(TeamMember))}
        statuses = {
            t.id: t.label
            for t in session.scalars(
                select(VocabularyTerm).where(VocabularyTerm.kind == vocab.OBJECTIVE_STATUS)
            )
        }
    analyses = analyse_accounts(plan, account_ids, today=today)  # by name
    # Many accounts: one read of the portfolio beats a query (and tier rules) per account.
    rows = {r.id: r for r in list_accounts(plan)} if len(account_ids) > FEW_ACCOUNTS else None
    if len(analyses) < len(set(account_ids)):
        raise NotFoundError("An account of the handout was deleted meanwhile; try again.")
    sections = []
    for done, analysis in enumerate(analyses):
        if cancelled is not None and cancelled():
            raise OperationCancelled
        if progress is not None:
            progress(done, len(analyses))
        sections.append(collect_section(plan, analysis, members, statuses, rows))
    return ReportData(plan.name, today, tuple(sections))
