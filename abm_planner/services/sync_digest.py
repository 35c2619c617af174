"""A short digest of a record's fields that PostgreSQL computes in SQL and Python alike.

A sync must find the team's changes without reading a million records' fields:
the offline copy keeps, next to its base, the digest of every record as both sides
last agreed on it, and the server sends just (key, digest) pairs, computed in one
pass of SQL. Only records whose digest differs (or that appeared or disappeared) are
then read and merged field by field. The digest covers every field a merge compares
and none of the bookkeeping, so any write shows up, whether or not it moved the
version column (Core ``update()`` statements leave it alone).

Both sides spell each field as the same text (UUIDs as 32 hex digits, times with
microseconds, numbers in their shortest exact form, binary data by SHA-256) with its
length in front, so the text, and its MD5, is the same for the same values. Where the
two spellings could still differ (a float of 10**15 or more, a year before 1000) a
record only looks changed: it is then compared in full, which costs time, never a
wrong merge. On another engine than PostgreSQL (a plan file in the tests) the
digests are computed here from the canonical records.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Float,
    LargeBinary,
    Numeric,
    Text,
    Uuid,
    case,
    cast,
    false,
    func,
    literal,
    literal_column,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import DOUBLE_PRECISION, aggregate_order_by

from abm_planner.services.sync_state import Record, TableShape, read_canonical

_BATCH = 10_000
Spell = Callable[[Any], str]


def bucket_of(key: str) -> str:
    """The bucket of a record key: the last two hex digits of its (first) UUID.

    Ids made one after another share their first digits, never their last ones, so
    a plan's records spread evenly over 256 buckets.
    """
    return key.split("|", 1)[0][-2:]


def bucket_digest(pairs: Iterable[tuple[str, str]]) -> str:
    """The digest of a bucket's (key, digest) pairs, sorted by key as PostgreSQL's "C"."""
    text = "".join(f"{key}:{digest};" for key, digest in sorted(pairs))
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def _float(value: Any) -> str:
    number = float(value)
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    text = repr(number)
    return text[:-2] if text.endswith(".0") else text


def _datetime(value: Any) -> str:
    text = str(value)
    return text + ".000000" if len(text) == 19 else text  # isoformat() drops zero microseconds


def _boolean(value: Any) -> str:
    return "1" if value else "0"


def _spelling(column: Any) -> Spell:
    kind = column.type
    if isinstance(kind, Boolean):
        return _boolean
    if isinstance(kind, DateTime):
        return _datetime
    if isinstance(kind, Float | Numeric):
        return _float
    return str


def _spellings(shape: TableShape) -> list[Spell]:
    return [_spelling(shape.table.c[name]) for name in shape.fields]


def record_digest(values: tuple[Any, ...], spellings: list[Spell]) -> str:
    """The digest of one canonical record's field values (see the module docstring)."""
    parts = []
    for value, spell in zip(values, spellings, strict=True):
        if value is None:
            parts.append("-")
        else:
            text = spell(value)
            parts.append(f"{len(text)}:{text}")
    return hashlib.md5("".join(parts).encode(), usedforsecurity=False).hexdigest()


def digests_of(records: dict[str, Record], shape: TableShape) -> Iterator[tuple[str, str]]:
    """(key, digest) of canonical records; an association table's records have none."""
    if shape.keys_only:
        for key in records:
            yield key, ""
        return
    spellings = _spellings(shape)
    for key, record in records.items():
        yield key, record_digest(record.values, spellings)


def _pg_text(column: Any) -> Any:
    """The column spelled as ``record_digest`` spells its canonical value, in PostgreSQL."""
    kind = column.type
    text: Any = cast(column, Text)
    if isinstance(kind, Uuid):
        text = func.replace(text, "-", "")
    elif isinstance(kind, DateTime):
        text = func.to_char(column, 'YYYY-MM-DD"T"HH24:MI:SS.US')
    elif isinstance(kind, Date):
        text = func.to_char(column, "YYYY-MM-DD")
    elif isinstance(kind, Boolean):
        text = case((column == true(), "1"), (column == false(), "0"))
    elif isinstance(kind, Float | Numeric):
        text = cast(cast(column, DOUBLE_PRECISION), Text)
    elif isinstance(kind, LargeBinary):
        text = (
            literal("sha256:")
            + func.encode(func.sha256(column), "hex")
            + ":"
            + cast(func.octet_length(column), Text)
        )
    return text


