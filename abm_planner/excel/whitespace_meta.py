"""The Whitespace grid as exported, kept in the export's hidden sheet.

A whitespace cell shows a status and nothing else: there is no room for a
hidden id or version per cell, so when an edited workbook comes back its cells
alone cannot say whether the person changed them. The hidden sheet therefore
keeps the status each cell had at the export (and the solution columns the
sheet had): a cell that still shows it was not edited in the workbook and is
left alone, whatever the plan did since; one that differs is the person's edit,
a conflict when the plan's cell moved away from the exported status too.

Written compactly (the scale plan has 5,000 accounts): the exported solutions
and statuses once, by position, then one entry per account with cells:
``"<account id> 0=2 3=1"`` (solution 0 has status 2, solution 3 status 1).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from abm_planner.excel.export_data import uuid_text

SOLUTIONS = "whitespace_solutions"
STATUSES = "whitespace_statuses"
CELLS = "whitespace"


@dataclass(frozen=True, slots=True)
class ExportedGrid:
    """The Whitespace sheet as exported: its solution columns and each cell's status."""

    solutions: frozenset[uuid.UUID]
    cells: Mapping[tuple[uuid.UUID, uuid.UUID], uuid.UUID]  # (account, solution) -> status

    def status(self, account: uuid.UUID, solution: uuid.UUID) -> uuid.UUID | None:
        return self.cells.get((account, solution))


def entries(
    solutions: Sequence[Any], cells: Mapping[Any, Mapping[Any, Any]]
) -> list[tuple[str, str]]:
    """The hidden sheet's entries for the exported ``solutions`` (ids) and ``cells``.

    ``cells`` maps account -> solution -> status, ids as the database gives them.
    """
    position = {uuid_text(s): n for n, s in enumerate(solutions)}
    statuses: dict[str, int] = {}
    lines = []
    for account, row in cells.items():
        pairs = [
            f"{position[uuid_text(s)]}={statuses.setdefault(uuid_text(t), len(statuses))}"
            for s, t in row.items()
            if uuid_text(s) in position
        ]
        if pairs:
            lines.append((CELLS, f"{uuid_text(account)} {' '.join(pairs)}"))
    return [(SOLUTIONS, " ".join(position)), (STATUSES, " ".join(statuses)), *lines]


def read_grid(found: Iterable[tuple[str, str]]) -> ExportedGrid | None:
    """The exported grid from the hidden sheet's entries; None for an older export.

    Entries that do not parse (a hidden sheet someone edited) count as an older
    export too: the import then falls back to the cells' edit times.
    """
    listed = list(found)
    values = dict(listed)
    if SOLUTIONS not in values:
        return None
    try:
        solutions = [uuid.UUID(t) for t in values[SOLUTIONS].split()]
        statuses = [uuid.UUID(t) for t in values.get(STATUSES, "").split()]
        cells: dict[tuple[uuid.UUID, uuid.UUID], uuid.UUID] = {}
        for key, value in listed:
            if key != CELLS:
                continue
            account, *pairs = value.split()
            account_id = uuid.UUID(account)
            for pair in pairs:
                solution, _, status = pair.partition("=")
                cells[account_id, solutions[int(solution)]] = statuses[int(status)]
    except (ValueError, IndexError):
        return None
    return ExportedGrid(frozenset(solutions), cells)
