"""Time the hot paths at benchmark scale and compare them with their targets.

    python benchmarks/run.py [--scale N] [--keep] [--only NAME ...]

Every measurement runs the real command in a fresh process, so it includes
interpreter start-up and imports, as a person at the keyboard would wait for them.
Prints one table row per measurement and exits 1 when any target is missed.

To add a benchmark, decorate a function ``measure(context) -> list[Measurement]``
with ``@register("name")``; it joins ``BENCHMARKS`` and runs in definition order.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "out"
DEFAULT_SCALE = 5000
SUMMARY_RUNS = 3


@dataclass(frozen=True, slots=True)
class Measurement:
    """One number and the limit it must stay below."""

    name: str
    value: float | None  # None: not run, or not measurable on this platform
    target: float
    unit: str

    @property
    def passed(self) -> bool | None:
        return None if self.value is None else self.value < self.target


@dataclass(frozen=True, slots=True)
class Finished:
    """What a child process did: exit status, wall time, peak memory (None if unknown)."""

    returncode: int
    seconds: float
    peak_rss_mb: float | None
    stdout: str
    stderr: str


@dataclass(slots=True)
class Context:
    """What benchmarks share: the options and the scale plan, built at most once."""

    scale: int
    keep: bool
    out: Path
    _plan_ready: bool = field(default=False, init=False)

    @property
    def plan_path(self) -> Path:
        return self.out / f"scale-{self.scale}.abmplan"

    def command(self, *args: str | Path) -> list[str]:
        """``abm-planner`` of this interpreter's environment (the module if no script)."""
        script = Path(sys.executable).parent / "abm-planner"
        launcher = [str(script)] if script.exists() else [sys.executable, "-m", "abm_planner"]
        return [*launcher, *map(str, args)]

    def build_plan(self) -> Finished | None:
        """Write the scale plan unless --keep found one; return the run when it was built."""
        if self._plan_ready or (self.keep and self.plan_path.exists()):
            self._plan_ready = True
            return None
        self.plan_path.unlink(missing_ok=True)
        finished = run_measured(
            self.command("demo", self.plan_path, "--scale", str(self.scale), "--quiet")
        )
        if finished.returncode != 0:
            raise BenchmarkError(f"demo --scale {self.scale} failed:\n{finished.stderr}")
        self._plan_ready = True
        return finished


class BenchmarkError(Exception):
    """A benchmark could not run at all (as opposed to missing its target)."""


@dataclass(frozen=True, slots=True)
class Benchmark:
    name: str
    measure: Callable[[Context], list[Measurement]]


BENCHMARKS: list[Benchmark] = []


def register(name: str) -> Callable[[Callable[[Context], list[Measurement]]], Callable]:
    """Decorator: add ``measure`` to the benchmarks under ``name`` (in definition order)."""

    def add(measure: Callable[[Context], list[Measurement]]) -> Callable:
        BENCHMARKS.append(Benchmark(name, measure))
        return measure

    return add


def run_measured(command: Sequence[str], env: dict[str, str] | None = None) -> Finished:
    """Run a command to completion; wall time and its own peak resident memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        peak: float | None = None
        if hasattr(os, "wait4"):
            # wait4 reports the rusage of this child alone, unlike RUSAGE_CHILDREN,
            # which keeps the maximum over every child this runner ever waited for.
            _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
            # ru_maxrss is in KiB on Linux and in bytes on macOS; report MB (10**6 bytes).
            peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024) / 1e6
        else:
            process.wait()
            seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        return Finished(
            process.returncode,
            seconds,
            peak,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


@register("demo")
def scale_demo(context: Context) -> list[Measurement]:
    """Writing the synthetic portfolio: 20 stakeholders and 40 plays per account."""
    finished = context.build_plan()
    label = f"demo --scale {context.scale}"
    if finished is None:
        label += " (kept plan, not run)"
    seconds = finished.seconds if finished else None
    peak = finished.peak_rss_mb if finished else None
    return [
        Measurement(f"{label}: wall time", seconds, 20.0, "s"),
        Measurement(f"{label}: peak RSS", peak, 500.0, "MB"),
    ]


@register("summary")
def summary(context: Context) -> list[Measurement]:
    """Opening the scale plan and printing its summary (median of a few cold processes)."""
    context.build_plan()
    times = []
    for _ in range(SUMMARY_RUNS):
        finished = run_measured(context.command("summary", context.plan_path, "--json"))
        if finished.returncode != 0:
            raise BenchmarkError(f"summary failed:\n{finished.stderr}")
        accounts = json.loads(finished.stdout)["accounts"]
        if accounts != context.scale:
            raise BenchmarkError(f"summary counted {accounts} accounts, not {context.scale}")
        times.append(finished.seconds)
    name = f"summary --json ({context.scale:,} accounts, median of {SUMMARY_RUNS})"
    return [Measurement(name, statistics.median(times), 1.5, "s")]


def _format(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.2f} {unit}" if unit in ("s", "x") else f"{value:,.0f} {unit}"


def print_table(rows: list[Measurement]) -> None:
    headers = ("benchmark", "measured", "target", "result")
    cells = [
        (
            row.name,
            _format(row.value, row.unit),
            "-" if row.target == float("inf") else f"< {_format(row.target, row.unit)}",
            {True: "pass", False: "FAIL", None: "-"}[row.passed],
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [headers, *cells]) for i in range(len(headers))]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for line in cells:
        print(
            "  ".join(
                cell.rjust(w) if i in (1, 2) else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(line, widths, strict=True))
            )
        )


def register_capability_benchmarks() -> None:
    """Let each ``bench_*.py`` beside this file add its benchmarks to this runner.

    A module offers a ``register_<name>_benchmarks(runner)`` function; it receives this
    module (run as a script, it is ``__main__``), so the modules never import run.py.
    """
    sys.path.insert(0, str(HERE))
    runner = sys.modules[__name__]
    for path in sorted(HERE.glob("bench_*.py")):
        module = importlib.import_module(path.stem)
        for name in dir(module):
            if name.startswith("register_") and name.endswith("_benchmarks"):
                getattr(module, name)(runner)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale", type=int, default=DEFAULT_SCALE, metavar="N", help="accounts in the plan"
    )
    parser.add_argument(
        "--keep", action="store_true", help="reuse an existing scale plan in the out folder"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where plans are written")
    register_capability_benchmarks()
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        choices=[b.name for b in BENCHMARKS],
        help="run only this benchmark (repeatable)",
    )
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale needs at least 1 account")
    args.out.mkdir(parents=True, exist_ok=True)
    context = Context(scale=args.scale, keep=args.keep, out=args.out)

    rows: list[Measurement] = []
    broken = []
    for benchmark in BENCHMARKS:
        if args.only and benchmark.name not in args.only:
            continue
        print(f"running {benchmark.name} ...", file=sys.stderr, flush=True)
        try:
            rows += benchmark.measure(context)
        except BenchmarkError as error:
            broken.append(f"{benchmark.name}: {error}")
    print_table(rows)
    for problem in broken:
        print(f"error: {problem}", file=sys.stderr)
    missed = [row.name for row in rows if row.passed is False]
    return 1 if missed or broken else 0


if __name__ == "__main__":
    sys.exit(main())
