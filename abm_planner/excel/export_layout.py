"""The sheets of an export and their columns, shared by the writer and the round trip.

Headers of fields a person may edit are the field labels of
``domain.fields``, so the round trip finds each field by its header. Columns
such as "Fit score" or "Stakeholders" are computed and only shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from abm_planner.domain import vocabularies as vocab
from abm_planner.excel.export_records import (
    MEMBERS,
    STAKEHOLDER_COUNT,
    YES_NO,
    account_columns,
    stakeholder_columns,
)
from abm_planner.excel.sheet_styles import EXCEL_EPOCH_ORDINAL, CellKind
from abm_planner.excel.workbook_writer import Column, SheetSpec, WorkbookWriter

ACCOUNTS = "Accounts"
STAKEHOLDERS = "Stakeholders"
RELATIONSHIPS = "Relationships"
PLAYS = "Plays"
TOUCHES = "Touches"
OBJECTIVES = "Objectives & metrics"
WHITESPACE = "Whitespace"
PLAY_LIBRARY = "Play library"
TIMELINE = "Timeline"
FINDINGS = "Findings"
DECISIONS = "Decisions"
ACTIONS = "Actions"

RECORD_ID = "Record id"
VERSION = "Version"
ACCOUNT = "Account"
ACCOUNT_ID = "Account id"
WHITESPACE_TAKEN = (ACCOUNT, ACCOUNT_ID)  # the Whitespace sheet's own columns
MAX_HEADER = 255  # characters in a table column's name
_UNSAFE_IN_HEADER = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff]")

LEAD_FUNCTIONS = "lead_function"
TOUCH_FUNCTIONS = "touch_function"
LINE_KINDS = "line_kind"
OBJECTIVE_KINDS = "objective_kind"
ACTION_STATUSES = "action_status"
DUE = "Due"
STATUS = "Status"

TIMELINE_WEEKS_BEFORE = 4
TIMELINE_WEEKS = 30
TIMELINE_NOTE = (
    f"Plays running in the {TIMELINE_WEEKS} weeks from {TIMELINE_WEEKS_BEFORE} weeks ago, "
    "drawn by week"
)
FINDINGS_NOTE = "What the DMU and clash analysis found, per account"

_T, _L, _M, _I, _N, _D = (
    CellKind.TEXT,
    CellKind.LONG_TEXT,
    CellKind.MONEY,
    CellKind.INTEGER,
    CellKind.NUMBER,
    CellKind.DATE,
)


def _ids(*headers: str) -> tuple[Column, ...]:
    return tuple(
        Column(h, CellKind.VERSION if h == VERSION else CellKind.ID, 10, hidden=True)
        for h in headers
    )


def _c(header: str, kind: CellKind = _T, width: float = 14, **extra: Any) -> Column:
    return Column(header, kind, width, **extra)


def sheet_specs(
    criteria: Sequence[tuple[Any, str]], solutions: Sequence[tuple[Any, str]]
) -> dict[str, SheetSpec]:
    scores = tuple(
        _c(header, _I, 10)
        for header in unique_headers([f"Score: {name}" for _id, name in criteria], taken={"name"})
    )
    specs = [
        SheetSpec(
            ACCOUNTS,
            "Accounts",
            (
                *account_columns(),
                _c(STAKEHOLDER_COUNT, _I, 12),
                *scores,
                *_ids(RECORD_ID, VERSION),
            ),
            freeze_columns=1,
            note="Key accounts with tier, stage, owners and criterion scores",
        ),
        SheetSpec(
            STAKEHOLDERS,
            "Stakeholders",
            (_c(ACCOUNT, width=28), *stakeholder_columns(), *_ids(ACCOUNT_ID, RECORD_ID, VERSION)),
            freeze_columns=2,
            note="The decision-making unit of each account: roles, attitude, coverage",
        ),
        SheetSpec(
            RELATIONSHIPS,
            "Relationships",
            (
                _c(ACCOUNT, width=28),
                _c("From", width=24),
                _c("Line", width=15, choices=LINE_KINDS),
                _c("To", width=24),
                _c("Dotted", width=8, choices=YES_NO),
                _c("Strength", _I, 9),
                *_ids("From id", "To id", RECORD_ID, VERSION),
            ),
            freeze_columns=1,
            note="Reports-to, influences and conflicts-with lines between people",
        ),
        SheetSpec(
            PLAYS,
            "Plays",
            (
                _c(ACCOUNT, width=28),
                _c("Play", width=28),
                _c("Template", width=28),
                _c("Lead", width=11, choices=LEAD_FUNCTIONS),
                _c("Status", width=11, choices=vocab.PLAY_STATUS, highlight=vocab.PLAY_STATUS),
                _c("Start", _D, 11),
                _c("End", _D, 11),
                _c("Budget", _M, 12),
                _c("Expected touches", _I, 10),
                _c("Touches logged", _I, 10),
                _c("Sales owner", width=20, choices=MEMBERS),
                _c("Marketing owner", width=20, choices=MEMBERS),
                _c("Targets", width=36),
                _c("Outcome", _L, 36),
                *_ids("Target ids", RECORD_ID, VERSION),
            ),
            freeze_columns=2,
            note="Plays assigned to accounts, with owners, dates and budget",
        ),
        SheetSpec(
            TOUCHES,
            "Touches",
            (
                _c(ACCOUNT, width=28),
                _c("Date", _D, 11),
                _c("Stakeholder", width=24),
                _c("Channel", width=14, choices=vocab.CHANNEL),
                _c("Function", width=11, choices=TOUCH_FUNCTIONS),
                _c("By", width=20, choices=MEMBERS),
                _c("Play", width=28),
                _c("Notes", _L, 40),
                *_ids("Stakeholder id", "Play id", RECORD_ID, VERSION),
            ),
            freeze_columns=1,
            note="Every logged contact with a stakeholder, newest first",
        ),
        SheetSpec(
            OBJECTIVES,
            "Objectives",
            (
                _c(ACCOUNT, width=28),
                _c("Kind", width=12, choices=OBJECTIVE_KINDS),
                _c("Objective", width=32),
                _c("Metric", width=18),
                _c("Target", _N, 10),
                _c("Actual", _N, 10),
                _c("Unit", width=8),
                _c("Progress", CellKind.PERCENT, 9),
                _c("Owner", width=20, choices=MEMBERS),
                _c("Due", _D, 11),
                _c(
                    "Status",
                    width=12,
                    choices=vocab.OBJECTIVE_STATUS,
                    highlight=vocab.OBJECTIVE_STATUS,
                ),
                _c("Stakeholder", width=24),
                *_ids("Stakeholder id", RECORD_ID, VERSION),
            ),
            freeze_columns=1,
            note="Customer goals, ours and relationship objectives with metrics",
        ),
        SheetSpec(
            WHITESPACE,
            "Whitespace",
            (
                _c(ACCOUNT, width=30),
                *(
                    _c(header, width=16, choices=vocab.WHITESPACE, highlight=vocab.WHITESPACE)
                    for header in unique_headers(
                        [name for _id, name in solutions], taken=WHITESPACE_TAKEN
                    )
                ),
                *_ids(ACCOUNT_ID),
            ),
            freeze_columns=1,
            note="Accounts × our solutions: who serves each need today",
        ),
        SheetSpec(
            PLAY_LIBRARY,
            "PlayLibrary",
            (
                _c("Play", width=30),
                _c("Type", width=16, choices=vocab.PLAY_TYPE),
                _c("Lead", width=11, choices=LEAD_FUNCTIONS),
                _c("Stages", width=24),
                _c("Target roles", width=24),
                _c("Trigger", _L, 36),
                _c("Steps", _L, 48),
                _c("Success criteria", _L, 36),
                _c("Typical touches", _I, 10),
                _c("Duration (days)", _I, 10),
                _c("Cost", _M, 12),
                _c("Description", _L, 40),
                *_ids(RECORD_ID, VERSION),
            ),
            freeze_columns=1,
            note="The reusable plays both sides agreed on",
        ),
        SheetSpec(
            DECISIONS,
            "Decisions",
            (
                _c("Date", _D, 11),
                _c(ACCOUNT, width=28),
                _c("Title", width=36),
                _c("Text", _L, 48),
                _c("Decided by", width=20),
                _c("Workshop", width=24),
                _c("Linked", _L, 28),
                _c("Details", _L, 44),
                *_ids(RECORD_ID, VERSION),
            ),
            freeze_columns=1,
            note="The decision log: what was agreed, when, by whom and why",
        ),
        SheetSpec(
            ACTIONS,
            "Actions",
            (
                _c(ACCOUNT, width=28),
                _c("Action", _L, 44),
                _c("Owner", width=20, choices=MEMBERS),
                _c(DUE, _D, 11),
                _c(STATUS, width=10, choices=ACTION_STATUSES, highlight=ACTION_STATUSES),
                _c("Workshop", width=24),
                _c("Linked", _L, 28),
                *_ids(RECORD_ID, VERSION),
            ),
            freeze_columns=1,
            note="Who does what by when; overdue open actions in red",
        ),
    ]
    return {spec.name: spec for spec in specs}


FINDINGS_SPEC = SheetSpec(
    FINDINGS,
    "Findings",
    (
        _c(ACCOUNT, width=28),
        _c("Status", width=9),
        _c("Finding", width=22),
        _c("What it means", _L, 60),
        _c("Who", width=36),
    ),
    freeze_columns=1,
    note=FINDINGS_NOTE,
)


def unique_headers(headers: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Table headers as Excel requires them, or it "repairs" the file by dropping the table.

    They must differ ignoring case, hold no line breaks or control characters, and
    have at most 255 characters; a header that would break a rule is tidied and,
    if it then collides, numbered.
    """
    seen = {t.casefold() for t in taken}
    result = []
    for header in headers:
        base = " ".join(_UNSAFE_IN_HEADER.sub(" ", header).split())[:MAX_HEADER].rstrip()
        base = base or "Column"
        candidate, number = base, 2
        while candidate.casefold() in seen:
            suffix = f" ({number})"
            candidate = base[: MAX_HEADER - len(suffix)].rstrip() + suffix
            number += 1
        seen.add(candidate.casefold())
        result.append(candidate)
    return result


