"""File ▸ Export ▸ PDF handout…: which accounts, where, then write it in a worker.

The dialog offers every account, the one selected in the portfolio, or a few ticked
in a list (the accounts of the workshop), and the paper size. The DMU maps are drawn
first, on the UI thread (the map's scene belongs there; a handful of accounts take
a moment), as SVG bytes; reading the plan and writing the pages then run in the
thread pool with a progress dialog and Cancel. The PDF is written under a temporary
name and renamed when complete, so Cancel or an error leaves no file and an
existing handout as it was.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.plan_file_dialogs import ask_save_path, dated_file_name
from abm_planner.gui.plan_status_bar import PlanStatusBar
from abm_planner.gui.report import report_data
from abm_planner.gui.report.report_writer import (
    check_destination,
    default_paper,
    prepare_maps,
    write_report,
)
from abm_planner.gui.workers import Cancelled, Job, Progress, start_job
from abm_planner.services.dmu_analysis import accounts_by_name

PDF_SUFFIX = ".pdf"


def _tr(text: str) -> str:
    return QCoreApplication.translate("HandoutExport", text)


class HandoutDialog(QDialog):
    """Which accounts go into the handout, and on what paper."""

    def __init__(
        self,
        accounts: list[tuple[uuid.UUID, str]],
        selected: uuid.UUID | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoutDialog")
        self.setWindowTitle(self.tr("PDF handout"))
        names = dict(accounts)
        self._selected = selected if selected in names else None
        self.all_radio = QRadioButton(self.tr("&All {0:,} accounts").format(len(accounts)))
        if len(accounts) > report_data.MAX_ACCOUNTS:
            self.all_radio.setEnabled(False)
            self.all_radio.setToolTip(
                self.tr("A handout holds at most {0} accounts.").format(report_data.MAX_ACCOUNTS)
            )
        self.selected_radio = QRadioButton(
            self.tr("The &selected account: {0}").format(names[selected])
            if selected in names
            else self.tr("The &selected account (none selected)")
        )
        self.selected_radio.setEnabled(selected in names)
        self.chosen_radio = QRadioButton(self.tr("&These accounts:"))
        self.group = QButtonGroup(self)
        for radio in (self.all_radio, self.selected_radio, self.chosen_radio):
            self.group.addButton(radio)
        self.list = QListWidget()
        self.list.setObjectName("handoutAccounts")
        self.list.setAccessibleName(self.tr("Accounts in the handout"))
        for account_id, name in accounts:
            item = QListWidgetItem(name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, account_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if account_id == selected else Qt.CheckState.Unchecked
            )
        self.list.itemChanged.connect(lambda _item: self.chosen_radio.setChecked(True))
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        self.paper.setCurrentIndex(self.paper.findData(default_paper()))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Write PDF…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Paper:"), self.paper)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Which accounts go into the handout? Each gets one or two pages."))
        )
        for widget in (self.all_radio, self.selected_radio, self.chosen_radio, self.list):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(buttons)
        default = self.selected_radio if selected in names else self.all_radio
        (default if default.isEnabled() else self.chosen_radio).setChecked(True)
        self.resize(420, 460)

    def chosen_ids(self, accounts: list[tuple[uuid.UUID, str]]) -> list[uuid.UUID]:
        """The accounts the chosen option stands for (ticked ones in list order)."""
        if self.all_radio.isChecked():
            return [account_id for account_id, _name in accounts]
        if self.chosen_radio.isChecked():
            items = (self.list.item(row) for row in range(self.list.count()))
            return [
                item.data(Qt.ItemDataRole.UserRole)
                for item in items
                if item.checkState() == Qt.CheckState.Checked
            ]
        return [self._selected] if self._selected is not None else []

    @property
    def paper_size(self) -> str:
        return str(self.paper.currentData())


def default_handout_name(title: str, today: date | None = None) -> str:
    """``"<title> handout <YYYY-MM-DD>.pdf"``, without characters a file name cannot hold."""
    return dated_file_name(title, PDF_SUFFIX, today, label=" handout")


def ask_handout_path(parent: QWidget, suggestion: Path) -> Path | None:
    return ask_save_path(
        parent,
        _tr("Save the PDF handout"),
        suggestion,
        _tr("PDF documents (*.pdf)"),
        PDF_SUFFIX,
    )


def start_handout(
    context: PlanContext,
    parent: QWidget,
    status: PlanStatusBar,
    *,
    current_account: uuid.UUID | None = None,
) -> Job | None:
    """Ask, draw the maps, then write the PDF in a worker; the job, or None if not started."""
    plan = context.plan
    try:
        accounts = accounts_by_name(plan)
        plan_name = plan.name
    except UserError as error:
        actions.show_user_error(parent, error)
        return None
    dialog = HandoutDialog(accounts, current_account, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    ids = dialog.chosen_ids(accounts)
    paper = dialog.paper_size
    try:
        report_data.check_count(len(ids))
        folder = plan.path.parent if plan.path is not None else Path.home()
        path = ask_handout_path(parent, folder / default_handout_name(plan_name))
        if path is None:
            return None
        check_destination(path)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            maps = prepare_maps(plan, ids, paper)
        finally:
            QApplication.restoreOverrideCursor()
    except UserError as error:
        actions.show_user_error(parent, error)
        return None

    def work(progress: Progress, cancelled: Cancelled) -> Path:
        steps = len(ids)

        def reading(done: int, _total: int) -> None:
            progress(done, 2 * steps)

        def painting(done: int, total: int) -> None:
            progress(steps + done * steps // max(total, 1), 2 * steps)

        data = report_data.collect_report(plan, ids, progress=reading, cancelled=cancelled)
        write_report(path, data, maps, paper=paper, progress=painting, cancelled=cancelled)
        return path

    job = start_job(
        work, parent, title=_tr("PDF handout"), label=_tr("Writing {0}…").format(path.name)
    )
    job.succeeded.connect(lambda written: show_written(written, status))
    job.cancelled.connect(
        lambda: status.showMessage(_tr("Handout cancelled; no file was written."), 8_000)
    )
    return job


def show_written(path: Path, status: PlanStatusBar) -> None:
    """Name the handout in the status bar, with a link that opens its folder."""
    status.show_written(_tr('Wrote the handout “{0}”. <a href="{1}">Open folder</a>'), path)
