"""The state a sync compares: every synced table's records, keyed and comparable.

Works generically from ``Base.metadata``, so tables added by later revisions take
part without code here knowing them. A record is addressed by its primary key (the
UUID ``id``, or the pair of ids of an association table). Its *fields* are every
column but the key and the bookkeeping columns (created/updated times, version):
two sides agree on a record when its fields agree, whatever their bookkeeping says.

Values are compared in a canonical, JSON-safe form that is the same on SQLite and
PostgreSQL (UUIDs as 32 hex digits, dates in ISO form, binary columns by digest so a
snapshot's megabytes never enter the base). Reading skips SQLAlchemy's UUID objects
for this: a plan of 300,000 records compares in seconds. Native values are read only
for the records a sync writes (``read_native``).
"""

from __future__ import annotations

import hashlib
import json
import uuid
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    LargeBinary,
    String,
    Table,
    Text,
    Uuid,
    cast,
    func,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.types import Date, DateTime

from abm_planner.store.models import Base
from abm_planner.store.models.sync import LOCAL_ONLY

BOOKKEEPING = frozenset({"created_at", "updated_at", "version"})
LABEL_COLUMNS = ("name", "title", "label", "key", "text")
_READ_BATCH = 5_000
_NATIVE_BATCH = 500
_KEYED_READ_LIMIT = 20_000  # more keys than this: one pass over the table is quicker

Values = tuple[Any, ...]
Converter = Callable[[Any], Any]


class _Unknown:
    """The base value of a column the base does not know (added by a later revision)."""

    def __repr__(self) -> str:
        return "(unknown)"


UNKNOWN: Any = _Unknown()


def _iso(value: Any) -> Any:
    return None if value is None else value.isoformat()


def binary_digest(value: Any) -> Any:
    """Binary data as its SHA-256 and length: a snapshot's megabytes never enter a base."""
    if value is None:
        return None
    data = bytes(value)
    return f"sha256:{hashlib.sha256(data).hexdigest()}:{len(data)}"


def _as_text(column: Any, dialect: str) -> Any:
    """The column read as the text both dialects agree on, converted by the database."""
    if dialect == "postgresql":
        text = cast(column, Text)
        return func.replace(text, "-", "") if isinstance(column.type, Uuid) else text
    return type_coerce(column, String)  # SQLite keeps UUIDs as 32 hex digits, dates as ISO


def _read_as(column: Any, dialect: str) -> tuple[Any, Converter | None]:
    """What to select for a column and how its value becomes canonical (None: it is)."""
    kind = column.type
    if isinstance(kind, Uuid | Date) and not isinstance(kind, DateTime):
        return _as_text(column, dialect), None
    if isinstance(kind, DateTime):
        return column, _iso  # the text forms differ between dialects; Python's does not
    if isinstance(kind, LargeBinary):
        return column, binary_digest
    return column, None


@dataclass(frozen=True, slots=True)
class TableShape:
    """What a sync needs to know about one table."""

    table: Table
    key_columns: tuple[str, ...]
    fields: tuple[str, ...]
    binary: frozenset[str]
    versioned: bool
    label_column: str | None

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def keys_only(self) -> bool:
        """An association table: its key is all there is."""
        return not self.fields


@cache
def synced_tables() -> tuple[TableShape, ...]:
    """Every table a sync carries, parents before children (foreign-key order)."""
    shapes = []
    for table in Base.metadata.sorted_tables:
        if table.info.get(LOCAL_ONLY):
            continue
        keys = tuple(column.name for column in table.primary_key.columns)
        fields = tuple(
            column.name
            for column in table.columns
            if column.name not in keys and column.name not in BOOKKEEPING
        )
        binary = frozenset(c.name for c in table.columns if isinstance(c.type, LargeBinary))
        label = next((name for name in LABEL_COLUMNS if name in fields), None)
        shapes.append(TableShape(table, keys, fields, binary, "version" in table.columns, label))
    return tuple(shapes)


def shape_of(name: str) -> TableShape:
    return next(shape for shape in synced_tables() if shape.name == name)


def canonical(value: Any) -> Any:
    """A JSON-safe value that compares equal exactly when the stored values do."""
    if value is None or isinstance(value, bool | int | str | float):
        return value
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return binary_digest(value)
    return float(value) if isinstance(value, Decimal) else value


@dataclass(slots=True)
class Record:
    """One record in canonical form: its version (None: unversioned) and field values."""

    version: int | None
    values: Values


def read_canonical(
    connection: Connection, shape: TableShape, keys: Collection[str] | None = None
) -> dict[str, Record]:
    """Every record of the table (or just those of ``keys``), canonical, by key."""
    if keys is not None and len(keys) <= _KEYED_READ_LIMIT:
        found: dict[str, Record] = {}
        for condition in key_conditions(shape, keys):
            found.update(_read_canonical(connection, shape, condition))
        return found
    every = _read_canonical(connection, shape, None)
    if keys is None:
        return every
    return {key: every[key] for key in keys if key in every}


