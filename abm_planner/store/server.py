"""Team plans on PostgreSQL: the engine, what a database holds, and its grants.

A server holds one plan per database, in the database's current schema (``public``
unless the role's ``search_path`` says otherwise). Connections use libpq's own
conventions (``~/.pgpass``, service files, ``PGPASSWORD``, ``PGSSLMODE``...), so no
password needs to be stored anywhere by the app. Access is PostgreSQL's roles and
grants: a role that may only read the plan's tables opens it read-only, and its
connections are read-only transactions as well, so a bypassed check still cannot
write.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

from abm_planner.errors import PasswordRequiredError, PlanFileError
from abm_planner.store.models import Base
from abm_planner.store.plan_location import display_location

VERSION_TABLE = "alembic_version"
# Upgrades of the same database wait for each other instead of racing.
UPGRADE_LOCK = 0x41424D50
_NO_PASSWORD = ("no password supplied", "password authentication failed")


@dataclass(frozen=True, slots=True)
class ServerState:
    """What one database holds, judged before the app touches it."""

    revision: int  # 0: no plan (empty, or not ours)
    tables: frozenset[str]
    can_write: bool
    role: str

    @property
    def is_empty(self) -> bool:
        return not self.tables


NETWORK_LIMITS: dict[str, Any] = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}
"""libpq settings: an unreachable server or a dead network fails within seconds, not minutes
(TCP's own give-up time), so a window waiting on it answers again quickly."""


def load_driver() -> None:
    """Import psycopg, also where Python's ``ssl`` module was left out (the app bundle).

    psycopg's libpq wrappers import ``ssl`` only so that Python, not libpq, sets up
    OpenSSL 1.0's locking callbacks; with OpenSSL 1.1 and later that set-up is automatic
    and libpq brings its own TLS. The bundle leaves ``ssl`` out (the app's Python code
    talks to no network), so for that one import an empty stand-in is lent, then removed,
    and no other code can mistake it for a working ``ssl``.
    """
    if "psycopg" in sys.modules:
        return
    try:
        import ssl  # noqa: F401 - present in a normal installation
    except ImportError:
        sys.modules["ssl"] = types.ModuleType("ssl")
        try:
            import psycopg  # noqa: F401
        finally:
            del sys.modules["ssl"]


def make_server_engine(url: URL, *, read_only: bool = False) -> Engine:
    """An engine on a plan database; read-only sessions are refused writes by the server."""
    load_driver()
    connect_args: dict[str, Any] = {"application_name": "ABM Planner", **NETWORK_LIMITS}
    if read_only:
        connect_args["options"] = "-c default_transaction_read_only=on"
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def connection_problem(error: DBAPIError, url: URL) -> PlanFileError:
    """A failed connection as one sentence; a missing password as its own type."""
    detail = str(error.orig or error).strip().splitlines()
    message = detail[0] if detail else error.__class__.__name__
    where = display_location(url)
    if any(marker in message for marker in _NO_PASSWORD):
        wrong = "password authentication failed" in message
        return PasswordRequiredError(where, wrong_password=wrong)
    if isinstance(error.orig, Exception) and "permission denied" in message:
        return PlanFileError(
            f"Your database role has no access to the team plan at {where}; ask its owner "
            "to run 'abm-planner server grant'."
        )
    for noise in ("connection failed: ", "FATAL:  "):
        message = message.replace(noise, "")
    if not isinstance(error, OperationalError):
        return PlanFileError(f"The team plan at {where} refused this: {message}.")
    return PlanFileError(f"The team plan at {where} could not be reached: {message}.")


def inspect_state(connection: Connection) -> ServerState:
    """Revision, tables and write access of the connected role in this database."""
    role = connection.execute(text("SELECT current_user")).scalar_one()
    tables = frozenset(
        connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        ).scalars()
    )
    revision = 0
    if VERSION_TABLE in tables:
        found = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).first()
        revision = int(found[0]) if found and str(found[0]).isdigit() else 0
    plan_tables = sorted(tables & set(Base.metadata.tables))
    can_write = bool(plan_tables) and all(
        connection.execute(
            text(
                "SELECT has_table_privilege(current_user, quote_ident(current_schema()) || "
                "'.' || quote_ident(:table), :privilege)"
            ),
            {"table": table, "privilege": privilege},
        ).scalar_one()
        for table in plan_tables
        for privilege in ("INSERT", "UPDATE", "DELETE")
    )
    return ServerState(revision, tables, can_write, str(role))


