"""The ``abm-planner`` command: plan files from the shell, or the GUI with no command.

Non-GUI commands never import Qt. A mistake the user can fix prints one line to
stderr and exits 2; success exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from abm_planner import __version__
from abm_planner.cli_password import run_asking_for_passwords
from abm_planner.errors import UserError
from abm_planner.store.plan_location import display_location, plan_argument

EXIT_OK = 0
EXIT_USER_ERROR = 2
PROG = "abm-planner"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line, like every other user error."""

    def error(self, message: str) -> NoReturn:
        raise UserError(f"{message} (see '{self.prog} --help')")


def _cmd_new(args: argparse.Namespace) -> int:
    from abm_planner.services.plans import create_plan

    plan = create_plan(args.plan, args.name, overwrite=args.force)
    plan.close()
    print(f"Created {args.plan}")
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from abm_planner.services.demo import create_demo_plan
    from abm_planner.services.summary import format_summary, plan_summary

    started = time.perf_counter()
    report: Callable[[int, int], None] | None = None
    if args.scale and sys.stderr.isatty():

        def report(done: int, total: int) -> None:
            print(f"\r  {done:,} / {total:,} accounts", end="", file=sys.stderr, flush=True)

    plan = create_demo_plan(
        args.plan, scale=args.scale, seed=args.seed, overwrite=args.force, progress=report
    )
    if report:
        print(file=sys.stderr)
    try:
        if not args.quiet:
            print(format_summary(plan_summary(plan)))
            print(f"\nWritten in {time.perf_counter() - started:.1f} s.")
    finally:
        plan.close()
    return EXIT_OK


def _cmd_summary(args: argparse.Namespace) -> int:
    from abm_planner.services.plans import open_plan
    from abm_planner.services.summary import format_summary, plan_summary

    plan = open_plan(args.plan, read_only=True)
    try:
        summary = plan_summary(plan)
    finally:
        plan.close()
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(format_summary(summary))
    return EXIT_OK


ANALYZE_CHUNK = 500


def _cmd_analyze(args: argparse.Namespace) -> int:
    from abm_planner.services.dmu_analysis import (
        accounts_by_name,
        analyse_accounts,
        analysis_as_json,
        find_account,
        format_analyses,
    )
    from abm_planner.services.plans import open_plan
    from abm_planner.services.play_checks import check_accounts, checks_json, checks_text

    plan = open_plan(args.plan, read_only=True)
    try:
        wanted = None if args.account is None else [find_account(plan, args.account)[0]]
        order = [account_id for account_id, _name in accounts_by_name(plan, wanted)]
        progress = _analysis_progress(len(order)) if wanted is None else None
        # Accounts go in chunks, JSON is written as each chunk is done: memory stays
        # bounded by a chunk, not the portfolio.
        first = True
        if args.json:
            print("[", end="")
        analyses_for_text = []
        for start in range(0, len(order), ANALYZE_CHUNK):
            chunk = order[start : start + ANALYZE_CHUNK]
            analyses = analyse_accounts(plan, chunk, progress=progress and progress(start))
            found = check_accounts(plan, chunk, analyses=analyses, uuid_ids=False)
            checks = {c.account_id: c for c in found}
            if not args.json:
                analyses_for_text += [(a, checks.get(a.account_id)) for a in analyses]
                continue
            for analysis in analyses:
                item = analysis_as_json(analysis) | checks_json(checks.get(analysis.account_id))
                text = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n  ")
                print(("\n  " if first else ",\n  ") + text, end="")
                first = False
    finally:
        plan.close()
    if progress:
        print(file=sys.stderr)
    if args.json:
        print("\n]" if not first else "]")
    else:
        analyses = [a for a, _c in analyses_for_text]
        notes = {a.account_id: checks_text(c) for a, c in analyses_for_text if c is not None}
        print(format_analyses(analyses, notes))
    return EXIT_OK


def _analysis_progress(total: int) -> Callable[[int], Callable[[int, int], None]] | None:
    """Per-chunk progress callbacks that count across chunks (only on a terminal)."""
    if not sys.stderr.isatty():
        return None

    def for_chunk(offset: int) -> Callable[[int, int], None]:
        def report(done: int, _chunk_total: int) -> None:
            print(
                f"\r  {offset + done:,} / {total:,} accounts", end="", file=sys.stderr, flush=True
            )

        return report

    return for_chunk


def _stderr_progress(noun: str) -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> None:
        print(f"\r  {done:,} / {total:,} {noun}", end="", file=sys.stderr, flush=True)

    return report


def _map_images(plan: Any, accounts: list[str] | None) -> dict[Any, bytes]:
    """--with-map: the accounts' DMU maps drawn off screen (Qt is imported only here)."""
    from abm_planner.services.excel_io import resolve_accounts

    if not accounts:
        raise UserError("--with-map needs --account NAME: the maps go with an export per account.")
    ids = resolve_accounts(plan, accounts)
    from abm_planner.gui.views.dmu_map.map_image import MAX_MAP_ACCOUNTS, render_offscreen

    if len(ids) > MAX_MAP_ACCOUNTS:
        raise UserError(f"--with-map draws the maps of at most {MAX_MAP_ACCOUNTS} accounts.")
    return render_offscreen(plan, ids)


