"""Snapshots travel with the plan: through an Excel round trip and through upgrades."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from abm_planner.cli import main
from abm_planner.errors import PlanFileError
from abm_planner.services.accounts import list_accounts, update_account
from abm_planner.services.defaults import seed_defaults
from abm_planner.services.plan_changes import changes_since
from abm_planner.services.plan_snapshots import list_snapshots, take_snapshot
from abm_planner.services.plans import Plan, open_plan
from abm_planner.store import plan_file, schema, snapshot_payload
from abm_planner.store.models import Account, PlanSnapshot


def _labels(plan: Plan) -> list[str]:
    with plan.read() as session:
        return [s.label for s in list_snapshots(session)]


def test_a_snapshot_survives_an_excel_export_and_import(demo_copy: Path, tmp_path: Path) -> None:
    plan = open_plan(demo_copy)
    try:
        take_snapshot(plan, "Before the round trip")
        first = list_accounts(plan)[0].name
    finally:
        plan.close()
    workbook = tmp_path / "plan.xlsx"
    assert main(["export", str(demo_copy), str(workbook), "--no-findings"]) == 0
    book = openpyxl.load_workbook(workbook)
    sheet = book["Accounts"]
    headers = [c.value for c in sheet[1]]
    name_at, region_at = headers.index("Name") + 1, headers.index("Region") + 1
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, name_at).value == first)
    sheet.cell(row, region_at).value = "Antarctica"
    book.save(workbook)
    assert main(["import", str(demo_copy), str(workbook)]) == 0

    plan = open_plan(demo_copy)
    try:
        assert "Before the round trip" in _labels(plan)
        report = changes_since(plan, "Before the round trip")
    finally:
        plan.close()
    assert [(i["account"], i["field"], i["new"]) for i in report.changed] == [
        (first, "region", "Antarctica")
    ]
    assert report.added == [] and report.removed == []


def _payload(plan: Plan, label: str) -> bytes:
    with plan.read() as session:
        snapshot = session.scalars(select(PlanSnapshot).where(PlanSnapshot.label == label)).one()
        return snapshot.payload


def _rewrite_payload(plan: Plan, label: str, change: Any) -> None:
    """Edit the image inside a snapshot, as if an older revision had written it."""
    image = snapshot_payload.image_of(_payload(plan, label))
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(image)
        change(connection)
        connection.commit()
        rewritten = snapshot_payload.compress(connection.serialize())
    finally:
        connection.close()
    with plan.write() as unit:
        unit.session.execute(
            update(PlanSnapshot).where(PlanSnapshot.label == label).values(payload=rewritten)
        )


def test_a_field_the_snapshot_lacks_is_compared_only_where_both_have_it(plan: Plan) -> None:
    account = list_accounts(plan)[0]
    take_snapshot(plan, "Older revision")
    _rewrite_payload(
        plan, "Older revision", lambda c: c.execute("ALTER TABLE accounts DROP COLUMN region")
    )
    update_account(plan, account.id, {"region": "Atlantis", "notes": "Moved."})

    report = changes_since(plan, "Older revision")

    assert [(i["field"], i["new"]) for i in report.changed] == [("notes", "Moved.")]
    assert report.added == [] and report.removed == []


def test_a_table_the_snapshot_lacks_counts_as_added(plan: Plan) -> None:
    take_snapshot(plan, "Before solutions existed")
    _rewrite_payload(plan, "Before solutions existed", lambda c: c.execute("DROP TABLE solutions"))
    report = changes_since(plan, "Before solutions existed")
    with plan.read() as session:
        from abm_planner.store.models import Solution

        solutions = set(session.scalars(select(Solution.name)))
    assert {i["name"] for i in report.added} == solutions
    assert {i["type"] for i in report.added} == {"Solution"}


def _revision_4_plan(path: Path) -> None:
    plan_file.create_empty_file(path)
    engine = plan_file.make_engine(path)
    try:
        schema.upgrade(engine, "0004")
        with Session(engine) as session, session.begin():
            seed_defaults(session, "Plan at revision 4")
            session.add(Account(name="Helix Pharma AG", notes="Renewal in Q2."))
        plan = Plan(engine, path=path)
        take_snapshot(plan, "Taken at revision 4")
    finally:
        engine.dispose()
    assert plan_file.read_header(path).schema_revision == 4


def test_a_snapshot_survives_the_upgrade_of_its_plan(tmp_path: Path) -> None:
    path = tmp_path / "revision 4.abmplan"
    _revision_4_plan(path)
    plan = open_plan(path)  # upgraded to this app's head revision
    try:
        assert plan_file.read_header(path).schema_revision == schema.head_revision()
        with plan.read() as session:
            [info] = list_snapshots(session)
            account_id = session.scalars(select(Account.id)).one()
        assert (info.label, info.schema_revision) == ("Taken at revision 4", 4)
        assert changes_since(plan, "Taken at revision 4").empty
        update_account(plan, account_id, {"notes": "Renewal signed."})
        [changed] = changes_since(plan, "Taken at revision 4").changed
        assert (changed["field"], changed["old"], changed["new"]) == (
            "notes",
            "Renewal in Q2.",
            "Renewal signed.",
        )
    finally:
        plan.close()


def test_a_damaged_snapshot_is_refused_in_one_sentence(plan: Plan) -> None:
    take_snapshot(plan, "Damaged")
    good = _payload(plan, "Damaged")
    for broken in (
        b"not a snapshot",
        good[: len(good) // 2],
        snapshot_payload.compress(b"not an SQLite image" * 100),
    ):
        with plan.write() as unit:
            unit.session.execute(
                update(PlanSnapshot).where(PlanSnapshot.label == "Damaged").values(payload=broken)
            )
        with pytest.raises(PlanFileError, match="cannot be read"):
            changes_since(plan, "Damaged")
