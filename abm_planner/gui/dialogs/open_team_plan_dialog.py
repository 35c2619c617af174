"""File ▸ Open team plan: which PostgreSQL server and database, as fields or a pasted URL.

The URL and the fields are two views of one location and follow each other as the
user types. Only a password-less URL leaves this dialog (a password pasted inside a
URL is taken out and kept in memory for the connection, never stored or shown);
the servers opened before come back from the settings, without any password.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from abm_planner.gui.forms.ui_open_team_plan_dialog import Ui_OpenTeamPlanDialog
from abm_planner.gui.settings import Settings
from abm_planner.store.plan_location import display_location, is_server_url

DEFAULT_PORT = 5432


class OpenTeamPlanDialog(QDialog):
    """Asks where the team plan is; ``location`` and ``password`` once accepted."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_OpenTeamPlanDialog()
        self.ui.setupUi(self)
        self.setObjectName("openTeamPlanDialog")
        self._settings = settings
        self._syncing = False
        self.password: str | None = None
        self.location = ""
        self.open_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.clicked.connect(self.accept)
        recent = settings.recent_servers()
        self.ui.recentCombo.addItem(self.tr("Choose a server opened before…"), "")
        for url in recent:
            self.ui.recentCombo.addItem(url, url)
        self.ui.recentCombo.setEnabled(bool(recent))
        self.ui.recentCombo.currentIndexChanged.connect(self._recent_chosen)
        self.ui.urlEdit.textEdited.connect(self._url_edited)
        for edit in (self.ui.hostEdit, self.ui.databaseEdit, self.ui.userEdit):
            edit.textEdited.connect(self._fields_edited)
        self.ui.portSpin.valueChanged.connect(self._fields_edited)
        self.ui.problemLabel.hide()
        if recent:
            self.set_url(recent[0])
        self._refresh()

    # -- the location ---------------------------------------------------------------------

    def set_url(self, text: str) -> None:
        """Show ``text`` (a URL) in the URL field and the fields below it."""
        self.ui.urlEdit.setText(text)
        self._url_edited(text)

    def _url_edited(self, text: str) -> None:
        if self._syncing:
            return
        url = _parse(text)
        self.password = url.password if url is not None and url.password else None
        if url is not None:
            self._syncing = True
            try:
                self.ui.hostEdit.setText(url.host or "")
                self.ui.portSpin.setValue(url.port or DEFAULT_PORT)
                self.ui.databaseEdit.setText(url.database or "")
                self.ui.userEdit.setText(url.username or "")
                if url.password:
                    # Out of sight at once: the field shows the URL without it.
                    self.ui.urlEdit.setText(display_location(url))
            finally:
                self._syncing = False
        self._refresh()

    def _fields_edited(self, *_args: object) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.ui.urlEdit.setText(self._url_from_fields())
        finally:
            self._syncing = False
        self._refresh()

    def _url_from_fields(self) -> str:
        host = self.ui.hostEdit.text().strip()
        port = self.ui.portSpin.value()
        url = URL.create(
            "postgresql",
            username=self.ui.userEdit.text().strip() or None,
            host=host or None,
            port=port if host and port != DEFAULT_PORT else None,
            database=self.ui.databaseEdit.text().strip() or None,
        )
        return url.render_as_string(hide_password=True)

    def _recent_chosen(self, index: int) -> None:
        url = self.ui.recentCombo.itemData(index)
        if url:
            self.set_url(str(url))

    def _refresh(self) -> None:
        text = self.ui.urlEdit.text().strip()
        url = _parse(text)
        problem = ""
        if text and url is None:
            problem = self.tr("That is not a PostgreSQL URL (postgresql://user@server/database).")
        elif url is not None and not url.database and "service" not in url.query:
            problem = self.tr("Name the database that holds the plan.")
        self.ui.problemLabel.setText(problem)
        self.ui.problemLabel.setVisible(bool(problem))
        self.open_button.setEnabled(url is not None and not problem)

    def accept(self) -> None:
        url = _parse(self.ui.urlEdit.text())
        if url is None or not self.open_button.isEnabled():
            return
        self.location = display_location(url)
        super().accept()


def _parse(text: str) -> URL | None:
    text = text.strip()
    if not is_server_url(text):
        return None
    if text.lower().startswith("postgres://"):
        text = "postgresql://" + text[len("postgres://") :]
    try:
        return make_url(text)
    except (ArgumentError, ValueError):
        return None
