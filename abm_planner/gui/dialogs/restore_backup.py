"""File ▸ Restore from backup…: the open plan's rolling backups, and putting one back.

The backups are taken by ``abm_planner.services.backups.RollingBackups``, which this
module starts for every plan the window opens for writing (``start_backups``) and
stops before the plan closes (``stop_backups``). A backup can come back as a new plan
file, or replace the open plan after a confirmation: the plan as it is is backed up
first, and the window reopens it, so its undo history starts afresh.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from abm_planner.errors import PlanFileError, UserError
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.plan_file_dialogs import ask_save_path
from abm_planner.gui.plan_opening import PLAN_SUFFIX
from abm_planner.services.backups import (
    BackupInfo,
    RollingBackups,
    backup_folder,
    list_backups,
    lock_holder_alive,
    restore_as_new,
    restore_over,
)

if TYPE_CHECKING:
    from abm_planner.gui.main_window import MainWindow

logger = logging.getLogger(__name__)

_EXTRA = "rolling_backups"
# seconds before the opening backup: copying a large plan while the window builds made its
# first paint 0.1 s slower on the 5,000-account plan
FIRST_BACKUP_DELAY = 5.0
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def start_backups(context: PlanContext) -> None:
    """Keep rolling backups of a plan file open for writing (nothing for others)."""
    plan = context.plan
    if plan.read_only or plan.path is None or _EXTRA in context.extras:
        return
    try:
        backups = RollingBackups(plan)
        backups.start(delay=FIRST_BACKUP_DELAY)
    except UserError as error:
        logger.warning("No rolling backups for %s: %s", plan.location, error)
        return
    context.extras[_EXTRA] = backups


def stop_backups(context: PlanContext) -> None:
    """Wait for a running backup and stop taking more (before the plan closes)."""
    backups = context.extras.pop(_EXTRA, None)
    if isinstance(backups, RollingBackups):
        backups.stop()


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


class RestoreBackupDialog(QDialog):
    """Lists the backups of the open plan, newest first; the buttons act on the selection."""

    def __init__(self, context: PlanContext, backups: list[BackupInfo], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("restoreBackupDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.context = context
        self.backups = backups
        self.choice: tuple[str, BackupInfo] | None = None
        layout = QVBoxLayout(self)
        assert context.plan.path is not None
        intro = QLabel(
            self.tr(
                "ABM Planner keeps a backup of this plan when it opens and every ten "
                "minutes while you edit: the first of each of the last 6 hours and of each "
                "of the last 7 days, the newest, and those taken before a restore or an "
                "import. They are in {0}."
            ).format(backup_folder(context.plan)),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.table = QTableWidget(len(backups), 4, self)
        self.table.setObjectName("backupTable")
        self.table.setAccessibleName(self.tr("Backups of this plan"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Size"), self.tr("Accounts"), self.tr("Stakeholders")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, info in enumerate(backups):
            taken = info.taken_at.strftime("%a %d %b %Y, %H:%M")
            if info.reason:
                note = self.tr("before a restore") if "restore" in info.reason else None
                taken += f" ({note or self.tr('before an import')})"
            cells = [
                taken,
                _size(info.size),
                "?" if info.accounts is None else f"{info.accounts:,}",
                "?" if info.stakeholders is None else f"{info.stakeholders:,}",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("There are no backups of this plan yet."), self)
        self.empty.setVisible(not backups)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.as_new_button = QPushButton(self.tr("Restore as a &new plan…"), self)
        self.replace_button = QPushButton(self.tr("&Replace the current plan…"), self)
        buttons.addButton(self.as_new_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.as_new_button.clicked.connect(lambda: self._choose("new"))
        self.replace_button.clicked.connect(lambda: self._choose("replace"))
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._refresh)
        if backups:
            self.table.selectRow(0)
        self._refresh()
        self.resize(620, 380)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _refresh(self) -> None:
        chosen = self.selected() is not None
        self.as_new_button.setEnabled(chosen)
        self.replace_button.setEnabled(chosen and not self.context.read_only)
        if self.context.read_only:
            self.replace_button.setToolTip(self.tr("This plan is open read-only here."))

    def _choose(self, how: str) -> None:
        info = self.selected()
        if info is not None:
            self.choice = (how, info)
            self.accept()


def restore_from_backup(window: MainWindow) -> None:
    """The whole File ▸ Restore from backup… flow for ``window``'s open plan."""
    context = window.context
    if context is None or context.plan.path is None:
        return
    try:
        backups = list_backups(context.plan)
        dialog = RestoreBackupDialog(context, backups, window)
    except UserError as error:
        window.show_error(error)
        return
    if not dialog.exec() or dialog.choice is None:
        return
    how, info = dialog.choice
    if how == "new":
        _restore_as_new(window, context.plan.path, info)
    else:
        _replace(window, context, info)


def _restore_as_new(window: MainWindow, plan_path: Path, info: BackupInfo) -> None:
    suggestion = plan_path.with_name(
        window.tr("{0} from {1}.abmplan").format(plan_path.stem, f"{info.taken_at:%Y-%m-%d %H%M}")
    )
    target = ask_save_path(
        window,
        window.tr("Restore the backup as"),
        suggestion,
        window.tr("ABM plans (*.abmplan)"),
        PLAN_SUFFIX,
    )
    if target is None:
        return
    try:
        if target.resolve() == plan_path.resolve() or lock_holder_alive(target):
            raise PlanFileError(f"{target} is open in a window; choose another name.")
        # The file dialog already asked whether to replace an existing file.
        restore_as_new(info.path, target, overwrite=True)
    except UserError as error:
        window.show_error(error)
        return
    window.open_plan_file(target)


def _replace(window: MainWindow, context: PlanContext, info: BackupInfo) -> None:
    plan_path = context.plan.path
    assert plan_path is not None
    answer = QMessageBox.question(
        window,
        window.tr("Replace the plan"),
        window.tr(
            "Replace “{0}” with its backup of {1}? The plan as it is now is backed up "
            "first, and the undo history is cleared."
        ).format(plan_path.stem, f"{info.taken_at:%a %d %b %Y, %H:%M}"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    stop_backups(context)
    try:
        before = restore_over(context.plan, info.path)
    except UserError as error:
        start_backups(context)
        window.show_error(error)
        return
    window.close_plan()
    if window.open_plan_file(plan_path):
        window.status.showMessage(
            window.tr(
                "Restored from the backup of {0}; the plan as it was is backed up as {1}."
            ).format(f"{info.taken_at:%H:%M, %d %b}", before.name),
            15_000,
        )
