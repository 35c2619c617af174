"""Reading untrusted CSV and XLSX files into rows, within stated limits.

A file is judged by its first bytes, not its name: an encrypted workbook is an
OLE2 file even when it is called ``.xlsx``. XLSX goes through ``zip_guard``
(central directory, real sizes, CRCs, no DTDs, formula cells, the last row with
a value) before python-calamine parses it; calamine reads Strict OOXML, which
openpyxl silently reads as no sheets, and is about eight times faster. A panic
inside calamine (``pyo3_runtime.PanicException``, not an ``Exception``) becomes
a located error. CSV is decoded as UTF-8 (BOM or not), then Windows-1252, with
``,`` ``;`` tab or ``|`` as found in the header line (``csv_reading``).
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from abm_planner.excel.csv_reading import read_csv
from abm_planner.excel.errors import LimitExceededError, SpreadsheetError, UnreadableFileError
from abm_planner.excel.raw_sheet import TIME_CHECK_ROWS, RawSheet, check_time
from abm_planner.excel.read_limits import DEFAULT_LIMITS, ReadLimits
from abm_planner.excel.zip_guard import check_container, check_xml_part

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/spreadsheetml/main"


def sniff(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> str:
    """'xlsx', 'csv' - or a located refusal saying what the file is instead."""
    if not path.exists():
        raise UnreadableFileError("there is no such file", file=path)
    if not path.is_file():
        raise UnreadableFileError("this is a folder, not a file", file=path)
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise LimitExceededError(
            f"the file has {size:,} bytes, more than the limit of {limits.max_file_bytes:,}",
            file=path,
        )
    if size == 0:
        raise UnreadableFileError("the file is empty", file=path)
    with path.open("rb") as handle:
        head = handle.read(8)
        if head.startswith(OLE2_MAGIC):
            handle.seek(0)
            body = handle.read(min(size, 4 * 1024 * 1024))
            if any(marker in body for marker in _ENCRYPTED_STREAMS):
                raise UnreadableFileError(
                    "the workbook is password-protected (encrypted); open it in Excel, remove "
                    "the password and save it again, then import that copy",
                    file=path,
                )
            raise UnreadableFileError(
                "this is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV and import that",
                file=path,
            )
    if head.startswith(ZIP_MAGIC):
        return "xlsx"
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xltx"):
        raise UnreadableFileError(
            "the file is called .xlsx but is not a workbook (it is not a zip package); "
            "it may be damaged or truncated",
            file=path,
        )
    return "csv"


def read_file(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> list[RawSheet]:
    """Every sheet of a workbook (visible or not), or the one table of a CSV file."""
    path = Path(path)
    if sniff(path, limits) == "xlsx":
        return _read_xlsx(path, limits)
    return [read_csv(path, limits)]


# ---------------------------------------------------------------------- XLSX
def _read_xlsx(path: Path, limits: ReadLimits) -> list[RawSheet]:
    members = check_container(path, limits)
    names = {member.filename: member for member in members}
    if "xl/workbook.bin" in names:
        raise UnreadableFileError(
            "this is a binary workbook (.xlsb); save it as .xlsx or CSV and import that", file=path
        )
    if "mimetype" in names and "content.xml" in names:
        raise UnreadableFileError(
            "this is an OpenDocument spreadsheet; save it as .xlsx or CSV and import that",
            file=path,
        )
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise UnreadableFileError("this zip file is not an Excel workbook", file=path)
    for name, part in names.items():
        if name.endswith((".xml", ".rels")) and not name.startswith("xl/worksheets/"):
            check_xml_part(path, part)
    strict = STRICT_NAMESPACE in b"".join(_head(path, names["xl/workbook.xml"]))
    workbook = _open_calamine(path)
    sheet_names = list(workbook.sheet_names)
    if len(sheet_names) > limits.max_sheets:
        raise LimitExceededError(
            f"the workbook has {len(sheet_names)} sheets, more than the limit of "
            f"{limits.max_sheets}",
            file=path,
        )
    parts = _sheet_parts(path, names)
    sheets = []
    for index, name in enumerate(sheet_names):
        member: zipfile.ZipInfo | None = names.get(parts.get(name, "")) or names.get(
            f"xl/worksheets/sheet{index + 1}.xml"
        )
        sheets.append(
            _read_sheet(
                path,
                workbook=workbook,
                name=name,
                member=member,
                limits=limits,
                strict=strict,
            )
        )
    if not sheets:
        raise UnreadableFileError("the workbook has no sheets that can be read", file=path)
    return sheets


def _head(path: Path, member: zipfile.ZipInfo) -> Iterator[bytes]:
    from abm_planner.excel.zip_guard import inflate

    yield from inflate(path, member)


def _open_calamine(path: Path) -> Any:
    import python_calamine

    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise UnreadableFileError("the workbook is password-protected", file=path) from None
    except Exception as error:  # noqa: BLE001 - calamine's errors vary by format and version
        raise UnreadableFileError(f"the workbook cannot be read ({error})", file=path) from None
    except BaseException as error:  # noqa: BLE001 - calamine panics are BaseExceptions
        raise _panic(error, path, None) from None


def _panic(error: BaseException, path: Path, sheet: str | None) -> BaseException:
    """calamine's Rust panics arrive as PanicException, a BaseException; others pass."""
    if type(error).__name__ != "PanicException":
        return error
    return UnreadableFileError(
        f"the workbook's contents are malformed and cannot be read ({error})",
        file=path,
        sheet=sheet,
    )


