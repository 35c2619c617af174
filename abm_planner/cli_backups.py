"""The rolling-backup commands: ``backups PLAN`` and ``restore PLAN BACKUP``.

Kept beside ``cli.py`` so the shared command file only registers them. The backups
themselves are taken by the app and by ``import`` (``abm_planner.services.backups``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from abm_planner.errors import NotFoundError, PlanFileError

if TYPE_CHECKING:
    from abm_planner.services.backups import BackupInfo

EXIT_OK = 0
COMMANDS = ("backups", "restore")


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def _count(value: int | None) -> str:
    return "?" if value is None else f"{value:,}"


def backup_before_import(plan: object) -> None:
    """Take a backup before ``import`` writes; a failure is a note, not a stop.

    The import is one transaction either way; the backup is what lets a person go
    back after an import they regret.
    """
    from abm_planner.services.backups import take_backup
    from abm_planner.services.plans import Plan

    if not isinstance(plan, Plan) or plan.path is None or plan.read_only:
        return  # a read-only plan: the import is refused anyway
    try:
        take_backup(plan, before="import")
    except PlanFileError as error:
        print(f"Note: {error}", file=sys.stderr)


def _cmd_backups(args: argparse.Namespace) -> int:
    from abm_planner.services.backups import backup_folder, list_backups
    from abm_planner.services.plans import open_plan

    plan = open_plan(args.plan, read_only=True)
    try:
        found = list_backups(plan)
        folder = backup_folder(plan)
    finally:
        plan.close()
    if not found:
        print(f"No backups of {args.plan.name} yet (they are kept in {folder}).")
        return EXIT_OK
    print(f"Backups of {args.plan.name}, newest first ({folder}):")
    for number, info in enumerate(found, start=1):
        print(
            f"{number:>3}  {info.taken_at:%Y-%m-%d %H:%M:%S}  {_size(info.size):>9}  "
            f"{_count(info.accounts)} accounts, {_count(info.stakeholders)} stakeholders"
            + (f"  ({info.reason.replace('-', ' ')})" if info.reason else "")
        )
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from abm_planner.services.backups import (
        list_backups,
        lock_holder_alive,
        restore_as_new,
        restore_over,
    )
    from abm_planner.services.plans import open_plan

    plan = open_plan(args.plan, read_only=args.as_new is not None)
    try:
        backup = _choose(args.backup, list_backups(plan))
        if args.as_new is not None:
            restore_as_new(backup, args.as_new)
            print(f"Restored {backup.name} as {args.as_new}.")
            return EXIT_OK
        if lock_holder_alive(args.plan):
            raise PlanFileError(
                f"{args.plan.name} is open in the app; close it there first, or use --as NEW."
            )
        before = restore_over(plan, backup)
    finally:
        plan.close()
    print(f"Restored {args.plan.name} from {backup.name}; the plan as it was is {before}.")
    return EXIT_OK


def _choose(choice: str, found: list[BackupInfo]) -> Path:
    if choice.isdigit():
        number = int(choice)
        if not 1 <= number <= len(found):
            raise NotFoundError(
                f"There is no backup number {number}; 'backups PLAN' lists {len(found)}."
            )
        return found[number - 1].path
    path = Path(choice)
    if not path.is_file():
        raise NotFoundError(f"There is no backup file at {path}.")
    return path


def add_backup_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    listing = commands.add_parser("backups", help="list the rolling backups of a plan")
    listing.add_argument("plan", type=Path, metavar="PLAN")
    listing.set_defaults(handler=_cmd_backups)

    restore = commands.add_parser(
        "restore", help="restore a plan from one of its backups (the plan is backed up first)"
    )
    restore.add_argument("plan", type=Path, metavar="PLAN")
    restore.add_argument("backup", metavar="BACKUP", help="a number from 'backups PLAN', or a file")
    restore.add_argument(
        "--as", dest="as_new", type=Path, metavar="NEW", help="write it as a new plan instead"
    )
    restore.set_defaults(handler=_cmd_restore)
