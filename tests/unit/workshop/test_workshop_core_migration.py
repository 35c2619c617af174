"""Revision 0004 keeps a revision-3 plan's decision log and adds the workshop tables."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import MetaData, Table, insert, inspect
from sqlalchemy.orm import Session

from abm_planner.services.defaults import seed_defaults
from abm_planner.services.plans import open_plan
from abm_planner.services.summary import plan_summary
from abm_planner.store import plan_file, schema
from abm_planner.store.models import Account, Decision

ACCOUNT_ID = uuid.UUID("5e0e4d38-0b6c-4a52-9a57-000000000001")
DECISION_ID = uuid.UUID("5e0e4d38-0b6c-4a52-9a57-000000000002")


def _as_stored(connection: object, model: type) -> Table:
    """The model's table with only the columns the database has at its revision."""
    stored = {c["name"] for c in inspect(connection).get_columns(model.__tablename__)}
    return Table(
        model.__tablename__,
        MetaData(),
        *(c._copy() for c in model.__table__.columns if c.name in stored),
    )


def _revision_3_plan(path: Path) -> None:
    plan_file.create_empty_file(path)
    engine = plan_file.make_engine(path)
    try:
        schema.upgrade(engine, "0003")
        with Session(engine) as session, session.begin():
            seed_defaults(session, "Plan of last quarter")
        with engine.begin() as connection:
            connection.execute(
                insert(_as_stored(connection, Account)),
                [{"id": ACCOUNT_ID, "name": "Helix Pharma AG", "pipeline_source": ""}],
            )
            connection.execute(
                insert(_as_stored(connection, Decision)),
                [
                    {
                        "id": DECISION_ID,
                        "account_id": ACCOUNT_ID,
                        "decided_on": date(2026, 9, 14),
                        "title": "Helix stays strategic",
                        "text": "Both sides agreed after the QBR.\nReview in Q1.",
                        "decided_by": "Aisha and Tom",
                    }
                ],
            )
    finally:
        engine.dispose()
    assert plan_file.read_header(path).schema_revision == 3


def test_a_revision_3_plan_keeps_its_decisions_through_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "last quarter.abmplan"
    _revision_3_plan(path)

    plan = open_plan(path)
    try:
        with plan.read() as session:
            decision = session.get(Decision, DECISION_ID)
            assert decision is not None
            assert (decision.account_id, decision.decided_on) == (ACCOUNT_ID, date(2026, 9, 14))
            assert decision.title == "Helix stays strategic"
            assert decision.text == "Both sides agreed after the QBR.\nReview in Q1."
            assert decision.decided_by == "Aisha and Tom"
            assert (decision.workshop_id, decision.linked, decision.details) == (None, "[]", "{}")
            tables = set(inspect(session.connection()).get_table_names())
        assert {"workshops", "estimates", "action_items", "plan_snapshots"} <= tables
        summary = plan_summary(plan)
        assert (summary["decisions"], summary["workshops"], summary["snapshots"]) == (1, 0, 0)
    finally:
        plan.close()
    assert plan_file.read_header(path).schema_revision == schema.head_revision()
