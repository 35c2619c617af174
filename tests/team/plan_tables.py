"""Reading every copied table of a plan, row by row, to compare two plans exactly."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from abm_planner.services.plan_copy import copied_tables
from abm_planner.services.plans import Plan


def all_rows(plan: Plan) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every copied table in primary-key order, values as the models read them."""
    found = {}
    with plan.engine.connect() as connection:
        for table in copied_tables():
            query = select(*table.c).order_by(*table.primary_key.columns)
            found[table.name] = [tuple(row) for row in connection.execute(query)]
    return found


def assert_same_plan(first: Plan, second: Plan) -> None:
    mine, theirs = all_rows(first), all_rows(second)
    assert mine.keys() == theirs.keys()
    for name, rows in mine.items():
        assert len(rows) == len(theirs[name]), name
        for left, right in zip(rows, theirs[name], strict=True):
            assert left == right, f"{name}: {left} != {right}"
