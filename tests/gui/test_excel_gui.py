"""File ▸ Export workbook and File ▸ Import driven as a user would, through the main window.

The work runs in worker threads: each test waits on the job's or the import flow's
signals (``qtbot.waitSignal``), never sleeps. File dialogs, the export options
dialog and message boxes are replaced, so nothing modal blocks.
"""

from __future__ import annotations

import hashlib
import shutil
import threading
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton

from abm_planner import assets
from abm_planner.excel.export_images import map_sheet_name, png_size
from abm_planner.gui import settings as options
from abm_planner.gui import workers
from abm_planner.gui.dialogs import export_dialog
from abm_planner.gui.dialogs.import_dialog import ImportFlow, backup_path
from abm_planner.gui.main_window import MainWindow
from abm_planner.gui.models.import_changes import (
    ADDED,
    AFTER,
    BEFORE,
    CHANGED,
    DELETED,
    KEY_ROLE,
    RECORD,
    TYPE,
    ImportChangesModel,
)
from abm_planner.gui.plan_file_dialogs import PlanDropTarget
from abm_planner.gui.settings import Settings
from abm_planner.gui.views.dmu_map import map_image
from abm_planner.services import excel_io
from abm_planner.services.accounts import get_account, list_accounts
from abm_planner.services.dmu_analysis import load_account_dmu
from abm_planner.services.plans import open_plan

DEMO_ACCOUNTS = len(assets.read_json("demo", "portfolio.json")["accounts"])
WAIT_MS = 60_000  # generous for a slow CI machine; a passing test takes well under a second

# Offscreen, Qt warns that top-level dialogs cannot be raised or resized by a window manager.
OFFSCREEN_WINDOW_WARNINGS = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

CRM_ACCOUNTS = (
    "Account Name,Industry,Annual Revenue,Billing Country,Website,Custom_Score__c\n"
    'Acme Robotics,Manufacturing,"$1,200,000.00",Germany,acme-robotics.example,7\n'
    'Bluefin Logistics,Transport,"$54,000,000",Netherlands,bluefin.example,3\n'
    "Corvid Analytics,Manufacturing,950000,United Kingdom,corvid.example,\n"
)
CRM_CONTACTS = (
    "First Name,Last Name,Title,Account Name,Email,Buying Role\n"
    "Maria,Lopez,CFO,Acme Robotics,maria@acme.example,Economic Buyer\n"
    "Tom,Becker,Head of IT,Acme Robotics,tom@acme.example,Technical Evaluator\n"
)


class Messages(list[tuple[str, str]]):
    def texts(self, kind: str) -> list[str]:
        return [text for shown_kind, text in self if shown_kind == kind]


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(options.SETTINGS_FILE_VARIABLE, str(tmp_path / "settings.ini"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    # Quick jobs finish without a progress dialog; the cancel test shows it on purpose.
    monkeypatch.setattr(workers, "SHOW_AFTER_MS", 600_000)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    shown = Messages()
    for kind in ("warning", "critical", "information"):

        def record(_parent, _title, text, *_args, kind=kind):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, kind, record)
    return shown


@pytest.fixture
def plan_file(demo_plan_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "Northwind.abmplan"
    path.parent.mkdir()
    shutil.copyfile(demo_plan_path, path)
    return path


@pytest.fixture
def window(qtbot, plan_file: Path, tmp_path: Path, messages: Messages) -> Iterator[MainWindow]:
    window = MainWindow(Settings(), tmp_path / "abm-planner.log")
    qtbot.addWidget(window)
    assert window.open_plan_file(plan_file)
    yield window
    if window.import_flow is not None and window.import_flow.dialog is not None:
        window.import_flow.dialog.close()
    window.close()


def _choose_files(monkeypatch: pytest.MonkeyPatch, *files: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(f) for f in files], "")
    )


def _account_names(window: MainWindow) -> set[str]:
    assert window.portfolio is not None
    model = window.portfolio.model.sourceModel()
    return {model.index(row, 0).data() for row in range(model.rowCount())}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _start_import(qtbot, window: MainWindow) -> ImportFlow:
    """File ▸ Import (files already chosen), then wait for the preview dialog."""
    window.commands.import_files.trigger()
    flow = window.import_flow
    assert flow is not None
    with qtbot.waitSignal(flow.preview_ready, timeout=WAIT_MS):
        pass
    assert flow.dialog is not None
    return flow


def _apply(qtbot, flow: ImportFlow) -> None:
    assert flow.dialog is not None
    assert flow.dialog.import_button.isEnabled(), flow.dialog.ui.blockedLabel.text()
    with qtbot.waitSignal(flow.imported, timeout=WAIT_MS):
        flow.dialog.import_button.click()


