"""An offline copy's sync base as a SQLite image, so finding changes is SQL, not Python.

The base (the state both sides last agreed on) is one SQLite database kept compressed
in ``sync_base``: for every synced table its records as the file stores them (key and
fields; binary fields by digest), each record's digest by bucket, a digest per bucket
and the server's bucket stamps (``services.sync_digest``). A sync unpacks it into a
temporary file (``sync_image_file``), attaches it to the file's connection and lets
SQLite list the records the file changed since (a join on the primary key, every
field compared with ``IS NOT``, so a write that left the version alone shows too).
For the team's changes it compares the server's bucket stamps, then the digests of
the buckets whose stamp moved, then the record digests in the buckets that differ.
Only the records found are read in full and merged; after the sync only they are
rewritten in the image.

An image from an older schema revision lacks the columns added since: such a table
is compared record by record in full, with the unknown base values as ``UNKNOWN``.
Bases written before this format (one JSON payload per table) are read by
``sync_state.decode_base`` and replaced by an image at the next sync.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, MetaData, Table, Text

from abm_planner.errors import PlanFileError
from abm_planner.services.sync_digest import bucket_digest, bucket_of, digests_of
from abm_planner.services.sync_image_file import DAMAGED, new_file, pack
from abm_planner.services.sync_state import (
    UNKNOWN,
    Record,
    TableShape,
    binary_digest,
    read_canonical,
)
from abm_planner.store.snapshot_payload import quoted

IMAGE_ROW = "(base image)"  # sync_base.table_name of the image; never a table's name
SCHEMA = "abm_sync_base"
DIGEST_FUNCTION = "abm_sync_digest"
_CHUNK = 500


def _digest_table(shape: TableShape) -> str:
    return quoted(shape.name + "#digest")


def _bucket_table(shape: TableShape) -> str:
    return quoted(shape.name + "#bucket")


def _stamp_table(shape: TableShape) -> str:
    return quoted(shape.name + "#stamp")


def _key_sql(shape: TableShape, alias: str) -> str:
    return " || '|' || ".join(f"{alias}.{quoted(name)}" for name in shape.key_columns)


def _columns(shape: TableShape) -> tuple[str, ...]:
    return shape.key_columns + shape.fields


def _rows_sql(shape: TableShape, where: str = "") -> str:
    names = ", ".join(quoted(name) for name in _columns(shape))
    return f"SELECT {names} FROM main.{quoted(shape.name)}{where}"


def _stored(shape: TableShape, rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """Rows as the image keeps them: binary fields by their digest."""
    if not shape.binary:
        yield from rows
        return
    positions = [i for i, name in enumerate(_columns(shape)) if name in shape.binary]
    for row in rows:
        values = list(row)
        for i in positions:
            values[i] = binary_digest(values[i])
        yield tuple(values)


class ImageWriter:
    """Builds or updates a base image from a file's connection (its open transaction).

    Beside each table's records the image keeps (bucket, key, digest) per record and
    a digest per bucket, so a sync compares 256 bucket digests per table with the
    server's and lists records only in the buckets that differ.
    """

    def __init__(self, image: Path | None, shapes: tuple[TableShape, ...]) -> None:
        """Update ``image`` (an unpacked image file) in place, or build a new image."""
        self._own = image is None
        self._path = new_file() if image is None else image
        self._db = sqlite3.connect(self._path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode = OFF")  # a scratch copy: no journal, no sync
        self._db.execute("PRAGMA synchronous = OFF")
        self._new = self._new_buckets = image is None
        self._touched: dict[str, set[str]] = {}
        if image is None:
            for shape in shapes:
                names = ", ".join(quoted(name) for name in _columns(shape))
                self._db.execute(f"CREATE TABLE {quoted(shape.name)} ({names})")
                self._db.execute(
                    f"CREATE TABLE {_digest_table(shape)} "
                    "(b TEXT, k TEXT, d TEXT, PRIMARY KEY (b, k)) WITHOUT ROWID"
                )
                for table in (_bucket_table(shape), _stamp_table(shape)):
                    self._db.execute(
                        f"CREATE TABLE {table} (b TEXT PRIMARY KEY, d TEXT) WITHOUT ROWID"
                    )
        self._shapes = shapes
        self._db.execute("BEGIN")

    def fill(self, connection: Connection, shape: TableShape) -> int:
        """Copy every record of a table into a new image; the number of records."""
        rows = connection.exec_driver_sql(_rows_sql(shape)).fetchall()
        self._insert(shape, rows)
        if shape.keys_only:
            width = len(shape.key_columns)
            keys = {"|".join(map(str, row[:width])): None for row in rows}
            self._insert_digests(shape, ((key, "") for key in keys))
        else:
            self._insert_digests(shape, digests_of(read_canonical(connection, shape), shape))
        return len(rows)

    def refresh(self, connection: Connection, shape: TableShape, keys: set[str]) -> None:
        """Make the records of ``keys`` what the file holds now (gone if it has none)."""
        if not keys:
            return
        match = " AND ".join(f"{quoted(name)} = ?" for name in shape.key_columns)
        split = [key.split("|") for key in keys]
        self._db.executemany(f"DELETE FROM {quoted(shape.name)} WHERE {match}", split)
        self._db.executemany(
            f"DELETE FROM {_digest_table(shape)} WHERE b = ? AND k = ?",
            [(bucket_of(key), key) for key in keys],
        )
        self._touched.setdefault(shape.name, set()).update(map(bucket_of, keys))
        width = len(shape.key_columns)
        row_value = "(" + ", ".join("?" * width) + ")"
        columns = "(" + ", ".join(quoted(n) for n in shape.key_columns) + ")"
        for start in range(0, len(split), _CHUNK):
            chunk = split[start : start + _CHUNK]
            values = ", ".join([row_value] * len(chunk))
            where = f" WHERE {columns} IN (VALUES {values})"
            params = tuple(part for key in chunk for part in key)
            self._insert(shape, connection.exec_driver_sql(_rows_sql(shape, where), params))
        records = read_canonical(connection, shape, keys)
        self._insert_digests(shape, digests_of(records, shape))

    def set_stamps(self, shape: TableShape, stamps: dict[str, str]) -> None:
        """The server's bucket stamps (``sync_digest.server_stamps``) the base agrees with."""
        self._db.execute(f"DELETE FROM {_stamp_table(shape)}")
        self._db.executemany(f"INSERT INTO {_stamp_table(shape)} VALUES (?, ?)", stamps.items())

    def _insert(self, shape: TableShape, rows: Iterable[tuple[Any, ...]]) -> None:
        marks = ", ".join("?" * len(_columns(shape)))
        self._db.executemany(
            f"INSERT INTO {quoted(shape.name)} VALUES ({marks})", _stored(shape, rows)
        )

    def _insert_digests(self, shape: TableShape, pairs: Iterable[tuple[str, str]]) -> None:
        self._db.executemany(
            f"INSERT INTO {_digest_table(shape)} VALUES (?, ?, ?)",
            ((bucket_of(key), key, digest) for key, digest in pairs),
        )

    def _write_buckets(self, shape: TableShape) -> None:
        touched = None if self._new_buckets else self._touched.get(shape.name)
        if touched is not None:
            self._db.executemany(
                f"DELETE FROM {_bucket_table(shape)} WHERE b = ?", [(b,) for b in touched]
            )
        elif not self._new_buckets:
            return
        found: dict[str, list[tuple[str, str]]] = {}
        sql = f"SELECT b, k, d FROM {_digest_table(shape)}"
        if touched is not None:
            sql += f" WHERE b IN ({', '.join('?' * len(touched))})"
        for bucket, key, digest in self._db.execute(sql, tuple(touched or ())):
            found.setdefault(bucket, []).append((key, digest))
        self._db.executemany(
            f"INSERT INTO {_bucket_table(shape)} VALUES (?, ?)",
            [(bucket, bucket_digest(pairs)) for bucket, pairs in found.items()],
        )

    def bucket_digests(self, shape: TableShape) -> dict[str, str]:
        """The table's bucket digests as written so far (all of them once ``seal`` ran)."""
        sql = f"SELECT b, d FROM {_bucket_table(shape)}"
        return {str(b): str(d) for b, d in self._db.execute(sql)}

    def seal(self) -> None:
        """Bring the bucket digests up to date with the records written."""
        for shape in self._shapes:
            self._write_buckets(shape)
        self._touched.clear()
        self._new_buckets = False

    def finish(self) -> tuple[bytes, int]:
        """The compressed image and how many records it holds."""
        if self._new_buckets:
            self.seal()
        for shape in self._shapes:
            if self._new:
                keys = ", ".join(quoted(name) for name in shape.key_columns)
                index = quoted(shape.name + "#key")
                self._db.execute(f"CREATE UNIQUE INDEX {index} ON {quoted(shape.name)} ({keys})")
        self._db.execute("COMMIT")
        count = sum(
            self._db.execute(f"SELECT count(*) FROM {quoted(shape.name)}").fetchone()[0]
            for shape in self._shapes
        )
        self._db.close()
        try:
            return pack(self._path), count
        finally:
            if self._own:
                self._path.unlink(missing_ok=True)

    def discard(self) -> None:
        """Drop the image being written (the sync failed)."""
        self._db.close()
        if self._own:
            self._path.unlink(missing_ok=True)


