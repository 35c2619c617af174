"""The editable fields of accounts and stakeholders, and how a typed value is checked.

One declaration serves the service (validation), the GUI (which editor to show,
which vocabulary to offer) and later the Excel export (column headers and formats).
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import UserError


class FieldKind(Enum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    INTEGER = "integer"
    MONEY = "money"
    DATE = "date"
    TERM = "term"  # one term of a vocabulary (by id)
    TERMS = "terms"  # several terms of a vocabulary (by ids)
    MEMBER = "member"  # one of our team members (by id)
    FLAG = "flag"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    label: str
    kind: FieldKind
    vocabulary: str | None = None
    required: bool = False
    max_length: int | None = None


def _spec(name: str, label: str, kind: FieldKind, **extra: Any) -> FieldSpec:
    return FieldSpec(name, label, kind, **extra)


ACCOUNT_FIELDS: tuple[FieldSpec, ...] = (
    _spec("name", "Name", FieldKind.TEXT, required=True, max_length=300),
    _spec("industry_id", "Industry", FieldKind.TERM, vocabulary=vocab.INDUSTRY),
    _spec("tier_id", "Tier", FieldKind.TERM, vocabulary=vocab.TIER),
    _spec("stage_id", "Journey stage", FieldKind.TERM, vocabulary=vocab.STAGE),
    _spec("sales_owner_id", "Sales owner", FieldKind.MEMBER),
    _spec("marketing_owner_id", "Marketing owner", FieldKind.MEMBER),
    _spec("region", "Region", FieldKind.TEXT, max_length=100),
    _spec("country", "Country", FieldKind.TEXT, max_length=100),
    _spec("website", "Website", FieldKind.TEXT, max_length=300),
    _spec("crm_id", "CRM id", FieldKind.TEXT, max_length=100),
    _spec("annual_revenue", "Annual revenue", FieldKind.MONEY),
    _spec("employees", "Employees", FieldKind.INTEGER),
    _spec("handed_off_on", "Handed off on", FieldKind.DATE),
    _spec("needs", "Needs", FieldKind.LONG_TEXT),
    _spec("notes", "Notes", FieldKind.LONG_TEXT),
)

STAKEHOLDER_FIELDS: tuple[FieldSpec, ...] = (
    _spec("name", "Name", FieldKind.TEXT, required=True, max_length=300),
    _spec("title", "Title", FieldKind.TEXT, max_length=300),
    _spec("department", "Department", FieldKind.TEXT, max_length=200),
    _spec("role_ids", "Buying roles", FieldKind.TERMS, vocabulary=vocab.ROLE),
    _spec("attitude_id", "Attitude", FieldKind.TERM, vocabulary=vocab.ATTITUDE),
    _spec("influence_id", "Influence", FieldKind.TERM, vocabulary=vocab.INFLUENCE),
    _spec("inner_circle", "Inner circle", FieldKind.FLAG),
    _spec("coverage_id", "Coverage", FieldKind.TERM, vocabulary=vocab.COVERAGE),
    _spec("relationship_id", "Relationship", FieldKind.TERM, vocabulary=vocab.RELATIONSHIP),
    _spec("sales_owner_id", "Sales owner", FieldKind.MEMBER),
    _spec("marketing_owner_id", "Marketing owner", FieldKind.MEMBER),
    _spec("email", "Email", FieldKind.TEXT, max_length=320),
    _spec("phone", "Phone", FieldKind.TEXT, max_length=100),
    _spec("crm_id", "CRM id", FieldKind.TEXT, max_length=100),
    _spec("needs", "Needs", FieldKind.LONG_TEXT),
    _spec("priorities", "Priorities", FieldKind.LONG_TEXT),
    _spec("notes", "Notes", FieldKind.LONG_TEXT),
)

MAX_MONEY = 10**15


def field_map(specs: tuple[FieldSpec, ...]) -> dict[str, FieldSpec]:
    return {spec.name: spec for spec in specs}


def coerce(spec: FieldSpec, value: Any) -> Any:
    """Check and normalise one value; raise a ``UserError`` naming the field if it is wrong."""
    if spec.kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
        return _text(spec, value)
    if value is None or value == "":
        return _EMPTY.get(spec.kind)
    return _COERCERS[spec.kind](spec, value)


_EMPTY: dict[FieldKind, Any] = {FieldKind.FLAG: False, FieldKind.TERMS: []}


def _text(spec: FieldSpec, value: Any) -> str:
    text = "" if value is None else str(value).strip()
    if spec.required and not text:
        raise UserError(f"{spec.label} cannot be empty.")
    if spec.max_length and len(text) > spec.max_length:
        raise UserError(
            f"{spec.label} is too long ({len(text)} characters, at most {spec.max_length})."
        )
    return text


def _integer(spec: FieldSpec, value: Any) -> int:
    number = _number(spec, value)
    if number != int(number) or number < 0:
        raise UserError(f"{spec.label} must be a whole number of 0 or more.")
    return int(number)


def _money(spec: FieldSpec, value: Any) -> float:
    number = _number(spec, value)
    if number < 0 or number > MAX_MONEY:
        raise UserError(f"{spec.label} must be between 0 and {MAX_MONEY:,}.")
    return round(number, 2)


def _date(spec: FieldSpec, value: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise UserError(f"{spec.label} must be a date like 2026-03-31.") from None


def _terms(spec: FieldSpec, value: Any) -> list[uuid.UUID]:
    return sorted({_uuid(spec, item) for item in value}, key=str)


def _number(spec: FieldSpec, value: Any) -> float:
    if isinstance(value, bool):
        raise UserError(f"{spec.label} must be a number.")
    try:
        number = (
            float(str(value).replace(",", "").strip()) if isinstance(value, str) else float(value)
        )
    except (TypeError, ValueError):
        raise UserError(f"{spec.label} must be a number, not '{value}'.") from None
    if not math.isfinite(number):
        raise UserError(f"{spec.label} must be a number.")
    return number


def _uuid(spec: FieldSpec, value: Any) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise UserError(f"{spec.label} refers to an unknown entry.") from None


_COERCERS: dict[FieldKind, Any] = {
    FieldKind.FLAG: lambda _spec, value: bool(value),
    FieldKind.INTEGER: _integer,
    FieldKind.MONEY: _money,
    FieldKind.DATE: _date,
    FieldKind.TERM: _uuid,
    FieldKind.MEMBER: _uuid,
    FieldKind.TERMS: _terms,
}
