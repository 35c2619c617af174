"""The sheets of an export that come back into the plan, in the order they are read.

Accounts and Stakeholders (``round_trip``) and the Play library
(``play_library_sheet``) come first, so later sheets may name the accounts,
people and templates a workbook adds. Each further sheet is one module holding
a ``RecordSheet`` (``record_sheet``): its name, kind of change, store model and
how a row becomes values. A new sheet plugs in with one line in ``SHEETS``;
``import_apply`` writes its changes, the preview counts and the GUI names them
from the same entry, in this order (deletes in reverse).

To bring back a further sheet (say "Meetings"): export it with the hidden
``Record id`` and ``Version`` columns (``export_layout``), write
``sheet_meetings.py`` with a ``RecordSheet`` subclass (its ``required`` key
columns only, ``one``/``plural`` nouns for the counts, ``load`` the plan's
records of the exported scope, ``row_values`` one row, using ``sheet_refs`` for
the account and people it names) and add ``sheet_meetings.SHEET`` below.
"""

from __future__ import annotations

from abm_planner.excel import export_layout as layout
from abm_planner.excel import (
    sheet_actions,
    sheet_decisions,
    sheet_objectives,
    sheet_plays,
    sheet_relationships,
    sheet_touches,
    sheet_whitespace,
)
from abm_planner.excel.record_sheet import RecordSheet

SHEETS: tuple[RecordSheet, ...] = (
    sheet_relationships.SHEET,
    sheet_plays.SHEET,
    sheet_touches.SHEET,
    sheet_objectives.SHEET,
    sheet_whitespace.SHEET,
    sheet_decisions.SHEET,
    sheet_actions.SHEET,
)
FIRST_SHEETS = (layout.ACCOUNTS, layout.STAKEHOLDERS, layout.PLAY_LIBRARY)
RETURNING_SHEETS = (*FIRST_SHEETS, *(s.sheet for s in SHEETS))
# how the preview names a record of each kind, for the kinds the first sheets bring too
KIND_LABELS: dict[str, str] = {
    "account": "Account",
    "stakeholder": "Stakeholder",
    "term": "Industry list",
    "play_template": "Play template",
    **{s.kind: s.label for s in SHEETS},
}
