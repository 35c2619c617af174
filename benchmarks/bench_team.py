"""Team plan benchmarks: the scale plan on a real PostgreSQL server.

``run.py`` finds ``register_team_benchmarks`` here and calls it with the runner
module. Alone, ``python benchmarks/bench_team.py [run.py options]`` runs just these.

- ``team-copy``: ``abm-planner copy`` of the scale plan (5,000 accounts, 100,000
  stakeholders, 200,000 plays, about 1.1 million records) onto an empty database,
  and back into a new plan file; each in a fresh process.
- ``team-open``: from that server, ``summary --json`` (median of a few cold
  processes) and opening the portfolio of 5,000 accounts as the GUI loads it
  (``services.accounts.list_accounts``) in a fresh process, start-up included.
- ``team-sync``: ``abm-planner sync`` of an offline copy of that server with nothing
  to do, then after ``SYNC_EDITS`` edits on each side (stakeholders' titles, a
  quarter of them by Core ``update()`` statements that leave the version alone, as
  some services write).

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

NAMES = ("team-copy", "team-open", "team-sync")
SYNC_EDITS = 40
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


_EDIT_SCRIPT = r"""
import sys
from sqlalchemy import select, update
from abm_planner.services.plans import open_plan
from abm_planner.store.models import Stakeholder
location, first, count, text = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
plan = open_plan(location)
with plan.read() as session:
    query = select(Stakeholder.id).order_by(Stakeholder.id).offset(first).limit(count)
    ids = list(session.scalars(query))
with plan.write() as unit:
    for n, record_id in enumerate(ids):
        if n % 4 == 3:  # as services that write set-wise do: the version stays
            unit.session.execute(
                update(Stakeholder).where(Stakeholder.id == record_id).values(title=text)
            )
        else:
            unit.session.get(Stakeholder, record_id).title = f"{text} {n}"
plan.close()
print(len(ids))
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
            # Includes recording the offline copy's sync base (services.sync.record_origin).
            measurement(f"{label} server -> new file", returned.seconds, 60.0, "s"),
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

    _register_sync(runner, server, copied)


def _register_sync(runner: ModuleType, server: _Server, copied: Any) -> None:
    """``team-sync``, on the server ``team-copy`` filled (or filled here when run alone)."""
    measurement = runner.Measurement

    def offline_copy(context: Any) -> Path:
        """An offline copy of the server's plan (taken by ``team-copy`` when it ran)."""
        back = server.scratch / "offline.abmplan"
        if not back.exists():
            url = server.url or copied(context)[0]
            taken = runner.run_measured(context.command("copy", url, back), env=server.env())
            if taken.returncode != 0:
                raise runner.BenchmarkError(f"copy from the server failed:\n{taken.stderr}")
        return back

    def synced(context: Any, offline: Path) -> tuple[Any, dict[str, Any]]:
        finished = runner.run_measured(context.command("sync", offline, "--json"), env=server.env())
        if finished.returncode != 0:
            raise runner.BenchmarkError(f"sync failed:\n{finished.stdout}{finished.stderr}")
        return finished, json.loads(finished.stdout)

    def edited(location: str | Path, first: int, text: str) -> None:
        command = [sys.executable, "-c", _EDIT_SCRIPT, str(location), str(first)]
        finished = runner.run_measured([*command, str(SYNC_EDITS), text], env=server.env())
        if finished.returncode != 0:
            raise runner.BenchmarkError(f"editing for the sync failed:\n{finished.stderr}")

    @runner.register("team-sync")
    def team_sync(context: Any) -> list[Any]:
        offline = offline_copy(context)
        url = server.url
        assert url is not None
        idle, report = synced(context, offline)
        if report["sent"] or report["received"] or report["merged"]:
            raise runner.BenchmarkError(f"a sync with nothing to do changed records: {report}")
        edited(offline, 0, "Offline title")
        edited(url, 50_000, "Team title")
        busy, report = synced(context, offline)
        if (report["sent"], report["received"]) != (SYNC_EDITS, SYNC_EDITS):
            raise runner.BenchmarkError(f"the sync did not carry every edit: {report}")
        return [
            measurement("sync of an offline copy, nothing changed", idle.seconds, 15.0, "s"),
            measurement(
                f"sync of an offline copy, {SYNC_EDITS} edits on each side",
                busy.seconds,
                30.0,
                "s",
            ),
            measurement(
                f"sync of an offline copy, {SYNC_EDITS} edits each side: peak RSS",
                busy.peak_rss_mb,
                float("inf"),
                "MB",
            ),
        ]


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    import run

    register_team_benchmarks(run)
    options = sys.argv[1:]
    if not any(option.startswith("--only") for option in options):
        options += [f"--only={name}" for name in NAMES]
    sys.exit(run.main(options))
