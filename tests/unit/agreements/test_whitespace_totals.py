"""Whitespace totals per solution over the accounts shown."""

from __future__ import annotations

import uuid

from abm_planner.agreements.whitespace import Cell, solution_totals

A, B, C, D = (uuid.UUID(int=n) for n in range(1, 5))
EDGE, DATA = uuid.UUID(int=11), uuid.UUID(int=12)
CELLS = [
    Cell(A, EDGE, "ours"),
    Cell(B, EDGE, "competitor"),
    Cell(C, EDGE, "not_relevant"),
    Cell(A, DATA, "done_internally"),
    Cell(B, DATA, "unknown"),
]


def test_totals_count_statuses_open_and_unassessed() -> None:
    totals = solution_totals(CELLS, [EDGE, DATA], [A, B, C, D])
    edge = totals[EDGE]
    assert (edge.accounts, edge.ours, edge.open, edge.not_assessed) == (4, 1, 1, 1)
    assert edge.to_find_out == 1
    assert edge.share_ours == 1 / 3  # relevant for A, B and D
    data = totals[DATA]
    assert (data.ours, data.open, data.to_find_out, data.not_assessed) == (0, 1, 3, 2)


def test_totals_follow_the_rows_shown() -> None:
    totals = solution_totals(CELLS, [EDGE], [C])
    assert totals[EDGE].by_status == {"not_relevant": 1}
    assert totals[EDGE].share_ours is None
