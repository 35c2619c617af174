"""Touches: contacts with stakeholders, logged by either function, maybe for a play.

Logging, correcting and deleting a touch (with an undo snapshot), an account's touch
log, and each stakeholder's count against the plan's threshold for a viable lead.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, aliased

from abm_planner.dmu.records import HIGH_INFLUENCE
from abm_planner.domain.fields import field_map
from abm_planner.errors import NotFoundError, UserError
from abm_planner.plays.fields import TOUCH_FIELDS, check_touch_function
from abm_planner.plays.records import TouchRecord, TouchTally
from abm_planner.plays.touches import touch_tallies
from abm_planner.services.plans import Plan
from abm_planner.services.record_fields import check_references, clean_changes
from abm_planner.services.snapshots import Snapshot, restore
from abm_planner.store.models import (
    PlanSettings,
    PlayAssignment,
    Stakeholder,
    TeamMember,
    Touch,
    VocabularyTerm,
)

SPECS = field_map(TOUCH_FIELDS)
CHANGE_KIND = "touch"


@dataclass(frozen=True, slots=True)
class TouchRow:
    """One line of an account's touch log."""

    id: uuid.UUID
    occurred_on: date
    stakeholder_id: uuid.UUID | None
    stakeholder: str
    channel: str
    by: str
    function: str
    play: str
    notes: str


@dataclass(frozen=True, slots=True)
class PersonTouches:
    """A stakeholder's touches against the threshold, for the Plays tab."""

    stakeholder_id: uuid.UUID
    name: str
    title: str
    key_player: bool
    tally: TouchTally


@dataclass(frozen=True, slots=True)
class TouchSettings:
    touch_threshold: int
    max_touches_per_week: int


def touch_settings(plan: Plan) -> TouchSettings:
    """The plan's agreed threshold and weekly limit."""
    with plan.read() as session:
        return _settings(session)


def _settings(session: Session) -> TouchSettings:
    row = session.execute(
        select(PlanSettings.touch_threshold, PlanSettings.max_touches_per_week)
    ).first()
    return TouchSettings(*(row or (8, 3)))


