"""Shared pieces of the team-plan GUI tests: a window, a seeded server plan, waiting.

Not a test module (no ``test_`` prefix); the GUI tests import it. Modal message boxes
are replaced so nothing blocks; a second ``Plan`` on the same database plays the
other person of the team.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from abm_planner.gui.main_window import MainWindow
from abm_planner.gui.plan_opening import open_server
from abm_planner.gui.team_live import TeamLive, live_of
from abm_planner.services.accounts import create_account
from abm_planner.services.plans import Plan, open_plan
from abm_planner.store.models import Account

LIVE_LIMIT_S = 2.0
"""Others' edits must show within this time (the issue's bar)."""


class Messages(list[str]):
    """Every warning/information box the app tried to show."""


def patch_message_boxes(monkeypatch) -> Messages:
    shown = Messages()

    def record(_parent, _title, text, *_args):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, record)
    return shown


def seed_accounts(url: str, names: list[str]) -> dict[str, uuid.UUID]:
    """Accounts on the server plan, by name."""
    plan = open_plan(url)
    try:
        return {name: create_account(plan, {"name": name}) for name in names}
    finally:
        plan.close()


def add_many_accounts(plan: Plan, count: int) -> None:
    """``count`` accounts in one unit of work (one notice: too big, so "everything")."""
    with plan.write() as unit:
        accounts = [Account(id=uuid.uuid4(), name=f"Zulu {n:04d}") for n in range(count)]
        unit.session.add_all(accounts)
        unit.session.flush()
        unit.changed("account", *(account.id for account in accounts))


def show_team_plan(window: MainWindow, url: str) -> TeamLive:
    """Open ``url`` in ``window`` as File ▸ Open team plan does, and wait for LISTEN."""
    window.show_opened(open_server(url))
    live = live_of(window.context)
    assert live is not None
    assert live.wait_listening(5.0)
    return live


@contextmanager
def other_person(url: str) -> Iterator[Plan]:
    plan = open_plan(url)
    try:
        yield plan
    finally:
        plan.close()


def wait_without_events(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait for a background thread's state, *without* running the Qt event loop."""
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)


def settings_text(path: Path) -> str:
    return path.read_text() if path.exists() else ""
