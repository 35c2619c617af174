"""Rolling backups of every plan the app writes, kept in the user's data folder.

A backup is taken when a plan is opened for writing, before a command-line import,
and then at most every ten minutes while edits are being saved. Each plan has a folder
of its own, named by the plan's file name and a hash of its identity (the id stored in
the plan and its full path), so two plans called "Q3.abmplan" in different folders,
or a copy made with Save a copy, never mix. Which backups are kept is
``backup_files.to_keep``: the newest, the first of each of the last 6 hours and the
first of each of the last 7 days.

Backups run on a background thread of their own (``RollingBackups``): a copy of the
400 MB scale plan takes about a second, which must not freeze the window.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from abm_planner.errors import PlanFileError
from abm_planner.services.changes import Change
from abm_planner.services.plans import Plan
from abm_planner.store import backup_files, plan_file, schema
from abm_planner.store.models import Account, PlanSettings, Stakeholder

logger = logging.getLogger(__name__)

APP_DIR_NAME = "abm-planner"
BACKUP_INTERVAL = timedelta(minutes=10)
_UNSAFE = re.compile(r"[^\w.-]+")


def backups_root() -> Path:
    """Where all backups live: ``backups/`` in the platform's user data folder."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)) / "backups"


def backup_folder(plan: Plan) -> Path:
    """The folder of this plan's backups (named, not created)."""
    if plan.path is None:
        raise PlanFileError("Backups are kept for plan files, not for a team database.")
    with plan.read() as session:
        plan_id = session.scalar(select(PlanSettings.id))
    path = plan.path.resolve()
    identity = hashlib.sha256(f"{plan_id}\n{path}".encode()).hexdigest()[:16]
    stem = _UNSAFE.sub("_", path.stem).strip("_")[:40] or "plan"
    return backups_root() / f"{stem}-{identity}"


class BackupPostponedError(PlanFileError):
    """Edits kept restarting the copy; ``RollingBackups`` tries again a minute later."""


RETRY_AFTER = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup as File ▸ Restore from backup lists it."""

    path: Path
    taken_at: datetime
    size: int
    accounts: int | None  # None: the backup could not be read (damaged, or a newer format)
    stakeholders: int | None
    reason: str = ""  # "before-restore", "before-import", or "" for a rolling one


def take_backup(
    plan: Plan,
    *,
    now: datetime | None = None,
    folder: Path | None = None,
    before: str | None = None,
) -> Path:
    """Copy ``plan`` into its backup folder now and prune the older backups.

    ``before`` ("restore", "import") marks a backup taken before a big change; it is
    kept for the whole 7 days. Raises ``PlanFileError`` (one sentence) when the copy
    cannot be written; the plan itself is never touched.
    """
    now = now or datetime.now()
    folder = folder or backup_folder(plan)
    assert plan.path is not None
    note = f"-before-{before}" if before else ""

    def name(moment: datetime) -> Path:
        return folder / f"{moment.strftime(backup_files.STAMP_FORMAT)}{note}{plan_file.PLAN_SUFFIX}"

    destination = name(now)
    while destination.exists():  # two in one second (a restore right after opening)
        now += timedelta(seconds=1)
        destination = name(now)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        backup_files.copy_plan(plan.path, destination)
        files = backup_files.stamped_files(folder, plan_file.PLAN_SUFFIX)
        keep = backup_files.within_budget(files, backup_files.to_keep(files, now))
        backup_files.prune(folder, files, keep, now)
    except backup_files.PlanBusyError as error:
        raise BackupPostponedError(
            f"The backup of {plan.path.name} was put off: the plan was being saved to "
            "all the while."
        ) from error
    except (OSError, sqlite3.Error) as error:
        detail = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise PlanFileError(
            f"No backup of {plan.path.name} could be written to {folder}: {detail}."
        ) from error
    return destination


def list_backups(plan: Plan) -> list[BackupInfo]:
    """This plan's backups, newest first, with what each holds."""
    folder = backup_folder(plan)
    found = backup_files.stamped_files(folder, plan_file.PLAN_SUFFIX)
    return [_describe(f.path, f.taken_at, f.reason) for f in reversed(found)]


def _describe(path: Path, taken_at: datetime, reason: str) -> BackupInfo:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    accounts = stakeholders = None
    try:
        if plan_file.read_header(path).schema_revision <= schema.head_revision():
            engine = plan_file.make_engine(path, read_only=True)
            try:
                with engine.connect() as connection:
                    accounts = connection.scalar(select(func.count()).select_from(Account))
                    stakeholders = connection.scalar(select(func.count()).select_from(Stakeholder))
            finally:
                engine.dispose()
    except (PlanFileError, SQLAlchemyError, sqlite3.Error):
        accounts = stakeholders = None  # listed all the same; restoring will say why not
    return BackupInfo(path, taken_at, size, accounts, stakeholders, reason)


