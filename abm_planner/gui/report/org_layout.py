"""A compact org chart for paper: the DMU map laid out to be read on half an A4 page.

The map tab's org chart puts every leaf in its own column, so a 25-person account is
fifteen cards wide: on paper the names shrink to 3 pt. Here the reports of a manager
who manages nobody further hang under that manager in a column off a vertical trunk
(the layout of printed org charts), and separate trees and people without a
reporting line wrap into rows. Several variants are tried and the one that fits the
page's map box at the largest scale wins, so a small DMU keeps its familiar shape.

Pure geometry (no Qt): card centres plus the reporting connectors as polylines, in
the map's scene units. Dotted-line managers and influence and conflict lines are
left to the map itself.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from abm_planner.dmu.records import REPORTS_TO, AccountDMU, Position

Point = tuple[float, float]
Size = tuple[float, float]

SIBLING_GAP = 28.0  # between neighbouring blocks of a row
LEVEL_GAP = 48.0  # from a manager's bottom edge to the top of their reports
STACK_GAP = 14.0  # between cards of a column
TRUNK_INSET = 18.0  # where a trunk leaves the manager, from the card's left edge
STUB = 16.0  # from the trunk to a stacked card's left edge
STACK_TOP = 16.0  # trunk before the first stacked card
ROW_GAP = 56.0  # between wrapped rows of trees
WIDTHS = (0.8, 1.0, 1.25, 1.6)  # row limits tried, times the width the box's shape suggests


@dataclass(slots=True)
class _Block:
    """A laid-out subtree, in coordinates relative to its top-left corner."""

    width: float
    height: float
    attach: Point  # where the manager's connector meets the block
    cards: dict[uuid.UUID, Point] = field(default_factory=dict)  # centres
    segments: list[list[Point]] = field(default_factory=list)

    def moved(self, dx: float, dy: float) -> _Block:
        return _Block(
            self.width,
            self.height,
            (self.attach[0] + dx, self.attach[1] + dy),
            {i: (x + dx, y + dy) for i, (x, y) in self.cards.items()},
            [[(x + dx, y + dy) for x, y in line] for line in self.segments],
        )


@dataclass(frozen=True, slots=True)
class PrintLayout:
    """Card centres and connector polylines; ``width``/``height`` of what they cover,
    ``scale`` the one it fits the box at."""

    positions: dict[uuid.UUID, Position]
    connectors: list[list[Point]]
    width: float
    height: float
    scale: float


def reporting_tree(dmu: AccountDMU) -> tuple[dict[uuid.UUID, list[uuid.UUID]], list[uuid.UUID]]:
    """Each manager's reports and the heads of trees, in the map's person order.

    A person hangs under their solid-line manager (the first in order when there are
    several), else under a dotted-line one; a reporting circle is cut at the person
    in it who comes first, as the map's own org chart does.
    """
    people = [p.id for p in dmu.ordered_people]
    order = {person: n for n, person in enumerate(people)}
    best: dict[uuid.UUID, tuple[bool, int, uuid.UUID]] = {}
    for line in dmu.ordered_lines:
        if line.kind != REPORTS_TO:
            continue
        candidate = (line.dotted, order[line.target_id], line.target_id)
        if line.source_id not in best or candidate < best[line.source_id]:
            best[line.source_id] = candidate
    manager = {person: choice[2] for person, choice in best.items()}
    for start in people:
        seen: list[uuid.UUID] = []
        node: uuid.UUID | None = start
        while node is not None and node not in seen:
            seen.append(node)
            node = manager.get(node)
        if node is not None:  # back at someone already on the way: a circle
            circle = seen[seen.index(node) :]
            del manager[min(circle, key=order.__getitem__)]
    reports: dict[uuid.UUID, list[uuid.UUID]] = {}
    for person in people:
        if person in manager:
            reports.setdefault(manager[person], []).append(person)
    return reports, [p for p in people if p not in manager]


class _Builder:
    def __init__(
        self, reports: Mapping[uuid.UUID, list[uuid.UUID]], sizes: Callable[[uuid.UUID], Size]
    ) -> None:
        self.reports = reports
        self.size = sizes

    def card(self, person: uuid.UUID) -> _Block:
        w, h = self.size(person)
        return _Block(w, h, (w / 2, 0.0), {person: (w / 2, h / 2)})

    def stack(self, people: Sequence[uuid.UUID]) -> _Block:
        """Cards in a column hanging off a trunk on their left; attached at its top."""
        block = _Block(0.0, 0.0, (0.0, 0.0))
        y = STACK_TOP
        for person in people:
            w, h = self.size(person)
            block.cards[person] = (STUB + w / 2, y + h / 2)
            block.segments.append([(0.0, y + h / 2), (STUB, y + h / 2)])
            block.width = max(block.width, STUB + w)
            y += h + STACK_GAP
        block.height = y - STACK_GAP
        block.segments.append([(0.0, 0.0), (0.0, block.cards[people[-1]][1])])
        return block

    def tree(self, head: uuid.UUID, stack_from: int | None, max_width: float) -> _Block:
        kids = self.reports.get(head, [])
        top = self.card(head)
        if not kids:
            return top
        leaves = [k for k in kids if not self.reports.get(k)]
        if stack_from is None or len(leaves) < stack_from:
            leaves = []
        branches = [self.tree(k, stack_from, max_width) for k in kids if k not in leaves]
        w, h = self.size(head)
        if leaves and not branches:  # a column straight under the manager
            column = self.stack(leaves).moved(TRUNK_INSET, h + STACK_GAP)
            column.segments.append([(TRUNK_INSET, h), column.attach])
            return _Block(
                max(w, TRUNK_INSET + column.width),
                column.height + h + STACK_GAP,
                (w / 2, 0.0),
                top.cards | column.cards,
                column.segments,
            )
        if leaves:
            branches.append(self.stack(leaves))
        row_width = sum(b.width for b in branches) + SIBLING_GAP * (len(branches) - 1)
        if row_width > max_width and len(branches) > 1:
            return self._rows_beside_trunk(head, (w, h), branches, max_width)
        return self._row_under(head, (w, h), branches)

    def _row_under(self, head: uuid.UUID, size: Size, children: list[_Block]) -> _Block:
        """Children side by side under the manager, joined by one bar."""
        w, h = size
        row_top = h + LEVEL_GAP
        placed, x = [], 0.0
        for child in children:
            placed.append(child.moved(x, row_top))
            x += child.width + SIBLING_GAP
        row_width = x - SIBLING_GAP
        first, last = placed[0].attach[0], placed[-1].attach[0]
        centre = (first + last) / 2
        shift = max(0.0, w / 2 - centre)  # a wide manager over a narrow row
        placed = [child.moved(shift, 0.0) for child in placed]
        centre += shift
        bar = h + LEVEL_GAP / 2
        block = _Block(
            max(row_width + shift, centre + w / 2),
            max(row_top + c.height for c in placed),
            (centre, 0.0),
            {head: (centre, h / 2)},
            [[(centre, h), (centre, bar)]],
        )
        if len(placed) > 1:
            block.segments.append([(first + shift, bar), (last + shift, bar)])
        for child in placed:
            block.segments.append([(child.attach[0], bar), child.attach])
            block.cards.update(child.cards)
            block.segments += child.segments
        return block

    def _rows_beside_trunk(
        self, head: uuid.UUID, size: Size, children: list[_Block], max_width: float
    ) -> _Block:
        """Too many children for one row: rows of them off a trunk on the left, each
        row with its own bar, so no line crosses a card."""
        w, h = size
        left = TRUNK_INSET + STUB
        block = _Block(w, h, (w / 2, 0.0), {head: (w / 2, h / 2)})
        rows: list[list[_Block]] = [[]]
        x = left
        for child in children:
            if rows[-1] and x + child.width > max_width:
                rows.append([])
                x = left
            rows[-1].append(child)
            x += child.width + SIBLING_GAP
        top = h
        bar = h
        for row in rows:
            bar = top + LEVEL_GAP / 2
            x = left
            last = TRUNK_INSET
            for child in row:
                placed = child.moved(x, top + LEVEL_GAP)
                last = placed.attach[0]
                block.segments.append([(placed.attach[0], bar), placed.attach])
                block.cards.update(placed.cards)
                block.segments += placed.segments
                block.width = max(block.width, x + child.width)
                block.height = max(block.height, top + LEVEL_GAP + child.height)
                x += child.width + SIBLING_GAP
            block.segments.append([(TRUNK_INSET, bar), (last, bar)])
            top = block.height
        block.segments.append([(TRUNK_INSET, h), (TRUNK_INSET, bar)])
        return block


def _wrap(blocks: list[_Block], max_width: float) -> _Block:
    """Blocks in rows no wider than ``max_width`` (a block wider than that gets a row)."""
    whole = _Block(0.0, 0.0, (0.0, 0.0))
    x = y = row_height = 0.0
    for block in blocks:
        if x > 0 and x + block.width > max_width:
            x, y = 0.0, y + row_height + ROW_GAP
            row_height = 0.0
        placed = block.moved(x, y)
        whole.cards.update(placed.cards)
        whole.segments += placed.segments
        whole.width = max(whole.width, x + block.width)
        whole.height = max(whole.height, y + block.height)
        row_height = max(row_height, block.height)
        x += block.width + SIBLING_GAP
    return whole


def _variant(
    builder: _Builder,
    heads: list[uuid.UUID],
    stack_from: int | None,
    max_width: float | None,
) -> _Block:
    limit = max_width or float("inf")
    trees = [builder.tree(h, stack_from, limit) for h in heads if builder.reports.get(h)]
    trees.sort(key=lambda b: -len(b.cards))
    loners = [builder.card(h) for h in heads if not builder.reports.get(h)]
    widest = max((b.width for b in trees + loners), default=0.0)
    limit = max(limit, widest)
    parts = [b for b in (_wrap(trees, limit), _wrap(loners, limit)) if b.cards]
    return _wrap(parts, 0.0)  # trees above the people without a line


def compact_org_chart(
    dmu: AccountDMU, sizes: Callable[[uuid.UUID], Size], box: Size, max_scale: float
) -> PrintLayout:
    """The variant that shows the DMU largest in a box of ``box`` (width, height).

    ``max_scale`` caps the scale, so among variants that all fit at it the first,
    least changed one (the plain org chart) is kept.
    """
    reports, heads = reporting_tree(dmu)
    builder = _Builder(reports, sizes)
    best: tuple[float, _Block] | None = None
    for stack_from in (None, 3, 2, 1):
        first = _variant(builder, heads, stack_from, None)
        if not first.cards:
            continue
        area = sum(w * h for w, h in map(sizes, first.cards)) * 2.4
        ideal = (area * box[0] / box[1]) ** 0.5
        for block in (first, *(_variant(builder, heads, stack_from, ideal * f) for f in WIDTHS)):
            scale = min(box[0] / block.width, box[1] / block.height, max_scale)
            if best is None or scale > best[0] * 1.02:
                best = (scale, block)
    if best is None:
        return PrintLayout({}, [], 0.0, 0.0, max_scale)
    scale, block = best
    return PrintLayout(dict(block.cards), block.segments, block.width, block.height, scale)
