"""The three-way merge of one table: the base, the offline copy ("mine"), the team's ("theirs").

Each record is judged by its key against the base: added, deleted, or which of its
fields changed on each side. Disjoint changes merge silently both ways; the same
field changed on both sides to different values, and a deletion on one side against
an edit on the other, are conflicts a person decides (``Resolver``). The outcome is
a list of writes per side (``TableOps``) and the conflicts; nothing is written here.
Records are compared in canonical form; the writes name where their native values
come from, which ``sync`` reads afterwards for just those records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from abm_planner.services.sync_state import UNKNOWN, Record, TableShape, display

Choice = Literal["mine", "theirs"]
DELETED = "(deleted)"
WHOLE_BASE = "—"  # a record-level conflict has no single value "before"


@dataclass(frozen=True, slots=True)
class Conflict:
    """A change a person must decide: ``field`` None means the record as a whole."""

    table: str
    record: str
    field: str | None
    mine: str
    theirs: str
    base: str
    key: str = ""

    @property
    def id(self) -> str:
        """Stable across runs of the same sync, so a choice made once can be applied."""
        return f"{self.table}:{self.key}:{self.field or ''}"


Resolver = Callable[[Conflict], Choice | None]


@dataclass(slots=True)
class Update:
    """Set ``fields`` (native values read from the other side) plus ``extra`` on the
    record whose version is ``expected`` (None: unversioned); ``values`` is filled in
    once the native row has been read."""

    expected: int | None
    fields: tuple[str, ...]
    extra: dict[str, Any] = field(default_factory=dict)
    whole: bool = False  # every column of the source row, bookkeeping included
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class TableOps:
    """The writes one side needs for one table.

    ``inserts`` and ``deletes`` map keys to rows: canonical while merging (names and
    references for the cross-table checks), native for inserts once read.
    """

    inserts: dict[str, dict[str, Any]] = field(default_factory=dict)
    updates: dict[str, Update] = field(default_factory=dict)
    deletes: dict[str, dict[str, Any]] = field(default_factory=dict)
    nulled: dict[str, set[str]] = field(default_factory=dict)  # insert keys: columns set NULL
    first: set[str] = field(default_factory=set)  # deletes made before any insert

    def __len__(self) -> int:
        return len(self.inserts) + len(self.updates) + len(self.deletes)


@dataclass(slots=True)
class TableMerge:
    shape: TableShape
    to_server: TableOps = field(default_factory=TableOps)
    to_file: TableOps = field(default_factory=TableOps)
    conflicts: list[Conflict] = field(default_factory=list)
    unresolved: list[Conflict] = field(default_factory=list)
    sent: int = 0
    received: int = 0
    merged: int = 0
    base_stale: bool = False  # both sides made the same change: the base must catch up

    @property
    def writes(self) -> bool:
        return bool(len(self.to_server) or len(self.to_file))


def row_of(key: str, record: Record, shape: TableShape) -> dict[str, Any]:
    """A canonical record as a row: key columns, version and fields by name."""
    row = dict(zip(shape.fields, record.values, strict=True))
    row.update(zip(shape.key_columns, key.split("|"), strict=True))
    if shape.versioned:
        row["version"] = record.version
    return row


def label_of(row: dict[str, Any] | None, shape: TableShape, key: str) -> str:
    """How a person recognises the record: its name or title, else its table and id."""
    if row is not None and shape.label_column and row.get(shape.label_column):
        return str(row[shape.label_column])[:120]
    singular = shape.name.rstrip("s").replace("_", " ")
    return f"{singular} {key.split('|', maxsplit=1)[0][:8]}"


def merge_table(
    shape: TableShape,
    base: dict[str, Record],
    mine: dict[str, Record],
    theirs: dict[str, Record],
    *,
    resolver: Resolver,
    now: datetime,
    describe: Callable[[Conflict], Conflict] | None = None,
) -> TableMerge:
    """Compare every record of one table three ways and plan the writes of both sides.

    ``describe`` may rewrite a conflict's texts (names for references) before it is
    decided, so a resolver sees what a person sees.
    """
    merge = TableMerge(shape)
    merger = _Merger(shape, base, merge, resolver, now, describe or (lambda c: c))
    for key in base.keys() | mine.keys() | theirs.keys():
        merger.record(key, mine.get(key), theirs.get(key))
    return merge


@dataclass(slots=True)
class _Merger:
    shape: TableShape
    base: dict[str, Record]
    merge: TableMerge
    resolver: Resolver
    now: datetime
    describe: Callable[[Conflict], Conflict]

    def _changed(self, key: str, record: Record, *, known_only: bool = False) -> set[int]:
        """Positions of the fields ``record`` changed against the base."""
        base = self.base[key].values
        return {
            i
            for i, (old, new) in enumerate(zip(base, record.values, strict=True))
            if old != new and not (known_only and old is UNKNOWN)
        }

    def _decide(self, conflict: Conflict) -> Choice | None:
        conflict = self.describe(conflict)
        self.merge.conflicts.append(conflict)
        choice = self.resolver(conflict)
        if choice not in ("mine", "theirs"):
            self.merge.unresolved.append(conflict)
            return None
        return choice

    def record(self, key: str, mine: Record | None, theirs: Record | None) -> None:
        if mine is None and theirs is None:
            self.merge.base_stale = True  # deleted on both sides
            return
        if mine is not None and theirs is not None and mine.values == theirs.values:
            base = self.base.get(key)
            if base is None or base.values != mine.values:
                self.merge.base_stale = True
            return  # the same on both sides, whatever the base says
        if key not in self.base:
            if mine is not None and theirs is not None:
                # Added on both sides under one key, differently: every difference is asked.
                self._both_present(key, mine, theirs, added=True)
            elif mine is not None:
                self.merge.to_server.inserts[key] = row_of(key, mine, self.shape)
                self.merge.sent += 1
            elif theirs is not None:
                self.merge.to_file.inserts[key] = row_of(key, theirs, self.shape)
                self.merge.received += 1
        elif mine is None:
            assert theirs is not None
            self._deleted_here(key, theirs, here_is_mine=True)
        elif theirs is None:
            self._deleted_here(key, mine, here_is_mine=False)
        else:
            self._both_present(key, mine, theirs, added=False)

    def _deleted_here(self, key: str, kept: Record, *, here_is_mine: bool) -> None:
        """One side deleted the record; ``kept`` is the other side's."""
        row = row_of(key, kept, self.shape)
        changed = sorted(self.shape.fields[i] for i in self._changed(key, kept, known_only=True))
        if changed:
            edit = "edited: " + ", ".join(changed)
            mine_text, theirs_text = (DELETED, edit) if here_is_mine else (edit, DELETED)
            label = label_of(row, self.shape, key)
            conflict = Conflict(
                self.shape.name, label, None, mine_text, theirs_text, WHOLE_BASE, key
            )
            choice = self._decide(conflict)
            if choice is None:
                return
            if (choice == "mine") != here_is_mine:  # the edit wins: restore the record
                restore = self.merge.to_file if here_is_mine else self.merge.to_server
                restore.inserts[key] = row
                self._count(received=here_is_mine)
                return
        target = self.merge.to_server if here_is_mine else self.merge.to_file
        target.deletes[key] = row
        self._count(received=not here_is_mine)

    def _count(self, *, received: bool) -> None:
        if received:
            self.merge.received += 1
        else:
            self.merge.sent += 1

    def _both_present(self, key: str, mine: Record, theirs: Record, *, added: bool) -> None:
        if added:
            differing = {
                i for i, (a, b) in enumerate(zip(mine.values, theirs.values, strict=True)) if a != b
            }
            mine_changed = theirs_changed = differing
        else:
            mine_changed = self._changed(key, mine)
            theirs_changed = self._changed(key, theirs)
        final: dict[int, Choice] = {}
        for i in sorted(mine_changed | theirs_changed):
            if mine.values[i] == theirs.values[i]:
                continue
            if i in mine_changed and i in theirs_changed:
                name = self.shape.fields[i]
                base_value = UNKNOWN if added else self.base[key].values[i]
                conflict = Conflict(
                    self.shape.name,
                    label_of(row_of(key, theirs, self.shape), self.shape, key),
                    name,
                    display(mine.values[i], self.shape, name),
                    display(theirs.values[i], self.shape, name),
                    display(base_value, self.shape, name),
                    key,
                )
                choice = self._decide(conflict)
                if choice is not None:
                    final[i] = choice
            else:
                final[i] = "mine" if i in mine_changed else "theirs"
        to_server = tuple(self.shape.fields[i] for i, c in final.items() if c == "mine")
        to_file = tuple(self.shape.fields[i] for i, c in final.items() if c == "theirs")
        self._plan_updates(key, mine, theirs, to_server, to_file)

    def _plan_updates(
        self,
        key: str,
        mine: Record,
        theirs: Record,
        to_server: tuple[str, ...],
        to_file: tuple[str, ...],
    ) -> None:
        if not to_server and not to_file:
            return
        if not to_server:
            # The team's record as a whole, bookkeeping included: the file then agrees
            # with the server on versions and times.
            self.merge.to_file.updates[key] = Update(mine.version, (), whole=True)
            self.merge.received += 1
            return
        extra: dict[str, Any] = {}
        if self.shape.versioned and theirs.version is not None:
            # The server's version moves on, so every other client sees its copy is stale;
            # the file takes the same version and time.
            extra = {"version": int(theirs.version) + 1}
            if "updated_at" in self.shape.table.c:
                extra["updated_at"] = self.now
        self.merge.to_server.updates[key] = Update(theirs.version, to_server, extra)
        self.merge.to_file.updates[key] = Update(mine.version, to_file, dict(extra))
        if to_file:
            self.merge.merged += 1
        else:
            self.merge.sent += 1
