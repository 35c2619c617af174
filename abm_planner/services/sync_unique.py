"""Two new records that may exist only once: added on both sides under one unique name.

A play template "Executive dinner" added offline and another added by the team, or
both sides scoring the same criterion of an account, are two records (two ids)
that a unique constraint allows only one of. Sending both would fail on the
server. The pair is a conflict a person decides like any other: the record kept
is the chosen side's; the other is removed from the side that added it, with
whatever was added to it there (said in the conflict). When the two records are
the same in every field and nothing was added to the offline one, they are
clearly one record added twice: the team's is kept without asking, the offline
copy's gives way, so records the team already points at stay as they are.

The loser is deleted before the winner arrives (``TableOps.first``), or the
winner's insert would meet the unique constraint.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Index, Table, UniqueConstraint

from abm_planner.services.sync_links import links, withdraw
from abm_planner.services.sync_merge import Conflict, Resolver, TableMerge, label_of
from abm_planner.services.sync_state import TableShape, display

ADDED_HERE = "added here"
ADDED_THERE = "added in the team plan"


def unique_sets(table: Table) -> list[tuple[str, ...]]:
    """The column sets a table allows only once each (its primary key aside)."""
    found: list[tuple[str, ...]] = []
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            found.append(tuple(column.name for column in constraint.columns))
    for index in table.indexes:
        if isinstance(index, Index) and index.unique:
            names = [getattr(e, "name", None) for e in index.expressions]
            if all(isinstance(name, str) and name in table.c for name in names):
                found.append(tuple(names))  # type: ignore[arg-type]
    found += [(column.name,) for column in table.columns if column.unique]
    return list(dict.fromkeys(found))


def check_unique_clashes(merges: dict[str, TableMerge], resolver: Resolver) -> None:
    """Find new-against-new clashes on every unique column set and settle or ask."""
    for merge in list(merges.values()):
        ops_mine, ops_theirs = merge.to_server.inserts, merge.to_file.inserts
        if not ops_mine or not ops_theirs:
            continue
        for columns in unique_sets(merge.shape.table):
            theirs_by_value = _by_values(ops_theirs, columns)
            for mine_key, row in list(ops_mine.items()):
                value = _values(row, columns)
                theirs_key = theirs_by_value.get(value) if value is not None else None
                if theirs_key is None or theirs_key == mine_key:
                    continue
                if mine_key not in ops_mine or theirs_key not in ops_theirs:
                    continue  # already settled through another unique set
                _settle(merges, merge, (mine_key, theirs_key), columns=columns, resolver=resolver)


def _values(row: dict[str, Any], columns: tuple[str, ...]) -> tuple[Any, ...] | None:
    values = tuple(row.get(name) for name in columns)
    return None if any(v is None for v in values) else values  # NULLs never clash


def _by_values(rows: dict[str, dict[str, Any]], columns: tuple[str, ...]) -> dict[Any, str]:
    found = {}
    for key, row in rows.items():
        value = _values(row, columns)
        if value is not None:
            found[value] = key
    return found


def _settle(
    merges: dict[str, TableMerge],
    merge: TableMerge,
    keys: tuple[str, str],
    *,
    columns: tuple[str, ...],
    resolver: Resolver,
) -> None:
    shape, (mine_key, theirs_key) = merge.shape, keys
    mine, theirs = merge.to_server.inserts[mine_key], merge.to_file.inserts[theirs_key]
    differing = [name for name in shape.fields if mine.get(name) != theirs.get(name)]
    mine_added = _dependants(merges, shape, mine_key, sent=True)
    if not differing and not mine_added:
        _lose(merges, shape, mine_key, into_file=False)  # one record added twice
        merge.merged += 1
        merge.received -= 2  # the team's record arriving and the copy's giving way
        return
    theirs_added = _dependants(merges, shape, theirs_key, sent=False)
    named = ", ".join(f"{name} {display(mine.get(name), shape, name)}" for name in columns)
    conflict = Conflict(
        shape.name,
        label_of(mine, shape, mine_key) if shape.label_column else named,
        None,
        _describe(ADDED_HERE, mine, differing, mine_added, shape),
        _describe(ADDED_THERE, theirs, differing, theirs_added, shape),
        f"one record per {' and '.join(columns)}",
        mine_key,
    )
    merge.conflicts.append(conflict)
    choice = resolver(conflict)
    if choice not in ("mine", "theirs"):
        merge.unresolved.append(conflict)
        return
    if choice == "mine":
        _lose(merges, shape, theirs_key, into_file=True)
    else:
        _lose(merges, shape, mine_key, into_file=False)


def _lose(merges: dict[str, TableMerge], shape: TableShape, key: str, *, into_file: bool) -> None:
    """Remove the losing record (and what was added to it) from the side that added it,
    before the winner is inserted there."""
    before = {name: set(_leaving(m, into_file).deletes) for name, m in merges.items()}
    withdraw(merges, shape.name, key, into_file=into_file)
    for name, merge in merges.items():
        ops = _leaving(merge, into_file)
        ops.first.update(set(ops.deletes) - before[name])


def _leaving(merge: TableMerge, into_file: bool) -> Any:
    return merge.to_server if into_file else merge.to_file


def _dependants(merges: dict[str, TableMerge], shape: TableShape, key: str, *, sent: bool) -> int:
    """How many new records on the same side refer to the new record ``key``."""
    count = 0
    for link in links(merges):
        if link.parent != shape.name:
            continue
        child = merges[link.child]
        rows = child.to_server.inserts if sent else child.to_file.inserts
        count += sum(1 for row in rows.values() if row.get(link.column) == key)
    return count


def _describe(
    where: str, row: dict[str, Any], differing: list[str], added: int, shape: TableShape
) -> str:
    parts = [f"{name}: {display(row.get(name), shape, name)}" for name in differing[:3]]
    if len(differing) > 3:
        parts.append(f"and {len(differing) - 3} more field(s)")
    text = where + (" (" + "; ".join(parts) + ")" if parts else "")
    if added:
        text += f", with {added} record(s) added to it that go with it if not kept"
    return text
