"""The import preview: the mapping, the changes to tick, the problems, and Import.

Nothing is written while this dialog is open: it shows one ``ImportPreview`` and
reports what the person wants (a new mapping for a sheet, or Import with the ticked
changes) as signals; ``import_dialog.ImportFlow`` does the work. Errors in the
preview keep Import disabled, with the first one named beside the button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QStyle,
    QTableWidgetItem,
    QWidget,
)

from abm_planner.excel.change_nouns import count_text
from abm_planner.excel.errors import column_letter
from abm_planner.excel.import_model import ERROR, INFO, WARNING, ImportIssue, ImportPreview
from abm_planner.gui.dialogs.import_mapping import Choices, SheetMappingEditor, files_title
from abm_planner.gui.forms.ui_import_preview_dialog import Ui_ImportPreviewDialog
from abm_planner.gui.models.import_changes import (
    ACCOUNT,
    AFTER,
    BEFORE,
    RECORD,
    TYPE,
    ImportChangesModel,
)

EXPANDED_GROUP_LIMIT = 2000  # bigger groups open on a click: laying out 100,000 rows takes seconds
ISSUES_SHOWN = 1000  # a table of 100,000 warnings helps nobody; the count says how many
SEVERITY, FILE, SHEET, ROW, COLUMN, REASON = range(6)
MAPPING_WIDTH = 470  # the columns table: column, field, how, without a scroll bar


class ImportPreviewDialog(QDialog):
    choice_made = Signal(object, object)
    """(sheet key, SheetChoice): preview again with this mapping."""

    import_requested = Signal(object)
    """The keys of the ticked changes."""

    def __init__(self, plan_name: str, backup_note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportPreviewDialog()
        self.ui.setupUi(self)
        self.setObjectName("importPreviewDialog")
        self.plan_name = plan_name
        self.preview: ImportPreview | None = None
        self.busy = False
        self.model = ImportChangesModel(self)
        self.mapping = SheetMappingEditor(
            self.ui.sheetCombo,
            self.ui.kindCombo,
            self.ui.sheetNoteLabel,
            self.ui.columnsTable,
            self,
        )
        self.mapping.choice_made.connect(self.choice_made)
        self.import_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import"))
        self.import_button.clicked.connect(self._on_import)
        self.ui.backupLabel.setText(backup_note)
        self.ui.blockedLabel.setObjectName("importBlockedLabel")
        self.ui.blockedLabel.setTextFormat(Qt.TextFormat.RichText)
        self._setup_tree()
        self._setup_issues()
        self.ui.selectAllButton.clicked.connect(lambda: self.model.set_all(True))
        self.ui.selectNoneButton.clicked.connect(lambda: self.model.set_all(False))
        self.model.selection_changed.connect(self._update_state)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """As big as the form asks, on a screen that has the room; the changes get the width."""
        screen = self.screen().availableGeometry()
        width = min(self.width(), int(screen.width() * 0.92))
        height = min(self.height(), int(screen.height() * 0.9))
        self.resize(width, height)
        self.ui.topSplitter.setStretchFactor(0, 0)
        self.ui.topSplitter.setStretchFactor(1, 1)
        mapping = min(MAPPING_WIDTH, width * 2 // 5)
        self.ui.topSplitter.setSizes([mapping, width - mapping])
        self.ui.verticalSplitter.setStretchFactor(0, 3)
        self.ui.verticalSplitter.setStretchFactor(1, 1)
        self.ui.verticalSplitter.setSizes([height * 2 // 3, height // 3])

    # -- building -------------------------------------------------------------------------

    def _setup_tree(self) -> None:
        tree = self.ui.changesTree
        tree.setModel(self.model)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = tree.header()
        header.setStretchLastSection(True)
        widths = ((RECORD, 190), (TYPE, 90), (ACCOUNT, 125), (BEFORE, 85), (AFTER, 130))
        for column, width in widths:
            header.resizeSection(column, width)

    def _setup_issues(self) -> None:
        table = self.ui.issuesTable
        table.setColumnCount(6)
        titles = ("Kind", "File", "Sheet", "Row", "Column", "Problem")
        table.setHorizontalHeaderLabels([self.tr(title) for title in titles])
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 6)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((SEVERITY, 90), (FILE, 150), (SHEET, 110), (ROW, 50), (COLUMN, 170)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    # -- showing --------------------------------------------------------------------------

    def show_preview(self, preview: ImportPreview, choices: Choices) -> None:
        self.preview = preview
        kind = (
            self.tr("an edited ABM Planner export")
            if preview.round_trip
            else self.tr("CRM or spreadsheet data")
        )
        self.ui.summaryLabel.setText(
            self.tr(
                "Importing {files} ({kind}) into “{plan}”. Nothing is written until you press "
                "Import; untick what should not be imported."
            ).format(files=files_title(preview.files), kind=kind, plan=self.plan_name)
        )
        self.mapping.show_preview(preview, choices)
        self.model.set_preview(preview)
        tree = self.ui.changesTree
        for row in range(self.model.rowCount()):
            group = self.model.index(row, 0)
            if self.model.rowCount(group) <= EXPANDED_GROUP_LIMIT:
                tree.expand(group)
        self._show_issues(preview.issues)
        counts = " · ".join(
            count_text(name, number) for name, number in preview.counts.items() if number
        )
        self.ui.countsLabel.setText(self.tr("In the files: {0}").format(counts) if counts else "")
        self.ui.countsLabel.setVisible(bool(counts))
        self._update_state()

    def _show_issues(self, issues: list[ImportIssue]) -> None:
        ordered = sorted(issues, key=lambda i: {ERROR: 0, WARNING: 1}.get(i.severity, 2))
        table = self.ui.issuesTable
        table.setRowCount(0)
        shown = ordered[:ISSUES_SHOWN]
        table.setRowCount(len(shown) + (1 if len(ordered) > ISSUES_SHOWN else 0))
        style = self.style()
        icons = {
            ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            INFO: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        names = {ERROR: self.tr("Error"), WARNING: self.tr("Warning"), INFO: self.tr("Note")}
        for row, issue in enumerate(shown):
            where = issue.where
            column = ""
            if where is not None and (where.column or where.column_index is not None):
                letter = column_letter(where.column_index) if where.column_index is not None else ""
                column = f"{where.column or ''} ({letter})" if letter else (where.column or "")
            cells = (
                names.get(issue.severity, issue.severity),
                where.file.name if where is not None else "",
                (where.sheet or "") if where is not None else "",
                str(where.row) if where is not None and where.row is not None else "",
                column,
                issue.reason[:1].upper() + issue.reason[1:],
            )
            for number, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(issue))
                table.setItem(row, number, item)
            severity = table.item(row, SEVERITY)
            if severity is not None and issue.severity in icons:
                severity.setIcon(icons[issue.severity])
        if len(ordered) > ISSUES_SHOWN:
            more = QTableWidgetItem(self.tr("… and {0:,} more").format(len(ordered) - ISSUES_SHOWN))
            table.setItem(len(shown), REASON, more)
        errors = sum(1 for i in issues if i.severity == ERROR)
        title = self.tr("Problems found ({0:,})").format(len(issues))
        if errors:
            title += " — " + (
                self.tr("1 error") if errors == 1 else self.tr("{0:,} errors").format(errors)
            )
        self.ui.issuesGroup.setTitle(title if issues else self.tr("Problems found: none"))

    def _update_state(self) -> None:
        preview = self.preview
        selected = len(self.model.selection())
        total = len(preview.changes) if preview is not None else 0
        self.ui.selectionLabel.setText(
            self.tr("{0:,} of {1:,} changes ticked").format(selected, total)
        )
        blocked = ""
        if preview is not None and preview.errors:
            first = preview.errors[0]
            blocked = self.tr(
                "<b>Import is blocked</b> until the errors below are fixed in the file or by "
                "the column mapping. First: {0}"
            ).format(_escape(str(first)))
        elif preview is not None and not selected:
            blocked = self.tr("Nothing to import: no change is ticked.")
        self.ui.blockedLabel.setText(blocked)
        self.ui.blockedLabel.setVisible(bool(blocked))
        self.import_button.setEnabled(not self.busy and not blocked and preview is not None)

    # -- the person's answers -------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        """While a preview or the import runs, nothing here can be changed."""
        self.busy = busy
        for widget in (self.ui.mappingGroup, self.ui.changesGroup):
            widget.setEnabled(not busy)
        cancel = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setEnabled(not busy)
        self._update_state()

    def _on_import(self) -> None:
        if not self.busy and self.import_button.isEnabled():
            self.import_requested.emit(self.model.selection())

    def reject(self) -> None:
        # Also what closing the window and Esc do: not while work on the plan runs.
        if not self.busy:
            super().reject()

    @property
    def cancel_button(self) -> QPushButton:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
