"""The editable fields of play templates, play assignments and touches.

Declared like ``domain.fields`` declares accounts and stakeholders, so the services
check values with the same ``coerce`` and a later workbook export can read the
labels and kinds from here. A few values are not plain fields and are checked by
the services themselves: the lead function and touch function (fixed sets), a
play's targets (stakeholders of the same account) and its template.
"""

from __future__ import annotations

from typing import Any

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import FieldKind, FieldSpec
from abm_planner.errors import UserError


def _spec(name: str, label: str, kind: FieldKind, **extra: Any) -> FieldSpec:
    return FieldSpec(name, label, kind, **extra)


TEMPLATE_FIELDS: tuple[FieldSpec, ...] = (
    _spec("name", "Name", FieldKind.TEXT, required=True, max_length=200),
    _spec("play_type_id", "Play type", FieldKind.TERM, vocabulary=vocab.PLAY_TYPE),
    _spec("lead_function", "Lead function", FieldKind.TEXT, max_length=20),
    _spec("stage_ids", "Journey stages", FieldKind.TERMS, vocabulary=vocab.STAGE),
    _spec("role_ids", "Target roles", FieldKind.TERMS, vocabulary=vocab.ROLE),
    _spec("typical_touches", "Typical touches", FieldKind.INTEGER),
    _spec("duration_days", "Duration (days)", FieldKind.INTEGER),
    _spec("cost", "Cost", FieldKind.MONEY),
    _spec("description", "Description", FieldKind.LONG_TEXT),
    _spec("trigger", "Trigger", FieldKind.LONG_TEXT),
    _spec("steps", "Steps", FieldKind.LONG_TEXT),
    _spec("success_criteria", "Success criteria", FieldKind.LONG_TEXT),
)

ASSIGNMENT_FIELDS: tuple[FieldSpec, ...] = (
    _spec("name", "Play", FieldKind.TEXT, required=True, max_length=200),
    _spec("lead_function", "Lead function", FieldKind.TEXT, max_length=20),
    _spec("status_id", "Status", FieldKind.TERM, vocabulary=vocab.PLAY_STATUS),
    _spec("start_on", "Start", FieldKind.DATE),
    _spec("end_on", "End", FieldKind.DATE),
    _spec("sales_owner_id", "Sales owner", FieldKind.MEMBER),
    _spec("marketing_owner_id", "Marketing owner", FieldKind.MEMBER),
    _spec("budget", "Budget", FieldKind.MONEY),
    _spec("expected_touches", "Expected touches", FieldKind.INTEGER),
    _spec("outcome", "Outcome", FieldKind.LONG_TEXT),
)

TOUCH_FIELDS: tuple[FieldSpec, ...] = (
    _spec("occurred_on", "Date", FieldKind.DATE),
    _spec("channel_id", "Channel", FieldKind.TERM, vocabulary=vocab.CHANNEL),
    _spec("by_member_id", "By", FieldKind.MEMBER),
    _spec("function", "Function", FieldKind.TEXT, max_length=20),
    _spec("notes", "Notes", FieldKind.LONG_TEXT),
)

LONGEST_PLAY_DAYS = 3 * 366


def check_choice(label: str, value: str, allowed: tuple[str, ...]) -> str:
    """A value of a fixed set (lead function, touch function), any case."""
    cleaned = value.strip().casefold()
    if cleaned not in allowed:
        raise UserError(f"{label} must be one of: {', '.join(allowed)}.")
    return cleaned


def check_lead_function(value: str) -> str:
    return check_choice("Lead function", value, vocab.LEAD_FUNCTIONS)


def check_touch_function(value: str) -> str:
    return check_choice("Function", value, vocab.TOUCH_FUNCTIONS)
