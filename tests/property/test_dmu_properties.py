"""Properties of the DMU engine on random decision-making units.

Random people (names drawn from a few, so ties and duplicates happen), random scale
values including "not recorded", and random lines of every kind, including
self-lines, duplicates and dense reporting tangles full of cycles.
"""

from __future__ import annotations

import itertools
import math
import random
import uuid
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from abm_planner.dmu.analysis import analyse_dmu
from abm_planner.dmu.findings import CODES, RED_CODES
from abm_planner.dmu.layout import influence_layout, org_chart_layout
from abm_planner.dmu.records import (
    CONFLICTS_WITH,
    INFLUENCE_MAP,
    LINE_KINDS,
    ORG_CHART,
    REPORTS_TO,
    AccountDMU,
    Line,
    Owner,
    Person,
)

TODAY = date(2026, 6, 1)
OWNER = Owner(uuid.UUID(int=1), "Sam Seller")
ROLES = ("economic_buyer", "champion", "user", "influencer", "blocker")
NAMES = ("Ana", "Ben", "ana", "Cleo", "Dev", "Émile", "Zoë", "Ben")


@st.composite
def people(draw: st.DrawFn) -> list[Person]:
    count = draw(st.integers(min_value=0, max_value=14))
    result = []
    for i in range(count):
        touched = draw(st.one_of(st.none(), st.integers(min_value=-10, max_value=400)))
        owner = draw(st.booleans())
        result.append(
            Person(
                id=uuid.UUID(int=draw(st.integers(min_value=10, max_value=2**64)) + i),
                name=draw(st.sampled_from(NAMES)),
                roles=frozenset(draw(st.sets(st.sampled_from(ROLES), max_size=2))),
                attitude=draw(st.one_of(st.none(), st.integers(min_value=-2, max_value=2))),
                influence=draw(st.one_of(st.none(), st.integers(min_value=1, max_value=3))),
                inner_circle=draw(st.booleans()),
                coverage=draw(st.one_of(st.none(), st.integers(min_value=-1, max_value=3))),
                sales_owner_id=OWNER.id if owner else None,
                last_touched=None if touched is None else TODAY - timedelta(days=touched),
            )
        )
    # Ids must be unique within a DMU, as in a plan.
    unique = {p.id: p for p in result}
    return list(unique.values())


@st.composite
def dmus(draw: st.DrawFn) -> AccountDMU:
    crowd = draw(people())
    lines: list[Line] = []
    if crowd:
        index = st.integers(min_value=0, max_value=len(crowd) - 1)
        for _ in range(draw(st.integers(min_value=0, max_value=3 * len(crowd)))):
            lines.append(
                Line(
                    crowd[draw(index)].id,
                    crowd[draw(index)].id,  # may be a self-line: must be ignored
                    draw(st.sampled_from(LINE_KINDS)),
                    dotted=draw(st.booleans()),
                    strength=draw(st.integers(min_value=0, max_value=3)),
                )
            )
    return AccountDMU(uuid.UUID(int=7), "Random", tuple(crowd), tuple(lines), {OWNER.id: OWNER})


def reports_edges(dmu: AccountDMU) -> set[tuple[uuid.UUID, uuid.UUID]]:
    return {
        (line.source_id, line.target_id)
        for line in dmu.lines
        if line.kind == REPORTS_TO and line.source_id != line.target_id
    }


