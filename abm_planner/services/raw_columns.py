"""Reading columns as the driver returns them, and converting each distinct value once.

At portfolio scale, SQLAlchemy's conversion of every id of every row to a
``uuid.UUID`` (and every ISO date text to a ``date``) costs more than the queries
themselves. The bulk loaders of the play checks and the timeline select such
columns through ``raw`` and turn values into objects through a ``ValueCache``,
which builds each distinct id or date once.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import String, type_coerce


def raw(column: Any) -> Any:
    """A column as the driver returns it (hex text for ids, ISO text for dates on SQLite)."""
    return type_coerce(column, String)


def as_uuid(value: Any) -> uuid.UUID:
    if isinstance(value, str):
        return uuid.UUID(value)
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


class ValueCache:
    """Raw id -> ``uuid.UUID`` and raw date -> ``date``, each built once."""

    def __init__(self) -> None:
        self._ids: dict[Any, uuid.UUID] = {}
        self._days: dict[Any, date] = {}

    def id(self, value: Any) -> uuid.UUID:
        found = self._ids.get(value)
        if found is None:
            found = self._ids[value] = as_uuid(value)
        return found

    def optional_id(self, value: Any) -> uuid.UUID | None:
        return None if value is None else self.id(value)

    def day(self, value: Any) -> date:
        found = self._days.get(value)
        if found is None:
            found = self._days[value] = as_date(value)
        return found

    def optional_day(self, value: Any) -> date | None:
        return None if value is None else self.day(value)
