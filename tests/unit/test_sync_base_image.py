"""The sync base as an image: only changed records are read, whatever wrote them."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, insert, select, update
from sync_pairs import account_named, accounts, edit, state, synced_pair

from abm_planner.services import sync_compare
from abm_planner.services.plans import Plan
from abm_planner.services.sync import sync
from abm_planner.services.sync_image import IMAGE_ROW
from abm_planner.services.sync_state import encode_base, read_canonical, synced_tables
from abm_planner.store.base import utcnow
from abm_planner.store.models import Account, Stakeholder, SyncBase


@pytest.fixture
def pair(demo_plan_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with synced_pair(demo_plan_path, tmp_path) as plans:
        yield plans


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The key sets the comparison read records for (None: a whole table)."""
    seen: list[Any] = []
    real = sync_compare.read_canonical

    def spy(connection: Any, shape: Any, keys: Any = None) -> Any:
        seen.append(None if keys is None else set(keys))
        return real(connection, shape, keys)

    monkeypatch.setattr(sync_compare, "read_canonical", spy)
    return seen


def _core_update(plan: Plan, model: type, record_id: Any, **values: Any) -> None:
    """A set-wise write as some services make it: the version column stays as it was."""
    with plan.write() as unit:
        unit.session.execute(update(model).where(model.id == record_id).values(**values))


def test_writes_that_leave_the_version_alone_are_synced_both_ways(pair, reads) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, second, *_ = accounts(mine)
    _core_update(mine, Account, first.id, notes="offline, set-wise")
    _core_update(server, Account, second.id, notes="team, set-wise")

    report = sync(mine, server)

    assert (report.sent, report.received) == (1, 1)
    for plan in (mine, server):
        assert account_named(plan, first.name).notes == "offline, set-wise"  # type: ignore[union-attr]
        assert account_named(plan, second.name).notes == "team, set-wise"  # type: ignore[union-attr]
    assert state(mine) == state(server)
    assert None not in reads  # no table was read in full
    assert set().union(*reads) == {first.id.hex, second.id.hex}


def test_a_sync_with_nothing_to_do_reads_no_record(pair, reads) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, *_ = accounts(mine)
    edit(mine, Account, first.id, notes="offline")
    sync(mine, server)
    reads.clear()

    again = sync(mine, server)

    assert again.applied and not again.changed_anything
    assert reads and all(keys == set() for keys in reads)


def test_a_base_in_the_older_format_still_merges_and_becomes_an_image(pair, reads) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    with mine.write() as unit:  # the base as releases before the image wrote it
        connection = unit.session.connection()
        connection.execute(delete(SyncBase))
        for shape in synced_tables():
            records = read_canonical(connection, shape)
            connection.execute(
                insert(SyncBase).values(
                    id=uuid.uuid4(),
                    table_name=shape.name,
                    row_count=len(records),
                    payload=encode_base(records, shape),
                    created_at=utcnow(),
                    updated_at=utcnow(),
                    version=1,
                )
            )
    first, second, *_ = accounts(mine)
    edit(mine, Account, first.id, notes="offline")
    edit(server, Account, first.id, website="https://team.example")
    person = _first_person(server)
    _core_update(server, Stakeholder, person.id, title="Team title")

    report = sync(mine, server)

    assert (report.sent, report.received, report.merged) == (0, 1, 1)
    assert state(mine) == state(server)
    assert None in reads  # compared in full this once
    with mine.read() as session:
        assert list(session.scalars(select(SyncBase.table_name))) == [IMAGE_ROW]
    reads.clear()
    edit(server, Account, second.id, notes="team")
    assert sync(mine, server).received == 1
    assert None not in reads


def test_an_image_without_a_column_compares_that_table_in_full(pair, reads) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    import sqlite3

    from abm_planner.store.snapshot_payload import compress, image_of

    with mine.read() as session:
        payload = session.scalars(select(SyncBase.payload)).one()
    older = sqlite3.connect(":memory:")
    older.deserialize(image_of(payload))  # type: ignore[arg-type]
    older.execute('ALTER TABLE "accounts" DROP COLUMN "notes"')  # as a revision before it
    older.commit()
    payload = compress(older.serialize())
    with mine.write() as unit:
        unit.session.execute(update(SyncBase).values(payload=payload))
    first, second, *_ = accounts(mine)
    edit(mine, Account, first.id, region="Offline region")
    edit(server, Account, second.id, notes="team notes")

    report = sync(mine, server)

    # Which side changed the notes the base cannot tell: asked, not guessed.
    [conflict] = report.unresolved
    assert (conflict.record, conflict.field, conflict.base) == (second.name, "notes", "(unknown)")
    assert None in reads
    report = sync(mine, server, prefer="theirs")
    assert report.applied
    assert account_named(mine, second.name).notes == "team notes"  # type: ignore[union-attr]
    assert account_named(server, first.name).region == "Offline region"  # type: ignore[union-attr]
    assert state(mine) == state(server)


def _first_person(plan: Plan) -> Stakeholder:
    with plan.read() as session:
        found = session.scalars(select(Stakeholder).order_by(Stakeholder.id)).first()
    assert found is not None
    return found


def test_a_damaged_base_is_one_sentence_and_changes_nothing(pair) -> None:  # type: ignore[no-untyped-def]
    from abm_planner.errors import PlanFileError

    mine, server = pair
    with mine.write() as unit:
        unit.session.execute(update(SyncBase).values(payload=b"ABMSNAP1\x00\x00\x00\x04junk"))
    before = state(server, versions=True)

    with pytest.raises(PlanFileError, match="sync base of this offline copy is damaged"):
        sync(mine, server)

    assert state(server, versions=True) == before
