"""Excel export and import at benchmark scale, measured side by side in one run.

    python benchmarks/bench_excel.py [--scale N] [--keep] [--out DIR] [--rows N]

Export: the scale plan (5,000 accounts, 100,000 stakeholders, 200,000 plays) is
exported by ``export_plan`` and, for comparison, the very same cells (dumped
from the export's own queries beforehand) are written bare by openpyxl's
write-only mode and by XlsxWriter's constant-memory mode. Each runs in a fresh
process; the times compared are those measured inside each process around the
writing itself (the bare writers get their cells from memory, the export reads
the plan file as well), peak memory is the child's own (``os.wait4``). Target:
export within 1.5x the faster bare writer, below 1 GB.

Import: a 100,000-row contacts export (CSV, and the same as XLSX) into a plan
holding their 5,000 accounts, preview plus apply. Target: below 10 s each.

Prints a table and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXPORT_RATIO = 1.5
EXPORT_PEAK_MB = 1000.0
IMPORT_SECONDS = 10.0
CHUNK = 10_000


# ---------------------------------------------------------------------- children
def child_export(plan_path: str, out: str, findings: str) -> dict[str, Any]:
    from abm_planner.services.excel_io import export_plan
    from abm_planner.services.plans import open_plan

    plan = open_plan(plan_path, read_only=True)
    started = time.perf_counter()
    result = export_plan(plan, out, include_findings=findings == "yes")
    seconds = time.perf_counter() - started
    plan.close()
    return {"seconds": seconds, "rows": result.rows}


def child_dump(plan_path: str, dump: str) -> dict[str, Any]:
    """The cells of every data sheet, exactly as the export produces them, pickled by chunk."""
    from datetime import date, timedelta

    from abm_planner.excel import export_activity as activity
    from abm_planner.excel import export_layout as layout
    from abm_planner.excel.export_data import ExportData
    from abm_planner.excel.export_records import account_rows, stakeholder_rows
    from abm_planner.services.plans import open_plan

    plan = open_plan(plan_path, read_only=True)
    cells = 0
    with plan.read() as session, open(dump, "wb") as handle:  # noqa: PTH123 - plain file
        data = ExportData(session)
        today = date.today()
        start = today - timedelta(days=today.weekday()) - timedelta(weeks=4)
        window_end = start + timedelta(weeks=layout.TIMELINE_WEEKS)
        specs = layout.sheet_specs(data.criteria(), data.solutions())
        sources = {
            layout.ACCOUNTS: account_rows(data, data.criteria()),
            layout.STAKEHOLDERS: stakeholder_rows(data),
            layout.RELATIONSHIPS: data.relationships(),
            layout.PLAYS: activity.plays(data),
            layout.TOUCHES: activity.touches(data),
            layout.OBJECTIVES: activity.objectives(data),
            layout.WHITESPACE: activity.whitespace(data, data.solutions()),
            layout.PLAY_LIBRARY: activity.play_library(data),
            layout.TIMELINE: (
                r
                for r in activity.timeline(data, start, window_end)
                if r[3] < window_end and r[4] >= start
            ),
        }
        for name, rows in sources.items():
            spec = specs.get(name)
            header = (
                [c.header for c in spec.columns]
                if spec
                else ["Account", "Play", "Status", "Start", "End"]
            )
            pickle.dump(("sheet", name, header), handle)
            chunk: list[list[Any]] = []
            for row in rows:
                chunk.append(list(row))
                cells += sum(1 for v in row if v is not None and v != "")
                if len(chunk) == CHUNK:
                    pickle.dump(("rows", chunk), handle)
                    chunk = []
            pickle.dump(("rows", chunk), handle)
    plan.close()
    return {"cells": cells}


def _chunks(dump: str) -> Iterator[tuple[str, Any, Any]]:
    with open(dump, "rb") as handle:  # noqa: PTH123 - plain file
        while True:
            try:
                item = pickle.load(handle)
            except EOFError:
                return
            yield item[0], item[1], item[2] if len(item) > 2 else None


def child_bare(writer: str, dump: str, out: str) -> dict[str, Any]:
    writing = 0.0
    if writer == "xlsxwriter":
        import xlsxwriter

        book = xlsxwriter.Workbook(
            out, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        sheet, row_number = None, 0
        for kind, first, second in _chunks(dump):
            started = time.perf_counter()
            if kind == "sheet":
                sheet, row_number = book.add_worksheet(first[:31]), 0
                sheet.write_row(0, 0, second)
            else:
                for offset, row in enumerate(first, start=1):
                    sheet.write_row(row_number + offset, 0, row)
                row_number += len(first)
            writing += time.perf_counter() - started
        started = time.perf_counter()
        book.close()
    else:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = None
        for kind, first, second in _chunks(dump):
            started = time.perf_counter()
            if kind == "sheet":
                sheet = book.create_sheet(first[:31])
                sheet.append(second)
            else:
                for row in first:
                    sheet.append(row)
            writing += time.perf_counter() - started
        started = time.perf_counter()
        book.save(out)
    writing += time.perf_counter() - started
    return {"seconds": writing}


def child_import(plan_path: str, accounts: str, contacts: str) -> dict[str, Any]:
    from abm_planner.services.excel_io import apply_import, preview_import
    from abm_planner.services.plans import create_plan

    Path(plan_path).unlink(missing_ok=True)
    plan = create_plan(plan_path)
    apply_import(plan, preview_import(plan, [accounts]))
    started = time.perf_counter()
    preview = preview_import(plan, [contacts])
    result = apply_import(plan, preview)
    seconds = time.perf_counter() - started
    plan.close()
    return {"seconds": seconds, "added": result.added.get("stakeholder", 0)}


def child_upgrade(plan_path: str) -> dict[str, Any]:
    """Open a kept plan once with write access, so a newer schema upgrades it (untimed)."""
    from abm_planner.services.plans import open_plan

    open_plan(plan_path).close()
    return {}


CHILDREN = {
    "export": child_export,
    "dump": child_dump,
    "bare": child_bare,
    "import": child_import,
    "upgrade": child_upgrade,
}


# ---------------------------------------------------------------------- runner
def run_child(*args: str) -> tuple[dict[str, Any], float, float | None]:
    """Run this script as a child doing one job; its result, wall time and peak memory (MB)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", *args]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT)
    peak = None
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024) / 1e6
    else:
        process.wait()
    seconds = time.perf_counter() - started
    output = process.stdout.read().decode() if process.stdout else ""
    if process.returncode != 0:
        raise SystemExit(f"child {args[0]} failed ({process.returncode})")
    return json.loads(output.strip().splitlines()[-1]), seconds, peak