def _check_backup(backup: Path) -> None:
    header = plan_file.read_header(backup)
    if header.schema_revision > schema.head_revision():
        raise PlanFileError(
            f"The backup {backup.name} is from a newer version of ABM Planner; update the app."
        )


def restore_as_new(backup: Path, destination: Path, *, overwrite: bool = False) -> None:
    """Write ``backup`` as a plan file at ``destination`` (atomically)."""
    _check_backup(backup)
    if destination.exists() and not overwrite:
        raise PlanFileError(f"{destination} already exists; choose another name.")
    try:
        backup_files.copy_plan(backup, destination)
    except (OSError, sqlite3.Error) as error:
        raise PlanFileError(
            f"The backup could not be written to {destination}: {error}."
        ) from error


def restore_over(plan: Plan, backup: Path) -> Path:
    """Put ``backup`` in place of the open plan's contents; returns the backup of before.

    The current plan is backed up first, so a restore can itself be undone from the
    list. The caller closes and reopens the plan afterwards (its undo history no
    longer applies).
    """
    _check_backup(backup)
    if plan.read_only or plan.path is None:
        raise PlanFileError("This plan is open read-only; it cannot be restored here.")
    before = take_backup(plan, before="restore")
    plan.engine.dispose()  # no pooled connection keeps pages of the old contents
    try:
        backup_files.restore_into(backup, plan.path)
    except (OSError, sqlite3.Error) as error:
        raise PlanFileError(
            f"{plan.path.name} could not be restored ({error}); it is unchanged."
        ) from error
    return before


class RollingBackups:
    """Takes the backups of one plan open for writing, on a background thread.

    ``start()`` takes the first backup (after ``delay`` seconds, so a window opening a
    large plan paints first); after that, a saved edit takes one when the last is older
    than ``interval``. ``stop()`` waits for a running backup, so the
    plan can be closed or restored safely afterwards. Failures are logged and kept in
    ``last_error``; they never interrupt editing.
    """

    def __init__(
        self,
        plan: Plan,
        *,
        interval: timedelta = BACKUP_INTERVAL,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.plan = plan
        self.interval = interval
        self.clock = clock
        self.last_error: str | None = None
        self.taken: list[Path] = []
        self._last_started: datetime | None = None
        self._pending: Future[None] | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="plan-backup")
        self._unsubscribe: Callable[[], None] | None = None
        self._lock = threading.Lock()
        self._folder: Path | None = None
        self._first: threading.Timer | None = None
        self._stopped = False

    def start(self, delay: float = 0.0) -> None:
        self._folder = backup_folder(self.plan)  # read here: the thread never queries the plan
        self._unsubscribe = self.plan.changes.subscribe(self._on_changes)
        if delay <= 0:
            self._submit()
            return
        self._first = threading.Timer(delay, self._submit)
        self._first.daemon = True
        self._first.start()

    def _take_first_now(self) -> None:
        first, self._first = self._first, None
        if first is not None and first.is_alive():
            first.cancel()
            self._submit()

    def _on_changes(self, _changes: list[Change]) -> None:
        if self._first is not None:  # edited before the opening backup's delay ran out
            self._take_first_now()
            return
        last = self._last_started
        if last is None or self.clock() - last >= self.interval:
            self._submit()

    def _submit(self) -> None:
        with self._lock:
            if self._pending is not None and not self._pending.done():
                return
            if self._stopped:
                return
            self._last_started = self.clock()
            self._pending = self._executor.submit(self._run, self._last_started)

    def _run(self, now: datetime) -> None:
        try:
            self.taken.append(take_backup(self.plan, now=now, folder=self._folder))
            self.last_error = None
        except BackupPostponedError as error:
            self.last_error = str(error)
            with self._lock:  # the next saved edit after a minute tries again
                self._last_started = now - self.interval + RETRY_AFTER
        except PlanFileError as error:
            self.last_error = str(error)
            logger.warning("%s", error)
        except Exception:  # a backup must never take the editing down with it
            self.last_error = "The backup failed unexpectedly; see the log."
            logger.exception("Backup of %s failed", self.plan.location)

    def wait(self) -> None:
        """Block until a running backup has finished (tests, and before a restore).

        An opening backup still waiting for its delay is taken now.
        """
        self._take_first_now()
        pending = self._pending
        if pending is not None:
            pending.result()

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
        if self._first is not None:
            self._first.cancel()
            self._first = None
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._executor.shutdown(wait=True)


def lock_holder_alive(plan_path: Path) -> bool:
    """Whether the app's lock file beside ``plan_path`` names a running process.

    The GUI's lock is a ``QLockFile`` (first line: the process id); the command line
    reads it without Qt so it can refuse to restore over a plan open in a window.
    """
    lock = Path(f"{plan_path}.lock")
    try:
        pid = int(lock.read_text(encoding="utf-8", errors="replace").splitlines()[0])
    except (OSError, ValueError, IndexError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
