"""Plan snapshots as compressed SQLite images, and comparing the plan with one.

A snapshot must be quick to take on a plan of a million rows and small enough to
live inside the plan file, so it is built by SQLite itself: every table (minus the
bookkeeping columns ``created_at``, ``updated_at`` and ``version``) is copied with
``CREATE TABLE ... AS SELECT`` into an attached in-memory database, which is
serialised and zlib-compressed. Comparing attaches the image again and lets SQL find
the added, removed and changed rows; Python only sees the differences.

The image is an ordinary SQLite database with the tables and columns of the revision
it was taken at, so a snapshot survives later migrations: callers compare only the
columns both sides have. Snapshots need a plan file (SQLite); a team database on
another server cannot attach one.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import zlib
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from abm_planner.errors import PlanFileError
from abm_planner.store.models import Base
from abm_planner.store.models.sync import LOCAL_ONLY

MAGIC = b"ABMSNAP1"
BOOKKEEPING = frozenset({"created_at", "updated_at", "version"})
NOT_CAPTURED = frozenset({"plan_snapshots", "alembic_version"})
COMPRESSION_LEVEL = 1  # level 6 saves a sixth of the size at almost three times the time
CHUNK = 4 << 20  # compressed in independent pieces, on every core (zlib releases the GIL)
_LENGTH = struct.Struct(">I")
_CAPTURE = "abm_snapshot_capture"
SNAPSHOT = "abm_snapshot"


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class Captured:
    payload: bytes
    record_count: int
    schema_revision: int  # the plan's own revision (its header), not the app's head


@contextmanager
def _raw(engine: Engine) -> Iterator[sqlite3.Connection]:
    if engine.dialect.name != "sqlite":
        raise PlanFileError("Snapshots are kept in plan files; a team database cannot hold them.")
    pooled = engine.raw_connection()
    try:
        yield pooled.driver_connection  # type: ignore[misc]
    finally:
        pooled.close()


def _captured(table: str) -> bool:
    """Domain tables only: not the snapshots themselves, nor a file's sync bookkeeping."""
    model = Base.metadata.tables.get(table)
    return table not in NOT_CAPTURED and not (model is not None and model.info.get(LOCAL_ONLY))


def _tables(connection: sqlite3.Connection, schema: str) -> list[str]:
    rows = connection.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [name for (name,) in rows]


def _columns(connection: sqlite3.Connection, schema: str, table: str) -> list[str]:
    rows = connection.execute(f"PRAGMA {schema}.table_info({quoted(table)})")
    return [row[1] for row in rows if row[1] not in BOOKKEEPING]


def capture(engine: Engine) -> Captured:
    """The plan's records now, as one compressed blob (plan snapshots themselves excluded)."""
    with _raw(engine) as connection:
        connection.execute(f"ATTACH DATABASE ':memory:' AS {_CAPTURE}")
        try:
            count = 0
            connection.execute("BEGIN")  # one read transaction: every table at one moment
            for table in _tables(connection, "main"):
                if not _captured(table):
                    continue
                columns = ", ".join(map(quoted, _columns(connection, "main", table)))
                target = f"{_CAPTURE}.{quoted(table)}"
                connection.execute(
                    f"CREATE TABLE {target} AS SELECT {columns} FROM main.{quoted(table)}"
                )
                count += connection.execute(f"SELECT count(*) FROM {target}").fetchone()[0]
            connection.execute("COMMIT")
            image = connection.serialize(name=_CAPTURE)
            revision = int(connection.execute("PRAGMA main.user_version").fetchone()[0])
        finally:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            connection.execute(f"DETACH DATABASE {_CAPTURE}")
    return Captured(compress(image), count, revision)


def _workers() -> int:
    return max(1, min(8, os.cpu_count() or 1))


def compress(image: bytes) -> bytes:
    """``MAGIC``, then each piece of the image as its length and its zlib stream."""
    view = memoryview(image)
    pieces = [view[start : start + CHUNK] for start in range(0, len(image), CHUNK)]
    with ThreadPoolExecutor(_workers()) as pool:
        packed = list(pool.map(lambda piece: zlib.compress(piece, COMPRESSION_LEVEL), pieces))
    return MAGIC + b"".join(_LENGTH.pack(len(p)) + p for p in packed)


def image_of(payload: bytes) -> bytes:
    """The SQLite image inside a payload; a damaged payload is refused in one sentence."""
    if not payload.startswith(MAGIC):
        raise PlanFileError("This snapshot was not written by ABM Planner and cannot be read.")
    pieces, offset, view = [], len(MAGIC), memoryview(payload)
    while offset < len(payload):
        if offset + _LENGTH.size > len(payload):
            raise PlanFileError("This snapshot is damaged and cannot be read (it is cut short).")
        (length,) = _LENGTH.unpack_from(payload, offset)
        offset += _LENGTH.size
        pieces.append(view[offset : offset + length])
        offset += length
    try:
        with ThreadPoolExecutor(_workers()) as pool:
            return b"".join(pool.map(zlib.decompress, pieces))
    except zlib.error as error:
        raise PlanFileError(f"This snapshot is damaged and cannot be read ({error}).") from error


