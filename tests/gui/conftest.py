"""Fixtures for the portfolio, workspace and undo tests: a writable copy of the demo plan.

``tests/conftest.py`` writes the demo once per session; every test here edits its own
copy, opened as the app does, and the plan is closed after the test. Modal dialogs
are replaced by ``Dialogs`` so no test can block on a message box.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from abm_planner.gui.plan_context import PlanContext
from abm_planner.services.plans import open_plan


@pytest.fixture
def demo_copy(demo_plan_path: Path, tmp_path: Path) -> Path:
    """A copy of the demo plan that this test may change."""
    path = tmp_path / "demo copy.abmplan"
    shutil.copyfile(demo_plan_path, path)
    return path


def _open_context(path: Path, *, read_only: bool = False) -> Iterator[PlanContext]:
    context = PlanContext.open(open_plan(path, read_only=read_only))
    try:
        yield context
    finally:
        QApplication.processEvents()
        context.close()


@pytest.fixture
def context(qapp: QApplication, demo_copy: Path) -> Iterator[PlanContext]:
    """The demo copy, opened for writing with a fresh undo stack."""
    del qapp
    yield from _open_context(demo_copy)


@pytest.fixture
def read_only_context(qapp: QApplication, demo_copy: Path) -> Iterator[PlanContext]:
    """The demo copy opened read-only, as a second instance would open it."""
    del qapp
    yield from _open_context(demo_copy, read_only=True)


@dataclass
class Dialogs:
    """Stand-ins for the static dialog functions; answers are set by the test."""

    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    text: tuple[str, bool] = ("", False)
    warnings: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    prompts: list[str] = field(default_factory=list)

    def warning(self, _parent: Any, _title: str, text: str, *_args: Any) -> Any:
        self.warnings.append(text)
        return QMessageBox.StandardButton.Ok

    def question(self, _parent: Any, _title: str, text: str, *_args: Any) -> Any:
        self.questions.append(text)
        return self.answer

    def get_text(self, _parent: Any, _title: str, label: str, *_args: Any) -> tuple[str, bool]:
        self.prompts.append(label)
        return self.text


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """Replace QMessageBox/QInputDialog static methods; nothing modal ever opens."""
    stand_in = Dialogs()
    monkeypatch.setattr(QMessageBox, "warning", stand_in.warning)
    monkeypatch.setattr(QMessageBox, "critical", stand_in.warning)
    monkeypatch.setattr(QMessageBox, "information", stand_in.warning)
    monkeypatch.setattr(QMessageBox, "question", stand_in.question)
    monkeypatch.setattr(QInputDialog, "getText", stand_in.get_text)
    return stand_in


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_ui_thread() -> Iterator[None]:
    """As the app does (gui/garbage_collection.py): no collection inside a worker thread.

    A cycle holding a Qt object, freed by a collection that a background job happened
    to trigger, would be destroyed from the wrong thread; tests collect at their end.
    """
    import gc

    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()
