"""Exporting a plan as one workbook a person is glad to receive.

A cover sheet with the agreement, then one Excel table per kind of record, each
row carrying its record's UUID and version (hidden, grouped columns) so an
edited copy can come back as a diff. The file is written under a temporary name
in the destination folder and replaces the destination only when complete: an
error or a cancel leaves any previous file exactly as it was.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from abm_planner.domain import vocabularies as vocab
from abm_planner.excel import export_activity as activity
from abm_planner.excel import export_layout as layout
from abm_planner.excel import export_workshop as workshop
from abm_planner.excel import whitespace_meta
from abm_planner.excel.errors import ExportError, OperationCancelled
from abm_planner.excel.export_cover import COVER_SHEET, SheetLine, write_cover
from abm_planner.excel.export_data import FUNCTION_LABELS, KIND_LABELS, LINE_LABELS, ExportData
from abm_planner.excel.export_images import MapImage, map_images, map_sheet_name, write_map_sheet
from abm_planner.excel.export_records import account_rows, stakeholder_rows
from abm_planner.excel.sheet_styles import ATTITUDE_COLOURS, RAG_COLOURS, STATUS_RAG
from abm_planner.excel.workbook_writer import LISTS_SHEET, META_SHEET, TruncatedCell, WorkbookWriter
from abm_planner.store import plan_file
from abm_planner.store.base import utcnow

Progress = Callable[[int, int], None]
FORMAT_ID = "abm-planner-plan-export"
FORMAT_VERSION = "2"  # 2: every data sheet comes back; the whitespace grid as exported


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One DMU or clash finding to list on the Findings sheet (plain data from the services)."""

    account: str
    status: str
    code: str
    message: str
    stakeholders: str
    account_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    rows: dict[str, int]
    truncated: tuple[TruncatedCell, ...]
    notes: tuple[str, ...]
    seconds: float


def check_destination(destination: Path) -> None:
    if destination.suffix.lower() != ".xlsx":
        raise ExportError(f"{destination.name}: an export is an Excel workbook; name it *.xlsx.")
    if destination.is_dir():
        raise ExportError(f"{destination} is a folder; give a file name ending in .xlsx.")
    if not destination.parent.is_dir():
        raise ExportError(f"The folder {destination.parent} does not exist.")


def export_workbook(
    session: Session,
    destination: Path,
    *,
    account_ids: Sequence[uuid.UUID] | None = None,
    scope: str = "whole plan",
    findings: Sequence[FindingRow] | None = None,
    images: Mapping[uuid.UUID, bytes] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> ExportResult:
    """Write the plan (or the accounts of ``account_ids``) to ``destination`` atomically.

    ``images`` (account id → PNG bytes) adds a sheet with the account's DMU map for
    each exported account that has one; a picture that is not a PNG or is too big is
    an ``ExportError`` before anything is written.
    """
    started = time.perf_counter()
    exported_at = utcnow()  # before the first read: later edits count as "since the export"
    destination = Path(destination)
    check_destination(destination)
    data = ExportData(session, account_ids)
    maps = map_images(images, _account_names(data, images)) if images else []
    totals = _row_counts(data)
    total = sum(totals.values()) + (len(findings) if findings else 0)
    done = 0

    def tick(rows: int) -> None:
        nonlocal done
        done += rows
        if cancelled is not None and cancelled():
            raise OperationCancelled("Export cancelled; no file was written.")
        if progress is not None:
            progress(min(done, total), total)

    if progress is not None:
        progress(0, total)
    temporary: Path | None = None
    try:
        temporary = plan_file.temporary_sibling(destination)  # a read-only folder fails here
        with tempfile.TemporaryDirectory(prefix="abm-export-") as scratch:
            writer = WorkbookWriter(temporary, Path(scratch), tick)
            try:
                rows = _write_sheets(
                    writer,
                    data,
                    totals=totals,
                    scope=scope,
                    findings=findings,
                    maps=maps,
                    today=today or date.today(),
                )
                _write_meta(writer, data, scope, exported_at)
                writer.close()
            except BaseException:
                writer.abort()
                raise
        plan_file.publish(temporary, destination)
    except OSError as error:
        raise ExportError(
            f"{destination.name} could not be written: {error.strerror or error}; "
            "any previous file of that name is unchanged."
        ) from error
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
    notes = () if findings is not None else ("Findings were left out (no DMU analysis ran).",)
    return ExportResult(
        destination, rows, tuple(writer.truncated), notes, time.perf_counter() - started
    )


def planned_rows(session: Session, account_ids: Sequence[uuid.UUID] | None) -> dict[str, int]:
    """Rows the main sheets of an export will have (for a progress bar's total)."""
    return _row_counts(ExportData(session, account_ids))


def _account_names(data: ExportData, images: Mapping[uuid.UUID, bytes]) -> dict[uuid.UUID, str]:
    """Names of the exported accounts among those with a picture."""
    from sqlalchemy import select

    from abm_planner.store.models import Account

    wanted = [i for i in images if data.account_ids is None or i in data.account_ids]
    if not wanted:
        return {}
    query = select(Account.id, Account.name).where(Account.id.in_(wanted))
    return dict(data.session.execute(query).all())  # type: ignore[arg-type]


def _row_counts(data: ExportData) -> dict[str, int]:
    from abm_planner.store.models import (
        Account,
        Objective,
        PlayAssignment,
        Stakeholder,
        StakeholderLine,
        Touch,
    )

    return {
        layout.ACCOUNTS: data.count(Account, Account.id),
        layout.STAKEHOLDERS: data.count(Stakeholder, Stakeholder.account_id),
        layout.RELATIONSHIPS: data.count(StakeholderLine, StakeholderLine.account_id),
        layout.PLAYS: data.count(PlayAssignment, PlayAssignment.account_id),
        layout.TOUCHES: data.count(Touch, Touch.account_id),
        layout.OBJECTIVES: data.count(Objective, Objective.account_id),
    } | workshop.row_counts(data)


def _write_sheets(
    writer: WorkbookWriter,
    data: ExportData,
    *,
    totals: dict[str, int],
    scope: str,
    findings: Sequence[FindingRow] | None,
    maps: Sequence[MapImage] = (),
    today: date,
) -> dict[str, int]:
    criteria = data.criteria()
    solutions = data.solutions()
    writer.register_lists(_lists(data) | workshop.lists())
    writer.highlights = _highlights(data) | workshop.highlights()
    cover = writer.add_sheet(COVER_SHEET)
    sheets = layout.sheet_specs(criteria, solutions)
    contents = [SheetLine(spec.name, totals.get(spec.name), spec.note) for spec in sheets.values()]
    contents.append(SheetLine(layout.TIMELINE, None, layout.TIMELINE_NOTE))
    if findings is not None:
        contents.append(SheetLine(layout.FINDINGS, len(findings), layout.FINDINGS_NOTE))
    taken = [COVER_SHEET, *sheets, layout.TIMELINE, layout.FINDINGS, LISTS_SHEET, META_SHEET]
    map_sheets: list[tuple[str, MapImage]] = []
    for image in maps:
        name = map_sheet_name(image.account, taken)
        taken.append(name)
        map_sheets.append((name, image))
        contents.append(SheetLine(name, None, f"The DMU map (org chart) of {image.account}"))
    write_cover(
        cover,
        writer.styles,
        data.session,
        scope=scope,
        exported_at=datetime.now(),
        contents=contents,
    )
    sources = {
        layout.ACCOUNTS: account_rows(data, criteria),
        layout.STAKEHOLDERS: stakeholder_rows(data),
        layout.RELATIONSHIPS: data.relationships(),
        layout.PLAYS: activity.plays(data),
        layout.TOUCHES: activity.touches(data),
        layout.OBJECTIVES: activity.objectives(data),
        layout.WHITESPACE: activity.whitespace(data, solutions),
        layout.PLAY_LIBRARY: activity.play_library(data),
        layout.DECISIONS: workshop.decisions(data),
        layout.ACTIONS: workshop.actions(data),
    }
    rows = {name: writer.write_table(spec, sources[name]) for name, spec in sheets.items()}
    workshop.mark_overdue(writer, sheets[layout.ACTIONS], rows[layout.ACTIONS])
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=layout.TIMELINE_WEEKS_BEFORE)
    rows[layout.TIMELINE] = layout.write_timeline(
        writer,
        activity.timeline(data, start, start + timedelta(weeks=layout.TIMELINE_WEEKS)),
        start,
        today,
    )
    if findings is not None:
        rows[layout.FINDINGS] = writer.write_table(
            layout.FINDINGS_SPEC,
            ([f.account, f.status, f.code, f.message, f.stakeholders] for f in findings),
        )
    for name, image in map_sheets:
        write_map_sheet(writer.add_sheet(name), image, writer.styles.section)
        writer.tick(0)
    writer.write_lists()
    return rows


