"""NetworkX graphs of one account's DMU, built from plain records.

Nodes are stakeholder ids. Every builder adds people in ``person_key`` order and
lines in the order of their end points' keys, so the same DMU gives the same graph
(and the same ties in paths and rankings) whatever order the records came in.
Lines to someone outside the DMU, and lines from a person to themself, are skipped:
they cannot come from a plan file and must not break an analysis of hand-made data.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator

import networkx as nx

from abm_planner.dmu.records import (
    CONFLICTS_WITH,
    DEFAULT_STRENGTH,
    INFLUENCES,
    REPORTS_TO,
    AccountDMU,
    Line,
)

# Edge weights: a solid reporting line counts like a medium-strength influence.
SOLID_REPORT_WEIGHT = 2.0
DOTTED_REPORT_WEIGHT = 1.0
CONFLICT_LAYOUT_WEIGHT = 0.2


def sorted_lines(dmu: AccountDMU, kinds: Iterable[str] | None = None) -> Iterator[Line]:
    """The DMU's valid lines (both ends known, not a self-line) in a stable order."""
    if kinds is None:
        yield from dmu.ordered_lines
    else:
        wanted = set(kinds)
        yield from (line for line in dmu.ordered_lines if line.kind in wanted)


def _with_people(graph: nx.Graph, dmu: AccountDMU) -> nx.Graph:
    graph.add_nodes_from(p.id for p in dmu.ordered_people)
    return graph


def _weighted(graph: nx.Graph, weights: dict[tuple[uuid.UUID, uuid.UUID], float]) -> nx.Graph:
    graph.add_weighted_edges_from((u, v, w) for (u, v), w in weights.items())
    return graph


def strength_of(line: Line) -> float:
    """An influence line's strength, at least 1 (missing or silly values count as 1)."""
    return float(max(1, line.strength if line.strength is not None else DEFAULT_STRENGTH))


def build_graph(dmu: AccountDMU) -> nx.MultiDiGraph:
    """The whole DMU: people, our owners and every line, with their attributes.

    Stakeholder nodes carry ``party="customer"`` and the ``Person`` as ``person``; team
    members who own someone are nodes with ``party="ours"`` and ``owns`` edges to the
    people they own (``function`` sales or marketing). Lines keep ``kind``, ``dotted``
    and ``strength``; a conflict is one edge from source to target.
    """
    graph = nx.MultiDiGraph()
    for person in dmu.ordered_people:
        graph.add_node(person.id, party="customer", person=person, name=person.name)
    for person in dmu.ordered_people:
        owners = (("sales", person.sales_owner_id), ("marketing", person.marketing_owner_id))
        for function, owner_id in owners:
            if owner_id is None:
                continue
            owner = dmu.team.get(owner_id)
            graph.add_node(owner_id, party="ours", name=owner.name if owner else "")
            graph.add_edge(owner_id, person.id, kind="owns", function=function)
    for line in dmu.ordered_lines:
        graph.add_edge(
            line.source_id,
            line.target_id,
            kind=line.kind,
            dotted=line.dotted,
            strength=line.strength,
        )
    return graph


def reports_to_graph(dmu: AccountDMU) -> nx.DiGraph:
    """Who reports to whom: an edge from each person to their manager (``dotted`` kept).

    A solid and a dotted line between the same pair make one solid edge.
    """
    dotted: dict[tuple[uuid.UUID, uuid.UUID], bool] = {}
    for line in sorted_lines(dmu, (REPORTS_TO,)):
        pair = (line.source_id, line.target_id)
        dotted[pair] = dotted.get(pair, True) and line.dotted
    graph = _with_people(nx.DiGraph(), dmu)
    graph.add_edges_from((u, v, {"dotted": d}) for (u, v), d in dotted.items())
    return graph


def endorsement_graph(dmu: AccountDMU) -> nx.DiGraph:
    """Edges pointing at the person whose opinion carries, for PageRank.

    "A influences B" becomes B → A with the line's strength; "A reports to B" becomes
    A → B (the subordinate lends weight to the manager), lighter when dotted.
    Conflicts carry no weight. Parallel lines add up.
    """
    weights: dict[tuple[uuid.UUID, uuid.UUID], float] = {}
    for line in sorted_lines(dmu, (INFLUENCES, REPORTS_TO)):
        if line.kind == INFLUENCES:
            pair, weight = (line.target_id, line.source_id), strength_of(line)
        else:
            pair = (line.source_id, line.target_id)
            weight = DOTTED_REPORT_WEIGHT if line.dotted else SOLID_REPORT_WEIGHT
        weights[pair] = weights.get(pair, 0.0) + weight
    return _weighted(_with_people(nx.DiGraph(), dmu), weights)


def contact_graph(dmu: AccountDMU) -> nx.Graph:
    """Undirected reporting and influence lines: the ways a word can be passed on."""
    graph = _with_people(nx.Graph(), dmu)
    graph.add_edges_from(
        (line.source_id, line.target_id) for line in sorted_lines(dmu, (REPORTS_TO, INFLUENCES))
    )
    return graph


def layout_graph(dmu: AccountDMU) -> nx.Graph:
    """Undirected, weighted by how strongly a line should pull two cards together."""
    weights: dict[tuple[uuid.UUID, uuid.UUID], float] = {}
    for line in sorted_lines(dmu, (INFLUENCES, REPORTS_TO, CONFLICTS_WITH)):
        if line.kind == INFLUENCES:
            weight = strength_of(line)
        elif line.kind == REPORTS_TO:
            weight = DOTTED_REPORT_WEIGHT if line.dotted else SOLID_REPORT_WEIGHT
        else:
            weight = CONFLICT_LAYOUT_WEIGHT
        u, v = line.source_id, line.target_id
        pair = (u, v) if (v, u) not in weights else (v, u)
        weights[pair] = weights.get(pair, 0.0) + weight
    return _weighted(_with_people(nx.Graph(), dmu), weights)


def connected_people(dmu: AccountDMU) -> set[uuid.UUID]:
    """Everyone with at least one line of any kind to someone else in the DMU."""
    ends: set[uuid.UUID] = set()
    for line in dmu.ordered_lines:
        ends.add(line.source_id)
        ends.add(line.target_id)
    return ends
