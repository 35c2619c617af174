"""Opening a team plan without freezing the window: connect in a worker, ask for a password.

A server may take seconds to answer, or none at all; the connection is made in the
application's thread pool (``workers.start_job``: a progress dialog with Cancel
after a moment), so the window keeps painting. When libpq finds no password
(``~/.pgpass``, a service file, ``PGPASSWORD``) or the server refuses the one given,
the user is asked for one and the connection is tried again. The password lives in
this object and the engine's URL only: never in settings, logs or titles.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget

from abm_planner.errors import PasswordRequiredError, UserError
from abm_planner.excel.errors import OperationCancelled
from abm_planner.gui.plan_opening import OpenedPlan, open_server
from abm_planner.gui.settings import Settings
from abm_planner.gui.workers import Cancelled, Job, Progress, start_job


def tr(text: str) -> str:
    return QCoreApplication.translate("OpenTeamPlan", text)


def ask_password(parent: QWidget | None, location: str, *, wrong: bool) -> str | None:
    """The password for ``location``, or None when the user cancels."""
    first = (
        tr("The server refused that password.")
        if wrong
        else tr("The server asks for a password and none was found in ~/.pgpass, PGPASSWORD.")
    )
    label = f"{first}\n\n{tr('Password for {0}:').format(location)}"
    text, ok = QInputDialog.getText(
        parent, tr("Team plan password"), label, QLineEdit.EchoMode.Password, ""
    )
    return text if ok and text else None


class TeamPlanOpening(QObject):
    """One attempt to open a team plan, with as many password prompts as it takes."""

    opened = Signal(object)
    """The ``OpenedPlan``, on the UI thread; whoever connects takes ownership."""

    finished = Signal()
    """Always last: opened, refused (already shown), or cancelled."""

    def __init__(self, parent: QWidget, location: str, password: str | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self.location = location
        self._password = password
        self.job: Job | None = None

    def start(self) -> None:
        self.job = start_job(
            self._work,
            self._parent,
            title=tr("Open team plan"),
            label=tr("Connecting to {0}…").format(self.location),
        )
        self.job.succeeded.connect(self._connected)
        self.job.refused.connect(self._end)
        self.job.cancelled.connect(self._end)

    def _work(self, _progress: Progress, cancelled: Cancelled) -> OpenedPlan | UserError:
        try:
            opened = open_server(self.location, self._password)
        except PasswordRequiredError as error:
            return error  # not a refusal to show: the UI thread asks for the password
        if cancelled():
            opened.close()
            raise OperationCancelled()
        return opened

    def _connected(self, result: object) -> None:
        job = self.job
        if isinstance(result, OpenedPlan):
            if (job is not None and job.cancel_requested) or not shiboken6.isValid(self._parent):
                result.close()
            else:
                self.opened.emit(result)
            self._end()
            return
        assert isinstance(result, PasswordRequiredError)
        wrong = result.wrong_password and self._password is not None
        password = ask_password(self._parent, self.location, wrong=wrong)
        if password is None:
            self._end()
            return
        self._password = password
        self.start()

    def _end(self, *_args: object) -> None:
        self._password = None
        self.finished.emit()
        self.deleteLater()


def open_team_plan(
    parent: QWidget, settings: Settings, install: Callable[[OpenedPlan], object]
) -> TeamPlanOpening | None:
    """File ▸ Open team plan…: ask where, then connect in the background and ``install``."""
    from abm_planner.gui.dialogs.open_team_plan_dialog import OpenTeamPlanDialog

    dialog = OpenTeamPlanDialog(settings, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    opening = TeamPlanOpening(parent, dialog.location, dialog.password)
    opening.opened.connect(install)
    opening.start()
    return opening
