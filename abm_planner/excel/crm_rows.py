"""A CRM export's rows as the import reads them: field targets, located rows, comparisons.

``ACCOUNT_TARGETS`` and ``PERSON_TARGETS`` say which stored field a mapped column
fills; a ``CrmRow`` finds a mapped field's cell and its location (for messages);
``value_differs`` is the CRM import's idea of a change (a value left empty in
the file never counts, money is compared to the cent).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from abm_planner.excel import value_parsing as parse
from abm_planner.excel.import_model import Location
from abm_planner.excel.plan_index import RecordState

ACCOUNT_TARGETS = {
    "name": "name",
    "crm_id": "crm_id",
    "industry": "industry_id",
    "tier": "tier_id",
    "stage": "stage_id",
    "sales_owner": "sales_owner_id",
    "marketing_owner": "marketing_owner_id",
    "region": "region",
    "country": "country",
    "website": "website",
    "annual_revenue": "annual_revenue",
    "employees": "employees",
    "handed_off_on": "handed_off_on",
    "needs": "needs",
    "notes": "notes",
}
PERSON_TARGETS = {
    "crm_id": "crm_id",
    "title": "title",
    "department": "department",
    "email": "email",
    "phone": "phone",
    "roles": "role_ids",
    "attitude": "attitude_id",
    "influence": "influence_id",
    "inner_circle": "inner_circle",
    "coverage": "coverage_id",
    "relationship": "relationship_id",
    "sales_owner": "sales_owner_id",
    "marketing_owner": "marketing_owner_id",
    "needs": "needs",
    "priorities": "priorities",
    "notes": "notes",
}


@dataclass(slots=True)
class CrmRow:
    """One data row as read, with the sheet's mapping: field -> (column index, header)."""

    where: Location
    values: list[Any]
    columns: dict[str, tuple[int, str]]

    def raw(self, name: str) -> Any:
        column = self.columns.get(name)
        if column is None or column[0] >= len(self.values):
            return None
        return self.values[column[0]]

    def has(self, name: str) -> bool:
        return not parse.is_blank(self.raw(name))

    def at(self, name: str) -> Location:
        column = self.columns.get(name)
        return self.where.at(column[1], column[0]) if column else self.where

    def text(self, name: str) -> str:
        return parse.text(self.raw(name))


@dataclass(slots=True)
class CrmRecord:
    """A row on its way to a record: the values read and the plan's record it matches."""

    row: CrmRow
    record_id: uuid.UUID
    values: dict[str, Any]
    existing: RecordState | None
    account_id: uuid.UUID | None = None
    key: str = ""


def person_name(row: CrmRow) -> str:
    full = row.text("full_name")
    if full:
        return " ".join(full.split())
    return " ".join(f"{row.text('first_name')} {row.text('last_name')}".split())


def value_differs(old: Any, new: Any) -> bool:
    if isinstance(old, float) or isinstance(new, float):
        if old is None or new is None:
            return old is not new
        return round(float(old), 2) != round(float(new), 2)
    if isinstance(new, list):
        return sorted(map(str, old or [])) != sorted(map(str, new))
    return bool(old != new and not (old in (None, "") and new in (None, "")))
