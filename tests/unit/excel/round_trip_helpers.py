"""Editing an exported workbook the way a person does in Excel, for the round-trip tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

from abm_planner.excel.import_model import ADD, CHANGE, DELETE, ImportPreview
from abm_planner.services.excel_io import export_plan, preview_import
from abm_planner.services.plans import Plan


def export(plan: Plan, path: Path) -> Path:
    export_plan(plan, path, include_findings=False)
    return path


def edit(source: Path, target: Path, change: Callable[[Any], None]) -> Path:
    book = openpyxl.load_workbook(source)
    change(book)
    book.save(target)
    return target


def column(sheet: Any, header: str) -> int:
    return [c.value for c in sheet[1]].index(header) + 1


def values(sheet: Any, row: int) -> dict[str, Any]:
    return {c.value: sheet.cell(row, n + 1).value for n, c in enumerate(sheet[1])}


def set_cell(sheet: Any, row: int, header: str, value: Any) -> None:
    sheet.cell(row, column(sheet, header)).value = value


def append(sheet: Any, cells: dict[str, Any]) -> int:
    """A new row typed under the table, cells by header; returns its row number."""
    headers = [c.value for c in sheet[1]]
    sheet.append([cells.get(h) for h in headers])
    return int(sheet.max_row)


def as_text(book: Any, sheet: str, row: int, header: str) -> None:
    """The cell typed with a leading apostrophe: text, even when it starts with '='."""
    cell = book[sheet].cell(row, column(book[sheet], header))
    cell.data_type = "s"


def preview_of(plan: Plan, exported: Path, tmp_path: Path, change: Any) -> ImportPreview:
    return preview_import(plan, [edit(exported, tmp_path / "edited.xlsx", change)])


def only(preview: ImportPreview, kind: str) -> dict[str, Any]:
    """The preview's changes of ``kind`` by action."""
    found: dict[str, Any] = {ADD: [], CHANGE: [], DELETE: []}
    for change in preview.changes:
        if change.kind == kind:
            found[change.action].append(change)
    return found


def scalar_rows(plan: Plan, query: Any) -> list[Any]:
    with plan.read() as session:
        return list(session.execute(query).all())


def errors(preview: ImportPreview) -> list[str]:
    return [str(issue) for issue in preview.errors]


def values_of_export(path: Path, sheet: str, row: int) -> dict[str, Any]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = list(book[sheet].iter_rows(values_only=True))
    finally:
        book.close()
    return dict(zip(rows[0], rows[row - 1], strict=True))
