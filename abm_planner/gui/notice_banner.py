"""A coloured strip under the toolbar that states something the user must not miss."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from abm_planner.gui.icons import icon


class NoticeBanner(QFrame):
    """Hidden until ``show_notice``; styled by ``#readOnlyBanner`` in resources/styles/app.qss."""

    def __init__(self, object_name: str, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(8)
        self._icon = QLabel(self)
        self._icon.setPixmap(icon(icon_name).pixmap(18, 18))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout.addWidget(self._icon)
        layout.addWidget(self.label, 1)
        self.hide()

    def show_notice(self, text: str, details: str = "") -> None:
        self.label.setText(text)
        self.setToolTip(details)
        self.setAccessibleName(text)
        self.show()

    def clear(self) -> None:
        self.label.clear()
        self.hide()
