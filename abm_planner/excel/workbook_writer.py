"""Streaming an Excel workbook: real tables, drop-downs and highlights at constant memory.

XlsxWriter's constant-memory mode writes each row to disk as soon as the next
one starts, so 200,000 play rows never sit in memory. That mode refuses
``add_table`` only because the call writes the header cells itself, which a
streamed sheet cannot go back to. So the table is declared over the header row
and one data row before any data is written, the header cells are then written
again as inline strings, and the table's range is widened to the rows actually
written when the sheet is finished. ``tests/unit/excel`` reads the tables back
with openpyxl and python-calamine to keep this honest across XlsxWriter releases.
"""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from math import isfinite
from pathlib import Path
from typing import Any

from abm_planner.excel import row_xml
from abm_planner.excel.safe_cells import FORMULA_PREFIXES, needs_quote_prefix
from abm_planner.excel.sheet_limits import MAX_FORMULA, drop_down, formula_text
from abm_planner.excel.sheet_styles import (
    EXCEL_EPOCH_ORDINAL,
    TABLE_STYLE,
    TEXT_KINDS,
    CellKind,
    SheetStyles,
)

SPARE_ROWS = 1000  # drop-downs and highlights reach below the data, for added rows
LISTS_SHEET = "Lists"
META_SHEET = "ABM Planner export"
TICK_ROWS = 2000
FAST_ROWS = True  # False: write every cell through XlsxWriter (the tests compare both)


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a data sheet; ``choices`` names a drop-down list of the Lists sheet."""

    header: str
    kind: CellKind = CellKind.TEXT
    width: float = 14.0
    choices: str | None = None
    strict_choices: bool = True
    highlight: str | None = None
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class SheetSpec:
    name: str
    table: str
    columns: tuple[Column, ...]
    freeze_columns: int = 1
    note: str = ""


@dataclass(frozen=True, slots=True)
class TruncatedCell:
    """Text longer than Excel's 32,767 characters per cell; only its start was written."""

    sheet: str
    row: int
    column: str
    length: int


