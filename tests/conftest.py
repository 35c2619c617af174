"""Shared fixtures; the offscreen platform is set before anything can load Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from abm_planner.services.demo import create_demo_plan
from abm_planner.services.plans import Plan, create_plan


@pytest.fixture
def tmp_plan(tmp_path: Path) -> Iterator[Plan]:
    """A fresh plan with the default agreement, closed after the test."""
    plan = create_plan(tmp_path / "Test plan.abmplan")
    try:
        yield plan
    finally:
        plan.close()


@pytest.fixture(scope="session")
def demo_plan_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The realistic demo plan, written once per session.

    Shared by many tests: a test that changes it must work on a copy.
    """
    path = tmp_path_factory.mktemp("demo") / "Northwind demo.abmplan"
    create_demo_plan(path).close()
    return path


@pytest.fixture(autouse=True)
def _isolated_user_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads or writes the real user's settings, data folder or log."""
    monkeypatch.setenv("ABM_PLANNER_SETTINGS", str(tmp_path / "user" / "settings.ini"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user" / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "user" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user" / "cache"))
