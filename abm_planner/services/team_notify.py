"""Live updates between everyone who has a team plan open: PostgreSQL LISTEN/NOTIFY.

Every ``Plan.write()`` on a server plan ends with one ``pg_notify`` inside its own
transaction (``announce``), so the notice is delivered exactly when — and only if —
the edit commits. It carries a compact form of the unit of work's ``Change`` list,
the role that made it and the writing ``Plan``'s client id, so a window skips its
own notices (it already published them locally). A unit of work too big for
PostgreSQL's 8,000-byte payload limit is announced as "everything changed".

``NoticeListener`` is the other end: a thread with its own autocommit connection
that LISTENs, hands each decoded ``Notice`` to a callback, says when the connection
is lost or back, and reconnects with backoff. After a reconnect it reports one
"everything changed" notice, since what was announced meanwhile is gone. The GUI
glue (``gui/team_live.py``) moves both callbacks to the UI thread. No Qt here.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from abm_planner.services.changes import Change

log = logging.getLogger(__name__)

CHANNEL = "abm_planner_changes"
MAX_CHANGES_BYTES = 7_000
"""PostgreSQL refuses payloads of 8,000 bytes; past this the notice says "everything"."""

HEARTBEAT_SECONDS = 5.0
"""How long the listener stays silent before it checks that its connection is alive."""

BACKOFF_SECONDS = (0.5, 1.0, 2.0, 4.0)
"""Waits between reconnection attempts; the last one repeats."""

LISTENER_TIMEOUTS: dict[str, Any] = {
    "connect_timeout": 3,
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
    "tcp_user_timeout": 5_000,
}
"""libpq settings that make a dead network show up within seconds, not minutes."""

_NOTIFY = text(
    "SELECT pg_notify(:channel, json_build_object("
    "'c', CAST(:client AS text), 'u', current_user, 'ch', CAST(:changes AS json))::text)"
)


def new_client_id() -> str:
    """An id for one open ``Plan``, so it can recognise its own notices."""
    return uuid.uuid4().hex[:16]


@dataclass(frozen=True, slots=True)
class Notice:
    """One committed unit of work of someone else, as the listener received it.

    ``changes`` is None when the notice means "anything may have changed" (a unit
    of work too big to describe, an unreadable payload, or a reconnect).
    """

    client_id: str
    user: str
    changes: tuple[Change, ...] | None

    @property
    def everything(self) -> bool:
        return self.changes is None


EVERYTHING = Notice("", "", None)


def _hex(value: uuid.UUID | None) -> str | None:
    return None if value is None else value.hex


def encode_changes(changes: Sequence[Change]) -> str:
    """The changes as compact JSON, or ``"null"`` when they would not fit a notice."""
    items = [[c.kind, [_hex(i) for i in c.ids], _hex(c.account_id)] for c in changes]
    encoded = json.dumps(items, separators=(",", ":"))
    return encoded if len(encoded.encode()) <= MAX_CHANGES_BYTES else "null"


def decode_notice(payload: str) -> Notice:
    """Read a notice; anything malformed reads as "everything changed", never an error."""
    try:
        data = json.loads(payload)
        items = data["ch"]
        changes = (
            None
            if items is None
            else tuple(
                Change(
                    str(kind),
                    tuple(uuid.UUID(hex=i) for i in ids),
                    None if account is None else uuid.UUID(hex=account),
                )
                for kind, ids, account in items
            )
        )
        return Notice(str(data.get("c", "")), str(data.get("u", "")), changes)
    except (ValueError, TypeError, KeyError) as error:
        log.warning("Unreadable team plan notice (%s); refreshing everything", error)
        return EVERYTHING


def announce(session: Session, changes: Sequence[Change], client_id: str) -> None:
    """Queue the notice of ``changes`` in ``session``'s transaction (sent on commit)."""
    if not changes:
        return
    session.execute(
        _NOTIFY, {"channel": CHANNEL, "client": client_id, "changes": encode_changes(changes)}
    )


def merge_notices(notices: Iterable[Notice]) -> list[Change]:
    """One list of changes for a burst of notices; a single "plan" change if any says all."""
    merged: list[Change] = []
    for notice in notices:
        if notice.changes is None:
            return [Change("plan")]
        merged.extend(notice.changes)
    return merged


NoticeCallback = Callable[[Notice], None]
ConnectionCallback = Callable[[bool], None]


class NoticeListener:
    """A background thread that LISTENs on a server plan's database.

    ``on_notice`` gets every notice that is not this client's own; ``on_connection``
    gets False when the connection is lost and True when it is back. Both are called
    on the listener's thread.
    """

    def __init__(
        self,
        engine: Engine,
        client_id: str,
        on_notice: NoticeCallback,
        on_connection: ConnectionCallback | None = None,
    ) -> None:
        _args, params = engine.dialect.create_connect_args(engine.url)
        params.pop("context", None)  # SQLAlchemy's adapters; a plain connection needs none
        self._params = {**params, **LISTENER_TIMEOUTS, "application_name": "abm-planner live"}
        self._client_id = client_id
        self._on_notice = on_notice
        self._on_connection = on_connection
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="team-plan-listener", daemon=True)
        self.connected: bool | None = None
        self.received = 0  # notices of others handed on so far (diagnostics, tests)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 1.0) -> None:
        """Ask the thread to end and wait a moment for it (it polls every half second).

        A thread stuck on a dead network ends by itself after libpq's timeouts; it
        calls nothing back once stopped, so it need not be waited for.
        """
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def wait_listening(self, timeout: float) -> bool:
        """Block until the first LISTEN is in place (tests and start-up use it)."""
        return self._listening.wait(timeout)

    # -- on the listener thread ------------------------------------------------------

    def _run(self) -> None:
        import psycopg

        attempt = 0
        while not self._stop.is_set():
            try:
                connection = psycopg.connect(autocommit=True, **self._params)
            except psycopg.Error as error:
                self._lost(error)
                attempt += 1
            else:
                attempt = 0
                try:
                    self._listen(connection)
                except psycopg.Error as error:
                    self._lost(error)
                finally:
                    connection.close()
            if not self._stop.is_set():
                self._stop.wait(BACKOFF_SECONDS[min(attempt, len(BACKOFF_SECONDS) - 1)])

    def _listen(self, connection: Any) -> None:
        connection.execute(f"LISTEN {CHANNEL}")
        was_lost = self.connected is False
        self._set_connected(True)
        self._listening.set()
        if was_lost and not self._stop.is_set():
            self._on_notice(EVERYTHING)  # what was announced while we were away is gone
        quiet_since = time.monotonic()
        while not self._stop.is_set():
            for notify in connection.notifies(timeout=0.5):
                quiet_since = time.monotonic()
                notice = decode_notice(notify.payload)
                if notice.client_id != self._client_id and not self._stop.is_set():
                    self.received += 1
                    self._on_notice(notice)
            if time.monotonic() - quiet_since >= HEARTBEAT_SECONDS:
                connection.execute("SELECT 1")
                quiet_since = time.monotonic()

    def _lost(self, error: Exception) -> None:
        if self.connected is not False:
            log.warning("Team plan connection lost: %s", str(error).strip())
        self._set_connected(False)

    def _set_connected(self, connected: bool) -> None:
        if self.connected is connected:
            return
        self.connected = connected
        if self._on_connection is not None and not self._stop.is_set():
            self._on_connection(connected)
