"""The demo's workshop: one ended planning workshop on the demo's largest account.

A newcomer opening the demo should find the workshop features filled in: both sides'
blind estimates with a disagreement agreed, a few decisions, open actions with owners
and due dates, and the start and end snapshots the workshop took (so "what changed"
has something to show). Built through the same services the app uses.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import func, select

from abm_planner.services.decisions import add_action, add_decision
from abm_planner.services.estimates import agree, reveal, set_estimate
from abm_planner.services.plans import Plan
from abm_planner.services.workshops import end_workshop, start_workshop
from abm_planner.store.models import Account, Stakeholder, TeamMember

TITLE = "Account planning workshop"


def _largest_account(plan: Plan) -> tuple[uuid.UUID, str, uuid.UUID | None, uuid.UUID | None]:
    with plan.read() as session:
        people = func.count(Stakeholder.id)
        row = session.execute(
            select(Account.id, Account.name, Account.sales_owner_id, Account.marketing_owner_id)
            .join(Stakeholder, Stakeholder.account_id == Account.id)
            .group_by(Account.id)
            .order_by(people.desc(), Account.name)
            .limit(1)
        ).one()
    return row[0], row[1], row[2], row[3]


def _participants(
    plan: Plan, sales_owner: uuid.UUID | None, marketing_owner: uuid.UUID | None
) -> list[tuple[uuid.UUID, str]]:
    with plan.read() as session:
        members = session.execute(
            select(TeamMember.id, TeamMember.function).order_by(TeamMember.name)
        ).all()
    chosen: dict[uuid.UUID, str] = {}
    if sales_owner is not None:
        chosen[sales_owner] = "sales"
    if marketing_owner is not None:
        chosen.setdefault(marketing_owner, "marketing")
    for side in ("sales", "marketing"):
        if side not in chosen.values():
            extra = next((m for m, f in members if f == side and m not in chosen), None)
            if extra is not None:
                chosen[extra] = side
    return list(chosen.items())


def write_demo_workshop(plan: Plan) -> uuid.UUID:
    """Run the demo workshop two weeks ago on the account with the most stakeholders."""
    today = date.today()
    account_id, name, sales_owner, marketing_owner = _largest_account(plan)
    people = _participants(plan, sales_owner, marketing_owner)
    workshop_id = start_workshop(
        plan,
        title=TITLE,
        held_on=today - timedelta(days=14),
        account_ids=[account_id],
        participants=people,
        agenda=[
            ("criteria_tier", "Agree criteria and tier", 15),
            ("dmu", "Map the DMU", 30),
            ("needs_objectives", "Needs and objectives", 20),
            ("plays_timeline", "Plays and timeline", 25),
            ("actions", "Actions", 10),
        ],
    )
    owners = {side: member for member, side in people}
    with plan.write() as unit:
        session = unit.session
        stakeholders = list(
            session.scalars(
                select(Stakeholder.id)
                .where(Stakeholder.account_id == account_id)
                .order_by(Stakeholder.name)
                .limit(3)
            )
        )
        estimates = [(-1.0, 1.0), (2.0, 0.0), (1.0, 1.0)]
        for person, (sales, marketing) in zip(stakeholders, estimates, strict=False):
            for side, value in (("sales", sales), ("marketing", marketing)):
                set_estimate(
                    unit, workshop_id, side, "attitude", stakeholder_id=person, value=value
                )
            set_estimate(unit, workshop_id, "sales", "influence", stakeholder_id=person, value=3)
            set_estimate(
                unit, workshop_id, "marketing", "influence", stakeholder_id=person, value=2
            )
        session.flush()
        disagreements = reveal(session, workshop_id)
        if disagreements:
            agree(
                unit,
                workshop_id,
                disagreements[0],
                0.0,
                "Sales met them last month; marketing saw no engagement since. Neutral until "
                "the executive briefing shows where they stand.",
            )
        add_decision(
            unit,
            text=f"{name} stays in the strategic tier for the next two quarters",
            account_id=account_id,
            workshop_id=workshop_id,
            decided_by="Sales and marketing",
        )
        add_decision(
            unit,
            text="Marketing runs the executive briefing; sales owns the follow-up meetings",
            account_id=account_id,
            workshop_id=workshop_id,
            decided_by="Sales and marketing",
        )
        actions = [
            ("Book the executive briefing with the buying group", "sales", 10, "open"),
            ("Draft the value report for the renewal", "marketing", 21, "open"),
            ("Map the procurement contacts in the DMU", "sales", 30, "open"),
            ("Share the workshop notes with the account team", "marketing", -13, "done"),
        ]
        for text, side, days, status in actions:
            add_action(
                unit,
                text=text,
                account_id=account_id,
                workshop_id=workshop_id,
                owner_id=owners.get(side),
                due_on=today + timedelta(days=days),
                status=status,
            )
    end_workshop(plan, workshop_id)
    return workshop_id
