"""A demo plan of its own for the DMU tests (written once per session, never changed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from abm_planner.services.demo import create_demo_plan


@pytest.fixture(scope="session")
def dmu_demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dmu-demo") / "Northwind demo.abmplan"
    create_demo_plan(path).close()
    return path


@pytest.fixture
def demo_copy(dmu_demo_path: Path, tmp_path: Path) -> Path:
    """A copy of the demo plan a test may change."""
    copy = tmp_path / "Demo copy.abmplan"
    shutil.copyfile(dmu_demo_path, copy)
    return copy
