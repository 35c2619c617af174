"""A demo plan of the Excel tests' own (written once), and copies a test may change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from abm_planner.services.demo import create_demo_plan


@pytest.fixture(scope="session")
def excel_demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("excel-demo") / "Northwind demo.abmplan"
    create_demo_plan(path).close()
    return path


@pytest.fixture
def demo_copy(excel_demo_path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "Demo copy.abmplan"
    shutil.copyfile(excel_demo_path, copy)
    return copy
