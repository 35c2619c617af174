"""Where the app writes its log: a small rotating file in the platform's log folder.

The log is what a user sends along with a bug report, so it holds warnings, errors
with their tracebacks and Qt's own warnings, and stays small (a few rotated files).
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

APP_DIR_NAME = "abm-planner"
LOG_FILE_NAME = "abm-planner.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class _AppLogHandler(RotatingFileHandler):
    """The app's own file handler, so a later call can find and replace it."""


def default_log_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def setup_logging(folder: Path | None = None) -> Path:
    """Send the app's log records to ``folder``/abm-planner.log; return that path."""
    folder = folder or default_log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    shutdown_logging()
    handler = _AppLogHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return path


def shutdown_logging() -> None:
    """Detach and close the file handler (tests call this; so does a second setup)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _AppLogHandler)]:
        root.removeHandler(handler)
        handler.close()


def route_qt_messages() -> None:
    """Write Qt's own warnings to the log instead of a terminal the user never sees."""
    logger = logging.getLogger("qt")

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        where = f" ({context.file}:{context.line})" if context.file else ""
        logger.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)

    qInstallMessageHandler(handler)
