"""The offline-copy sync between two plan files: merges, conflicts, decisions, versions."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_pairs import account_named, accounts, edit, people_of, remove, state, synced_pair

from abm_planner.errors import ReadOnlyPlanError
from abm_planner.services import sync as sync_module
from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.sync import (
    ConcurrentEditError,
    NotAnOfflineCopyError,
    is_offline_copy,
    origin_of,
    sync,
)
from abm_planner.store.models import (
    Account,
    NodePosition,
    Stakeholder,
    StakeholderLine,
    Touch,
    VocabularyTerm,
)


@pytest.fixture
def pair(demo_plan_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with synced_pair(demo_plan_path, tmp_path) as plans:
        yield plans


def _two_accounts(plan: Plan) -> tuple[Account, Account]:
    first, second, *_ = accounts(plan)
    return first, second


def test_the_copy_remembers_its_origin_and_the_team_plan_is_no_offline_copy(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    origin = origin_of(mine)
    assert origin is not None
    assert origin.location == str(server.path)
    assert origin.base_records > 100
    assert is_offline_copy(mine)
    assert not is_offline_copy(server)
    with pytest.raises(NotAnOfflineCopyError, match="not an offline copy"):
        sync(server, mine)


def test_disjoint_edits_merge_both_ways_and_both_sides_end_equal(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, second = _two_accounts(mine)
    server_version = next(a for a in accounts(server) if a.id == first.id).version
    edit(mine, Account, first.id, notes="Offline workshop notes")  # same record, other fields
    edit(server, Account, first.id, website="https://team.example")
    edit(mine, Account, second.id, region="Offline region")  # a record only one side changed
    person = people_of(server, second.id)[0]
    edit(server, Stakeholder, person.id, title="Chief Team Officer")

    report = sync(mine, server)

    assert report.applied and not report.conflicts
    assert (report.sent, report.received, report.merged) == (1, 1, 1)
    for plan in (mine, server):
        merged = account_named(plan, first.name)
        assert merged is not None
        assert (merged.notes, merged.website) == ("Offline workshop notes", "https://team.example")
        assert account_named(plan, second.name).region == "Offline region"  # type: ignore[union-attr]
        assert people_of(plan, second.id)[0].title == "Chief Team Officer"
    assert state(mine, versions=True) == state(server, versions=True)
    # The server's version moved past both sides' edits, so other clients see theirs is stale.
    assert account_named(server, first.name).version > server_version + 1  # type: ignore[union-attr]


def test_a_second_sync_is_a_no_op(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, second = _two_accounts(mine)
    edit(mine, Account, first.id, notes="mine")
    edit(server, Account, second.id, notes="theirs")
    assert sync(mine, server).applied
    before = state(server, versions=True)

    again = sync(mine, server)

    assert again.applied
    assert (again.sent, again.received, again.merged, again.conflicts) == (0, 0, 0, [])
    assert state(server, versions=True) == before == state(mine, versions=True)


def test_the_same_field_changed_on_both_sides_is_a_conflict_and_nothing_changes(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, second = _two_accounts(mine)
    edit(mine, Account, first.id, region="Mine", notes="only mine")
    edit(server, Account, first.id, region="Theirs")
    edit(server, Account, second.id, notes="only theirs")
    before = (state(mine, versions=True), state(server, versions=True))

    report = sync(mine, server)

    assert not report.applied
    [conflict] = report.unresolved
    assert (conflict.table, conflict.record, conflict.field) == ("accounts", first.name, "region")
    assert (conflict.mine, conflict.theirs, conflict.base) == ("Mine", "Theirs", first.region)
    assert (state(mine, versions=True), state(server, versions=True)) == before


def test_the_same_new_value_on_both_sides_is_no_conflict(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, _second = _two_accounts(mine)
    edit(mine, Account, first.id, region="Agreed")
    edit(server, Account, first.id, region="Agreed")
    report = sync(mine, server)
    assert report.applied and not report.conflicts
    assert state(mine) == state(server)
    # The base caught up: a later change on one side is a plain change, not a conflict.
    edit(mine, Account, first.id, region="Later")
    later = sync(mine, server)
    assert (later.sent, later.conflicts) == (1, [])
    assert account_named(server, first.name).region == "Later"  # type: ignore[union-attr]


@pytest.mark.parametrize("prefer", ["mine", "theirs"])
def test_prefer_decides_every_conflict(pair, prefer: str) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, _second = _two_accounts(mine)
    edit(mine, Account, first.id, region="Mine", notes="only mine")
    edit(server, Account, first.id, region="Theirs", website="only.theirs")

    report = sync(mine, server, prefer=prefer)  # type: ignore[arg-type]

    assert report.applied and len(report.conflicts) == 1 and not report.unresolved
    for plan in (mine, server):
        account = account_named(plan, first.name)
        assert account is not None
        assert account.region == ("Mine" if prefer == "mine" else "Theirs")
        assert (account.notes, account.website) == ("only mine", "only.theirs")
    assert state(mine, versions=True) == state(server, versions=True)


def test_resolve_decides_conflict_by_conflict(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, second = _two_accounts(mine)
    for account, suffix in ((first, "1"), (second, "2")):
        edit(mine, Account, account.id, region="Mine " + suffix)
        edit(server, Account, account.id, region="Theirs " + suffix)
    choices = {first.name: "mine", second.name: "theirs"}

    report = sync(mine, server, resolve=lambda c: choices[c.record])  # type: ignore[arg-type,return-value]

    assert report.applied and len(report.conflicts) == 2
    assert account_named(server, first.name).region == "Mine 1"  # type: ignore[union-attr]
    assert account_named(mine, second.name).region == "Theirs 2"  # type: ignore[union-attr]
    assert state(mine) == state(server)


def test_delete_offline_against_an_edit_in_the_team_is_a_conflict(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, _second = _two_accounts(mine)
    people = len(people_of(server, first.id))
    remove(mine, Account, first.id)
    edit(server, Account, first.id, notes="still working on it")

    report = sync(mine, server)
    assert not report.applied
    record = [c for c in report.unresolved if c.field is None and c.table == "accounts"]
    assert [(c.record, c.mine) for c in record] == [(first.name, "(deleted)")]
    assert record[0].theirs == "edited: notes"
    assert account_named(mine, first.name) is None  # nothing written yet

    kept = sync(mine, server, prefer="theirs")
    assert kept.applied
    # Kept after all: the account comes back with the people its deletion took along.
    assert account_named(mine, first.name).notes == "still working on it"  # type: ignore[union-attr]
    assert len(people_of(mine, first.id)) == len(people_of(server, first.id)) == people
    assert state(mine) == state(server)


def test_delete_in_the_team_against_an_offline_edit_decided_for_the_deletion(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, _second = _two_accounts(mine)
    remove(server, Account, first.id)
    edit(mine, Account, first.id, notes="edited on the train")

    report = sync(mine, server, prefer="theirs")

    assert report.applied
    assert [c.theirs for c in report.conflicts if c.field is None] == ["(deleted)"]
    assert account_named(mine, first.name) is None
    assert people_of(mine, first.id) == []
    assert state(mine) == state(server)


def test_plain_deletions_travel_both_ways(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, second = _two_accounts(mine)
    remove(mine, Account, first.id)
    gone = people_of(server, second.id)[0]
    remove(server, Stakeholder, gone.id)

    report = sync(mine, server)

    assert report.applied and not report.conflicts
    assert account_named(server, first.name) is None
    assert gone.id not in {p.id for p in people_of(mine, second.id)}
    assert state(mine) == state(server)


def test_adds_on_both_sides_arrive_on_the_other(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, _second = _two_accounts(mine)
    new_account = uuid.uuid4()
    with mine.write() as unit:
        unit.session.add(Account(id=new_account, name="Offline Newco"))
        unit.session.add(Stakeholder(account_id=new_account, name="Nina New"))
    with server.write() as unit:
        unit.session.add(Stakeholder(account_id=first.id, name="Tom Teamadded"))

    report = sync(mine, server)

    assert report.applied and (report.sent, report.received) == (2, 1)
    for plan in (mine, server):
        assert [p.name for p in people_of(plan, new_account)] == ["Nina New"]
        assert "Tom Teamadded" in {p.name for p in people_of(plan, first.id)}
    assert state(mine, versions=True) == state(server, versions=True)


def test_deleting_what_the_other_side_added_to_is_a_conflict(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, _second = _two_accounts(mine)
    remove(mine, Account, first.id)
    late = uuid.uuid4()
    with server.write() as unit:
        unit.session.add(Stakeholder(id=late, account_id=first.id, name="Late Arrival"))
    with server.write() as unit:  # no ORM relationship orders these two: one unit each
        unit.session.add(NodePosition(stakeholder_id=late, view="org", x=1.0, y=2.0))

    report = sync(mine, server)
    assert not report.applied
    [conflict] = report.unresolved
    assert (conflict.table, conflict.field, conflict.mine) == ("accounts", None, "(deleted)")
    assert conflict.theirs == "kept: it still has stakeholders Late Arrival"

    assert sync(mine, server, prefer="mine").applied
    assert account_named(server, first.name) is None
    with server.read() as session:
        assert session.scalars(select(NodePosition).where(NodePosition.x == 1.0)).first() is None
    with server.read() as session:
        assert (
            session.scalars(select(Stakeholder).where(Stakeholder.name == "Late Arrival")).first()
            is None
        )
    assert state(mine) == state(server)


def test_an_edit_on_the_server_during_the_sync_is_detected_not_overwritten(
    pair, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, _second = _two_accounts(mine)
    edit(mine, Account, first.id, region="Mine")
    edit(server, Account, first.id, region="Theirs")
    before_mine = state(mine, versions=True)
    real_apply = sync_module.apply_ops

    def teammate_saves_first(*args: object, **kwargs: object) -> int:
        # A teammate saves after this sync compared and before it writes.
        if kwargs.get("where", args[3] if len(args) > 3 else "") == "this file":
            edit(server, Account, first.id, region="Teammate, just now")
        return real_apply(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sync_module, "apply_ops", teammate_saves_first)
    with pytest.raises(ConcurrentEditError, match="changed in the team plan while the sync ran"):
        sync(mine, server, prefer="mine")

    assert account_named(server, first.name).region == "Teammate, just now"  # type: ignore[union-attr]
    assert state(mine, versions=True) == before_mine


def test_lines_and_touches_sync_generically(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    with mine.read() as session:
        line = session.scalars(select(StakeholderLine)).first()
        touch = session.scalars(select(Touch)).first()
    assert line is not None and touch is not None
    edit(mine, StakeholderLine, line.id, strength=3)
    remove(server, Touch, touch.id)
    report = sync(mine, server)
    assert report.applied and (report.sent, report.received) == (1, 1)
    assert state(mine) == state(server)


def test_a_conflicting_reference_shows_the_names_it_points_at(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, _second = _two_accounts(mine)
    with mine.read() as session:
        tiers = {
            term.key: term
            for term in session.scalars(select(VocabularyTerm).where(VocabularyTerm.kind == "tier"))
        }
    keys = sorted(key for key in tiers if tiers[key].id != first.tier_id)[:2]
    edit(mine, Account, first.id, tier_id=tiers[keys[0]].id)
    edit(server, Account, first.id, tier_id=tiers[keys[1]].id)

    [conflict] = sync(mine, server).unresolved

    assert (conflict.field, conflict.mine, conflict.theirs) == (
        "tier_id",
        tiers[keys[0]].label,
        tiers[keys[1]].label,
    )
    assert sync(mine, server, resolve=lambda c: "theirs").applied  # type: ignore[arg-type,return-value]
    assert account_named(mine, first.name).tier_id == tiers[keys[1]].id  # type: ignore[union-attr]


def test_a_change_sent_to_the_server_moves_both_versions_on(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, _second = _two_accounts(mine)
    edit(mine, Account, first.id, notes="only offline")
    before = account_named(server, first.name).version  # type: ignore[union-attr]

    report = sync(mine, server)

    assert (report.sent, report.received, report.merged) == (1, 0, 0)
    assert account_named(server, first.name).version == before + 1  # type: ignore[union-attr]
    assert state(mine, versions=True) == state(server, versions=True)


def test_a_record_added_on_the_server_to_what_the_sync_deletes_stops_it(
    pair, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, _second = _two_accounts(mine)
    remove(mine, Account, first.id)
    before_mine = state(mine, versions=True)
    real_apply = sync_module.apply_ops

    def teammate_adds_first(*args: object, **kwargs: object) -> int:
        if args[3] == "this file":
            with server.write() as unit:
                unit.session.add(Stakeholder(account_id=first.id, name="Just Added"))
        return real_apply(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sync_module, "apply_ops", teammate_adds_first)
    with pytest.raises(ConcurrentEditError, match="Someone added a stakeholder to the account"):
        sync(mine, server)

    assert account_named(server, first.name) is not None
    assert "Just Added" in {p.name for p in people_of(server, first.id)}
    assert state(mine, versions=True) == before_mine


def test_a_read_only_team_plan_still_brings_in_the_team_edits_but_takes_none(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, second = _two_accounts(mine)
    edit(server, Account, second.id, notes="from the team")
    reader = open_plan(server.path, read_only=True)  # type: ignore[arg-type]
    try:
        assert sync(mine, reader).received == 1
        assert account_named(mine, second.name).notes == "from the team"  # type: ignore[union-attr]

        edit(mine, Account, first.id, notes="offline")
        before = state(mine, versions=True)
        with pytest.raises(
            ReadOnlyPlanError, match=r"cannot be sent: the team plan .* is read-only"
        ):
            sync(mine, reader)
        assert state(mine, versions=True) == before
    finally:
        reader.close()
