"""Opening, creating and closing plans, and the unit of work every edit runs in.

One user action is one ``plan.write()`` block: it commits as a whole or, on any
error, rolls back and leaves the file as it was. Nothing here is SQLite-specific
except the file handling, so the same services run on a PostgreSQL URL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from abm_planner.errors import PlanFileError, ReadOnlyPlanError
from abm_planner.services.changes import Change, ChangeHub
from abm_planner.store import plan_file, schema
from abm_planner.store.models import PlanSettings


@dataclass(slots=True)
class UnitOfWork:
    """The session of one user action plus the changes it will announce on commit."""

    session: Session
    changes: list[Change] = field(default_factory=list)

    def changed(self, kind: str, *ids: object, account_id: object = None) -> None:
        self.changes.append(Change(kind, tuple(ids), account_id))  # type: ignore[arg-type]


class Plan:
    """An open plan: the engine, its sessions and its change notifications."""

    def __init__(
        self,
        engine: Engine,
        *,
        path: Path | None,
        read_only: bool = False,
        upgraded_from_backup: Path | None = None,
    ) -> None:
        self.engine = engine
        self.path = path
        self.read_only = read_only
        self.upgrade_backup = upgraded_from_backup
        self.changes = ChangeHub()
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def location(self) -> str:
        return str(self.path) if self.path else self.engine.url.render_as_string(hide_password=True)

    @property
    def name(self) -> str:
        with self.read() as session:
            settings = session.scalars(select(PlanSettings)).first()
        if settings and settings.name:
            return settings.name
        return self.path.stem if self.path else "Team plan"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; anything it changes is discarded."""
        session = self._sessions()
        try:
            yield session
        except (DatabaseError, sqlite3.DatabaseError) as error:
            raise self._damaged(error) from error
        finally:
            session.close()  # rolls back; loaded values stay readable on detached objects

    @contextmanager
    def write(self) -> Iterator[UnitOfWork]:
        """One user action: commit all of it or none of it, then announce it."""
        if self.read_only:
            raise ReadOnlyPlanError(
                "This plan is open read-only (it is open in another window); "
                "close it there to edit it here."
            )
        session = self._sessions()
        unit = UnitOfWork(session)
        try:
            with session.begin():
                yield unit
        except (OperationalError, IntegrityError) as error:
            raise self._write_failed(error) from error
        except (DatabaseError, sqlite3.DatabaseError) as error:
            raise self._damaged(error) from error
        finally:
            session.close()
        self.changes.publish(unit.changes)

    def save_copy(self, destination: Path) -> None:
        """Write a consistent copy of this plan to ``destination`` (atomic replace)."""
        if self.engine.dialect.name != "sqlite":
            raise PlanFileError("Save a copy works on plan files, not on a team database.")
        try:
            plan_file.save_copy(self.engine, destination)
        except (OSError, sqlite3.Error) as error:
            raise PlanFileError(
                f"A copy could not be written to {destination}: {error}."
            ) from error

    def close(self) -> None:
        self.engine.dispose()

    def _damaged(self, error: Exception) -> PlanFileError:
        detail = getattr(error, "orig", None) or error
        return PlanFileError(f"{self.location} is damaged and cannot be read as a plan ({detail}).")

    def _write_failed(self, error: DatabaseError) -> PlanFileError:
        detail = str(error.orig) if error.orig else str(error)
        return PlanFileError(f"The change could not be saved to {self.location}: {detail}.")


def open_plan(path: Path | str, *, read_only: bool = False) -> Plan:
    """Open a plan file, upgrading an older one after a backup; refuse anything else."""
    path = Path(path)
    backup = schema.check_and_upgrade(path, read_only=read_only)
    engine = plan_file.make_engine(path, read_only=read_only)
    return Plan(engine, path=path, read_only=read_only, upgraded_from_backup=backup)


def create_plan(path: Path | str, name: str | None = None, *, overwrite: bool = False) -> Plan:
    """Create a new plan with the default vocabularies, rubric and play library.

    The file is built under a temporary name in the same folder and appears under
    its real name only when complete, so a crash never leaves half a plan.
    """
    from abm_planner.services.defaults import seed_defaults

    path = Path(path)
    if path.exists() and not overwrite:
        raise PlanFileError(f"{path} already exists; choose another name or open it.")
    if not path.parent.is_dir():
        raise PlanFileError(f"The folder {path.parent} does not exist.")
    try:
        temporary = plan_file.temporary_sibling(path)
    except OSError as error:
        raise PlanFileError(f"{path} could not be created: {error.strerror or error}.") from error
    try:
        plan_file.create_empty_file(temporary)
        engine = plan_file.make_engine(temporary)
        try:
            schema.upgrade(engine)
            plan = Plan(engine, path=temporary)
            with plan.write() as unit:
                seed_defaults(unit.session, name or path.stem)
        finally:
            engine.dispose()
        plan_file.publish(temporary, path)
    except (OSError, sqlite3.Error) as error:
        raise PlanFileError(f"{path} could not be created: {error}.") from error
    finally:
        temporary.unlink(missing_ok=True)
    return open_plan(path)
