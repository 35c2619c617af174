"""Where things are on the timeline: account blocks, bars, days and pixels.

Kept apart from painting and mouse handling so both share one answer to "where is
this play" and "what is under the mouse", and so tests can ask it directly. Blocks
are stacked top to bottom with their ``top`` offsets in one sorted list, so the
blocks inside a viewport are found by bisection, never by walking the portfolio.
"""

from __future__ import annotations

import uuid
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from abm_planner.plays.timeline import JOINT_BAND, MARKETING_LANE, LaneLayout, pack
from abm_planner.services.play_timeline import TimelineAccount, TimelineBar, TimelineTouch

HEADER_HEIGHT = 46
GUTTER_WIDTH = 200
TRACK_HEIGHT = 24
BLOCK_PADDING = 8
TOUCH_STRIP = 20  # the row of touch dots under an account's lanes (when touches are shown)
EDGE_GRIP = 5  # pixels at each end of a bar that resize instead of move
MARGIN_DAYS_BEFORE = 35
MARGIN_DAYS_AFTER = 70
TODAY_MARGIN_DAYS = 120

ZOOMS: dict[str, float] = {"weeks": 12.0, "months": 3.5}


@dataclass(slots=True)
class PlacedBar:
    """A bar with its row inside its block (0 = top track)."""

    bar: TimelineBar
    band: int
    row: int


@dataclass(slots=True)
class Block:
    """One account: its lanes, its bars and its vertical place."""

    account: TimelineAccount
    bars: list[PlacedBar] = field(default_factory=list)
    layout: LaneLayout = field(default_factory=lambda: LaneLayout(1, 0, 1, ()))
    top: int = 0
    touches: list[TimelineTouch] | None = None  # None: touches not shown for this block

    @property
    def height(self) -> int:
        strip = TOUCH_STRIP if self.touches is not None else 0
        return self.layout.tracks * TRACK_HEIGHT + 2 * BLOCK_PADDING + strip

    @property
    def touch_strip_top(self) -> int:
        """Content y of the touch dots' row."""
        return self.top + BLOCK_PADDING + self.layout.tracks * TRACK_HEIGHT

    def band_span(self, band: int) -> tuple[int, int]:
        """The first row and the number of rows of a band."""
        if band == MARKETING_LANE:
            return 0, self.layout.marketing_tracks
        if band == JOINT_BAND:
            return self.layout.marketing_tracks, self.layout.joint_tracks
        return self.layout.marketing_tracks + self.layout.joint_tracks, self.layout.sales_tracks

    def relayout(self, bars: Iterable[TimelineBar]) -> None:
        items = list(bars)
        self.layout = pack(items)
        placed = [
            PlacedBar(bar, band, self.layout.row_of(band, track))
            for bar, (band, track) in zip(items, self.layout.placements, strict=True)
        ]
        placed.sort(key=lambda p: (p.row, p.bar.start_on))
        self.bars = placed


@dataclass(slots=True)
class Drag:
    """A bar being dragged: which part, from where, and its dates before the drag."""

    assignment_id: uuid.UUID
    part: str  # "start", "end" or "body"
    press_x: int
    start_on: date
    end_on: date
    moved: bool = False

    def dates(self, days: int) -> tuple[date, date]:
        """The dates after dragging ``days`` days: a moved play keeps its length, a
        resized one never ends before it starts."""
        shift = timedelta(days=days)
        if self.part == "start":
            return min(self.start_on + shift, self.end_on), self.end_on
        if self.part == "end":
            return self.start_on, max(self.end_on + shift, self.start_on)
        return self.start_on + shift, self.end_on + shift


@dataclass(frozen=True, slots=True)
class Hit:
    """What the mouse is over: a bar, and which part of it."""

    block: Block
    placed: PlacedBar
    part: str  # "start", "end" or "body"


