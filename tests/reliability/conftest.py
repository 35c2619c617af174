"""Fixtures of the fault-injection suite: a plan to break, and the writers' references."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from abm_planner.services.demo import create_demo_plan


@pytest.fixture(scope="session")
def template_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo plan, written once: the kill and fault tests work on copies of it."""
    path = tmp_path_factory.mktemp("template") / "Template.abmplan"
    create_demo_plan(path).close()
    return path


@pytest.fixture
def plan_copy(template_plan: Path, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "Account plan.abmplan"
    shutil.copyfile(template_plan, path)
    yield path
