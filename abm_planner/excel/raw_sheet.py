"""The rows of one sheet or CSV file as a reader hands them on, and the time limit on reading.

Values are str, float, bool or date; rows come lazily (a 100,000-row file is not
held twice), so the time limit is checked every few thousand rows as they pass.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from abm_planner.excel.errors import LimitExceededError
from abm_planner.excel.read_limits import ReadLimits

TIME_CHECK_ROWS = 5000


@dataclass(slots=True)
class RawSheet:
    """The rows of one sheet (or CSV file) as read; values are str, float, bool, date."""

    file: Path
    sheet: str | None
    rows: Iterator[list[Any]]  # row 1 first
    formula_cells: frozenset[str] = frozenset()
    notes: list[str] = field(default_factory=list)
    row_count: int | None = None


def check_time(path: Path, sheet: str | None, started: float, limits: ReadLimits) -> None:
    if time.monotonic() - started > limits.max_seconds:
        raise LimitExceededError(
            f"reading took longer than the limit of {limits.max_seconds:.0f} s",
            file=path,
            sheet=sheet,
        )
