"""Commands for edits whose service call already knows its own inverse.

Most plan-wide edits have one of three shapes: a call that returns the old value (undo
is the same call with that value), a create (undo deletes and captures the record,
redo restores the capture with the same id), or a delete (undo restores what the
delete captured). These three serve every capability that has such services.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from abm_planner.gui.commands.base import ServiceCommand
from abm_planner.gui.plan_context import PlanContext

Captured = TypeVar("Captured")


class ValueCommand(ServiceCommand):
    """``change(value)`` makes the edit and returns the old value; undo changes it back."""

    def __init__(
        self, context: PlanContext, text: str, change: Callable[[Any], Any], value: Any
    ) -> None:
        super().__init__(context, text)
        self._change = change
        self.value = value
        self.old: Any = None

    def apply(self) -> None:
        self.old = self._change(self.value)

    def do_redo(self) -> None:
        self._change(self.value)

    def do_undo(self) -> None:
        self._change(self.old)


class CreateCommand(ServiceCommand, Generic[Captured]):
    """Add a record; undo deletes it (capturing it) and redo restores that capture."""

    def __init__(
        self,
        context: PlanContext,
        text: str,
        create: Callable[[], uuid.UUID],
        delete: Callable[[uuid.UUID], Captured],
        restore: Callable[[Captured], None],
    ) -> None:
        super().__init__(context, text)
        self._create, self._delete, self._restore = create, delete, restore
        self.record_id: uuid.UUID | None = None
        self._captured: Captured | None = None

    def apply(self) -> None:
        self.record_id = self._create()

    def do_redo(self) -> None:
        assert self._captured is not None
        self._restore(self._captured)

    def do_undo(self) -> None:
        assert self.record_id is not None
        self._captured = self._delete(self.record_id)


class DeleteCommand(ServiceCommand, Generic[Captured]):
    """Delete a record with what hangs off it; undo restores every captured row."""

    def __init__(
        self,
        context: PlanContext,
        text: str,
        record_id: uuid.UUID,
        delete: Callable[[uuid.UUID], Captured],
        restore: Callable[[Captured], None],
    ) -> None:
        super().__init__(context, text)
        self.record_id = record_id
        self._delete, self._restore = delete, restore
        self._captured: Captured | None = None

    def apply(self) -> None:
        self._captured = self._delete(self.record_id)

    def do_redo(self) -> None:
        self.apply()

    def do_undo(self) -> None:
        assert self._captured is not None
        self._restore(self._captured)
