"""Bundle benchmarks: the standalone bundle's start-up against the pip-installed app, its size.

Needs a bundle built by ``make bundle`` (``dist/abm-planner/``); without one both rows
read "n/a". Start-up is measured as ``bench_gui`` does it (the app reports its own first
paint, counted from the start of the process, with the 5,000-account plan), alternating
the bundle and this environment's ``abm-planner`` so both see the same machine load; the
bundle must paint within 1.5 times the pip-installed app's median. Size is every file of
the unpacked folder, in MB (10^6 bytes).
"""

from __future__ import annotations

import os
import re
import statistics
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

NAMES = ("bundle",)
RUNS = 3
SLOWER_AT_MOST = 1.5
SIZE_LIMIT_MB = 250.0
BUNDLE = Path(__file__).resolve().parents[1] / "dist" / "abm-planner"


def bundle_size_mb(folder: Path = BUNDLE) -> float:
    """Bytes of every file (symlinks counted once, as links), in MB."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            total += (Path(root) / name).lstat().st_size
    return total / 1e6


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


def _first_paint(runner: ModuleType, command: list[str]) -> float:
    """Seconds from process start to the window's first paint, as the app reports them."""
    with tempfile.TemporaryDirectory() as folder:
        finished = runner.run_measured(command, env=_environment(folder))
    match = re.search(r"(\d+) ms after the process started", finished.stderr)
    if finished.returncode != 0 or "first paint" not in finished.stderr:
        raise runner.BenchmarkError(f"{command[0]} did not paint:\n{finished.stderr}")
    return int(match.group(1)) / 1000 if match else finished.seconds


def register_bundle_benchmarks(runner: ModuleType) -> None:
    """Add the bundle benchmarks to ``runner`` (the ``run.py`` module)."""
    if any(b.name in NAMES for b in runner.BENCHMARKS):
        return
    measurement = runner.Measurement

    @runner.register("bundle")
    def bundle(context: Any) -> list[Any]:
        program = BUNDLE / "abm-planner"
        built = program.is_file()
        label = f"bundle start to first paint ({context.scale:,} accounts, median of {RUNS})"
        context.build_plan()
        pip_runs, bundle_runs = [], []
        for _ in range(RUNS):
            pip_runs.append(_first_paint(runner, context.command(context.plan_path)))
            if built:
                bundle_runs.append(_first_paint(runner, [str(program), str(context.plan_path)]))
        pip = statistics.median(pip_runs)
        if not built:
            label += " [no bundle: make bundle]"
        return [
            measurement(
                f"{label}, within {SLOWER_AT_MOST}x pip-installed ({pip:.2f} s)",
                statistics.median(bundle_runs) if built else None,
                SLOWER_AT_MOST * pip,
                "s",
            ),
            measurement(
                "bundle size unpacked (dist/abm-planner)",
                bundle_size_mb() if built else None,
                SIZE_LIMIT_MB,
                "MB",
            ),
        ]
