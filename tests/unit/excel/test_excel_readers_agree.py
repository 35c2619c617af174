"""The exported file read back by two independent readers agrees cell for cell.

python-calamine (Rust) and openpyxl (Python) parse the XML separately. The only
differences allowed are representations: openpyxl gives None for an empty cell
and a datetime for a date, calamine "" and a date; openpyxl leaves Excel's
``_xHHHH_`` escapes of control characters in inline strings undecoded.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import python_calamine

from abm_planner.excel import workbook_writer
from abm_planner.services.excel_io import export_plan
from abm_planner.services.plans import Plan, open_plan
from abm_planner.store.models import Account

ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape(text: str) -> str:
    """Excel's _xHHHH_ escapes, decoded in one pass (as calamine and Excel do)."""
    return ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)


def normal(value: Any, *, decode: bool = False) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    if isinstance(value, str):
        return unescape(value) if decode else value
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    return value


def read_both(path: Path) -> tuple[dict[str, list[list[Any]]], dict[str, list[list[Any]]]]:
    book = openpyxl.load_workbook(path, read_only=True)
    first = {
        name: [
            [normal(v, decode=True) for v in row] for row in book[name].iter_rows(values_only=True)
        ]
        for name in book.sheetnames
    }
    book.close()
    calamine = python_calamine.CalamineWorkbook.from_path(str(path))
    second = {
        name: [
            [normal(v) for v in row]
            for row in calamine.get_sheet_by_name(name).to_python(skip_empty_area=False)
        ]
        for name in calamine.sheet_names
    }
    return first, second


def trimmed(rows: list[list[Any]]) -> list[list[Any]]:
    rows = [list(row) for row in rows]
    for row in rows:
        while row and row[-1] == "":
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def assert_agree(path: Path) -> dict[str, list[list[Any]]]:
    first, second = read_both(path)
    assert list(first) == list(second)
    for name in first:
        a, b = trimmed(first[name]), trimmed(second[name])
        assert len(a) == len(b), name
        for number, (row_a, row_b) in enumerate(zip(a, b, strict=True), start=1):
            assert row_a == row_b, f"{name} row {number}"
    return second


def test_demo_export_agrees_cell_for_cell(excel_demo_path: Path, tmp_path: Path) -> None:
    plan = open_plan(excel_demo_path, read_only=True)
    try:
        export_plan(plan, tmp_path / "demo.xlsx")
    finally:
        plan.close()
    sheets = assert_agree(tmp_path / "demo.xlsx")
    assert len(sheets["Stakeholders"]) > 100
    assert isinstance(sheets["Plays"][1][5], date)


def test_awkward_text_agrees(tmp_plan: Plan, tmp_path: Path) -> None:
    awkward = [
        "a\r\nb",
        "x\x01y",
        "_x0041_ literal",
        "  lead",
        "trail  ",
        "😀 emoji",
        "=1+2",
        'quote" & <tag>',
        "\ufffd",
        "Zeile\nzwei",
        "-",
        "@",
    ]
    with tmp_plan.write() as unit:  # stored raw: services would trim the blanks
        for n, text in enumerate(awkward):
            unit.session.add(Account(name=f"A{n:02d}", notes=text, needs=text, region=text))
    export_plan(tmp_plan, tmp_path / "awkward.xlsx", include_findings=False)
    sheets = assert_agree(tmp_path / "awkward.xlsx")
    header = sheets["Accounts"][0]
    notes = {row[0]: row[header.index("Notes")] for row in sheets["Accounts"][1:]}
    assert [notes[f"A{n:02d}"] for n in range(len(awkward))] == awkward


def test_fast_rows_write_the_same_cells_as_xlsxwriter(
    excel_demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = open_plan(excel_demo_path, read_only=True)
    try:
        export_plan(plan, tmp_path / "fast.xlsx", include_findings=False)
        monkeypatch.setattr(workbook_writer, "FAST_ROWS", False)
        export_plan(plan, tmp_path / "slow.xlsx", include_findings=False)
    finally:
        plan.close()
    fast, slow = read_both(tmp_path / "fast.xlsx")[1], read_both(tmp_path / "slow.xlsx")[1]
    for name in fast:
        if name in ("Summary", "ABM Planner export"):  # both carry the export time
            continue
        for row_fast, row_slow in zip(fast[name], slow[name], strict=True):
            for a, b in zip(row_fast, row_slow, strict=True):
                # XlsxWriter writes 16 significant digits, the fast rows the exact repr.
                assert a == b or math.isclose(a, b, rel_tol=1e-15), name
    styles_fast = openpyxl.load_workbook(tmp_path / "fast.xlsx")["Accounts"]
    styles_slow = openpyxl.load_workbook(tmp_path / "slow.xlsx")["Accounts"]
    for a, b in zip(styles_fast.iter_rows(), styles_slow.iter_rows(), strict=True):
        assert [c.number_format for c in a] == [c.number_format for c in b]
        assert [c.quotePrefix for c in a] == [c.quotePrefix for c in b]
