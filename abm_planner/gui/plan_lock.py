"""One writer per plan: a ``<plan>.lock`` file beside the plan decides who may edit it.

The first instance to open a plan takes the lock and writes; any other instance
opens the plan read-only and says why. After a crash the lock file stays behind;
``QLockFile`` sees that the process named in it is gone and reclaims it.
"""

from __future__ import annotations

import logging
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QLockFile

logger = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"


class LockOutcome(Enum):
    ACQUIRED = "acquired"
    HELD_ELSEWHERE = "held elsewhere"  # another running instance writes this plan
    NOT_POSSIBLE = "not possible"  # the folder is read-only or unreachable


class PlanLock:
    """The lock of one plan file; ``acquire()`` once, ``release()`` when the plan closes."""

    def __init__(self, plan_path: Path) -> None:
        self.path = Path(f"{plan_path}{LOCK_SUFFIX}")
        self._lock = QLockFile(str(self.path))
        # 0 = never judge a lock stale by its age: a plan stays open for hours. A lock
        # whose process is gone (a crash) is still recognised and reclaimed.
        self._lock.setStaleLockTime(0)

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def acquire(self) -> LockOutcome:
        if self._lock.tryLock(0):
            return LockOutcome.ACQUIRED
        error = self._lock.error()
        if error is QLockFile.LockError.LockFailedError:
            if self._reclaim_if_stale():
                return LockOutcome.ACQUIRED
            return LockOutcome.HELD_ELSEWHERE
        logger.warning("Cannot create %s (%s); opening the plan read-only", self.path, error)
        return LockOutcome.NOT_POSSIBLE

    def owner(self) -> str:
        """Who holds the lock, for the log and the banner's tooltip."""
        pid, hostname, app = self._lock.getLockInfo()
        return f"{app} (process {pid} on {hostname})" if pid else ""

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    def _reclaim_if_stale(self) -> bool:
        # tryLock already removes a lock whose process died; this catches a lock file
        # that became stale between the attempt and now (the owner just quit).
        pid, _hostname, _app = self._lock.getLockInfo()
        if pid:
            return False
        self._lock.removeStaleLockFile()
        return self._lock.tryLock(0)
