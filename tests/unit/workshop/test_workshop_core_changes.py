"""Snapshot, edit, compare: ``changes_since`` lists exactly the edits made since."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.accounts import delete_account, restore_deleted, update_account
from abm_planner.services.decisions import add_action
from abm_planner.services.plan_changes import changes_since, format_changes
from abm_planner.services.plan_snapshots import delete_snapshot, list_snapshots, take_snapshot
from abm_planner.services.plans import Plan
from abm_planner.services.stakeholders import (
    create_stakeholder,
    delete_stakeholder,
    update_stakeholder,
)
from abm_planner.store.models import (
    Account,
    ActionItem,
    Objective,
    Stakeholder,
    WorkshopAccount,
)


def _accounts(plan: Plan) -> list[tuple[uuid.UUID, str]]:
    with plan.read() as session:
        return [(a.id, a.name) for a in session.scalars(select(Account).order_by(Account.name))]


def _lonely_stakeholder(plan: Plan, account_id: uuid.UUID) -> tuple[uuid.UUID, str]:
    """A stakeholder of the account that no objective names (its delete changes nothing else)."""
    with plan.read() as session:
        named = select(Objective.stakeholder_id).where(Objective.stakeholder_id.is_not(None))
        person = session.scalars(
            select(Stakeholder)
            .where(Stakeholder.account_id == account_id, Stakeholder.id.not_in(named))
            .order_by(Stakeholder.name)
        ).first()
        assert person is not None
        return person.id, person.name


def test_no_edits_means_no_changes(plan: Plan) -> None:
    info = take_snapshot(plan, "Baseline")
    assert info.record_count > 1000
    assert info.size > 0
    report = changes_since(plan, "Baseline")
    assert report.to_json() == {"added": [], "changed": [], "removed": []}
    assert "nothing changed" in format_changes(report)


def test_changes_list_exactly_the_edits_since_the_snapshot(plan: Plan) -> None:
    with plan.read() as session:
        # The demo's workshop account: its actions and estimates must come back on undo.
        c_id = session.scalars(select(WorkshopAccount.account_id)).first()
        assert c_id is not None and session.scalar(
            select(func.count()).select_from(ActionItem).where(ActionItem.account_id == c_id)
        )
    others = [(i, n) for i, n in _accounts(plan) if i != c_id]
    (a_id, a_name), (b_id, b_name), (d_id, d_name) = others[:3]
    person_id, person_name = _lonely_stakeholder(plan, b_id)
    editor_id, _editor = _lonely_stakeholder(plan, a_id)
    take_snapshot(plan, "Before the workshop")

    new_person = create_stakeholder(plan, a_id, {"name": "Nadia Petrova", "title": "CIO"})
    update_account(plan, b_id, {"notes": "Budget moves to Q3."})
    update_stakeholder(plan, editor_id, {"title": "Chief Operating Officer"})
    delete_stakeholder(plan, person_id)
    restore_deleted(plan, delete_account(plan, c_id))  # deleted, then undone
    delete_account(plan, d_id)
    with plan.write() as unit:
        add_action(unit, text="Call the new CIO", account_id=a_id)

    report = changes_since(plan, "Before the workshop")

    assert sorted((i["type"], i["account"], i["name"]) for i in report.added) == [
        ("Action", a_name, "Call the new CIO"),
        ("Stakeholder", a_name, "Nadia Petrova"),
    ]
    assert str(new_person) in {i["record"] for i in report.added}
    changed = {(i["type"], i["account"], i["record"], i["field"], i["new"]) for i in report.changed}
    assert changed == {
        ("Account", b_name, str(b_id), "notes", "Budget moves to Q3."),
        ("Stakeholder", a_name, str(editor_id), "title", "Chief Operating Officer"),
    }
    removed_accounts = {i["account"] for i in report.removed}
    assert removed_accounts == {b_name, d_name}
    assert ("Account", str(d_id)) in {(i["type"], i["record"]) for i in report.removed}
    of_b = [i for i in report.removed if i["account"] == b_name]
    assert ("Stakeholder", str(person_id)) in {(i["type"], i["record"]) for i in of_b}
    # Everything else removed from B hung off the deleted stakeholder.
    assert all(
        i["record"] == str(person_id)
        or person_name in i["name"]
        or i["type"] == "Play target"
        or i["type"] == "Touch"
        for i in of_b
    )
    with plan.read() as session:
        assert session.get(Account, c_id) is not None

    text = format_changes(report)
    assert f"\n{d_name}\n" in text and "- Account" in text
    assert "~ Account" in text and "“Budget moves to Q3.”" in text


def test_changes_can_be_limited_to_accounts(plan: Plan) -> None:
    (a_id, a_name), (b_id, _b) = _accounts(plan)[:2]
    take_snapshot(plan, "Start")
    update_account(plan, a_id, {"notes": "A"})
    update_account(plan, b_id, {"notes": "B"})
    report = changes_since(plan, "Start", account_ids=[a_id])
    assert [(i["account"], i["new"]) for i in report.changed] == [(a_name, "A")]
    assert report.only_accounts([a_name]).to_json() == report.to_json()


def test_references_show_as_names_and_booleans_as_booleans(plan: Plan) -> None:
    (a_id, _a) = _accounts(plan)[0]
    person_id, _name = _lonely_stakeholder(plan, a_id)
    with plan.read() as session:
        person = session.get(Stakeholder, person_id)
        assert person is not None
        flag = person.inner_circle
    take_snapshot(plan, "Start")
    with plan.write() as unit:
        person = unit.session.get(Stakeholder, person_id)
        assert person is not None
        person.inner_circle = not flag
        person.attitude_id = None
    report = changes_since(plan, "Start")
    fields = {i["field"]: (i["old"], i["new"]) for i in report.changed}
    assert fields["inner_circle"] == (flag, not flag)
    if "attitude_id" in fields:
        old, new = fields["attitude_id"]
        assert new is None and isinstance(old, str) and "-" not in old[8:9]


def test_labels_are_unique_and_unknown_ones_are_named(plan: Plan) -> None:
    take_snapshot(plan, "Q3")
    with pytest.raises(UserError, match="already exists"):
        take_snapshot(plan, "Q3")
    with pytest.raises(UserError, match="needs a label"):
        take_snapshot(plan, "   ")
    with pytest.raises(NotFoundError, match=r"“Q4”.*“Q3”"):
        changes_since(plan, "Q4")
    delete_snapshot(plan, "Q3")
    with plan.read() as session:
        assert "Q3" not in [s.label for s in list_snapshots(session)]


def test_a_snapshot_does_not_contain_snapshots(plan: Plan) -> None:
    first = take_snapshot(plan, "One")
    second = take_snapshot(plan, "Two")
    assert second.record_count == first.record_count
    assert changes_since(plan, "One").empty
