"""Two instances of the app on one plan, and the lock a killed instance leaves behind."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from plan_state import digest, integrity

from abm_planner.gui.plan_lock import LockOutcome
from abm_planner.gui.plan_opening import open_locked
from abm_planner.services import accounts

# A second app instance: opens the plan as the window does, saves one edit, says so, waits.
INSTANCE = """
import sys, time
from pathlib import Path
from abm_planner.gui.plan_opening import open_locked
from abm_planner.services import accounts
opened = open_locked(Path(sys.argv[1]))
assert not opened.read_only
accounts.create_account(opened.plan, {"name": "Edited in the first window"})
print("ready", flush=True)
time.sleep(120)
"""


def test_the_second_instance_is_read_only_and_reclaims_the_lock_after_a_kill(
    plan_copy: Path,
) -> None:
    first = subprocess.Popen(
        [sys.executable, "-c", INSTANCE, str(plan_copy)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "ready"
        second = open_locked(plan_copy)
        try:
            assert second.read_only
            assert second.lock_outcome is LockOutcome.HELD_ELSEWHERE
            assert str(first.pid) in second.lock.owner()
            names = {row.name for row in accounts.list_accounts(second.plan)}
            assert "Edited in the first window" in names
        finally:
            second.close()
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        if first.stdout is not None:
            first.stdout.close()
    assert Path(f"{plan_copy}.lock").exists()  # left behind by the killed instance
    before = digest(plan_copy)
    third = open_locked(plan_copy)
    try:
        assert third.lock_outcome is LockOutcome.ACQUIRED
        assert not third.read_only
        accounts.create_account(third.plan, {"name": "Edited after the crash"})
    finally:
        third.close()
    assert not Path(f"{plan_copy}.lock").exists()
    assert integrity(plan_copy) == "ok"
    assert digest(plan_copy) != before
