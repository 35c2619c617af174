"""Where each card goes on the DMU map: an org chart and an influence view.

Both return ``{stakeholder_id: (x, y)}`` in scene units (y grows downwards, as in Qt)
and both let positions a person set by hand win: those come back unchanged, and the
automatic layout places everyone else. By default the hand-set positions are the
ones stored with the DMU for that view; pass ``fixed={}`` to ignore them.

Org chart: layered top-down by reports-to. Each person hangs under one manager: their
solid-line manager (the first by name if the data has several), or their dotted-line
manager when they have no solid one. Dotted lines beyond that are drawn by the map
but do not move anyone. A reporting cycle is cut at the person in it who sorts first
by name, who then heads their own tree. Leaves take consecutive columns and a manager
sits centred over their reports, so subtrees never overlap; separate trees stand side
by side, biggest first; people with no reporting line at all fill rows underneath.
Pure Python, linear in people and lines.

Influence view: networkx's force-directed ``spring_layout`` over every line, weighted
by how strongly it should pull (influence strength, reporting lines, conflicts only
lightly), seeded so the same DMU lays out the same way.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Mapping

from abm_planner.dmu.records import (
    INFLUENCE_MAP,
    ORG_CHART,
    REPORTS_TO,
    AccountDMU,
    Position,
)

DEFAULT_X_GAP = 200.0
DEFAULT_Y_GAP = 140.0
DEFAULT_SPACING = 180.0
DEFAULT_SEED = 7


def _fixed(
    dmu: AccountDMU, view: str, fixed: Mapping[uuid.UUID, Position] | None
) -> dict[uuid.UUID, Position]:
    chosen = dmu.positions.get(view, {}) if fixed is None else fixed
    known = {p.id for p in dmu.people}
    return {
        i: (float(x), float(y))
        for i, (x, y) in chosen.items()
        if i in known and math.isfinite(x) and math.isfinite(y)
    }


def _managers(dmu: AccountDMU, order: Mapping[uuid.UUID, int]) -> dict[uuid.UUID, uuid.UUID]:
    """Each person's one manager in the chart: solid line first, else dotted."""
    best: dict[uuid.UUID, tuple[bool, int, uuid.UUID]] = {}
    for line in dmu.lines:
        child, boss = line.source_id, line.target_id
        if line.kind != REPORTS_TO or child == boss or child not in order or boss not in order:
            continue
        candidate = (line.dotted, order[boss], boss)
        if child not in best or candidate < best[child]:
            best[child] = candidate
    return {child: choice[2] for child, choice in best.items()}


def _cut_cycles(manager: dict[uuid.UUID, uuid.UUID], order: Mapping[uuid.UUID, int]) -> None:
    """Cut every circle of managers at its first person by name (each has one manager)."""
    done: set[uuid.UUID] = set()
    for start in sorted(order, key=order.__getitem__):
        path: list[uuid.UUID] = []
        on_path: set[uuid.UUID] = set()
        node: uuid.UUID | None = start
        while node is not None and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = manager.get(node)
        if node is not None and node in on_path:
            cycle = path[path.index(node) :]
            del manager[min(cycle, key=order.__getitem__)]
        done.update(path)


def _place_tree(
    root: uuid.UUID,
    reports: Mapping[uuid.UUID, list[uuid.UUID]],
    slots: dict[uuid.UUID, tuple[float, int]],
    next_column: int,
) -> int:
    """Lay one tree out in columns from ``next_column``; return the next free column."""
    stack: list[tuple[uuid.UUID, int, bool]] = [(root, 0, False)]
    while stack:
        node, depth, children_placed = stack.pop()
        kids = reports.get(node, [])
        if children_placed:
            slots[node] = ((slots[kids[0]][0] + slots[kids[-1]][0]) / 2, depth)
        elif kids:
            stack.append((node, depth, True))
            stack.extend((kid, depth + 1, False) for kid in reversed(kids))
        else:
            slots[node] = (float(next_column), depth)
            next_column += 1
    return next_column