def make_contacts(folder: Path, rows: int, accounts: int) -> tuple[Path, Path, Path]:
    """An accounts file and a contacts export with Salesforce API names, as CSV and XLSX."""
    import csv

    import xlsxwriter

    account_file = folder / "bench accounts.csv"
    with account_file.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Id", "Name", "Industry", "AnnualRevenue", "NumberOfEmployees"])
        for n in range(accounts):
            out.writerow([f"001BENCH{n:010d}", f"Bench Account {n:05d}", "Retail", n * 1000, 50])
    header = [
        "Id",
        "FirstName",
        "LastName",
        "AccountId",
        "Title",
        "Email",
        "Phone",
        "Department",
        "Buying Role",
        "ReportsToId",
        "MailingCity",
        "LeadSource",
    ]
    roles = ["Champion", "Budget Holder;Influencer", "End User", "", "Decision Maker"]

    def contact(n: int) -> list[Any]:
        account = n % accounts
        boss = f"003BENCH{(n - n % 20):010d}" if n % 20 else ""
        return [
            f"003BENCH{n:010d}",
            f"First{n}",
            f"Last{n % 977}",
            f"001BENCH{account:010d}",
            "Engineer",
            f"person{n}@bench{account}.example",
            f"+49 221 {n}",
            "IT",
            roles[n % len(roles)],
            boss,
            "Köln",
            "Web",
        ]

    csv_file = folder / "bench contacts.csv"
    with csv_file.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(header)
        out.writerows(contact(n) for n in range(rows))
    xlsx_file = folder / "bench contacts.xlsx"
    book = xlsxwriter.Workbook(str(xlsx_file), {"constant_memory": True})
    sheet = book.add_worksheet("Contacts")
    sheet.write_row(0, 0, header)
    for n in range(rows):
        sheet.write_row(n + 1, 0, contact(n))
    book.close()
    return account_file, csv_file, xlsx_file


Row = tuple[str, float | None, str, str, str]


