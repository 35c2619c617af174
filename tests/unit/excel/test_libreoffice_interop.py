"""Real LibreOffice opens every kind of export whole: ``make interop`` (issue 7).

LibreOffice does not prompt for a repair; when it cannot read part of a
workbook it drops it silently (a raw control character in a cell loses the rest
of that sheet, exit code 0). So each export is converted headless to .xlsx,
.ods and one CSV per sheet, and every cell LibreOffice wrote back is compared
with what python-calamine reads from the original, along with the tables,
drop-downs, highlights and pictures. Skipped when ``soffice`` is not installed
(``apt-get install libreoffice-calc-nogui``); ``make interop`` sets
``ABM_INTEROP=1``, which turns that skip into a failure.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook
from workbook_checks import problems
from workbook_samples import build_exports

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = os.environ.get("ABM_INTEROP") == "1"
BENIGN = re.compile(r"javaldx|^\s*$")  # no Java in the headless package: harmless
NAMES = ["demo", "account_map", "hostile", "empty"]
# OpenDocument is XML without Excel's _xHHHH_ escapes: control characters and noncharacters
# cannot be stored; a tab is <text:tab/>, which python-calamine does not read back.
UNSTORABLE_IN_ODS = re.compile(r"[\x00-\x1f\ufffe\uffff]|_x[fF]{3}[eEfF]_")
NONCHARACTER = re.compile(r"_x[fF]{3}([eEfF])_")  # LibreOffice writes them in lower case
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None and not REQUIRED,
        reason="LibreOffice (soffice) is not installed; apt-get install libreoffice-calc-nogui",
    ),
]


def convert(files: list[Path], target: str, folder: Path, profile: Path) -> list[str]:
    """Convert ``files`` headless into ``folder``; LibreOffice's warnings (stderr) back."""
    if SOFFICE is None:
        pytest.fail("make interop needs LibreOffice: apt-get install libreoffice-calc-nogui")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",  # never the user's own profile
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(folder),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [line for line in done.stderr.splitlines() if not BENIGN.search(line)]


@pytest.fixture(scope="module")
def converted(
    excel_demo_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, Path], Path, list[str]]:
    """The four exports, their LibreOffice copies under ``folder/xlsx|ods|csv``, warnings."""
    folder = tmp_path_factory.mktemp("interop")
    exports = build_exports(excel_demo_path, folder / "exports")
    profile = folder / "profile"
    files = [exports[name] for name in NAMES]
    warnings = convert(files, "xlsx", folder / "xlsx", profile)
    warnings += convert(files, "ods", folder / "ods", profile)
    warnings += convert(files, CSV_FILTER, folder / "csv", profile)
    return exports, folder, warnings


def normal(value: Any, ods: bool = False) -> Any:
    """A cell as both programs agree on it: LibreOffice keeps 15 significant digits; an
    escaped noncharacter (``_xFFFE_``, which python-calamine leaves as it is) is the
    character itself in a CSV."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return float(f"{value:.15g}")
    if isinstance(value, str):
        if ods:
            return UNSTORABLE_IN_ODS.sub("", value)
        return NONCHARACTER.sub(lambda m: chr(0xFFF0 + int(m.group(1), 16)), value)
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    return value


def cells(path: Path, ods: bool = False) -> dict[str, list[list[Any]]]:
    """Every sheet's values (trailing blanks trimmed), hidden sheets too."""
    book = CalamineWorkbook.from_path(str(path))
    found = {}
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name).to_python()
        rows = [[normal(v, ods) for v in row] for row in sheet]
        for row in rows:
            while row and row[-1] == "":
                row.pop()
        while rows and not rows[-1]:
            rows.pop()
        found[name] = rows
    return found


