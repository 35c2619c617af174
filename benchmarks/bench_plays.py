"""Joint plays benchmarks: the clash check over the whole scale plan, and the timeline.

``run.py`` finds ``register_plays_benchmarks`` here and calls it with the runner
module. Alone, ``python benchmarks/bench_plays.py [run.py options]`` runs just these.

- ``plays-clashes``: ``portfolio_clashes`` over every play of the scale plan (200,000
  assignments, about 300,000 play-person bookings at 5,000 accounts): the first run in
  the process and the median of warm runs; plus every play check of every account
  (``check_accounts``: clashes, touch overloads, key players, thresholds), which is
  what ``analyze --json`` adds to the DMU analysis.
- ``plays-timeline``: in a fresh process on the offscreen platform, the portfolio
  timeline holding 10,000 bars (the first 250 accounts of the scale plan): loading
  and laying them out, then one scroll step and its repaint, median and worst of 60
  vertical and 30 horizontal steps, and how many bars a repaint actually painted.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

NAMES = ("plays-clashes", "plays-timeline")
WARM_RUNS = 3
TIMELINE_BARS = 10_000

_TIMELINE_SCRIPT = r"""
import json, statistics, sys, time
from datetime import date, timedelta
from PySide6.QtWidgets import QApplication
app = QApplication([])
import abm_planner.gui.models  # applies the PySide6 work-arounds
from abm_planner.gui.views.plays.timeline_view import TimelineView
from abm_planner.services.plans import open_plan
from abm_planner.services.play_timeline import TimelineData, TimelineFilter, load_timeline

wanted = int(sys.argv[2])
plan = open_plan(sys.argv[1], read_only=True)
today = date.today()
started = time.perf_counter()
first = today.replace(day=1)
last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
default = TimelineFilter(start=first, end=last)
window = load_timeline(plan, default)
window_seconds = time.perf_counter() - started
everything = load_timeline(plan, TimelineFilter())
accounts, bars, seen = [], [], 0
per_account = {}
for bar in everything.bars:
    per_account.setdefault(bar.account_id, []).append(bar)
for account in everything.accounts:
    if seen >= wanted:
        break
    accounts.append(account)
    bars += per_account.get(account.id, [])
    seen = len(bars)
data = TimelineData(accounts, bars, everything.handoff_from, everything.handoff_to)
view = TimelineView(None)
view.resize(1400, 900)
view.show()
app.processEvents()
started = time.perf_counter()
view.set_data(data, scroll_to_today=True)
view.viewport().repaint()
first_paint = time.perf_counter() - started

def steps(bar, step, count):
    times, painted = [], []
    for n in range(count):
        bar.setValue(bar.value() + step)
        started = time.perf_counter()
        view.viewport().repaint()
        times.append((time.perf_counter() - started) * 1000)
        painted.append(view.painted_bars)
    return times, painted

vertical, painted_v = steps(view.verticalScrollBar(), 120, 60)
horizontal, painted_h = steps(view.horizontalScrollBar(), 90, 30)
print(json.dumps({
    "bars": view.geometry_.bar_count,
    "accounts": len(accounts),
    "window_bars": len(window.bars),
    "window_seconds": window_seconds,
    "first_paint_seconds": first_paint,
    "vertical_median_ms": statistics.median(vertical),
    "vertical_worst_ms": max(vertical),
    "horizontal_median_ms": statistics.median(horizontal),
    "horizontal_worst_ms": max(horizontal),
    "painted_max": max(painted_v + painted_h),
}))
plan.close()
"""


def _seconds(action: Any) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def register_plays_benchmarks(runner: ModuleType) -> None:
    """Add the plays benchmarks to ``runner`` (the ``run.py`` module) unless already there."""
    if any(b.name in NAMES for b in runner.BENCHMARKS):
        return
    measurement = runner.Measurement

    @runner.register("plays-clashes")
    def clashes(context: Any) -> list[Any]:
        from abm_planner.services.plans import open_plan
        from abm_planner.services.play_checks import check_accounts
        from abm_planner.services.portfolio_clashes import portfolio_clashes

        context.build_plan()
        plan = open_plan(context.plan_path, read_only=True)
        try:
            found: list[Any] = []
            first = _seconds(lambda: found.append(portfolio_clashes(plan)))
            warm = statistics.median(
                _seconds(lambda: portfolio_clashes(plan)) for _ in range(WARM_RUNS)
            )
            records = _seconds(lambda: list(found[0]))
            checked: list[Any] = []
            every_check = _seconds(lambda: checked.append(check_accounts(plan, uuid_ids=False)))
        finally:
            plan.close()
        if len(checked[0]) != context.scale:
            raise runner.BenchmarkError(f"checked {len(checked[0])} accounts, not {context.scale}")
        clashes = len(found[0])
        label = f"clash check over all plays ({context.scale:,} accounts, {clashes:,} clashes)"
        return [
            measurement(f"{label}, first run", first, 2.0, "s"),
            measurement(f"{label}, warm median of {WARM_RUNS}", warm, 2.0, "s"),
            measurement(
                f"reading all {clashes:,} clashes as records (uuid ids)", records, 2.0, "s"
            ),
            measurement(
                f"all play checks of {context.scale:,} accounts (analyze adds these)",
                every_check,
                20.0,
                "s",
            ),
        ]

    @runner.register("plays-timeline")
    def timeline(context: Any) -> list[Any]:
        context.build_plan()
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        finished = runner.run_measured(
            [sys.executable, "-c", _TIMELINE_SCRIPT, str(context.plan_path), str(TIMELINE_BARS)],
            env=env,
        )
        if finished.returncode != 0:
            raise runner.BenchmarkError(f"the timeline benchmark failed:\n{finished.stderr}")
        result = json.loads(finished.stdout.strip().splitlines()[-1])
        bars = result["bars"]
        label = f"portfolio timeline with {bars:,} bars"
        return [
            measurement(
                f"portfolio timeline query, this month ({result['window_bars']:,} bars)",
                result["window_seconds"],
                1.5,
                "s",
            ),
            measurement(
                f"{label}: layout and first paint", result["first_paint_seconds"], 1.0, "s"
            ),
            measurement(
                f"{label}: vertical scroll repaint, median",
                result["vertical_median_ms"],
                16.0,
                "ms",
            ),
            measurement(
                f"{label}: vertical scroll repaint, worst", result["vertical_worst_ms"], 50.0, "ms"
            ),
            measurement(
                f"{label}: horizontal scroll repaint, median",
                result["horizontal_median_ms"],
                16.0,
                "ms",
            ),
            measurement(
                f"{label}: bars painted per repaint, most", result["painted_max"], bars / 10, "bars"
            ),
        ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import run

    register_plays_benchmarks(run)
    options = sys.argv[1:]
    if not any(option.startswith("--only") for option in options):
        options += [f"--only={name}" for name in NAMES]
    sys.exit(run.main(options))
