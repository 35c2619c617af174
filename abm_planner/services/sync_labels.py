"""Conflict values a person can read: a reference shows the name of what it points at.

A conflict on ``tier_id`` would otherwise show two UUIDs; here each side's value is
looked up on that side ("Strategic (1:1)" against "Scale (1:few)"), the base's on
either. The choice a person makes is unaffected: it is keyed by table, record and
field, not by these texts.
"""

from __future__ import annotations

import dataclasses
import uuid

from sqlalchemy import Column, Connection, select

from abm_planner.services.sync_merge import Conflict
from abm_planner.services.sync_state import LABEL_COLUMNS, shape_of


def _label(connection: Connection, column: Column, text: str) -> str | None:
    try:
        value = uuid.UUID(text)
    except ValueError:
        return None
    target = next(iter(column.foreign_keys)).column
    table = target.table
    name = next((n for n in LABEL_COLUMNS if n in table.c), None)
    if name is None:
        return None
    found = connection.execute(select(table.c[name]).where(target == value)).scalar()
    return str(found) if found else None


def readable(conflict: Conflict, mine: Connection, theirs: Connection) -> Conflict:
    """The conflict with a reference's values shown by the names they point at."""
    if conflict.field is None:
        return conflict
    column = shape_of(conflict.table).table.c[conflict.field]
    if not column.foreign_keys:
        return conflict
    return dataclasses.replace(
        conflict,
        mine=_label(mine, column, conflict.mine) or conflict.mine,
        theirs=_label(theirs, column, conflict.theirs) or conflict.theirs,
        base=_label(theirs, column, conflict.base)
        or _label(mine, column, conflict.base)
        or conflict.base,
    )


def reading_order(conflicts: list[Conflict]) -> list[Conflict]:
    """Within a table, by record and field, as a person scans the list."""
    return sorted(conflicts, key=lambda c: (c.record.casefold(), c.key, c.field or ""))