def _pg_key(shape: TableShape) -> Any:
    parts = [func.replace(cast(shape.table.c[name], Text), "-", "") for name in shape.key_columns]
    key: Any = parts[0]
    for part in parts[1:]:
        key = key + "|" + part
    return key


def _pg_digest(shape: TableShape) -> Any:
    if shape.keys_only:
        return literal("")
    texts = [_pg_text(shape.table.c[name]) for name in shape.fields]
    parts = [func.coalesce(cast(func.char_length(t), Text) + ":" + t, "-") for t in texts]
    return func.md5(func.concat(*parts))


def _pg_bucket(shape: TableShape) -> Any:
    return func.right(cast(shape.table.c[shape.key_columns[0]], Text), 2)


def server_stamps(connection: Connection, shape: TableShape) -> dict[str, str]:
    """(bucket -> stamp) on PostgreSQL: its record count and a hash of (key, ``xmin``).

    Every write of a row, whatever statement made it, gives the row a new ``xmin``
    (the writing transaction), so a bucket whose stamp is what it was when its
    content was last verified has not changed since. A hundred times cheaper than
    digesting every field; empty (no shortcut) on other engines and old servers.
    """
    if connection.dialect.name != "postgresql" or _old_server(connection):
        return {}
    key = _pg_key(shape) + ":" + cast(literal_column("xmin"), Text)
    hashed = func.bit_xor(func.hashtextextended(key, 0))
    stamp = cast(func.count(), Text) + ":" + cast(hashed, Text)
    query = select(_pg_bucket(shape), stamp).select_from(shape.table).group_by(literal_column("1"))
    return {str(b): str(s) for b, s in connection.execute(query)}


def _old_server(connection: Connection) -> bool:
    version = connection.dialect.server_version_info or (0,)
    return version < (14,)  # bit_xor() came with PostgreSQL 14


def server_buckets(
    connection: Connection, shape: TableShape, buckets: Collection[str] | None = None
) -> dict[str, str]:
    """(bucket -> bucket digest) of a side's records (of ``buckets``), computed there."""
    if connection.dialect.name != "postgresql":
        return _python_buckets(server_digests(connection, shape, buckets))
    key, digest, bucket = _pg_key(shape), _pg_digest(shape), _pg_bucket(shape)
    query = select(bucket.label("b"), key.label("k"), digest.label("d"))
    if buckets is not None:
        query = query.where(bucket.in_(sorted(buckets)))
    rows = query.subquery()
    order = aggregate_order_by(literal(""), rows.c.k.collate("C"))
    line = rows.c.k + ":" + rows.c.d + ";"
    query = select(rows.c.b, func.md5(func.string_agg(line, order))).group_by(rows.c.b)
    return {str(b): str(d) for b, d in connection.execute(query)}


def _python_buckets(digests: dict[str, str]) -> dict[str, str]:
    grouped: dict[str, list[tuple[str, str]]] = {}
    for key, digest in digests.items():
        grouped.setdefault(bucket_of(key), []).append((key, digest))
    return {bucket: bucket_digest(pairs) for bucket, pairs in grouped.items()}


def server_digests(
    connection: Connection, shape: TableShape, buckets: Collection[str] | None = None
) -> dict[str, str]:
    """(key -> digest) of a side's records (of ``buckets`` only, if given)."""
    if connection.dialect.name != "postgresql":
        every = dict(digests_of(read_canonical(connection, shape), shape))
        if buckets is None:
            return every
        return {key: digest for key, digest in every.items() if bucket_of(key) in buckets}
    query = select(_pg_key(shape), _pg_digest(shape))
    if buckets is not None:
        query = query.where(_pg_bucket(shape).in_(sorted(buckets)))
    found: dict[str, str] = {}
    result = connection.execute(query)
    while batch := result.fetchmany(_BATCH):
        found.update(batch)  # type: ignore[arg-type]
    return found
