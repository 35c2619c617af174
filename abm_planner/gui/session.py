"""One run of the desktop app: the QApplication, the window, the start-up sequence.

``abm_planner.gui.app.main`` loads the core first and then this module (see there
for why); tests drive ``Session`` directly.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from abm_planner import APP_ID, __version__
from abm_planner.gui.garbage_collection import UiThreadCollector
from abm_planner.gui.icons import app_icon
from abm_planner.gui.logging_setup import route_qt_messages, setup_logging
from abm_planner.gui.main_window import MainWindow
from abm_planner.gui.settings import Settings
from abm_planner.gui.theme import apply_theme, follow_system_theme
from abm_planner.gui.unexpected_errors import UnexpectedErrorHook
from abm_planner.store.plan_location import PlanLocation
from abm_planner.store.plan_location import plan_argument as location_argument

logger = logging.getLogger(__name__)

APP_NAME = "ABM Planner"
NO_START_DIALOG = "ABM_PLANNER_NO_START_DIALOG"
EXIT_AFTER_PAINT = "ABM_PLANNER_EXIT_AFTER_PAINT"
LOG_DIR = "ABM_PLANNER_LOG_DIR"


def application(argv: list[str]) -> QApplication:
    """The process's QApplication (created once), named and styled for the app."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(["abm-planner", *argv])
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    # No applicationDisplayName: Qt would append it to every window title, and the
    # main window's title already starts with the app's name.
    QGuiApplication.setDesktopFileName(APP_ID)  # names the installed .desktop file
    app.setWindowIcon(app_icon())
    return app


class Session:
    """One run of the app: the window, its settings, and the hooks installed for it."""

    def __init__(self, app: QApplication, log_path: Path) -> None:
        self.app = app
        self.log_path = log_path
        self.settings = Settings()
        apply_theme(app, self.settings.theme)
        follow_system_theme(app, lambda: self.settings.theme)
        self.window = MainWindow(self.settings, log_path)
        self.hook = UnexpectedErrorHook(log_path, self._message_parent)
        self.hook.install()

    def start(self, plan: PlanLocation | None, *, start_dialog: bool = True) -> bool:
        """Open ``plan``, else the last plan, else ask; False if the user chose to quit.

        A team plan's URL connects in the background after the window shows (a server
        may take seconds to answer, and may ask for a password).
        """
        if isinstance(plan, str):
            self.window.show()
            self.window.open_team_plan_url(plan)
            return True
        opened = False
        if plan is not None:
            opened = self.window.open_plan_file(plan)
        else:
            last = self.settings.last_plan
            if last is not None and last.is_file():
                opened = self.window.open_plan_file(last)
        if not opened and start_dialog and not self._ask_for_plan():
            return False
        self.window.show()
        return True

    def finish(self) -> None:
        self.hook.uninstall()

    def _ask_for_plan(self) -> bool:
        from abm_planner.gui.dialogs.start_dialog import StartChoice, StartDialog

        window = self.window
        actions = {
            StartChoice.NEW: lambda _path: window.new_plan(),
            StartChoice.OPEN: lambda _path: window.open_plan_dialog(),
            StartChoice.DEMO: lambda _path: window.open_demo(),
            StartChoice.RECENT: window.open_plan_file,
        }

        def perform(choice: StartChoice, path: Path | None) -> bool:
            return bool(actions[choice](path))

        dialog = StartDialog(self.settings.recent_files(), perform)
        return bool(dialog.exec())

    def _message_parent(self) -> QWidget | None:
        return QApplication.activeModalWidget() or QApplication.activeWindow() or self.window


class _FirstPaintProbe(QObject):
    """Quits the app after the window's first paint, reporting how long it took."""

    def __init__(self, started: float, parent: QObject) -> None:
        super().__init__(parent)
        self.started = started

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        elapsed = time.perf_counter() - self.started
        since_start = _process_age()
        total = f", {since_start * 1000:.0f} ms after the process started" if since_start else ""
        sys.stderr.write(f"first paint {elapsed * 1000:.0f} ms after main(){total}\n")
        QCoreApplication.quit()


def _process_age() -> float | None:
    """Seconds since this process started (Linux only; None elsewhere)."""
    try:
        stat = Path("/proc/self/stat").read_text(encoding="ascii")
        uptime = float(Path("/proc/uptime").read_text(encoding="ascii").split()[0])
    except OSError:
        return None
    start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def plan_argument(arguments: list[str]) -> PlanLocation | None:
    """The plan named on the command line (after Qt took its own options out): a path or a URL."""
    arguments = [a for a in arguments if not a.startswith("-")]
    if len(arguments) > 1:
        logger.warning("Only one plan opens at a time; ignoring %s", arguments[1:])
    return location_argument(arguments[0]) if arguments else None


def run(argv: list[str], started: float) -> int:
    """Set up logging, the app and the window; open a plan; run the event loop."""
    log_folder = os.environ.get(LOG_DIR)
    log_path = setup_logging(Path(log_folder) if log_folder else None)
    route_qt_messages()
    app = application(argv)
    collector = UiThreadCollector(app)
    collector.start()
    session = Session(app, log_path)
    if os.environ.get(EXIT_AFTER_PAINT):
        session.window.installEventFilter(_FirstPaintProbe(started, app))
    plan = plan_argument(app.arguments()[1:])
    try:
        if not session.start(plan, start_dialog=not os.environ.get(NO_START_DIALOG)):
            return 0
        return app.exec()
    finally:
        session.finish()
        collector.stop()
