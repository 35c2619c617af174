"""One plan-wide window of each kind per open plan, remembered in the plan's context.

Asking for a window that is open raises it instead of opening a second one; closing
it forgets it (``WA_DeleteOnClose``), and closing the plan closes it (the main
window should call ``close_windows(context)`` before ``context.close()``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from abm_planner.gui.plan_context import PlanContext

_KEY = "agreement_windows"


def _windows(context: PlanContext) -> dict[str, QWidget]:
    return context.extras.setdefault(_KEY, {})


def show_window(context: PlanContext, name: str, build: Callable[[], QWidget]) -> QWidget:
    """Show (building it if needed) and raise the window ``name`` of this plan."""
    windows = _windows(context)
    window = windows.get(name)
    if window is None:
        window = build()
        window.setWindowFlag(Qt.WindowType.Window, True)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.destroyed.connect(lambda _obj=None, n=name: windows.pop(n, None))
        windows[name] = window
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def open_windows(context: PlanContext) -> dict[str, QWidget]:
    """The agreement windows open for this plan, by name."""
    return dict(_windows(context))


def close_windows(context: PlanContext) -> None:
    """Close every agreement window of this plan (before the plan itself closes)."""
    for window in list(_windows(context).values()):
        window.close()
    _windows(context).clear()


def add_undo_actions(window: QWidget, context: PlanContext) -> None:
    """Ctrl+Z / Ctrl+Shift+Z inside a plan-wide window undo on the plan's own stack
    (the main window's Edit menu only answers while the main window is active)."""
    undo = context.undo_stack.createUndoAction(window, window.tr("Undo"))
    undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
    redo = context.undo_stack.createRedoAction(window, window.tr("Redo"))
    redo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    for action in (undo, redo):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