def log_touch(
    plan: Plan,
    stakeholder_id: uuid.UUID,
    values: dict[str, Any],
    touch_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Log a touch on a stakeholder (date, channel, by whom, function, maybe a play)."""
    values = dict(values)
    assignment_id = values.pop("assignment_id", None)
    clean = clean_changes(SPECS, values)
    if clean.get("occurred_on") is None:
        raise UserError("Give the date of the touch.")
    clean["function"] = check_touch_function(clean.get("function") or "sales")
    with plan.write() as unit:
        session = unit.session
        person = session.get(Stakeholder, stakeholder_id)
        if person is None:
            raise NotFoundError("That stakeholder no longer exists.")
        check_references(session, SPECS, clean)
        if assignment_id is not None:
            play = session.get(PlayAssignment, assignment_id)
            if play is None or play.account_id != person.account_id:
                raise UserError("That play is not (or no longer) one of this account's plays.")
        touch = Touch(
            id=touch_id or uuid.uuid4(),
            account_id=person.account_id,
            stakeholder_id=stakeholder_id,
            assignment_id=assignment_id,
            **clean,
        )
        session.add(touch)
        session.flush()
        unit.changed(CHANGE_KIND, touch.id, account_id=person.account_id)
        unit.changed("stakeholder", stakeholder_id, account_id=person.account_id)
        return touch.id


EDITABLE = ("stakeholder_id", "assignment_id", *SPECS)
"""What a correction may change: who, which play, and the logged fields."""


def touch_values(plan: Plan, touch_id: uuid.UUID) -> dict[str, Any]:
    """The touch's editable values, to fill the dialog that corrects it."""
    with plan.read() as session:
        touch = session.get(Touch, touch_id)
        if touch is None:
            raise NotFoundError("That touch no longer exists.")
        return {name: getattr(touch, name) for name in EDITABLE}


def update_touch(plan: Plan, touch_id: uuid.UUID, changes: dict[str, Any]) -> dict[str, Any]:
    """Correct a logged touch in one transaction; return the old values (for undo).

    The person and the play may change, but only to ones of the touch's account: a
    touch is history of that account.
    """
    changes = dict(changes)
    people: dict[str, Any] = {
        name: changes.pop(name) for name in ("stakeholder_id", "assignment_id") if name in changes
    }
    clean = clean_changes(SPECS, changes)
    if "stakeholder_id" in people and people["stakeholder_id"] is None:
        raise UserError("Choose the stakeholder who was touched.")
    if "occurred_on" in clean and clean["occurred_on"] is None:
        raise UserError("Give the date of the touch.")
    if "function" in clean:
        clean["function"] = check_touch_function(clean["function"] or "sales")
    with plan.write() as unit:
        session = unit.session
        touch = session.get(Touch, touch_id)
        if touch is None:
            raise NotFoundError("That touch no longer exists.")
        check_references(session, SPECS, clean)
        if people.get("stakeholder_id", touch.stakeholder_id) != touch.stakeholder_id:
            person = session.get(Stakeholder, people["stakeholder_id"])
            if person is None or person.account_id != touch.account_id:
                raise UserError("That stakeholder is not (or no longer) in this account.")
        if people.get("assignment_id") is not None:
            play = session.get(PlayAssignment, people["assignment_id"])
            if play is None or play.account_id != touch.account_id:
                raise UserError("That play is not (or no longer) one of this account's plays.")
        clean.update(people)
        old = {name: getattr(touch, name) for name in clean}
        touched_people = {touch.stakeholder_id, clean.get("stakeholder_id", touch.stakeholder_id)}
        for name, value in clean.items():
            setattr(touch, name, value)
        unit.changed(CHANGE_KIND, touch_id, account_id=touch.account_id)
        for person_id in touched_people - {None}:
            unit.changed("stakeholder", person_id, account_id=touch.account_id)
    return old


def delete_touch(plan: Plan, touch_id: uuid.UUID) -> Snapshot:
    with plan.write() as unit:
        touch = unit.session.get(Touch, touch_id)
        if touch is None:
            raise NotFoundError("That touch no longer exists.")
        snapshot = Snapshot(CHANGE_KIND, touch_id, touch.account_id)
        rows = unit.session.execute(select(Touch.__table__).where(Touch.id == touch_id))
        snapshot.tables.append((Touch.__table__, [dict(r) for r in rows.mappings()]))  # type: ignore[arg-type]
        person = touch.stakeholder_id
        unit.session.execute(delete(Touch).where(Touch.id == touch_id))
        unit.changed(CHANGE_KIND, touch_id, account_id=snapshot.account_id)
        if person is not None:
            unit.changed("stakeholder", person, account_id=snapshot.account_id)
    return snapshot


def restore_touch(plan: Plan, snapshot: Snapshot) -> None:
    with plan.write() as unit:
        restore(unit.session, snapshot)
        unit.changed(CHANGE_KIND, snapshot.record_id, account_id=snapshot.account_id)


def list_touches(plan: Plan, account_id: uuid.UUID) -> list[TouchRow]:
    """The account's touch log, newest first."""
    channel, member = aliased(VocabularyTerm), aliased(TeamMember)
    query = (
        select(
            Touch.id,
            Touch.occurred_on,
            Touch.stakeholder_id,
            func.coalesce(Stakeholder.name, ""),
            func.coalesce(channel.label, ""),
            func.coalesce(member.name, ""),
            Touch.function,
            func.coalesce(PlayAssignment.name, ""),
            Touch.notes,
        )
        .outerjoin(Stakeholder, Stakeholder.id == Touch.stakeholder_id)
        .outerjoin(channel, channel.id == Touch.channel_id)
        .outerjoin(member, member.id == Touch.by_member_id)
        .outerjoin(PlayAssignment, PlayAssignment.id == Touch.assignment_id)
        .where(Touch.account_id == account_id)
        .order_by(Touch.occurred_on.desc(), Stakeholder.name)
    )
    with plan.read() as session:
        return [TouchRow(*row) for row in session.execute(query)]


def account_touch_records(session: Session, account_ids: list[uuid.UUID]) -> list[Any]:
    """(account id, touch record) pairs of the accounts' touches, in two columns only."""
    rows = session.execute(
        select(
            Touch.account_id,
            Touch.stakeholder_id,
            Touch.occurred_on,
            Touch.function,
            Touch.assignment_id,
        ).where(Touch.account_id.in_(account_ids), Touch.stakeholder_id.is_not(None))
    )
    return [(a, TouchRecord(s, day, fn, play)) for a, s, day, fn, play in rows]


def people_touches(
    plan: Plan, account_id: uuid.UUID, *, today: date | None = None
) -> list[PersonTouches]:
    """Every stakeholder of the account with their touch tally, by name."""
    day = today or date.today()
    influence = aliased(VocabularyTerm)
    with plan.read() as session:
        settings = _settings(session)
        people = session.execute(
            select(
                Stakeholder.id,
                Stakeholder.name,
                Stakeholder.title,
                Stakeholder.inner_circle,
                influence.value,
            )
            .outerjoin(influence, influence.id == Stakeholder.influence_id)
            .where(Stakeholder.account_id == account_id)
            .order_by(Stakeholder.name)
        ).all()
        touches = [t for _, t in account_touch_records(session, [account_id])]
    tallies = touch_tallies(
        touches, [p[0] for p in people], threshold=settings.touch_threshold, today=day
    )
    return [
        PersonTouches(
            person_id,
            name,
            title,
            bool(inner) or (value or 0) >= HIGH_INFLUENCE,
            tallies[person_id],
        )
        for person_id, name, title, inner, value in people
    ]
