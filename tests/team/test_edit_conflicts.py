"""Two people saving the same record of a team plan: a conflict, never a lost update."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from pg_test_server import PostgresServer

from abm_planner.errors import EditConflictError
from abm_planner.services.accounts import create_account, get_account, update_account
from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.server_plans import grant
from abm_planner.store.models import Account


@pytest.fixture
def two_sessions(server_plan_url: str) -> Iterator[tuple[Plan, Plan]]:
    """The same team plan opened twice, as by two people on two laptops."""
    first, second = open_plan(server_plan_url), open_plan(server_plan_url)
    try:
        yield first, second
    finally:
        first.close()
        second.close()


def test_the_second_save_of_the_same_record_is_a_conflict(
    two_sessions: tuple[Plan, Plan],
) -> None:
    alice, bob = two_sessions
    account_id = create_account(alice, {"name": "Acme", "notes": "first notes"})

    with pytest.raises(EditConflictError) as caught, bob.write() as unit:
        account = unit.session.get(Account, account_id)  # Bob reads version 1 ...
        update_account(alice, account_id, {"notes": "Alice's notes", "region": "EMEA"})
        account.notes = "Bob's notes"  # ... and saves over Alice's version 2.

    conflict = caught.value
    assert conflict.table == "accounts"
    assert conflict.record_id == account_id
    assert conflict.label == "Account 'Acme'"
    assert set(conflict.fields) == {"notes", "region"}
    assert conflict.mine["notes"] == "Bob's notes"
    assert conflict.theirs == {"notes": "Alice's notes", "region": "EMEA"}
    assert conflict.changed_at is not None
    assert conflict.changed_by == "postgres"  # the login role the server noted
    assert "Account 'Acme' was changed by postgres at " in str(conflict)
    assert "notes, region" in str(conflict) or "region, notes" in str(conflict)
    # Nothing was lost and nothing was overwritten.
    saved = get_account(alice, account_id)
    assert (saved["notes"], saved["region"], saved["version"]) == ("Alice's notes", "EMEA", 2)


def test_editing_a_record_someone_deleted_is_a_conflict(two_sessions: tuple[Plan, Plan]) -> None:
    alice, bob = two_sessions
    account_id = create_account(alice, {"name": "Gone Ltd"})
    deleted = pytest.raises(EditConflictError, match="was deleted by postgres at")
    with deleted as caught, bob.write() as unit:
        account = unit.session.get(Account, account_id)
        with alice.write() as other:
            other.session.delete(other.session.get(Account, account_id))
        account.name = "Renamed"
    assert caught.value.deleted
    with alice.read() as session:
        assert session.get(Account, account_id) is None


def test_edits_in_turn_are_no_conflict(two_sessions: tuple[Plan, Plan]) -> None:
    alice, bob = two_sessions
    account_id = create_account(alice, {"name": "Turns"})
    update_account(alice, account_id, {"notes": "one"})
    update_account(bob, account_id, {"region": "APAC"})
    update_account(alice, account_id, {"country": "Japan"})
    saved = get_account(bob, account_id)
    assert (saved["notes"], saved["region"], saved["country"]) == ("one", "APAC", "Japan")
    assert saved["version"] == 4


def test_the_conflict_names_the_role_that_saved_first(
    pg_server: PostgresServer, server_plan_url: str
) -> None:
    role = f"editor_{uuid.uuid4().hex[:8]}"
    pg_server.create_role(role, "pw-editor")
    grant(server_plan_url, role, edit=True)
    owner = open_plan(server_plan_url)
    member = open_plan(pg_server.url(server_plan_url.rsplit("/", 1)[1], role, "pw-editor"))
    try:
        account_id = create_account(owner, {"name": "Shared"})
        with pytest.raises(EditConflictError) as caught, owner.write() as unit:
            account = unit.session.get(Account, account_id)
            update_account(member, account_id, {"name": "Shared Ltd"})
            account.notes = "mine"
        assert caught.value.changed_by == role
        assert caught.value.fields == ("name",)
        assert f"was changed by {role}" in str(caught.value)
    finally:
        owner.close()
        member.close()
