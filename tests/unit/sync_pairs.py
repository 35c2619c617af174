"""An offline copy and its "team plan" as two plan files, for the sync engine's tests.

The engine works on any two plans through SQLAlchemy Core, so the server side is
played by a second SQLite file here; tests/team runs the same merges against a real
PostgreSQL.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select

from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.sync import record_origin
from abm_planner.services.sync_state import read_canonical, synced_tables
from abm_planner.store.models import Account, Stakeholder


@contextmanager
def synced_pair(demo_path: Path, folder: Path) -> Iterator[tuple[Plan, Plan]]:
    """(file, server): the demo plan as the team plan and an offline copy of it."""
    server_path, file_path = folder / "team.abmplan", folder / "offline.abmplan"
    shutil.copyfile(demo_path, server_path)
    shutil.copyfile(demo_path, file_path)
    server, mine = open_plan(server_path), open_plan(file_path)
    try:
        record_origin(mine, server)
        yield mine, server
    finally:
        mine.close()
        server.close()


def state(plan: Plan, *, versions: bool = False) -> dict[str, dict[str, Any]]:
    """Every synced record's fields (and versions if asked), by table and key."""
    with plan.read() as session:
        connection = session.connection()
        return {
            shape.name: {
                key: (record.values, record.version if versions else None)
                for key, record in read_canonical(connection, shape).items()
            }
            for shape in synced_tables()
        }


def accounts(plan: Plan) -> list[Account]:
    with plan.read() as session:
        return list(session.scalars(select(Account).order_by(Account.name)))


def account_named(plan: Plan, name: str) -> Account | None:
    with plan.read() as session:
        return session.scalars(select(Account).where(Account.name == name)).first()


def people_of(plan: Plan, account_id: Any) -> list[Stakeholder]:
    with plan.read() as session:
        query = select(Stakeholder).where(Stakeholder.account_id == account_id)
        return list(session.scalars(query.order_by(Stakeholder.name)))


def edit(plan: Plan, model: type, record_id: Any, **values: Any) -> None:
    """One unit of work that sets ``values`` on a record, through the ORM (version +1)."""
    with plan.write() as unit:
        record = unit.session.get(model, record_id)
        assert record is not None
        for name, value in values.items():
            setattr(record, name, value)


def remove(plan: Plan, model: type, record_id: Any) -> None:
    with plan.write() as unit:
        record = unit.session.get(model, record_id)
        assert record is not None
        unit.session.delete(record)