class Comparison:
    """The live plan (schema ``main``) with a snapshot attached (schema ``abm_snapshot``).

    Table and column names used in SQL always come from the live plan's schema, so a
    damaged or hostile snapshot cannot inject names.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._snapshot_tables = set(_tables(connection, SNAPSHOT))

    def live_tables(self) -> list[str]:
        """The plan's domain tables this app knows (a newer file's extra tables are skipped)."""
        return [
            t
            for t in _tables(self._connection, "main")
            if _captured(t) and t in Base.metadata.tables
        ]

    def in_snapshot(self, table: str) -> bool:
        return table in self._snapshot_tables

    def live_columns(self, table: str) -> list[str]:
        return _columns(self._connection, "main", table)

    def common_columns(self, table: str) -> list[str]:
        """Columns both sides have, in the live plan's order."""
        if table not in self._snapshot_tables:
            return []
        old = set(_columns(self._connection, SNAPSHOT, table))
        return [c for c in self.live_columns(table) if c in old]

    def count(self, table: str, *, live: bool) -> int:
        schema = "main" if live else SNAPSHOT
        return int(self._select(f"SELECT count(*) FROM {schema}.{quoted(table)}")[0][0])

    def _select(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._connection.execute(sql, params).fetchall()

    def all_rows(self, table: str, columns: Sequence[str]) -> list[tuple[Any, ...]]:
        """Every live row of a table the snapshot does not know (all of it is new)."""
        names = ", ".join(map(quoted, columns))
        return self._select(f"SELECT {names} FROM main.{quoted(table)}")

    def one_sided(
        self, table: str, key: Sequence[str], columns: Sequence[str], *, added: bool
    ) -> list[tuple[Any, ...]]:
        """Rows present on one side only, matched on ``key``; ``columns`` from that side."""
        here, there = ("main", SNAPSHOT) if added else (SNAPSHOT, "main")
        names = ", ".join(f"h.{quoted(c)}" for c in columns)
        match = " AND ".join(f"t.{quoted(c)} = h.{quoted(c)}" for c in key)
        return self._select(
            f"SELECT {names} FROM {here}.{quoted(table)} AS h "
            f"LEFT JOIN {there}.{quoted(table)} AS t ON {match} "
            f"WHERE t.{quoted(key[0])} IS NULL"
        )

    def removed_or_changed(
        self, table: str, columns: Sequence[str]
    ) -> tuple[list[tuple[Any, ...]], list[tuple[tuple[Any, ...], tuple[Any, ...]]]]:
        """Snapshot rows gone from the plan, and (old, new) pairs of rows that differ.

        Matched on ``id`` in one pass over the snapshot, each row looking its live
        counterpart up by the plan's primary key index.
        """
        old = ", ".join(f"s.{quoted(c)}" for c in columns)
        new = ", ".join(f"m.{quoted(c)}" for c in columns)
        differs = " OR ".join(f"m.{quoted(c)} IS NOT s.{quoted(c)}" for c in columns)
        width = len(columns)
        rows = self._select(
            f"SELECT m.id IS NULL, {old}, {new} FROM {SNAPSHOT}.{quoted(table)} AS s "
            f"LEFT JOIN main.{quoted(table)} AS m ON m.id = s.id "
            f"WHERE m.id IS NULL OR {differs}"
        )
        removed = [row[1 : width + 1] for row in rows if row[0]]
        changed = [(row[1 : width + 1], row[width + 1 :]) for row in rows if not row[0]]
        return removed, changed

    def lookup(
        self, table: str, key: str, values: Sequence[Any], columns: Sequence[str]
    ) -> dict[Any, tuple[Any, ...]]:
        """``columns`` of rows whose ``key`` is in ``values``: live first, then the snapshot."""
        found: dict[Any, tuple[Any, ...]] = {}
        wanted = list(dict.fromkeys(v for v in values if v is not None))
        for schema in ("main", SNAPSHOT):
            if schema == SNAPSHOT and not self.in_snapshot(table):
                break
            missing = [v for v in wanted if v not in found]
            if not missing:
                break
            available = set(_columns(self._connection, schema, table)) | {"id"}
            names = ", ".join(quoted(c) if c in available else "NULL" for c in columns)
            for start in range(0, len(missing), 500):
                chunk = missing[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                for row in self._select(
                    f"SELECT {quoted(key)}, {names} FROM {schema}.{quoted(table)} "
                    f"WHERE {quoted(key)} IN ({marks})",
                    chunk,
                ):
                    found.setdefault(row[0], row[1:])
        return found


@contextmanager
def compare(engine: Engine, payload: bytes) -> Iterator[Comparison]:
    """Attach the snapshot image to a connection on the plan for the block's queries."""
    image = image_of(payload)
    with _raw(engine) as connection:
        connection.execute(f"ATTACH DATABASE ':memory:' AS {SNAPSHOT}")
        try:
            try:
                connection.deserialize(image, name=SNAPSHOT)
                comparison = Comparison(connection)
            except sqlite3.Error as error:
                raise PlanFileError(
                    f"This snapshot is damaged and cannot be read ({error})."
                ) from error
            connection.execute("BEGIN")  # the plan as of one moment for every query
            yield comparison
        finally:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            connection.execute(f"DETACH DATABASE {SNAPSHOT}")
