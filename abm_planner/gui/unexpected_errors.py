"""What happens to an exception nobody caught: logged in full, shown once, app keeps running.

A Qt app calls ``sys.excepthook`` for an exception that escapes a slot or an event
handler and then carries on. This hook writes the traceback to the log and tells the
user where it is — once per distinct error, so an error raised on every repaint does
not bury the window under message boxes. A ``UserError`` that escaped is shown as
the plain sentence it carries.

The message for an unexpected error names the log file and offers "Copy details"
(versions, platform, log path and the traceback, for a bug report) and "Show
Details…". The plan is safe whatever happened: every edit is its own transaction, so
an error in the middle of one leaves the file as it was before it.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from abm_planner import __version__
from abm_planner.errors import UserError

logger = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class UnexpectedErrorHook:
    """A ``sys.excepthook`` for the GUI; ``install()`` and ``uninstall()`` it."""

    def __init__(self, log_path: Path, parent: Callable[[], QWidget | None]) -> None:
        self.log_path = log_path
        self._parent = parent
        self._shown: set[tuple[str, ...]] = set()
        self._showing = False
        self._previous: ExceptHook | None = None

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self and self._previous is not None:
            sys.excepthook = self._previous

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        if isinstance(error, UserError):
            logger.info("User error reached the event loop: %s", error)
            self._show(("user", str(error)), QMessageBox.Icon.Warning, str(error))
            return
        logger.error("Unexpected error", exc_info=(kind, error, trace))
        text = QCoreApplication.translate(
            "UnexpectedErrorHook", "An unexpected error occurred; details were written to {0}."
        ).format(self.log_path)
        details = crash_details(self.log_path, kind, error, trace)
        self._show(_signature(kind, error, trace), QMessageBox.Icon.Critical, text, details)

    def _show(
        self, signature: tuple[str, ...], icon: QMessageBox.Icon, text: str, details: str = ""
    ) -> None:
        if self._showing or signature in self._shown:
            return
        self._shown.add(signature)
        self._showing = True
        title = QCoreApplication.translate("UnexpectedErrorHook", "ABM Planner")
        try:
            if icon is QMessageBox.Icon.Critical:
                with CrashDetails.added_to(text, details):
                    QMessageBox.critical(self._parent(), title, text)
            else:
                QMessageBox.warning(self._parent(), title, text)
        finally:
            self._showing = False


class CrashDetails(QObject):
    """Adds "Copy details" and the traceback to the message box that shows ``text``.

    The box itself is Qt's standard critical message (``QMessageBox.critical``, which
    tests replace); this filter watches the application while it is open and, when a
    box with that text is about to show, adds the details and the button. The button
    copies without closing the box.
    """

    def __init__(self, text: str, details: str) -> None:
        super().__init__()
        self.text = text
        self.details = details
        self.added = False

    @classmethod
    @contextmanager
    def added_to(cls, text: str, details: str) -> Iterator[CrashDetails]:
        watcher = cls(text, details)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(watcher)
        try:
            yield watcher
        finally:
            if app is not None:
                app.removeEventFilter(watcher)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.Show
            and not self.added
            and isinstance(watched, QMessageBox)
            and watched.text() == self.text
        ):
            self._add_to(watched)
        return False

    def _add_to(self, box: QMessageBox) -> None:
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setDetailedText(self.details)
        button = box.addButton(
            QCoreApplication.translate("UnexpectedErrorHook", "Copy details"),
            QMessageBox.ButtonRole.ActionRole,
        )
        button.setObjectName("copyDetailsButton")
        # The box closes on any button it knows; this one only copies.
        button.clicked.disconnect()
        button.clicked.connect(self.copy)
        self.added = True

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        button = self.sender()  # the wrapper addButton returned does not outlive the show
        if isinstance(button, QPushButton):
            button.setText(QCoreApplication.translate("UnexpectedErrorHook", "Copied"))


def crash_details(
    log_path: Path,
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
) -> str:
    """What a bug report needs: versions, platform, where the log is, the traceback."""
    frozen = " (standalone bundle)" if getattr(sys, "frozen", False) else ""
    lines = [
        f"ABM Planner {__version__}{frozen}",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}, Python {platform.python_version()}",
        f"{platform.platform()}",
        f"Log file: {log_path}",
        "",
        *traceback.format_exception(kind, error, trace),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


def _signature(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> tuple[str, ...]:
    """Same type, message and place: the same error, shown only the first time."""
    frames = traceback.extract_tb(trace) if trace else []
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return (kind.__qualname__, str(error), where)
