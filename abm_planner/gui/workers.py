"""Long Qt-free work (exports, import previews) off the UI thread, with progress and Cancel.

The core's long functions take ``progress(done, total)``, called from the thread
they run on, and ``cancelled()``, which they poll and answer by raising
``OperationCancelled``. ``Job`` runs such a function in the application's thread
pool and turns both into something a person sees: a window-modal progress dialog
(only when the work takes longer than ``SHOW_AFTER_MS``) whose Cancel button
flips the flag ``cancelled()`` reads. The result comes back on the UI thread as a
signal: ``succeeded(result)``, ``refused(error)`` for a ``UserError`` (already
shown to the person with ``actions.show_user_error``), ``cancelled()``, and
always ``finished()`` last. Any other exception is raised again on the UI thread,
so the app's excepthook logs it like any error of a slot.

Nothing Qt is touched on the worker thread except emitting the job's signals,
which Qt queues to the UI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from abm_planner.errors import UserError
from abm_planner.excel.errors import OperationCancelled
from abm_planner.gui.garbage_collection import background_work_ended, background_work_started

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]

SHOW_AFTER_MS = 400  # quicker work finishes without a dialog flashing up
_PROGRESS_EVERY = 0.05  # seconds between progress reports the worker passes on

_running: set[Job] = set()  # jobs keep themselves alive until they have reported


class _Signals(QObject):
    """Created on the UI thread; the worker only emits."""

    progressed = Signal(int, int)
    ended = Signal(object, object)  # result, exception (one of them is None)


class _Runnable(QRunnable):
    def __init__(self, work: Work, signals: _Signals, stop: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._signals = signals
        self._stop = stop
        self._last = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last >= _PROGRESS_EVERY:
            self._last = now
            self._signals.progressed.emit(int(done), int(total))

    def run(self) -> None:
        try:
            result = self._work(self._progress, self._stop.is_set)
        except BaseException as error:  # noqa: BLE001 - handed over and raised on the UI thread
            self._signals.ended.emit(None, error)
        else:
            self._signals.ended.emit(result, None)


class Job(QObject):
    """One piece of work: ``start()`` it, then listen to its signals."""

    succeeded = Signal(object)
    refused = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(
        self,
        work: Work,
        parent: QWidget,
        *,
        title: str,
        label: str,
        cancellable: bool = True,
    ) -> None:
        super().__init__()  # not owned by ``parent``: the job outlives a closed window
        self._work = work
        self._parent = parent
        self._title = title
        self._label = label
        self._cancellable = cancellable
        self._stop = threading.Event()
        self._signals = _Signals()
        self._signals.progressed.connect(self._on_progress)
        self._signals.ended.connect(self._on_ended)
        self._dialog: QProgressDialog | None = None
        self._range = (0, 0)  # busy until the work reports a total
        self.running = False

    # -- control ------------------------------------------------------------------------

    def start(self) -> None:
        self.running = True
        _running.add(self)
        background_work_started()
        QTimer.singleShot(SHOW_AFTER_MS, self, self._show_dialog)
        QThreadPool.globalInstance().start(_Runnable(self._work, self._signals, self._stop))

    def cancel(self) -> None:
        """Ask the work to stop; it reports ``cancelled`` when it has."""
        if not self._cancellable or not self.running:
            return
        self._stop.set()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Cancelling…"))
            for button in self._dialog.findChildren(QPushButton):
                button.setEnabled(False)

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        """The dialog, once the work has taken long enough to show one."""
        return self._dialog

    # -- on the UI thread ---------------------------------------------------------------

    def _show_dialog(self) -> None:
        if not self.running or self._dialog is not None or not shiboken6.isValid(self._parent):
            return
        dialog = QProgressDialog(self._label, self.tr("Cancel"), 0, 0, self._parent)
        dialog.setObjectName("jobProgressDialog")
        dialog.setWindowTitle(self._title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(360)
        if not self._cancellable:
            dialog.setCancelButton(None)  # type: ignore[arg-type]
        # The dialog hides itself when Cancel is pressed; the work may need a moment
        # more to stop, so it comes back saying so until the work reports.
        dialog.canceled.connect(self._on_dialog_cancel)
        self._dialog = dialog
        self._apply_range()
        dialog.show()

    def _on_dialog_cancel(self) -> None:
        self.cancel()
        if self.running and self._dialog is not None and self._cancellable:
            self._dialog.show()

    def _on_progress(self, done: int, total: int) -> None:
        self._range = (done, total)
        self._apply_range()

    def _apply_range(self) -> None:
        if self._dialog is None:
            return
        done, total = self._range
        if total <= 0 or done >= total:
            # Unknown, or counted to the end with work still to do (an import compares
            # with the plan after reading): a busy bar, not a full one that looks stuck.
            self._dialog.setRange(0, 0)
            return
        # QProgressDialog counts in int; scale big totals to per mille.
        if total > 1_000_000:
            done, total = done * 1000 // total, 1000
        self._dialog.setRange(0, total)
        self._dialog.setValue(min(done, total))

    def _on_ended(self, result: object, error: BaseException | None) -> None:
        self.running = False
        _running.discard(self)
        background_work_ended()
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self._on_dialog_cancel)
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None
        try:
            if error is None:
                self.succeeded.emit(result)
            elif isinstance(error, OperationCancelled):
                self.cancelled.emit()
            elif isinstance(error, UserError):
                from abm_planner.gui import actions

                parent = self._parent if shiboken6.isValid(self._parent) else None
                actions.show_user_error(parent, error)
                self.refused.emit(error)
            else:
                raise error
        finally:
            self.finished.emit()


def start_job(
    work: Work,
    parent: QWidget,
    *,
    title: str,
    label: str,
    cancellable: bool = True,
) -> Job:
    """Run ``work(progress, cancelled)`` in the thread pool; the started ``Job``."""
    job = Job(work, parent, title=title, label=label, cancellable=cancellable)
    job.start()
    return job
