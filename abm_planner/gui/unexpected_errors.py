"""What happens to an exception nobody caught: logged in full, shown once, app keeps running.

A Qt app calls ``sys.excepthook`` for an exception that escapes a slot or an event
handler and then carries on. This hook writes the traceback to the log and tells the
user where it is — once per distinct error, so an error raised on every repaint does
not bury the window under message boxes. A ``UserError`` that escaped is shown as
the plain sentence it carries.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

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
        self._show(_signature(kind, error, trace), QMessageBox.Icon.Critical, text)

    def _show(self, signature: tuple[str, ...], icon: QMessageBox.Icon, text: str) -> None:
        if self._showing or signature in self._shown:
            return
        self._shown.add(signature)
        self._showing = True
        title = QCoreApplication.translate("UnexpectedErrorHook", "ABM Planner")
        try:
            if icon is QMessageBox.Icon.Critical:
                QMessageBox.critical(self._parent(), title, text)
            else:
                QMessageBox.warning(self._parent(), title, text)
        finally:
            self._showing = False


def _signature(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> tuple[str, ...]:
    """Same type, message and place: the same error, shown only the first time."""
    frames = traceback.extract_tb(trace) if trace else []
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return (kind.__qualname__, str(error), where)
