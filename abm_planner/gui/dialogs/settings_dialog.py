"""Settings: appearance, the default owner for new records, the recent-plans list.

Changes apply when the user presses OK; Cancel leaves every setting as it was.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from abm_planner.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from abm_planner.gui.settings import THEMES, Settings


class SettingsDialog(QDialog):
    def __init__(
        self, settings: Settings, member_names: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self.settings = settings
        self._clear_recent = False
        self.ui.themeCombo.setCurrentIndex(THEMES.index(settings.theme))
        self.ui.ownerCombo.addItems(member_names)
        self.ui.ownerCombo.setCurrentText(settings.default_owner)
        self.ui.ownerCombo.lineEdit().setPlaceholderText(self.tr("Nobody (choose each time)"))
        self._show_recent_count(len(settings.recent_files()))
        self.ui.clearRecentButton.clicked.connect(self._mark_recent_cleared)

    @property
    def theme(self) -> str:
        return THEMES[self.ui.themeCombo.currentIndex()]

    def accept(self) -> None:
        self.settings.theme = self.theme
        self.settings.default_owner = self.ui.ownerCombo.currentText()
        if self._clear_recent:
            self.settings.clear_recent_files()
        self.settings.sync()
        super().accept()

    def _mark_recent_cleared(self) -> None:
        self._clear_recent = True
        self._show_recent_count(0)

    def _show_recent_count(self, count: int) -> None:
        text = self.tr("1 plan") if count == 1 else self.tr("{0} plans").format(count)
        self.ui.recentCountLabel.setText(text)
        self.ui.clearRecentButton.setEnabled(count > 0)
