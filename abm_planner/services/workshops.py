"""Running an account-planning workshop: start it, follow the agenda, end it.

A workshop names its accounts, the team members in the room (each estimating for
sales or marketing) and an agenda of steps with optional time boxes. Starting and
ending take a snapshot of the plan, so "what changed in the workshop" and "what
changed since it" are one comparison away (``plan_changes.changes_since``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.plan_snapshots import capture_into, unique_label
from abm_planner.services.plans import Plan, UnitOfWork
from abm_planner.store.base import utcnow
from abm_planner.store.models import (
    Account,
    AgendaStep,
    TeamMember,
    Workshop,
    WorkshopAccount,
    WorkshopParticipant,
)

SIDES = ("sales", "marketing")
STEPS = ("criteria_tier", "dmu", "needs_objectives", "plays_timeline", "actions", "custom")
STATUSES = ("planned", "running", "ended")
DEFAULT_AGENDA: list[tuple[str, str]] = [
    ("criteria_tier", "Agree criteria and tier"),
    ("dmu", "Map the DMU"),
    ("needs_objectives", "Needs and objectives"),
    ("plays_timeline", "Plays and timeline"),
    ("actions", "Actions"),
]
_GONE = "That workshop no longer exists."


@dataclass(frozen=True, slots=True)
class AgendaStepView:
    id: uuid.UUID
    position: int
    step: str
    title: str
    minutes: int | None
    done: bool


@dataclass(frozen=True, slots=True)
class WorkshopView:
    id: uuid.UUID
    title: str
    held_on: date
    status: str
    accounts: list[tuple[uuid.UUID, str]]
    participants: list[tuple[uuid.UUID, str, str]]  # team member id, name, side
    agenda: list[AgendaStepView]
    started_at: datetime | None = None
    ended_at: datetime | None = None
    start_snapshot_id: uuid.UUID | None = None
    end_snapshot_id: uuid.UUID | None = None

    def side_of(self, team_member_id: uuid.UUID) -> str | None:
        return next((side for m, _n, side in self.participants if m == team_member_id), None)


AgendaInput = Sequence[tuple[str, str, int | None] | tuple[str, str, int | None, bool]]


def _clean_agenda(agenda: AgendaInput | None) -> list[tuple[str, str, int | None, bool]]:
    if agenda is None:
        return [(step, title, None, False) for step, title in DEFAULT_AGENDA]
    cleaned = []
    for item in agenda:
        step, title, minutes = item[0], " ".join(str(item[1]).split()), item[2]
        done = bool(item[3]) if len(item) > 3 else False  # type: ignore[misc]
        if step not in STEPS:
            raise UserError(f"Unknown agenda step {step!r}; use one of {', '.join(STEPS)}.")
        if not title:
            raise UserError("Every agenda step needs a title.")
        if minutes is not None and (int(minutes) < 1 or int(minutes) > 600):
            raise UserError("A time box is between 1 and 600 minutes, or none.")
        cleaned.append((step, title[:300], None if minutes is None else int(minutes), done))
    return cleaned


def _check_participants(
    session: Session, participants: Iterable[tuple[uuid.UUID, str]]
) -> list[tuple[uuid.UUID, str]]:
    seen: dict[uuid.UUID, str] = {}
    for member_id, side in participants:
        if side not in SIDES:
            raise UserError(f"A participant sits on the sales or marketing side, not {side!r}.")
        if session.get(TeamMember, member_id) is None:
            raise NotFoundError("A participant is no longer on the team.")
        seen[member_id] = side
    return list(seen.items())


def _label(title: str, held_on: date, moment: str) -> str:
    """Say "workshop" once: "Account planning workshop 2026-11-20 start", "Workshop Q1 2026-…"."""
    named = title if "workshop" in title.casefold() else f"Workshop {title}"
    return f"{named} {held_on:%Y-%m-%d} {moment}"


def start_workshop(
    plan: Plan,
    *,
    title: str,
    held_on: date,
    account_ids: Sequence[uuid.UUID],
    participants: Sequence[tuple[uuid.UUID, str]],
    agenda: AgendaInput | None = None,
) -> uuid.UUID:
    """Record a running workshop after a snapshot of the plan as it was at its start."""
    title = " ".join(title.split())
    if not title:
        raise UserError("A workshop needs a title, for example “Q3 account planning”.")
    if not account_ids:
        raise UserError("Choose at least one account for the workshop.")
    steps = _clean_agenda(agenda)
    with plan.write() as unit:
        session = unit.session
        for account_id in account_ids:
            if session.get(Account, account_id) is None:
                raise NotFoundError("One of the chosen accounts no longer exists.")
        people = _check_participants(session, participants)
        label = unique_label(session, _label(title[:150], held_on, "start"))
        snapshot = capture_into(plan, unit, label, "workshop_start")
        workshop = Workshop(
            title=title[:300],
            held_on=held_on,
            status="running",
            started_at=utcnow(),
            start_snapshot_id=snapshot.id,
        )
        session.add(workshop)
        session.flush()
        session.add_all(
            WorkshopAccount(workshop_id=workshop.id, account_id=a)
            for a in dict.fromkeys(account_ids)
        )
        session.add_all(
            WorkshopParticipant(workshop_id=workshop.id, team_member_id=m, side=s)
            for m, s in people
        )
        _add_steps(session, workshop.id, steps)
        unit.changed("workshop", workshop.id)
        return workshop.id


def _add_steps(
    session: Session, workshop_id: uuid.UUID, steps: list[tuple[str, str, int | None, bool]]
) -> None:
    session.add_all(
        AgendaStep(workshop_id=workshop_id, position=i, step=s, title=t, minutes=m, done=d)
        for i, (s, t, m, d) in enumerate(steps)
    )


def _workshop(session: Session, workshop_id: uuid.UUID) -> Workshop:
    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFoundError(_GONE)
    return workshop


def end_workshop(plan: Plan, workshop_id: uuid.UUID) -> None:
    """Close the workshop with a snapshot of the plan as the workshop left it."""
    with plan.write() as unit:
        workshop = _workshop(unit.session, workshop_id)
        if workshop.status == "ended":
            raise UserError(f"The workshop “{workshop.title}” has already ended.")
        label = unique_label(unit.session, _label(workshop.title[:150], workshop.held_on, "end"))
        snapshot = capture_into(plan, unit, label, "workshop_end")
        workshop.status = "ended"
        workshop.ended_at = utcnow()
        workshop.end_snapshot_id = snapshot.id
        unit.changed("workshop", workshop.id)


def update_agenda(unit: UnitOfWork, workshop_id: uuid.UUID, steps: AgendaInput) -> None:
    """Replace the agenda with ``steps`` (step, title, minutes[, done]) in this order."""
    _workshop(unit.session, workshop_id)
    cleaned = _clean_agenda(steps)
    unit.session.execute(delete(AgendaStep).where(AgendaStep.workshop_id == workshop_id))
    _add_steps(unit.session, workshop_id, cleaned)
    unit.session.flush()
    unit.changed("workshop", workshop_id)


def set_step_done(unit: UnitOfWork, step_id: uuid.UUID, done: bool) -> None:
    """Tick an agenda step off (or not)."""
    step = unit.session.get(AgendaStep, step_id)
    if step is None:
        raise NotFoundError("That agenda step no longer exists.")
    step.done = done
    unit.changed("workshop", step.workshop_id)


def delete_workshop(unit: UnitOfWork, workshop_id: uuid.UUID) -> None:
    """Remove a workshop with its agenda and estimates; its decisions and actions stay."""
    _workshop(unit.session, workshop_id)
    unit.session.execute(delete(Workshop).where(Workshop.id == workshop_id))
    unit.changed("workshop", workshop_id)


def _views(session: Session, workshops: list[Workshop]) -> list[WorkshopView]:
    ids = [w.id for w in workshops]
    accounts: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {i: [] for i in ids}
    for workshop_id, account_id, name in session.execute(
        select(WorkshopAccount.workshop_id, Account.id, Account.name)
        .join(Account, Account.id == WorkshopAccount.account_id)
        .where(WorkshopAccount.workshop_id.in_(ids))
        .order_by(Account.name)
    ):
        accounts[workshop_id].append((account_id, name))
    people: dict[uuid.UUID, list[tuple[uuid.UUID, str, str]]] = {i: [] for i in ids}
    for workshop_id, member_id, name, side in session.execute(
        select(
            WorkshopParticipant.workshop_id,
            TeamMember.id,
            TeamMember.name,
            WorkshopParticipant.side,
        )
        .join(TeamMember, TeamMember.id == WorkshopParticipant.team_member_id)
        .where(WorkshopParticipant.workshop_id.in_(ids))
        .order_by(WorkshopParticipant.side.desc(), TeamMember.name)
    ):
        people[workshop_id].append((member_id, name, side))
    agenda: dict[uuid.UUID, list[AgendaStepView]] = {i: [] for i in ids}
    for step in session.scalars(
        select(AgendaStep).where(AgendaStep.workshop_id.in_(ids)).order_by(AgendaStep.position)
    ):
        agenda[step.workshop_id].append(
            AgendaStepView(step.id, step.position, step.step, step.title, step.minutes, step.done)
        )
    return [
        WorkshopView(
            w.id,
            w.title,
            w.held_on,
            w.status,
            accounts[w.id],
            people[w.id],
            agenda[w.id],
            w.started_at,
            w.ended_at,
            w.start_snapshot_id,
            w.end_snapshot_id,
        )
        for w in workshops
    ]


def workshop_view(session: Session, workshop_id: uuid.UUID) -> WorkshopView:
    return _views(session, [_workshop(session, workshop_id)])[0]


def list_workshops(session: Session) -> list[WorkshopView]:
    """Every workshop, the most recent first."""
    workshops = list(
        session.scalars(select(Workshop).order_by(Workshop.held_on.desc(), Workshop.created_at))
    )
    return _views(session, workshops)


def running_workshop(session: Session) -> WorkshopView | None:
    """The workshop under way, if any (the most recently started one)."""
    workshop = session.scalars(
        select(Workshop).where(Workshop.status == "running").order_by(Workshop.started_at.desc())
    ).first()
    return None if workshop is None else _views(session, [workshop])[0]
