"""Undoable edits of the agreement: rubric, scores, tier rules, lead definition, handoff,
commercial figures, objectives and the whitespace map.

Most of these edits have one of the shapes of ``commands.generic`` (ValueCommand,
CreateCommand, DeleteCommand); only the whitespace cell needs a command of its own.
The ``*_command`` functions build a command with its Edit ▸ Undo text; push them
with ``push(context.undo_stack, command)``.
"""

from __future__ import annotations

import uuid
from typing import Any

from abm_planner.gui.commands.base import ServiceCommand, quoted, tr
from abm_planner.gui.commands.generic import CreateCommand, DeleteCommand, ValueCommand
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services import agreements, engagement_rules, objectives, rubric, whitespace
from abm_planner.services.rubric import ScoreValue

# -- rubric and scores ------------------------------------------------------------------


def _fields(changes: dict[str, Any]) -> str:
    words = {
        "weight": "weight",
        "name": "name",
        "description": "description",
        "min_fit_score": "minimum fit score",
        "lead_function": "who leads",
        "service_level": "service level",
        "allowed_play_types": "allowed plays",
        "rules": "rules",
        "pipeline_value": "pipeline value",
        "won_revenue": "revenue won",
        "expected_margin_pct": "margin",
        "pipeline_source": "pipeline source",
    }
    return ", ".join(tr(words.get(name, name.replace("_", " "))) for name in changes)


def edit_criterion_command(
    context: PlanContext, criterion_id: uuid.UUID, name: str, changes: dict[str, Any]
) -> ValueCommand:
    plan = context.plan
    text = tr("Change {fields} of criterion {name}").format(
        fields=_fields(changes), name=quoted(name)
    )
    return ValueCommand(
        context, text, lambda v: rubric.update_criterion(plan, criterion_id, v), changes
    )


def new_criterion_command(context: PlanContext, values: dict[str, Any]) -> CreateCommand:
    plan = context.plan
    text = tr("New criterion {name}").format(name=quoted(str(values.get("name", ""))))
    return CreateCommand(
        context,
        text,
        lambda: rubric.create_criterion(plan, values),
        lambda record_id: rubric.delete_criterion(plan, record_id),
        lambda captured: rubric.restore_criterion(plan, captured),
    )


def delete_criterion_command(
    context: PlanContext, criterion_id: uuid.UUID, name: str
) -> DeleteCommand:
    plan = context.plan
    return DeleteCommand(
        context,
        tr("Delete criterion {name}").format(name=quoted(name)),
        criterion_id,
        lambda record_id: rubric.delete_criterion(plan, record_id),
        lambda captured: rubric.restore_criterion(plan, captured),
    )


def reorder_criteria_command(context: PlanContext, ids: list[uuid.UUID]) -> ValueCommand:
    plan = context.plan
    return ValueCommand(
        context, tr("Reorder criteria"), lambda v: rubric.set_criteria_order(plan, v), ids
    )


def score_command(
    context: PlanContext,
    account_id: uuid.UUID,
    criterion_id: uuid.UUID,
    criterion: str,
    value: ScoreValue,
) -> ValueCommand:
    plan = context.plan
    if value.score is None:
        text = tr("Clear score for {criterion}").format(criterion=quoted(criterion))
    else:
        text = tr("Score {criterion}: {score}").format(
            criterion=quoted(criterion), score=value.score
        )
    return ValueCommand(
        context, text, lambda v: rubric.set_score(plan, account_id, criterion_id, v), value
    )


# -- rules of engagement ----------------------------------------------------------------


def edit_tier_rule_command(
    context: PlanContext, tier_id: uuid.UUID, tier: str, changes: dict[str, Any]
) -> ValueCommand:
    plan = context.plan
    text = tr("Change {fields} of {tier}").format(fields=_fields(changes), tier=quoted(tier))
    return ValueCommand(
        context, text, lambda v: engagement_rules.update_tier_rule(plan, tier_id, v), changes
    )


def new_lead_item_command(context: PlanContext, text: str) -> CreateCommand:
    plan = context.plan
    return CreateCommand(
        context,
        tr("New lead definition item"),
        lambda: engagement_rules.create_lead_item(plan, text),
        lambda record_id: engagement_rules.delete_lead_item(plan, record_id),
        lambda captured: engagement_rules.restore_lead_item(plan, captured),
    )


def edit_lead_item_command(context: PlanContext, item_id: uuid.UUID, text: str) -> ValueCommand:
    plan = context.plan
    return ValueCommand(
        context,
        tr("Reword lead definition item"),
        lambda v: engagement_rules.update_lead_item(plan, item_id, v),
        text,
    )