def _lists(data: ExportData) -> dict[str, list[str]]:
    lists = {kind: data.vocabulary(kind) for kind in vocab.DEFAULT_VOCABULARIES}
    lists |= {
        layout.MEMBERS: data.member_names(),
        layout.YES_NO: ["Yes", "No"],
        layout.LEAD_FUNCTIONS: [FUNCTION_LABELS[f] for f in vocab.LEAD_FUNCTIONS],
        layout.TOUCH_FUNCTIONS: [FUNCTION_LABELS[f] for f in vocab.TOUCH_FUNCTIONS],
        layout.LINE_KINDS: [LINE_LABELS[k] for k in vocab.LINE_KINDS],
        layout.OBJECTIVE_KINDS: [KIND_LABELS[k] for k in vocab.OBJECTIVE_KINDS],
    }
    return lists


def _highlights(data: ExportData) -> dict[str, list[tuple[str, tuple[str, str]]]]:
    attitude = data.labels_by_key(vocab.ATTITUDE)
    highlights = {
        vocab.ATTITUDE: [
            (label, ATTITUDE_COLOURS[key])
            for key, label in attitude.items()
            if key in ATTITUDE_COLOURS
        ]
    }
    for kind in (vocab.PLAY_STATUS, vocab.OBJECTIVE_STATUS, vocab.WHITESPACE):
        highlights[kind] = [
            (label, RAG_COLOURS[STATUS_RAG[key]])
            for key, label in data.labels_by_key(kind).items()
            if key in STATUS_RAG
        ]
    return highlights


def _write_meta(
    writer: WorkbookWriter, data: ExportData, scope: str, exported_at: datetime
) -> None:
    from sqlalchemy import select

    from abm_planner.store.models import PlanSettings

    settings = data.session.scalars(select(PlanSettings)).first()
    entries = [
        ("format", FORMAT_ID),
        ("format_version", FORMAT_VERSION),
        ("plan", settings.name if settings else ""),
        ("plan_id", str(settings.id) if settings else ""),
        ("exported_at", exported_at.isoformat()),
        ("scope", "all" if data.account_ids is None else "accounts"),
        ("scope_label", scope),
    ]
    entries += [("account", str(account_id)) for account_id in data.account_ids or ()]
    entries += whitespace_meta.entries(data.whitespace_columns, data.whitespace_cells)
    writer.write_meta(entries)