class TimelineGeometry:
    """Blocks in order, the date range, and the pixels per day of the zoom."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._tops: list[int] = []
        self.origin = date.today() - timedelta(days=MARGIN_DAYS_BEFORE)
        self.days = MARGIN_DAYS_BEFORE + MARGIN_DAYS_AFTER
        self.px_per_day = ZOOMS["weeks"]
        self._by_bar: dict[uuid.UUID, Block] = {}

    # -- building -------------------------------------------------------------------
    def build(
        self,
        accounts: Iterable[TimelineAccount],
        bars: Iterable[TimelineBar],
        today: date,
        touches: Iterable[TimelineTouch] | None = None,
    ) -> None:
        """Blocks for ``accounts``; with ``touches`` (even empty), each shows a touch row."""
        per_account: dict[uuid.UUID, list[TimelineBar]] = {}
        for bar in bars:
            per_account.setdefault(bar.account_id, []).append(bar)
        touched: dict[uuid.UUID, list[TimelineTouch]] = {}
        for touch in touches or ():
            touched.setdefault(touch.account_id, []).append(touch)
        self.blocks = []
        for account in accounts:
            block = Block(account)
            block.relayout(per_account.get(account.id, []))
            if touches is not None:
                block.touches = touched.get(account.id, [])
            self.blocks.append(block)
        self.restack()
        self.fit_range(today)

    def restack(self) -> None:
        top = 0
        self._tops = []
        self._by_bar = {}
        for block in self.blocks:
            block.top = top
            self._tops.append(top)
            top += block.height
            for placed in block.bars:
                self._by_bar[placed.bar.id] = block

    def fit_range(self, today: date) -> None:
        """Span every bar (and today) with margins; the origin is a Monday."""
        starts = [p.bar.start_on for b in self.blocks for p in b.bars]
        ends = [p.bar.end_on for b in self.blocks for p in b.bars]
        first = min([*starts, today - timedelta(days=TODAY_MARGIN_DAYS // 4)])
        last = max([*ends, today + timedelta(days=TODAY_MARGIN_DAYS)])
        first -= timedelta(days=MARGIN_DAYS_BEFORE)
        first -= timedelta(days=first.weekday())
        self.origin = first
        self.days = (last - first).days + MARGIN_DAYS_AFTER

    def covers(self, start: date, end: date) -> bool:
        return start >= self.origin and (end - self.origin).days < self.days

    def replace_bars(self, account_id: uuid.UUID, bars: Iterable[TimelineBar]) -> bool:
        """New bars for one account's block; False when the account has no block."""
        for block in self.blocks:
            if block.account.id == account_id:
                block.relayout(bars)
                self.restack()
                return True
        return False

    # -- measuring ------------------------------------------------------------------
    @property
    def content_height(self) -> int:
        return self.blocks[-1].top + self.blocks[-1].height if self.blocks else 0

    @property
    def content_width(self) -> int:
        return int(self.days * self.px_per_day)

    @property
    def bar_count(self) -> int:
        return sum(len(b.bars) for b in self.blocks)

    def x_of(self, day: date) -> float:
        """Content x of the start of ``day`` (0 = the origin)."""
        return (day - self.origin).days * self.px_per_day

    def days_for(self, pixels: float) -> int:
        """Whole days a drag of ``pixels`` covers at this zoom (rounded to the nearest)."""
        return round(pixels / self.px_per_day)

    def day_at(self, x: float) -> date:
        return self.origin + timedelta(days=int(x // self.px_per_day))

    def bar_span(self, bar: TimelineBar) -> tuple[float, float]:
        """Content x from the start of the first day to the end of the last."""
        return self.x_of(bar.start_on), self.x_of(bar.end_on) + self.px_per_day

    def visible_blocks(self, top: int, height: int) -> Iterator[Block]:
        """Blocks overlapping content rows ``top`` .. ``top + height`` (by bisection)."""
        if not self.blocks:
            return
        index = max(bisect_right(self._tops, top) - 1, 0)
        bottom = top + height
        while index < len(self.blocks) and self.blocks[index].top < bottom:
            yield self.blocks[index]
            index += 1

    def bar_y(self, block: Block, placed: PlacedBar) -> tuple[int, int]:
        """Content y and height of a bar (joint bars straddle the lane boundary)."""
        y = block.top + BLOCK_PADDING + placed.row * TRACK_HEIGHT
        return y + 3, TRACK_HEIGHT - 6

    def block_of(self, assignment_id: uuid.UUID) -> Block | None:
        return self._by_bar.get(assignment_id)

    def placed(self, assignment_id: uuid.UUID) -> tuple[Block, PlacedBar] | None:
        block = self._by_bar.get(assignment_id)
        if block is None:
            return None
        for placed in block.bars:
            if placed.bar.id == assignment_id:
                return block, placed
        return None

    def touches_at(self, x: float, y: float) -> list[TimelineTouch]:
        """The touches of the day under content point (x, y) in a touch row."""
        for block in self.visible_blocks(int(y), 1):
            top = block.touch_strip_top
            if block.touches and top <= y < top + TOUCH_STRIP:
                day = self.day_at(x)
                return [t for t in block.touches if t.occurred_on == day]
        return []

    def hit(self, x: float, y: float) -> Hit | None:
        """The bar under content point (x, y), preferring the edges of the bar."""
        for block in self.visible_blocks(int(y), 1):
            for placed in block.bars:
                top, height = self.bar_y(block, placed)
                if not top <= y < top + height:
                    continue
                left, right = self.bar_span(placed.bar)
                if not left - EDGE_GRIP <= x <= right + EDGE_GRIP:
                    continue
                grip = min(EDGE_GRIP, (right - left) / 3)
                if x <= left + grip:
                    return Hit(block, placed, "start")
                if x >= right - grip:
                    return Hit(block, placed, "end")
                return Hit(block, placed, "body")
        return None
