"""A demo plan of the Excel tests' own (written once), copies a test may change, one export."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from round_trip_helpers import export

from abm_planner.services.demo import create_demo_plan
from abm_planner.services.plans import Plan, open_plan


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


@pytest.fixture
def plan(demo_copy: Path) -> Iterator[Plan]:
    """A copy of the demo plan, open; the round-trip tests import into it."""
    opened = open_plan(demo_copy)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def exported(excel_demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One export of the demo plan per test module; every test edits a copy of it."""
    opened = open_plan(excel_demo_path)
    try:
        return export(opened, tmp_path_factory.mktemp("rt") / "export.xlsx")
    finally:
        opened.close()