def _cmd_export(args: argparse.Namespace) -> int:
    from abm_planner.services.excel_io import export_plan
    from abm_planner.services.plans import open_plan

    report = _stderr_progress("rows")
    plan = open_plan(args.plan, read_only=True)
    try:
        images = _map_images(plan, args.account) if args.with_map else None
        result = export_plan(
            plan,
            args.out,
            args.account or None,
            include_findings=not args.no_findings,
            images=images,
            progress=report,
        )
    finally:
        plan.close()
    if report:
        print(file=sys.stderr)
    sheets = ", ".join(f"{name} {rows:,}" for name, rows in result.rows.items())
    print(f"Wrote {result.path} in {result.seconds:.1f} s: {sheets}")
    for note in result.notes:
        print(f"Note: {note}")
    for cell in result.truncated[:10]:
        print(
            f"Note: {cell.sheet} row {cell.row}, {cell.column}: {cell.length:,} characters, "
            "Excel keeps the first 32,767"
        )
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from abm_planner.excel.preview_text import (
        applied_text,
        conflicts_text,
        format_preview,
        skipped_text,
    )
    from abm_planner.services.excel_io import apply_import, preview_import
    from abm_planner.services.plans import open_plan

    plan = open_plan(args.plan, read_only=args.dry_run)
    try:
        preview = preview_import(plan, args.files, progress=_stderr_progress("rows"))
        if args.dry_run:
            print(format_preview(preview))
            preview.raise_if_blocked()
            return EXIT_OK
        from abm_planner.cli_backups import backup_before_import

        backup_before_import(plan)
        result = apply_import(plan, preview)
    finally:
        plan.close()
    done = applied_text(result.added, result.changed, result.deleted)
    print(f"Imported into {display_location(args.plan)}: {done}.")
    if result.skipped:
        print(skipped_text(result.skipped))
    conflicts = [c for c in preview.changes if c.conflict]
    if conflicts:
        print(conflicts_text(len(conflicts)))
    for issue in preview.warnings[:10]:
        print(f"Warning: {issue}")
    return EXIT_OK


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="ABM Planner: plan key accounts together, sales and marketing. "
        "Run with no command (or with a plan file) to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen in a temporary folder; one line, exit 0 or 1",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    new = commands.add_parser("new", help="create an empty plan with the default agreement")
    new.add_argument("plan", type=Path, metavar="PLAN")
    new.add_argument("--name", help="the plan's name (default: the file name)")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.set_defaults(handler=_cmd_new)

    demo = commands.add_parser("demo", help="write the demo plan, or a synthetic one at scale")
    demo.add_argument("plan", type=Path, metavar="PLAN")
    demo.add_argument("--scale", type=_positive, metavar="N", help="N synthetic accounts")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    demo.add_argument("--force", action="store_true", help="replace an existing file")
    demo.add_argument("--quiet", action="store_true", help="print nothing on success")
    demo.set_defaults(handler=_cmd_demo)

    summary = commands.add_parser("summary", help="print what a plan holds")
    summary.add_argument("plan", type=plan_argument, metavar="PLAN")
    summary.add_argument("--json", action="store_true", help="machine-readable output")
    summary.set_defaults(handler=_cmd_summary)

    analyze = commands.add_parser(
        "analyze", help="find the gaps in each account's decision-making unit"
    )
    analyze.add_argument("plan", type=plan_argument, metavar="PLAN")
    analyze.add_argument("--account", metavar="NAME", help="only the account of this name")
    analyze.add_argument("--json", action="store_true", help="machine-readable output")
    analyze.set_defaults(handler=_cmd_analyze)

    export = commands.add_parser("export", help="write the plan as an Excel workbook")
    export.add_argument("plan", type=plan_argument, metavar="PLAN")
    export.add_argument("out", type=Path, metavar="OUT.xlsx")
    export.add_argument(
        "--account", action="append", metavar="NAME", help="only this account (repeatable)"
    )
    export.add_argument("--no-findings", action="store_true", help="leave out the DMU findings")
    export.add_argument(
        "--with-map",
        action="store_true",
        help="add a sheet with each --account's DMU map picture (draws it with Qt, off screen)",
    )
    export.set_defaults(handler=_cmd_export)

    import_ = commands.add_parser(
        "import", help="import CRM exports (CSV/XLSX) or an edited export workbook"
    )
    import_.add_argument("plan", type=plan_argument, metavar="PLAN")
    import_.add_argument("files", type=Path, nargs="+", metavar="FILE")
    import_.add_argument(
        "--dry-run", action="store_true", help="print the mapping and the changes; write nothing"
    )
    import_.set_defaults(handler=_cmd_import)

    from abm_planner.cli_team import add_team_commands

    add_team_commands(commands)

    from abm_planner.cli_sync import add_sync_command

    add_sync_command(commands)

    from abm_planner.cli_workshop import add_workshop_commands

    add_workshop_commands(commands)

    from abm_planner.cli_backups import add_backup_commands

    add_backup_commands(commands)

    from abm_planner.cli_report import add_report_command

    add_report_command(commands)
    return parser


def _run_gui(argv: Sequence[str]) -> int:
    from abm_planner.gui.app import main as gui_main

    return gui_main(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    subcommands = {"new", "demo", "summary", "analyze", "export", "import", "server", "copy"}
    subcommands |= {"sync"}  # cli_sync.py
    subcommands |= {"snapshot", "snapshots", "changes"}  # cli_workshop.py
    subcommands |= {"backups", "restore"}  # cli_backups.py
    subcommands |= {"report"}  # cli_report.py
    try:
        if not args_list or (args_list[0] not in subcommands and not args_list[0].startswith("-")):
            return _run_gui(args_list)
        args = parser.parse_args(args_list)
        if args.self_test:
            from abm_planner.self_test import run_self_test

            return run_self_test()
        if args.command is None:
            return _run_gui([])
        return run_asking_for_passwords(lambda: int(args.handler(args)))
    except UserError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
