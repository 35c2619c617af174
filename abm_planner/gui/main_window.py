"""The main window: one open plan, the portfolio on the left, the account in the centre.

Edits are saved as they are made (each is one transaction), so there is no "unsaved
changes" state: closing a plan or the window never asks to save. The window owns
the plan's lifecycle — lock, open, close — and everything about the frame (menus,
status bar, banner, remembered geometry); the panels inside are given the plan's
``PlanContext`` and know nothing about files.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from abm_planner.errors import PlanFileError, UserError
from abm_planner.gui.dialogs.restore_backup import start_backups, stop_backups
from abm_planner.gui.dialogs.sync_conflicts_flow import connect_sync_command
from abm_planner.gui.empty_state import EmptyStatePage
from abm_planner.gui.icons import app_icon
from abm_planner.gui.notice_banner import NoticeBanner
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.plan_file_dialogs import (
    PlanDropTarget,
    ask_copy_path,
    ask_new_plan_path,
    ask_plan_to_open,
    default_folder,
)
from abm_planner.gui.plan_lock import LockOutcome
from abm_planner.gui.plan_opening import (
    OpenedPlan,
    create_locked,
    demo_plan_path,
    ensure_demo_plan,
    open_locked,
    save_copy_checked,
)
from abm_planner.gui.plan_status_bar import PlanStatusBar
from abm_planner.gui.plan_windows import build_plan_menu, close_plan_windows
from abm_planner.gui.settings import Settings
from abm_planner.gui.undo_history import HistoryDock
from abm_planner.gui.views.workshop.menu import WorkshopMenu
from abm_planner.gui.window_menus import WindowActions
from abm_planner.gui.window_state import restore_views, restore_window, save_views, save_window

if TYPE_CHECKING:
    from abm_planner.gui.dialogs.import_dialog import ImportFlow
    from abm_planner.gui.views.account_workspace import AccountWorkspace
    from abm_planner.gui.views.portfolio_panel import PortfolioPanel
    from abm_planner.gui.workers import Job

logger = logging.getLogger(__name__)

APP_NAME = "ABM Planner"


@contextmanager
def busy_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class MainWindow(QMainWindow):
    plan_changed = Signal()
    """A plan was opened or closed; ``context`` is the new state."""

    def __init__(self, settings: Settings, log_path: Path | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.log_path = log_path
        self.context: PlanContext | None = None
        self.portfolio: PortfolioPanel | None = None
        self.workspace: AccountWorkspace | None = None
        self._opened: OpenedPlan | None = None
        self.export_job: Job | None = None
        self.import_flow: ImportFlow | None = None
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.installEventFilter(
            PlanDropTarget(self, self.open_plan_file, self.import_files, self._can_import)
        )
        self.undo_group = QUndoGroup(self)
        self.commands = WindowActions(self, self.undo_group)
        self.toolbar = self.commands.install(self)
        self.plan_window_actions = build_plan_menu(
            self.commands.plan_menu, lambda: self.context, self
        )
        self.workshop_menu = WorkshopMenu(self)
        self.history = HistoryDock(self, self.undo_group)
        self.commands.edit_menu.insertAction(
            self.commands.history_slot, self.history.toggleViewAction()
        )
        self._build_central()
        self.status = PlanStatusBar(self)
        self.setStatusBar(self.status)
        self._connect_commands()
        connect_sync_command(self)
        restore_window(self, self.settings)
        self._refresh()

    # -- building ------------------------------------------------------------------------

    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.read_only_banner = NoticeBanner("readOnlyBanner", "lock", central)
        self.read_only_banner.setAccessibleDescription(self.tr("Why this plan is read-only"))
        self.connection_banner = NoticeBanner("connectionBanner", "about", central)
        self.connection_banner.setAccessibleDescription(self.tr("The team plan's connection"))
        self.pages = QStackedWidget(central)
        self.empty_page = EmptyStatePage(self.commands, self.pages)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.pages)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setAccessibleName(self.tr("Plan workspace"))
        self.splitter.setChildrenCollapsible(False)
        self.pages.setContentsMargins(6, 4, 6, 0)
        self.pages.addWidget(self.empty_page)
        self.pages.addWidget(self.splitter)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.connection_banner)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

    def _connect_commands(self) -> None:
        c = self.commands
        c.new_plan.triggered.connect(self.new_plan)
        c.open_plan.triggered.connect(self.open_plan_dialog)
        c.open_team_plan.triggered.connect(self.open_team_plan_dialog)
        c.open_demo.triggered.connect(self.open_demo)
        c.save_copy.triggered.connect(self.save_copy)
        c.restore_backup.triggered.connect(self.restore_from_backup)
        c.import_files.triggered.connect(lambda _checked=False: self.import_files())
        c.export_workbook.triggered.connect(self.export_workbook)
        c.export_pdf.triggered.connect(self.export_handout)
        c.close_plan.triggered.connect(self.close_plan)
        c.quit.triggered.connect(self.close)
        c.clear_recent.triggered.connect(self.settings.clear_recent_files)
        c.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        c.find.triggered.connect(self._focus_search)
        c.settings.triggered.connect(self.show_settings)
        c.about.triggered.connect(self.show_about)
        c.new_account.triggered.connect(self._new_account)
        c.delete_account.triggered.connect(self._delete_account)
        c.new_stakeholder.triggered.connect(self._new_stakeholder)
        c.delete_stakeholder.triggered.connect(self._delete_stakeholders)

    # -- opening and closing plans ---------------------------------------------------------

    def open_plan_file(self, path: Path | str) -> bool:
        """Open ``path`` in this window (closing the current plan); False if it was refused."""
        path = Path(path).expanduser().resolve()
        if self.plan_path == path:
            return True
        try:
            with busy_cursor():
                self._install(open_locked(path))
        except UserError as error:
            self.show_error(error)
            return False
        return True

    def open_plan_dialog(self) -> bool:
        path = ask_plan_to_open(self._dialog_parent(), self._start_folder())
        return path is not None and self.open_plan_file(path)

    def open_team_plan_dialog(self) -> None:
        """File ▸ Open team plan…: where, then connect in the background (see the flow)."""
        from abm_planner.gui.dialogs.open_team_plan_flow import open_team_plan

        open_team_plan(self._dialog_parent(), self.settings, self.show_opened)

    def open_team_plan_url(self, location: str) -> None:
        """Open the team plan at a URL given on the command line, connecting in the background."""
        from abm_planner.gui.dialogs.open_team_plan_flow import TeamPlanOpening

        opening = TeamPlanOpening(self._dialog_parent(), location)
        opening.opened.connect(self.show_opened)
        opening.start()

    def show_opened(self, opened: OpenedPlan) -> None:
        """Show a plan opened elsewhere (the team plan flow connects in the background)."""
        try:
            self._install(opened)
        except UserError as error:
            self.show_error(error)

    def new_plan(self) -> bool:
        path = ask_new_plan_path(self._dialog_parent(), self._start_folder())
        if path is None:
            return False
        try:
            if path == self.plan_path:
                raise PlanFileError(f"{path} is the plan open in this window; choose another name.")
            with busy_cursor():
                self._install(create_locked(path))
        except UserError as error:
            self.show_error(error)
            return False
        return True

    def open_demo(self) -> bool:
        """Open the user's own copy of the demo plan, writing it first if needed."""
        path = demo_plan_path()
        try:
            with busy_cursor():
                ensure_demo_plan(path)
        except UserError as error:
            self.show_error(error)
            return False
        return self.open_plan_file(path)

    def save_copy(self) -> bool:
        if self.context is None or self.plan_path is None:
            return False
        source = self.plan_path
        target = ask_copy_path(self, source)
        if target is None:
            return False
        try:
            with busy_cursor():
                save_copy_checked(self.context.plan, target)
        except UserError as error:
            self.show_error(error)
            return False
        self.status.showMessage(self.tr("A copy was saved as {0}.").format(target), 10_000)
        return True

    def restore_from_backup(self) -> None:
        """File ▸ Restore from backup…: list the plan's backups, put one back."""
        from abm_planner.gui.dialogs.restore_backup import restore_from_backup

        restore_from_backup(self)

    def export_workbook(self) -> None:
        """File ▸ Export workbook: ask what and where, then write it in a worker."""
        from abm_planner.gui.dialogs.export_dialog import start_export

        if self.context is not None and self.portfolio is not None:
            self.export_job = start_export(
                self.context,
                self,
                self.status,
                current_account=self._selected_account(),
                account_count=self.portfolio.model.sourceModel().rowCount(),
            )

    def export_handout(self) -> None:
        """File ▸ Export ▸ PDF handout: which accounts and where, then write it in a worker."""
        from abm_planner.gui.report.report_export import start_handout

        if self.context is not None:
            self.export_job = start_handout(
                self.context, self, self.status, current_account=self._selected_account()
            )

    def import_files(self, files: list[Path] | None = None) -> None:
        """File ▸ Import, or spreadsheets dropped on the window: preview, then apply."""
        from abm_planner.gui.dialogs.import_dialog import ImportFlow

        if self.context is not None:
            self.import_flow = ImportFlow(self.context, self, self.status)
            self.import_flow.start(files)

    def _can_import(self) -> bool:
        return self.commands.import_files.isEnabled()

    def close_plan(self) -> None:
        """Close the open plan; the window stays, showing how to open another."""
        if self._opened is None or self.context is None:
            return
        self._save_view_state()
        context, opened = self.context, self._opened
        self.context, self._opened = None, None
        for view in (self.portfolio, self.workspace):
            if view is not None:
                view.hide()
                view.setParent(None)
                view.deleteLater()
        self.portfolio = self.workspace = None
        self.undo_group.removeStack(context.undo_stack)
        close_plan_windows(context)
        _discard(context, opened)
        self.read_only_banner.clear()
        self.connection_banner.clear()
        self.settings.last_plan = None
        self.pages.setCurrentWidget(self.empty_page)
        self._refresh()
        self.plan_changed.emit()

    def _install(self, opened: OpenedPlan) -> None:
        """Show ``opened`` in place of the current plan, which stays if this one fails."""
        from abm_planner.gui.views.account_workspace import AccountWorkspace
        from abm_planner.gui.views.portfolio_panel import PortfolioPanel

        context = PlanContext.open(opened.plan, self)
        try:
            portfolio = PortfolioPanel(context)
            workspace = AccountWorkspace(context)
        except UserError:
            _discard(context, opened)
            raise
        self.close_plan()
        self._opened, self.context = opened, context
        self.portfolio, self.workspace = portfolio, workspace
        self.undo_group.addStack(context.undo_stack)
        self.undo_group.setActiveStack(context.undo_stack)
        self.splitter.addWidget(portfolio)
        self.splitter.addWidget(workspace)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        restore_views(self.splitter, portfolio, self.settings)
        portfolio.account_selected.connect(workspace.show_account)
        portfolio.account_selected.connect(self._refresh_selection_commands)
        portfolio.counts_changed.connect(self.status.show_counts)
        proxy = portfolio.model
        self.status.show_counts(proxy.rowCount(), proxy.sourceModel().rowCount())
        self.pages.setCurrentWidget(self.splitter)
        self._show_open_state(opened)
        start_backups(context)
        if opened.is_server:
            from abm_planner.gui.team_live import start_live

            start_live(context, self, self.connection_banner, self.status)
            self.settings.add_recent_server(opened.plan.location)
        else:
            self.settings.add_recent_file(opened.path)
            self.settings.last_plan = opened.path
        self._refresh()
        self.plan_changed.emit()
        logger.info("Opened %s%s", opened.plan.location, " read-only" if opened.read_only else "")

    def _show_open_state(self, opened: OpenedPlan) -> None:
        if opened.lock_outcome is LockOutcome.HELD_ELSEWHERE and opened.lock is not None:
            self.read_only_banner.show_notice(
                self.tr("This plan is open in another window; it is read-only here."),
                self.tr("Held by {0}").format(opened.lock.owner()),
            )
        elif opened.read_only and opened.is_server:
            self.read_only_banner.show_notice(
                self.tr("This team plan is read-only here: {0}.").format(
                    opened.plan.read_only_reason
                ),
                self.tr("Its owner can give you edit rights with abm-planner server grant."),
            )
        elif opened.read_only and opened.lock_outcome is LockOutcome.NOT_POSSIBLE:
            self.read_only_banner.show_notice(
                self.tr("This plan's folder cannot be written to; it is read-only here.")
            )
        elif opened.read_only:  # e.g. a read-only file in a folder that takes the lock
            self.read_only_banner.show_notice(
                self.tr("This plan file cannot be written to; it is read-only here."),
                opened.plan.read_only_reason,
            )
        if opened.plan.upgrade_backup is not None:
            self.status.show_upgrade(opened.plan.upgrade_backup)

    @property
    def plan_path(self) -> Path | None:
        return self.context.plan.path if self.context is not None else None

    # -- state shown in the frame ---------------------------------------------------------

    def _refresh(self) -> None:
        opened = self._opened
        has_plan = opened is not None
        title = APP_NAME
        if opened is not None:
            title = f"{APP_NAME} — {opened.name}"
            if opened.is_server:
                title += " " + self.tr("(team plan on {0})").format(opened.plan.location)
            if opened.read_only:
                title += " " + self.tr("[read-only]")
        self.setWindowTitle(title)
        for action in [*self.commands.plan_actions(), *self.plan_window_actions]:
            action.setEnabled(has_plan)
        team = opened is not None and opened.is_server
        self.commands.save_copy.setEnabled(has_plan and not team)  # `abm-planner copy` does it
        if opened is not None and team:
            self.status.show_team_plan(opened.plan.location)
        else:
            self.status.show_plan(self.plan_path)
        self._refresh_selection_commands()

    def _refresh_selection_commands(self, *_selection: object) -> None:
        writable = self.context is not None and not self.context.read_only
        account = self._selected_account()
        c = self.commands
        c.new_account.setEnabled(writable)
        c.delete_account.setEnabled(writable and account is not None)
        c.new_stakeholder.setEnabled(writable and account is not None)
        c.delete_stakeholder.setEnabled(writable and account is not None)
        c.import_files.setEnabled(writable)

    def _fill_recent_menu(self) -> None:
        self.commands.fill_recent_menu(self.settings.recent_files(), self.open_plan_file)

    # -- commands --------------------------------------------------------------------------

    def show_error(self, error: UserError) -> None:
        """A refusal the user can act on: one sentence in a box, nothing else changes."""
        logger.info("Refused: %s", error)
        QMessageBox.warning(self._dialog_parent(), APP_NAME, str(error))

    def show_settings(self) -> None:
        from abm_planner.gui.dialogs.settings_dialog import SettingsDialog
        from abm_planner.gui.theme import apply_theme

        names: list[str] = []
        if self.context is not None:
            from abm_planner.services.lookups import team_members

            names = [member.name for member in team_members(self.context.plan)]
        dialog = SettingsDialog(self.settings, names, self)
        if dialog.exec():
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            apply_theme(app, self.settings.theme)

    def show_about(self) -> None:
        from abm_planner.gui.dialogs.about_dialog import show_about

        show_about(self, self.plan_path, self.log_path)

    def _focus_search(self) -> None:
        if self.portfolio is not None:
            self.portfolio.focus_search()

    def _selected_account(self) -> uuid.UUID | None:
        if self.portfolio is None:
            return None
        return self.portfolio.selected_account_id()

    def _new_account(self) -> None:
        from abm_planner.gui import actions

        if self.context is not None and self.portfolio is not None:
            account_id = actions.new_account(self.context, self)
            if account_id is not None:
                self.portfolio.select_account(account_id)

    def _delete_account(self) -> None:
        from abm_planner.gui import actions

        account = self._selected_account()
        if self.context is not None and account is not None:
            actions.delete_account(self.context, account, self)

    def _new_stakeholder(self) -> None:
        from abm_planner.gui import actions

        account = self._selected_account()
        if self.context is not None and account is not None:
            actions.new_stakeholder(self.context, account, self)

    def _delete_stakeholders(self) -> None:
        from abm_planner.gui import actions

        if self.context is None or self.workspace is None:
            return
        ids = self.workspace.selected_stakeholder_ids()
        if not ids:
            hint = self.tr("Select one or more people in the Stakeholders tab first.")
            self.status.showMessage(hint, 8_000)
            return
        actions.delete_stakeholders(self.context, ids, self)

    # -- window state -----------------------------------------------------------------------

    def _save_view_state(self) -> None:
        if self.portfolio is not None:
            save_views(self.splitter, self.portfolio, self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._save_view_state()
        save_window(self, self.settings)
        last_plan = self.plan_path
        self.close_plan()
        if last_plan is not None:
            self.settings.last_plan = last_plan
        self.settings.sync()
        event.accept()

    # -- helpers ----------------------------------------------------------------------------

    def _dialog_parent(self) -> QWidget:
        modal = QApplication.activeModalWidget()
        return modal if modal is not None else self

    def _start_folder(self) -> Path:
        path = self.plan_path
        return path.parent if path is not None else default_folder(self.settings.recent_files())


def _discard(context: PlanContext, opened: OpenedPlan) -> None:
    """Close a plan's context and file and let go of its lock."""
    from abm_planner.gui.team_live import stop_live

    stop_live(context)
    stop_backups(context)  # waits for a running backup before the plan closes
    context.close()
    context.undo_stack.deleteLater()
    context.events.deleteLater()
    opened.release_lock()
