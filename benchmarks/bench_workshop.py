"""Workshop benchmarks: a snapshot of the scale plan, and what changed since it.

``run.py`` finds ``register_workshop_benchmarks`` here and calls it with the runner
module. Alone, ``python benchmarks/bench_workshop.py [run.py options]`` runs just these.

- ``workshop-snapshot``: on a copy of the scale plan (5,000 accounts: 100,000
  stakeholders, 200,000 plays, about 1.1 million rows; the kept plan itself is never
  opened for writing), taking a snapshot in the process, and how much it adds to the
  plan file.
- ``workshop-changes``: after 200 field edits, 50 new stakeholders and one deleted
  account on that copy, ``changes_since`` the snapshot in the process (first run), and
  ``abm-planner changes PLAN --since LABEL --json`` in a fresh process, as a person at
  the keyboard waits for it.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

NAMES = ("workshop-snapshot", "workshop-changes")
LABEL = "Benchmark baseline"
EDITS = 200
NEW_PEOPLE = 50


def _copy(context: Any) -> Path:
    """A private copy of the scale plan, upgraded to this app's schema."""
    from abm_planner.services.plans import open_plan

    context.build_plan()
    copy = context.out / f"workshop-scale-{context.scale}.abmplan"
    _remove(copy)
    shutil.copyfile(context.plan_path, copy)
    plan = open_plan(copy)  # an older kept plan is upgraded here, untimed
    if plan.upgrade_backup is not None:
        plan.upgrade_backup.unlink(missing_ok=True)
    plan.close()
    return copy


def _remove(copy: Path) -> None:
    copy.unlink(missing_ok=True)
    for backup in copy.parent.glob(f"{copy.stem}.rev*-backup-*{copy.suffix}"):
        backup.unlink()


def _edit(plan: Any) -> int:
    """Field edits, additions and a deletion; returns the records the report should name."""
    from sqlalchemy import select

    from abm_planner.services.accounts import delete_account
    from abm_planner.store.models import Account, Stakeholder

    with plan.write() as unit:
        accounts = list(unit.session.scalars(select(Account).order_by(Account.name).limit(EDITS)))
        for account in accounts:
            account.notes = f"{account.notes} Reviewed in the workshop."
        for number in range(NEW_PEOPLE):
            unit.session.add(Stakeholder(account_id=accounts[number].id, name=f"New {number}"))
    delete_account(plan, accounts[-1].id)
    return EDITS - 1 + NEW_PEOPLE


def register_workshop_benchmarks(runner: ModuleType) -> None:
    """Add the workshop benchmarks to ``runner`` (the ``run.py`` module) unless already there."""
    if any(b.name in NAMES for b in runner.BENCHMARKS):
        return
    measurement = runner.Measurement
    state: dict[str, Any] = {}

    @runner.register("workshop-snapshot")
    def snapshot(context: Any) -> list[Any]:
        from abm_planner.services.plan_snapshots import take_snapshot
        from abm_planner.services.plans import open_plan

        copy = _copy(context)
        before = copy.stat().st_size
        plan = open_plan(copy)
        try:
            started, cpu = time.perf_counter(), time.process_time()
            info = take_snapshot(plan, LABEL)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        finally:
            plan.close()
        growth = (copy.stat().st_size - before) / before * 100
        state["copy"] = copy
        label = f"snapshot of the scale plan ({info.record_count:,} records"
        return [
            measurement(f"{label}, {before / 1e6:,.0f} MB file)", seconds, 3.0, "s"),
            measurement("  the same, CPU time of all its threads", cpu, float("inf"), "s"),
            measurement(f"{label}): file grows by {info.size / 1e6:,.1f} MB", growth, 30.0, "%"),
        ]

    @runner.register("workshop-changes")
    def changes(context: Any) -> list[Any]:
        from abm_planner.services.plan_changes import changes_since
        from abm_planner.services.plans import open_plan

        copy = state.get("copy")
        if copy is None or not copy.exists():
            snapshot(context)
            copy = state["copy"]
        plan = open_plan(copy)
        try:
            expected = _edit(plan)
            started, cpu = time.perf_counter(), time.process_time()
            report = changes_since(plan, LABEL)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        finally:
            plan.close()
        named = len(report.changed) + len(report.added)
        if named != expected or not report.removed:
            raise runner.BenchmarkError(
                f"changes named {named} edits and {len(report.removed)} removals, "
                f"not {expected} and the deleted account's records"
            )
        finished = runner.run_measured(context.command("changes", copy, "--since", LABEL, "--json"))
        if finished.returncode != 0:
            raise runner.BenchmarkError(f"changes failed:\n{finished.stderr}")
        counted = sum(len(v) for v in json.loads(finished.stdout).values())
        _remove(copy)
        items = len(report.added) + len(report.changed) + len(report.removed)
        return [
            measurement(
                f"changes since the snapshot ({items:,} items), in process", seconds, 2.0, "s"
            ),
            measurement("  the same, CPU time of all its threads", cpu, float("inf"), "s"),
            measurement(
                f"abm-planner changes --json ({counted:,} items), fresh process",
                finished.seconds,
                float("inf"),
                "s",
            ),
        ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import run

    register_workshop_benchmarks(run)
    options = sys.argv[1:]
    if not any(option.startswith("--only") for option in options):
        options += [f"--only={name}" for name in NAMES]
    sys.exit(run.main(options))