@dataclass(slots=True)
class WorkbookWriter:
    """One export in progress; ``tick(rows)`` reports progress and may raise to cancel."""

    path: Path
    temp_folder: Path
    tick: Callable[[int], None] = lambda _rows: None
    truncated: list[TruncatedCell] = field(default_factory=list)
    book: Any = None
    styles: Any = None
    lists: dict[str, int] = field(default_factory=dict)
    list_values: dict[str, Sequence[str]] = field(default_factory=dict)
    highlights: dict[str, list[tuple[str, tuple[str, str]]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        import xlsxwriter

        self.book = xlsxwriter.Workbook(
            str(self.path),
            {
                "constant_memory": True,
                "tmpdir": str(self.temp_folder),
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        self.styles = SheetStyles(self.book)

    def add_sheet(self, name: str) -> Any:
        return self.book.add_worksheet(name)

    # ------------------------------------------------------------------ data tables
    def write_table(self, spec: SheetSpec, rows: Iterable[Sequence[Any]]) -> int:
        """Stream ``rows`` (values in column order) as an Excel table; return the row count."""
        sheet = self.book.add_worksheet(spec.name)
        sheet.set_row(0, 30)
        table = self._declare_table(sheet, spec)
        count = self.write_rows(sheet, spec.name, spec.columns, rows)
        last_row = max(count, 1)
        if count == 0:  # the table's empty row: inside the sheet's dimension, as Excel has it
            sheet.write_blank(1, len(spec.columns) - 1, None, self._blank_format(spec.columns[-1]))
        from xlsxwriter.utility import xl_range

        whole = xl_range(0, 0, last_row, len(spec.columns) - 1)
        table["range"] = table["a_range"] = table["autofilter"] = whole
        self._decorate(sheet, spec, last_row)
        return count

    def write_rows(
        self, sheet: Any, name: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]]
    ) -> int:
        """Write data rows from row 2 down; blank (None or "") values leave the cell empty."""
        if FAST_ROWS and row_xml.supports(sheet):
            return self._stream_rows(sheet, name, columns, rows)
        return self._write_cells(sheet, name, columns, rows)

    def _stream_rows(
        self, sheet: Any, name: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]]
    ) -> int:
        from xlsxwriter.utility import xl_col_to_name

        stream = row_xml.RowStream(sheet, 1)
        makers: list[row_xml.Maker] = []
        for index, column in enumerate(columns):
            letter, kind = xl_col_to_name(index), column.kind
            if kind in TEXT_KINDS:

                def truncated(row: str, text: str, header: str = column.header) -> None:
                    self.truncated.append(TruncatedCell(name, int(row), header, len(text)))

                makers.append(
                    row_xml.text_maker(
                        letter,
                        self.styles.text_format(kind, quoted=False)._get_xf_index(),
                        self.styles.text_format(kind, quoted=True)._get_xf_index(),
                        truncated,
                    )
                )
            elif kind is CellKind.DATE:
                style = self.styles.cell[kind]._get_xf_index()
                makers.append(row_xml.date_maker(letter, style, EXCEL_EPOCH_ORDINAL))
            else:
                makers.append(row_xml.number_maker(letter, self.styles.cell[kind]._get_xf_index()))
        last_column = len(columns) - 1
        count = 0
        tick = self.tick
        for count, values in enumerate(rows, start=1):
            number = str(count + 1)
            cells = [
                make(number, value)
                for make, value in zip(makers, values, strict=True)
                if value is not None and value != ""
            ]
            stream.write(count, cells, last_column)
            if count % TICK_ROWS == 0:
                tick(TICK_ROWS)
        stream.close()
        tick(count % TICK_ROWS)
        return count

    def _write_cells(
        self, sheet: Any, name: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]]
    ) -> int:
        writers = [self._cell_writer(sheet, name, i, column) for i, column in enumerate(columns)]
        count = 0
        for count, values in enumerate(rows, start=1):
            for write, value in zip(writers, values, strict=True):
                if value is not None and value != "":
                    write(count, value)
            if count % TICK_ROWS == 0:
                self.tick(TICK_ROWS)
        self.tick(count % TICK_ROWS)
        return count

    def _declare_table(self, sheet: Any, spec: SheetSpec) -> dict[str, Any]:
        headers = [
            {
                "header": row_xml.escape_like(column.header),
                "header_format": self._header_format(column.header),
            }
            for column in spec.columns
        ]
        options = {"name": spec.table, "style": TABLE_STYLE, "columns": headers}
        # add_table writes the header cells into the shared strings: give it a scratch
        # table, or the workbook carries strings no cell uses (the cells come next, inline).
        from xlsxwriter.sharedstrings import SharedStringTable

        shared, sheet.str_table = sheet.str_table, SharedStringTable()
        sheet.constant_memory = False
        try:
            result = sheet.add_table(0, 0, 1, len(spec.columns) - 1, options)
        finally:
            sheet.constant_memory = True
            sheet.str_table = shared
        if result != 0:
            raise RuntimeError(f"XlsxWriter refused the table of sheet {spec.name} ({result})")
        for index, column in enumerate(spec.columns):
            sheet.write_string(0, index, column.header, self._header_format(column.header))
        return sheet.tables[-1]  # type: ignore[no-any-return]

    def _blank_format(self, column: Column) -> Any:
        if column.kind in TEXT_KINDS:
            return self.styles.text_format(column.kind, quoted=False)
        return self.styles.cell[column.kind]

    def _header_format(self, header: str) -> Any:
        return self.styles.header_quoted if needs_quote_prefix(header) else self.styles.header

    def _cell_writer(
        self, sheet: Any, name: str, index: int, column: Column
    ) -> Callable[[int, Any], None]:
        kind = column.kind
        if kind in TEXT_KINDS:
            plain = self.styles.text_format(kind, quoted=False)
            quoted = self.styles.text_format(kind, quoted=True)
            write_string = sheet.write_string

            def write_text(row: int, value: Any) -> None:
                text = value if value.__class__ is str else str(value)
                if write_string(row, index, text, quoted if text[0] in FORMULA_PREFIXES else plain):
                    self.truncated.append(TruncatedCell(name, row + 1, column.header, len(text)))

            return write_text
        number_format = self.styles.cell[kind]
        write_number = sheet.write_number
        if kind is CellKind.DATE:

            def write_date(row: int, value: Any) -> None:
                write_number(row, index, value.toordinal() - EXCEL_EPOCH_ORDINAL, number_format)

            return write_date

        def write_plain_number(row: int, value: Any) -> None:
            if value.__class__ is not float or isfinite(value):  # inf and NaN stay blank
                write_number(row, index, value, number_format)

        return write_plain_number

    def _decorate(self, sheet: Any, spec: SheetSpec, last_row: int) -> None:
        bottom = last_row + SPARE_ROWS
        for index, column in enumerate(spec.columns):
            options = {"hidden": True, "level": 1} if column.hidden else None
            sheet.set_column(index, index, column.width, None, options)
            if column.choices and self.lists.get(column.choices):
                drop = drop_down(column.header, column.choices, column.strict_choices)
                sheet.data_validation(1, index, bottom, index, drop)
            for label, colours in self.highlights.get(column.highlight or "", []):
                value = formula_text(label)
                if len(value) > MAX_FORMULA:
                    continue  # a label this long cannot be matched by a formula
                sheet.conditional_format(
                    1,
                    index,
                    bottom,
                    index,
                    {
                        "type": "cell",
                        "criteria": "==",
                        "value": value,
                        "format": self.styles.highlight(colours),
                    },
                )
        if any(column.hidden for column in spec.columns):
            sheet.set_column(len(spec.columns), len(spec.columns), None, None, {"collapsed": True})
        sheet.freeze_panes(1, spec.freeze_columns)
        sheet.set_landscape()
        sheet.repeat_rows(0)  # printed: the header on every page

    # ------------------------------------------------------------------ hidden sheets
    def register_lists(self, lists: Mapping[str, Sequence[str]]) -> None:
        """Name the drop-down lists before the sheets that use them are written."""
        self.list_values = dict(lists)
        self.lists = {name: len(values) for name, values in lists.items()}

    def write_lists(self) -> None:
        """The hidden sheet the drop-downs read from, one named range per list."""
        lists = self.list_values
        sheet = self.book.add_worksheet(LISTS_SHEET)
        names = list(lists)
        for index in range(len(names)):
            sheet.set_column(index, index, 24)
        longest = max((len(values) for values in lists.values()), default=0)
        for row in range(longest + 1):
            for index, name in enumerate(names):
                values = lists[name]
                if row == 0:
                    sheet.write_string(0, index, name, self.styles.header)
                elif row <= len(values):
                    text = values[row - 1]
                    sheet.write_string(
                        row,
                        index,
                        text,
                        self.styles.text_format(CellKind.TEXT, needs_quote_prefix(text)),
                    )
        from xlsxwriter.utility import xl_col_to_name

        for index, name in enumerate(names):
            count = len(lists[name])
            if count:
                letter = xl_col_to_name(index)
                self.book.define_name(
                    f"list_{name}", f"='{LISTS_SHEET}'!${letter}$2:${letter}${count + 1}"
                )
        sheet.hide()

    def write_meta(self, entries: Sequence[tuple[str, str]]) -> None:
        """A very hidden sheet that lets an edited workbook be recognised when it comes back."""
        sheet = self.book.add_worksheet(META_SHEET)
        for row, (key, value) in enumerate(entries):
            sheet.write_string(row, 0, key)
            if value:
                sheet.write_string(
                    row, 1, value, self.styles.text_format(CellKind.TEXT, needs_quote_prefix(value))
                )
        sheet.very_hidden()

    def close(self) -> None:
        from xlsxwriter.exceptions import XlsxWriterException

        try:
            self.book.close()
        except XlsxWriterException as error:  # e.g. FileCreateError: report it as the OSError it is
            _drop_open_zips(error)
            cause = error.__context__
            if isinstance(cause, OSError):
                raise OSError(cause.errno, cause.strerror or str(error)) from error
            raise OSError(str(error)) from error

    def abort(self) -> None:
        """Drop an unfinished workbook: close the row files XlsxWriter holds open."""
        for sheet in self.book.worksheets():
            handle = getattr(sheet, "row_data_fh", None)
            if handle is not None and not handle.closed:
                handle.close()
        self.book.fileclosed = True  # nothing to write: keep its destructor quiet


def _drop_open_zips(error: BaseException | None) -> None:
    """Close the zip file XlsxWriter left open when a write failed (a full disk).

    XlsxWriter has no ``finally`` around its ``ZipFile``: left alone, the zip's
    destructor tries to finish the file later, fails again, and prints an "Exception
    ignored" traceback at a random moment. The export already failed cleanly.
    """
    while error is not None:
        trace = error.__traceback__
        while trace is not None:
            for value in list(trace.tb_frame.f_locals.values()):
                if isinstance(value, zipfile.ZipFile) and value.fp is not None:
                    handle, value.fp = value.fp, None
                    with contextlib.suppress(OSError):  # flushing hits the full disk again
                        handle.close()
            trace = trace.tb_next
        error = error.__context__
