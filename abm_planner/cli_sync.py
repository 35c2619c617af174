"""``abm-planner sync FILE``: bring an offline copy and its team plan together again.

Sends the edits made in the file, brings in the team's, and prints how many records
went each way. Conflicts (the same field changed on both sides, a deletion against
an edit) are listed and the command exits 3 with nothing changed, unless
``--prefer mine|theirs`` decides them all. A file that is no offline copy, or a
server that cannot be reached, is one sentence and exit 2, the file untouched.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_CONFLICTS = 3


def add_sync_command(commands: Any) -> None:
    """Register ``sync`` on the CLI's subcommand parsers."""
    sync = commands.add_parser(
        "sync",
        help="merge an offline copy with its team plan, both ways",
        description="Send the edits made in an offline copy to the team plan it was copied "
        "from and bring in the team's edits, record by record. Conflicts are listed and "
        "nothing changes (exit 3) unless --prefer decides them.",
    )
    sync.add_argument("file", type=Path, metavar="FILE", help="the offline copy (a plan file)")
    sync.add_argument(
        "--prefer",
        choices=("mine", "theirs"),
        help="decide every conflict for this file's value (mine) or the team plan's (theirs)",
    )
    sync.add_argument("--json", action="store_true", help="machine-readable output")
    sync.set_defaults(handler=run_sync)


def run_sync(args: argparse.Namespace) -> int:
    from abm_planner.services.plans import open_plan
    from abm_planner.services.sync import open_origin, sync

    plan = open_plan(args.file)
    try:
        server = open_origin(plan)
        try:
            report = sync(plan, server, prefer=args.prefer, progress=_progress())
        finally:
            server.close()
    finally:
        plan.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(report.as_json(), indent=2, ensure_ascii=False, default=str))
        return EXIT_CONFLICTS if report.unresolved else EXIT_OK
    if report.unresolved:
        print(
            f"{len(report.unresolved):,} conflict(s) between {args.file} and {report.origin}; "
            "nothing was changed. Decide them with --prefer mine|theirs, or one by one in "
            "the app (File ▸ Sync with team plan):"
        )
        print(format_conflicts(report.unresolved))
        return EXIT_CONFLICTS
    counts = f"sent {report.sent:,}, received {report.received:,}, merged {report.merged:,}"
    print(f"Synced {args.file} with {report.origin}: {counts} record(s).")
    if report.conflicts:
        print(
            f"{len(report.conflicts):,} conflict(s) decided for "
            f"{'this file' if args.prefer == 'mine' else 'the team plan'} (--prefer {args.prefer})."
        )
    return EXIT_OK


def format_conflicts(conflicts: list[Any]) -> str:
    """A plain-text table: table, record, field, mine, theirs."""
    header = ("TABLE", "RECORD", "FIELD", "MINE (this file)", "THEIRS (team plan)")
    rows = [header] + [
        (c.table, c.record, c.field or "(record)", c.mine, c.theirs) for c in conflicts
    ]
    widths = [min(max(len(_cell(row[i])) for row in rows), 40) for i in range(len(header))]
    lines = []
    for row in rows:
        cells = [_cell(value, widths[i]).ljust(widths[i]) for i, value in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _cell(value: str, width: int | None = None) -> str:
    text = " ".join(str(value).split())
    if width is not None and len(text) > width:
        return text[: width - 1] + "…"
    return text


def _progress() -> Any:
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> None:
        print(f"\r  syncing: {done} / {total} steps", end="", file=sys.stderr, flush=True)

    return report
