"""Team plan benchmarks: the scale plan on a real PostgreSQL server.

``run.py`` finds ``register_team_benchmarks`` here and calls it with the runner
module. Alone, ``python benchmarks/bench_team.py [run.py options]`` runs just these.

- ``team-copy``: ``abm-planner copy`` of the scale plan (5,000 accounts, 100,000
  stakeholders, 200,000 plays, about 1.1 million records) onto an empty database,
  and back into a new plan file; each in a fresh process.
- ``team-open``: from that server, ``summary --json`` (median of a few cold
  processes) and opening the portfolio of 5,000 accounts as the GUI loads it
  (``services.accounts.list_accounts``) in a fresh process, start-up included.

The server is a private, throwaway one started for the run as the test suite starts
it (``tests/team/pg_test_server.py``: Debian's ``postgresql`` package, 127.0.0.1,
fsync off). The scale plan itself is never modified: the copy reads a scratch copy
of it (upgraded first if an older app wrote it).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

NAMES = ("team-copy", "team-open")
SUMMARY_RUNS = 3
HERE = Path(__file__).resolve().parent

_PORTFOLIO_SCRIPT = r"""
import json, sys, time
started = time.perf_counter()
from abm_planner.services.accounts import list_accounts
from abm_planner.services.plans import open_plan
plan = open_plan(sys.argv[1], read_only=True)
opened = time.perf_counter()
rows = list_accounts(plan)
done = time.perf_counter()
plan.close()
print(json.dumps({"accounts": len(rows), "query": done - opened, "total": done - started}))
"""


class _Server:
    """One private PostgreSQL for every team benchmark of the run, and its databases."""

    def __init__(self) -> None:
        self.instance: Any = None
        self.url: str | None = None  # the database holding the copied scale plan
        self._scratch: Path | None = None

    @property
    def scratch(self) -> Path:
        """A private folder for the scratch plans, made when a team benchmark first runs."""
        if self._scratch is None:
            self._scratch = Path(tempfile.mkdtemp(prefix="abm-bench-team-"))
        return self._scratch

    def start(self, runner: ModuleType) -> Any:
        if self.instance is None:
            sys.path.insert(0, str(HERE.parent / "tests" / "team"))
            import pg_test_server

            if pg_test_server.find_binaries() is None:
                raise runner.BenchmarkError(
                    "PostgreSQL is not installed (apt-get install postgresql)"
                )
            self.instance = pg_test_server.start_server()
        return self.instance

    def env(self) -> dict[str, str]:
        """The commands' environment: the password as libpq's PGPASSWORD, not in the URL."""
        import pg_test_server

        return dict(os.environ, PGPASSWORD=pg_test_server.SUPERUSER_PASSWORD)

    def stop(self) -> None:
        if self.instance is not None:
            self.instance.stop()
            self.instance = None
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)


def _scratch_plan(context: Any, server: _Server) -> Path:
    """A copy of the scale plan at this app's plan format (the original stays untouched)."""
    from abm_planner.services.plans import open_plan

    context.build_plan()
    scratch = server.scratch / "scale.abmplan"
    if not scratch.exists():
        shutil.copyfile(context.plan_path, scratch)
        open_plan(scratch).close()  # upgrades an older plan format, as opening it would
        for backup in server.scratch.glob("scale.rev*-backup-*"):
            backup.unlink()
    return scratch


def register_team_benchmarks(runner: ModuleType) -> None:
    """Add the team plan benchmarks to ``runner`` (the ``run.py`` module) unless already there."""
    if any(b.name in NAMES for b in runner.BENCHMARKS):
        return
    measurement = runner.Measurement
    server = _Server()
    import atexit

    atexit.register(server.stop)

    def copied(context: Any) -> tuple[str, float, Any]:
        """The scale plan copied to a new database: URL, seconds, the finished process."""
        instance = server.start(runner)
        source = _scratch_plan(context, server)
        url = instance.url(instance.create_database(), password="")
        finished = runner.run_measured(context.command("copy", source, url), env=server.env())
        if finished.returncode != 0:
            raise runner.BenchmarkError(f"copy to the server failed:\n{finished.stderr}")
        server.url = url
        return url, finished.seconds, finished

    @runner.register("team-copy")
    def team_copy(context: Any) -> list[Any]:
        url, seconds, finished = copied(context)
        back = server.scratch / "offline.abmplan"
        returned = runner.run_measured(
            context.command("copy", url, back, "--replace"), env=server.env()
        )
        if returned.returncode != 0:
            raise runner.BenchmarkError(f"copy from the server failed:\n{returned.stderr}")
        records = finished.stdout.split("Copied ", 1)[1].split(" ", 1)[0]
        label = f"copy scale plan ({records} records)"
        return [
            measurement(f"{label} file -> server", seconds, 60.0, "s"),
            measurement(f"{label} file -> server: peak RSS", finished.peak_rss_mb, 500.0, "MB"),
            # For information: most of it is the offline copy's sync base (services.sync).
            measurement(f"{label} server -> new file", returned.seconds, float("inf"), "s"),
        ]

    @runner.register("team-open")
    def team_open(context: Any) -> list[Any]:
        url = server.url or copied(context)[0]
        times = []
        for _ in range(SUMMARY_RUNS):
            finished = runner.run_measured(
                context.command("summary", url, "--json"), env=server.env()
            )
            if finished.returncode != 0:
                raise runner.BenchmarkError(f"summary from the server failed:\n{finished.stderr}")
            accounts = json.loads(finished.stdout)["accounts"]
            if accounts != context.scale:
                raise runner.BenchmarkError(f"summary counted {accounts} accounts")
            times.append(finished.seconds)
        portfolio = runner.run_measured(
            [sys.executable, "-c", _PORTFOLIO_SCRIPT, url], env=server.env()
        )
        if portfolio.returncode != 0:
            raise runner.BenchmarkError(f"the portfolio failed to open:\n{portfolio.stderr}")
        result = json.loads(portfolio.stdout.strip().splitlines()[-1])
        if result["accounts"] != context.scale:
            raise runner.BenchmarkError(f"the portfolio listed {result['accounts']} accounts")
        return [
            measurement(
                f"summary --json from the server (median of {SUMMARY_RUNS} processes)",
                statistics.median(times),
                2.0,
                "s",
            ),
            measurement(
                f"portfolio of {context.scale:,} accounts from the server, fresh process",
                portfolio.seconds,
                2.0,
                "s",
            ),
            measurement("  of which the portfolio query", result["query"], 2.0, "s"),
        ]


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    import run

    register_team_benchmarks(run)
    options = sys.argv[1:]
    if not any(option.startswith("--only") for option in options):
        options += [f"--only={name}" for name in NAMES]
    sys.exit(run.main(options))
