"""One user action is one unit of work: all of it is saved, or none of it."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    Text,
)
from sqlalchemy import select as sa_select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from abm_planner.errors import EditConflictError, ReadOnlyPlanError, UserError
from abm_planner.services.changes import Change
from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.summary import plan_summary
from abm_planner.store.models import Account, Base, PlayTemplate, TeamMember

MANAGED = {"id", "created_at", "updated_at", "version"}
RECORDS_PER_TABLE = 2
# Values a column's CHECK constraint or meaning restricts.
FIXED_VALUES = {("stakeholder_lines", "kind"): "influences"}


def mapped_classes() -> dict[Table, type]:
    return {mapper.local_table: mapper.class_ for mapper in Base.registry.mappers}  # type: ignore[misc]


def value_for(table: Table, column: Any, index: int) -> Any:
    """A non-default value of the column's type, different for each record."""
    if (table.name, column.name) in FIXED_VALUES:
        return FIXED_VALUES[(table.name, column.name)]
    kind = column.type
    if isinstance(kind, Boolean):
        return index % 2 == 0
    if isinstance(kind, Text):
        return f"{column.name} of record {index}\nsecond line — “quoted”, ünïcode ✓"
    if isinstance(kind, String):
        text = f"{column.name[:8]} {index} é"
        return text[: kind.length] if kind.length else text
    if isinstance(kind, Integer):
        return 40 + index
    if isinstance(kind, Numeric) and not isinstance(kind, Float):
        return 1_234_567.25 + index
    if isinstance(kind, Float):
        return 12.5 + index
    if isinstance(kind, DateTime):
        return datetime(2026, 2, 28, 9, 30, 15, 123456) + timedelta(days=index)
    if isinstance(kind, Date):
        return date(2026, 2, 28) + timedelta(days=index)
    if isinstance(kind, LargeBinary):
        return bytes([index, 0, 255]) * 8 + b"\x00blob"
    raise AssertionError(f"no test value for {table.name}.{column.name} ({kind!r})")


def fill_every_table(session: Session) -> dict[str, list[dict[str, Any]]]:
    """Two records in every table, every field set; returns the values by table."""
    classes = mapped_classes()
    ids: dict[str, list[uuid.UUID]] = {}
    written: dict[str, list[dict[str, Any]]] = {}
    for table in Base.metadata.sorted_tables:
        rows = []
        for index in range(RECORDS_PER_TABLE):
            values: dict[str, Any] = {}
            seen_targets: dict[str, int] = {}
            for column in table.columns:
                if column.name in MANAGED and table in classes:
                    continue
                foreign = next(iter(column.foreign_keys), None)
                if foreign is not None:
                    target = foreign.column.table.name
                    # A second link to the same table points at the other record,
                    # so lines never join a person to themself and pairs stay unique.
                    offset = seen_targets.get(target, 0)
                    seen_targets[target] = offset + 1
                    values[column.name] = ids[target][(index + offset) % RECORDS_PER_TABLE]
                else:
                    values[column.name] = value_for(table, column, index)
            rows.append(values)
        if table in classes:
            records = [classes[table](**values) for values in rows]
            session.add_all(records)
            session.flush()
            ids[table.name] = [record.id for record in records]
        else:
            session.execute(table.insert(), rows)
        written[table.name] = rows
    return written


def test_every_record_survives_a_round_trip_through_the_file(tmp_plan: Plan) -> None:
    before = datetime.now().replace(microsecond=0) - timedelta(days=1)
    with tmp_plan.write() as unit:
        written = fill_every_table(unit.session)
    assert set(written) == set(Base.metadata.tables), "every table is exercised"
    path = tmp_plan.path
    assert path is not None
    tmp_plan.close()

    plan = open_plan(path)
    try:
        with plan.read() as session:
            for table in Base.metadata.sorted_tables:
                cls = mapped_classes().get(table)
                for values in written[table.name]:
                    if cls is None:
                        match = sa_select(table).filter_by(**values)
                        assert session.execute(match).one_or_none(), (table.name, values)
                        continue
                    record = session.scalars(sa_select(cls).filter_by(**values)).one()
                    for name, expected in values.items():
                        assert getattr(record, name) == expected, f"{table.name}.{name}"
                    assert isinstance(record.id, uuid.UUID)
                    assert record.version == 1
                    assert isinstance(record.created_at, datetime)
                    assert record.created_at >= before
                    assert record.updated_at >= record.created_at
    finally:
        plan.close()


def test_an_update_increments_the_version_and_keeps_the_creation_time(tmp_plan: Plan) -> None:
    with tmp_plan.write() as unit:
        account = Account(name="Granite Logistics")
        unit.session.add(account)
    created = account.created_at

    with tmp_plan.write() as unit:
        stored = unit.session.get(Account, account.id)
        assert stored is not None
        stored.notes = "Met the COO at the fair."
    with tmp_plan.write() as unit:
        stored = unit.session.get(Account, account.id)
        assert stored is not None
        stored.name = "Granite Logistics GmbH"

    with tmp_plan.read() as session:
        again = session.get(Account, account.id)
        assert again is not None
        assert (again.name, again.notes) == ("Granite Logistics GmbH", "Met the COO at the fair.")
        assert again.version == 3
        assert again.created_at == created
        assert again.updated_at >= created


