"""Recognising, opening, creating and upgrading plan files.

A plan is one SQLite file. It identifies itself through the header's application id
and carries its schema revision in ``user_version`` (mirrored by Alembic's own table),
so a file can be judged from its first 100 bytes before SQLite ever opens it: a
refused file is never written to. The rollback journal with ``synchronous=FULL``
leaves no side file behind once a transaction ends, so a plan can be copied or mailed
whenever the app is idle.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from abm_planner.errors import PlanFileError

APPLICATION_ID = 0x41424D50  # "ABMP"
PLAN_SUFFIX = ".abmplan"
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass(frozen=True, slots=True)
class PlanHeader:
    """What the first 100 bytes of a plan file say about it."""

    application_id: int
    schema_revision: int


def read_header(path: Path) -> PlanHeader:
    """Judge a file by its header alone; raise a one-sentence refusal if it is no plan."""
    if not path.exists():
        raise PlanFileError(f"There is no plan at {path}.")
    if not path.is_file():
        raise PlanFileError(f"{path} is a folder, not a plan file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError as error:
        raise PlanFileError(f"{path} cannot be read: {error.strerror or error}.") from error
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise PlanFileError(f"{path} is not an ABM Planner plan (it is not a SQLite database).")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id != APPLICATION_ID:
        raise PlanFileError(
            f"{path} is a SQLite database but not an ABM Planner plan; it was left untouched."
        )
    return PlanHeader(application_id, int.from_bytes(header[60:64], "big"))


def _connect_factory(path: Path, *, read_only: bool) -> Callable[[], sqlite3.Connection]:
    uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "?mode=rw")

    def connect() -> sqlite3.Connection:
        # isolation_level=None hands transaction control to SQLAlchemy's BEGIN below,
        # which makes DDL in migrations transactional as well.
        return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)

    return connect


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on an existing SQLite file with the plan's PRAGMAs on every connection."""
    # The URL names no file (the creator opens it), which would make SQLAlchemy pick the
    # in-memory pool of one shared connection per thread; a plan file wants a real pool
    # so a worker's read and the UI thread never share or tear down each other's connection.
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=_connect_factory(path, read_only=read_only),
        poolclass=QueuePool,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            cursor.execute("PRAGMA journal_mode = DELETE")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def settle_journal(path: Path) -> None:
    """Finish what a process killed while saving left in the plan's rollback journal.

    A hot journal holds the pages as they were before the interrupted transaction; a
    read-only connection cannot put them back and would call the plan unreadable, so a
    writable one does it first, as SQLite does for any writer. A journal whose header
    was never written (the plan itself not yet touched) is deleted, so no side file
    stays next to an idle plan. A live writer elsewhere holds its lock: this waits
    for it, and then there is nothing left to do.
    """
    journal = Path(f"{path}-journal")
    if not journal.exists():
        return
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None
        )
    except sqlite3.Error as error:
        raise PlanFileError(f"{path} cannot be opened: {error}.") from error
    try:
        connection.execute("PRAGMA busy_timeout = 5000")
        connection.execute("BEGIN IMMEDIATE")  # rolls a hot journal back
        try:
            journal.unlink(missing_ok=True)  # we hold the write lock: nobody else's journal
        finally:
            connection.execute("COMMIT")
    except (sqlite3.Error, OSError) as error:
        if not _readable(path):
            raise PlanFileError(
                f"{path.name} was being saved when the app stopped, and finishing that needs "
                f"write access to it and its folder ({error}); copy the plan and its "
                f"{journal.name} file to a folder you can write to and open it there."
            ) from error
    finally:
        connection.close()


def _readable(path: Path) -> bool:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return True


def create_empty_file(path: Path) -> None:
    """Start a new SQLite file that already carries the plan's application id."""
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.commit()
    finally:
        connection.close()


def unwritable_reason(path: Path) -> str | None:
    """Why the plan at ``path`` cannot be saved to (None when it can).

    SQLite needs the file itself and, for its journal, the folder: both are tried
    the way SQLite will use them, which also catches what permission bits do not
    show (an immutable file, a disk mounted read-only).
    """
    try:
        descriptor = os.open(path, os.O_RDWR)
    except OSError as error:
        return f"the file {path.name} cannot be written to ({error.strerror or error})"
    os.close(descriptor)
    try:
        handle, probe = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        return f"its folder {path.parent} cannot be written to ({error.strerror or error})"
    os.close(handle)
    Path(probe).unlink(missing_ok=True)
    return None


def temporary_sibling(path: Path) -> Path:
    """A fresh temporary path in the destination folder, so ``os.replace`` is atomic."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    Path(name).unlink()
    return Path(name)


def publish(temporary: Path, destination: Path) -> None:
    """Make a finished file visible under its final name in one atomic step."""
    with temporary.open("rb") as handle:
        os.fsync(handle.fileno())
    temporary.replace(destination)
    _fsync_directory(destination.parent)


def _fsync_directory(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # Some filesystems refuse fsync on a directory; the replace already happened.
    finally:
        os.close(descriptor)


def backup_before_upgrade(path: Path, revision: int) -> Path:
    """Copy the plan byte for byte beside itself before a migration touches it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.rev{revision}-backup-{stamp}{path.suffix}")
    counter = 1
    while backup.exists():
        backup = path.with_name(f"{path.stem}.rev{revision}-backup-{stamp}-{counter}{path.suffix}")
        counter += 1
    temporary = temporary_sibling(backup)
    try:
        shutil.copyfile(path, temporary)
        publish(temporary, backup)
    finally:
        temporary.unlink(missing_ok=True)  # a full disk leaves no half backup behind
    return backup


def restore_backup(backup: Path, path: Path) -> None:
    """Put the pre-migration bytes back after a failed upgrade."""
    temporary = temporary_sibling(path)
    shutil.copyfile(backup, temporary)
    for side_file in (Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        side_file.unlink(missing_ok=True)
    publish(temporary, path)


def save_copy(engine: Engine, destination: Path) -> None:
    """Write a consistent copy of an open plan with SQLite's backup API, atomically."""
    temporary = temporary_sibling(destination)
    try:
        target = sqlite3.connect(temporary)
        try:
            with engine.connect() as connection:
                source = connection.connection.dbapi_connection
                assert source is not None
                source.backup(target)  # type: ignore[attr-defined]
            target.execute("PRAGMA journal_mode = DELETE")
            target.commit()
        finally:
            target.close()
        publish(temporary, destination)
    finally:
        temporary.unlink(missing_ok=True)  # a failed copy leaves no half file behind
