"""What a deletion means for the records that point at it, across tables.

A record deleted on one side while the other side added something that belongs to
it (a stakeholder added by the team to an account deleted offline) is a conflict:
applying both would leave the new record pointing at nothing. And when a deleted
record is kept after all (a conflict decided for the side that still has it), what
its deletion took along on that side (the account's people, lines and plays,
deleted there by ``ON DELETE CASCADE``) comes back with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from abm_planner.services.sync_merge import (
    DELETED,
    WHOLE_BASE,
    Conflict,
    Resolver,
    TableMerge,
    label_of,
)


@dataclass(frozen=True, slots=True)
class Link:
    """``child.column`` refers to a record of ``parent``."""

    child: str
    column: str
    parent: str
    ondelete: str


def links(merges: dict[str, TableMerge]) -> list[Link]:
    found = []
    for name, merge in merges.items():
        for key in merge.shape.table.foreign_keys:
            parent = key.column.table.name
            if parent in merges and len(key.constraint.columns) == 1:  # type: ignore[union-attr]
                found.append(
                    Link(name, key.parent.name, parent, (key.ondelete or "NO ACTION").upper())
                )
    return found


def _by_reference(rows: dict[str, dict[str, Any]], column: str) -> dict[str, list[str]]:
    """The keys of ``rows`` by the record their ``column`` refers to."""
    found: dict[str, list[str]] = {}
    for key, row in rows.items():
        if row.get(column) is not None:
            found.setdefault(str(row[column]), []).append(key)
    return found


def check_dependants(merges: dict[str, TableMerge], resolver: Resolver) -> None:
    """Conflicts for deletions that would orphan a record the other side added."""
    all_links = links(merges)
    for deleting_is_mine in (True, False):
        for link in all_links:
            parent = merges[link.parent]
            child = merges[link.child]
            deletes = parent.to_server.deletes if deleting_is_mine else parent.to_file.deletes
            arriving = child.to_file.inserts if deleting_is_mine else child.to_server.inserts
            if not deletes or not arriving:
                continue
            referring = _by_reference(arriving, link.column)
            for parent_key in list(deletes):
                keys = [key for key in referring.get(parent_key, ()) if key in arriving]
                if keys:
                    orphans = sorted(
                        ((key, arriving[key]) for key in keys),
                        key=lambda item: (label_of(item[1], child.shape, item[0]), item[0]),
                    )
                    _dependant_conflict(
                        merges,
                        link,
                        parent_key,
                        orphans,
                        resolver=resolver,
                        deleting_is_mine=deleting_is_mine,
                    )


def _dependant_conflict(
    merges: dict[str, TableMerge],
    link: Link,
    parent_key: str,
    orphans: list[tuple[str, dict[str, Any]]],
    *,
    resolver: Resolver,
    deleting_is_mine: bool,
) -> None:
    parent, child = merges[link.parent], merges[link.child]
    deletes = parent.to_server.deletes if deleting_is_mine else parent.to_file.deletes
    arriving_ops = child.to_file if deleting_is_mine else child.to_server
    kept_row = deletes[parent_key]
    names = ", ".join(label_of(row, child.shape, key) for key, row in orphans[:3])
    more = f" and {len(orphans) - 3} more" if len(orphans) > 3 else ""
    noun = child.shape.name.replace("_", " ")
    kept = f"kept: it still has {noun} {names}{more}"
    conflict = Conflict(
        parent.shape.name,
        label_of(kept_row, parent.shape, parent_key),
        None,
        DELETED if deleting_is_mine else kept,
        kept if deleting_is_mine else DELETED,
        WHOLE_BASE,
        parent_key,
    )
    parent.conflicts.append(conflict)
    choice = resolver(conflict)
    if choice not in ("mine", "theirs"):
        parent.unresolved.append(conflict)
        return
    deletion_wins = (choice == "mine") == deleting_is_mine
    if deletion_wins:
        for key, row in orphans:
            if link.ondelete == "SET NULL":
                row[link.column] = None
                arriving_ops.nulled.setdefault(key, set()).add(link.column)
            else:
                withdraw(merges, link.child, key, into_file=deleting_is_mine)
        return
    del deletes[parent_key]
    restore = parent.to_file if deleting_is_mine else parent.to_server
    restore.inserts[parent_key] = kept_row
    _swap_count(parent, to_received=deleting_is_mine)


def withdraw(merges: dict[str, TableMerge], table: str, key: str, *, into_file: bool) -> None:
    """A record added to what the other side deletes goes, with whatever was added to it.

    It is deleted explicitly on the side that added it (children before parents, so no
    cascade on the server ever removes a record the sync did not list).
    """
    all_links = links(merges)
    pending = [(table, key)]
    while pending:
        name, record = pending.pop()
        merge = merges[name]
        arriving = merge.to_file if into_file else merge.to_server
        row = arriving.inserts.pop(record, None)
        if row is None:
            continue
        leaving = merge.to_server if into_file else merge.to_file
        leaving.deletes[record] = row
        _swap_count(merge, to_received=not into_file)
        for link in (link for link in all_links if link.parent == name):
            child = merges[link.child]
            child_ops = child.to_file if into_file else child.to_server
            for child_key in _by_reference(child_ops.inserts, link.column).get(record, ()):
                if link.ondelete == "SET NULL":
                    child_ops.inserts[child_key][link.column] = None
                    child_ops.nulled.setdefault(child_key, set()).add(link.column)
                else:
                    pending.append((link.child, child_key))


def restore_closure(merges: dict[str, TableMerge], restored: set[tuple[str, str]]) -> None:
    """Bring back what cascaded with a record that is restored on one side.

    ``restored`` holds (table, key) of records inserted into a side that had
    deleted them. Records of that side's deletions that refer to them through a
    ``CASCADE`` key are restored too instead of being deleted on the other side.
    """
    all_links = [link for link in links(merges) if link.ondelete == "CASCADE"]
    pending = list(restored)
    while pending:
        table, parent_key = pending.pop()
        for into_file in (True, False):
            parent_ops = merges[table].to_file if into_file else merges[table].to_server
            if parent_key not in parent_ops.inserts:
                continue
            for link in (link for link in all_links if link.parent == table):
                child = merges[link.child]
                deletes = child.to_server.deletes if into_file else child.to_file.deletes
                target = child.to_file if into_file else child.to_server
                for key in _by_reference(deletes, link.column).get(parent_key, ()):
                    target.inserts[key] = deletes.pop(key)
                    _swap_count(child, to_received=into_file)
                    pending.append((link.child, key))


def restored_records(
    merges: dict[str, TableMerge], base_keys: dict[str, set[str]]
) -> set[tuple[str, str]]:
    """Inserts of records the base knows: deletions that were decided against."""
    found: set[tuple[str, str]] = set()
    for name, merge in merges.items():
        known = base_keys.get(name, set())
        for ops in (merge.to_file, merge.to_server):
            found.update((name, key) for key in ops.inserts if key in known)
    return found


def _swap_count(merge: TableMerge, *, to_received: bool) -> None:
    """A write moved from one side to the other."""
    if to_received:
        merge.sent -= 1
        merge.received += 1
    else:
        merge.received -= 1
        merge.sent += 1