def key_conditions(shape: TableShape, keys: Iterable[str]) -> Iterator[Any]:
    """``WHERE`` clauses matching ``keys``, a batch of them each."""
    wanted = list(keys)
    key_columns = [shape.table.c[name] for name in shape.key_columns]
    for start in range(0, len(wanted), _NATIVE_BATCH):
        chunk = [key_values(shape, key) for key in wanted[start : start + _NATIVE_BATCH]]
        if len(key_columns) == 1:
            yield key_columns[0].in_([values[key_columns[0].name] for values in chunk])
        else:
            yield tuple_(*key_columns).in_(
                [tuple(values[c.name] for c in key_columns) for values in chunk]
            )


def _read_canonical(connection: Connection, shape: TableShape, condition: Any) -> dict[str, Record]:
    keys = shape.key_columns
    names = keys + (("version",) if shape.versioned else ()) + shape.fields
    dialect = connection.dialect.name
    selected = [_read_as(shape.table.c[name], dialect) for name in names]
    converters = [(i, convert) for i, (_c, convert) in enumerate(selected) if convert]
    width, offset = len(keys), len(keys) + (1 if shape.versioned else 0)
    found: dict[str, Record] = {}
    query = select(*(column for column, _convert in selected))
    result = connection.execute(query if condition is None else query.where(condition))
    version = width if shape.versioned else None
    while batch := result.fetchmany(_READ_BATCH):
        for row in batch:
            values = tuple(row)
            if converters:
                changed = list(values)
                for i, convert in converters:
                    changed[i] = convert(changed[i])
                values = tuple(changed)
            key = str(values[0]) if width == 1 else "|".join(map(str, values[:width]))
            found[key] = Record(None if version is None else values[version], values[offset:])
    return found


def key_values(shape: TableShape, key: str) -> dict[str, Any]:
    """The native primary-key values of a record key."""
    values = {}
    for name, part in zip(shape.key_columns, key.split("|"), strict=True):
        values[name] = shape.table.c[name].type.python_type(part)
    return values


def read_native(
    connection: Connection, shape: TableShape, keys: Iterable[str]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """The rows of ``keys`` with every column as the models read it."""
    wanted = list(keys)
    if shape.keys_only:
        for key in wanted:
            yield key, key_values(shape, key)
        return
    for condition in key_conditions(shape, wanted):
        for row in connection.execute(select(shape.table).where(condition)).mappings():
            native = dict(row)
            yield "|".join(canonical(native[name]) for name in shape.key_columns), native


@dataclass(slots=True)
class BaseTable:
    """One table as both sides last agreed; values follow the current ``TableShape``.

    A column the base does not know (added by a later schema revision) holds
    ``UNKNOWN``: a difference there cannot be attributed to a side.
    """

    records: dict[str, Record]


def encode_base(records: dict[str, Record], shape: TableShape) -> bytes:
    """Compress the table's canonical state for ``sync_base.payload``."""
    body = {
        "fields": list(shape.fields),
        "rows": [[key, r.version, list(r.values)] for key, r in records.items()],
    }
    return zlib.compress(json.dumps(body, separators=(",", ":")).encode(), 1)


def decode_base(payload: bytes | None, shape: TableShape) -> BaseTable:
    if not payload:
        return BaseTable({})
    body = json.loads(zlib.decompress(payload))
    fields = tuple(body["fields"])
    rows = body["rows"]
    if fields == shape.fields:
        return BaseTable({key: Record(version, tuple(values)) for key, version, values in rows})
    position = {name: index for index, name in enumerate(fields)}
    order = [position.get(name) for name in shape.fields]
    return BaseTable(
        {
            key: Record(version, tuple(UNKNOWN if i is None else values[i] for i in order))
            for key, version, values in rows
        }
    )


def display(value: Any, shape: TableShape | None = None, column: str | None = None) -> str:
    """A field value as a person reads it in a conflict list."""
    if value is UNKNOWN:
        return "(unknown)"
    if value is None or value == "":
        return "(empty)"
    if shape is not None and column in shape.binary and isinstance(value, str):
        size = value.rsplit(":", 1)[-1]
        return f"(binary data, {int(size):,} bytes)" if size.isdigit() else "(binary data)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if shape is not None and column is not None and isinstance(value, str) and len(value) == 32:
        kind = shape.table.c[column].type
        if isinstance(kind, Uuid):
            return str(uuid.UUID(value))
    text = str(value)
    return text if len(text) <= 200 else text[:199] + "…"
