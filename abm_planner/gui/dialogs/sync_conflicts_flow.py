"""File ▸ Sync with team plan: compare in a worker, ask about conflicts, then write.

The comparison (and the network) runs in a ``Job`` so the window keeps painting. A
first run decides nothing: when it meets conflicts, nothing is written and the
conflicts dialog asks. The sync then runs again with those choices; a choice counts
only for the values the user saw (a value that changed again meanwhile is asked
about again). After a sync that changed records the window reads the plan again and
the undo stack is cleared, since its commands refer to records as they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from abm_planner.errors import PasswordRequiredError
from abm_planner.gui.dialogs import sync_conflicts
from abm_planner.gui.dialogs.sync_conflicts import SyncConflictsDialog
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.workers import Cancelled, Job, Progress, start_job
from abm_planner.services.changes import Change
from abm_planner.services.sync import (
    Conflict,
    SyncReport,
    is_offline_copy,
    open_origin,
    origin_of,
    sync,
)

if TYPE_CHECKING:
    from abm_planner.gui.main_window import MainWindow

OFFLINE_COPY = "sync.offline_copy"  # PlanContext.extras: whether the plan is an offline copy
Signature = tuple[str, str, str]


def tr(text: str) -> str:
    return QCoreApplication.translate("SyncFlow", text)


def _signature(conflict: Conflict) -> Signature:
    return (conflict.id, conflict.mine, conflict.theirs)


class SyncFlow(QObject):
    """One File ▸ Sync, from the first comparison to the message at the end."""

    finished = Signal()
    synced = Signal(object)  # SyncReport

    def __init__(self, context: PlanContext, parent: QWidget, status: QStatusBar | None) -> None:
        super().__init__(parent)
        self.context = context
        self.parent_widget = parent
        self.status = status
        self.choices: dict[Signature, str] = {}
        self.job: Job | None = None
        self._password: str | None = None

    def start(self) -> None:
        plan = self.context.plan
        choices = dict(self.choices)
        password = self._password

        def work(progress: Progress, _cancelled: Cancelled) -> Any:
            try:
                server = open_origin(plan, password=password)
            except PasswordRequiredError as error:
                return error  # asked for on the UI thread, then tried again
            try:
                return sync(
                    plan,
                    server,
                    resolve=lambda c: choices.get(_signature(c)),  # type: ignore[arg-type,return-value]
                    progress=progress,
                )
            finally:
                server.close()

        self.job = start_job(
            work,
            self.parent_widget,
            title=tr("Sync with team plan"),
            label=tr("Comparing this copy with the team plan…"),
            cancellable=False,
        )
        self.job.succeeded.connect(self._compared)
        self.job.refused.connect(lambda _error: self._finish())

    def _compared(self, result: object) -> None:
        if isinstance(result, PasswordRequiredError):
            self._ask_password(result)
            return
        assert isinstance(result, SyncReport)
        if result.applied:
            self._synced(result)
            return
        shown = {
            c.id: self.choices[_signature(c)]
            for c in result.conflicts
            if _signature(c) in self.choices
        }
        dialog = SyncConflictsDialog(result.conflicts, result.origin, shown, self.parent_widget)
        try:
            chosen = sync_conflicts.ask(dialog)
        finally:
            dialog.deleteLater()
        if chosen is None:
            self._message(tr("Sync cancelled; neither this copy nor the team plan was changed."))
            self._finish()
            return
        by_id = {c.id: c for c in result.conflicts}
        self.choices = {_signature(by_id[key]): value for key, value in chosen.items()}
        self.start()

    def _ask_password(self, error: PasswordRequiredError) -> None:
        from abm_planner.gui.dialogs.open_team_plan_flow import ask_password

        wrong = error.wrong_password and self._password is not None
        origin = origin_of(self.context.plan)
        location = origin.location if origin else self.context.plan.location
        password = ask_password(self.parent_widget, location, wrong=wrong)
        if password is None:
            self._finish()
            return
        self._password = password
        self.start()

    def _synced(self, report: SyncReport) -> None:
        self._password = None
        counts = tr("sent {0}, received {1}, merged {2} record(s)").format(
            report.sent, report.received, report.merged
        )
        if report.changed_anything:
            # Every view reads the plan again; the undo commands refer to records as they
            # were before the sync, so they go.
            self.context.plan.changes.publish([Change("plan")])
            self.context.undo_stack.clear()
            text = tr(
                "Synced with the team plan at {0}: {1}.\n\nThe undo history was cleared: "
                "changes made before the sync can no longer be undone here."
            ).format(report.origin, counts)
        else:
            text = tr(
                "This copy and the team plan at {0} already agree: nothing to send or receive."
            ).format(report.origin)
        self._message(text.split("\n\n")[0])
        if shiboken6.isValid(self.parent_widget):
            QMessageBox.information(self.parent_widget, tr("Sync with team plan"), text)
        self.synced.emit(report)
        self._finish()

    def _message(self, text: str) -> None:
        if self.status is not None and shiboken6.isValid(self.status):
            self.status.showMessage(text, 15_000)

    def _finish(self) -> None:
        self.finished.emit()


def offline_copy(context: PlanContext | None) -> bool:
    """Whether the open plan is an offline copy of a team plan (asked once per plan)."""
    if context is None:
        return False
    if OFFLINE_COPY not in context.extras:
        context.extras[OFFLINE_COPY] = is_offline_copy(context.plan)
    return bool(context.extras[OFFLINE_COPY])


def connect_sync_command(window: MainWindow) -> None:
    """Wire File ▸ Sync with team plan: on only for a writable offline copy."""
    action = window.commands.sync_plan

    def refresh() -> None:
        context = window.context
        action.setEnabled(context is not None and not context.read_only and offline_copy(context))

    def start() -> None:
        context = window.context
        if context is None or not offline_copy(context):
            return
        flow = SyncFlow(context, window, window.status)
        context.extras["sync.flow"] = flow  # kept alive while it runs
        flow.start()

    window.plan_changed.connect(refresh)
    action.triggered.connect(lambda _checked=False: start())
    refresh()
