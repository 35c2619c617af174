"""Undoable workshop edits: decisions, actions, blind estimates, agreeing on a value
and ticking agenda steps off.

Each command runs its service call in one ``plan.write()`` unit, so one Ctrl+Z in the
presenter view or the decisions window undoes exactly what one key press or click did.
Agreeing on a disagreement sets the plan's field and writes a decision together;
undoing it puts the field back and removes that decision in one unit of work.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from abm_planner.gui.commands.base import ServiceCommand, quoted, tr
from abm_planner.gui.commands.generic import CreateCommand
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services import decisions, estimates, workshops
from abm_planner.services.plans import UnitOfWork


def _in_unit(context: PlanContext, work: Callable[[UnitOfWork], Any]) -> Any:
    with context.plan.write() as unit:
        return work(unit)


def add_decision_command(context: PlanContext, fields: dict[str, Any]) -> CreateCommand:
    """Log a decision (text, account_id, workshop_id, linked, decided_by)."""
    return CreateCommand(
        context,
        tr("Decision {text}").format(text=quoted(str(fields.get("text", "")))),
        lambda: _in_unit(context, lambda unit: decisions.add_decision(unit, **fields)),
        lambda record_id: _in_unit(
            context, lambda unit: decisions.delete_decision(unit, record_id)
        ),
        lambda row: _in_unit(context, lambda unit: decisions.restore_decision(unit, row)),
    )


def add_action_command(context: PlanContext, fields: dict[str, Any]) -> CreateCommand:
    """Record an action (text, account_id, workshop_id, owner_id, due_on, status)."""
    return CreateCommand(
        context,
        tr("Action {text}").format(text=quoted(str(fields.get("text", "")))),
        lambda: _in_unit(context, lambda unit: decisions.add_action(unit, **fields)),
        lambda record_id: _in_unit(context, lambda unit: decisions.delete_action(unit, record_id)),
        lambda row: _in_unit(context, lambda unit: decisions.restore_action(unit, row)),
    )


class UpdateActionCommand(ServiceCommand):
    """Change an action's owner, due date, status or text; undo writes the old values back."""

    def __init__(
        self, context: PlanContext, action_id: uuid.UUID, changes: dict[str, Any], text: str
    ) -> None:
        super().__init__(context, text)
        self.action_id = action_id
        self.changes = dict(changes)
        self._old: dict[str, Any] = {}

    def _update(self, changes: dict[str, Any]) -> dict[str, Any]:
        return _in_unit(  # type: ignore[no-any-return]
            self.context, lambda unit: decisions.update_action(unit, self.action_id, **changes)
        )

    def apply(self) -> None:
        self._old = self._update(self.changes)

    def do_redo(self) -> None:
        self._update(self.changes)

    def do_undo(self) -> None:
        self._update(self._old)


def update_action_command(
    context: PlanContext, action_id: uuid.UUID, name: str, value: Any
) -> UpdateActionCommand:
    words = {"owner_id": "owner", "due_on": "due date", "status": "status", "text": "text"}
    text = tr("Change {field} of an action").format(field=tr(words.get(name, name)))
    return UpdateActionCommand(context, action_id, {name: value}, text)


class SetEstimateCommand(ServiceCommand):
    """One side's blind estimate of one value; undo puts the side's previous estimate back
    (or removes the estimate when the side had none)."""

    def __init__(
        self,
        context: PlanContext,
        text: str,
        *,
        workshop_id: uuid.UUID,
        side: str,
        subject: str,
        targets: dict[str, uuid.UUID | None],
        value: float,
        previous: float | None,
    ) -> None:
        super().__init__(context, text)
        self.workshop_id, self.side, self.subject = workshop_id, side, subject
        self.targets = targets
        self.value, self.previous = value, previous
        self.estimate_id: uuid.UUID | None = None

    def _set(self, value: float) -> uuid.UUID:
        return _in_unit(  # type: ignore[no-any-return]
            self.context,
            lambda unit: estimates.set_estimate(
                unit,
                self.workshop_id,
                self.side,
                self.subject,
                stakeholder_id=self.targets.get("stakeholder_id"),
                account_id=self.targets.get("account_id"),
                criterion_id=self.targets.get("criterion_id"),
                value=value,
            ),
        )

    def apply(self) -> None:
        self.estimate_id = self._set(self.value)

    def do_redo(self) -> None:
        self.apply()

    def do_undo(self) -> None:
        if self.previous is not None:
            self._set(self.previous)
            return
        estimate_id = self.estimate_id
        assert estimate_id is not None
        _in_unit(self.context, lambda unit: estimates.delete_estimate(unit, estimate_id))


class AgreeCommand(ServiceCommand):
    """Set the agreed value and log the decision with both estimates and the reason.

    One command, one unit of work each way: ``estimates.agree`` sets the field and
    writes the decision; undo is ``estimates.revert_agreement``, which puts the field's
    previous value back and removes that decision.
    """

    def __init__(
        self,
        context: PlanContext,
        workshop_id: uuid.UUID,
        disagreement: Any,
        value: float,
        reason: str,
    ) -> None:
        super().__init__(context, tr("Agree {what}").format(what=quoted(disagreement.label, 50)))
        self.workshop_id = workshop_id
        self.disagreement = disagreement
        self.value = value
        self.reason = reason
        self.decision_id: uuid.UUID | None = None

    def apply(self) -> None:
        self.decision_id = _in_unit(
            self.context,
            lambda unit: estimates.agree(
                unit, self.workshop_id, self.disagreement, self.value, self.reason
            ),
        )

    def do_redo(self) -> None:
        self.apply()

    def do_undo(self) -> None:
        decision_id = self.decision_id
        assert decision_id is not None
        _in_unit(self.context, lambda unit: estimates.revert_agreement(unit, decision_id))


class SetStepDoneCommand(ServiceCommand):
    """Tick an agenda step off (or un-tick it); undo puts the previous state back.

    A command of its own, not a side effect of moving on: the facilitator decides
    when a step is done, and one Ctrl+Z takes a mistaken tick back.
    """

    def __init__(self, context: PlanContext, step_id: uuid.UUID, title: str, done: bool) -> None:
        text = tr("Mark “{title}” done") if done else tr("Mark “{title}” not done")
        super().__init__(context, text.format(title=quoted(title, 50)))
        self.step_id = step_id
        self.done = done

    def _set(self, done: bool) -> None:
        _in_unit(self.context, lambda unit: workshops.set_step_done(unit, self.step_id, done))

    def apply(self) -> None:
        self._set(self.done)

    def do_redo(self) -> None:
        self._set(self.done)

    def do_undo(self) -> None:
        self._set(not self.done)
