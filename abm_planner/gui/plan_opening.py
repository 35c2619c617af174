"""Opening a plan file for the window: take its lock, open it, and say how it opened.

Kept apart from the window so the order of the steps — lock first, then open with
``read_only`` when the lock is elsewhere, release the lock again if the file is
refused — is in one place and testable without a window. A team plan on a server
(``open_server``) has no lock file: the server's own locking and roles decide.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from abm_planner.errors import PlanFileError
from abm_planner.gui.plan_lock import LockOutcome, PlanLock
from abm_planner.services.plans import Plan, create_plan, open_plan

logger = logging.getLogger(__name__)

PLAN_SUFFIX = ".abmplan"
DEMO_FILE_NAME = "Demo plan.abmplan"


@dataclass
class OpenedPlan:
    plan: Plan
    lock: PlanLock | None  # None for a team plan on a server
    lock_outcome: LockOutcome
    name: str

    @property
    def read_only(self) -> bool:
        return self.plan.read_only

    @property
    def path(self) -> Path:
        assert self.plan.path is not None
        return self.plan.path

    @property
    def is_server(self) -> bool:
        return self.plan.path is None

    def release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()

    def close(self) -> None:
        self.plan.close()
        self.release_lock()


def open_locked(path: Path) -> OpenedPlan:
    """Open ``path`` for writing if we get its lock, read-only otherwise.

    Raises ``UserError`` (with the sentence to show) when the file is refused.
    """
    path = path.resolve()
    lock = PlanLock(path)
    outcome = lock.acquire() if path.is_file() else LockOutcome.NOT_POSSIBLE
    try:
        plan = open_plan(path, read_only=outcome is not LockOutcome.ACQUIRED)
    except BaseException:
        lock.release()
        raise
    try:
        name = plan.name  # the first read: a damaged file is refused here, not later
    except BaseException:
        plan.close()
        lock.release()
        raise
    if outcome is LockOutcome.HELD_ELSEWHERE:
        logger.info("%s is locked by %s; opened read-only", path, lock.owner())
    return OpenedPlan(plan, lock, outcome, name)


def open_server(url: str, password: str | None = None) -> OpenedPlan:
    """Open the team plan at ``url`` (``password`` only when the user was asked for one).

    Raises ``UserError`` with the sentence to show, ``PasswordRequiredError`` when
    libpq found no password (or the server refused it) so the caller can ask.
    """
    plan = open_plan(url, password=password)
    limit_waits(plan)
    try:
        name = plan.name  # the first read, as for files: a refusal comes here, not later
    except BaseException:
        plan.close()
        raise
    return OpenedPlan(plan, None, LockOutcome.NOT_POSSIBLE, name)


WINDOW_WAIT_LIMITS = "-c statement_timeout=30s -c lock_timeout=5s"
"""A window's statements on a team plan: a query or a lock wait that hangs is cut short
(the edit is refused with a sentence) rather than freezing the window."""


def limit_waits(plan: Plan) -> None:
    """Give every connection of a team plan's engine the window's wait limits."""
    from sqlalchemy import event

    def add_limits(_dialect: Any, _record: Any, _args: Any, params: dict[str, Any]) -> None:
        params["options"] = f"{params.get('options', '')} {WINDOW_WAIT_LIMITS}".strip()

    event.listen(plan.engine, "do_connect", add_limits)
    plan.engine.pool.dispose()  # the connections made while opening had no limits


def create_locked(path: Path) -> OpenedPlan:
    """Create a new plan at ``path`` (replacing a file the user agreed to replace), open it."""
    path = path.resolve()
    if path.exists():
        in_use = PlanLock(path)
        outcome = in_use.acquire()
        in_use.release()
        if outcome is LockOutcome.HELD_ELSEWHERE:
            raise PlanFileError(
                f"{path} is open in another window; close it there before replacing it."
            )
    create_plan(path, path.stem, overwrite=True).close()
    return open_locked(path)


def save_copy_checked(plan: Plan, target: Path) -> None:
    """Write a copy of ``plan`` to ``target``, unless that is the plan or a plan in use."""
    if target == plan.path:
        raise PlanFileError("A copy cannot replace the plan itself; choose another name.")
    lock = PlanLock(target)
    if target.exists() and lock.acquire() is LockOutcome.HELD_ELSEWHERE:
        raise PlanFileError(f"{target} is open in another window; choose another name.")
    try:
        plan.save_copy(target)
    finally:
        lock.release()


def demo_plan_path() -> Path:
    """The user's own copy of the demo plan, in the platform's data folder."""
    import platformdirs

    return Path(platformdirs.user_data_dir("abm-planner", appauthor=False)) / DEMO_FILE_NAME


def ensure_demo_plan(path: Path) -> None:
    """Write the demo plan to ``path`` unless it is already there."""
    if path.exists():
        return
    from abm_planner.services.demo import create_demo_plan

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PlanFileError(
            f"The folder {path.parent} could not be created: {error.strerror or error}."
        ) from error
    create_demo_plan(path).close()


def with_plan_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == PLAN_SUFFIX else path.with_name(path.name + PLAN_SUFFIX)
