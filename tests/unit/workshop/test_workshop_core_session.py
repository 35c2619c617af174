"""Starting and ending a workshop: participants, agenda and the automatic snapshots."""

from __future__ import annotations

from datetime import date

import pytest
from workshop_core_builders import Room

from abm_planner.errors import UserError
from abm_planner.services.plan_changes import changes_since
from abm_planner.services.plan_snapshots import list_snapshots
from abm_planner.services.plans import Plan
from abm_planner.services.team import delete_team_member, restore_team_member
from abm_planner.services.workshops import (
    DEFAULT_AGENDA,
    end_workshop,
    list_workshops,
    start_workshop,
    update_agenda,
    workshop_view,
)


def test_a_started_workshop_has_its_room_agenda_and_start_snapshot(plan: Plan, room: Room) -> None:
    with plan.read() as session:
        view = workshop_view(session, room.workshop_id)
        snapshots = {s.id: s for s in list_snapshots(session)}
    assert (view.title, view.held_on, view.status) == (
        "Test workshop",
        date(2026, 11, 20),
        "running",
    )
    assert view.accounts == [(room.account_id, room.account_name)]
    assert {(m, side) for m, _name, side in view.participants} == {
        (room.seller, "sales"),
        (room.marketer, "marketing"),
    }
    assert [(s.step, s.title) for s in view.agenda] == DEFAULT_AGENDA
    start = snapshots[view.start_snapshot_id]  # type: ignore[index]
    assert (start.label, start.kind) == (
        "Test workshop 2026-11-20 start",
        "workshop_start",
    )


def test_ending_takes_the_end_snapshot_and_refuses_twice(plan: Plan, room: Room) -> None:
    end_workshop(plan, room.workshop_id)
    with plan.read() as session:
        view = workshop_view(session, room.workshop_id)
        labels = {s.id: s.label for s in list_snapshots(session)}
        assert room.workshop_id in [w.id for w in list_workshops(session)]
    assert view.status == "ended" and view.ended_at is not None
    assert labels[view.end_snapshot_id] == "Test workshop 2026-11-20 end"  # type: ignore[index]
    assert changes_since(plan, labels[view.end_snapshot_id]).empty  # type: ignore[index]
    with pytest.raises(UserError, match="already ended"):
        end_workshop(plan, room.workshop_id)


def test_a_second_workshop_of_the_same_name_and_day_gets_its_own_snapshot(
    plan: Plan, room: Room
) -> None:
    second = start_workshop(
        plan,
        title="Test workshop",
        held_on=date(2026, 11, 20),
        account_ids=[room.account_id],
        participants=[],
    )
    with plan.read() as session:
        label = {s.id: s.label for s in list_snapshots(session)}[
            workshop_view(session, second).start_snapshot_id  # type: ignore[index]
        ]
    assert label == "Test workshop 2026-11-20 start (2)"


def test_the_agenda_is_editable_with_time_boxes(plan: Plan, room: Room) -> None:
    with plan.write() as unit:
        update_agenda(
            unit,
            room.workshop_id,
            [("dmu", "Map the DMU", 30), ("custom", "Coffee", 10), ("actions", "Actions", None)],
        )
    with plan.read() as session:
        agenda = workshop_view(session, room.workshop_id).agenda
    assert [(s.position, s.step, s.title, s.minutes) for s in agenda] == [
        (0, "dmu", "Map the DMU", 30),
        (1, "custom", "Coffee", 10),
        (2, "actions", "Actions", None),
    ]
    with pytest.raises(UserError, match="Unknown agenda step"), plan.write() as unit:
        update_agenda(unit, room.workshop_id, [("lunch", "Lunch", 30)])


def test_a_workshop_needs_a_title_and_accounts(plan: Plan, room: Room) -> None:
    with pytest.raises(UserError, match="needs a title"):
        start_workshop(
            plan, title=" ", held_on=date.today(), account_ids=[room.account_id], participants=[]
        )
    with pytest.raises(UserError, match="at least one account"):
        start_workshop(plan, title="X", held_on=date.today(), account_ids=[], participants=[])
    with pytest.raises(UserError, match="sales or marketing"):
        start_workshop(
            plan,
            title="X",
            held_on=date.today(),
            account_ids=[room.account_id],
            participants=[(room.seller, "finance")],
        )


def test_deleting_a_participant_from_the_team_is_undoable(plan: Plan, room: Room) -> None:
    captured = delete_team_member(plan, room.seller)
    with plan.read() as session:
        sides = [side for _m, _n, side in workshop_view(session, room.workshop_id).participants]
    assert sides == ["marketing"]
    restore_team_member(plan, captured)
    with plan.read() as session:
        view = workshop_view(session, room.workshop_id)
    assert view.side_of(room.seller) == "sales"
