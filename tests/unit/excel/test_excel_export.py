"""The exported workbook: sheets, real tables, drop-downs, safe text, atomic writing."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import update

from abm_planner.excel import workbook_export
from abm_planner.excel.errors import ExportError, OperationCancelled
from abm_planner.services.accounts import create_account, update_account
from abm_planner.services.excel_io import export_plan
from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.stakeholders import create_stakeholder
from abm_planner.store.models import Stakeholder

INJECTIONS = ['=HYPERLINK("http://evil","x")', "+1+2", "-3+4", "@SUM(A1)", "\tTab", "\rCR"]
DATA_SHEETS = [
    "Accounts",
    "Stakeholders",
    "Relationships",
    "Plays",
    "Touches",
    "Objectives & metrics",
    "Whitespace",
    "Play library",
]


@pytest.fixture
def demo_export(excel_demo_path: Path, tmp_path: Path) -> Path:
    plan = open_plan(excel_demo_path, read_only=True)
    try:
        export_plan(plan, tmp_path / "demo.xlsx")
    finally:
        plan.close()
    return tmp_path / "demo.xlsx"


def sheet_xml(path: Path, title: str) -> str:
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        rel = re.search(
            rf'<sheet name="{re.escape(title)}" sheetId="\d+"[^>]*r:id="(rId\d+)"', workbook
        )
        assert rel, title
        target = re.search(rf'Id="{rel.group(1)}"[^>]*Target="([^"]+)"', rels)
        assert target
        return archive.read("xl/" + target.group(1)).decode()


def test_workbook_has_cover_data_sheets_and_hidden_helpers(demo_export: Path) -> None:
    book = openpyxl.load_workbook(demo_export)
    names = book.sheetnames
    assert names[0] == "Summary"
    assert names[1 : 1 + len(DATA_SHEETS)] == DATA_SHEETS
    assert "Timeline" in names
    assert book["Lists"].sheet_state == "hidden"
    assert book["ABM Planner export"].sheet_state == "veryHidden"
    cover = [c.value for row in book["Summary"].iter_rows() for c in row if c.value]
    for expected in (
        "Strategic fit",
        "Lead definition (all must be met)",
        "Handoff",
        "Tiers and rules of engagement",
        "Marketing hands over",
    ):
        assert expected in cover


@pytest.mark.parametrize("title", DATA_SHEETS)
def test_each_data_sheet_is_a_table_with_frozen_header_and_hidden_ids(
    demo_export: Path, title: str
) -> None:
    sheet = openpyxl.load_workbook(demo_export)[title]
    (table,) = sheet.tables.values()
    assert table.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    assert table.autoFilter is not None
    assert sheet.freeze_panes and sheet.freeze_panes[-1] == "2"
    headers = [c.value for c in sheet[1]]
    id_column = "Account id" if title == "Whitespace" else "Record id"
    position = headers.index(id_column) + 1
    (group,) = [d for d in sheet.column_dimensions.values() if d.min <= position <= d.max]
    assert group.hidden
    assert group.outlineLevel == 1


def test_drop_downs_and_highlights(demo_export: Path) -> None:
    book = openpyxl.load_workbook(demo_export)
    people = book["Stakeholders"]
    sources = {dv.formula1 for dv in people.data_validations.dataValidation}
    assert {"list_attitude", "list_role", "list_influence", "list_coverage", "list_team"} <= sources
    role = next(dv for dv in people.data_validations.dataValidation if dv.formula1 == "list_role")
    assert role.errorStyle == "information"  # several roles per cell are allowed
    assert "list_tier" in {dv.formula1 for dv in book["Accounts"].data_validations.dataValidation}
    assert "list_play_status" in {
        dv.formula1 for dv in book["Plays"].data_validations.dataValidation
    }
    assert len(people.conditional_formatting) >= 1
    lists = book["Lists"]
    assert "list_tier" in book.defined_names
    assert [c.value for c in lists[1]][:2] == ["tier", "stage"]


def test_numbers_dates_and_ids_are_typed(demo_export: Path) -> None:
    sheet = openpyxl.load_workbook(demo_export)["Plays"]
    headers = [c.value for c in sheet[1]]
    row = list(sheet[2])
    start = row[headers.index("Start")]
    assert start.is_date and start.number_format == "yyyy-mm-dd"
    assert isinstance(row[headers.index("Budget")].value, int | float)
    assert re.fullmatch(r"[0-9a-f-]{36}", row[headers.index("Record id")].value)
    assert row[headers.index("Version")].value >= 1


def test_text_that_looks_like_a_formula_is_a_quoted_string(tmp_plan: Plan, tmp_path: Path) -> None:
    account = create_account(tmp_plan, {"name": INJECTIONS[0], "notes": "=1+1", "region": "@x"})
    people = [create_stakeholder(tmp_plan, account, {"name": f"P{n}"}) for n in range(5)]
    with tmp_plan.write() as unit:  # services trim text; a tab or CR prefix can only be stored raw
        for person, text in zip(people, INJECTIONS[1:], strict=True):
            unit.session.execute(
                update(Stakeholder).where(Stakeholder.id == person).values(title=text)
            )
    out = tmp_path / "injection.xlsx"
    export_plan(tmp_plan, out)
    for title in ("Accounts", "Stakeholders"):
        xml = sheet_xml(out, title)
        assert "<f>" not in xml and "<f " not in xml
    book = openpyxl.load_workbook(out)
    cell = book["Accounts"]["A2"]
    assert cell.value == INJECTIONS[0]
    assert cell.data_type == "s"
    assert cell.quotePrefix
    titles = book["Stakeholders"]["C"][1:]
    # openpyxl does not decode Excel's _x000D_ escape in inline strings; calamine does.
    assert sorted(c.value for c in titles) == sorted(
        t.replace("\r", "_x000D_") for t in INJECTIONS[1:]
    )
    assert all(c.quotePrefix for c in titles)


def test_account_filter_exports_only_those_accounts(excel_demo_path: Path, tmp_path: Path) -> None:
    plan = open_plan(excel_demo_path, read_only=True)
    try:
        name = plan_first_account(plan)
        result = export_plan(plan, tmp_path / "one.xlsx", [name])
    finally:
        plan.close()
    assert result.rows["Accounts"] == 1
    book = openpyxl.load_workbook(tmp_path / "one.xlsx")
    assert {c.value for c in book["Stakeholders"]["A"][1:]} == {name}


def plan_first_account(plan: Plan) -> str:
    from abm_planner.services.accounts import list_accounts

    return list_accounts(plan)[0].name


def test_unknown_account_name_is_a_user_error(tmp_plan: Plan, tmp_path: Path) -> None:
    from abm_planner.errors import NotFoundError

    with pytest.raises(NotFoundError, match="Nowhere Ltd"):
        export_plan(tmp_plan, tmp_path / "x.xlsx", ["Nowhere Ltd"])


def test_failed_export_keeps_the_previous_file_and_leaves_no_temporary(
    tmp_plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "plan.xlsx"
    out.write_bytes(b"previous export")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(workbook_export, "_write_meta", broken)
    with pytest.raises(ExportError, match="No space left"):
        export_plan(tmp_plan, out)
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Test plan.abmplan", "plan.xlsx"]


def test_cancel_writes_nothing(demo_copy: Path, tmp_path: Path) -> None:
    plan = open_plan(demo_copy, read_only=True)
    seen: list[tuple[int, int]] = []
    try:
        with pytest.raises(OperationCancelled):
            export_plan(
                plan,
                tmp_path / "c.xlsx",
                include_findings=False,
                progress=lambda d, t: seen.append((d, t)),
                cancelled=lambda: bool(seen),
            )
    finally:
        plan.close()
    assert not (tmp_path / "c.xlsx").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["Demo copy.abmplan"]


def test_progress_reaches_the_total(demo_copy: Path, tmp_path: Path) -> None:
    plan = open_plan(demo_copy, read_only=True)
    seen: list[tuple[int, int]] = []
    try:
        export_plan(plan, tmp_path / "p.xlsx", progress=lambda d, t: seen.append((d, t)))
    finally:
        plan.close()
    assert seen[0][0] == 0
    assert all(done <= total for done, total in seen)
    assert seen[-1][0] > 0


@pytest.mark.parametrize("name", ["plan.csv", "folder"])
def test_destination_must_be_an_xlsx_file(tmp_plan: Plan, tmp_path: Path, name: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(ExportError):
        export_plan(tmp_plan, tmp_path / name)
    with pytest.raises(ExportError, match="does not exist"):
        export_plan(tmp_plan, tmp_path / "missing" / "x.xlsx")


def test_text_beyond_excels_cell_limit_is_reported(tmp_plan: Plan, tmp_path: Path) -> None:
    account = create_account(tmp_plan, {"name": "Long notes"})
    update_account(tmp_plan, account, {"notes": "é" * 40_000})
    result = export_plan(tmp_plan, tmp_path / "long.xlsx")
    assert [(t.sheet, t.column, t.length) for t in result.truncated] == [
        ("Accounts", "Notes", 40_000)
    ]
    cell = openpyxl.load_workbook(tmp_path / "long.xlsx")["Accounts"]["P2"].value
    assert cell == "é" * 32_767


def test_timeline_draws_running_plays_by_week(demo_export: Path) -> None:
    sheet = openpyxl.load_workbook(demo_export)["Timeline"]
    assert [c.value for c in sheet[1]][:5] == ["Account", "Play", "Status", "Start", "End"]
    monday = sheet.cell(1, 6).value
    assert monday.weekday() == 0 and monday.date() < date.today()
    rules = [rule for cf in sheet.conditional_formatting for rule in cf.rules]
    assert any(rule.type == "expression" for rule in rules)
