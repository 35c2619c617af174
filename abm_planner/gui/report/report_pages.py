"""Blocks onto pages, then pages into the PDF.

Everything is laid out before anything is painted, so the footer can say "Page n
of m" and the cover can give each account's first page. The cover comes first;
each account starts on a new page with its header and map; the rest flows, and a
block that does not fit starts the next page under a "continued" line. A heading
never ends a page without what it heads.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPdfWriter, QPen

from abm_planner.excel.errors import OperationCancelled
from abm_planner.gui.report.report_blocks import (
    Block,
    Cell,
    Context,
    Heading,
    MapPanel,
    NoteLines,
    Text,
)
from abm_planner.gui.report.report_data import AccountSection, ReportData
from abm_planner.gui.report.report_legend import MapLegend
from abm_planner.gui.report.report_map import MapBoxes, MapDrawing
from abm_planner.gui.report.report_sections import (
    AccountHeader,
    action_blocks,
    cover_blocks,
    decision_blocks,
    findings_blocks,
    long_date,
    objective_blocks,
    play_blocks,
)
from abm_planner.gui.report.report_style import (
    MARGIN_BOTTOM,
    MARGIN_SIDE,
    MARGIN_TOP,
    MUTED,
    RULE,
    Fonts,
    Measure,
    pt,
    tr,
)

HALF_MAP = 300.0  # points of a first page the map may take beside the findings
MIN_SCALE = 0.40  # points per map unit below which a map gets its page (names ~5 pt)
MAX_SCALE = 0.62  # points per map unit at most (names ~8 pt)
MIN_NOTES = 60.0  # points of room that make a notes area worth ruling
WHOLE_MAP_RESERVE = 150.0  # points of the first page above the map: header, heading


def map_boxes(body_width: float, body_height: float) -> MapBoxes:
    """The map's room on an account's first page, in points (the panel's padding off)."""
    inner = body_width - 12
    return MapBoxes(
        half=(inner, HALF_MAP - 12),
        whole=(inner, body_height - WHOLE_MAP_RESERVE - 12),
        min_scale=MIN_SCALE,
        max_scale=MAX_SCALE,
    )


@dataclass(slots=True)
class Page:
    account: str | None
    placed: list[tuple[Block, QRectF]] = field(default_factory=list)


class Flow:
    """Stacks blocks down a page's body and opens pages as needed."""

    def __init__(self, ctx: Context, body: QRectF) -> None:
        self.ctx = ctx
        self.body = body
        self.pages: list[Page] = []
        self.y = body.top()
        self.running: str | None = None

    def new_page(self, account: str | None, *, continued: bool = False) -> None:
        self.pages.append(Page(account))
        self.y = self.body.top()
        if continued and account:
            self.place(Text(f"{account} ({tr('continued')})", "small", color=MUTED, after=2))

    def place(self, block: Block) -> float:
        height = block.height(self.ctx, self.body.width())
        rect = QRectF(self.body.left(), self.y, self.body.width(), height)
        self.pages[-1].placed.append((block, rect))
        self.y += height
        return height

    def remaining(self) -> float:
        return self.body.bottom() - self.y

    def add(self, blocks: Sequence[Block]) -> None:
        width = self.body.width()
        for n, block in enumerate(blocks):
            need = block.height(self.ctx, width)
            if block.keep_with_next and n + 1 < len(blocks):
                need += blocks[n + 1].height(self.ctx, width)
            fresh = len(self.pages[-1].placed) <= 1
            if need > self.remaining() and not fresh:
                self.new_page(self.pages[-1].account, continued=True)
            self.place(block)


def _map_blocks(section: AccountSection, drawing: MapDrawing | None, flow: Flow) -> list[Block]:
    people = tr("1 person") if section.people == 1 else tr("{n} people").format(n=section.people)
    heading = Heading(tr("Decision-making unit"), people if section.people else "")
    if drawing is None:
        return [
            heading,
            Text(tr("No one is mapped in this account's DMU yet."), "small", color=MUTED),
        ]
    inner_width = flow.body.width() - pt(12)
    room = HALF_MAP
    if drawing.whole_page:
        above = heading.height(flow.ctx, flow.body.width()) + MapLegend().height(flow.ctx, 0)
        room = (flow.remaining() - above) / pt(1) - 2
    scale = min(inner_width / pt(1) / drawing.width, (room - 12) / drawing.height, MAX_SCALE)
    height = drawing.height * scale + 12
    return [heading, MapPanel(drawing, height, MAX_SCALE), MapLegend()]


def _notes(flow: Flow) -> None:
    """The rest of an account's last page ruled for notes, when there is room."""
    heading = Heading(tr("Notes"))
    room = flow.remaining() - heading.height(flow.ctx, flow.body.width())
    if room >= pt(MIN_NOTES):
        flow.place(heading)
        flow.place(NoteLines(room / pt(1) - 8))


def lay_out(
    data: ReportData, maps: dict[uuid.UUID, MapDrawing], ctx: Context, body: QRectF
) -> list[Page]:
    """Every page of the handout with its blocks in place."""
    flow = Flow(ctx, body)
    flow.new_page(None)
    blocks, cover_rows = cover_blocks(data)
    flow.add(blocks)
    first_pages: list[int] = []
    for section in data.sections:
        flow.new_page(section.name)
        first_pages.append(len(flow.pages))
        flow.place(AccountHeader(section))
        flow.add(_map_blocks(section, maps.get(section.id), flow))
        flow.add(findings_blocks(section))
        flow.add(objective_blocks(section))
        flow.add(play_blocks(section, data.as_of))
        flow.add(decision_blocks(section))
        flow.add(action_blocks(section))
        _notes(flow)
    for row, page in zip(cover_rows, first_pages, strict=True):
        row.cells = (*row.cells[:-1], Cell(str(page)))
    return flow.pages


def _footer(
    painter: QPainter, ctx: Context, page: Page, pages: tuple[int, int], *, left: str, area: QRectF
) -> None:
    """Plan and date at the left; the account and "Page n of m" at the right."""
    number, total = pages
    small = ctx.fonts.small
    height = ctx.measure(small).height()
    line = QRectF(area.left(), area.top() + pt(14), area.width(), height)
    painter.setPen(QPen(RULE, pt(0.6)))
    painter.drawLine(QLineF(area.left(), area.top() + pt(8), area.right(), area.top() + pt(8)))
    painter.setFont(small)
    painter.setPen(MUTED)
    painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
    metrics = ctx.measure(small)
    right = tr("Page {n} of {m}").format(n=number, m=total)
    if page.account:
        room = line.width() - metrics.horizontalAdvance(left) - pt(24)
        name = f"{page.account}  ·  "
        if metrics.horizontalAdvance(name + right) > room:
            name = (
                metrics.elidedText(
                    page.account,
                    Qt.TextElideMode.ElideRight,
                    room - metrics.horizontalAdvance("  ·  " + right),
                )
                + "  ·  "
            )
        right = name + right
    painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)


