"""The "Sheets and columns" side of the import preview: what each sheet is read as.

One sheet (or CSV file) at a time: what it was recognised as and why, and each of
its columns with the field it fills, as a combo box per column. A change the person
makes is not applied here: it becomes a ``SheetChoice`` and the preview is worked
out again with it, so the changes and problems on the right always follow the
mapping on the left. Sheets of an edited ABM Planner export are shown read-only:
their columns are the app's own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
)

from abm_planner.excel.errors import column_letter
from abm_planner.excel.header_mapping import (
    ACCOUNT_SYNONYMS,
    ACCOUNTS,
    CONTACT_SYNONYMS,
    CONTACTS,
    FIELD_LABELS,
)
from abm_planner.excel.import_model import ImportPreview, SheetMapping
from abm_planner.excel.import_preview import SheetChoice

ROUND_TRIP = "round_trip"
PLAY_LIBRARY = "play_library"  # another workbook's Play library sheet: read as it is
SKIP = ""  # SheetChoice.kind for "do not import this sheet"
SheetKey = tuple[str, str | None]
Choices = dict[SheetKey, SheetChoice]

FIELDS_OF_KIND = {ACCOUNTS: tuple(ACCOUNT_SYNONYMS), CONTACTS: tuple(CONTACT_SYNONYMS)}
COLUMN, FIELD, HOW = range(3)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportMapping", text)


def sheet_key(sheet: SheetMapping) -> SheetKey:
    """The key ``preview_import`` reads a sheet's choice under."""
    return (str(sheet.file), sheet.sheet)


def kind_label(kind: str | None) -> str:
    return {
        ACCOUNTS: _tr("Accounts (companies)"),
        CONTACTS: _tr("Contacts (people)"),
        ROUND_TRIP: _tr("Edited ABM Planner export"),
        PLAY_LIBRARY: _tr("Play library"),
    }.get(kind or "", _tr("Not imported"))


def how_label(how: str) -> str:
    """The mapping's reason as a person reads it."""
    return {
        "matched": _tr("recognised"),
        "unknown": _tr("not recognised"),
        "no header": _tr("no header"),
        "chosen by you": _tr("chosen by you"),
        "exported column": _tr("exported"),
    }.get(how, how)