def write_timeline(
    writer: WorkbookWriter, rows: Iterable[Sequence[Any]], start: date, today: date
) -> int:
    """Plays as bars across weeks: the bars are conditional fills, so no cell is written."""
    sheet = writer.add_sheet(TIMELINE)
    styles = writer.styles
    headers = ("Account", "Play", "Status", "Start", "End")
    first_week = len(headers)
    last_week = first_week + TIMELINE_WEEKS - 1
    sheet.set_row(0, 42)
    for column, (header, width) in enumerate(zip(headers, (26, 26, 11, 11, 11), strict=True)):
        sheet.set_column(column, column, width)
        sheet.write_string(0, column, header, styles.header)
    sheet.set_column(first_week, last_week, 3.2)
    for week in range(TIMELINE_WEEKS):
        monday = start + timedelta(weeks=week)
        sheet.write_number(
            0, first_week + week, monday.toordinal() - EXCEL_EPOCH_ORDINAL, styles.week
        )
    end_of_window = start + timedelta(weeks=TIMELINE_WEEKS)
    columns = (
        Column("Account"),
        Column("Play"),
        Column("Status"),
        Column("Start", _D),
        Column("End", _D),
    )
    visible = (row for row in rows if row[3] < end_of_window and row[4] >= start)
    count = writer.write_rows(sheet, TIMELINE, columns, visible)
    last_row = max(count, 1)
    sheet.conditional_format(
        1,
        first_week,
        last_row,
        last_week,
        {"type": "formula", "criteria": "=AND($D2<=F$1+6,$E2>=F$1)", "format": styles.timeline_bar},
    )
    this_week = (today - start).days // 7
    if 0 <= this_week < TIMELINE_WEEKS:
        sheet.conditional_format(
            0,
            first_week + this_week,
            last_row,
            first_week + this_week,
            {"type": "no_errors", "format": styles.today},
        )
    sheet.autofilter(0, 0, last_row, first_week - 1)
    sheet.freeze_panes(1, 2)
    return count
