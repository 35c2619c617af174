"""Copying a whole plan between a file and a server, either way, record for record.

Publishing a local plan to the team and taking a team plan offline are the same
operation: every table of the schema (``Base.metadata``, so tables added by later
revisions come along without code here knowing them), in foreign-key order, in
batches, in one transaction on the destination. Ids, versions and timestamps are
copied as they are, so the copy *is* the plan, and a later sync can match records.
Tables marked local-only (an offline copy's own sync bookkeeping) never travel.

Onto a server the rows go through PostgreSQL's COPY; into a file through batched
inserts into a temporary file that appears under its name only when complete.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Generator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, select, type_coerce
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.types import NullType

from abm_planner.errors import PlanFileError, UserError
from abm_planner.services.plans import Plan, open_plan
from abm_planner.store import plan_file, schema, server
from abm_planner.store.models import Base
from abm_planner.store.models.sync import LOCAL_ONLY
from abm_planner.store.plan_location import (
    PlanLocation,
    display_location,
    is_server_url,
    server_url,
)

Progress = Callable[[int, int], None]
BATCH_ROWS = 5_000
# From this many records on, a load into a server sets foreign keys and indexes aside and
# rebuilds them at the end; below, rebuilding costs more than checking row by row.
BULK_LOAD_ROWS = 20_000


@dataclass(frozen=True, slots=True)
class CopyReport:
    """What a copy did: rows per table, where from, where to, how long it took."""

    source: str
    destination: str
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copied_tables() -> list[Table]:
    """The tables a copy carries, parents before children."""
    return [t for t in Base.metadata.sorted_tables if not t.info.get(LOCAL_ONLY)]


def copy_plan(
    source: Plan,
    destination: Engine | Plan,
    *,
    progress: Progress | None = None,
    replace: bool = False,
) -> CopyReport:
    """Copy every record of ``source`` into ``destination`` in one transaction.

    The destination is an empty database (its schema is created), or with
    ``replace`` a plan whose records are all replaced. Anything else is refused
    before a row is written; a failure part-way leaves the destination as it was.
    """
    engine = destination.engine if isinstance(destination, Plan) else destination
    where = display_location(engine.url) if engine.dialect.name != "sqlite" else "the copy"
    started = time.perf_counter()
    tables = copied_tables()
    try:
        with source.engine.connect() as reader, engine.begin() as writer:
            if reader.dialect.name == "postgresql":
                # One snapshot for every table: edits made meanwhile are all in or all out.
                reader.execution_options(isolation_level="REPEATABLE READ")
            counts = {
                t.name: reader.execute(select(func.count()).select_from(t)).scalar_one()
                for t in tables
            }
            _prepare(writer, where, replace=replace)
            done = 0
            total = sum(counts.values())
            if progress:
                progress(0, total)
            to_server = writer.dialect.name == "postgresql"
            # Stored values go to COPY as they are (see _batches); checks and indexes are
            # rebuilt once at the end, which is many times faster than row by row.
            raw = to_server and reader.dialect.name == "sqlite"
            bulk = to_server and total >= BULK_LOAD_ROWS
            rebuild = server.set_aside_checks(writer) if bulk else None
            for table in tables:
                with closing(_batches(reader, table, raw=raw)) as batches:
                    for batch in batches:
                        try:
                            _write(writer, table, batch)
                        except DBAPIError as error:
                            raise _failed(where, error, table.name) from error
                        done += len(batch)
                        if progress:
                            progress(done, total)
            if rebuild is not None:
                server.restore_checks(writer, rebuild)
                server.analyze_plan_tables(writer)
            if to_server:
                server.track_editors(writer)
    except OperationalError as error:
        if engine.dialect.name == "postgresql":
            raise server.connection_problem(error, engine.url) from error
        raise _failed(where, error) from error
    except DBAPIError as error:
        raise _failed(where, error) from error
    return CopyReport(source.location, where, counts, time.perf_counter() - started)


def _prepare(writer: Connection, where: str, *, replace: bool) -> None:
    """An empty destination gets the schema; a plan there is emptied only with replace."""
    head = schema.head_revision()
    if writer.dialect.name != "postgresql":
        # A plan file copy always starts from a fresh, empty file.
        schema.upgrade_connection(writer)
        return
    server.lock_for_upgrade(writer)
    state = server.inspect_state(writer)
    if state.is_empty:
        schema.upgrade_connection(writer)
        return
    if state.revision == 0:
        raise UserError(
            f"The database {where} holds other tables but no plan (a server holds one "
            "plan per database); copy into an empty database."
        )
    if state.revision > head:
        raise UserError(
            f"The team plan at {where} is in a newer plan format ({state.revision}) than "
            f"this app ({head}); update the app to replace it."
        )
    if not replace:
        raise UserError(
            f"The database {where} already holds a plan; add --replace to overwrite it "
            "with the copy (every record there is replaced)."
        )
    if state.revision < head:
        schema.upgrade_connection(writer)
    server.empty_plan_tables(writer)


def _batches(
    reader: Connection, table: Table, *, raw: bool
) -> Generator[Sequence[Any], None, None]:
    """The table's rows in primary-key order, a batch at a time (bounded memory).

    ``raw`` reads the values as SQLite stores them (ids as 32 hex digits, times as ISO
    text, flags as 0/1), which PostgreSQL's COPY reads as they are: turning a million
    ids into ``uuid.UUID`` objects and back into text would take most of the copy time.
    """
    columns = [type_coerce(c, NullType()) if raw else c for c in table.c]
    query = select(*columns).order_by(*table.primary_key.columns)
    result = reader.execution_options(stream_results=True, yield_per=BATCH_ROWS).execute(query)
    try:
        yield from result.partitions(BATCH_ROWS)
    finally:
        result.close()  # a failed copy must not leave a server-side cursor behind


def _write(writer: Connection, table: Table, rows: Sequence[Any]) -> None:
    if writer.dialect.name == "postgresql":
        server.copy_rows(writer, table, rows)
        return
    # SQLAlchemy's own conversions (so values are stored exactly as the models store
    # them), applied column by column, then one driver executemany: building and
    # checking a parameter dict per row would take most of the time.
    dialect = writer.dialect
    compiled = table.insert().compile(dialect=dialect)
    assert list(compiled.positiontup or ()) == [c.key for c in table.c]
    processors = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in table.c]
    converting = [(i, convert) for i, convert in enumerate(processors) if convert is not None]
    converted = []
    for row in rows:
        values = list(row)
        for index, convert in converting:
            if values[index] is not None:
                values[index] = convert(values[index])
        converted.append(tuple(values))
    writer.exec_driver_sql(str(compiled), converted)  # type: ignore[arg-type]


def _failed(where: str, error: DBAPIError, table: str | None = None) -> UserError:
    # Only the first line: the server's context lines quote the offending value.
    lines = str(error.orig or error).strip().splitlines()
    detail = lines[0] if lines else error.__class__.__name__
    if table:
        detail += f" (in {table})"
    return UserError(f"The plan could not be copied to {where}; nothing was written: {detail}.")


def copy_to_file(
    source: Plan,
    destination: Path,
    *,
    replace: bool = False,
    progress: Progress | None = None,
) -> CopyReport:
    """Write ``source`` as a new plan file, atomically (temporary sibling, then publish).

    A copy of a team plan remembers where it came from (``services.sync.record_origin``)
    so ``abm-planner sync`` can bring its edits back later.
    """
    if destination.exists() and not replace:
        raise PlanFileError(f"{destination} already exists; add --replace to overwrite it.")
    if not destination.parent.is_dir():
        raise PlanFileError(f"The folder {destination.parent} does not exist.")
    try:
        temporary = plan_file.temporary_sibling(destination)
    except OSError as error:
        raise PlanFileError(f"{destination} could not be created: {error.strerror}.") from error
    try:
        plan_file.create_empty_file(temporary)
        engine = plan_file.make_engine(temporary)
        try:
            report = copy_plan(source, engine, progress=progress)
            copy = Plan(engine, path=temporary)
            if source.is_server:
                _record_origin(copy, source)
        finally:
            engine.dispose()
        plan_file.publish(temporary, destination)
    except OSError as error:
        raise PlanFileError(f"{destination} could not be written: {error.strerror}.") from error
    finally:
        temporary.unlink(missing_ok=True)
    return CopyReport(report.source, str(destination), report.rows, report.seconds)


def _record_origin(copy: Plan, source: Plan) -> None:
    """Let the sync remember the copy's origin, when this build has offline sync."""
    try:
        sync = importlib.import_module("abm_planner.services.sync")
    except ModuleNotFoundError:
        return
    record_origin = getattr(sync, "record_origin", None)
    if record_origin is not None:
        record_origin(copy, source)


def copy_location(
    source: PlanLocation,
    destination: PlanLocation,
    *,
    replace: bool = False,
    progress: Progress | None = None,
) -> CopyReport:
    """``abm-planner copy SRC DST``: between files and servers, in any direction."""
    plan = open_plan(source, read_only=True)
    try:
        if is_server_url(destination):
            url = server_url(str(destination))
            engine = server.make_server_engine(url)
            try:
                return copy_plan(plan, engine, progress=progress, replace=replace)
            finally:
                engine.dispose()
        return copy_to_file(plan, Path(destination), replace=replace, progress=progress)
    finally:
        plan.close()
