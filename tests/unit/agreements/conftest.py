"""A writable copy of the session's demo plan for the agreement tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from abm_planner.services.plans import Plan, open_plan


@pytest.fixture
def demo(demo_plan_path: Path, tmp_path: Path) -> Iterator[Plan]:
    """The demo plan (12 accounts), copied so the test may change it."""
    copy = tmp_path / "Demo copy.abmplan"
    shutil.copyfile(demo_plan_path, copy)
    plan = open_plan(copy)
    try:
        yield plan
    finally:
        plan.close()