def _tree_size(root: uuid.UUID, reports: Mapping[uuid.UUID, list[uuid.UUID]]) -> int:
    size, stack = 0, [root]
    while stack:
        size += 1
        stack.extend(reports.get(stack.pop(), []))
    return size


def org_chart_layout(
    dmu: AccountDMU,
    fixed: Mapping[uuid.UUID, Position] | None = None,
    *,
    x_gap: float = DEFAULT_X_GAP,
    y_gap: float = DEFAULT_Y_GAP,
) -> dict[uuid.UUID, Position]:
    """Top-down org chart; ``x_gap``/``y_gap`` are the distances between card centres."""
    people = list(dmu.ordered_people)
    order = {p.id: i for i, p in enumerate(people)}
    manager = _managers(dmu, order)
    _cut_cycles(manager, order)
    reports: dict[uuid.UUID, list[uuid.UUID]] = {}
    for person in people:  # in name order, so reports sit left to right by name
        if person.id in manager:
            reports.setdefault(manager[person.id], []).append(person.id)
    heads = [p.id for p in people if p.id not in manager]
    trees = sorted((h for h in heads if h in reports), key=lambda h: -_tree_size(h, reports))
    loners = [h for h in heads if h not in reports]
    slots: dict[uuid.UUID, tuple[float, int]] = {}
    columns = 0
    for head in trees:
        columns = _place_tree(head, reports, slots, columns)
    first_loner_row = max((depth for _, depth in slots.values()), default=-1) + 1
    width = max(columns, math.ceil(math.sqrt(len(loners) * y_gap / x_gap)), 1)
    for i, loner in enumerate(loners):
        slots[loner] = (float(i % width), first_loner_row + i // width)
    positions = {i: (column * x_gap, depth * y_gap) for i, (column, depth) in slots.items()}
    positions.update(_fixed(dmu, ORG_CHART, fixed))
    return positions


def influence_layout(
    dmu: AccountDMU,
    fixed: Mapping[uuid.UUID, Position] | None = None,
    *,
    spacing: float = DEFAULT_SPACING,
    seed: int = DEFAULT_SEED,
    iterations: int = 50,
) -> dict[uuid.UUID, Position]:
    """Force-directed view centred on (0, 0), about ``spacing`` between neighbours."""
    import networkx as nx

    from abm_planner.dmu.graph import layout_graph

    pinned = _fixed(dmu, INFLUENCE_MAP, fixed)
    count = len(dmu.people)
    if count == 0 or len(pinned) == count:
        return pinned
    # spring_layout works in a box about 1 unit wide; this many scene units make one.
    unit = spacing * math.sqrt(count)
    graph = layout_graph(dmu)
    if pinned:
        start = {i: (x / unit, y / unit) for i, (x, y) in pinned.items()}
        # The free cards start in a unit box around the pinned ones (networkx would size
        # that box by the largest pinned coordinate, which may be anything).
        centre_x = sum(x for x, _ in start.values()) / len(start)
        centre_y = sum(y for _, y in start.values()) / len(start)
        rng = random.Random(seed)
        for person in dmu.ordered_people:
            if person.id not in start:
                start[person.id] = (centre_x + rng.random() - 0.5, centre_y + rng.random() - 0.5)
        # k is the natural distance in that box; networkx would derive it from the
        # largest pinned coordinate too.
        raw = nx.spring_layout(
            graph,
            k=1 / math.sqrt(count),
            pos=start,
            fixed=list(pinned),
            iterations=iterations,
            seed=seed,
        )
        scale = unit
    else:
        raw = nx.spring_layout(graph, iterations=iterations, seed=seed)
        scale = unit / 2  # without pins the result is rescaled into [-1, 1]
    positions = {i: (float(x) * scale, float(y) * scale) for i, (x, y) in raw.items()}
    positions.update(pinned)
    return positions