class SheetMappingEditor(QObject):
    """Fills the form's sheet combo, kind combo, note and columns table from a preview."""

    choice_made = Signal(object, object)
    """A sheet's new ``SheetChoice``: (sheet key, choice)."""

    def __init__(
        self,
        sheet_combo: QComboBox,
        kind_combo: QComboBox,
        note_label: QLabel,
        table: QTableWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sheet_combo = sheet_combo
        self.kind_combo = kind_combo
        self.note_label = note_label
        self.table = table
        self._sheets: list[SheetMapping] = []
        self._choices: Choices = {}
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([_tr("Column"), _tr("Imported as"), _tr("How")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(COLUMN, 170)
        header.resizeSection(FIELD, 165)
        sheet_combo.currentIndexChanged.connect(self._show_current)
        kind_combo.activated.connect(self._on_kind_chosen)

    @property
    def current_sheet(self) -> SheetMapping | None:
        row = self.sheet_combo.currentIndex()
        return self._sheets[row] if 0 <= row < len(self._sheets) else None

    def show_preview(self, preview: ImportPreview, choices: Choices) -> None:
        """Show ``preview``'s sheets, staying on the sheet shown before if it is there."""
        shown = self.current_sheet
        wanted = sheet_key(shown) if shown is not None else None
        self._sheets = list(preview.sheets)
        self._choices = choices
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for sheet in self._sheets:
            rows = _tr("1 row") if sheet.rows == 1 else _tr("{0:,} rows").format(sheet.rows)
            self.sheet_combo.addItem(f"{sheet.title} — {kind_label(sheet.kind)}, {rows}")
        keys = [sheet_key(s) for s in self._sheets]
        if wanted in keys:
            row = keys.index(wanted)
        else:  # first the sheets that are imported
            row = next((n for n, s in enumerate(self._sheets) if s.kind), 0)
        self.sheet_combo.setCurrentIndex(row if self._sheets else -1)
        self.sheet_combo.setEnabled(len(self._sheets) > 1)
        self.sheet_combo.blockSignals(False)
        self._show_current()

    def select_column(self, row: int, *, use: str | None) -> None:
        """What choosing field ``use`` in the combo of column ``row`` does (for tests too)."""
        combo = self.table.cellWidget(row, FIELD)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(max(combo.findData(use), 0))
        self._on_field_chosen(row, combo)

    # -- showing ------------------------------------------------------------------------

    def _show_current(self) -> None:
        sheet = self.current_sheet
        self._fill_kinds(sheet)
        self.table.setRowCount(0)
        if sheet is None:
            self.note_label.clear()
            return
        lines = [sheet.reason[:1].upper() + sheet.reason[1:]]
        if sheet.kind:
            lines.append(
                _tr("Header on row {0}; {1:,} data rows.").format(sheet.header_row, sheet.rows)
            )
        lines += [note[:1].upper() + note[1:] for note in sheet.notes]
        self.note_label.setText("\n".join(lines))
        editable = sheet.kind in FIELDS_OF_KIND
        self.table.setRowCount(len(sheet.columns))
        for row, column in enumerate(sheet.columns):
            header = column.header or _tr("(no header)")
            name = QTableWidgetItem(f"{column_letter(column.index)}   {header}")
            name.setToolTip(header)
            self.table.setItem(row, COLUMN, name)
            how = QTableWidgetItem(how_label(column.how))
            how.setToolTip(column.how)
            self.table.setItem(row, HOW, how)
            if editable:
                self.table.setCellWidget(row, FIELD, self._field_combo(sheet, row))
            else:
                label = column.label if column.field else ""
                self.table.setItem(row, FIELD, QTableWidgetItem(label))
        self.table.resizeRowsToContents()

    def _fill_kinds(self, sheet: SheetMapping | None) -> None:
        combo = self.kind_combo
        combo.clear()
        if sheet is None:
            combo.setEnabled(False)
            return
        if sheet.kind in {ROUND_TRIP, PLAY_LIBRARY}:
            combo.addItem(kind_label(sheet.kind), sheet.kind)
            combo.setEnabled(False)
            return
        for kind in (ACCOUNTS, CONTACTS, SKIP):
            text = kind_label(kind) if kind else _tr("Don't import this sheet")
            combo.addItem(text, kind)
        combo.setCurrentIndex(max(combo.findData(sheet.kind or SKIP), 0))
        combo.setEnabled(sheet.reason != "empty")

    def _field_combo(self, sheet: SheetMapping, row: int) -> QComboBox:
        column = sheet.columns[row]
        combo = QComboBox(self.table)
        combo.setAccessibleName(_tr("Field for column {0}").format(column.header or row + 1))
        combo.addItem(_tr("— not imported —"), None)
        for field in FIELDS_OF_KIND[sheet.kind or ""]:
            combo.addItem(FIELD_LABELS.get(field, field), field)
        combo.setCurrentIndex(max(combo.findData(column.field), 0) if column.field else 0)
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        combo.activated.connect(lambda _index, r=row, c=combo: self._on_field_chosen(r, c))
        return combo

    # -- choosing -----------------------------------------------------------------------

    def _on_kind_chosen(self, _index: int) -> None:
        sheet = self.current_sheet
        kind = self.kind_combo.currentData()
        if sheet is None or kind in {ROUND_TRIP, PLAY_LIBRARY, sheet.kind or SKIP}:
            return
        self.choice_made.emit(sheet_key(sheet), SheetChoice(kind, {}))

    def _on_field_chosen(self, row: int, combo: QComboBox) -> None:
        sheet = self.current_sheet
        if sheet is None or sheet.kind not in FIELDS_OF_KIND:
            return
        field = combo.currentData()
        column = sheet.columns[row]
        if field == column.field:
            return
        key = sheet_key(sheet)
        before = self._choices.get(key, SheetChoice())
        columns = dict(before.columns)
        columns[column.index] = field
        if field is not None:  # one column per field: the one that had it gives it up
            for other in sheet.columns:
                if other.index != column.index and other.field == field:
                    columns[other.index] = None
        # The kind stays as it was: guessed, unless the person chose it.
        self.choice_made.emit(key, SheetChoice(before.kind, columns))


def files_title(files: tuple[Path, ...] | list[Path]) -> str:
    """'accounts.csv', 'accounts.csv and contacts.csv', '3 files'."""
    names = [f.name for f in files]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return _tr("{0} and {1}").format(*names)
    return _tr("{0:,} files").format(len(names))
