"""Exported workbooks open in Excel and LibreOffice without a repair prompt (issue 7).

``workbook_checks.problems`` reads the package part by part for what Excel
repairs on open; these tests run it on the demo export, a per-account export
with its DMU map, a plan full of hostile text and an empty plan, prove on
hand-broken copies that each rule can fail, and pin the fixes it led to.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import select, update
from workbook_checks import problems
from workbook_samples import CONTROL, build_exports

from abm_planner.excel import export_layout, sheet_limits
from abm_planner.services.excel_io import export_plan, preview_import
from abm_planner.services.plans import open_plan
from abm_planner.store.models import Solution

Edit = Callable[[dict[str, str]], None]


@pytest.fixture(scope="module")
def exports(excel_demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_exports(excel_demo_path, tmp_path_factory.mktemp("valid"))


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def text_of(path: Path, part: str) -> str:
    return parts(path)[part].decode()


@pytest.mark.parametrize("name", ["demo", "account_map", "hostile", "empty"])
def test_export_breaks_no_rule_excel_repairs(exports: dict[str, Path], name: str) -> None:
    assert problems(exports[name]) == []


def test_hostile_export_reads_back_with_headers_equal_to_table_columns(
    exports: dict[str, Path],
) -> None:
    book = openpyxl.load_workbook(exports["hostile"])
    calamine = CalamineWorkbook.from_path(str(exports["hostile"]))
    for sheet in book.worksheets:
        for table in sheet.tables.values():
            width = len(table.column_names)
            assert openpyxl.utils.cell.range_boundaries(table.ref)[:2] == (1, 1)
            # python-calamine decodes Excel's _xHHHH_ escapes in cells as Excel does (openpyxl
            # leaves inline strings encoded but decodes column names)
            headers = calamine.get_sheet_by_name(sheet.title).to_python()[0][:width]
            assert headers == table.column_names, sheet.title
    whitespace = book["Whitespace"].tables["Whitespace"].column_names
    assert whitespace[0] == "Account" and whitespace[-1] == "Account id"
    assert len({h.casefold() for h in whitespace}) == len(whitespace)  # a solution "Account id"
    assert "Account id (2)" in whitespace and "ctrl" in whitespace
    assert max(len(h) for h in whitespace) == 255
    maps = [name for name in book.sheetnames if name.startswith("DMU map")]
    assert len(maps) == 8 and all(len(name) <= 31 for name in maps)


def test_empty_sheets_have_one_header_row_and_their_empty_table_row(
    exports: dict[str, Path],
) -> None:
    """A second ``<row r="1">`` (written for a sheet without data) made Excel repair it."""
    for part, data in parts(exports["empty"]).items():
        if part.startswith("xl/worksheets/sheet"):
            xml = data.decode()
            assert xml.count('<row r="1"') == 1, part
    findings = openpyxl.load_workbook(exports["empty"])["Findings"]
    assert findings.tables["Findings"].ref == "A1:E2"
    assert findings.calculate_dimension() == "A1:E2"


def test_no_unused_shared_strings(exports: dict[str, Path]) -> None:
    """The table headers went to the shared strings as well as inline: 145 unused strings."""
    for path in exports.values():
        listed = parts(path)
        if "xl/sharedStrings.xml" in listed:
            used = sum(x.decode().count(' t="s"') for p, x in listed.items() if "worksheets" in p)
            count = re.search(r'count="(\d+)"', listed["xl/sharedStrings.xml"].decode())
            assert count and int(count.group(1)) == used, path.name


def test_long_labels_keep_their_highlight_in_pieces_under_255(exports: dict[str, Path]) -> None:
    xml = text_of(exports["hostile"], "xl/worksheets/sheet3.xml")  # Stakeholders: attitude
    long_rule = re.search(r"<formula>(\"N+\"(?:&amp;\"N+\")+)</formula>", xml)
    assert long_rule, "the 300-character attitude label lost its highlight"
    pieces = long_rule.group(1).split("&amp;")
    assert sum(len(p) - 2 for p in pieces) == 300 and max(len(p) - 2 for p in pieces) <= 255


def test_formula_text_splits_on_quotes_and_astral_characters() -> None:
    quoted = sheet_limits.formula_text('"' * 200)
    assert all(len(piece) <= 257 for piece in quoted.split("&"))
    assert "".join(p[1:-1] for p in quoted.split("&")).replace('""', '"') == '"' * 200
    assert sheet_limits.formula_text("ok") == '"ok"'
    emoji = sheet_limits.formula_text("🚀" * 200)
    assert emoji.count("&") == 1


def test_unique_headers_follow_excels_rules_for_table_columns() -> None:
    headers = export_layout.unique_headers(
        ["Account id", "a\x01b", "Line\nbreak", "x" * 300, "x" * 300, "", "\x00"],
        taken=export_layout.WHITESPACE_TAKEN,
    )
    assert headers[:3] == ["Account id (2)", "a b", "Line break"]
    assert headers[3] == "x" * 255 and headers[4] == "x" * 251 + " (2)"
    assert headers[5:] == ["Column", "Column (2)"]


def test_numbers_no_workbook_can_hold_are_left_blank(exports: dict[str, Path]) -> None:
    """inf or NaN (only a raw database edit stores them) were written as "<v>inf</v>"."""
    xml = text_of(exports["hostile"], "xl/worksheets/sheet7.xml")  # Objectives & metrics
    assert not re.search(r"<v>-?(inf|nan)</v>", xml)
    assert "<v>1e+308</v>" in xml


def test_map_alt_text_has_no_control_characters(exports: dict[str, Path]) -> None:
    drawings = [d for p, d in parts(exports["hostile"]).items() if p.startswith("xl/drawings/d")]
    assert drawings
    for drawing in drawings:
        descr = re.search(r'descr="([^"]*)"', drawing.decode())
        assert descr and not re.search(r"[\x00-\x1f]", descr.group(1))


def test_solutions_named_like_the_whitespace_columns_come_back_unchanged(
    demo_copy: Path, tmp_path: Path
) -> None:
    plan = open_plan(demo_copy)
    try:
        with plan.write() as unit:
            first, second = unit.session.scalars(select(Solution.id).limit(2)).all()
            for solution, name in ((first, "Account id"), (second, CONTROL)):
                unit.session.execute(
                    update(Solution).where(Solution.id == solution).values(name=name)
                )
        out = tmp_path / "whitespace.xlsx"
        export_plan(plan, out, include_findings=False)
        assert problems(out) == []
        preview = preview_import(plan, [out])
    finally:
        plan.close()
    assert preview.changes == [] and preview.errors == []
    assert not [i for i in preview.warnings if "Whitespace" in str(i)]


# -- the checks can fail: hand-broken copies of a good export ---------------------------
def _sub(part: str, old: str, new: str, count: int = 1) -> Edit:
    def edit(files: dict[str, str]) -> None:
        assert old in files[part], (part, old)
        files[part] = files[part].replace(old, new, count)

    return edit


def _number(part: str, ref: str, text: str) -> Edit:
    def edit(files: dict[str, str]) -> None:
        files[part], count = re.subn(rf'(<c r="{ref}"[^>]*><v>)[^<]*', rf"\g<1>{text}", files[part])
        assert count == 1

    return edit


def _drop(part: str) -> Edit:
    return lambda files: files.pop(part) and None


def _add(part: str, text: str) -> Edit:
    return lambda files: files.__setitem__(part, text)


SST = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.'
    'openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="1"><si><t>x</t></si></sst>'
)
ACCOUNTS, TABLE = "xl/worksheets/sheet2.xml", "xl/tables/table1.xml"
BROKEN = {
    "header differs": (_sub(TABLE, 'name="Tier"', 'name="Tiers"'), "differs from column name"),
    "line break": (_sub(TABLE, 'name="Tier"', 'name="Ti&#10;er"'), "has a line break"),
    "control char": (_sub(TABLE, 'name="Tier"', 'name="Ti&#1;er"'), "not well-formed"),
    "raw control char": (_sub(TABLE, 'name="Tier"', 'name="Ti\x01er"'), "not well-formed"),
    "duplicate column": (_sub(TABLE, 'name="Tier"', 'name="NAME"'), "is not unique"),
    "table id twice": (_sub("xl/tables/table2.xml", 'id="2"', 'id="1"'), "used twice"),
    "bad table name": (
        _sub(TABLE, 'name="Accounts" displayName="Accounts"', 'name="A1" displayName="A1"'),
        "not a valid name",
    ),
    "table off the sheet": (
        _sub(ACCOUNTS, '<dimension ref="A1:X13"/>', '<dimension ref="A1:X12"/>'),
        "outside the sheet's dimension",
    ),
    "filter on a table": (
        _sub(ACCOUNTS, "<dataValidations", '<autoFilter ref="B2:C3"/><dataValidations'),
        "overlaps",
    ),
    "row twice": (_sub(ACCOUNTS, "</sheetData>", '<row r="13"/></sheetData>'), "out of order"),
    "long list": (
        _sub(ACCOUNTS, "<formula1>list_tier</formula1>", f'<formula1>"{"a," * 140}"</formula1>'),
        "a list over 255",
    ),
    "missing list": (
        _sub(ACCOUNTS, "<formula1>list_tier</formula1>", "<formula1>list_nope</formula1>"),
        "refers to no name",
    ),
    "long error title": (
        _sub(ACCOUNTS, 'errorTitle="Not in the plan\'s list"', f'errorTitle="{"t" * 40}"'),
        "errorTitle is over 32",
    ),
    "bad defined name": (
        _sub("xl/workbook.xml", 'name="list_tier"', 'name="R1C1"'),
        "not a valid name",
    ),
    "dangling sheet": (_sub("xl/workbook.xml", "'Lists'!$A$2", "'Gone'!$A$2"), "no sheet"),
    "list off the grid": (
        _sub("xl/workbook.xml", "'Lists'!$A$2:$A$5", "'Lists'!$A$2:$XFE$5"),
        "off the grid",
    ),
    "ref error": (_sub("xl/workbook.xml", "'Lists'!$A$2:$A$5", "#REF!"), "holds #REF!"),
    "bad sheet name": (_sub("xl/workbook.xml", 'name="Plays"', 'name="Plays?"'), "not one Excel"),
    "long cell": (
        _sub(ACCOUNTS, "<t>Manufacturing</t>", f"<t>{'m' * 32_768}</t>"),
        "more than 32,767",
    ),
    "long formula text": (
        _sub("xl/worksheets/sheet12.xml", "$D2&lt;=F$1+6", f'$D2="{"d" * 256}"'),
        "text constant over 255",
    ),
    "unbalanced formula": (_sub("xl/worksheets/sheet12.xml", "AND(", "AND(("), "unbalanced"),
    "infinite number": (_number(ACCOUNTS, "E2", "inf"), "not a number"),
    "no content type": (_add("xl/media/extra.bin", "x"), "no content type"),
    "missing part": (_drop("xl/tables/table3.xml"), "missing part"),
    "unused shared strings": (_add("xl/sharedStrings.xml", SST), "count=3"),
}


def rewrite(source: Path, target: Path, edit: Edit) -> Path:
    """A copy of ``source`` with ``edit`` applied to its parts' text."""
    files = {name: data.decode("utf-8", "surrogateescape") for name, data in parts(source).items()}
    edit(files)
    with zipfile.ZipFile(target, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text.encode("utf-8", "surrogateescape"))
    return target


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_checks_catch_a_hand_broken_copy(
    exports: dict[str, Path], tmp_path: Path, case: str
) -> None:
    edit, expected = BROKEN[case]
    found = problems(rewrite(exports["demo"], tmp_path / "broken.xlsx", edit))
    assert any(expected in problem for problem in found), found


def test_a_copy_rewritten_without_an_edit_passes(exports: dict[str, Path], tmp_path: Path) -> None:
    assert problems(rewrite(exports["demo"], tmp_path / "copy.xlsx", lambda _files: None)) == []
