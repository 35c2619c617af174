"""SIGKILL real writing processes at random moments and judge what they leave behind.

Three writers: the scripted service-layer edits of ``edit_script.py`` (with the rolling
backups running), ``abm-planner import`` of a large CSV, and ``abm-planner demo
--scale``. Each kill is judged the way a person would find the plan the next morning:
the app opens it, ``PRAGMA integrity_check`` says ok, and its contents are those after
the last committed unit of work or the one being written when the kill came — never
anything in between. The fast tests and ``tools/reliability.py`` share this module.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from plan_state import digest, integrity

from abm_planner.errors import UserError
from abm_planner.services.plans import open_plan

HERE = Path(__file__).resolve().parent
EDIT_SCRIPT = HERE / "edit_script.py"
EDIT_STEPS = 60
SCALE_ACCOUNTS = 120
IMPORT_ACCOUNTS = 1000  # and three contacts each


@dataclass
class Verdict:
    """What one kill left behind; ``problems`` is empty when all is well."""

    kind: str
    killed: bool
    problems: list[str] = field(default_factory=list)
    corrupted: bool = False
    lost_edit: bool = False
    partial: bool = False
    traceback: bool = False

    def fail(self, what: str, message: str) -> None:
        setattr(self, what, True)
        self.problems.append(message)


def child_env(data_home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = str(data_home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONWARNINGS", None)
    return env


def cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "abm_planner", *map(str, args)]


def run_and_kill(
    command: Sequence[str], env: dict[str, str], delay: float, *, started: Path | None = None
) -> tuple[bool, str]:
    """Run ``command``; SIGKILL it ``delay`` s after it starts (or after ``started`` appears).

    Returns (whether the kill landed before the process finished, its stderr).
    """
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    if started is not None:
        while not (started.exists() and started.stat().st_size) and process.poll() is None:
            if time.monotonic() > deadline:
                break
            time.sleep(0.005)
    time.sleep(delay)
    killed = process.poll() is None
    if killed:
        process.send_signal(signal.SIGKILL)
    _out, err = process.communicate(timeout=60)
    return killed, err


def judge_plan(verdict: Verdict, path: Path, allowed: Sequence[str | None], earlier: set[str]):
    """Open ``path`` as the app would and compare it with the states allowed after the kill."""
    if not path.exists():
        if None not in allowed:
            verdict.fail("lost_edit", f"{path.name} is gone")
        return
    try:
        plan = open_plan(path)
        try:
            assert plan.name  # the first read: a damaged file is refused here
        finally:
            plan.close()
    except UserError as error:
        verdict.fail("corrupted", f"the app refuses the plan: {error}")
        return
    except Exception as error:  # noqa: BLE001 - what the suite is looking for
        verdict.fail("traceback", f"opening raised {error!r}")
        return
    for side in (Path(f"{path}-journal"), Path(f"{path}-wal")):
        if side.exists():
            verdict.fail("corrupted", f"{side.name} left behind after opening")
    check = integrity(path)
    if check != "ok":
        verdict.fail("corrupted", f"integrity_check: {check}")
        return
    found = digest(path)
    if found in allowed:
        return
    if found in earlier:
        verdict.fail("lost_edit", "the plan went back to before its last committed edit")
    else:
        verdict.fail("partial", "the plan holds a state no committed unit of work left")


def judge_backups(verdict: Verdict, data_home: Path) -> None:
    """Every backup the app published is a sound plan; half-written ones never show."""
    root = data_home / "abm-planner" / "backups"
    for backup in root.glob("*/*.abmplan") if root.exists() else []:
        check = integrity(backup)
        if check != "ok":
            verdict.fail("corrupted", f"backup {backup.name}: {check}")


def judge_stderr(verdict: Verdict, stderr: str) -> None:
    if "Traceback (most recent call last)" in stderr:
        verdict.fail("traceback", stderr.strip().splitlines()[-1])


# -- the scripted edits ---------------------------------------------------------------------


@dataclass
class EditReference:
    template: Path
    states: list[tuple[str, str]]  # (log label, digest) after each committed unit of work
    seconds: float
    seed: int


def edit_reference(template: Path, folder: Path, seed: int) -> EditReference:
    """Run the edit script once to the end on a copy: the states a kill may leave."""
    plan = folder / f"reference {seed}.abmplan"
    shutil.copyfile(template, plan)
    log = folder / f"reference {seed}.log"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(EDIT_SCRIPT), plan, log, str(EDIT_STEPS), str(seed), "--digests"],
        check=True,
        env=child_env(folder / "reference data"),
    )
    seconds = time.perf_counter() - started
    states = [tuple(line.split()) for line in log.read_text(encoding="utf-8").splitlines()]
    return EditReference(template, [(s[0], s[1]) for s in states], seconds, seed)


def kill_edits(reference: EditReference, folder: Path, rng: random.Random) -> Verdict:
    plan = folder / "Plan being edited.abmplan"
    shutil.copyfile(reference.template, plan)
    log = folder / "edits.log"
    data_home = folder / "data"
    command = [sys.executable, str(EDIT_SCRIPT), str(plan), str(log), str(EDIT_STEPS)]
    command += [str(reference.seed), "--backups"]
    killed, stderr = run_and_kill(
        command, child_env(data_home), rng.uniform(0, reference.seconds * 0.6), started=log
    )
    verdict = Verdict("service-layer edits", killed)
    judge_stderr(verdict, stderr if not killed else "")
    labels = [label for label, _digest in reference.states]
    logged = log.read_text(encoding="utf-8").split() if log.exists() else []
    index = labels.index(logged[-1]) if logged else 0
    allowed = [d for _label, d in reference.states[index : index + 2]]
    earlier = {d for _label, d in reference.states[:index]} - set(allowed)
    judge_plan(verdict, plan, allowed, earlier)
    judge_backups(verdict, data_home)
    return verdict


# -- the command-line import ----------------------------------------------------------------


def write_crm_files(folder: Path, accounts: int, contacts: int) -> list[Path]:
    """A CRM export: accounts and contacts CSVs, with reports-to lines and buying roles."""
    account_file = folder / "crm accounts.csv"
    with account_file.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Id", "Name", "Industry", "AnnualRevenue", "NumberOfEmployees"])
        for n in range(accounts):
            out.writerow([f"001K{n:014d}", f"Kill Account {n:05d}", "Retail", n * 1000, 50 + n])
    contact_file = folder / "crm contacts.csv"
    with contact_file.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Id", "FirstName", "LastName", "AccountId", "Title", "Buying Role"])
        for n in range(contacts):
            account = n % accounts
            out.writerow(
                [f"003K{n:014d}", f"First{n}", f"Last{n}", f"001K{account:014d}", "CFO", "Champion"]
            )
    return [account_file, contact_file]


@dataclass
class ImportReference:
    template: Path
    files: list[Path]
    before: str
    after: str
    seconds: float


def import_reference(template: Path, folder: Path) -> ImportReference:
    files = write_crm_files(folder, IMPORT_ACCOUNTS, 3 * IMPORT_ACCOUNTS)
    plan = folder / "reference import.abmplan"
    shutil.copyfile(template, plan)
    before = digest(plan)
    started = time.perf_counter()
    subprocess.run(
        cli("import", plan, *files),
        check=True,
        env=child_env(folder / "reference data"),
        stdout=subprocess.DEVNULL,
    )
    return ImportReference(template, files, before, digest(plan), time.perf_counter() - started)


def kill_import(reference: ImportReference, folder: Path, rng: random.Random) -> Verdict:
    plan = folder / "Plan being imported into.abmplan"
    shutil.copyfile(reference.template, plan)
    data_home = folder / "data"
    killed, stderr = run_and_kill(
        cli("import", plan, *reference.files),
        child_env(data_home),
        rng.uniform(0.2, reference.seconds),
    )
    verdict = Verdict("CLI import", killed)
    judge_stderr(verdict, stderr)
    allowed = [reference.before, reference.after] if killed else [reference.after]
    judge_plan(verdict, plan, allowed, {reference.before} - set(allowed))
    judge_backups(verdict, data_home)
    return verdict


# -- demo --scale ---------------------------------------------------------------------------


@dataclass
class DemoReference:
    previous: Path  # a plan already at the destination, which --force replaces
    old: str
    new: str
    seconds: float


def demo_reference(template: Path, folder: Path) -> DemoReference:
    plan = folder / "reference scale.abmplan"
    started = time.perf_counter()
    subprocess.run(
        cli("demo", plan, "--scale", SCALE_ACCOUNTS, "--quiet"),
        check=True,
        env=child_env(folder / "reference data"),
    )
    return DemoReference(template, digest(template), digest(plan), time.perf_counter() - started)


def kill_demo(reference: DemoReference, folder: Path, rng: random.Random) -> Verdict:
    plan = folder / "Scale plan.abmplan"
    replace = rng.random() < 0.5
    if replace:
        shutil.copyfile(reference.previous, plan)
    killed, stderr = run_and_kill(
        cli("demo", plan, "--scale", SCALE_ACCOUNTS, "--quiet", "--force"),
        child_env(folder / "data"),
        rng.uniform(0.2, reference.seconds),
    )
    verdict = Verdict("demo --scale", killed)
    judge_stderr(verdict, stderr)
    before = reference.old if replace else None
    allowed = [before, reference.new] if killed else [reference.new]
    judge_plan(verdict, plan, allowed, set())
    return verdict


# -- upgrading an older plan ----------------------------------------------------------------

UPGRADE = (
    "import sys; from abm_planner.services.plans import open_plan; open_plan(sys.argv[1]).close()"
)


_UPGRADING = threading.Lock()  # Alembic keeps its context in module globals: one at a time


@dataclass
class UpgradeReference:
    original: bytes  # a plan of the first format, with one account and two people
    seconds: float


def upgrade_reference(folder: Path, build_old_plan: Callable[[Path], None]) -> UpgradeReference:
    path = folder / "reference old.abmplan"
    build_old_plan(path)
    original = path.read_bytes()
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", UPGRADE, str(path)], check=True)
    return UpgradeReference(original, time.perf_counter() - started)


def kill_upgrade(reference: UpgradeReference, folder: Path, rng: random.Random) -> Verdict:
    """Kill the upgrade; the next open finishes it (or rolls it back and redoes it)."""
    from abm_planner.services.summary import plan_summary
    from abm_planner.store import plan_file, schema

    plan_path = folder / "Helix account plan.abmplan"
    plan_path.write_bytes(reference.original)
    killed, stderr = run_and_kill(
        [sys.executable, "-c", UPGRADE, str(plan_path)],
        child_env(folder / "data"),
        rng.uniform(0.3, reference.seconds),
    )
    verdict = Verdict("plan upgrade", killed)
    judge_stderr(verdict, stderr)
    for backup in folder.glob("*.rev1-backup-*.abmplan"):
        if backup.read_bytes() != reference.original:
            verdict.fail("corrupted", f"{backup.name} is not the original byte for byte")
    try:
        with _UPGRADING:
            plan = open_plan(plan_path)
        try:
            summary = plan_summary(plan)
        finally:
            plan.close()
    except UserError as error:
        verdict.fail("corrupted", f"the app refuses the plan: {error}")
        return verdict
    if (summary["accounts"], summary["stakeholders"]) != (1, 2):
        verdict.fail("lost_edit", f"after the upgrade: {summary['accounts']} accounts")
    if plan_file.read_header(plan_path).schema_revision != schema.head_revision():
        verdict.fail("partial", "the plan was left between formats")
    if integrity(plan_path) != "ok":
        verdict.fail("corrupted", "integrity_check failed")
    return verdict