def _sheet_parts(path: Path, names: dict[str, zipfile.ZipInfo]) -> dict[str, str]:
    """Sheet name -> its XML part, from workbook.xml and its relationships (no DTDs: checked)."""
    import re

    workbook = b"".join(_head(path, names["xl/workbook.xml"]))
    rels_member = names.get("xl/_rels/workbook.xml.rels")
    rels = b"".join(_head(path, rels_member)) if rels_member else b""
    targets = {
        match.group(1): match.group(2)
        for match in re.finditer(
            rb'<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"', rels
        )
    }
    targets |= {
        match.group(2): match.group(1)
        for match in re.finditer(
            rb'<Relationship\b[^>]*?\bTarget="([^"]+)"[^>]*?\bId="([^"]+)"', rels
        )
    }
    parts = {}
    for match in re.finditer(rb"<(?:\w+:)?sheet\b([^>]*)/?>", workbook):
        attributes = match.group(1)
        name = re.search(rb'\bname="([^"]*)"', attributes)
        rel = re.search(rb'\br:id="([^"]*)"|\b\w+:id="([^"]*)"', attributes)
        if not name or not rel:
            continue
        target = targets.get(rel.group(1) or rel.group(2), b"").decode("utf-8", "replace")
        target = target.lstrip("/")
        if not target.startswith("xl/"):
            target = "xl/" + target
        import html

        parts[html.unescape(name.group(1).decode("utf-8", "replace"))] = target
    return parts


def _read_sheet(
    path: Path,
    *,
    workbook: Any,
    name: str,
    member: zipfile.ZipInfo | None,
    limits: ReadLimits,
    strict: bool,
) -> RawSheet:
    started = time.monotonic()
    facts = check_xml_part(path, member, sheet=name) if member is not None else None
    notes = ["Strict Open XML workbook"] if strict else []
    if facts is not None:
        if facts.last_row > limits.max_rows:
            raise LimitExceededError(
                f"the sheet reaches row {facts.last_row:,}, beyond the limit of "
                f"{limits.max_rows:,}",
                file=path,
                sheet=name,
            )
        area = facts.last_row * facts.last_column
        if area > limits.max_cells:
            raise LimitExceededError(
                f"the sheet's used range is {facts.last_row:,} rows × {facts.last_column:,} "
                f"columns, more than the limit of {limits.max_cells:,} cells",
                file=path,
                sheet=name,
            )
    try:
        sheet = workbook.get_sheet_by_name(name)
        start = sheet.start
        end = sheet.end
    except Exception as error:  # noqa: BLE001 - calamine's errors vary by format and version
        raise UnreadableFileError(
            f"the sheet cannot be read ({error})", file=path, sheet=name
        ) from None
    except BaseException as error:
        if type(error).__name__ != "PanicException":
            raise
        return _read_sheet_slowly(path, name, facts, notes=notes, started=started, limits=limits)
    last_row = end[0] + 1 if end else 0
    if facts is not None and last_row < facts.last_row:
        raise UnreadableFileError(
            f"the sheet has values down to row {facts.last_row:,} but only {last_row:,} rows "
            "could be read; rows would be lost, so nothing was imported",
            file=path,
            sheet=name,
        )
    check_time(path, name, started, limits)
    formulas = frozenset(facts.formula_cells) if facts else frozenset()
    rows = _calamine_rows(
        path,
        name,
        sheet,
        column_offset=start[1] if start else 0,
        started=started,
        limits=limits,
    )
    return RawSheet(path, name, rows, formulas, notes, row_count=last_row)


def _calamine_rows(
    path: Path, name: str, sheet: Any, *, column_offset: int, started: float, limits: ReadLimits
) -> Iterator[list[Any]]:
    padding = [""] * column_offset
    try:
        for number, row in enumerate(sheet.iter_rows(), start=1):
            if number % TIME_CHECK_ROWS == 0:
                check_time(path, name, started, limits)
            yield padding + row if column_offset else row
    except SpreadsheetError:
        raise
    except Exception as error:  # noqa: BLE001 - calamine's errors vary by format and version
        raise UnreadableFileError(
            f"the sheet cannot be read ({error})", file=path, sheet=name
        ) from None
    except BaseException as error:  # noqa: BLE001 - calamine panics are BaseExceptions
        raise _panic(error, path, name) from None


def assert_xml_hardening() -> None:
    """openpyxl must parse through defusedxml (installed with this app) before it reads a file."""
    import openpyxl

    if not openpyxl.DEFUSEDXML:
        raise RuntimeError("defusedxml is not installed; refusing to parse untrusted workbooks")


def _read_sheet_slowly(
    path: Path, name: str, facts: Any, *, notes: list[str], started: float, limits: ReadLimits
) -> RawSheet:
    """openpyxl's streaming reader, for a sheet python-calamine could not parse."""
    assert_xml_hardening()
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        sheet = book[name]
        sheet.reset_dimensions()  # never trust the file's own <dimension>
        rows = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
    except Exception as error:  # noqa: BLE001 - any parser failure is a damaged file here
        raise UnreadableFileError(
            f"the sheet cannot be read ({error})", file=path, sheet=name
        ) from None
    if facts is not None and len(rows) < facts.last_row:
        raise UnreadableFileError(
            f"the sheet has values down to row {facts.last_row:,} but only {len(rows):,} rows "
            "could be read; rows would be lost, so nothing was imported",
            file=path,
            sheet=name,
        )
    check_time(path, name, started, limits)
    formulas = frozenset(facts.formula_cells) if facts else frozenset()
    return RawSheet(
        path, name, iter(rows), formulas, [*notes, "read with the fallback reader"], len(rows)
    )
