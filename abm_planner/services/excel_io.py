"""Excel use cases the GUI and CLI call: export a plan, preview and apply an import.

The GUI runs these in a worker with a progress dialog: ``progress(done, total)`` is
called from the worker thread and ``cancelled()`` is polled; a cancel raises
``OperationCancelled`` and leaves files and plan as they were. Errors a person can
fix are ``UserError`` subclasses (``abm_planner.excel.errors``) naming file, sheet,
row and column.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from sqlalchemy import func, select

from abm_planner.errors import NotFoundError
from abm_planner.excel.errors import OperationCancelled
from abm_planner.excel.export_images import check_image
from abm_planner.excel.import_apply import apply_changes, with_dependencies
from abm_planner.excel.import_model import ADD, CHANGE, DELETE, ImportPreview, ImportResult
from abm_planner.excel.import_preview import SheetChoice, build_preview
from abm_planner.excel.read_limits import DEFAULT_LIMITS, ReadLimits
from abm_planner.excel.workbook_export import (
    ExportResult,
    FindingRow,
    check_destination,
    export_workbook,
    planned_rows,
)
from abm_planner.services.bulk_insert import bulk_insert
from abm_planner.services.plans import Plan
from abm_planner.store.models import Account

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def resolve_accounts(plan: Plan, accounts: Sequence[str | uuid.UUID]) -> list[uuid.UUID]:
    """Account ids for names (any case) or ids; every account of a shared name is included."""
    ids: list[uuid.UUID] = []
    with plan.read() as session:
        for item in accounts:
            if isinstance(item, uuid.UUID):
                found = list(session.scalars(select(Account.id).where(Account.id == item)))
            else:
                found = list(
                    session.scalars(
                        select(Account.id).where(func.lower(Account.name) == item.strip().lower())
                    )
                )
            if not found:
                raise NotFoundError(f"There is no account named '{item}' in the plan.")
            ids += [i for i in found if i not in ids]
    return ids


def plan_findings(
    plan: Plan,
    account_ids: Sequence[uuid.UUID] | None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[FindingRow] | None:
    """The DMU analysis' findings as rows for the Findings sheet; None if it is unavailable."""
    try:
        from abm_planner.services import dmu_analysis
    except ImportError:
        return None
    try:
        analyses = dmu_analysis.analyse_accounts(
            plan, account_ids, progress=progress, cancelled=cancelled
        )
    except dmu_analysis.AnalysisCancelled:
        raise OperationCancelled("Export cancelled; no file was written.") from None
    return [
        FindingRow(
            analysis.account,
            analysis.status,
            finding.code,
            finding.message,
            "; ".join(finding.stakeholders),
            analysis.account_id,
        )
        for analysis in analyses
        for finding in analysis.findings
    ]


ROWS_PER_ANALYSED_ACCOUNT = 75  # about as long to analyse one account as to write 75 rows


def export_plan(
    plan: Plan,
    path: Path | str,
    accounts: Sequence[str | uuid.UUID] | None = None,
    *,
    include_findings: bool = True,
    images: Mapping[uuid.UUID, bytes] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Write the plan, or only ``accounts`` (names or ids), to the workbook ``path``.

    With ``include_findings`` the DMU analysis runs first; ``progress(done, total)``
    covers both steps as one bar. ``images`` maps account ids to PNG bytes of their
    DMU maps (rendered by the GUI); each exported account among them gets a map sheet.
    A picture that is not a PNG or is over 20 MB is refused with an ``ExportError``.
    A cancel raises ``OperationCancelled``; an error is an ``ExportError``; either way
    an existing file at ``path`` is left as it was.
    """
    account_ids = resolve_accounts(plan, accounts) if accounts else None
    if account_ids is None:
        scope = "whole plan"
    else:
        scope = f"{len(account_ids)} account{'s' if len(account_ids) != 1 else ''}"
    check_destination(Path(path))
    if images:
        for account_id, data in images.items():
            check_image(str(account_id), bytes(data))  # before the analysis' long run
    findings = None
    head = 0
    if include_findings:
        with plan.read() as session:
            rows = sum(planned_rows(session, account_ids).values())
        count = len(account_ids) if account_ids is not None else _account_count(plan)
        head = count * ROWS_PER_ANALYSED_ACCOUNT

        def analysing(done: int, _total: int) -> None:
            if progress is not None:
                progress(done * ROWS_PER_ANALYSED_ACCOUNT, head + rows)

        findings = plan_findings(plan, account_ids, progress=analysing, cancelled=cancelled)

    def writing(done: int, total: int) -> None:
        if progress is not None:
            progress(head + done, head + total)

    with plan.read() as session:
        return export_workbook(
            session,
            Path(path),
            account_ids=account_ids,
            scope=scope,
            findings=findings,
            images=images,
            progress=writing,
            cancelled=cancelled,
        )


def _account_count(plan: Plan) -> int:
    with plan.read() as session:
        return int(session.scalar(select(func.count()).select_from(Account)) or 0)


def preview_import(
    plan: Plan,
    files: Sequence[Path | str],
    *,
    choices: dict[tuple[str, str | None], SheetChoice] | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPreview:
    """Read ``files`` (CSV, XLSX, or an edited export) and say what importing would change.

    Raises a ``SpreadsheetError`` when a file cannot be read at all (damaged,
    encrypted, over a limit); problems with single rows or values are in
    ``preview.issues`` (errors block ``apply_import``). ``choices`` carries the
    person's corrections of sheet kind and column mapping, keyed by
    ``(str(path), sheet name or None)``.
    """
    with plan.read() as session:
        return build_preview(
            session,
            [Path(f) for f in files],
            plan_location=plan.location,
            choices=choices,
            limits=limits,
            progress=progress,
            cancelled=cancelled,
        )


def apply_import(
    plan: Plan, preview: ImportPreview, selection: Iterable[str] | None = None
) -> ImportResult:
    """Write the selected changes (default: all without conflicts) in one unit of work.

    All or nothing: a preview with errors raises ``ImportBlockedError`` naming the
    first; a record changed in the plan since the preview raises
    ``StalePreviewError``; in both cases the plan is unchanged.
    """
    started = time.perf_counter()
    preview.raise_if_blocked()
    keys = preview.default_selection() if selection is None else set(selection)
    changes = with_dependencies(preview, keys)
    with plan.write() as unit:
        counts = apply_changes(unit.session, changes, bulk_insert)
        touched = {c.kind for c in changes}
        if len(changes) > 1000 or touched - {"account", "stakeholder", "play_template"}:
            unit.changed("plan")  # lists, lines, plays, touches...: every view refreshes
        else:
            for kind in ("account", "stakeholder", "line", "play_template"):
                ids = [c.record_id for c in changes if c.kind == kind]
                if ids:
                    unit.changed(kind, *ids)
    skipped = int(preview.counts.get("contacts skipped", 0))
    return ImportResult(
        counts[ADD], counts[CHANGE], counts[DELETE], skipped, time.perf_counter() - started
    )


def import_files(
    plan: Plan, files: Sequence[Path | str], *, progress: Progress | None = None
) -> tuple[ImportPreview, ImportResult]:
    """Preview and apply in one go (the CLI without --dry-run)."""
    preview = preview_import(plan, files, progress=progress)
    return preview, apply_import(plan, preview)
