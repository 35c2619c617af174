"""Undoable play edits: assignments, their dates on the timeline, touches, the library.

Each command follows ``commands.base``: ``apply()`` makes the change through a
service before the command reaches the stack (a refusal never leaves a phantom
Undo entry), undo calls the inverse service, redo repeats the change with the same
ids so later commands still find their records.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from abm_planner.gui.commands.base import ServiceCommand, quoted, tr
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services import play_templates, plays, touches
from abm_planner.services.snapshots import Snapshot


class CreatePlayCommand(ServiceCommand):
    """Assign a play to an account; redo brings back the same record."""

    def __init__(self, context: PlanContext, account_id: uuid.UUID, values: dict[str, Any]) -> None:
        super().__init__(context)
        self.account_id = account_id
        self.values = dict(values)
        self.assignment_id: uuid.UUID | None = None
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        self.assignment_id = plays.create_assignment(
            self.context.plan, self.account_id, self.values
        )
        self.setText(tr("Assign play {name}").format(name=quoted(str(self.values.get("name")))))

    def do_redo(self) -> None:
        assert self._snapshot is not None
        plays.restore_assignment(self.context.plan, self._snapshot)

    def do_undo(self) -> None:
        assert self.assignment_id is not None
        self._snapshot = plays.delete_assignment(self.context.plan, self.assignment_id)


class EditPlayCommand(ServiceCommand):
    """Change fields (and targets) of a play; undo writes the old values back."""

    def __init__(
        self, context: PlanContext, assignment_id: uuid.UUID, changes: dict[str, Any]
    ) -> None:
        super().__init__(context)
        self.assignment_id = assignment_id
        self.changes = dict(changes)
        self._old: dict[str, Any] = {}

    def apply(self) -> None:
        name = plays.get_assignment(self.context.plan, self.assignment_id)["name"]
        self._old = plays.update_assignment(self.context.plan, self.assignment_id, self.changes)
        self.setText(tr("Edit play {name}").format(name=quoted(str(name))))

    def do_redo(self) -> None:
        plays.update_assignment(self.context.plan, self.assignment_id, self.changes)

    def do_undo(self) -> None:
        plays.update_assignment(self.context.plan, self.assignment_id, self._old)


class ReschedulePlayCommand(ServiceCommand):
    """Move or resize a play on the timeline (new start and end); undo puts it back."""

    def __init__(
        self, context: PlanContext, assignment_id: uuid.UUID, start_on: date, end_on: date
    ) -> None:
        super().__init__(context)
        self.assignment_id = assignment_id
        self.start_on = start_on
        self.end_on = end_on
        self.old: tuple[date | None, date | None] = (None, None)

    def apply(self) -> None:
        plan = self.context.plan
        current = plays.get_assignment(plan, self.assignment_id)
        self.old = plays.reschedule_assignment(plan, self.assignment_id, self.start_on, self.end_on)
        moved = current["start_on"] != self.start_on and current["end_on"] != self.end_on
        text = tr("Move play {name}") if moved else tr("Resize play {name}")
        self.setText(text.format(name=quoted(str(current["name"]))))

    def do_redo(self) -> None:
        plays.reschedule_assignment(
            self.context.plan, self.assignment_id, self.start_on, self.end_on
        )

    def do_undo(self) -> None:
        plays.update_assignment(
            self.context.plan,
            self.assignment_id,
            {"start_on": self.old[0], "end_on": self.old[1]},
        )


class DeletePlayCommand(ServiceCommand):
    """Delete a play with its targets; its touches stay, and undo re-links them."""

    def __init__(self, context: PlanContext, assignment_id: uuid.UUID) -> None:
        super().__init__(context)
        self.assignment_id = assignment_id
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        name = plays.get_assignment(self.context.plan, self.assignment_id)["name"]
        self._snapshot = plays.delete_assignment(self.context.plan, self.assignment_id)
        self.setText(tr("Delete play {name}").format(name=quoted(str(name))))

    def do_redo(self) -> None:
        self._snapshot = plays.delete_assignment(self.context.plan, self.assignment_id)

    def do_undo(self) -> None:
        assert self._snapshot is not None
        plays.restore_assignment(self.context.plan, self._snapshot)


class LogTouchCommand(ServiceCommand):
    """Log a touch on a stakeholder; undo removes it, redo logs the same touch again."""

    def __init__(
        self, context: PlanContext, stakeholder_id: uuid.UUID, values: dict[str, Any], name: str
    ) -> None:
        super().__init__(context)
        self.stakeholder_id = stakeholder_id
        self.values = dict(values)
        self.name = name
        self.touch_id: uuid.UUID | None = None
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        self.touch_id = touches.log_touch(self.context.plan, self.stakeholder_id, self.values)
        self.setText(tr("Log touch on {name}").format(name=quoted(self.name)))

    def do_redo(self) -> None:
        assert self._snapshot is not None
        touches.restore_touch(self.context.plan, self._snapshot)

    def do_undo(self) -> None:
        assert self.touch_id is not None
        self._snapshot = touches.delete_touch(self.context.plan, self.touch_id)


class EditTouchCommand(ServiceCommand):
    """Correct a logged touch; undo writes the old values back."""

    def __init__(
        self, context: PlanContext, touch_id: uuid.UUID, changes: dict[str, Any], name: str
    ) -> None:
        super().__init__(context)
        self.touch_id = touch_id
        self.changes = dict(changes)
        self.name = name
        self._old: dict[str, Any] = {}

    def apply(self) -> None:
        self._old = touches.update_touch(self.context.plan, self.touch_id, self.changes)
        self.setText(tr("Edit touch on {name}").format(name=quoted(self.name)))

    def do_redo(self) -> None:
        touches.update_touch(self.context.plan, self.touch_id, self.changes)

    def do_undo(self) -> None:
        touches.update_touch(self.context.plan, self.touch_id, self._old)


class DeleteTouchCommand(ServiceCommand):
    """Delete a logged touch; undo brings back the same record."""

    def __init__(self, context: PlanContext, touch_id: uuid.UUID, name: str) -> None:
        super().__init__(context)
        self.touch_id = touch_id
        self.name = name
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        self._snapshot = touches.delete_touch(self.context.plan, self.touch_id)
        self.setText(tr("Delete touch on {name}").format(name=quoted(self.name)))

    def do_redo(self) -> None:
        self._snapshot = touches.delete_touch(self.context.plan, self.touch_id)

    def do_undo(self) -> None:
        assert self._snapshot is not None
        touches.restore_touch(self.context.plan, self._snapshot)


class CreateTemplateCommand(ServiceCommand):
    """Add a play to the library; redo brings back the same template."""

    def __init__(self, context: PlanContext, values: dict[str, Any]) -> None:
        super().__init__(context)
        self.values = dict(values)
        self.template_id: uuid.UUID | None = None
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        self.template_id = play_templates.create_template(self.context.plan, self.values)
        name = quoted(str(self.values.get("name")))
        self.setText(tr("Add {name} to the play library").format(name=name))

    def do_redo(self) -> None:
        assert self._snapshot is not None
        play_templates.restore_template(self.context.plan, self._snapshot)

    def do_undo(self) -> None:
        assert self.template_id is not None
        self._snapshot = play_templates.delete_template(self.context.plan, self.template_id)


class EditTemplateCommand(ServiceCommand):
    """Change fields of a library play; undo writes the old values back."""

    def __init__(
        self, context: PlanContext, template_id: uuid.UUID, changes: dict[str, Any]
    ) -> None:
        super().__init__(context)
        self.template_id = template_id
        self.changes = dict(changes)
        self._old: dict[str, Any] = {}

    def apply(self) -> None:
        name = play_templates.get_template(self.context.plan, self.template_id).name
        self._old = play_templates.update_template(
            self.context.plan, self.template_id, self.changes
        )
        self.setText(tr("Edit library play {name}").format(name=quoted(name)))

    def do_redo(self) -> None:
        play_templates.update_template(self.context.plan, self.template_id, self.changes)

    def do_undo(self) -> None:
        play_templates.update_template(self.context.plan, self.template_id, self._old)


class DeleteTemplateCommand(ServiceCommand):
    """Remove a play from the library; plays made from it stay, and undo re-links them."""

    def __init__(self, context: PlanContext, template_id: uuid.UUID) -> None:
        super().__init__(context)
        self.template_id = template_id
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        name = play_templates.get_template(self.context.plan, self.template_id).name
        self._snapshot = play_templates.delete_template(self.context.plan, self.template_id)
        self.setText(tr("Remove {name} from the play library").format(name=quoted(name)))

    def do_redo(self) -> None:
        self._snapshot = play_templates.delete_template(self.context.plan, self.template_id)

    def do_undo(self) -> None:
        assert self._snapshot is not None
        play_templates.restore_template(self.context.plan, self._snapshot)
