"""The status bar: a notice about the plan on the left, account count and plan file on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

PATH_WIDTH = 420


class PlanStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planStatusBar")
        self.setAccessibleName(self.tr("Status bar"))
        self.info_label = QLabel(self)
        self.info_label.setObjectName("planInfoLabel")
        self.info_label.setAccessibleName(self.tr("Plan notice"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("accountCountLabel")
        self.count_label.setAccessibleName(self.tr("Account count"))
        self.path_label = QLabel(self)
        self.path_label.setObjectName("planPathLabel")
        self.path_label.setAccessibleName(self.tr("Plan file"))
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count_label.setContentsMargins(8, 0, 8, 0)
        self.addWidget(self.info_label, 1)
        self.addPermanentWidget(self.count_label)
        self.addPermanentWidget(self.path_label)

    def show_counts(self, visible: int, total: int) -> None:
        """ "12 accounts", or "3 of 12 accounts" while a search or filter hides some."""
        if visible == total:
            text = self.tr("1 account") if total == 1 else self.tr("{0} accounts")
        else:
            text = self.tr("{1} of {0} accounts")
        self.count_label.setText(text.format(f"{total:,}", f"{visible:,}"))

    def show_plan(self, path: Path | None) -> None:
        text = str(path) if path else ""
        metrics = self.path_label.fontMetrics()
        self.path_label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, PATH_WIDTH))
        self.path_label.setToolTip(text)
        if path is None:
            self.count_label.clear()
            self.info_label.clear()
            self.info_label.setToolTip("")
            self.clearMessage()

    def show_team_plan(self, location: str) -> None:
        """A team plan: where it lives on the server (never with a password)."""
        text = self.tr("Team plan: {0}").format(location)
        metrics = self.path_label.fontMetrics()
        self.path_label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, PATH_WIDTH))
        self.path_label.setToolTip(location)

    def show_written(self, text: str, path: Path) -> None:
        """Name a file an export wrote, with a link that opens its folder.

        ``text`` holds ``{0}`` for the file's name and ``{1}`` for the folder's URL.
        """
        folder = QUrl.fromLocalFile(str(path.parent)).toString()
        name = path.name.replace("&", "&amp;").replace("<", "&lt;")
        self.clearMessage()
        self.info_label.setOpenExternalLinks(True)
        self.info_label.setText(text.format(name, folder))
        self.info_label.setToolTip(str(path))

    def show_upgrade(self, backup: Path) -> None:
        """Name the backup an upgrade left behind, so the user knows it is there."""
        notice = self.tr(
            "This plan was upgraded to the current format; the original is kept as {0}."
        )
        self.info_label.setText(notice.format(backup.name))
        self.info_label.setToolTip(str(backup))
