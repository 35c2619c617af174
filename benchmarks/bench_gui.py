"""Desktop-app benchmarks: start-up to first paint, filter keystrokes, memory.

Each runs the real app in a fresh process on the offscreen platform with the scale
plan, so import time, plan opening and the first query are all inside the number.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

NAMES = ("gui-startup", "gui-filter")
STARTUP_RUNS = 3

_FILTER_SCRIPT = r"""
import statistics, sys, time
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.portfolio_panel import PortfolioPanel
from abm_planner.services.plans import open_plan
context = PlanContext.open(open_plan(sys.argv[1], read_only=True))
panel = PortfolioPanel(context)
panel.resize(1000, 800)
panel.show()
app.processEvents()
panel.focus_search()
times = []
for text in ("acme", "bank 00", "pharma 1"):
    panel.search_field.clear()
    app.processEvents()
    for key in text:
        started = time.perf_counter()
        QTest.keyClick(panel.search_field, key)
        app.processEvents()
        panel.table.viewport().repaint()
        times.append(time.perf_counter() - started)
print(statistics.median(times) * 1000, max(times) * 1000)
context.close()
"""


def _environment(folder: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ABM_PLANNER_SETTINGS=str(Path(folder) / "settings.ini"),
        ABM_PLANNER_LOG_DIR=folder,
        ABM_PLANNER_EXIT_AFTER_PAINT="1",
        ABM_PLANNER_NO_START_DIALOG="1",
    )
    return env


def _first_paint_seconds(stderr: str) -> float | None:
    """The app's own report: "first paint N ms after main(), M ms after the process started"."""
    match = re.search(r"(\d+) ms after the process started", stderr)
    return int(match.group(1)) / 1000 if match else None


def register_gui_benchmarks(runner: ModuleType) -> None:
    """Add the desktop-app benchmarks to ``runner`` (the ``run.py`` module)."""
    if any(b.name in NAMES for b in runner.BENCHMARKS):
        return
    measurement = runner.Measurement

    @runner.register("gui-startup")
    def startup(context: Any) -> list[Any]:
        context.build_plan()
        paints, peaks = [], []
        for _ in range(STARTUP_RUNS):
            with tempfile.TemporaryDirectory() as folder:
                finished = runner.run_measured(
                    context.command(context.plan_path), env=_environment(folder)
                )
            if finished.returncode != 0 or "first paint" not in finished.stderr:
                raise runner.BenchmarkError(f"the app did not paint:\n{finished.stderr}")
            paints.append(_first_paint_seconds(finished.stderr) or finished.seconds)
            peaks.append(finished.peak_rss_mb)
        label = f"app start to first paint ({context.scale:,} accounts, median of {STARTUP_RUNS})"
        peak = max(p for p in peaks if p is not None) if any(peaks) else None
        return [
            measurement(label, statistics.median(paints), 1.0, "s"),
            measurement("app peak RSS at first paint", peak, 400.0, "MB"),
        ]

    @runner.register("gui-filter")
    def filtering(context: Any) -> list[Any]:
        context.build_plan()
        with tempfile.TemporaryDirectory() as folder:
            env = _environment(folder)
            finished = runner.run_measured(
                [sys.executable, "-c", _FILTER_SCRIPT, str(context.plan_path)], env=env
            )
        if finished.returncode != 0:
            raise runner.BenchmarkError(f"the filter benchmark failed:\n{finished.stderr}")
        median, worst = (float(v) for v in finished.stdout.split())
        label = f"portfolio search keystroke to repaint ({context.scale:,} accounts)"
        return [
            measurement(f"{label}, median", median, 50.0, "ms"),
            measurement(f"{label}, worst", worst, 100.0, "ms"),
        ]
