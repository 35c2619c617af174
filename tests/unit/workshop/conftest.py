"""Workshop fixtures: a copy of the demo plan per test, and a running workshop on it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from workshop_core_builders import Room

from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.workshops import start_workshop
from abm_planner.store.models import Account, Stakeholder, TeamMember


@pytest.fixture
def demo_copy(demo_plan_path: Path, tmp_path: Path) -> Path:
    """A copy of the session's demo plan that a test may change."""
    copy = tmp_path / "Workshop demo.abmplan"
    shutil.copyfile(demo_plan_path, copy)
    return copy


@pytest.fixture
def plan(demo_copy: Path) -> Iterator[Plan]:
    opened = open_plan(demo_copy)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def room(plan: Plan) -> Room:
    with plan.read() as session:
        account = session.scalars(select(Account).order_by(Account.name)).first()
        assert account is not None
        people = [
            (p.id, p.name)
            for p in session.scalars(
                select(Stakeholder)
                .where(Stakeholder.account_id == account.id)
                .order_by(Stakeholder.name)
            )
        ]
        seller = session.scalars(select(TeamMember).where(TeamMember.function == "sales")).first()
        marketer = session.scalars(
            select(TeamMember).where(TeamMember.function == "marketing")
        ).first()
        assert seller is not None and marketer is not None
    workshop_id = start_workshop(
        plan,
        title="Test workshop",
        held_on=date(2026, 11, 20),
        account_ids=[account.id],
        participants=[(seller.id, "sales"), (marketer.id, "marketing")],
    )
    return Room(workshop_id, account.id, account.name, people, seller.id, marketer.id)