class AttachedBase:
    """The base image attached to a connection on the file: what changed, base records."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._columns: dict[str, set[str]] = {}

    def _known(self, shape: TableShape) -> set[str]:
        if shape.name not in self._columns:
            rows = self._connection.exec_driver_sql(
                f"PRAGMA {SCHEMA}.table_info({quoted(shape.name)})"
            )
            self._columns[shape.name] = {row[1] for row in rows}
        return self._columns[shape.name]

    def has(self, shape: TableShape) -> bool:
        """The image has this table (perhaps without the fields added since)."""
        known = self._known(shape)
        return all(name in known for name in shape.key_columns)

    def complete(self, shape: TableShape) -> bool:
        """The image has this table with every field the app now knows."""
        known = self._known(shape)
        return all(name in known for name in _columns(shape))

    def file_changes(self, shape: TableShape) -> set[str]:
        """Keys of the records the file added, deleted or changed since the base."""
        table, base = f"main.{quoted(shape.name)}", f"{SCHEMA}.{quoted(shape.name)}"
        match = " AND ".join(f"m.{quoted(n)} = b.{quoted(n)}" for n in shape.key_columns)
        differs = [
            (
                f"{DIGEST_FUNCTION}(m.{quoted(n)}) IS NOT b.{quoted(n)}"
                if n in shape.binary
                else f"m.{quoted(n)} IS NOT b.{quoted(n)}"
            )
            for n in shape.fields
        ]
        first = quoted(shape.key_columns[0])
        condition = " OR ".join([f"m.{first} IS NULL", *differs])
        sql = (
            f"SELECT {_key_sql(shape, 'b')} FROM {base} AS b LEFT JOIN {table} AS m "
            f"ON {match} WHERE {condition} UNION ALL "
            f"SELECT {_key_sql(shape, 'm')} FROM {table} AS m "
            f"WHERE NOT EXISTS (SELECT 1 FROM {base} AS b WHERE {match})"
        )
        return {str(key) for (key,) in self._connection.exec_driver_sql(sql)}

    def buckets(self, shape: TableShape) -> dict[str, str]:
        """The stored (bucket -> bucket digest) of the table."""
        sql = f"SELECT b, d FROM {SCHEMA}.{_bucket_table(shape)}"
        return {str(b): str(d) for b, d in self._connection.exec_driver_sql(sql)}

    def stamps(self, shape: TableShape) -> dict[str, str]:
        """The server's bucket stamps when the base last agreed with it, bucket by bucket."""
        sql = f"SELECT b, d FROM {SCHEMA}.{_stamp_table(shape)}"
        return {str(b): str(d) for b, d in self._connection.exec_driver_sql(sql)}

    def digests(self, shape: TableShape, buckets: set[str]) -> dict[str, str]:
        """The stored (key -> digest) of the base records in ``buckets``."""
        found: dict[str, str] = {}
        ordered = sorted(buckets)
        for start in range(0, len(ordered), _CHUNK):
            chunk = tuple(ordered[start : start + _CHUNK])
            sql = (
                f"SELECT k, d FROM {SCHEMA}.{_digest_table(shape)} "
                f"WHERE b IN ({', '.join('?' * len(chunk))})"
            )
            found.update(self._connection.exec_driver_sql(sql, chunk).all())  # type: ignore[arg-type]
        return found

    def records(self, shape: TableShape, keys: set[str] | None) -> dict[str, Record]:
        """Base records of ``keys`` (None: all), canonical; unknown columns as ``UNKNOWN``."""
        known = self._known(shape)
        fields = tuple(name for name in shape.fields if name in known)
        columns = [
            Column(name, Text if name in shape.binary else shape.table.c[name].type)
            for name in shape.key_columns + fields
        ]
        base_shape = dataclasses.replace(
            shape,
            table=Table(shape.name, MetaData(), *columns, schema=SCHEMA),
            fields=fields,
            binary=frozenset(),
            versioned=False,
        )
        found = read_canonical(self._connection, base_shape, keys)
        if fields == shape.fields:
            return found
        position = {name: index for index, name in enumerate(fields)}
        order = [position.get(name) for name in shape.fields]
        return {
            key: Record(None, tuple(UNKNOWN if i is None else r.values[i] for i in order))
            for key, r in found.items()
        }


@contextmanager
def attached(connection: Connection, image: Path | None) -> Iterator[AttachedBase | None]:
    """Attach an image file to a connection that has not begun a transaction yet.

    The caller begins one inside the block, so the file is read as of one moment.
    """
    raw = connection.connection.driver_connection
    raw.create_function(DIGEST_FUNCTION, 1, binary_digest, deterministic=True)  # type: ignore[union-attr]
    if image is None:
        yield None
        return
    raw.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (f"{image.as_uri()}?mode=ro",))  # type: ignore[union-attr]
    try:
        try:
            raw.execute(f"SELECT count(*) FROM {SCHEMA}.sqlite_master").fetchone()  # type: ignore[union-attr]
        except sqlite3.DatabaseError as error:
            raise PlanFileError(DAMAGED) from error
        yield AttachedBase(connection)
    finally:
        if connection.in_transaction():
            connection.rollback()
        raw.execute(f"DETACH DATABASE {SCHEMA}")  # type: ignore[union-attr]
