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

from sqlalchemy import Engine, event, select
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from abm_planner.errors import PlanFileError, ReadOnlyPlanError
from abm_planner.services.changes import Change, ChangeHub
from abm_planner.services.edit_conflicts import edit_conflict, remember_pending_edits
from abm_planner.services.seen_versions import WRITING
from abm_planner.services.team_notify import announce, new_client_id
from abm_planner.store import plan_file, schema
from abm_planner.store.models import PlanSettings
from abm_planner.store.plan_location import PlanLocation, display_location, is_server_url


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
        read_only_reason: str | None = None,
    ) -> None:
        self.engine = engine
        self.path = path
        self.read_only = read_only
        self.read_only_reason = read_only_reason or (
            "it is open in another window; close it there to edit it here"
        )
        self.upgrade_backup = upgraded_from_backup
        self.changes = ChangeHub()
        self.client_id = new_client_id()  # team plans: tells this plan's notices apart
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", remember_pending_edits)

    @property
    def is_server(self) -> bool:
        """A team plan on a PostgreSQL server rather than a plan file."""
        return self.path is None and self.engine.dialect.name == "postgresql"

    @property
    def location(self) -> str:
        """Where the plan lives, fit to show or store: never a password."""
        return str(self.path) if self.path else display_location(self.engine.url)

    @property
    def name(self) -> str:
        with self.read() as session:
            settings = session.scalars(select(PlanSettings)).first()
        if settings and settings.name:
            return settings.name
        return self.path.stem if self.path else (self.engine.url.database or "Team plan")

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
            raise ReadOnlyPlanError(f"This plan is open read-only: {self.read_only_reason}.")
        session = self._sessions(info={WRITING: True})
        unit = UnitOfWork(session)
        try:
            with session.begin():
                try:
                    yield unit
                    session.flush()
                except StaleDataError as error:
                    # Someone saved a record first (its version moved on): say who and what.
                    raise edit_conflict(session, self.engine) from error
                if self.is_server:  # delivered to everyone listening when this commits
                    announce(session, unit.changes, self.client_id)
        except (OperationalError, IntegrityError) as error:
            raise self._write_failed(error) from error
        except (sqlite3.OperationalError, sqlite3.IntegrityError) as error:  # bulk writes
            raise self._write_failed(error) from error
        except (DatabaseError, sqlite3.DatabaseError) as error:
            raise self._damaged(error) from error
        finally:
            session.close()
        self.changes.publish(unit.changes)

    def save_copy(self, destination: Path) -> None:
        """Write a consistent copy of this plan to ``destination`` (atomic replace)."""
        if self.engine.dialect.name != "sqlite":
            # A team plan's copy is an offline copy: it remembers where it came from.
            from abm_planner.services.plan_copy import copy_to_file

            copy_to_file(self, destination, replace=True)
            return
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
        if self.is_server:
            first_line = str(detail).strip().splitlines()[0] if str(detail).strip() else ""
            return PlanFileError(f"The team plan at {self.location} refused this: {first_line}.")
        return PlanFileError(f"{self.location} is damaged and cannot be read as a plan ({detail}).")

    def _write_failed(self, error: Exception) -> PlanFileError:
        detail = str(getattr(error, "orig", None) or error)
        if self.path is not None and not self.path.exists():
            return PlanFileError(
                f"{self.location} was moved or deleted while it was open, so the change was "
                "not saved; use Save a copy as to keep the plan as it is."
            )
        if "disk" in detail:  # "database or disk is full", "disk I/O error"
            detail += " (the disk may be full or gone); the plan keeps its last saved state"
        return PlanFileError(f"The change could not be saved to {self.location}: {detail}.")


def open_plan(path: PlanLocation, *, read_only: bool = False, password: str | None = None) -> Plan:
    """Open a plan file, upgrading an older one after a backup; refuse anything else.

    A PostgreSQL URL opens a team plan instead (``password`` only when the GUI asked
    for one; libpq finds it in ``~/.pgpass``, a service file or ``PGPASSWORD``).
    """
    if is_server_url(path):
        from abm_planner.services.server_plans import open_server_plan

        return open_server_plan(str(path), read_only=read_only, password=password)
    path = Path(path)
    # A read-only file or folder opens read-only with the reason, instead of failing
    # on the first edit (SQLite itself would open it "for writing" without a word).
    reason = plan_file.unwritable_reason(path) if not read_only and path.is_file() else None
    read_only = read_only or reason is not None
    backup = schema.check_and_upgrade(path, read_only=read_only)
    engine = plan_file.make_engine(path, read_only=read_only)
    return Plan(
        engine,
        path=path,
        read_only=read_only,
        upgraded_from_backup=backup,
        read_only_reason=reason,
    )


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
    except SQLAlchemyError as error:  # e.g. the disk filled up while the tables were made
        detail = getattr(error, "orig", None) or error
        raise PlanFileError(f"{path} could not be created: {detail}.") from error
    finally:
        temporary.unlink(missing_ok=True)
    return open_plan(path)