def body_rect(device: QPdfWriter) -> QRectF:
    """The page's area for blocks, in device units (the footer sits below it)."""
    full = device.pageLayout().fullRectPixels(device.resolution())
    return QRectF(
        pt(MARGIN_SIDE),
        pt(MARGIN_TOP),
        full.width() - 2 * pt(MARGIN_SIDE),
        full.height() - pt(MARGIN_TOP) - pt(MARGIN_BOTTOM),
    )


def paint_pages(
    device: QPdfWriter,
    data: ReportData,
    maps: dict[uuid.UUID, MapDrawing],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Lay out and paint the handout on ``device`` (margins zero); the page count."""
    body = body_rect(device)
    ctx = Context(Fonts.make(), Measure(device))
    pages = lay_out(data, maps, ctx, body)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the PDF could not be started")
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    left = f"{data.plan_name}  ·  {long_date(data.as_of)}"
    footer = QRectF(body.left(), body.bottom(), body.width(), pt(MARGIN_BOTTOM))
    try:
        for number, page in enumerate(pages, start=1):
            if cancelled is not None and cancelled():
                raise OperationCancelled
            if number > 1:
                device.newPage()
            for block, rect in page.placed:
                painter.save()
                block.paint(painter, ctx, rect)
                painter.restore()
            _footer(painter, ctx, page, (number, len(pages)), left=left, area=footer)
            if progress is not None:
                progress(number, len(pages))
    finally:
        painter.end()
    return len(pages)
