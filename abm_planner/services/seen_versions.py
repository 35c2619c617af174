"""Optimistic locking from what a window showed, not from what a unit of work just read.

A service edits a record by reading it and writing it in one transaction, so the
version check of ``version_id_col`` only catches an edit that lands in between — a
few milliseconds. The edit a person makes is based on what their window showed,
maybe minutes earlier. ``SeenVersions`` remembers, per record, the version and field
values that the plan's *reading* sessions (the views) last loaded, and those its own
units of work last committed. When a unit of work is about to save a record whose
version on the server is newer than the one remembered, someone else saved it after
this window read it: the flush is refused with an ``EditConflictError`` naming the
fields the other person changed (their value on the server, this window's value),
and nothing is written. ``forget`` lets "keep mine" re-apply over the newer version.

Only team plans use it (``track``); a plan file has one writer.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from abm_planner.errors import EditConflictError

WRITING = "abm_planner_unit_of_work"
"""``Session.info`` key that ``Plan.write()`` sets: this session saves, it does not show."""

LIMIT = 20_000
"""Records remembered; the least recently read are forgotten first (no check for them)."""

_BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "version"})
_LABELS = ("name", "title", "label", "key")


@dataclass(frozen=True, slots=True)
class Seen:
    version: int
    values: dict[str, Any]


class SeenVersions:
    """Follows every session of one engine; ``close`` stops following."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self._seen: OrderedDict[uuid.UUID, Seen] = OrderedDict()
        self._lock = threading.Lock()  # views read on the UI thread, exports in workers
        self._paused = 0
        event.listen(Session, "loaded_as_persistent", self._loaded)
        event.listen(Session, "before_flush", self._before_flush)
        event.listen(Session, "after_commit", self._after_commit)

    def close(self) -> None:
        event.remove(Session, "loaded_as_persistent", self._loaded)
        event.remove(Session, "before_flush", self._before_flush)
        event.remove(Session, "after_commit", self._after_commit)
        with self._lock:
            self._seen.clear()

    def seen(self, record_id: uuid.UUID) -> Seen | None:
        with self._lock:
            return self._seen.get(record_id)

    @contextmanager
    def editing(self) -> Iterator[None]:
        """Reads inside an edit are the edit's own, not what the window showed the user."""
        self._paused += 1
        try:
            yield
        finally:
            self._paused -= 1

    def forget(self, record_id: object) -> None:
        """Take the server's current version as the base of the next edit ("keep mine")."""
        if isinstance(record_id, uuid.UUID):
            with self._lock:
                self._seen.pop(record_id, None)

    # -- session events ------------------------------------------------------------------

    def _ours(self, session: Session) -> bool:
        return session.bind is self._engine

    def _loaded(self, session: Session, record: Any) -> None:
        if self._ours(session) and not self._paused and not session.info.get(WRITING):
            self._remember(record)

    def _after_commit(self, session: Session) -> None:
        if not self._ours(session):
            return
        for record in list(session.identity_map.values()):
            self._remember(record)

    def _before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        if not self._ours(session):
            return
        for record in list(session.dirty):
            conflict = self._conflict(record)
            if conflict is not None:
                raise conflict

    # -- the records ---------------------------------------------------------------------

    def _remember(self, record: Any) -> None:
        state = inspect(record)
        if state.identity is None or "version" not in state.dict:
            return
        record_id = state.identity[0]
        if not isinstance(record_id, uuid.UUID):
            return
        values = {attr.key: state.dict.get(attr.key) for attr in state.mapper.column_attrs}
        with self._lock:
            self._seen[record_id] = Seen(int(state.dict["version"]), values)
            self._seen.move_to_end(record_id)
            while len(self._seen) > LIMIT:
                self._seen.popitem(last=False)

    def _conflict(self, record: Any) -> EditConflictError | None:
        state = inspect(record)
        if state.identity is None or "version" not in state.attrs:
            return None
        seen = self.seen(state.identity[0])
        if seen is None:
            return None
        current_version = _committed(state, "version")
        if current_version is None or current_version == seen.version:
            return None
        names = [a.key for a in state.mapper.column_attrs if a.key not in _BOOKKEEPING]
        theirs_changed = tuple(n for n in names if _committed(state, n) != seen.values.get(n))
        mine_changed = tuple(n for n in names if state.attrs[n].history.has_changes())
        shown = tuple(dict.fromkeys(theirs_changed + mine_changed))
        updated = _committed(state, "updated_at")
        return EditConflictError(
            table=state.mapper.local_table.name,
            record_id=state.identity[0],
            label=_label(seen.values, state.mapper.class_.__name__),
            fields=theirs_changed,
            mine={
                n: getattr(record, n) if n in mine_changed else seen.values.get(n) for n in shown
            },
            theirs={n: _committed(state, n) for n in shown},
            changed_at=updated if isinstance(updated, datetime) else None,
            changed_by=None,
        )


def _committed(state: Any, name: str) -> Any:
    """The value loaded from the database in this session, before any change made in it."""
    history = state.attrs[name].history
    if history.deleted:
        return history.deleted[0]
    if history.unchanged:
        return history.unchanged[0]
    return state.committed_state.get(name, state.dict.get(name))


def _label(values: dict[str, Any], kind: str) -> str:
    """The record as the window showed it ("Account 'Acme'"), before either side's edit."""
    for attribute in _LABELS:
        value = values.get(attribute)
        if isinstance(value, str) and value.strip():
            return f"{kind} '{value.strip()[:60]}'"
    return f"This {kind.lower()}"
