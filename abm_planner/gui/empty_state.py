"""What the window shows with no plan open: the three ways to get one."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from abm_planner.gui.icons import app_icon
from abm_planner.gui.window_menus import WindowActions


class EmptyStatePage(QWidget):
    def __init__(self, commands: WindowActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyStatePage")
        self.setAccessibleName(self.tr("No plan is open"))
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(10)
        logo = QLabel(self)
        logo.setPixmap(app_icon().pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("No plan is open"), self)
        title.setObjectName("emptyStateTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            self.tr("Start a new plan, open one a colleague sent you, or explore the demo."),
            self,
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(logo)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(8)
        for action in (commands.new_plan, commands.open_plan, commands.open_demo):
            layout.addWidget(self._button(action), 0, Qt.AlignmentFlag.AlignHCenter)

    def _button(self, action: QAction) -> QPushButton:
        button = QPushButton(action.icon(), action.text(), self)
        button.setIconSize(QSize(20, 20))
        button.setMinimumWidth(220)
        button.clicked.connect(action.trigger)
        return button