def test_an_edit_based_on_a_stale_copy_is_refused(tmp_plan: Plan) -> None:
    with tmp_plan.write() as unit:
        account = Account(name="Orion Health")
        unit.session.add(account)

    with tmp_plan.read() as session:
        seen_by_window_a = session.get(Account, account.id)
        assert seen_by_window_a is not None
        session.expunge(seen_by_window_a)  # window A keeps its copy while B edits
    assert seen_by_window_a.version == 1

    with tmp_plan.write() as unit:  # window B saves first
        fresh = unit.session.get(Account, account.id)
        assert fresh is not None
        fresh.name = "Orion Health plc"

    # Window A saves its copy: refused (StaleDataError, as a conflict naming what changed).
    with pytest.raises(EditConflictError) as caught, tmp_plan.write() as unit:
        unit.session.add(seen_by_window_a)
        seen_by_window_a.name = "Orion Health Group"
    assert isinstance(caught.value.__cause__, StaleDataError)
    assert caught.value.fields == ("name",)
    assert caught.value.theirs == {"name": "Orion Health plc"}
    assert caught.value.mine == {"name": "Orion Health Group"}

    with tmp_plan.read() as session:
        kept = session.get(Account, account.id)
        assert kept is not None
        assert (kept.name, kept.version) == ("Orion Health plc", 2)


def test_a_failing_action_leaves_the_file_unchanged(tmp_plan: Plan) -> None:
    path = tmp_plan.path
    assert path is not None
    before = path.read_bytes()
    summary_before = plan_summary(tmp_plan)

    with pytest.raises(ValueError, match="halfway"), tmp_plan.write() as unit:
        unit.session.add(Account(name="Half-made account"))
        unit.session.add(TeamMember(name="Half-made member"))
        unit.session.flush()
        raise ValueError("the action failed halfway")

    assert path.read_bytes() == before
    assert plan_summary(tmp_plan) == summary_before
    with tmp_plan.read() as session:
        assert session.scalars(sa_select(Account)).all() == []


def test_a_change_the_plan_rejects_is_not_reported_as_damage(tmp_plan: Plan) -> None:
    """A duplicate where the plan allows one record must not tell the user the file is broken."""
    path = tmp_plan.path
    assert path is not None
    with tmp_plan.read() as session:
        existing = session.scalars(sa_select(PlayTemplate.name)).first()
    before = path.read_bytes()

    with pytest.raises(UserError) as refused, tmp_plan.write() as unit:
        unit.session.add(PlayTemplate(name=existing))

    assert "damaged" not in str(refused.value)
    assert path.read_bytes() == before


def test_a_read_only_plan_refuses_to_write(tmp_plan: Plan) -> None:
    path = tmp_plan.path
    assert path is not None
    tmp_plan.close()
    before = path.read_bytes()

    plan = open_plan(path, read_only=True)
    try:
        with pytest.raises(ReadOnlyPlanError) as refused, plan.write() as unit:
            unit.session.add(Account(name="Should never be saved"))
        assert "read-only" in str(refused.value)
        assert plan_summary(plan)["accounts"] == 0
    finally:
        plan.close()
    assert path.read_bytes() == before


def test_changes_are_announced_only_after_the_commit(tmp_plan: Plan) -> None:
    announced: list[list[Change]] = []
    unsubscribe = tmp_plan.changes.subscribe(announced.append)

    with tmp_plan.write() as unit:
        account = Account(name="Lumen Energy")
        unit.session.add(account)
        unit.session.flush()
        unit.changed("account", account.id, account_id=account.id)
        assert announced == [], "nothing is announced before it is saved"
    assert announced == [[Change("account", (account.id,), account.id)]]

    with pytest.raises(RuntimeError), tmp_plan.write() as unit:
        unit.changed("account", account.id, account_id=account.id)
        raise RuntimeError("cancelled")
    assert len(announced) == 1, "a rolled-back action announces nothing"

    with pytest.raises(UserError), tmp_plan.write() as unit:
        unit.session.add(Account(name=None))  # type: ignore[arg-type]  # NOT NULL fails at commit
        unit.changed("account")
    assert len(announced) == 1, "an action that fails to commit announces nothing"

    with tmp_plan.write() as unit:
        pass
    assert len(announced) == 1, "an action without changes announces nothing"

    unsubscribe()
    with tmp_plan.write() as unit:
        unit.changed("plan")
    assert len(announced) == 1


def test_a_new_plan_is_named_after_its_file(tmp_path: Path, tmp_plan: Plan) -> None:
    assert tmp_plan.path == tmp_path / "Test plan.abmplan"
    assert tmp_plan.name == "Test plan"


def test_a_new_stakeholder_can_be_created_with_roles(tmp_plan) -> None:
    """Regression: looking up the roles flushed the new person before their name was set."""
    from abm_planner.services import accounts, lookups, stakeholders

    account_id = accounts.create_account(tmp_plan, {"name": "Roles Ltd"})
    roles = lookups.vocabulary(tmp_plan, "role")[:2]
    person = stakeholders.create_stakeholder(
        tmp_plan, account_id, {"name": "Ada", "role_ids": [r.id for r in roles]}
    )
    values = stakeholders.get_stakeholder(tmp_plan, person).values
    assert values["name"] == "Ada"
    assert set(values["role_ids"]) == {r.id for r in roles}
