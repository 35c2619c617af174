"""The whitespace map: for each account and each of our solutions, who serves the need.

Statuses are DOMAIN.md's: Unknown, Done internally, Competitor, Ours, Not relevant;
a cell nobody filled in is "not assessed". Per solution the totals say where we are
(``ours``), where we could win (``open``: a competitor or the customer's own team
does it today) and what is still to find out (Unknown or not assessed).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

UNKNOWN = "unknown"
DONE_INTERNALLY = "done_internally"
COMPETITOR = "competitor"
OURS = "ours"
NOT_RELEVANT = "not_relevant"
OPEN_STATUSES = frozenset({DONE_INTERNALLY, COMPETITOR})


@dataclass(frozen=True, slots=True)
class Cell:
    account_id: uuid.UUID
    solution_id: uuid.UUID
    status_key: str


@dataclass(slots=True)
class SolutionTotals:
    """The accounts of the map counted by status for one solution."""

    solution_id: uuid.UUID
    accounts: int = 0
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def not_assessed(self) -> int:
        return self.accounts - sum(self.by_status.values())

    @property
    def ours(self) -> int:
        return self.by_status.get(OURS, 0)

    @property
    def open(self) -> int:
        """Accounts where a competitor or the customer's own team does it: ours to win."""
        return sum(self.by_status.get(status, 0) for status in OPEN_STATUSES)

    @property
    def to_find_out(self) -> int:
        return self.by_status.get(UNKNOWN, 0) + self.not_assessed

    @property
    def relevant(self) -> int:
        return self.accounts - self.by_status.get(NOT_RELEVANT, 0)

    @property
    def share_ours(self) -> float | None:
        """Our share of the accounts where the solution is relevant."""
        return None if not self.relevant else self.ours / self.relevant


def solution_totals(
    cells: Iterable[Cell],
    solution_ids: Sequence[uuid.UUID],
    account_ids: Iterable[uuid.UUID],
) -> dict[uuid.UUID, SolutionTotals]:
    """Totals per solution over the accounts in ``account_ids`` (the rows shown)."""
    shown = set(account_ids)
    totals = {sid: SolutionTotals(sid, accounts=len(shown)) for sid in solution_ids}
    for cell in cells:
        total = totals.get(cell.solution_id)
        if total is not None and cell.account_id in shown:
            total.by_status[cell.status_key] = total.by_status.get(cell.status_key, 0) + 1
    return totals


def grid(cells: Iterable[Cell]) -> dict[tuple[uuid.UUID, uuid.UUID], str]:
    """Status key by (account id, solution id)."""
    return {(c.account_id, c.solution_id): c.status_key for c in cells}


def status_counts(statuses: Mapping[tuple[uuid.UUID, uuid.UUID], str]) -> dict[str, int]:
    """How many cells hold each status (for a legend)."""
    counts: dict[str, int] = {}
    for status in statuses.values():
        counts[status] = counts.get(status, 0) + 1
    return counts
