"""Rows captured before a delete, so that undo puts back the very same records.

Deletes lean on the database's ON DELETE CASCADE (a criterion takes its scores with
it, a lead definition item its per-account checks); the capture holds every row
that goes, in an order that satisfies the foreign keys when it is re-inserted.
Plain data: a capture can live on an undo stack for hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from abm_planner.services.snapshots import rows_where


@dataclass(frozen=True, slots=True)
class CapturedRows:
    """Rows per table, parents first."""

    tables: tuple[tuple[Table, tuple[dict[str, Any], ...]], ...]

    def count(self, table: Table) -> int:
        return sum(len(rows) for t, rows in self.tables if t is table)


def capture(session: Session, parts: Sequence[tuple[Any, Any]]) -> CapturedRows:
    """Read the rows of each (table, condition) in the order given."""
    tables = []
    for table, condition in parts:
        tables.append((table, tuple(rows_where(session, table, condition))))
    return CapturedRows(tuple(tables))


def put_back(session: Session, captured: CapturedRows) -> None:
    """Re-insert captured rows exactly (same ids, versions and times)."""
    for table, rows in captured.tables:
        if rows:
            session.execute(insert(table), list(rows))
