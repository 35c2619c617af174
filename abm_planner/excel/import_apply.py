"""Writing the selected changes of a preview, inside the caller's unit of work.

Adds go in as bulk inserts (100,000 contacts in seconds), changes as one
executemany per set of changed fields with the version bumped by hand (Core
updates bypass the ORM's version counter), deletes by id in chunks with the
database's ON DELETE rules removing what hangs off a record. Before anything is
written, every record to change or delete must still have the version the
preview saw; otherwise nothing is written and the person previews again.
Play templates are deleted first, so an added or renamed template may take the
name of one the same import deletes (names are unique in the library). The
sheets of ``round_trip_sheets`` bring their own kinds, tables and link tables. A
stakeholder moved to another account leaves the lines, play targets and
objective links that tied them to the old one.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Table, and_, bindparam, delete, or_, select, update
from sqlalchemy.orm import Session

from abm_planner.excel.errors import StalePreviewError
from abm_planner.excel.import_model import ADD, CHANGE, DELETE, ImportPreview, RecordChange
from abm_planner.excel.record_ids import collector_paused
from abm_planner.excel.round_trip import MOVED
from abm_planner.excel.round_trip_sheets import SHEETS
from abm_planner.store.base import utcnow
from abm_planner.store.models import (
    Account,
    Objective,
    PlayAssignment,
    PlayTemplate,
    Stakeholder,
    StakeholderLine,
    VocabularyTerm,
    play_targets,
    play_template_roles,
    play_template_stages,
    stakeholder_roles,
)

TABLES: dict[str, Any] = {
    "term": VocabularyTerm,
    "account": Account,
    "stakeholder": Stakeholder,
    "line": StakeholderLine,
    "play_template": PlayTemplate,
} | {sheet.kind: sheet.model for sheet in SHEETS}
ORDER = tuple(dict.fromkeys(("term", "play_template", "account", "stakeholder", *TABLES)))
DELETED_FIRST = ("play_template",)
# list fields kept in link tables: kind -> field -> (table, record column, term column)
LINKS: dict[str, dict[str, tuple[Table, str, str]]] = {
    "stakeholder": {"role_ids": (stakeholder_roles, "stakeholder_id", "role_id")},
    "play_template": {
        "stage_ids": (play_template_stages, "template_id", "stage_id"),
        "role_ids": (play_template_roles, "template_id", "role_id"),
    },
} | {sheet.kind: sheet.links for sheet in SHEETS if sheet.links}
CHUNK = 500
BulkInsert = Callable[[Session, Table, Sequence[dict[str, Any]]], None]


def with_dependencies(preview: ImportPreview, selection: Iterable[str]) -> list[RecordChange]:
    """The selected changes plus every change they need (a person needs their new account)."""
    by_key = {change.key: change for change in preview.changes}
    wanted = [key for key in selection if key in by_key]
    chosen: set[str] = set()
    while wanted:
        key = wanted.pop()
        if key in chosen or key not in by_key:
            continue
        chosen.add(key)
        wanted += by_key[key].depends_on
    return [change for change in preview.changes if change.key in chosen]


def apply_changes(
    session: Session, changes: list[RecordChange], bulk_insert: BulkInsert
) -> dict[str, dict[str, int]]:
    with collector_paused():
        return _apply_changes(session, changes, bulk_insert)


def _apply_changes(
    session: Session, changes: list[RecordChange], bulk_insert: BulkInsert
) -> dict[str, dict[str, int]]:
    """Write ``changes``; return counts per action and kind.

    ``bulk_insert(session, table, rows)`` is the services' fast insert, handed in
    because this layer sits below the services.
    """
    _check_versions(session, changes)
    now = utcnow()
    counts: dict[str, dict[str, int]] = {ADD: {}, CHANGE: {}, DELETE: {}}
    for kind in DELETED_FIRST:
        _delete(session, kind, changes, counts)
    for kind in ORDER:
        adds = [c for c in changes if c.action == ADD and c.kind == kind]
        if adds:
            _add(session, kind, adds, now, bulk_insert)
            counts[ADD][kind] = len(adds)
    for kind in ORDER:
        edits = [c for c in changes if c.action == CHANGE and c.kind == kind]
        if edits:
            _change(session, kind, edits, now)
            counts[CHANGE][kind] = len(edits)
    _leave_old_account(session, [c for c in changes if c.action == CHANGE and MOVED in c.values])
    for kind in reversed(ORDER):
        if kind not in DELETED_FIRST:
            _delete(session, kind, changes, counts)
    return counts


def _delete(
    session: Session, kind: str, changes: list[RecordChange], counts: dict[str, dict[str, int]]
) -> None:
    gone = [c.record_id for c in changes if c.action == DELETE and c.kind == kind]
    table = TABLES[kind].__table__
    for start in range(0, len(gone), CHUNK):
        session.execute(delete(table).where(table.c.id.in_(gone[start : start + CHUNK])))
    if gone:
        counts[DELETE][kind] = len(gone)


def _check_versions(session: Session, changes: list[RecordChange]) -> None:
    wanted: dict[str, dict[uuid.UUID, RecordChange]] = defaultdict(dict)
    for change in changes:
        if change.action in (CHANGE, DELETE):
            wanted[change.kind][change.record_id] = change
    for kind, by_id in wanted.items():
        table = TABLES[kind].__table__
        ids = list(by_id)
        found: dict[uuid.UUID, int] = {}
        for start in range(0, len(ids), CHUNK):
            query = select(table.c.id, table.c.version).where(
                table.c.id.in_(ids[start : start + CHUNK])
            )
            found.update(session.execute(query).all())
        for record_id, change in by_id.items():
            if found.get(record_id) != change.version:
                raise StalePreviewError(
                    f"{change.name or 'A record'} changed in the plan after the preview was made; "
                    "nothing was imported. Preview the import again."
                )


def _add(
    session: Session, kind: str, adds: list[RecordChange], now: Any, bulk_insert: BulkInsert
) -> None:
    table: Table = TABLES[kind].__table__
    columns = set(table.columns.keys())
    rows = []
    links: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for change in adds:
        row = {k: v for k, v in change.values.items() if k in columns}
        row |= {"id": change.record_id, "created_at": now, "updated_at": now, "version": 1}
        rows.append(row)
        for name, (_table, own, term) in LINKS.get(kind, {}).items():
            links[name] += [{own: change.record_id, term: t} for t in change.values.get(name, ())]
    defaults = {c.name: _default(c) for c in table.columns}
    bulk_insert(session, table, [defaults | row for row in rows])
    for name, link_rows in links.items():
        if link_rows:
            bulk_insert(session, LINKS[kind][name][0], link_rows)


def _default(column: Any) -> Any:
    default = column.default
    return default.arg if default is not None and default.is_scalar else None


def _change(session: Session, kind: str, edits: list[RecordChange], now: Any) -> None:
    table: Table = TABLES[kind].__table__
    kind_links = LINKS.get(kind, {})
    groups: dict[tuple[str, ...], list[RecordChange]] = defaultdict(list)
    for change in edits:
        groups[tuple(sorted(k for k in change.values if k not in kind_links))].append(change)
    for names, group in groups.items():
        statement = (
            update(table)
            .where(table.c.id == bindparam("_id"), table.c.version == bindparam("_version"))
            .values(
                {name: bindparam(f"_{name}") for name in names}
                | {"version": table.c.version + 1, "updated_at": now}
            )
        )
        params = [
            {"_id": c.record_id, "_version": c.version} | {f"_{n}": c.values[n] for n in names}
            for c in group
        ]
        session.execute(statement, params)
    for name, (links, own, term) in kind_links.items():
        linked = [c for c in edits if name in c.values]
        ids = [c.record_id for c in linked]
        for start in range(0, len(ids), CHUNK):
            session.execute(delete(links).where(links.c[own].in_(ids[start : start + CHUNK])))
        rows = [{own: c.record_id, term: t} for c in linked for t in c.values[name]]
        if rows:
            session.execute(links.insert(), rows)


def _leave_old_account(session: Session, moves: list[RecordChange]) -> None:
    """Lines, play targets and objectives that tie moved people to their old account go."""
    for change in moves:
        person, account = change.record_id, change.values[MOVED]
        line, objective = _table(StakeholderLine), _table(Objective)
        session.execute(
            delete(line).where(
                or_(line.c.source_id == person, line.c.target_id == person),
                line.c.account_id != account,
            )
        )
        elsewhere = select(PlayAssignment.id).where(PlayAssignment.account_id != account)
        session.execute(
            delete(play_targets).where(
                play_targets.c.stakeholder_id == person,
                play_targets.c.assignment_id.in_(elsewhere),
            )
        )
        session.execute(
            update(objective)
            .where(
                and_(
                    objective.c.stakeholder_id == person,
                    or_(objective.c.account_id != account, objective.c.account_id.is_(None)),
                )
            )
            .values(stakeholder_id=None)
        )


def _table(model: Any) -> Table:
    return model.__table__  # type: ignore[no-any-return]
