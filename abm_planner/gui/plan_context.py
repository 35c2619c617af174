"""What every view of an open plan shares: the plan, its undo stack, its change signal.

The main window makes one ``PlanContext`` per open plan and hands it to the panels
and tabs it creates; nothing in the GUI keeps plan data that the plan file does not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from abm_planner.services.changes import Change
from abm_planner.services.plans import Plan


class PlanEvents(QObject):
    """Re-emits the services' change notifications as a Qt signal (list[Change])."""

    changed = Signal(list)

    def __init__(self, plan: Plan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = plan.changes.subscribe(self._forward)

    def _forward(self, changes: list[Change]) -> None:
        self.changed.emit(changes)

    def detach(self) -> None:
        self._unsubscribe()


@dataclass
class PlanContext:
    """The open plan as the GUI sees it."""

    plan: Plan
    undo_stack: QUndoStack
    events: PlanEvents
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def read_only(self) -> bool:
        return self.plan.read_only

    @classmethod
    def open(cls, plan: Plan, parent: QObject | None = None) -> PlanContext:
        stack = QUndoStack(parent)
        return cls(plan, stack, PlanEvents(plan, parent))

    def close(self) -> None:
        self.events.detach()
        self.undo_stack.clear()
        self.plan.close()
