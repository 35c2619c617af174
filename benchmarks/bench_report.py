"""The PDF handout benchmark: the handout of the 12 demo accounts, in a fresh process.

``run.py`` finds ``register_report_benchmarks`` here and calls it with the runner
module. Alone, ``python benchmarks/bench_report.py [run.py options]`` runs just this.

- ``report``: ``abm-planner report demo.abmplan OUT.pdf`` on the demo plan (12
  accounts, 166 stakeholders), timed as a person would wait for it: interpreter
  start-up, imports, the offscreen ``QApplication``, the DMU maps, analyses, pages
  and writing the file. The median of three runs must stay below 5 s; the page count
  is checked so a handout that silently lost its accounts cannot pass.
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

NAMES = ("report",)
RUNS = 3
TARGET_SECONDS = 5.0
DEMO_ACCOUNTS = 12


def register_report_benchmarks(runner: ModuleType) -> None:
    """Add the handout benchmark to ``runner`` (the ``run.py`` module) unless already there."""
    if any(b.name in NAMES for b in runner.BENCHMARKS):
        return

    @runner.register("report")
    def report(context: Any) -> list[Any]:
        context.out.mkdir(parents=True, exist_ok=True)
        plan = context.out / "report-demo.abmplan"
        built = runner.run_measured(context.command("demo", plan, "--force", "--quiet"))
        if built.returncode != 0:
            raise runner.BenchmarkError(f"demo failed:\n{built.stderr}")
        out = context.out / "report-demo.pdf"
        times = []
        for _ in range(RUNS):
            finished = runner.run_measured(context.command("report", plan, out))
            if finished.returncode != 0:
                raise runner.BenchmarkError(f"report failed:\n{finished.stderr}")
            wrote = re.search(r"(\d+) accounts, (\d+) pages", finished.stdout)
            if wrote is None or int(wrote.group(1)) != DEMO_ACCOUNTS:
                raise runner.BenchmarkError(f"report wrote: {finished.stdout.strip()}")
            times.append(finished.seconds)
        name = f"report: PDF of the {DEMO_ACCOUNTS} demo accounts (median of {RUNS})"
        return [runner.Measurement(name, statistics.median(times), TARGET_SECONDS, "s")]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import run

    register_report_benchmarks(run)
    options = sys.argv[1:]
    if not any(option.startswith("--only") for option in options):
        options += [f"--only={name}" for name in NAMES]
    sys.exit(run.main(options))
