"""Writing a merge's outcome to one side, in foreign-key order, with version checks.

Inserts go parents first, then updates, then deletes children first, so no write
ever points at a record that is not there yet or is already gone. Every update and
delete of a versioned record names the version the merge saw: when someone changed
the record in between (a teammate on the server, or an edit in the app while the
sync ran), no row matches and ``ConcurrentEditError`` rolls the whole sync back
instead of overwriting what the merge never saw.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from abm_planner.errors import UserError
from abm_planner.services.sync_merge import TableMerge, TableOps, Update, label_of
from abm_planner.services.sync_state import TableShape, key_values

_INSERT_BATCH = 1_000


class ConcurrentEditError(UserError):
    """A record changed on a side while the sync was writing; nothing was written."""


def _where(shape: TableShape, key: str, expected: int | None) -> Any:
    table = shape.table
    conditions = [table.c[name] == value for name, value in key_values(shape, key).items()]
    if expected is not None and shape.versioned:
        conditions.append(table.c.version == expected)
    return and_(*conditions)


def apply_ops(
    connection: Connection,
    merges: list[TableMerge],
    side: Callable[[TableMerge], TableOps],
    where: str,
    *,
    guard_cascades: bool = False,
) -> int:
    """Write one side's share of every table's merge; the number of records written.

    With ``guard_cascades`` (the server, where others write meanwhile) a record is
    deleted only when nothing refers to it any more through an ``ON DELETE CASCADE``
    key: its children the sync knew of were deleted just before it, so anything left
    was added by someone since, and a cascade would delete it unseen.
    """
    written = _delete(connection, merges, side, where, guard_cascades=guard_cascades, first=True)
    for merge in merges:
        ops = side(merge)
        rows = list(ops.inserts.values())
        for start in range(0, len(rows), _INSERT_BATCH):
            try:
                connection.execute(insert(merge.shape.table), rows[start : start + _INSERT_BATCH])
            except IntegrityError as error:
                raise UserError(
                    f"A new {_noun(merge.shape)} could not be added to {where}: it clashes "
                    f"with a record there ({_detail(error)}); nothing was changed."
                ) from error
        written += len(rows)
    for merge in merges:
        ops = side(merge)
        for key, change in ops.updates.items():
            if change.values:
                _update(connection, merge.shape, key, change, where)
                written += 1
    return written + _delete(
        connection, merges, side, where, guard_cascades=guard_cascades, first=False
    )


def _delete(
    connection: Connection,
    merges: list[TableMerge],
    side: Callable[[TableMerge], TableOps],
    where: str,
    *,
    guard_cascades: bool,
    first: bool,
) -> int:
    """Children first: the deletes that make room for an insert (``first``), or the rest."""
    written = 0
    for merge in reversed(merges):
        ops = side(merge)
        deletes = {k: row for k, row in ops.deletes.items() if (k in ops.first) == first}
        children = _cascading_children(merge, merges) if guard_cascades and deletes else []
        for key, row in deletes.items():
            _check_nothing_added(connection, merge.shape, key, row, children=children, where=where)
            expected = row.get("version") if merge.shape.versioned else None
            result = connection.execute(
                delete(merge.shape.table).where(_where(merge.shape, key, expected))
            )
            if result.rowcount != 1 and merge.shape.versioned:
                raise _stale(merge.shape, key, row, where)
        written += len(deletes)
    return written


def _cascading_children(merge: TableMerge, merges: list[TableMerge]) -> list[Any]:
    """The (child table, column) pairs whose rows a deletion of this table's records cascades to."""
    found = []
    for other in merges:
        for key in other.shape.table.foreign_keys:
            if key.column.table is merge.shape.table and (key.ondelete or "").upper() == "CASCADE":
                found.append((other.shape, key.parent))
    return found


def _check_nothing_added(
    connection: Connection,
    shape: TableShape,
    key: str,
    row: dict[str, Any],
    *,
    children: list[Any],
    where: str,
) -> None:
    if not children or len(shape.key_columns) != 1:
        return
    value = key_values(shape, key)[shape.key_columns[0]]
    for child, column in children:
        found = connection.execute(select(column).where(column == value).limit(1)).first()
        if found is not None:
            noun = child.name.rstrip("s").replace("_", " ")
            raise ConcurrentEditError(
                f"Someone added a {noun} to the {_noun(shape)} '{label_of(row, shape, key)}' "
                f"in {where} while the sync ran; nothing was changed on either side: sync "
                "again to decide about it."
            )


def _update(
    connection: Connection, shape: TableShape, key: str, change: Update, where: str
) -> None:
    try:
        result = connection.execute(
            update(shape.table).where(_where(shape, key, change.expected)).values(change.values)
        )
    except IntegrityError as error:
        raise UserError(
            f"A change to a {_noun(shape)} could not be saved in {where} ({_detail(error)}); "
            "nothing was changed."
        ) from error
    if result.rowcount != 1:
        raise _stale(shape, key, change.values, where)


def _stale(shape: TableShape, key: str, row: dict[str, Any], where: str) -> ConcurrentEditError:
    return ConcurrentEditError(
        f"The {_noun(shape)} '{label_of(row, shape, key)}' was changed in {where} while the "
        "sync ran; nothing was changed on either side: sync again to merge that change too."
    )


def _noun(shape: TableShape) -> str:
    return shape.name.rstrip("s").replace("_", " ")


def _detail(error: IntegrityError) -> str:
    text = str(error.orig) if error.orig is not None else str(error)
    return text.splitlines()[0][:200]
