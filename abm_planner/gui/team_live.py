"""A team plan kept live in a window: others' edits, and the state of the connection.

``TeamLive`` runs the services' ``NoticeListener`` (a thread LISTENing on the plan's
database) and brings what it hears to the UI thread through Qt signals. Notices are
gathered for a moment (``GATHER_MS``) so a burst of edits refreshes the views once,
then published to the plan's ``ChangeHub`` — the same path a local edit takes, so
every view refreshes the way it already does for the user's own edits. The listener
also says when the connection is lost and back; the window shows a banner meanwhile
and edits are refused at once with a sentence instead of waiting on a dead network
(``refuse_while_offline``, called by ``commands.base.push``). It remembers who last
changed each record, for the conflict dialog.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QStatusBar
from sqlalchemy.exc import DBAPIError, OperationalError

from abm_planner.errors import UserError
from abm_planner.gui.garbage_collection import background_work_ended, background_work_started
from abm_planner.gui.notice_banner import NoticeBanner
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services.changes import Change
from abm_planner.services.plans import Plan
from abm_planner.services.seen_versions import SeenVersions
from abm_planner.services.team_notify import Notice, NoticeListener, merge_notices

log = logging.getLogger(__name__)

GATHER_MS = 150
"""A burst of notices within this time refreshes the views once."""

EXTRAS_KEY = "team_live"


def tr(text: str) -> str:
    return QCoreApplication.translate("TeamLive", text)


class ConnectionLostError(UserError):
    """An edit refused because the team plan's server cannot be reached right now."""


def is_connection_loss(error: BaseException) -> bool:
    """True for a refusal caused by the network or the server going away, not by the data."""
    cause = error.__cause__
    if not isinstance(cause, DBAPIError):
        return False
    if cause.connection_invalidated:
        return True
    state = getattr(cause.orig, "sqlstate", None)
    # No SQLSTATE: libpq could not connect or lost the socket; 08: connection exception;
    # 57P01-57P03: the server is shutting down or starting.
    return isinstance(cause, OperationalError) and (
        state is None or state.startswith("08") or state in {"57P01", "57P02", "57P03"}
    )


def connection_lost_error() -> ConnectionLostError:
    return ConnectionLostError(
        tr(
            "The connection to the team plan is lost, so this change was not saved. "
            "ABM Planner is reconnecting; make the change again when the banner is gone."
        )
    )


@dataclass(frozen=True, slots=True)
class LastChange:
    """Who saved a record last, as far as this window heard (for the conflict dialog)."""

    user: str
    at: float  # time.time()


class TeamLive(QObject):
    """Live updates and connection state for one open team plan."""

    connection_changed = Signal(bool)
    """False when the connection to the server is lost, True when it is back."""

    _noticed = Signal(object)  # from the listener thread
    _connection = Signal(bool)  # from the listener thread

    def __init__(self, plan: Plan, client_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan = plan
        self._pending: list[Notice] = []
        self._last_change: dict[uuid.UUID, LastChange] = {}
        self.online = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(GATHER_MS)
        self._timer.timeout.connect(self._publish)
        self._noticed.connect(self._on_notice)
        self._connection.connect(self._on_connection)
        self._listener = NoticeListener(plan.engine, client_id, self._heard, self._reached)
        self._running = False
        self.seen: SeenVersions | None = None

    def start(self) -> None:
        # The listener thread allocates for as long as the plan is open; keep the
        # garbage collector on the UI thread meanwhile (see gui/garbage_collection.py).
        background_work_started()
        self._running = True
        self.seen = SeenVersions(self._plan.engine)
        self._listener.start()

    def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        self._timer.stop()
        self._listener.stop()
        if self.seen is not None:
            self.seen.close()
            self.seen = None
        background_work_ended()

    def wait_listening(self, timeout: float) -> bool:
        return self._listener.wait_listening(timeout)

    @property
    def notices_received(self) -> int:
        """Notices of others the listener thread has received (not yet shown, maybe)."""
        return self._listener.received

    def last_change(self, record_id: object) -> LastChange | None:
        """Who last changed ``record_id`` in someone else's window, if this one heard it."""
        if not isinstance(record_id, uuid.UUID):
            return None
        return self._last_change.get(record_id)

    def connection_lost(self) -> None:
        """A write failed on a dead connection before the listener noticed: say so now."""
        self._on_connection(False)

    @contextmanager
    def editing(self) -> Iterator[None]:
        """Around a command's service calls: refused while offline; its reads are its own."""
        self.refuse_while_offline()
        if self.seen is None:
            yield
            return
        with self.seen.editing():
            yield

    def forget_seen(self, record_id: object) -> None:
        """Let the next edit of ``record_id`` build on the server's current version."""
        if self.seen is not None:
            self.seen.forget(record_id)

    def refuse_while_offline(self) -> None:
        if not self.online:
            raise connection_lost_error()

    # -- on the listener thread: hand over to the UI thread ----------------------------------

    def _heard(self, notice: Notice) -> None:
        try:
            self._noticed.emit(notice)
        except RuntimeError:  # the window let go of the plan this very moment
            log.debug("Team plan notice after close dropped")

    def _reached(self, connected: bool) -> None:
        try:
            self._connection.emit(connected)
        except RuntimeError:
            log.debug("Team plan connection state after close dropped")

    # -- on the UI thread ------------------------------------------------------------------

    def _on_notice(self, notice: Notice) -> None:
        if not self._running:
            return
        now = time.time()
        for change in notice.changes or ():
            for record_id in change.ids:
                self._last_change[record_id] = LastChange(notice.user, now)
        self._pending.append(notice)
        if not self._timer.isActive():
            self._timer.start()

    def _publish(self) -> None:
        notices, self._pending = self._pending, []
        changes: list[Change] = merge_notices(notices)
        if not changes:
            return
        log.debug("Team plan: %d change(s) from others", len(changes))
        self._plan.changes.publish(changes)

    def _on_connection(self, connected: bool) -> None:
        if connected == self.online or not self._running:
            return
        self.online = connected
        log.info("Team plan connection %s", "back" if connected else "lost")
        self.connection_changed.emit(connected)


def live_of(context: PlanContext | None) -> TeamLive | None:
    """The ``TeamLive`` of a context's plan, when it is a team plan open in a window."""
    if context is None:
        return None
    live = context.extras.get(EXTRAS_KEY)
    return live if isinstance(live, TeamLive) else None


def start_live(
    context: PlanContext, parent: QObject, banner: NoticeBanner, status: QStatusBar
) -> TeamLive:
    """Follow ``context``'s team plan in a window; ``banner`` tells of a lost connection."""
    live = TeamLive(context.plan, context.plan.client_id, parent)
    context.extras[EXTRAS_KEY] = live
    live.connection_changed.connect(lambda connected: show_connection(banner, status, connected))
    live.start()
    return live


def show_connection(banner: NoticeBanner, status: QStatusBar, connected: bool) -> None:
    if connected:
        banner.clear()
        status.showMessage(tr("Connected to the team plan again."), 8_000)
    else:
        banner.show_notice(
            tr("Connection to the team plan lost — retrying"),
            tr("Edits are refused until the connection is back; nothing was lost."),
        )


def stop_live(context: PlanContext) -> None:
    live = context.extras.pop(EXTRAS_KEY, None)
    if isinstance(live, TeamLive):
        live.stop()
        live.deleteLater()
