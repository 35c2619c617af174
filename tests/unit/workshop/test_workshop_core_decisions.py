"""Decisions and actions: the one-line capture, the lists per account and per workshop."""

from __future__ import annotations

from datetime import date

import pytest
from workshop_core_builders import Room

from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.decisions import (
    CaptureLine,
    actions_for_workshop,
    add_action,
    add_decision,
    decisions_for_account,
    decisions_for_workshop,
    delete_action,
    open_actions_for_account,
    parse_capture_line,
    resolve_capture,
    restore_action,
    update_action,
)
from abm_planner.services.plans import Plan

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Ship pilot proposal @Ana Ruiz !2026-12-15 #Contoso",
            CaptureLine("Ship pilot proposal", "Ana Ruiz", date(2026, 12, 15), "Contoso"),
        ),
        (
            "Agree the renewal owner #Helix Pharma AG",
            CaptureLine("Agree the renewal owner", None, None, "Helix Pharma AG"),
        ),
        ("Send deck !+3 @Tom", CaptureLine("Send deck", "Tom", date(2026, 11, 26), None)),
        ("Send deck !+2w", CaptureLine("Send deck", None, date(2026, 12, 7), None)),
        ("Call back !tomorrow", CaptureLine("Call back", None, date(2026, 11, 24), None)),
        ("Mail ana@contoso.com the notes", CaptureLine("Mail ana@contoso.com the notes")),
        ("  Keep   spaces  tidy   @ Ana   Ruiz ", CaptureLine("Keep   spaces  tidy", "Ana Ruiz")),
    ],
)
def test_a_capture_line_splits_into_text_owner_due_date_and_account(
    line: str, expected: CaptureLine
) -> None:
    assert parse_capture_line(line, today=TODAY) == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("@Ana !today", "Type what was decided"),
        ("Send deck !next week", "not a due date"),
        ("Send deck @Ana @Tom", "one owner"),
        ("Send deck #", "needs a name or date"),
    ],
)
def test_a_bad_capture_line_is_refused_in_one_sentence(line: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        parse_capture_line(line, today=TODAY)


def test_a_captured_line_resolves_names_to_records(plan: Plan, room: Room) -> None:
    with plan.read() as session:
        from abm_planner.store.models import TeamMember

        seller = session.get(TeamMember, room.seller)
        assert seller is not None
        line = parse_capture_line(
            f"Book the briefing @{seller.name.lower()} !2026-12-01 #{room.account_name.upper()}"
        )
        resolved = resolve_capture(session, line)
        assert (resolved.owner_id, resolved.account_id) == (room.seller, room.account_id)
        with pytest.raises(NotFoundError, match="no team member called “Nobody”"):
            resolve_capture(session, parse_capture_line("X @Nobody"))


def test_decisions_and_actions_are_listed_per_account_and_workshop(plan: Plan, room: Room) -> None:
    with plan.write() as unit:
        decision = add_decision(
            unit,
            text="Helix stays strategic\nReview after the QBR.",
            account_id=room.account_id,
            workshop_id=room.workshop_id,
            linked=[("stakeholder", room.people[0][0])],
            decided_by="Aisha and Tom",
        )
        soon = add_action(
            unit,
            text="Book the briefing",
            account_id=room.account_id,
            workshop_id=room.workshop_id,
            owner_id=room.seller,
            due_on=date(2026, 12, 1),
        )
        later = add_action(
            unit, text="Draft the value report", account_id=room.account_id, due_on=date(2027, 1, 5)
        )
        done = add_action(unit, text="Share notes", account_id=room.account_id, status="done")

    with plan.read() as session:
        [row] = decisions_for_workshop(session, room.workshop_id)
        assert (row.id, row.title, row.workshop_title) == (
            decision,
            "Helix stays strategic",
            "Test workshop",
        )
        assert decision in [d.id for d in decisions_for_account(session, room.account_id)]
        open_ids = [a.id for a in open_actions_for_account(session, room.account_id)]
        assert open_ids.index(soon) < open_ids.index(later)
        assert done not in open_ids
        [in_room] = actions_for_workshop(session, room.workshop_id)
        assert (in_room.id, in_room.due_on) == (soon, date(2026, 12, 1))
        assert in_room.owner_name and in_room.workshop_title == "Test workshop"

    with plan.write() as unit:
        previous = update_action(unit, soon, status="done")
    assert previous == {"status": "open"}
    with plan.read() as session:
        assert soon not in [a.id for a in open_actions_for_account(session, room.account_id)]
    with plan.write() as unit:
        row_of_later = delete_action(unit, later)
    with plan.write() as unit:
        restore_action(unit, row_of_later)
    with plan.read() as session:
        assert later in [a.id for a in open_actions_for_account(session, room.account_id)]


def test_actions_refuse_unknown_statuses_and_fields(plan: Plan, room: Room) -> None:
    with pytest.raises(UserError, match="open, done, dropped"), plan.write() as unit:
        add_action(unit, text="X", account_id=room.account_id, status="maybe")
    with plan.write() as unit:
        action = add_action(unit, text="X", account_id=room.account_id)
    with pytest.raises(UserError, match="no field"), plan.write() as unit:
        update_action(unit, action, colour="red")


def test_an_ambiguous_name_asks_for_more(plan: Plan, room: Room) -> None:
    with plan.read() as session, pytest.raises(UserError, match="More than one account matches"):
        resolve_capture(session, parse_capture_line("X #a"))
