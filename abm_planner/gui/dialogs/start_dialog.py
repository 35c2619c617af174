"""The first thing a new user sees: start a plan, open one, or look at the demo."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from abm_planner.gui.forms.ui_start_dialog import Ui_StartDialog
from abm_planner.gui.icons import app_icon, icon

_PATH_ROLE = Qt.ItemDataRole.UserRole


class StartChoice(Enum):
    NEW = "new"
    OPEN = "open"
    DEMO = "demo"
    RECENT = "recent"


Perform = Callable[[StartChoice, Path | None], bool]


class StartDialog(QDialog):
    """Offers the choices and carries one out with ``perform`` while it stays open.

    ``perform(choice, path)`` opens or creates the plan and returns False when the
    user cancelled or the file was refused; the dialog then stays for another try
    and closes (accepted) only once a plan is open. Closing it means "quit".
    """

    def __init__(
        self, recent_files: list[Path], perform: Perform, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._perform = perform
        self.ui = Ui_StartDialog()
        self.ui.setupUi(self)
        self.choice: StartChoice | None = None
        self.path: Path | None = None
        self.setWindowIcon(app_icon())
        self.ui.appIconLabel.setPixmap(app_icon().pixmap(64, 64))
        self.ui.newButton.setIcon(icon("new"))
        self.ui.openButton.setIcon(icon("open"))
        self.ui.demoButton.setIcon(icon("demo"))
        close = self.ui.buttonBox.button(self.ui.buttonBox.StandardButton.Close)
        close.setText(self.tr("&Quit"))
        self.ui.newButton.clicked.connect(lambda: self._choose(StartChoice.NEW))
        self.ui.openButton.clicked.connect(lambda: self._choose(StartChoice.OPEN))
        self.ui.demoButton.clicked.connect(lambda: self._choose(StartChoice.DEMO))
        self.ui.recentList.itemActivated.connect(self._open_recent)
        for path in recent_files:
            item = QListWidgetItem(icon("open"), path.stem)
            item.setToolTip(str(path))
            item.setData(_PATH_ROLE, str(path))
            self.ui.recentList.addItem(item)
        has_recent = bool(recent_files)
        self.ui.recentLabel.setVisible(has_recent)
        self.ui.recentList.setVisible(has_recent)
        self.setMinimumWidth(580)
        if not has_recent:
            self.adjustSize()

    def _choose(self, choice: StartChoice, path: Path | None = None) -> None:
        self.choice = choice
        self.path = path
        if self._perform(choice, path):
            self.accept()

    def _open_recent(self, item: QListWidgetItem) -> None:
        self._choose(StartChoice.RECENT, Path(item.data(_PATH_ROLE)))
