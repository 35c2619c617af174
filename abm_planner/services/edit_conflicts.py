"""Turning a lost-update attempt into an ``EditConflictError`` a person can act on.

Every record carries a version that SQLAlchemy checks on update and delete
(``version_id_col``): saving over a newer version matches no row and raises
``StaleDataError``. That alone says only "a row was stale", and by the time it is
raised the failed flush has already expired what the session held. So just before
each flush of a unit of work, the records it is about to save are noted (their
identity, the values this session loaded and the values it sets); on a conflict
they are compared, on a separate connection, with the database's current rows to
name the record, when it was changed and which fields the other person changed,
with both sides' values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, inspect, select
from sqlalchemy.orm import Session

from abm_planner.errors import EditConflictError

PENDING = "abm_planner_pending_edits"
"""``Session.info`` key: the edits of the flush under way (see ``remember_pending_edits``)."""

BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "version"})
LABEL_ATTRIBUTES = ("name", "title", "label", "key", "text")


@dataclass(frozen=True, slots=True)
class PendingEdit:
    """One record a flush saves: what this session read, and what it sets."""

    table: Table
    kind: str
    record_id: Any
    version: Any
    original: dict[str, Any]  # column key -> value as loaded
    mine: dict[str, Any]  # column key -> value this session sets
    deleting: bool

    @property
    def label(self) -> str:
        for key in LABEL_ATTRIBUTES:
            value = self.original.get(key)
            if isinstance(value, str) and value.strip():
                return f"{self.kind} '{value.strip()[:60]}'"
        return f"This {self.kind.lower()}"


def remember_pending_edits(session: Session, _context: Any, _instances: Any) -> None:
    """``before_flush`` listener: note the versioned records this flush updates or deletes."""
    pending: list[PendingEdit] = []
    for record in (*session.dirty, *session.deleted):
        state = inspect(record)
        deleting = record in session.deleted
        if state.identity is None or not (deleting or state.modified):
            continue
        table = state.mapper.local_table
        if "version" not in table.c:
            continue
        columns = {prop.key: prop.columns[0].key for prop in state.mapper.column_attrs}
        original = {}
        mine = {}
        for attribute, column in columns.items():
            if attribute in state.committed_state:
                original[column] = state.committed_state[attribute]
                mine[column] = state.dict.get(attribute)
            elif attribute in state.dict:
                original[column] = state.dict[attribute]
        pending.append(
            PendingEdit(
                table,
                state.mapper.class_.__name__,
                state.identity[0],
                original.get("version"),
                original,
                {k: v for k, v in mine.items() if k not in BOOKKEEPING},
                deleting,
            )
        )
    session.info[PENDING] = pending


def edit_conflict(session: Session, engine: Engine) -> EditConflictError:
    """The conflict behind the ``StaleDataError`` of ``session``'s last flush."""
    with engine.connect() as connection:
        for edit in session.info.get(PENDING, ()):
            conflict = _conflict_of(edit, connection)
            if conflict is not None:
                return conflict
    return EditConflictError(
        table="",
        record_id=None,
        label="A record you edited",
        fields=(),
        mine={},
        theirs={},
        changed_at=None,
        changed_by=None,
    )


def _conflict_of(edit: PendingEdit, connection: Connection) -> EditConflictError | None:
    table = edit.table
    current = connection.execute(select(table).where(table.c.id == edit.record_id)).first()
    if current is not None and current._mapping["version"] == edit.version:
        return None
    from abm_planner.store import server  # psycopg loads only where team plans are used

    editor = server.last_editor(connection, table.name, edit.record_id)
    common: dict[str, Any] = {
        "table": table.name,
        "record_id": edit.record_id,
        "label": edit.label,
        "changed_by": editor[0] if editor else None,
    }
    if current is None:
        changed_at = editor[1] if editor else None
        return EditConflictError(
            **common, fields=(), mine=edit.mine, theirs={}, changed_at=changed_at, deleted=True
        )
    theirs = current._mapping
    theirs_changed = tuple(
        key
        for key in (column.key for column in table.c)
        if key not in BOOKKEEPING and key in edit.original and theirs[key] != edit.original[key]
    )
    shown = tuple(dict.fromkeys((*theirs_changed, *edit.mine)))
    updated = theirs.get("updated_at")
    return EditConflictError(
        **common,
        fields=theirs_changed,
        mine={key: edit.mine.get(key, edit.original.get(key)) for key in shown},
        theirs={key: theirs[key] for key in shown},
        changed_at=updated if isinstance(updated, datetime) else None,
    )
