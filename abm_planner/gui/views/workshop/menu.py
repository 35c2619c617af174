"""The Workshop menu of the main window: start, present, end, decisions, snapshots.

The menu needs only the window's open plan (``window.context``), its selected account
and its status bar; it refreshes itself when a plan opens or closes and just before
it shows. The workshop the commands act on is the one running (the newest if several
are), so F5 always presents the meeting in progress.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from abm_planner.errors import UserError
from abm_planner.gui.plan_context import PlanContext

if TYPE_CHECKING:
    from abm_planner.gui.main_window import MainWindow

CURRENT_KEY = "workshop.current"
PRESENTER_KEY = "workshop.presenter"
SCREEN_KEY = "workshop.screen"


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkshopMenu", text)


def running_workshop(context: PlanContext) -> uuid.UUID | None:
    """The workshop started in this window if it still runs, else the newest running one."""
    from abm_planner.services import workshops

    with context.plan.read() as session:
        current = context.extras.get(CURRENT_KEY)
        if current is not None:
            try:
                if workshops.workshop_view(session, current).status == "running":
                    return current  # type: ignore[no-any-return]
            except UserError:
                context.extras.pop(CURRENT_KEY, None)
        newest = workshops.running_workshop(session)
    return newest.id if newest is not None else None


class WorkshopMenu(QObject):
    """Builds Workshop ▸ … in ``window``'s menu bar and carries out its commands."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        bar = window.menuBar()
        self.menu = bar.addMenu(_tr("&Workshop"))
        self.menu.setObjectName("workshopMenu")
        last = bar.actions()[-2] if len(bar.actions()) > 1 else None  # before Help
        if last is not None:
            bar.insertMenu(last, self.menu)
        self.start = self._action(
            _tr("&Start workshop…"), "Ctrl+Shift+P", _tr("Run a planning workshop on accounts")
        )
        self.present = self._action(
            _tr("&Presenter view"), "F5", _tr("The running workshop full screen on the projector")
        )
        self.end = self._action(
            _tr("&End workshop…"), None, _tr("End the running workshop and take its end snapshot")
        )
        self.menu.addSeparator()
        self.records = self._action(
            _tr("&Decisions and actions"),
            "Ctrl+Shift+J",
            _tr("The decisions and actions per account and per workshop"),
        )
        self.snapshots = self._action(
            _tr("S&napshots and changes"),
            None,
            _tr("Named snapshots of the plan and what changed since each"),
        )
        self.start.triggered.connect(self.start_workshop)
        self.present.triggered.connect(self.open_presenter)
        self.end.triggered.connect(self.end_workshop)
        self.records.triggered.connect(self.open_records)
        self.snapshots.triggered.connect(self.open_snapshots)
        self.menu.aboutToShow.connect(self.refresh)
        window.plan_changed.connect(self.refresh)
        self.refresh()

    def _action(self, text: str, shortcut: str | None, tip: str) -> QAction:
        action = QAction(text, self.menu)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        self.menu.addAction(action)
        return action

    @property
    def all_actions(self) -> list[QAction]:
        return [self.start, self.present, self.end, self.records, self.snapshots]

    def refresh(self) -> None:
        context = self.window.context
        has_plan = context is not None
        writable = has_plan and not context.read_only  # type: ignore[union-attr]
        running = running_workshop(context) if context is not None else None
        self.start.setEnabled(writable)
        self.present.setEnabled(running is not None)
        self.end.setEnabled(writable and running is not None)
        self.records.setEnabled(has_plan)
        self.snapshots.setEnabled(has_plan)

    # -- commands ------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.window.status.showMessage(text, 10_000)

    def start_workshop(self) -> uuid.UUID | None:
        from abm_planner.gui import actions
        from abm_planner.gui.views.workshop.starting import ask_and_start

        context = self.window.context
        if context is None or actions.refuse_if_read_only(context, self.window):
            return None
        account = self.window.portfolio.selected_account_id() if self.window.portfolio else None
        started = ask_and_start(context, account, self.window)
        if started is None:
            return None
        workshop_id, screen_name = started
        context.extras[CURRENT_KEY] = workshop_id
        context.extras[SCREEN_KEY] = screen_name
        self._say(_tr("Workshop started; the plan as it was is kept as its start snapshot."))
        self.refresh()
        self.open_presenter()
        return workshop_id

    def open_presenter(self) -> None:
        from abm_planner.gui.views.workshop.presenter_window import present

        context = self.window.context
        if context is None:
            return
        workshop_id = running_workshop(context)
        if workshop_id is None:
            self._say(_tr("No workshop is running; start one with Workshop ▸ Start workshop."))
            return
        present(context, workshop_id, self.window)

    def end_workshop(self) -> bool:
        from abm_planner.gui import actions
        from abm_planner.services.workshops import end_workshop

        context = self.window.context
        if context is None or actions.refuse_if_read_only(context, self.window):
            return False
        workshop_id = running_workshop(context)
        if workshop_id is None:
            return False
        question = _tr(
            "End the workshop? The plan as it is now is kept as its end snapshot, so next "
            "time you can see what changed since."
        )
        if not actions.confirm(self.window, _tr("End workshop"), question):
            return False
        try:
            end_workshop(context.plan, workshop_id)
        except UserError as error:
            actions.show_user_error(self.window, error)
            return False
        presenter = context.extras.pop(PRESENTER_KEY, None)
        if presenter is not None:
            presenter.close()
        context.extras.pop(CURRENT_KEY, None)
        self._say(_tr("Workshop ended; its end snapshot was taken."))
        self.refresh()
        return True

    def open_records(self) -> None:
        from abm_planner.gui.views.workshop.records_window import open_records

        context = self.window.context
        if context is not None:
            account = self.window.portfolio.selected_account_id() if self.window.portfolio else None
            open_records(context, self.window, account, running_workshop(context))

    def open_snapshots(self) -> None:
        from abm_planner.gui.views.workshop.snapshots_window import open_snapshots

        context = self.window.context
        if context is not None:
            open_snapshots(context, self.window)
