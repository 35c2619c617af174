"""What the agreement's editable tables share: undo commands instead of writes, and
refreshing from the plan without losing the user's place.

``setData`` never changes a row itself: it pushes an undo command, and the row
changes when the service announces the change — the same path undo, redo and edits
made in another window take. A refused edit is emitted as ``edit_failed`` for the
view to report after the cell editor has closed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from abm_planner.errors import UserError
from abm_planner.gui.commands.base import ServiceCommand, push
from abm_planner.gui.models.record_table import Column, RecordTableModel
from abm_planner.gui.plan_context import PlanContext

R = TypeVar("R")

EDIT = Qt.ItemDataRole.EditRole.value
CHECK = Qt.ItemDataRole.CheckStateRole.value
BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value


def is_checked(value: Any) -> bool:
    """A check state as a view sends it (an enum or its int)."""
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


class EditableTable(RecordTableModel[R]):
    """A record table whose edits are undo commands on the plan's stack."""

    edit_failed = Signal(object)
    """A ``UserError`` from an edit; the view shows it."""

    editable_fields: frozenset[str] = frozenset()
    """The column fields a user may edit (unless the plan is read-only)."""

    def __init__(
        self,
        context: PlanContext,
        columns: Sequence[Column[R]],
        key: Callable[[R], uuid.UUID],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, key, parent)
        self.context = context

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid() or self.context.read_only:
            return flags
        if self.columns[index.column()].field in self.editable_fields:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def push(self, command: ServiceCommand) -> bool:
        """Apply and stack ``command``; a refusal is emitted, not raised."""
        if self.context.read_only:
            return False
        try:
            push(self.context.undo_stack, command)
        except UserError as error:
            self.edit_failed.emit(error)
            return False
        return True

    def sync(self, rows: Sequence[R]) -> None:
        """Show ``rows``: row by row when only values changed (editors and selection
        survive), a reset when rows came, went or moved."""
        key = self._key
        if [key(r) for r in rows] != [key(r) for r in self.records]:
            self.set_records(rows)
            return
        for row in rows:
            if self.record_by_id(key(row)) != row:
                self.update_record(row)
