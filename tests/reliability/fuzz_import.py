"""Mutated CSV and XLSX files through the importer: a clear error or a correct import.

``spreadsheets()`` is a hypothesis strategy of (file name, bytes, what was done to it):
valid CRM exports first, then broken the ways files arrive from customers — random
bytes, cut short, zip members reordered, dropped or garbled, huge cells, wrong types,
formulas, other encodings. ``import_case`` runs one through preview and apply on a plan
and says what happened; ``make reliability`` counts those outcomes, the fast tier
asserts that none is bad.
"""

from __future__ import annotations

import csv
import io
import shutil
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st
from plan_state import digest, integrity

from abm_planner.errors import UserError
from abm_planner.services.excel_io import apply_import, preview_import
from abm_planner.services.plans import open_plan

MAX_SECONDS = 20.0  # per file; the importer's own per-sheet limit is 120 s

ACCOUNT_HEADER = ["Id", "Name", "Industry", "AnnualRevenue", "NumberOfEmployees", "Website"]
CONTACT_HEADER = ["Id", "FirstName", "LastName", "AccountId", "Title", "Email", "Buying Role"]

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40)
_nasty = st.sampled_from(
    [
        '=HYPERLINK("http://evil.example","click")',
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r\n=1",
        "\x00",
        "'quoted",
        "1e309",
        "NaN",
        "-0",
        "9" * 40,
        "2026-02-30",
        "ﬁ\u200b\u202e",
        "\ufeffName",
    ]
)
_plain = st.from_regex(r"[A-Z][a-z]{1,12}( [A-Z][a-z]{1,12}){0,2}", fullmatch=True)
_cell = st.one_of(
    _plain, _plain, _plain, _text, _nasty, st.integers().map(str), st.floats().map(str)
)


@st.composite
def _rows(draw: st.DrawFn, header: list[str]) -> list[list[str]]:
    count = draw(st.integers(0, 12))
    rows = []
    for n in range(count):
        if header is ACCOUNT_HEADER:
            row = [f"001F{n:014d}", draw(_cell), draw(_cell), draw(_cell), draw(_cell), draw(_cell)]
        else:
            row = [
                f"003F{n:014d}",
                draw(_cell),
                draw(_cell),
                draw(st.sampled_from([f"001F{m:014d}" for m in range(3)] + ["", "nope"])),
                draw(_cell),
                draw(_cell),
                draw(st.sampled_from(["Champion", "Budget Holder;Influencer", "", "??"])),
            ]
        if draw(st.booleans()) and draw(st.booleans()):
            row = row[: draw(st.integers(0, len(row)))] + draw(st.lists(_cell, max_size=3))
        rows.append(row)
    if rows and len(rows[0]) > 1 and draw(st.integers(0, 9)) == 0:  # one huge cell
        rows[0][1] = draw(st.sampled_from(["x", "é", "🙂", "=A1&"])) * draw(
            st.sampled_from([40_000, 200_000, 2_000_000])
        )
    return rows


def _csv_bytes(header: list[str], rows: list[list[str]], encoding: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding, errors="replace")


def _xlsx_bytes(header: list[str], rows: list[list[str]], formulas: bool) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Accounts" if header is ACCOUNT_HEADER else "Contacts"
    sheet.append(header)
    for row in rows:
        cleaned = [
            "".join(ch for ch in value if ch >= " " or ch in "\t\n\r")[:32_000] for value in row
        ]
        if formulas and cleaned:
            cleaned[-1] = "=1/0"
        sheet.append([float(v) if _is_number(v) else v for v in cleaned])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return value.strip() == value and len(value) < 20


def _rezip(data: bytes, transform: str, draw: st.DrawFn) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    if transform == "reorder":
        members = draw(st.permutations(members))
    elif transform == "drop":
        members.pop(draw(st.integers(0, len(members) - 1)))
    elif transform == "garble":
        index = draw(st.integers(0, len(members) - 1))
        info, body = members[index]
        cut = draw(st.integers(0, len(body)))
        members[index] = (info, body[:cut] + draw(st.binary(max_size=64)) + body[cut + 8 :])
    elif transform == "bomb":
        info, _body = members[-1]
        members[-1] = (info, b"<" * 3_000_000)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, body in members:
            target.writestr(info.filename, body)
    return out.getvalue()


@st.composite
def spreadsheets(draw: st.DrawFn) -> tuple[str, bytes, str]:
    """(file name, contents, a short description of the mutation)."""
    header = draw(st.sampled_from([ACCOUNT_HEADER, CONTACT_HEADER]))
    rows = draw(_rows(header))
    kind = draw(st.sampled_from(["csv", "xlsx"]))
    if kind == "csv":
        encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]))
        data = _csv_bytes(header, rows, encoding)
        how = f"csv {encoding}"
    else:
        data = _xlsx_bytes(header, rows, formulas=draw(st.integers(0, 3)) == 0)
        how = "xlsx"
        transform = draw(st.sampled_from(["none", "none", "reorder", "drop", "garble", "bomb"]))
        if transform != "none":
            data = _rezip(data, transform, draw)
            how += f" {transform}"
    damage = draw(st.sampled_from(["none", "none", "none", "truncate", "flip", "random"]))
    if damage == "truncate" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif damage == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    elif damage == "random":
        data = draw(st.binary(max_size=4096))
    if damage != "none":
        how += f" {damage}"
    return f"fuzzed {kind}.{kind}", data, how


@dataclass
class CaseOutcome:
    how: str
    result: str  # "imported", "refused", "traceback", "partial", "slow", "corrupted"
    detail: str
    seconds: float


def import_case(template: Path, folder: Path, name: str, data: bytes, how: str) -> CaseOutcome:
    """Import one file into a copy of ``template`` in ``folder`` and judge the outcome."""
    plan_path = folder / "Fuzz target.abmplan"
    shutil.copyfile(template, plan_path)
    source = folder / name
    source.write_bytes(data)
    before = digest(plan_path)
    started = time.perf_counter()
    result, detail, written = "imported", "", 0
    plan = open_plan(plan_path)
    try:
        preview = preview_import(plan, [source])
        done = apply_import(plan, preview)
        written = sum(done.added.values()) + sum(done.changed.values())
    except UserError as error:
        result, detail = "refused", str(error)
    except Exception as error:  # noqa: BLE001 - a traceback is what the fuzzing looks for
        result, detail = "traceback", f"{type(error).__name__}: {error}"[:500]
    finally:
        plan.close()
    seconds = time.perf_counter() - started
    if result == "refused" and (not detail.strip() or "\n" in detail.strip()):
        result = "traceback"
        detail = f"not one clear sentence: {detail!r}"[:500]
    if integrity(plan_path) != "ok":
        result, detail = "corrupted", "integrity_check failed"
    elif result != "imported" and digest(plan_path) != before:
        result, detail = "partial", f"the plan changed although the import failed: {detail}"
    elif result == "imported" and (digest(plan_path) != before) != (written > 0):
        result, detail = "partial", f"the import reported {written} records but wrote otherwise"
    elif seconds > MAX_SECONDS:
        result, detail = "slow", f"{seconds:.1f} s"
    return CaseOutcome(how, result, detail, seconds)


BAD = ("traceback", "partial", "slow", "corrupted")
