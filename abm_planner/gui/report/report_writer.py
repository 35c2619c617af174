"""Write the handout PDF: Qt's own PDF writer, all at once or not at all.

The file is written through ``QSaveFile`` (a temporary file beside the target,
renamed into place when complete), so a failure or a cancel never leaves half a
PDF, and a handout already under that name stays as it was.

``make_report`` is the whole job on one thread, for the command line and the
benchmark; the app draws the maps on its UI thread and runs ``write_report`` in a
worker (``report_export``).
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QIODevice, QLocale, QMarginsF, QSaveFile
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from abm_planner.errors import UserError
from abm_planner.gui.report import report_data
from abm_planner.gui.report.report_map import MapDrawing, draw_maps
from abm_planner.gui.report.report_pages import map_boxes, paint_pages
from abm_planner.gui.report.report_style import (
    DPI,
    MARGIN_BOTTOM,
    MARGIN_SIDE,
    MARGIN_TOP,
    PAGE_SIZES,
)
from abm_planner.services.plans import Plan

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
_OFFSCREEN_APP: list[object] = []


@dataclass(frozen=True, slots=True)
class ReportResult:
    path: Path
    pages: int
    accounts: int
    seconds: float


def default_paper() -> str:
    """Letter where the locale measures in inches (US), A4 elsewhere."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if imperial else "a4"


def page_size(paper: str) -> QPageSize:
    return QPageSize(PAGE_SIZES.get(paper, PAGE_SIZES["a4"]))


def body_size(paper: str) -> tuple[float, float]:
    """Width and height of a page's area for blocks, in points."""
    size = page_size(paper).size(QPageSize.Unit.Point)
    return (
        size.width() - 2 * MARGIN_SIDE,
        size.height() - MARGIN_TOP - MARGIN_BOTTOM,
    )


def check_destination(path: Path) -> None:
    """Refuse, in one sentence, a destination that cannot be written."""
    folder = path.parent
    if not folder.is_dir():
        raise UserError(
            f"The folder {folder} does not exist; choose another place for {path.name}."
        )
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name for the handout.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(
            f"The folder {folder} cannot be written to; choose another place for {path.name}."
        )


def write_report(
    path: Path | str,
    data: report_data.ReportData,
    maps: dict[uuid.UUID, MapDrawing],
    *,
    paper: str = "a4",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write ``data`` as a PDF at ``path`` (atomically); the number of pages."""
    path = Path(path)
    check_destination(path)
    file = QSaveFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        raise UserError(f"{path} could not be written: {file.errorString()}.")
    try:
        writer = QPdfWriter(file)
        writer.setTitle(f"{data.plan_name} – account plan handout")
        writer.setCreator("ABM Planner")
        writer.setResolution(DPI)
        writer.setPageLayout(
            QPageLayout(
                page_size(paper),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        pages = paint_pages(writer, data, maps, progress=progress, cancelled=cancelled)
        del writer
    except OSError as error:
        file.cancelWriting()
        raise UserError(f"{path} could not be written: {error}.") from error
    except BaseException:
        file.cancelWriting()
        raise
    if not file.commit():
        raise UserError(f"{path} could not be written: {file.errorString()}.")
    return pages


def prepare_maps(
    plan: Plan, account_ids: Sequence[uuid.UUID], paper: str = "a4"
) -> dict[uuid.UUID, MapDrawing]:
    """The accounts' maps for pages of ``paper``; on the application's thread only."""
    return draw_maps(plan, account_ids, map_boxes(*body_size(paper)))


def ensure_application() -> None:
    """A ``QApplication`` for a program without a window (offscreen without a display)."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import abm_planner.gui.models  # noqa: F401 - the PySide6 work-arounds the app applies

    _OFFSCREEN_APP.append(QApplication(["abm-planner"]))  # kept until the process ends


def make_report(
    plan: Plan,
    path: Path | str,
    account_ids: Sequence[uuid.UUID] | None = None,
    *,
    paper: str = "a4",
    as_of: date | None = None,
) -> ReportResult:
    """The whole handout on this thread: maps, data, PDF (every account if None)."""
    started = time.perf_counter()
    ensure_application()
    if account_ids is None:
        from abm_planner.services.dmu_analysis import accounts_by_name

        account_ids = [account_id for account_id, _name in accounts_by_name(plan)]
        if not account_ids:
            raise UserError(
                "The plan has no accounts yet, so there is nothing to put in a handout."
            )
    report_data.check_count(len(account_ids))
    check_destination(Path(path))
    maps = prepare_maps(plan, account_ids, paper)
    data = report_data.collect_report(plan, account_ids, as_of=as_of)
    pages = write_report(path, data, maps, paper=paper)
    return ReportResult(Path(path), pages, len(data.sections), time.perf_counter() - started)
