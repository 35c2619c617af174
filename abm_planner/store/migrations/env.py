"""Alembic environment: the app passes its own connection; the CLI may pass a URL.

The same migrations build plan files (SQLite) and team plans (PostgreSQL). Batch
mode is what lets SQLite alter a table (it copies it); on PostgreSQL the batch
operations run as plain ``ALTER TABLE`` and the ``PRAGMA user_version`` mirror is
skipped by each migration, as the server keeps its revision in ``alembic_version``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from abm_planner.store.models import Base

config = context.config
connection = config.attributes.get("connection")


def _run(conn: object) -> None:
    dialect = getattr(getattr(conn, "dialect", None), "name", "sqlite")
    context.configure(
        connection=conn,  # type: ignore[arg-type]
        target_metadata=Base.metadata,
        render_as_batch=dialect == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as conn:
        _run(conn)
