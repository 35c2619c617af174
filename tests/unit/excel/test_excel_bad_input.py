"""Every kind of bad input is refused with a located message; the plan stays as it was.

Each case previews and applies through the service like the GUI and CLI do, then
checks that the plan's summary and the plan file's bytes did not change.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import excel_samples as samples
import hostile_files as hostile
import openpyxl
import pytest

from abm_planner.errors import UserError
from abm_planner.excel.errors import (
    ImportBlockedError,
    LimitExceededError,
    SpreadsheetError,
    UnreadableFileError,
)
from abm_planner.excel.read_limits import ReadLimits
from abm_planner.services.excel_io import apply_import, export_plan, preview_import
from abm_planner.services.plans import create_plan, open_plan
from abm_planner.services.summary import plan_summary

SMALL = ReadLimits(max_part_bytes=5_000_000, max_unpacked_bytes=8_000_000)


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "Plan.abmplan"
    plan = create_plan(path)
    apply_import(plan, preview_import(plan, [samples.salesforce_accounts_report(tmp_path)]))
    plan.close()
    return path


def refused(
    plan_path: Path, files: list[Path], error: type[UserError] = SpreadsheetError, **kwargs: object
) -> SpreadsheetError:
    before = plan_path.read_bytes()
    plan = open_plan(plan_path)
    summary = plan_summary(plan)
    try:
        with pytest.raises(error) as info:
            apply_import(plan, preview_import(plan, files, **kwargs))  # type: ignore[arg-type]
        assert plan_summary(plan) == summary
    finally:
        plan.close()
    assert plan_path.read_bytes() == before
    assert isinstance(info.value, SpreadsheetError)
    assert info.value.file is not None and info.value.file.name == files[-1].name
    assert str(info.value).startswith(files[-1].name)
    assert "\n" not in str(info.value)
    return info.value


HOSTILE: list[tuple[str, Callable[[Path], Path], type[UserError], str]] = [
    ("billion laughs", hostile.billion_laughs, UnreadableFileError, "XML entities"),
    ("external entity", hostile.entity_in_sheet, UnreadableFileError, "XML entities"),
    ("lying sizes", hostile.lying_zip, LimitExceededError, "more than the 200 bytes it declares"),
    ("huge range", hostile.huge_range, LimitExceededError, "limit of 25,000,000 cells"),
    ("encrypted", hostile.encrypted, UnreadableFileError, "password-protected"),
    ("xls", hostile.legacy_xls, UnreadableFileError, "Excel 97-2003"),
    ("truncated", hostile.truncated, UnreadableFileError, "damaged or truncated"),
]


@pytest.mark.parametrize(("case", "build", "error", "reason"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_workbooks_are_refused_before_parsing(
    plan_path: Path,
    tmp_path: Path,
    case: str,
    build: Callable[[Path], Path],
    error: type[UserError],
    reason: str,
) -> None:
    refusal = refused(plan_path, [build(tmp_path)], error)
    assert reason in str(refusal), case


def test_zip_bomb_is_refused_by_its_declared_size(plan_path: Path, tmp_path: Path) -> None:
    refusal = refused(
        plan_path, [hostile.zip_bomb(tmp_path, 6_000_000)], LimitExceededError, limits=SMALL
    )
    assert "limit of 5,000,000" in str(refusal)


def test_too_many_parts(plan_path: Path, tmp_path: Path) -> None:
    parts: dict[str, str | bytes] = dict(
        hostile.workbook_parts(hostile.sheet_xml(hostile.ACCOUNT_ROWS))
    )
    parts |= {f"xl/media/{n}.bin": b"" for n in range(30)}
    path = hostile.write_parts(tmp_path / "parts.xlsx", parts)
    refusal = refused(plan_path, [path], LimitExceededError, limits=ReadLimits(max_zip_members=20))
    assert "limit of 20" in str(refusal)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.csv", b"", "is empty"),
        ("noise.csv", b"\x00\x01\x02binary", "not a text"),
        ("fake.xlsx", b"Account Name\nAcme", "not a workbook"),
        # found by `make reliability`: UTF-16 cut off mid-character was a traceback
        ("cut.csv", "Account Name\nAcmé".encode("utf-16")[:-1], "cut off or damaged at byte"),
    ],
)
def test_files_that_are_not_what_they_say(
    plan_path: Path, tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert reason in str(refused(plan_path, [path], UnreadableFileError))


def test_missing_name_column(plan_path: Path, tmp_path: Path) -> None:
    path = samples.write_csv(tmp_path / "wrong.csv", [["Colour", "Size"], ["red", "L"]])
    refusal = refused(plan_path, [path], ImportBlockedError)
    assert refusal.row == 1
    assert "check the header row" in str(refusal)


def test_contacts_sheet_without_any_name_column(plan_path: Path, tmp_path: Path) -> None:
    path = samples.write_csv(
        tmp_path / "contacts.csv", [["Email", "Account Name"], ["a@b.c", "Acme"]]
    )
    assert "a name (or first and last name)" in str(refused(plan_path, [path], ImportBlockedError))


def test_unparseable_value_names_row_and_column(plan_path: Path, tmp_path: Path) -> None:
    rows = [
        ["Account Name", "Annual Revenue", "Employees"],
        ["Fine Ltd", "1,000", "10"],
        ["Bad Ltd", "lots", "12"],
    ]
    refusal = refused(
        plan_path, [samples.write_csv(tmp_path / "values.csv", rows)], ImportBlockedError
    )
    assert (refusal.row, refusal.column, refusal.column_index) == (3, "Annual Revenue", 1)
    assert "'lots' is not a number" in str(refusal)
    assert "(B)" in str(refusal)


def test_unknown_tier_lists_the_choices(plan_path: Path, tmp_path: Path) -> None:
    rows = [["Account Name", "Tier"], ["Tiered Ltd", "Platinum"]]
    refusal = refused(
        plan_path, [samples.write_csv(tmp_path / "tiers.csv", rows)], ImportBlockedError
    )
    assert "Strategic (1:1)" in str(refusal) and refusal.column == "Tier"


def test_duplicate_names_without_ids_name_both_rows(plan_path: Path, tmp_path: Path) -> None:
    rows = [["Account Name"], ["Twin Ltd"], ["Other Ltd"], ["twin  ltd"]]
    refusal = refused(
        plan_path, [samples.write_csv(tmp_path / "twins.csv", rows)], ImportBlockedError
    )
    assert refusal.row == 4 and "twins.csv, row 2" in str(refusal)


def test_duplicate_crm_ids_name_both_rows(plan_path: Path, tmp_path: Path) -> None:
    rows = [["Account Name", "Account ID"], ["One", "001A"], ["Two", "001A"]]
    refusal = refused(
        plan_path, [samples.write_csv(tmp_path / "ids.csv", rows)], ImportBlockedError
    )
    assert refusal.row == 3 and "row 2" in str(refusal)


def test_formula_where_a_value_belongs(plan_path: Path, tmp_path: Path) -> None:
    refusal = refused(plan_path, [hostile.formula_in_value_column(tmp_path)], ImportBlockedError)
    assert (refusal.sheet, refusal.row, refusal.column) == ("Data", 2, "Annual Revenue")
    assert "formula" in str(refusal)


def test_header_without_rows(plan_path: Path, tmp_path: Path) -> None:
    path = samples.write_csv(tmp_path / "header only.csv", [["Account Name", "Industry"]])
    assert "no data rows" in str(refused(plan_path, [path], ImportBlockedError))


def test_empty_workbook_sheet(plan_path: Path, tmp_path: Path) -> None:
    path = samples.write_xlsx(tmp_path / "blank.xlsx", {"Sheet1": [[None]]})
    assert "has no rows" in str(refused(plan_path, [path], ImportBlockedError))


def test_too_many_rows(plan_path: Path, tmp_path: Path) -> None:
    rows = [["Account Name"]] + [[f"Row {n}"] for n in range(30)]
    path = samples.write_csv(tmp_path / "long.csv", rows)
    assert "limit" in str(
        refused(plan_path, [path], LimitExceededError, limits=ReadLimits(max_rows=20))
    )


def test_time_limit(plan_path: Path, tmp_path: Path) -> None:
    rows = [["Account Name"]] + [[f"Row {n}"] for n in range(6000)]
    path = samples.write_csv(tmp_path / "slow.csv", rows)
    refusal = refused(plan_path, [path], LimitExceededError, limits=ReadLimits(max_seconds=-1))
    assert "longer than the limit" in str(refusal)


def test_field_beyond_the_csv_limit(plan_path: Path, tmp_path: Path) -> None:
    path = samples.write_csv(
        tmp_path / "wide.csv",
        [["Account Name", "Notes"], ["Big", "x" * (csv.field_size_limit() + 10)]],
    )
    refusal = refused(plan_path, [path], UnreadableFileError)
    assert refusal.row == 2


def test_round_trip_unknown_account_and_bad_id(plan_path: Path, tmp_path: Path) -> None:
    plan = open_plan(plan_path, read_only=True)
    export_plan(plan, tmp_path / "export.xlsx", include_findings=False)
    plan.close()
    book = openpyxl.load_workbook(tmp_path / "export.xlsx")
    book["Stakeholders"].append(["Nowhere GmbH", "New Person"])
    book.save(tmp_path / "edited.xlsx")
    refusal = refused(plan_path, [tmp_path / "edited.xlsx"], ImportBlockedError)
    assert (refusal.sheet, refusal.column) == ("Stakeholders", "Account")
    assert "no account 'Nowhere GmbH'" in str(refusal)


def test_small_dimension_loses_no_rows(plan_path: Path, tmp_path: Path) -> None:
    plan = open_plan(plan_path)
    try:
        preview = preview_import(plan, [hostile.small_dimension(tmp_path, 50)])
    finally:
        plan.close()
    assert preview.counts["accounts added"] == 50


def test_strict_open_xml_is_read(plan_path: Path, tmp_path: Path) -> None:
    plan = open_plan(plan_path)
    try:
        preview = preview_import(plan, [hostile.strict_ooxml(tmp_path)])
    finally:
        plan.close()
    assert "Strict Open XML workbook" in preview.sheets[0].notes
    assert [c.name for c in preview.changes] == ["Hostile Ltd"]


def test_openpyxl_parses_through_defusedxml() -> None:
    from abm_planner.excel.reading import assert_xml_hardening

    assert openpyxl.DEFUSEDXML
    assert_xml_hardening()


def test_a_calamine_panic_falls_back_to_openpyxl(
    plan_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from abm_planner.excel import reading

    class PanicException(BaseException):  # what pyo3 raises for a Rust panic
        pass

    class Panicking:
        sheet_names = ("Accounts",)

        def get_sheet_by_name(self, _name: str) -> None:
            raise PanicException("index out of bounds")

    monkeypatch.setattr(reading, "_open_calamine", lambda _path: Panicking())
    path = samples.write_xlsx(tmp_path / "panic.xlsx", {"Accounts": hostile.ACCOUNT_ROWS})
    plan = open_plan(plan_path)
    try:
        preview = preview_import(plan, [path])
    finally:
        plan.close()
    assert "read with the fallback reader" in preview.sheets[0].notes
    assert [c.name for c in preview.changes] == ["Hostile Ltd"]


def test_import_progress_reaches_its_total(plan_path: Path, tmp_path: Path) -> None:
    rows = [["Account Name"]] + [[f"Progress {n}"] for n in range(4500)]
    path = samples.write_csv(tmp_path / "many.csv", rows)
    seen: list[tuple[int, int]] = []
    plan = open_plan(plan_path)
    try:
        preview_import(plan, [path], progress=lambda done, total: seen.append((done, total)))
    finally:
        plan.close()
    assert seen and all(done <= total for done, total in seen)
    assert seen[-1][0] == 4501 and seen[0][1] >= 4501
