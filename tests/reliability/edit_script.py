"""A scripted series of edits through the service layer, as a person makes them in the app.

Run as a process that the kill tests SIGKILL at random moments::

    python edit_script.py PLAN LOG STEPS SEED [--backups] [--digests]

After each committed unit of work it appends the step number to LOG (and, with
``--digests``, the plan's digest: the reference run). With ``--backups`` the app's
rolling backups run on their background thread after every edit, so kills land in
the middle of backups too. The edits are chosen from the plan's contents by name,
never by random id, so every run of the same seed makes the same edits.
"""

from __future__ import annotations

import os
import random
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from plan_state import digest

from abm_planner.services import accounts, stakeholders
from abm_planner.services.plans import Plan, open_plan


def _accounts(plan: Plan) -> list[accounts.AccountRow]:
    return sorted(accounts.list_accounts(plan), key=lambda row: row.name)


def edit(plan: Plan, step: int, rng: random.Random) -> None:
    """One user action: exactly one ``plan.write()`` (one undo step in the app)."""
    rows = _accounts(plan)
    action = rng.choice(["add", "add", "person", "person", "rename", "delete-undo", "delete"])
    if not rows or action == "add":
        accounts.create_account(plan, {"name": f"Account {step:04d}", "notes": "x" * step})
        return
    account = rows[rng.randrange(len(rows))]
    if action == "person":
        stakeholders.create_stakeholder(
            plan, account.id, {"name": f"Person {step:04d}", "title": f"Title {step}"}
        )
    elif action == "rename":
        accounts.update_account(plan, account.id, {"name": f"{account.name[:40]} r{step}"})
    elif action == "delete":
        accounts.delete_account(plan, account.id)
    else:
        # Delete and undo: the undo re-inserts the account and all its people in one unit.
        snapshot = accounts.delete_account(plan, account.id)
        record(step, plan, suffix="d")
        accounts.restore_deleted(plan, snapshot)


class _Log:
    """Where each committed step is recorded (fsynced: it must outlive a SIGKILL)."""

    handle: Any = None
    digests = False


def record(step: int, plan: Plan, suffix: str = "") -> None:
    line = f"{step}{suffix}"
    if _Log.digests:
        assert plan.path is not None
        line += " " + digest(plan.path)
    _Log.handle.write(line + "\n")
    _Log.handle.flush()
    os.fsync(_Log.handle.fileno())


def main(argv: list[str]) -> int:
    plan_path, log_path, steps, seed = Path(argv[0]), Path(argv[1]), int(argv[2]), int(argv[3])
    _Log.digests = "--digests" in argv
    rng = random.Random(seed)
    plan = open_plan(plan_path)
    backups = None
    if "--backups" in argv:
        from abm_planner.services.backups import RollingBackups

        backups = RollingBackups(plan, interval=timedelta(0))
        backups.start()
    _Log.handle = log_path.open("a", encoding="utf-8")
    record(0, plan)
    try:
        for step in range(1, steps + 1):
            edit(plan, step, rng)
            record(step, plan)
    finally:
        if backups is not None:
            backups.stop()
        plan.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