def server_state(engine: Engine) -> ServerState:
    """``inspect_state`` on a fresh connection, with connection problems as sentences."""
    try:
        with engine.connect() as connection:
            return inspect_state(connection)
    except (OperationalError, ProgrammingError) as error:
        raise connection_problem(error, engine.url) from error


def lock_for_upgrade(connection: Connection) -> None:
    """Hold the plan's upgrade lock until this transaction ends."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})


def owns_plan(connection: Connection) -> bool:
    """True when the connected role owns every table here (only an owner grants access)."""
    foreign = connection.execute(
        text(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
            "AND NOT pg_has_role(current_user, tableowner, 'MEMBER')"
        )
    ).scalar_one()
    return foreign == 0


def role_exists(connection: Connection, role: str) -> bool:
    found = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role})
    return found.first() is not None


def grant_access(connection: Connection, role: str, *, edit: bool) -> list[str]:
    """Give ``role`` read-only or edit rights on every table and sequence of the plan.

    The previous rights are revoked first, so ``--read-only`` after ``--edit`` takes
    the edit rights away. Default privileges extend the same rights to tables a later
    ``server upgrade`` by this owner creates. Returns the statements run, for the log.
    """
    quote = connection.dialect.identifier_preparer.quote
    who = quote(role)
    schema = quote(connection.execute(text("SELECT current_schema()")).scalar_one())
    table_rights = "SELECT, INSERT, UPDATE, DELETE" if edit else "SELECT"
    sequence_rights = "USAGE, SELECT, UPDATE" if edit else "SELECT"
    statements = [
        f"GRANT USAGE ON SCHEMA {schema} TO {who}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {who}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {who}",
        f"GRANT {table_rights} ON ALL TABLES IN SCHEMA {schema} TO {who}",
        f"GRANT {sequence_rights} ON ALL SEQUENCES IN SCHEMA {schema} TO {who}",
        # The schema revision is the owner's to change (server upgrade), never an editor's.
        f"REVOKE INSERT, UPDATE, DELETE ON {quote(VERSION_TABLE)} FROM {who}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON TABLES FROM {who}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT {table_rights} ON TABLES TO {who}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON SEQUENCES FROM {who}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} "
        f"GRANT {sequence_rights} ON SEQUENCES TO {who}",
    ]
    for statement in statements:
        connection.execute(text(statement))
    return statements


def empty_plan_tables(connection: Connection) -> None:
    """Remove every row of the plan (the schema stays), before a replacing copy."""
    quote = connection.dialect.identifier_preparer.quote
    names = [quote(table.name) for table in Base.metadata.sorted_tables]
    if connection.execute(text("SELECT to_regclass(:name)"), {"name": EDITORS_TABLE}).scalar():
        names.append(EDITORS_TABLE)
    connection.execute(text(f"TRUNCATE {', '.join(names)}"))


def copy_rows(connection: Connection, table: Table, rows: Sequence[Sequence[Any]]) -> None:
    """Append ``rows`` (values in the table's column order) with PostgreSQL's COPY.

    COPY runs on the DBAPI connection of ``connection``, inside its transaction; it is
    several times faster than inserts for the hundreds of thousands of rows of a plan.
    """
    quote = connection.dialect.identifier_preparer.quote
    columns = ", ".join(quote(column.name) for column in table.c)
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    import psycopg  # only ever loaded with a PostgreSQL engine, which loaded it already

    statement = f"COPY {quote(table.name)} ({columns}) FROM STDIN"
    try:
        with dbapi.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[attr-defined]
            for row in rows:
                copy.write_row(row)
    except psycopg.Error as error:
        # Raised by the driver itself, outside SQLAlchemy: wrap it like SQLAlchemy would.
        raise DBAPIError(statement, None, error) from error


@dataclass(frozen=True, slots=True)
class SetAside:
    """Foreign keys and secondary indexes dropped for a bulk load, to recreate after it."""

    foreign_keys: list[tuple[str, str, str]]  # table, constraint, definition
    indexes: list[str]  # CREATE INDEX statements


def set_aside_checks(connection: Connection) -> SetAside:
    """Drop the plan's foreign keys and non-unique indexes for a bulk load (same transaction).

    Recreating them after the load checks every reference and builds every index in one
    pass each, instead of once per copied row; the definitions are read from the
    database itself, so they come back exactly as the migrations made them. Unique
    constraints and primary keys stay and check the load as it goes.
    """
    foreign_keys = [
        (str(table), str(name), str(definition))
        for table, name, definition in connection.execute(
            text(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE contype = 'f' "
                "AND connamespace = current_schema()::regnamespace"
            )
        )
    ]
    indexes = [
        (str(name), str(definition))
        for name, definition in connection.execute(
            text(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i "
                "JOIN pg_class c ON c.relname = i.indexname "
                "JOIN pg_index x ON x.indexrelid = c.oid "
                "WHERE i.schemaname = current_schema() AND NOT x.indisunique "
                "AND c.relnamespace = current_schema()::regnamespace"
            )
        )
    ]
    quote = connection.dialect.identifier_preparer.quote
    for table, name, _definition in foreign_keys:
        connection.execute(text(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}"))
    for name, _definition in indexes:
        connection.execute(text(f"DROP INDEX {quote(name)}"))
    return SetAside(foreign_keys, [definition for _name, definition in indexes])


def restore_checks(connection: Connection, aside: SetAside) -> None:
    """Recreate what ``set_aside_checks`` dropped; a broken reference fails the load."""
    quote = connection.dialect.identifier_preparer.quote
    for statement in aside.indexes:
        connection.execute(text(statement))
    for table, name, definition in aside.foreign_keys:
        connection.execute(text(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}"))


def analyze_plan_tables(connection: Connection) -> None:
    """Fresh planner statistics after a bulk load, so the first queries are fast too."""
    quote = connection.dialect.identifier_preparer.quote
    for table in Base.metadata.sorted_tables:
        connection.execute(text(f"ANALYZE {quote(table.name)}"))


EDITORS_TABLE = "abm_record_editors"
_EDITOR_FUNCTION = "abm_note_editor"


def track_editors(connection: Connection) -> None:
    """Let the server note who last changed or deleted each record, for conflict messages.

    A trigger on every plan table records the login role and the time of each update
    and delete in a small side table (the plan's own tables carry no "edited by"
    column, and a file never needs one). The function runs as the plan's owner, so
    editors need no rights on the side table. Idempotent: ``server upgrade`` and a
    copy onto a server run it again for the tables a newer schema added.
    """
    connection.execute(
        text(
            f"CREATE TABLE IF NOT EXISTS {EDITORS_TABLE} (table_name text NOT NULL, "
            "record_id uuid NOT NULL, editor text NOT NULL, edited_at timestamp NOT NULL, "
            f"CONSTRAINT pk_{EDITORS_TABLE} PRIMARY KEY (table_name, record_id))"
        )
    )
    connection.execute(
        text(
            f"CREATE OR REPLACE FUNCTION {_EDITOR_FUNCTION}() RETURNS trigger "
            "LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$ BEGIN "
            f"INSERT INTO {EDITORS_TABLE} (table_name, record_id, editor, edited_at) "
            "VALUES (TG_TABLE_NAME, OLD.id, session_user, now() AT TIME ZONE 'utc') "
            "ON CONFLICT (table_name, record_id) DO UPDATE "
            "SET editor = EXCLUDED.editor, edited_at = EXCLUDED.edited_at; "
            "RETURN NULL; END $$"
        )
    )
    quote = connection.dialect.identifier_preparer.quote
    for table in Base.metadata.sorted_tables:
        if "id" not in table.c or "version" not in table.c:
            continue
        connection.execute(
            text(f"DROP TRIGGER IF EXISTS {_EDITOR_FUNCTION} ON {quote(table.name)}")
        )
        connection.execute(
            text(
                f"CREATE TRIGGER {_EDITOR_FUNCTION} AFTER UPDATE OR DELETE ON "
                f"{quote(table.name)} FOR EACH ROW EXECUTE FUNCTION {_EDITOR_FUNCTION}()"
            )
        )


def last_editor(connection: Connection, table: str, record_id: object) -> tuple[str, Any] | None:
    """Who last changed or deleted a record, and when (UTC), if the server noted it."""
    if connection.dialect.name != "postgresql":
        return None
    present = connection.execute(text("SELECT to_regclass(:name)"), {"name": EDITORS_TABLE})
    if present.scalar_one() is None:
        return None
    found = connection.execute(
        text(
            f"SELECT editor, edited_at FROM {EDITORS_TABLE} "
            "WHERE table_name = :table AND record_id = :record"
        ),
        {"table": table, "record": record_id},
    ).first()
    return (str(found[0]), found[1]) if found else None