# -- export ---------------------------------------------------------------------------------


def test_export_from_the_menu_writes_a_workbook_that_openpyxl_opens(
    qtbot, window: MainWindow, plan_file: Path, monkeypatch: pytest.MonkeyPatch
):
    suggested: list[str] = []
    target = plan_file.parent / "for the workshop"  # the .xlsx is added

    def save_name(_parent, _title, suggestion, _filter):
        suggested.append(suggestion)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(
        export_dialog.ExportDialog, "exec", lambda _self: QDialog.DialogCode.Accepted
    )
    assert window.commands.export_workbook.isEnabled()
    window.commands.export_workbook.trigger()
    job = window.export_job
    assert job is not None
    with qtbot.waitSignal(job.succeeded, timeout=WAIT_MS):
        pass
    assert suggested[0].endswith(f" {date.today().isoformat()}.xlsx")
    assert Path(suggested[0]).parent == plan_file.parent
    written = target.with_name("for the workshop.xlsx")
    workbook = openpyxl.load_workbook(written, read_only=True)
    try:
        assert {"Accounts", "Stakeholders", "Findings"} <= set(workbook.sheetnames)
        assert workbook["Accounts"].max_row == DEMO_ACCOUNTS + 1
    finally:
        workbook.close()
    notice = window.status.info_label.text()
    assert "for the workshop.xlsx" in notice
    assert (
        "Open folder" in notice and QUrl.fromLocalFile(str(plan_file.parent)).toString() in notice
    )


