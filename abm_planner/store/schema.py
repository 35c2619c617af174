"""Schema revisions: which one a plan is at, and bringing it to this app's head.

Revision ids are zero-padded numbers ("0002") so the SQLite ``user_version`` in the
file header can mirror them and a plan can be judged without opening it.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DatabaseError, SQLAlchemyError

from abm_planner.errors import PlanFileError
from abm_planner.store import plan_file

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = "abm_planner.store:migrations"
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def _config() -> Config:
    from alembic.config import Config  # Alembic loads only when a schema must change.

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


@cache
def head_revision() -> int:
    """The newest schema revision this app knows.

    Read from the revision files' numbers rather than through Alembic, so opening a
    plan that is already current never imports Alembic (a tenth of a second at start).
    A test checks it agrees with Alembic's own head.
    """
    versions = files("abm_planner.store.migrations") / "versions"
    numbers = [
        int(match.group(1))
        for entry in versions.iterdir()
        if (match := _REVISION_FILE.match(entry.name))
    ]
    return max(numbers)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` in one transaction on ``engine``."""
    with engine.begin() as connection:
        upgrade_connection(connection, revision)


def upgrade_connection(connection: Connection, revision: str = "head") -> None:
    """Run the migrations in the caller's transaction (a server upgrade adds its defaults)."""
    from alembic import command

    config = _config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def database_revision(engine: Engine) -> int:
    """The revision Alembic recorded inside the database (0 when none)."""
    with engine.connect() as connection:
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return int(row[0]) if row else 0


def check_and_upgrade(path: Path, *, read_only: bool) -> Path | None:
    """Refuse what this app cannot open; upgrade an older plan after backing it up.

    Returns the backup's path when an upgrade happened. Every refusal leaves the file
    byte for byte as it was: the header is read with plain file I/O, and SQLite opens
    the file read-only until an upgrade is certain.
    """
    header = plan_file.read_header(path)
    head = head_revision()
    for settled in (False, True):
        if header.schema_revision > head:
            raise PlanFileError(
                f"{path.name} was saved by a newer version of ABM Planner (plan format "
                f"{header.schema_revision}, this app reads up to {head}); update the app "
                "to open it."
            )
        if settled or not Path(f"{path}-journal").exists():
            break
        # A crash mid-save: back to the last commit first (only for a plan of ours).
        plan_file.settle_journal(path)
        header = plan_file.read_header(path)
    if header.schema_revision < 1:
        raise PlanFileError(f"{path.name} is damaged: it was never fully created.")
    _check_readable(path, header.schema_revision)
    if header.schema_revision == head:
        return None
    if read_only:
        raise PlanFileError(
            f"{path.name} is in an older plan format and must be upgraded, which needs "
            "write access; it is open in another window or read-only."
        )
    try:
        backup = plan_file.backup_before_upgrade(path, header.schema_revision)
    except OSError as error:
        raise PlanFileError(
            f"{path.name} must be upgraded to open it, but its backup could not be written "
            f"first ({error.strerror or error}); it was left unchanged. Free some space or "
            "copy the plan to a folder you can write to."
        ) from error
    engine = plan_file.make_engine(path)
    try:
        upgrade(engine)
    except (SQLAlchemyError, sqlite3.Error, OSError) as error:
        engine.dispose()
        plan_file.restore_backup(backup, path)
        raise PlanFileError(
            f"{path.name} could not be upgraded ({error.__class__.__name__}); it was "
            f"restored unchanged and a backup is at {backup.name}."
        ) from error
    finally:
        engine.dispose()
    return backup


def _check_readable(path: Path, revision: int) -> None:
    engine = plan_file.make_engine(path, read_only=True)
    try:
        recorded = database_revision(engine)
    except (DatabaseError, sqlite3.Error) as error:
        raise PlanFileError(f"{path.name} is damaged and cannot be read as a plan.") from error
    finally:
        engine.dispose()
    if recorded != revision:
        raise PlanFileError(
            f"{path.name} is damaged: its header says plan format {revision} but its "
            f"contents say {recorded}."
        )
