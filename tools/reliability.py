"""The full fault-injection tier: ``make reliability``.

Runs the same checks as the fast tier in ``tests/reliability/`` at scale: 500 SIGKILLs
of real writing processes (service-layer edits with rolling backups, CLI imports,
``demo --scale``, upgrades of an older plan), at least 1,000 fuzzed spreadsheets through
the importer, and the full-disk, read-only, moved-plan, unicode-path and lock tests once
through pytest. It ends with a table and exits 1 if any plan was corrupted, any
committed edit lost, any import left half-done, or any traceback seen.

    .venv/bin/python tools/reliability.py [--kills 500] [--fuzz 1000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "tests" / "reliability"
sys.path.insert(0, str(SUITE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import kills  # noqa: E402
from fuzz_import import BAD, import_case, spreadsheets  # noqa: E402

COLUMNS = ("corrupted plans", "lost committed edits", "partial imports", "tracebacks")


class Tally:
    """Faults injected and what they did, per kind of fault."""

    def __init__(self) -> None:
        self.injected: Counter[str] = Counter()
        self.found: dict[str, Counter[str]] = defaultdict(Counter)
        self.examples: list[str] = []

    def add(self, kind: str, problems: dict[str, bool], details: list[str]) -> None:
        self.injected[kind] += 1
        for column, happened in problems.items():
            if happened:
                self.found[kind][column] += 1
        self.examples += [f"{kind}: {d}" for d in details[:2]]

    def failed(self) -> bool:
        return any(self.found[kind][c] for kind in self.found for c in COLUMNS)

    def table(self) -> str:
        width = max([len(k) for k in self.injected] + [24])
        head = f"{'fault':<{width}}  {'injected':>8}  " + "  ".join(f"{c:>20}" for c in COLUMNS)
        lines = [head, "-" * len(head)]
        for kind in self.injected:
            counts = "  ".join(f"{self.found[kind][c]:>20}" for c in COLUMNS)
            lines.append(f"{kind:<{width}}  {self.injected[kind]:>8}  {counts}")
        totals = "  ".join(f"{sum(self.found[k][c] for k in self.found):>20}" for c in COLUMNS)
        lines.append("-" * len(head))
        lines.append(f"{'total':<{width}}  {sum(self.injected.values()):>8}  {totals}")
        return "\n".join(lines)


def _verdict_problems(verdict: kills.Verdict) -> dict[str, bool]:
    return {
        "corrupted plans": verdict.corrupted,
        "lost committed edits": verdict.lost_edit,
        "partial imports": verdict.partial,
        "tracebacks": verdict.traceback,
    }


def run_kills(total: int, jobs: int, work: Path, tally: Tally, seed: int) -> None:
    from abm_planner.services.demo import create_demo_plan

    template = work / "template.abmplan"
    create_demo_plan(template).close()
    references = {
        "edits": kills.edit_reference(template, work, seed=seed),
        "import": kills.import_reference(template, work),
        "demo": kills.demo_reference(template, work),
    }
    writers: list[tuple[str, Callable[..., kills.Verdict], Any, float]] = [
        ("kill -9: service-layer edits + backups", kills.kill_edits, references["edits"], 0.45),
        ("kill -9: CLI import", kills.kill_import, references["import"], 0.30),
        ("kill -9: demo --scale", kills.kill_demo, references["demo"], 0.25),
    ]
    rng = random.Random(seed)
    landed = Counter[str]()

    def one(job: tuple[str, Callable[..., kills.Verdict], Any, Path, random.Random]) -> None:
        kind, kill, reference, folder, job_rng = job
        verdict = kill(reference, folder, job_rng)
        landed[kind] += verdict.killed
        label = kind if verdict.killed else f"{kind} (finished first)"
        tally.add(label, _verdict_problems(verdict), verdict.problems)
        _remove(folder)

    # A run that finishes before its kill lands is judged too but is no kill: top up
    # until every writer has had its share of kills that landed.
    for round_number in range(4):
        batch: list[tuple[str, Callable[..., kills.Verdict], Any, Path, random.Random]] = []
        for kind, kill, reference, share in writers:
            for n in range(round(total * share) - landed[kind]):
                folder = work / f"{kill.__name__}-{round_number}-{n}"
                folder.mkdir()
                batch.append((kind, kill, reference, folder, random.Random(rng.random())))
        if not batch:
            break
        _run_parallel(one, batch, jobs, "kills")


def run_upgrade_kills(count: int, jobs: int, work: Path, tally: Tally, seed: int) -> None:
    """SIGKILL during the upgrade of an older plan (the fast tier does one)."""
    from test_migration_faults import build_old_plan

    reference = kills.upgrade_reference(work, build_old_plan)
    rng = random.Random(seed)
    landed = [0]

    def one(job: tuple[Path, random.Random]) -> None:
        verdict = kills.kill_upgrade(reference, *job)
        landed[0] += verdict.killed
        kind = "kill -9: plan upgrade" + ("" if verdict.killed else " (finished first)")
        tally.add(kind, _verdict_problems(verdict), verdict.problems)
        _remove(job[0])

    for round_number in range(4):
        folders = []
        for n in range(count - landed[0]):
            folder = work / f"upgrade-{round_number}-{n}"
            folder.mkdir()
            folders.append((folder, random.Random(rng.random())))
        if not folders:
            break
        _run_parallel(one, folders, jobs, "upgrade kills")


def run_fuzz(count: int, work: Path, tally: Tally) -> dict[str, int]:
    from hypothesis import HealthCheck, given, settings

    from abm_planner.services.plans import create_plan

    template = work / "empty.abmplan"
    create_plan(template).close()
    results: Counter[str] = Counter()
    slowest = [0.0]
    counter = [0]

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=spreadsheets())
    def fuzz(case: tuple[str, bytes, str]) -> None:
        name, data, how = case
        counter[0] += 1
        folder = work / f"fuzz-{counter[0]}"
        folder.mkdir()
        outcome = import_case(template, folder, name, data, how)
        results[outcome.result] += 1
        slowest[0] = max(slowest[0], outcome.seconds)
        kind = "fuzzed " + how.split()[0]
        tally.add(
            kind,
            {
                "corrupted plans": outcome.result == "corrupted",
                "lost committed edits": False,
                "partial imports": outcome.result in ("partial", "slow"),
                "tracebacks": outcome.result == "traceback",
            },
            [f"{outcome.how}: {outcome.detail}"] if outcome.result in BAD else [],
        )
        _remove(folder)
        if counter[0] % 100 == 0:
            print(f"  {counter[0]:,} fuzzed files", file=sys.stderr, flush=True)

    fuzz()
    return dict(results) | {"slowest ms": round(slowest[0] * 1000)}


def run_fault_tests(work: Path, tally: Tally) -> None:
    """Full disks, read-only files and folders, moved plans, unicode paths, two instances."""
    tests = [
        "tests/reliability/test_full_disk.py",
        "tests/reliability/test_write_faults.py",
        "tests/reliability/test_locks.py",
    ]
    _pytest(tests, dict(os.environ), tally, None, work)


def _pytest(
    tests: list[str], env: dict[str, str], tally: Tally, kind: str | None, work: Path
) -> None:
    report = work / f"junit-{len(tally.injected)}.xml"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    subprocess.run(
        [*command, f"--junitxml={report}", *tests],
        cwd=ROOT,
        env=env,
        check=False,
        stdout=subprocess.DEVNULL,
    )
    for case in ET.parse(report).getroot().iter("testcase"):
        name = kind or _fault_kind(case.get("classname", ""), case.get("name", ""))
        failure = case.find("failure") or case.find("error")
        message = failure.get("message", "") if failure is not None else ""
        skipped = case.find("skipped") is not None
        if skipped:
            tally.examples.append(f"{name}: skipped ({case.find('skipped').get('message')})")
            continue
        tally.add(
            name,
            {
                "corrupted plans": failure is not None and "integrity" in message,
                "lost committed edits": False,
                "partial imports": False,
                "tracebacks": failure is not None and "integrity" not in message,
            },
            [f"{case.get('name')}: {message[:300]}"] if failure is not None else [],
        )


def _fault_kind(classname: str, name: str) -> str:
    module = classname.rsplit(".", 1)[-1]
    return {
        "test_full_disk": "full disk / size limit",
        "test_write_faults": "read-only, moved, unicode",
        "test_locks": "two instances, stale lock",
    }.get(module, module) + (f" [{name.split('[')[1]}" if "[" in name else "")


def _run_parallel(work: Callable[[Any], None], jobs_list: list[Any], jobs: int, what: str) -> None:
    done = 0
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for _ in pool.map(work, jobs_list):
            done += 1
            if done % 50 == 0:
                print(f"  {done:,} / {len(jobs_list):,} {what}", file=sys.stderr, flush=True)


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=500, help="SIGKILLs in all (default 500)")
    parser.add_argument("--fuzz", type=int, default=1000, help="fuzzed files (default 1000)")
    parser.add_argument("--jobs", type=int, default=2, help="processes at a time (default 2)")
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    tally = Tally()
    upgrade_kills = max(1, args.kills // 25)
    with tempfile.TemporaryDirectory(prefix="abm-reliability-") as scratch:
        work = Path(scratch)
        os.environ["XDG_DATA_HOME"] = str(work / "user data")
        print(f"Killing writers {args.kills - upgrade_kills:,} times…", file=sys.stderr)
        run_kills(args.kills - upgrade_kills, args.jobs, work, tally, args.seed)
        print(f"Killing plan upgrades {upgrade_kills:,} times…", file=sys.stderr)
        run_upgrade_kills(upgrade_kills, args.jobs, work, tally, args.seed)
        print(f"Fuzzing the importer with {args.fuzz:,} files…", file=sys.stderr)
        fuzz = run_fuzz(args.fuzz, work, tally)
        print("Disks, permissions, moves, locks…", file=sys.stderr)
        run_fault_tests(work, tally)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print()
    print(tally.table())
    print()
    print(f"Fuzzed imports: {', '.join(f'{k} {v:,}' for k, v in sorted(fuzz.items()))}")
    print(
        f"Peak memory of the runner {peak:,.0f} MB; {time.perf_counter() - started:,.0f} s in all."
    )
    for example in tally.examples[:20]:
        print(f"  {example}")
    if tally.failed():
        print("FAILED: see the counts above.")
        return 1
    print("All plans intact: 0 corrupted, 0 lost edits, 0 partial imports, 0 tracebacks.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
