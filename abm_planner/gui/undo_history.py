"""Edit ▸ History: the plan's undo stack as a list, to step back several changes at once.

Qt's own ``QUndoView`` on the window's ``QUndoGroup`` follows whichever plan is open,
so the list is always the open plan's. Clicking an entry undoes (or redoes) every
change after it in one go; the first line is the plan as it was opened. The dock is
hidden until asked for and the window remembers whether it was shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QUndoGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QUndoView


def tr(text: str) -> str:
    return QCoreApplication.translate("UndoHistory", text)


class HistoryDock(QDockWidget):
    """The list of this session's changes of the open plan, newest last."""

    def __init__(self, window: QMainWindow, group: QUndoGroup) -> None:
        super().__init__(tr("History"), window)
        self.setObjectName("historyDock")
        self.view = QUndoView(group, self)
        self.view.setObjectName("historyView")
        self.view.setEmptyLabel(tr("<the plan as opened>"))
        self.view.setAccessibleName(tr("Changes that Undo can take back"))
        self.view.setAlternatingRowColors(True)
        self.view.setMinimumWidth(300)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(self.view)
        self.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
        )
        toggle = self.toggleViewAction()
        toggle.setText(tr("&History"))
        toggle.setShortcut(QKeySequence("Ctrl+H"))
        toggle.setStatusTip(tr("The list of changes; click one to undo everything after it"))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.hide()
