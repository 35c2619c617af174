"""Agreement benchmarks: rescoring the portfolio after a rubric change, opening the dashboard.

``run.py`` finds ``register_agreements_benchmarks`` and passes itself in. Alone,
``python benchmarks/bench_agreements.py [run.py options]`` runs just these.

- ``agreements-rescore``: one weight change of the rubric on the scale plan (5,000
  accounts × 5 criteria), as the Agreement editor makes it: the unit of work that
  updates the weight, reads every score, recomputes every fit score and writes the
  ones that moved, committed. Median of warm runs, in this process, on a copy of the
  scale plan (the benchmark changes it).
- ``agreements-dashboard``: opening the Portfolio dashboard on the scale plan in a
  running app (offscreen), from the menu call to the first complete paint; and the
  Whitespace map (5,000 accounts × 6 solutions) the same way. Median of three opens in
  a fresh process with the plan already open, as a user who has the app open sees it.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

NAMES = ("agreements-rescore", "agreements-dashboard")
RESCORE_RUNS = 5
OPEN_RUNS = 3

_OPEN_SCRIPT = r"""
import statistics, sys, time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement import open_portfolio_dashboard, open_whitespace_map
from abm_planner.gui.views.agreement.windows import close_windows
from abm_planner.services.plans import open_plan
context = PlanContext.open(open_plan(sys.argv[1], read_only=True))
results = []
for opener in (open_portfolio_dashboard, open_whitespace_map):
    times = []
    for _ in range(int(sys.argv[2])):
        started = time.perf_counter()
        window = opener(context)
        app.processEvents()
        window.repaint()
        times.append(time.perf_counter() - started)
        close_windows(context)
        app.processEvents()
    results.append(statistics.median(times))
print(*results)
context.close()
"""


def _rescore_seconds(path: Path) -> tuple[float, float, int]:
    """(first change, median of the next ones, accounts rescored by the last one)."""
    from abm_planner.services import rubric
    from abm_planner.services.plans import open_plan

    plan = open_plan(path)
    try:
        criterion = rubric.list_criteria(plan)[0]
        times, moved = [], 0
        for run in range(RESCORE_RUNS + 1):
            weight = criterion.weight + 1 + run % 2
            started = time.perf_counter()
            rubric.update_criterion(plan, criterion.id, {"weight": weight})
            times.append(time.perf_counter() - started)
        with plan.write() as unit:
            moved = len(rubric.recompute_fit_scores(unit.session))
        rubric.update_criterion(plan, criterion.id, {"weight": criterion.weight})
    finally:
        plan.close()
    return times[0], statistics.median(times[1:]), moved


def register_agreements_benchmarks(runner: ModuleType) -> None:
    """Add the agreement benchmarks to ``runner`` (the ``run.py`` module)."""
    if any(b.name in NAMES for b in runner.BENCHMARKS):
        return
    measurement = runner.Measurement

    @runner.register("agreements-rescore")
    def rescore(context: Any) -> list[Any]:
        context.build_plan()
        copy = context.out / f"agreements-{context.scale}.abmplan"
        shutil.copyfile(context.plan_path, copy)
        try:
            first, median, moved = _rescore_seconds(copy)
        finally:
            copy.unlink(missing_ok=True)
        if moved:
            raise runner.BenchmarkError(f"{moved} fit scores were stale after a weight change")
        label = f"fit scores of {context.scale:,} accounts after a weight change"
        return [
            measurement(f"{label}, first", first, 1.0, "s"),
            measurement(f"{label}, median of {RESCORE_RUNS}", median, 1.0, "s"),
        ]

    @runner.register("agreements-dashboard")
    def dashboard(context: Any) -> list[Any]:
        context.build_plan()
        with tempfile.TemporaryDirectory() as folder:
            env = dict(os.environ)
            env.update(
                QT_QPA_PLATFORM="offscreen",
                ABM_PLANNER_SETTINGS=str(Path(folder) / "settings.ini"),
                ABM_PLANNER_LOG_DIR=folder,
            )
            finished = runner.run_measured(
                [sys.executable, "-c", _OPEN_SCRIPT, str(context.plan_path), str(OPEN_RUNS)],
                env=env,
            )
        if finished.returncode != 0:
            raise runner.BenchmarkError(f"opening the dashboard failed:\n{finished.stderr}")
        board, whitespace = (float(v) for v in finished.stdout.split())
        scale = f"{context.scale:,} accounts, median of {OPEN_RUNS}"
        return [
            measurement(f"Portfolio dashboard open to first paint ({scale})", board, 1.0, "s"),
            measurement(f"Whitespace map open to first paint ({scale})", whitespace, 1.0, "s"),
        ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import run

    register_agreements_benchmarks(run)
    options = sys.argv[1:]
    if not any(option.startswith("--only") for option in options):
        options += [f"--only={name}" for name in NAMES]
    sys.exit(run.main(options))