def differences(original: Path, copy: Path) -> list[str]:
    ods = copy.suffix == ".ods"
    before, after = cells(original, ods), cells(copy, ods)
    if list(before) != list(after):
        return [f"sheets {list(before)} became {list(after)}"]
    found = []
    for sheet, rows in before.items():
        if len(rows) != len(after[sheet]):
            found.append(f"{sheet}: {len(rows)} rows became {len(after[sheet])}")
        for number, (row, other) in enumerate(zip(rows, after[sheet], strict=False), start=1):
            if row != other:
                column = next(
                    (i for i, (a, b) in enumerate(zip(row, other, strict=False)) if a != b), None
                )
                found.append(f"{sheet} row {number} column {column}: {row!r:.80} != {other!r:.80}")
    return found


def features(path: Path) -> dict[str, Any]:
    """What a person sees besides values: tables and their columns, drop-downs, highlights."""
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(p).decode() for p in archive.namelist() if "worksheets/sheet" in p]
        tables = sorted(
            (
                re.search(r' name="([^"]+)"', xml)[1],
                re.findall(r'<tableColumn [^>]*name="([^"]*)"', xml),
            )  # type: ignore[index]
            for xml in (archive.read(p).decode() for p in archive.namelist() if "tables/" in p)
        )
        pictures = sorted(p for p in archive.namelist() if "/media/" in p)
    return {
        "tables": tables,
        "drop-downs": sum(x.count("<dataValidation ") for x in sheets),
        "highlights": sum(x.count("<cfRule") for x in sheets),
        "pictures": len(pictures),
    }


def test_libreoffice_prints_no_warnings(converted: tuple[dict[str, Path], Path, list[str]]) -> None:
    assert converted[2] == []


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_libreoffice_keeps_every_cell(
    converted: tuple[dict[str, Path], Path, list[str]], name: str, kind: str
) -> None:
    exports, folder, _warnings = converted
    assert differences(exports[name], folder / kind / f"{name}.{kind}") == []


@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_keeps_tables_drop_downs_highlights_and_pictures(
    converted: tuple[dict[str, Path], Path, list[str]], name: str
) -> None:
    exports, folder, _warnings = converted
    copy = folder / "xlsx" / f"{name}.xlsx"
    assert features(copy) == features(exports[name])
    assert problems(copy) == []  # and what it writes back is clean too


@pytest.mark.parametrize("name", NAMES)
def test_every_sheet_becomes_a_csv_with_the_same_text(
    converted: tuple[dict[str, Path], Path, list[str]], name: str
) -> None:
    exports, folder, _warnings = converted
    for sheet, rows in cells(exports[name]).items():
        path = folder / "csv" / f"{name}-{sheet}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            written = list(csv.reader(handle))
        assert len([r for r in written if any(r)]) == len([r for r in rows if r]), sheet
        for number, (row, line) in enumerate(zip(rows, written, strict=False)):
            for value, text in zip(row, line, strict=False):
                if isinstance(value, str) and value:
                    assert normal(text) == value, (sheet, value[:60])
                elif isinstance(value, date) and number > 0:  # not the timeline's weeks
                    assert text == value.isoformat(), (sheet, value)


def test_the_comparison_catches_a_sheet_libreoffice_cuts_short(
    converted: tuple[dict[str, Path], Path, list[str]], tmp_path: Path
) -> None:
    """A raw control character in a cell: LibreOffice keeps the sheet up to it, exit code 0."""
    exports, _folder, _warnings = converted
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(exports["demo"]) as source, zipfile.ZipFile(broken, "w") as target:
        for part in source.namelist():
            data = source.read(part)
            if part == "xl/worksheets/sheet2.xml":
                data = data.replace(b"<t>Manufacturing</t>", b"<t>Manu\x01facturing</t>", 1)
            target.writestr(part, data)
    assert convert([broken], "xlsx", tmp_path / "out", tmp_path / "profile") == []
    found = differences(broken, tmp_path / "out" / "broken.xlsx")
    assert any(f.startswith("Accounts: 13 rows became") for f in found), found
    assert any("not well-formed" in p for p in problems(broken))