def measure_export(args: argparse.Namespace, out: Path) -> list[Row]:
    """The export beside the bare writers, on the same cells."""
    rows: list[Row] = []
    plan = out / f"excel-scale-{args.scale}.abmplan"
    if not (args.keep and plan.exists()):
        print(f"Building the scale plan of {args.scale:,} accounts ...", file=sys.stderr)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "abm_planner",
                "demo",
                str(plan),
                "--scale",
                str(args.scale),
                "--force",
                "--quiet",
            ],
            check=True,
            cwd=ROOT,
        )
    else:
        run_child("upgrade", str(plan))  # a plan kept from before a migration
    dump = out / "excel-cells.pickle"
    print("Dumping the export's cells for the bare writers ...", file=sys.stderr)
    dumped, _, _ = run_child("dump", str(plan), str(dump))

    exported, _, export_peak = run_child("export", str(plan), str(out / "export.xlsx"), "no")
    bare = {}
    for writer in ("xlsxwriter", "openpyxl"):
        result, _, peak = run_child("bare", writer, str(dump), str(out / f"bare-{writer}.xlsx"))
        bare[writer] = (result["seconds"], peak)
    with_findings, _, findings_peak = run_child(
        "export", str(plan), str(out / "export-f.xlsx"), "yes"
    )
    dump.unlink(missing_ok=True)
    fastest = min(seconds for seconds, _ in bare.values())
    ratio = exported["seconds"] / fastest
    cells = dumped["cells"]
    rows.append(
        (
            "bare XlsxWriter constant_memory",
            bare["xlsxwriter"][0],
            "s",
            "-",
            f"{cells:,} cells, peak {bare['xlsxwriter'][1] or 0:.0f} MB",
        )
    )
    rows.append(
        (
            "bare openpyxl write-only",
            bare["openpyxl"][0],
            "s",
            "-",
            f"peak {bare['openpyxl'][1] or 0:.0f} MB",
        )
    )
    rows.append(
        (
            "export_plan (no findings)",
            exported["seconds"],
            "s",
            "-",
            f"{sum(exported['rows'].values()):,} rows",
        )
    )
    rows.append(
        (
            "export / fastest bare",
            ratio,
            "x",
            f"< {EXPORT_RATIO}",
            "PASS" if ratio < EXPORT_RATIO else "FAIL",
        )
    )
    rows.append(
        (
            "export peak memory",
            export_peak,
            "MB",
            f"< {EXPORT_PEAK_MB:.0f}",
            "PASS" if export_peak is None or export_peak < EXPORT_PEAK_MB else "FAIL",
        )
    )
    rows.append(
        (
            "export_plan with DMU findings",
            with_findings["seconds"],
            "s",
            "-",
            f"{with_findings['rows'].get('Findings', 0):,} findings, peak "
            f"{findings_peak or 0:.0f} MB",
        )
    )

    return rows


def measure_import(args: argparse.Namespace, out: Path) -> list[Row]:
    """100,000 contacts into a plan holding their accounts, as CSV and as XLSX."""
    rows: list[Row] = []
    print(f"Writing {args.rows:,} contacts as CSV and XLSX ...", file=sys.stderr)
    accounts_file, csv_file, xlsx_file = make_contacts(out, args.rows, args.scale)
    for label, source in (("CSV", csv_file), ("XLSX", xlsx_file)):
        target = out / f"import-{label.lower()}.abmplan"
        result, wall, peak = run_child("import", str(target), str(accounts_file), str(source))
        ok = result["seconds"] < IMPORT_SECONDS and result["added"] == args.rows
        rows.append(
            (
                f"import {args.rows:,} contacts ({label})",
                result["seconds"],
                "s",
                f"< {IMPORT_SECONDS:.0f}",
                f"{'PASS' if ok else 'FAIL'} ({result['added']:,} added, peak "
                f"{peak or 0:.0f} MB, process {wall:.1f} s)",
            )
        )
        target.unlink(missing_ok=True)

    return rows


def register_excel_benchmarks(runner: Any) -> None:
    """Add export and import to ``run.py``'s table (``make bench``)."""
    if any(b.name in ("excel-export", "excel-import") for b in runner.BENCHMARKS):
        return

    def as_measurements(rows: list[Row]) -> list[Any]:
        # Rows without a target ("-") are shown for comparison with an infinite limit.
        measurements = []
        for name, value, unit, target, _note in rows:
            limit = float(target.lstrip("< ")) if target.startswith("<") else float("inf")
            measurements.append(runner.Measurement(name, value, limit, unit))
        return measurements

    def options(context: Any) -> argparse.Namespace:
        return argparse.Namespace(scale=context.scale, keep=context.keep, rows=100_000)

    @runner.register("excel-export")
    def export(context: Any) -> list[Any]:
        return as_measurements(measure_export(options(context), context.out))

    @runner.register("excel-import")
    def import_(context: Any) -> list[Any]:
        return as_measurements(measure_import(options(context), context.out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=5000)
    parser.add_argument("--rows", type=int, default=100_000, help="contacts to import")
    parser.add_argument("--keep", action="store_true", help="reuse an existing scale plan")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--only", choices=("export", "import"), help="run one half")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        job, *rest = args.child
        print(json.dumps(CHILDREN[job](*rest)))
        return 0

    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, float | None, str, str, str]] = []
    if args.only != "import":
        rows += measure_export(args, out)
    if args.only != "export":
        rows += measure_import(args, out)
    width = max(len(r[0]) for r in rows)
    print(f"\n{'measurement':<{width}}  {'value':>9}  unit  {'target':<8}  result")
    for name, value, unit, target, note in rows:
        shown = "-" if value is None else f"{value:9.2f}"
        print(f"{name:<{width}}  {shown:>9}  {unit:<4}  {target:<8}  {note}")
    failed = any("FAIL" in r[4] for r in rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
