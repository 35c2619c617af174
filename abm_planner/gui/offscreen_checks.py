"""The GUI half of ``abm-planner --self-test``: the app's own windows, rendered offscreen.

``abm_planner.self_test`` runs these after its Qt-free checks wrote the demo plan. They
start the app as ``abm-planner`` does (``session.application``) on Qt's offscreen
platform, with settings in the self-test's folder, open the demo in the real main
window and render it and the DMU map to images. A dialog that would wait for a person
(an error message, say) is closed at once and fails the check that raised it, so the
self-test can never hang. Qt's own messages are kept off the terminal: the self-test
answers with one line.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLibraryInfo,
    QMessageLogContext,
    QSize,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from abm_planner import assets
from abm_planner.gui.settings import SETTINGS_FILE_VARIABLE
from abm_planner.self_test import Check, SelfTestError, Workspace, expect

PLATFORM_VARIABLE = "QT_QPA_PLATFORM"
WINDOW_SIZE = QSize(1280, 800)
WAIT_SECONDS = 30.0
_GUI = "offscreen gui"

# Plugins the app cannot run without, by platform: file names contain "q" + the name.
_PLATFORMS = {"linux": ("offscreen", "xcb", "wayland"), "win32": ("offscreen", "windows")}
_PLATFORMS["darwin"] = ("offscreen", "cocoa")
_OTHER_PLUGINS = (("imageformats", "svg"), ("iconengines", "svgicon"))


def _has_plugin(folder: Path, name: str) -> bool:
    return folder.is_dir() and any(f"q{name}." in entry.name for entry in folder.iterdir())


def check_qt_plugins(_workspace: Workspace) -> None:
    """The platform, SVG image and SVG icon plugins are where Qt looks for them.

    Checked before Qt starts: a missing platform plugin would abort the process.
    """
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    platforms = _PLATFORMS.get(sys.platform, ("offscreen",))
    wanted = [("platforms", name) for name in platforms] + list(_OTHER_PLUGINS)
    missing = [f"{kind}/{name}" for kind, name in wanted if not _has_plugin(plugins / kind, name)]
    expect(not missing, f"Qt plugins missing from {plugins}: {', '.join(missing)}")


class OffscreenGui:
    """The app's QApplication on the offscreen platform, and a guard against modal dialogs."""

    def __init__(self, workspace: Workspace) -> None:
        from abm_planner.gui.session import application

        self.folder = workspace.folder
        self.blocked: list[str] = []
        self.slot_errors: list[BaseException] = []
        self.qt_messages: list[str] = []
        self._previous_excepthook = sys.excepthook
        sys.excepthook = self._on_slot_error
        self._environment = {
            name: os.environ.get(name) for name in (PLATFORM_VARIABLE, SETTINGS_FILE_VARIABLE)
        }
        os.environ[SETTINGS_FILE_VARIABLE] = str(self.folder / "settings.ini")
        if QApplication.instance() is None:
            os.environ[PLATFORM_VARIABLE] = "offscreen"
        self._previous_handler = qInstallMessageHandler(self._on_qt_message)
        self.app = application([])
        self._watch = QTimer()
        self._watch.setInterval(50)
        self._watch.timeout.connect(self._close_modal_dialog)
        self._watch.start()
        self.window: QWidget | None = None

    def _on_qt_message(self, _kind: QtMsgType, _context: QMessageLogContext, text: str) -> None:
        self.qt_messages.append(text)

    def _on_slot_error(
        self, _kind: type[BaseException], error: BaseException, _trace: TracebackType | None
    ) -> None:
        """An exception escaped a slot or event handler: Qt carries on, the check must not."""
        self.slot_errors.append(error)

    def _close_modal_dialog(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            text = dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()
            self.blocked.append(text)
            dialog.reject()

    def settle(
        self, until: Callable[[], bool] = lambda: True, what: Callable[[], str] = str
    ) -> None:
        """Let queued events run; then wait (with events running) until ``until()``.

        ``what()`` says what was awaited, and how far it got, if it never comes.
        """
        deadline = time.monotonic() + WAIT_SECONDS
        loop = QEventLoop()
        while True:
            QCoreApplication.processEvents()
            self.raise_if_blocked()
            if until():
                return
            if time.monotonic() > deadline:
                raise SelfTestError(f"waited {WAIT_SECONDS:.0f} s for {what()}")
            QTimer.singleShot(20, loop.quit)
            loop.exec()

    def raise_if_blocked(self) -> None:
        """Fail for what happened out of sight: an error in a slot, a dialog that waited."""
        if self.slot_errors:
            raise self.slot_errors.pop(0)
        if self.blocked:
            raise SelfTestError(f"a dialog interrupted it: {self.blocked.pop(0)}")

    def close(self) -> None:
        self._watch.stop()
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        QCoreApplication.processEvents()
        qInstallMessageHandler(self._previous_handler)
        sys.excepthook = self._previous_excepthook
        for name, value in self._environment.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _gui(workspace: Workspace) -> OffscreenGui:
    gui = workspace.made.get(_GUI)
    if gui is None:
        gui = OffscreenGui(workspace)
        workspace.made[_GUI] = gui
        workspace.cleanups.append(gui.close)
    return gui


def _save_rendering(image: QImage, path: Path, what: str) -> None:
    """Save ``image`` and insist it shows something: a blank rendering is a broken one."""
    expect(not image.isNull() and image.width() > 0, f"{what} rendered to nothing")
    colours = {
        image.pixel(x * (image.width() - 1) // 15, y * (image.height() - 1) // 15)
        for x in range(16)
        for y in range(16)
    }
    expect(len(colours) >= 3, f"{what} rendered as a blank image")
    expect(image.save(str(path)), f"{what} could not be saved as {path.name}")


def check_icons(workspace: Workspace) -> None:
    """Every shipped SVG icon renders (Qt's SVG icon engine and the files are there)."""
    from abm_planner.gui.icons import icon

    _gui(workspace)
    names = sorted(
        entry.name.removesuffix(".svg")
        for entry in assets.resource("icons").iterdir()
        if entry.name.endswith(".svg")
    )
    expect(names, "no icons were shipped")
    broken = [name for name in names if icon(name).pixmap(32, 32).isNull()]
    expect(not broken, f"icons that do not render: {', '.join(broken)}")
    expect(not QIcon(str(assets.resource("app.svg"))).isNull(), "the app icon does not load")


def check_main_window(workspace: Workspace) -> None:
    """The demo opens in the main window, an account is shown, and it all paints."""
    from abm_planner.gui.main_window import MainWindow
    from abm_planner.gui.settings import Settings

    gui = _gui(workspace)
    window = MainWindow(Settings(), workspace.folder / "abm-planner.log")
    gui.window = window
    window.resize(WINDOW_SIZE)
    window.show()
    opened = window.open_plan_file(workspace.demo_plan)
    gui.settle()
    expect(opened, "the demo plan did not open")
    portfolio = window.portfolio
    expect(portfolio is not None and portfolio.model.rowCount() > 0, "the portfolio is empty")
    assert portfolio is not None
    portfolio.table.selectRow(0)
    gui.settle(
        lambda: window.workspace is not None and window.workspace.account_id is not None,
        lambda: "the first account to show",
    )
    _save_rendering(window.grab().toImage(), workspace.folder / "main-window.png", "main window")


def check_dmu_map(workspace: Workspace) -> None:
    """The DMU map tab draws the account's people, in both views, and exports PNG/SVG/PDF."""
    from abm_planner.dmu.records import INFLUENCE_MAP
    from abm_planner.gui.main_window import MainWindow
    from abm_planner.gui.views.dmu_map import DmuMapTab
    from abm_planner.gui.views.dmu_map.map_export import export_pdf, export_png, export_svg

    window = _gui(workspace).window
    expect(isinstance(window, MainWindow) and window.workspace, "the main window is not open")
    assert isinstance(window, MainWindow) and window.workspace is not None
    tab = next((t for t in window.workspace.tabs if isinstance(t, DmuMapTab)), None)
    expect(tab is not None, "the workspace has no DMU map tab")
    assert tab is not None
    window.workspace.setCurrentWidget(tab)
    gui = _gui(workspace)

    def progress(view: str) -> Callable[[], str]:
        return lambda: (
            f"the {view} ({len(tab.scene.cards)} cards, busy {tab.busy}, "
            f"analysis {tab.analysis is not None}, notice {tab.notice.text()!r})"
        )

    gui.settle(lambda: bool(tab.scene.cards) and not tab.busy, progress("org chart"))
    tab.set_view(INFLUENCE_MAP)
    gui.settle(lambda: not tab.busy and tab.analysis is not None, progress("influence view"))
    _save_rendering(tab.grab().toImage(), workspace.folder / "dmu-map.png", "DMU map")
    folder = workspace.folder
    export_png(tab.scene, folder / "dmu-map-export.png")
    export_svg(tab.scene, folder / "dmu-map.svg", "Self-test")
    export_pdf(tab.scene, folder / "dmu-map.pdf", "Self-test")
    for name in ("dmu-map-export.png", "dmu-map.svg", "dmu-map.pdf"):
        expect((folder / name).stat().st_size > 0, f"the DMU map export {name} is empty")


def check_forms(workspace: Workspace) -> None:
    """The settings dialog opens from its Designer form, and every compiled form builds."""
    from abm_planner.gui import forms
    from abm_planner.gui.dialogs.settings_dialog import SettingsDialog
    from abm_planner.gui.settings import Settings

    gui = _gui(workspace)
    dialog = SettingsDialog(Settings(), ["Self-test owner"], gui.window)
    try:
        dialog.show()
        gui.settle()
        expect(dialog.ui.themeCombo.count() == 3, "the settings form has no theme choices")
        _save_rendering(dialog.grab().toImage(), workspace.folder / "settings.png", "settings")
    finally:
        dialog.close()
        dialog.deleteLater()
    names = [m.name for m in pkgutil.iter_modules(forms.__path__) if m.name.startswith("ui_")]
    expect(names, "no compiled Designer forms were found")
    for name in names:
        module = importlib.import_module(f"{forms.__name__}.{name}")
        for attribute, form_class in vars(module).items():
            if attribute.startswith("Ui_"):
                host = QDialog()
                form_class().setupUi(host)
                host.deleteLater()
    gui.settle()


GUI_CHECKS: tuple[Check, ...] = (
    Check("Qt plugins", check_qt_plugins),
    Check("icons", check_icons, ("Qt plugins",)),
    Check("main window", check_main_window, ("Qt plugins", "demo plan")),
    Check("DMU map", check_dmu_map, ("main window",)),
    Check("Designer forms", check_forms, ("Qt plugins",)),
)