def test_export_of_the_current_account_only(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    assert window.portfolio is not None
    (first, *_rest) = list_accounts(window.context.plan)
    window.portfolio.select_account(first.id)
    target = tmp_path / "one account.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))

    def answer(dialog: export_dialog.ExportDialog) -> QDialog.DialogCode:
        assert first.name in dialog.ui.currentAccountRadio.text()
        dialog.ui.currentAccountRadio.setChecked(True)
        dialog.ui.findingsCheck.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", answer)
    window.commands.export_workbook.trigger()
    assert window.export_job is not None
    with qtbot.waitSignal(window.export_job.succeeded, timeout=WAIT_MS):
        pass
    workbook = openpyxl.load_workbook(target, read_only=True)
    try:
        names = [row[0] for row in workbook["Accounts"].iter_rows(min_row=2, values_only=True)]
        assert names == [first.name]
        assert "Findings" not in workbook.sheetnames
    finally:
        workbook.close()


def test_export_of_the_current_account_carries_its_dmu_map_picture(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    assert window.portfolio is not None
    rows = list_accounts(window.context.plan)
    account = next(row for row in rows if load_account_dmu(window.context.plan, row.id).people)
    window.portfolio.select_account(account.id)
    target = tmp_path / "with map.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))

    def answer(dialog: export_dialog.ExportDialog) -> QDialog.DialogCode:
        dialog.ui.currentAccountRadio.setChecked(True)
        dialog.ui.findingsCheck.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", answer)
    window.commands.export_workbook.trigger()
    assert window.export_job is not None
    with qtbot.waitSignal(window.export_job.succeeded, timeout=WAIT_MS):
        pass
    sheet = map_sheet_name(account.name, [])
    workbook = openpyxl.load_workbook(target, read_only=True)
    try:
        assert sheet in workbook.sheetnames
    finally:
        workbook.close()
    with zipfile.ZipFile(target) as package:
        pictures = [n for n in package.namelist() if n.startswith("xl/media/")]
        assert len(pictures) == 1
        png = package.read(pictures[0])
    width, height = png_size(png)
    assert 200 < width <= map_image.MAX_WIDTH and 100 < height <= map_image.MAX_HEIGHT
    image = QImage.fromData(png, "PNG")
    assert not image.isNull() and image.width() == width


# -- import ---------------------------------------------------------------------------------


@OFFSCREEN_WINDOW_WARNINGS
def test_crm_csv_import_shows_the_preview_and_adds_accounts_to_the_portfolio(
    qtbot,
    window: MainWindow,
    plan_file: Path,
    tmp_path: Path,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
):
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(CRM_ACCOUNTS, encoding="utf-8")
    contacts = tmp_path / "contacts.csv"
    contacts.write_text(CRM_CONTACTS, encoding="utf-8")
    _choose_files(monkeypatch, accounts, contacts)
    flow = _start_import(qtbot, window)
    dialog = flow.dialog
    assert dialog is not None and dialog.isVisible()
    preview = dialog.preview
    assert preview is not None
    assert preview.counts["accounts added"] == 3
    assert preview.counts["stakeholders added"] == 2
    assert "3 accounts added" in dialog.ui.countsLabel.text()
    # Added: 3 accounts, 2 people and the new industry "Transport".
    assert dialog.model.group_count(ADDED) == 6
    assert dialog.ui.selectionLabel.text() == "6 of 6 changes ticked"
    assert "accounts.csv" in dialog.ui.sheetCombo.currentText()
    assert dialog.ui.columnsTable.rowCount() == 6
    assert "before import" in dialog.ui.backupLabel.text()
    assert not dialog.ui.blockedLabel.isVisibleTo(dialog)

    _apply(qtbot, flow)
    assert not dialog.isVisible()
    assert {"Acme Robotics", "Bluefin Logistics", "Corvid Analytics"} <= _account_names(window)
    assert window.status.count_label.text() == f"{DEMO_ACCOUNTS + 3} accounts"
    (summary,) = messages.texts("information")
    assert "added 3 accounts, 2 stakeholders, 1 industry" in summary
    assert flow.backup is not None and flow.backup.parent == plan_file.parent
    assert flow.backup.name.startswith("Northwind before import ")
    assert flow.backup.name in summary
    backup = open_plan(flow.backup, read_only=True)
    try:
        assert len(list_accounts(backup)) == DEMO_ACCOUNTS, "the copy is the plan before"
    finally:
        backup.close()


@OFFSCREEN_WINDOW_WARNINGS
def test_a_mapping_fixed_in_the_preview_unblocks_the_import(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    firms = tmp_path / "firms.csv"
    firms.write_text("Customer,Industry\nDelta Dynamics,Manufacturing\n", encoding="utf-8")
    _choose_files(monkeypatch, firms)
    flow = _start_import(qtbot, window)
    dialog = flow.dialog
    assert dialog is not None and dialog.preview is not None
    assert dialog.preview.errors
    assert not dialog.import_button.isEnabled()
    assert dialog.ui.blockedLabel.isVisibleTo(dialog)
    assert "Import is blocked" in dialog.ui.blockedLabel.text()
    assert "firms.csv" in dialog.ui.blockedLabel.text()

    kinds = dialog.ui.kindCombo
    with qtbot.waitSignal(flow.preview_ready, timeout=WAIT_MS):
        kinds.setCurrentIndex(kinds.findData("accounts"))
        kinds.activated.emit(kinds.currentIndex())
    assert dialog.ui.sheetNoteLabel.text().startswith("Chosen by you")
    assert not dialog.import_button.isEnabled(), "no column is the account name yet"
    with qtbot.waitSignal(flow.preview_ready, timeout=WAIT_MS):
        dialog.mapping.select_column(0, use="name")
    assert dialog.preview.errors == []
    assert dialog.import_button.isEnabled()
    assert [c.name for c in dialog.preview.changes] == ["Delta Dynamics"]
    _apply(qtbot, flow)
    assert "Delta Dynamics" in _account_names(window)


@OFFSCREEN_WINDOW_WARNINGS
def test_a_bad_file_shows_one_message_naming_it_and_changes_nothing(
    qtbot,
    window: MainWindow,
    plan_file: Path,
    tmp_path: Path,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
):
    bad = tmp_path / "pipeline.xlsx"
    bad.write_text("this is not a zip package", encoding="utf-8")
    _choose_files(monkeypatch, bad)
    before = _digest(plan_file)
    window.commands.import_files.trigger()
    flow = window.import_flow
    assert flow is not None
    with qtbot.waitSignal(flow.finished, timeout=WAIT_MS):
        pass
    (warning,) = messages.texts("warning")
    assert "pipeline.xlsx" in warning
    assert flow.dialog is None
    assert len(_account_names(window)) == DEMO_ACCOUNTS
    assert _digest(plan_file) == before
    assert not list(plan_file.parent.glob("*before import*"))


@OFFSCREEN_WINDOW_WARNINGS
def test_cancel_during_the_preview_leaves_the_plan_unchanged(
    qtbot, window: MainWindow, plan_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(CRM_ACCOUNTS, encoding="utf-8")
    _choose_files(monkeypatch, accounts)
    monkeypatch.setattr(workers, "SHOW_AFTER_MS", 0)
    release = threading.Event()
    real_preview = excel_io.preview_import

    def held_preview(*args, **kwargs):
        assert release.wait(WAIT_MS / 1000), "the test never released the preview"
        return real_preview(*args, **kwargs)

    monkeypatch.setattr(excel_io, "preview_import", held_preview)
    before = _digest(plan_file)
    window.commands.import_files.trigger()
    flow = window.import_flow
    assert flow is not None and flow.job is not None
    job = flow.job
    qtbot.waitUntil(lambda: job.progress_dialog is not None and job.progress_dialog.isVisible())
    assert job.progress_dialog is not None
    (cancel,) = job.progress_dialog.findChildren(QPushButton)
    with qtbot.waitSignals([job.cancelled, flow.finished], timeout=WAIT_MS):
        cancel.click()
        release.set()
    assert job.cancel_requested
    assert flow.dialog is None
    assert window.status.currentMessage() == "Import cancelled; the plan was not changed."
    assert len(_account_names(window)) == DEMO_ACCOUNTS
    assert _digest(plan_file) == before


@OFFSCREEN_WINDOW_WARNINGS
def test_a_cancel_too_late_for_the_reader_still_drops_the_preview(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(CRM_ACCOUNTS, encoding="utf-8")
    _choose_files(monkeypatch, accounts)
    release = threading.Event()
    real_preview = excel_io.preview_import

    def preview_past_its_last_check(plan, files, **kwargs):
        assert release.wait(WAIT_MS / 1000)
        kwargs["cancelled"] = None  # the reading is over before the cancel arrives
        return real_preview(plan, files, **kwargs)

    monkeypatch.setattr(excel_io, "preview_import", preview_past_its_last_check)
    window.commands.import_files.trigger()
    flow = window.import_flow
    assert flow is not None and flow.job is not None
    with qtbot.waitSignals([flow.job.succeeded, flow.finished], timeout=WAIT_MS):
        flow.job.cancel()
        release.set()
    assert flow.dialog is None, "the person cancelled: no preview pops up afterwards"
    assert len(_account_names(window)) == DEMO_ACCOUNTS


@OFFSCREEN_WINDOW_WARNINGS
def test_round_trip_edit_shows_as_changed_and_updates_the_account(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    plan = window.context.plan
    workbook_path = tmp_path / "export.xlsx"
    excel_io.export_plan(plan, workbook_path, include_findings=False)
    workbook = openpyxl.load_workbook(workbook_path)
    sheet = workbook["Accounts"]
    header = [cell.value for cell in sheet[1]]
    name = sheet.cell(row=2, column=header.index("Name") + 1).value
    region = sheet.cell(row=2, column=header.index("Region") + 1)
    old_region = region.value
    region.value = "Mars"
    workbook.save(workbook_path)

    _choose_files(monkeypatch, workbook_path)
    flow = _start_import(qtbot, window)
    dialog = flow.dialog
    assert dialog is not None and dialog.preview is not None and dialog.preview.round_trip
    model = dialog.model
    assert model.group_count(CHANGED) == 1
    changed = model.index(model.group_row(CHANGED), 0)
    record = model.index(0, RECORD, changed)
    assert record.data() == name
    assert record.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.rowCount(record) == 1
    assert model.index(0, RECORD, record).data() == "Region"
    assert model.index(0, BEFORE, record).data() == old_region
    assert model.index(0, AFTER, record).data() == "Mars"
    assert not dialog.ui.kindCombo.isEnabled(), "an export's own columns are not remapped"
    assert 0 in dialog.preview.counts.values()  # the sheets nobody edited count 0 ...
    assert " 0 " not in f" {dialog.ui.countsLabel.text()} "  # ... and are not listed

    _apply(qtbot, flow)
    account_id = next(a.id for a in list_accounts(plan) if a.name == name)
    assert get_account(plan, account_id)["region"] == "Mars"


@OFFSCREEN_WINDOW_WARNINGS
def test_round_trip_lists_every_returning_sheet_and_names_each_kind(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    plan = window.context.plan
    workbook_path = tmp_path / "export.xlsx"
    excel_io.export_plan(plan, workbook_path, include_findings=False)
    workbook = openpyxl.load_workbook(workbook_path)
    touches = workbook["Touches"]
    notes = [cell.value for cell in touches[1]].index("Notes") + 1
    touches.cell(row=2, column=notes).value = "Called back from the workshop"
    workbook["Relationships"].delete_rows(2)
    people = workbook["Stakeholders"]
    person = people.cell(row=2, column=2).value
    other = next(
        row[0].value
        for row in workbook["Accounts"].iter_rows(min_row=2)
        if row[0].value != people.cell(row=2, column=1).value
    )
    people.cell(row=2, column=1).value = other
    workbook.save(workbook_path)

    _choose_files(monkeypatch, workbook_path)
    flow = _start_import(qtbot, window)
    dialog = flow.dialog
    assert dialog is not None
    combo = dialog.ui.sheetCombo
    listed = {combo.itemText(i) for i in range(combo.count())}
    for sheet in ("Relationships", "Plays", "Touches", "Objectives & metrics", "Whitespace"):
        assert any(sheet in item for item in listed), (sheet, listed)
    model = dialog.model
    kinds = set()
    for group in (CHANGED, DELETED):
        parent = model.index(model.group_row(group), 0)
        kinds |= {model.index(r, TYPE, parent).data() for r in range(model.rowCount(parent))}
    assert kinds == {"Touch", "Relationship", "Stakeholder"}
    changed = model.index(model.group_row(CHANGED), 0)
    moved = next(
        model.index(r, RECORD, changed)
        for r in range(model.rowCount(changed))
        if model.index(r, RECORD, changed).data() == person
    )
    assert model.index(0, RECORD, moved).data() == "Account"
    assert model.index(0, AFTER, moved).data() == other

    _apply(qtbot, flow)
    moved_to = next(a.name for a in list_accounts(plan) if a.name == other)
    assert moved_to == other
    again = tmp_path / "again.xlsx"
    excel_io.export_plan(plan, again, include_findings=False)
    assert excel_io.preview_import(plan, [again]).changes == []


@OFFSCREEN_WINDOW_WARNINGS
def test_dropping_a_csv_on_the_window_opens_the_import_preview(
    qtbot, window: MainWindow, tmp_path: Path
):
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(CRM_ACCOUNTS, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(accounts))])
    (target,) = window.findChildren(PlanDropTarget)
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert target.eventFilter(window, drop)
    qtbot.waitUntil(
        lambda: (
            window.import_flow is not None
            and window.import_flow.dialog is not None
            and not window.import_flow.dialog.busy
        )
    )
    assert window.import_flow is not None and window.import_flow.files == [accounts]


def test_import_is_disabled_on_a_read_only_plan(
    qtbot, plan_file: Path, tmp_path: Path, messages: Messages
):
    from PySide6.QtCore import QLockFile

    other_instance = QLockFile(f"{plan_file}.lock")
    assert other_instance.tryLock(0)
    window = MainWindow(Settings(), tmp_path / "abm-planner.log")
    qtbot.addWidget(window)
    try:
        assert window.open_plan_file(plan_file)
        assert not window.commands.import_files.isEnabled()
        assert window.commands.export_workbook.isEnabled()
        window.close_plan()
        assert not window.commands.export_workbook.isEnabled()
    finally:
        window.close()
        other_instance.unlock()


# -- pieces -----------------------------------------------------------------------------------


def test_ticks_follow_what_the_import_needs(qtmodeltester, window: MainWindow, tmp_path: Path):
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(CRM_ACCOUNTS, encoding="utf-8")
    contacts = tmp_path / "contacts.csv"
    contacts.write_text(CRM_CONTACTS, encoding="utf-8")
    preview = excel_io.preview_import(window.context.plan, [accounts, contacts])
    model = ImportChangesModel()
    model.set_preview(preview)
    qtmodeltester.check(model)
    added = model.index(model.group_row(ADDED), 0)
    rows = {
        model.index(row, RECORD, added).data(): model.index(row, RECORD, added)
        for row in range(model.rowCount(added))
    }
    acme, maria = rows["Acme Robotics"], rows["Maria Lopez"]
    assert model.setData(acme, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert acme.data(KEY_ROLE) not in model.selection()
    assert maria.data(KEY_ROLE) not in model.selection(), "a person goes with their account"
    assert added.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    model.set_checked(maria.data(KEY_ROLE), True)
    assert acme.data(KEY_ROLE) in model.selection(), "ticking a person ticks their new account"
    model.setData(added, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.selection() == set()
    assert not model.hasChildren(model.index(0, 1, QModelIndex()))


def test_backup_names_never_replace_an_earlier_copy(tmp_path: Path):
    plan = tmp_path / "Northwind.abmplan"
    first = backup_path(plan)
    first.write_bytes(b"")
    second = backup_path(plan)
    assert first.name.startswith("Northwind before import ")
    assert second != first and second.suffix == ".abmplan"


def test_an_unexpected_error_in_a_job_reaches_the_excepthook(qtbot, window: MainWindow):
    def broken(_progress, _cancelled):
        raise RuntimeError("a bug in the core")

    with qtbot.captureExceptions() as caught:
        job = workers.start_job(broken, window, title="Test", label="Testing…")
        with qtbot.waitSignal(job.finished, timeout=WAIT_MS):
            pass
    assert [type(error) for _kind, error, _trace in caught] == [RuntimeError]
