"""File ▸ Import (and spreadsheets dropped on the window): preview, correct, then apply.

The steps, each off the UI thread with a progress dialog:

1. the person picks CSV/XLSX files (or drops them); ``preview_import`` reads them
   and says what importing would change, with Cancel;
2. the preview dialog shows the mapping, the changes to tick and the problems; a
   changed mapping runs the preview again with the person's ``SheetChoice`` s;
3. Import first saves a copy of the plan next to it ("<plan> before import <date
   time>.abmplan"), then ``apply_import`` writes the ticked changes in one unit of
   work, all or nothing.

An import is not an undo step: it can write 100,000 records in one transaction,
and undoing it would mean holding everything it replaced. The copy saved before
it is the way back, and the dialog and the summary say so. After the import the
plan announces a plan-wide change, so every open view reads the plan again (the
import's own notices name records, not the accounts the stakeholder views follow).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStatusBar, QWidget

from abm_planner.errors import ReadOnlyPlanError
from abm_planner.excel.change_nouns import NOUNS
from abm_planner.excel.errors import StalePreviewError
from abm_planner.excel.import_model import ImportPreview, ImportResult
from abm_planner.excel.import_preview import SheetChoice
from abm_planner.gui import actions
from abm_planner.gui.dialogs.import_mapping import Choices, SheetKey, files_title
from abm_planner.gui.dialogs.import_preview_dialog import ImportPreviewDialog
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.plan_opening import PLAN_SUFFIX
from abm_planner.gui.workers import Cancelled, Job, Progress, start_job
from abm_planner.services.changes import Change

_NOUNS = NOUNS  # every kind an import writes, singular and plural: "1 whitespace cell"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def ask_import_files(parent: QWidget, folder: Path) -> list[Path]:
    names, _filter = QFileDialog.getOpenFileNames(
        parent,
        _tr("Import into the plan"),
        str(folder),
        _tr(
            "Spreadsheets (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx);;"
            "All files (*)"
        ),
    )
    return [Path(name) for name in names]


def backup_path(plan_path: Path, now: datetime | None = None) -> Path:
    """A fresh "<plan> before import <date time>.abmplan" next to the plan."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%d %H-%M-%S")
    base = f"{plan_path.stem} {_tr('before import')} {stamp}"
    candidate = plan_path.with_name(base + PLAN_SUFFIX)
    number = 2
    while candidate.exists():
        candidate = plan_path.with_name(f"{base} ({number}){PLAN_SUFFIX}")
        number += 1
    return candidate


def describe_result(result: ImportResult, backup: Path | None, left_out: int) -> str:
    """The summary after an import: what changed, what was skipped, where the copy is."""

    def counted(counts: dict[str, int]) -> str:
        parts = []
        order = list(_NOUNS)
        for kind, number in sorted(counts.items(), key=lambda item: _rank(order, item[0])):
            one, many = _NOUNS.get(kind, (kind, kind))
            parts.append(f"{number:,} {_tr(one) if number == 1 else _tr(many)}")
        return ", ".join(parts)

    done = [
        text.format(counted(counts))
        for text, counts in (
            (_tr("added {0}"), result.added),
            (_tr("changed {0}"), result.changed),
            (_tr("deleted {0}"), result.deleted),
        )
        if counts
    ]
    lines = [_tr("Imported: {0}.").format("; ".join(done)) if done else _tr("Nothing was changed.")]
    if result.skipped:
        lines.append(
            _tr("1 contact naming an unknown account was skipped.")
            if result.skipped == 1
            else _tr("{0:,} contacts naming an unknown account were skipped.").format(
                result.skipped
            )
        )
    if left_out:
        lines.append(
            _tr("1 change you left unticked was not imported.")
            if left_out == 1
            else _tr("{0:,} changes you left unticked were not imported.").format(left_out)
        )
    if backup is not None:
        lines.append(
            _tr(
                "The plan as it was before the import is saved as “{0}” in the same folder; "
                "open it to go back (Edit ▸ Undo does not undo an import)."
            ).format(backup.name)
        )
    return "\n\n".join(lines)


def _rank(order: list[str], kind: str) -> int:
    return order.index(kind) if kind in order else len(order)