def has_cycle(edges: set[tuple[uuid.UUID, uuid.UUID]]) -> bool:
    graph: dict[uuid.UUID, set[uuid.UUID]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
    state: dict[uuid.UUID, int] = {}

    def visit(node: uuid.UUID) -> bool:
        state[node] = 1
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1 or (nxt not in state and visit(nxt)):
                return True
        state[node] = 2
        return False

    return any(node not in state and visit(node) for node in list(graph))


@settings(max_examples=150, deadline=None)
@given(dmus())
def test_analysis_never_crashes_and_is_consistent(dmu: AccountDMU) -> None:
    analysis = analyse_dmu(dmu, TODAY)
    codes = [f.code for f in analysis.findings]
    assert set(codes) <= set(CODES)
    assert [CODES.index(c) for c in codes] == sorted(CODES.index(c) for c in codes)
    if RED_CODES & set(codes):
        assert analysis.status == "red"
    elif codes:
        assert analysis.status == "amber"
    else:
        assert analysis.status == "green"
    known = {p.id for p in dmu.people}
    for finding in analysis.findings:
        assert set(finding.stakeholder_ids) <= known
        assert len(finding.stakeholder_ids) == len(finding.stakeholders)
        assert finding.message.endswith(".")


@settings(max_examples=150, deadline=None)
@given(dmus())
def test_cycles_are_reported_not_looped(dmu: AccountDMU) -> None:
    edges = reports_edges(dmu)
    cycles = [f for f in analyse_dmu(dmu, TODAY).findings if f.code == "reports_to_cycle"]
    assert bool(cycles) == has_cycle(edges)
    assert len(cycles) <= len(dmu.people) // 2
    seen: set[uuid.UUID] = set()
    for finding in cycles:
        ids = finding.stakeholder_ids
        assert len(set(ids)) == len(ids) >= 2
        assert all((a, b) in edges for a, b in zip(ids, ids[1:] + ids[:1], strict=True))
        assert not seen & set(ids)  # one finding per tangle
        seen |= set(ids)


@settings(max_examples=150, deadline=None)
@given(dmus(), st.randoms(use_true_random=False))
def test_the_ranking_is_a_stable_permutation(dmu: AccountDMU, rng: random.Random) -> None:
    analysis = analyse_dmu(dmu, TODAY)
    ranking = analysis.influence_ranking
    assert sorted(p.id for p in ranking) == sorted(p.id for p in dmu.people)
    if ranking:
        assert math.isclose(sum(p.score for p in ranking), 1.0, rel_tol=1e-6)
    assert analyse_dmu(dmu, TODAY) == analysis
    shuffled_people, shuffled_lines = list(dmu.people), list(dmu.lines)
    rng.shuffle(shuffled_people)
    rng.shuffle(shuffled_lines)
    again = analyse_dmu(
        replace(dmu, people=tuple(shuffled_people), lines=tuple(shuffled_lines)), TODAY
    )
    assert [p.id for p in again.influence_ranking] == [p.id for p in ranking]
    assert again.warm_path_ids == analysis.warm_path_ids


@settings(max_examples=150, deadline=None)
@given(dmus())
def test_a_warm_path_is_a_real_path_from_a_friend_to_the_economic_buyer(dmu: AccountDMU) -> None:
    path = analyse_dmu(dmu, TODAY).warm_path_ids
    if path is None:
        return
    people = dmu.by_id()
    assert people[path[0]].is_supporter
    assert "economic_buyer" in people[path[-1]].roles
    assert len(set(path)) == len(path)
    links = {
        frozenset((line.source_id, line.target_id))
        for line in dmu.lines
        if line.kind != CONFLICTS_WITH
    }
    assert all(frozenset(pair) in links for pair in itertools.pairwise(path))


@settings(max_examples=100, deadline=None)
@given(dmus(), st.data())
def test_layouts_place_everyone_and_keep_hand_set_positions(
    dmu: AccountDMU, data: st.DataObject
) -> None:
    ids = [p.id for p in dmu.people]
    pinned = data.draw(st.lists(st.sampled_from(ids), unique=True) if ids else st.just([]))
    coordinate = st.floats(min_value=-5000, max_value=5000, allow_nan=False)
    fixed = {i: (data.draw(coordinate), data.draw(coordinate)) for i in pinned}
    dmu = replace(dmu, positions={ORG_CHART: fixed, INFLUENCE_MAP: fixed})

    chart = org_chart_layout(dmu)
    assert set(chart) == set(ids)
    assert all(chart[i] == fixed[i] for i in pinned)
    free = [chart[i] for i in ids if i not in fixed]
    assert len(set(free)) == len(free)

    spring = influence_layout(dmu, iterations=10)
    assert set(spring) == set(ids)
    assert all(spring[i] == fixed[i] for i in pinned)
    assert all(math.isfinite(c) for xy in spring.values() for c in xy)
