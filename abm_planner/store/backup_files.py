"""Backup files of plans: copying a live plan, restoring one, and which copies to keep.

Copies go through SQLite's backup API, never a file copy: a plan may be in the middle
of a transaction, and only SQLite knows which bytes are committed. The copy is taken a
few megabytes at a time from a connection of its own, so the app's next edit waits at
most one step for its lock, and a copy is written under a temporary name and appears
only when complete: a crash or a full disk never leaves half a backup behind.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from abm_planner.store import plan_file

STEP_PAGES = 2048  # 8 MB per step at SQLite's default page size
PAUSE = 0.1  # seconds between steps: longer than SQLite's longest wait between retries
STAMP_FORMAT = "%Y%m%d-%H%M%S"
KEEP_DAYS = 7
KEEP_HOURS = 6
KEEP_NEWEST_DAYS = 30
# At most this many bytes of backups per plan: a 400 MB plan would otherwise keep about
# 14 copies (6 GB) and fill a laptop's disk; small plans never reach it.
BUDGET_BYTES = 2 * 1024**3


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    mode = "ro" if read_only else "rw"
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True)
    connection.execute("PRAGMA busy_timeout = 5000")
    return connection


class PlanBusyError(Exception):
    """The plan kept being written to during the copy; try again a little later."""


RESTARTS_ALLOWED = 5
_WAITED = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)  # a step that waited is no restart


def copy_plan(source: Path, destination: Path) -> None:
    """Write a consistent copy of the plan at ``source`` to ``destination``, atomically.

    The copy goes 8 MB at a time, holding the plan's read lock only for a step and
    pausing between steps, so an edit saved meanwhile waits a step, never the whole
    copy. An edit
    makes SQLite start the copy over; after five restarts this gives up with
    ``PlanBusyError`` rather than hold the lock (the caller tries again later). Raises
    ``OSError`` or ``sqlite3.Error`` too; the temporary file is removed either way.
    """
    temporary = plan_file.temporary_sibling(destination)
    try:
        _copy(source, temporary, STEP_PAGES, restarts_allowed=RESTARTS_ALLOWED)
        plan_file.publish(temporary, destination)
    finally:
        temporary.unlink(missing_ok=True)


def _copy(source: Path, target_path: Path, pages: int, *, restarts_allowed: int) -> None:
    last_copied = -1
    restarts = 0

    def progress(status: int, remaining: int, total: int) -> None:
        nonlocal last_copied, restarts
        copied = total - remaining
        if status not in _WAITED and 0 <= copied <= last_copied:  # SQLite started over
            restarts += 1
            if restarts > restarts_allowed:
                raise PlanBusyError
        last_copied = copied
        if remaining:
            # No lock is held here: a save waiting in its busy handler gets its turn
            # (it retries at most every 100 ms), instead of waiting for the whole copy.
            time.sleep(PAUSE)

    with (
        closing(_connect(source, read_only=True)) as reader,
        closing(sqlite3.connect(target_path)) as target,
    ):
        reader.backup(target, pages=pages, progress=progress if pages > 0 else None)
        target.execute("PRAGMA journal_mode = DELETE")


def restore_into(backup: Path, plan: Path) -> None:
    """Replace the contents of the plan file ``plan`` with those of ``backup``.

    SQLite writes the pages through the plan's own rollback journal, so a crash or a
    full disk half-way leaves the plan as it was before, never a mixture.
    """
    with (
        closing(_connect(backup, read_only=True)) as reader,
        closing(_connect(plan, read_only=False)) as target,
    ):
        reader.backup(target)


@dataclass(frozen=True, slots=True)
class StampedFile:
    path: Path
    taken_at: datetime
    reason: str = ""  # "before-restore", "before-import": kept for the whole 7 days


def stamped_files(folder: Path, suffix: str) -> list[StampedFile]:
    """The backups in ``folder``, oldest first; files that are not named by a time are skipped."""
    found: list[StampedFile] = []
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        if entry.suffix != suffix or entry.name.startswith("."):
            continue
        stamp, _dash, reason = entry.stem.partition("-before-")
        try:
            taken_at = datetime.strptime(stamp, STAMP_FORMAT)
        except ValueError:
            continue
        found.append(StampedFile(entry, taken_at, f"before-{reason}" if reason else ""))
    return sorted(found, key=lambda f: f.taken_at)


def to_keep(files: Sequence[StampedFile], now: datetime) -> set[Path]:
    """Which backups the rolling policy keeps at ``now``.

    The newest (unless over 30 days old), the first of each of the last 6 hours, the
    first of each of the last 7 days, and those taken before a restore or an import
    within the last 7 days. "First" because it holds the plan as it was before that
    hour's or that day's edits, which is what one goes back to.
    """
    keep: set[Path] = set()
    if files and now - files[-1].taken_at <= timedelta(days=KEEP_NEWEST_DAYS):
        keep.add(files[-1].path)
    first_day = now.date() - timedelta(days=KEEP_DAYS - 1)
    hour_start = now.replace(minute=0, second=0, microsecond=0) - timedelta(hours=KEEP_HOURS - 1)
    days: set[date] = set()
    hours: set[datetime] = set()
    for stamped in files:  # oldest first: the first of each slot wins
        day = stamped.taken_at.date()
        if stamped.reason and day >= first_day:
            keep.add(stamped.path)
            continue
        if day >= first_day and day not in days:
            days.add(day)
            keep.add(stamped.path)
        hour = stamped.taken_at.replace(minute=0, second=0, microsecond=0)
        if hour >= hour_start and hour not in hours:
            hours.add(hour)
            keep.add(stamped.path)
    return keep


def within_budget(
    files: Sequence[StampedFile], keep: set[Path], budget: int = BUDGET_BYTES
) -> set[Path]:
    """``keep`` without its oldest backups until they fit in ``budget`` bytes together.

    The newest kept backup always stays, whatever its size: one copy beats none.
    """
    kept = [f for f in files if f.path in keep]  # oldest first
    sizes: dict[Path, int] = {}
    for stamped in kept:
        try:
            sizes[stamped.path] = stamped.path.stat().st_size
        except OSError:
            sizes[stamped.path] = 0
    total = sum(sizes.values())
    trimmed = set(keep)
    for stamped in kept[:-1]:
        if total <= budget:
            break
        trimmed.discard(stamped.path)
        total -= sizes[stamped.path]
    return trimmed


def prune(folder: Path, files: Iterable[StampedFile], keep: set[Path], now: datetime) -> None:
    """Delete the backups not kept, and temporary files a killed copy left over an hour ago."""
    for stamped in files:
        if stamped.path not in keep:
            stamped.path.unlink(missing_ok=True)
    cutoff = (now - timedelta(hours=1)).timestamp()
    for leftover in folder.glob(".*.tmp"):
        try:
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            continue  # gone already, or not ours to delete