def delete_lead_item_command(context: PlanContext, item_id: uuid.UUID) -> DeleteCommand:
    plan = context.plan
    return DeleteCommand(
        context,
        tr("Delete lead definition item"),
        item_id,
        lambda record_id: engagement_rules.delete_lead_item(plan, record_id),
        lambda captured: engagement_rules.restore_lead_item(plan, captured),
    )


def reorder_lead_items_command(context: PlanContext, ids: list[uuid.UUID]) -> ValueCommand:
    plan = context.plan
    return ValueCommand(
        context,
        tr("Reorder lead definition"),
        lambda v: engagement_rules.set_lead_item_order(plan, v),
        ids,
    )


def lead_check_command(
    context: PlanContext, account_id: uuid.UUID, item_id: uuid.UUID, met: bool
) -> ValueCommand:
    plan = context.plan
    text = tr("Mark lead item met") if met else tr("Mark lead item not met")
    return ValueCommand(
        context,
        text,
        lambda v: engagement_rules.set_lead_check(plan, account_id, item_id, v),
        met,
    )


def handoff_command(
    context: PlanContext, from_id: uuid.UUID | None, to_id: uuid.UUID | None
) -> ValueCommand:
    plan = context.plan
    return ValueCommand(
        context,
        tr("Change the handoff stage"),
        lambda pair: engagement_rules.set_handoff(plan, *pair),
        (from_id, to_id),
    )


# -- commercial figures, objectives, whitespace ------------------------------------------


def commercials_command(
    context: PlanContext, account_id: uuid.UUID, name: str, changes: dict[str, Any]
) -> ValueCommand:
    plan = context.plan
    text = tr("Change {fields} of {name}").format(fields=_fields(changes), name=quoted(name))
    return ValueCommand(
        context, text, lambda v: agreements.update_commercials(plan, account_id, v), changes
    )


def new_objective_command(
    context: PlanContext, account_id: uuid.UUID, values: dict[str, Any]
) -> CreateCommand:
    plan = context.plan
    return CreateCommand(
        context,
        tr("New objective {title}").format(title=quoted(str(values.get("title", "")))),
        lambda: objectives.create_objective(plan, account_id, values),
        lambda record_id: objectives.delete_objective(plan, record_id),
        lambda captured: objectives.restore_objective(plan, captured),
    )


def edit_objective_command(
    context: PlanContext, objective_id: uuid.UUID, title: str, changes: dict[str, Any]
) -> ValueCommand:
    plan = context.plan
    labels = ", ".join(
        tr(objectives.SPECS[name].label).lower() if name in objectives.SPECS else name
        for name in changes
    )
    text = tr("Change {fields} of objective {title}").format(fields=labels, title=quoted(title))
    return ValueCommand(
        context, text, lambda v: objectives.update_objective(plan, objective_id, v), changes
    )


def delete_objective_command(
    context: PlanContext, objective_id: uuid.UUID, title: str
) -> DeleteCommand:
    plan = context.plan
    return DeleteCommand(
        context,
        tr("Delete objective {title}").format(title=quoted(title)),
        objective_id,
        lambda record_id: objectives.delete_objective(plan, record_id),
        lambda captured: objectives.restore_objective(plan, captured),
    )


class WhitespaceCommand(ServiceCommand):
    """Set one cell of the whitespace map; undo puts the old cell back exactly."""

    def __init__(
        self,
        context: PlanContext,
        account_id: uuid.UUID,
        solution_id: uuid.UUID,
        status_id: uuid.UUID | None,
        text: str,
    ) -> None:
        super().__init__(context, text)
        self.account_id, self.solution_id, self.status_id = account_id, solution_id, status_id
        self._old: dict[str, Any] | None = None

    def apply(self) -> None:
        self._old = whitespace.set_whitespace(
            self.context.plan, self.account_id, self.solution_id, self.status_id
        )

    def do_redo(self) -> None:
        self.apply()

    def do_undo(self) -> None:
        whitespace.restore_whitespace(
            self.context.plan, self.account_id, self.solution_id, self._old
        )


def whitespace_command(
    context: PlanContext,
    account_id: uuid.UUID,
    solution_id: uuid.UUID,
    status_id: uuid.UUID | None,
    where: str,
) -> WhitespaceCommand:
    text = tr("Set whitespace for {where}").format(where=quoted(where, 60))
    return WhitespaceCommand(context, account_id, solution_id, status_id, text)
