"""``abm-planner report PLAN OUT.pdf``: the workshop handout as a PDF, from the shell.

The pages are drawn with Qt off screen, so Qt is imported here only when the
command runs (other commands stay Qt-free). Bad input — an unknown account, a
missing or read-only folder — is one sentence and exit status 2, and leaves no
file behind (an existing handout of that name stays as it was).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from abm_planner.store.plan_location import plan_argument


def add_report_command(commands: Any) -> None:
    """Register ``report`` on ``abm-planner``'s subparsers."""
    report = commands.add_parser(
        "report", help="write the workshop handout: a PDF with a section per account"
    )
    report.add_argument("plan", type=plan_argument, metavar="PLAN")
    report.add_argument("out", type=Path, metavar="OUT.pdf")
    report.add_argument(
        "--account",
        action="append",
        metavar="NAME",
        help="only this account (repeatable; default: every account)",
    )
    report.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help="page size (default: a4)"
    )
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    from abm_planner.gui.report.report_data import resolve_names
    from abm_planner.services.plans import open_plan

    plan = open_plan(args.plan, read_only=True)
    try:
        ids = resolve_names(plan, args.account) if args.account else None
        from abm_planner.gui.report.report_writer import make_report

        result = make_report(plan, args.out, ids, paper=args.paper)
    finally:
        plan.close()
    accounts = "1 account" if result.accounts == 1 else f"{result.accounts} accounts"
    pages = "1 page" if result.pages == 1 else f"{result.pages} pages"
    sys.stdout.write(f"Wrote {result.path}: {accounts}, {pages} in {result.seconds:.1f} s\n")
    return 0
