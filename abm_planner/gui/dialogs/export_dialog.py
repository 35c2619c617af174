"""File ▸ Export workbook: ask what to export and where, then write it in a worker.

The dialog asks two things (the whole plan or the current account; with or without
the DMU findings), then the save dialog asks for the file, named after the plan
and today's date. ``export_plan`` runs off the UI thread with a progress dialog
and Cancel; it writes to a temporary file and replaces the target only when
complete, so a cancel or an error leaves an existing workbook as it was. When it
is done, the status bar names the file with a link to its folder.

An export of one account (or of a few, up to ``map_image.MAX_MAP_ACCOUNTS``) also
carries each account's DMU map as a picture: the maps are drawn here, on the UI
thread, before the worker starts, and handed to ``export_plan`` as PNG bytes.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QWidget,
)

from abm_planner.errors import UserError
from abm_planner.excel.workbook_export import ExportResult
from abm_planner.gui import actions
from abm_planner.gui.forms.ui_export_dialog import Ui_ExportDialog
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.plan_file_dialogs import ask_save_path, dated_file_name
from abm_planner.gui.plan_status_bar import PlanStatusBar
from abm_planner.gui.workers import Cancelled, Job, Progress, start_job
from abm_planner.services.plans import Plan

WORKBOOK_SUFFIX = ".xlsx"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


class ExportDialog(QDialog):
    """What to export: every account or the current one, with or without findings."""

    def __init__(
        self,
        current_account: str | None,
        account_count: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ExportDialog()
        self.ui.setupUi(self)
        if account_count is None:
            self.ui.allAccountsRadio.setText(self.tr("&All accounts"))
        else:
            self.ui.allAccountsRadio.setText(self.tr("&All {0:,} accounts").format(account_count))
        if current_account:
            self.ui.currentAccountRadio.setText(
                self.tr("&Current account only: {0}").format(current_account)
            )
        else:
            self.ui.currentAccountRadio.setText(self.tr("&Current account only (none selected)"))
            self.ui.currentAccountRadio.setEnabled(False)
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Export…"))

    @property
    def current_account_only(self) -> bool:
        return self.ui.currentAccountRadio.isChecked()

    @property
    def include_findings(self) -> bool:
        return self.ui.findingsCheck.isChecked()


def default_workbook_name(title: str, today: date | None = None) -> str:
    """``"<title> <YYYY-MM-DD>.xlsx"``, without characters a file name cannot hold."""
    return dated_file_name(title, WORKBOOK_SUFFIX, today)


def ask_workbook_path(parent: QWidget, suggestion: Path) -> Path | None:
    return ask_save_path(
        parent,
        _tr("Export workbook"),
        suggestion,
        _tr("Excel workbooks (*.xlsx)"),
        WORKBOOK_SUFFIX,
    )


def start_export(
    context: PlanContext,
    parent: QWidget,
    status: PlanStatusBar,
    *,
    current_account: uuid.UUID | None = None,
    account_count: int | None = None,
) -> Job | None:
    """Ask, then start writing the workbook; the running job, or None if the user cancelled."""
    from abm_planner.services.accounts import get_account
    from abm_planner.services.excel_io import export_plan

    plan = context.plan
    try:
        plan_name = plan.name
        account_name = str(get_account(plan, current_account)["name"]) if current_account else None
    except UserError as error:
        actions.show_user_error(parent, error)
        return None
    dialog = ExportDialog(account_name, account_count, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    only_one = dialog.current_account_only and current_account is not None
    findings = dialog.include_findings
    folder = plan.path.parent if plan.path is not None else Path.home()
    title = account_name if only_one and account_name else plan_name
    path = ask_workbook_path(parent, folder / default_workbook_name(title))
    if path is None:
        return None
    accounts = [current_account] if only_one and current_account is not None else None
    try:
        images = map_images(plan, accounts)
    except UserError as error:
        actions.show_user_error(parent, error)
        return None

    def work(progress: Progress, cancelled: Cancelled) -> ExportResult:
        return export_plan(
            plan,
            path,
            accounts,
            include_findings=findings,
            images=images,
            progress=progress,
            cancelled=cancelled,
        )

    job = start_job(
        work,
        parent,
        title=_tr("Export workbook"),
        label=_tr("Writing {0}…").format(path.name),
    )
    job.succeeded.connect(lambda result: show_exported(result, status, parent))
    job.cancelled.connect(
        lambda: status.showMessage(_tr("Export cancelled; no file was written."), 8_000)
    )
    return job


def map_images(plan: Plan, accounts: Sequence[uuid.UUID] | None) -> dict[uuid.UUID, bytes]:
    """The DMU map pictures to put in an export of ``accounts`` (none for the whole plan)."""
    from abm_planner.gui.views.dmu_map.map_image import account_map_images

    if not accounts:
        return {}
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return account_map_images(plan, accounts)
    finally:
        QApplication.restoreOverrideCursor()


def show_exported(result: ExportResult, status: PlanStatusBar, parent: QWidget) -> None:
    """Name the workbook in the status bar, with a link that opens its folder."""
    status.show_written(_tr('Exported “{0}”. <a href="{1}">Open folder</a>'), result.path)
    if result.truncated:
        cells = "\n".join(
            _tr("{0}, row {1}, {2}: {3:,} characters").format(c.sheet, c.row, c.column, c.length)
            for c in result.truncated[:10]
        )
        QMessageBox.information(
            parent,
            _tr("Export workbook"),
            _tr(
                "The workbook was written, but Excel keeps only the first 32,767 characters "
                "of a cell; these were cut:\n\n{0}"
            ).format(cells),
        )
