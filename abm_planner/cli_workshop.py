"""The snapshot commands: ``snapshot``, ``snapshots`` and ``changes``.

Kept beside ``cli.py`` so the shared command file only registers them. Snapshots live
inside the plan file; ``changes`` compares the plan with one of them.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from abm_planner.errors import NotFoundError
from abm_planner.store.plan_location import plan_argument

EXIT_OK = 0
COMMANDS = ("snapshot", "snapshots", "changes")


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def _cmd_snapshot(args: argparse.Namespace) -> int:
    from abm_planner.services.plan_snapshots import take_snapshot
    from abm_planner.services.plans import open_plan

    plan = open_plan(args.plan)
    try:
        info = take_snapshot(plan, args.label)
    finally:
        plan.close()
    print(
        f"Snapshot “{info.label}” taken: {info.record_count:,} records, "
        f"{_megabytes(info.size)} inside the plan."
    )
    return EXIT_OK


def _cmd_snapshots(args: argparse.Namespace) -> int:
    from abm_planner.services.plan_snapshots import list_snapshots
    from abm_planner.services.plans import open_plan

    plan = open_plan(args.plan, read_only=True)
    try:
        with plan.read() as session:
            snapshots = list_snapshots(session)
    finally:
        plan.close()
    if args.json:
        rows = [
            {
                "label": s.label,
                "kind": s.kind,
                "taken_at": s.taken_at.isoformat(timespec="seconds"),
                "records": s.record_count,
                "schema_revision": s.schema_revision,
            }
            for s in snapshots
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif not snapshots:
        print("This plan has no snapshots yet; take one with 'abm-planner snapshot PLAN LABEL'.")
    else:
        for s in snapshots:
            kind = "" if s.kind == "manual" else f"  ({s.kind.replace('_', ' ')})"
            print(f"{s.taken_at:%Y-%m-%d %H:%M}  {s.label}  {s.record_count:,} records{kind}")
    return EXIT_OK


def _account_names(plan: Any, wanted: list[str], report: Any) -> set[str]:
    """The accounts asked for: by the plan's names, or removed ones by the snapshot's."""
    from abm_planner.services.dmu_analysis import find_account

    in_report = {
        item["account"]
        for kind in ("added", "changed", "removed")
        for item in getattr(report, kind)
        if item["account"]
    }
    names = set()
    for name in wanted:
        try:
            names.add(find_account(plan, name)[1])
        except NotFoundError:
            matches = [n for n in in_report if n.casefold() == " ".join(name.split()).casefold()]
            if not matches:
                raise NotFoundError(
                    f"No account is called '{name}' in the plan or among its changes."
                ) from None
            names.update(matches)
    return names


def _cmd_changes(args: argparse.Namespace) -> int:
    from abm_planner.services.plan_changes import changes_since, format_changes
    from abm_planner.services.plans import open_plan

    plan = open_plan(args.plan, read_only=True)
    try:
        report = changes_since(plan, args.since)
        if args.account:
            report = report.only_accounts(_account_names(plan, args.account, report))
    finally:
        plan.close()
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        print(format_changes(report))
    return EXIT_OK


def add_workshop_commands(commands: Any) -> None:
    """Register the snapshot commands on ``abm-planner``'s subparsers."""
    snapshot = commands.add_parser(
        "snapshot", help="keep the plan as it is now under a label, inside the plan file"
    )
    snapshot.add_argument("plan", type=plan_argument, metavar="PLAN")
    snapshot.add_argument("label", metavar="LABEL")
    snapshot.set_defaults(handler=_cmd_snapshot)

    snapshots = commands.add_parser("snapshots", help="list the plan's snapshots")
    snapshots.add_argument("plan", type=plan_argument, metavar="PLAN")
    snapshots.add_argument("--json", action="store_true", help="machine-readable output")
    snapshots.set_defaults(handler=_cmd_snapshots)

    changes = commands.add_parser(
        "changes", help="what was added, removed and changed since a snapshot, per account"
    )
    changes.add_argument("plan", type=plan_argument, metavar="PLAN")
    changes.add_argument("--since", required=True, metavar="LABEL", help="the snapshot's label")
    changes.add_argument(
        "--account", action="append", metavar="NAME", help="only this account (repeatable)"
    )
    changes.add_argument(
        "--json", action="store_true", help="an object with added, changed and removed lists"
    )
    changes.set_defaults(handler=_cmd_changes)
