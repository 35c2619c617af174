"""Undoable edits on the DMU map: managers, influence and conflict lines, card positions.

Each follows ``base.ServiceCommand``: ``apply()`` makes the change once (a refusal
raises ``UserError`` and nothing reaches the stack), undo calls the inverse service,
redo repeats the change with the same ids, so commands further up the stack that
name a line still find it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from abm_planner.dmu.records import CONFLICTS_WITH, INFLUENCES, REPORTS_TO, Position
from abm_planner.gui.commands.base import ServiceCommand, quoted, tr
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services import dmu_positions, stakeholder_lines
from abm_planner.services.stakeholder_lines import ManagerChange
from abm_planner.services.stakeholders import get_stakeholder


def _name(context: PlanContext, stakeholder_id: uuid.UUID) -> str:
    return quoted(str(get_stakeholder(context.plan, stakeholder_id).values["name"]))


class SetManagerCommand(ServiceCommand):
    """Make one person the manager of another (drag a card onto a card), or remove it."""

    def __init__(
        self, context: PlanContext, stakeholder_id: uuid.UUID, manager_id: uuid.UUID | None
    ) -> None:
        super().__init__(context)
        self.stakeholder_id = stakeholder_id
        self.manager_id = manager_id
        self._change: ManagerChange | None = None

    def apply(self) -> None:
        name = _name(self.context, self.stakeholder_id)
        self._change = stakeholder_lines.set_manager(
            self.context.plan, self.stakeholder_id, self.manager_id
        )
        if self.manager_id is None:
            self.setText(tr("Remove the manager of {name}").format(name=name))
        else:
            manager = _name(self.context, self.manager_id)
            self.setText(tr("Make {name} report to {manager}").format(name=name, manager=manager))

    @property
    def added_line_id(self) -> uuid.UUID | None:
        return None if self._change is None else self._change.added_id

    def do_redo(self) -> None:
        assert self._change is not None
        self._change = stakeholder_lines.set_manager(
            self.context.plan,
            self.stakeholder_id,
            self.manager_id,
            line_id=self._change.added_id,
        )

    def do_undo(self) -> None:
        assert self._change is not None
        stakeholder_lines.restore_manager(self.context.plan, self._change)


_ADD_TEXT = {
    INFLUENCES: "Add influence line from {source} to {target}",
    CONFLICTS_WITH: "Mark {source} and {target} as in conflict",
}
_DOTTED_TEXT = "Add {target} as dotted-line manager of {source}"
_SOLID_TEXT = "Make {source} report to {target}"


class AddLineCommand(ServiceCommand):
    """Draw an influence, conflict or dotted reporting line between two cards."""

    def __init__(
        self,
        context: PlanContext,
        account_id: uuid.UUID,
        source_id: uuid.UUID,
        target_id: uuid.UUID,
        kind: str,
        *,
        dotted: bool = False,
        strength: int = stakeholder_lines.DEFAULT_STRENGTH,
    ) -> None:
        super().__init__(context)
        self.account_id = account_id
        self.source_id, self.target_id = source_id, target_id
        self.kind, self.dotted, self.strength = kind, dotted, strength
        self.line_id: uuid.UUID | None = None
        self._row: dict[str, Any] | None = None

    def apply(self) -> None:
        self.line_id = stakeholder_lines.add_line(
            self.context.plan,
            self.account_id,
            self.source_id,
            self.target_id,
            self.kind,
            dotted=self.dotted,
            strength=self.strength,
        )
        if self.kind == REPORTS_TO:
            text = _DOTTED_TEXT if self.dotted else _SOLID_TEXT
        else:
            text = _ADD_TEXT[self.kind]
        source, target = _name(self.context, self.source_id), _name(self.context, self.target_id)
        self.setText(tr(text).format(source=source, target=target))

    def do_redo(self) -> None:
        assert self._row is not None
        stakeholder_lines.restore_line(self.context.plan, self._row)

    def do_undo(self) -> None:
        assert self.line_id is not None
        self._row = stakeholder_lines.delete_line(self.context.plan, self.line_id)


class DeleteLineCommand(ServiceCommand):
    """Remove one line; undo puts back the very same row."""

    def __init__(self, context: PlanContext, line_id: uuid.UUID) -> None:
        super().__init__(context)
        self.line_id = line_id
        self._row: dict[str, Any] | None = None

    def apply(self) -> None:
        self._row = stakeholder_lines.delete_line(self.context.plan, self.line_id)
        self.setText(tr("Delete line"))

    def do_redo(self) -> None:
        self._row = stakeholder_lines.delete_line(self.context.plan, self.line_id)

    def do_undo(self) -> None:
        assert self._row is not None
        stakeholder_lines.restore_line(self.context.plan, self._row)


class MoveCardsCommand(ServiceCommand):
    """Cards dropped somewhere by hand on one view: one command per drop, however long
    the drag; the positions then win over the automatic layout of that view."""

    def __init__(
        self, context: PlanContext, view: str, positions: Mapping[uuid.UUID, Position]
    ) -> None:
        super().__init__(context)
        self.view = view
        self.positions: dict[uuid.UUID, Position | None] = dict(positions)
        self._old: dict[uuid.UUID, Position | None] = {}

    def apply(self) -> None:
        self._old = dmu_positions.save_positions(self.context.plan, self.view, self.positions)
        if len(self.positions) == 1:
            name = _name(self.context, next(iter(self.positions)))
            self.setText(tr("Move {name}").format(name=name))
        else:
            self.setText(tr("Move {n} cards").format(n=len(self.positions)))

    def do_redo(self) -> None:
        dmu_positions.save_positions(self.context.plan, self.view, self.positions)

    def do_undo(self) -> None:
        dmu_positions.save_positions(self.context.plan, self.view, self._old)


class AutoLayoutCommand(ServiceCommand):
    """Forget the hand-set positions of one view, so the automatic layout places everyone."""

    def __init__(self, context: PlanContext, account_id: uuid.UUID, view: str) -> None:
        super().__init__(context)
        self.account_id = account_id
        self.view = view
        self._old: dict[uuid.UUID, Position | None] = {}

    def apply(self) -> None:
        self._old = dmu_positions.clear_positions(self.context.plan, self.account_id, self.view)
        self.setText(tr("Auto-layout the DMU map"))

    @property
    def cleared(self) -> int:
        return len(self._old)

    def do_redo(self) -> None:
        self._old = dmu_positions.clear_positions(self.context.plan, self.account_id, self.view)

    def do_undo(self) -> None:
        dmu_positions.save_positions(self.context.plan, self.view, self._old)
