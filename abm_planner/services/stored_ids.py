"""Reading id columns in bulk without building a UUID object for every row.

SQLAlchemy turns every UUID it reads into a ``uuid.UUID``; over 100,000 rows that is
most of a query's time. Bulk reads of the agreement (rescoring the portfolio, the
dashboard, the whitespace map) read ids as stored and turn each distinct id into a
UUID once. ``uuid.UUID(hex=...)`` reads both SQLite's 32 hex digits and PostgreSQL's
text form, so this holds on either database.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import String, type_coerce


def stored(column: Any) -> Any:
    """``column`` read as stored (text), not as a UUID."""
    return type_coerce(column, String)


class StoredIds:
    """Stored ids as UUIDs, each built once (a tier id repeats on thousands of rows)."""

    def __init__(self) -> None:
        self._seen: dict[str, uuid.UUID] = {}

    def __call__(self, text: str | None) -> uuid.UUID | None:
        if text is None:
            return None
        known = self._seen.get(text)
        if known is None:
            known = self._seen[text] = uuid.UUID(hex=str(text))
        return known

    def required(self, text: str) -> uuid.UUID:
        known = self(text)
        assert known is not None
        return known