class ImportFlow(QObject):
    """One import, from choosing files to the summary; ``start()`` it."""

    preview_ready = Signal(object)
    """The preview dialog shows this ``ImportPreview`` (first time, or after a new mapping)."""

    imported = Signal(object)
    """The ``ImportResult``: the plan has the ticked changes."""

    finished = Signal()
    """The flow is over: imported, cancelled, refused or closed."""

    def __init__(
        self, context: PlanContext, parent: QWidget, status: QStatusBar | None = None
    ) -> None:
        super().__init__()  # held by the window; not deleted with it mid-import
        self.context = context
        self.parent_widget = parent
        self.status = status
        self.files: list[Path] = []
        self.choices: Choices = {}
        self.dialog: ImportPreviewDialog | None = None
        self.job: Job | None = None
        self.backup: Path | None = None
        self.done = False

    # -- steps ----------------------------------------------------------------------------

    def start(self, files: list[Path] | None = None) -> bool:
        """Ask for files unless given, then preview them; False if nothing started."""
        if self.context.read_only:
            actions.show_user_error(
                self.parent_widget,
                ReadOnlyPlanError(
                    _tr(
                        "This plan is open read-only (it is open in another window); "
                        "close it there to import into it here."
                    )
                ),
            )
            self._finish()
            return False
        if files is None:
            plan_path = self.context.plan.path
            folder = plan_path.parent if plan_path is not None else Path.home()
            files = ask_import_files(self.parent_widget, folder)
        if not files:
            self._finish()
            return False
        self.files = [Path(f) for f in files]
        self._run_preview()
        return True

    def _run_preview(self) -> None:
        from abm_planner.services.excel_io import preview_import

        plan, files, choices = self.context.plan, list(self.files), dict(self.choices)

        def work(progress: Progress, cancelled: Cancelled) -> ImportPreview:
            return preview_import(
                plan, files, choices=choices, progress=progress, cancelled=cancelled
            )

        if self.dialog is not None:
            self.dialog.set_busy(True)
        self.job = start_job(
            work,
            self.dialog or self.parent_widget,
            title=_tr("Import"),
            label=_tr("Reading {0}…").format(files_title(files)),
        )
        self.job.succeeded.connect(self._show_preview)
        self.job.cancelled.connect(self._preview_stopped)
        self.job.refused.connect(self._preview_stopped)

    def _show_preview(self, preview: ImportPreview) -> None:
        if self.done:
            return
        if self.job is not None and self.job.cancel_requested:
            # Cancel came after the last point the reading checks it: drop the result.
            self._preview_stopped()
            return
        if self.dialog is None:
            self.dialog = ImportPreviewDialog(
                self.context.plan.name, self._backup_note(), self.parent_widget
            )
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.choice_made.connect(self._on_choice)
            self.dialog.import_requested.connect(self._apply)
            self.dialog.rejected.connect(self._on_closed)
            self.dialog.show_preview(preview, self.choices)
            self.dialog.show()
        else:
            self.dialog.show_preview(preview, self.choices)
            self.dialog.set_busy(False)
        self.preview_ready.emit(preview)

    def _preview_stopped(self, *_error: object) -> None:
        if self.dialog is not None:
            self.dialog.set_busy(False)  # the previous preview and mapping stay
            return
        if self.job is not None and self.job.cancel_requested and self.status is not None:
            self.status.showMessage(_tr("Import cancelled; the plan was not changed."), 8_000)
        self._finish()

    def _on_choice(self, key: SheetKey, choice: SheetChoice) -> None:
        self.choices[key] = choice
        self._run_preview()

    def _apply(self, selection: set[str]) -> None:
        from abm_planner.services.excel_io import apply_import

        dialog = self.dialog
        if dialog is None or dialog.preview is None:
            return
        plan, preview = self.context.plan, dialog.preview
        left_out = len(preview.changes) - len(selection)
        target = backup_path(plan.path) if plan.path is not None else None

        def work(_progress: Progress, _cancelled: Cancelled) -> ImportResult:
            if target is not None:
                plan.save_copy(target)
            try:
                return apply_import(plan, preview, selection)
            except BaseException:
                if target is not None:  # the plan is unchanged: the copy is not needed
                    target.unlink(missing_ok=True)
                raise

        dialog.set_busy(True)
        self.job = start_job(
            work,
            dialog,
            title=_tr("Import"),
            label=_tr("Importing into the plan…"),
            cancellable=False,
        )
        self.job.succeeded.connect(lambda result: self._imported(result, target, left_out))
        self.job.refused.connect(self._apply_refused)

    def _apply_refused(self, error: Exception) -> None:
        if isinstance(error, StalePreviewError):
            self._run_preview()  # show what the plan holds now
        elif self.dialog is not None:
            self.dialog.set_busy(False)

    def _imported(self, result: ImportResult, backup: Path | None, left_out: int) -> None:
        self.backup = backup
        if self.dialog is not None:
            self.dialog.set_busy(False)
            self.dialog.accept()
        # The import announced its own changes; some views follow only changes of
        # their account, which an import does not name: everyone reads the plan again.
        self.context.plan.changes.publish([Change("plan")])
        text = describe_result(result, backup, left_out)
        if self.status is not None:
            self.status.showMessage(text.split("\n\n")[0], 15_000)
        QMessageBox.information(self.parent_widget, _tr("Import"), text)
        self.imported.emit(result)
        self._finish()

    def _on_closed(self) -> None:
        self._finish()

    def _finish(self) -> None:
        if not self.done:
            self.done = True
            self.finished.emit()

    def _backup_note(self) -> str:
        path = self.context.plan.path
        if path is None:
            return _tr("An import cannot be undone with Edit ▸ Undo.")
        return _tr(
            "When you press Import, a copy of the plan as it is now is first saved next to it "
            "as “{0} before import <date time>.abmplan”: an import cannot be undone with "
            "Edit ▸ Undo, and that copy is the way back."
        ).format(path.stem)
