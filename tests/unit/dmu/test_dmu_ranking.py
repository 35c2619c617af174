"""Influence ranking (personalised PageRank) and the warm path to the economic buyer."""

from __future__ import annotations

import math
import random
from dataclasses import replace

import pytest
from dmu_builders import DmuBuilder, healthy

from abm_planner.dmu.ranking import influence_ranking, standing, warm_path


def names(builder: DmuBuilder) -> list[str]:
    return [p.name for p in influence_ranking(builder.build())]


def path(builder: DmuBuilder) -> list[str] | None:
    found = warm_path(builder.build())
    return None if found is None else [p.name for p in found]


# --------------------------------------------------------------------------- ranking
def test_the_ranking_is_everyone_once_with_scores_summing_to_one() -> None:
    ranking = influence_ranking(healthy().build())
    assert sorted(p.name for p in ranking) == ["Ada Boss", "Ben Champ", "Cy User"]
    assert math.isclose(sum(p.score for p in ranking), 1.0, rel_tol=1e-6)
    assert [p.score for p in ranking] == sorted((p.score for p in ranking), reverse=True)


def test_an_empty_dmu_has_an_empty_ranking() -> None:
    assert influence_ranking(DmuBuilder().build()) == []


def test_a_manager_outranks_equal_reports() -> None:
    builder = DmuBuilder()
    for name in ("Boss", "R1", "R2", "R3"):
        builder.person(name, influence=2)
    for report in ("R1", "R2", "R3"):
        builder.reports(report, "Boss")
    assert names(builder)[0] == "Boss"


def test_whoever_influences_others_gains_weight_and_strength_matters() -> None:
    builder = DmuBuilder()
    for name in ("Strong", "Weak", "Target 1", "Target 2"):
        builder.person(name, influence=2)
    builder.influences("Strong", "Target 1", 3).influences("Strong", "Target 2", 3)
    builder.influences("Weak", "Target 1", 1).influences("Weak", "Target 2", 1)
    ranked = names(builder)
    assert ranked.index("Strong") < ranked.index("Weak") < ranked.index("Target 1")


def test_a_dotted_report_lends_less_than_a_solid_one() -> None:
    builder = DmuBuilder()
    for name in ("Line Boss", "Dotted Boss", "Report"):
        builder.person(name, influence=2)
    builder.reports("Report", "Line Boss").reports("Report", "Dotted Boss", dotted=True)
    assert names(builder) == ["Line Boss", "Dotted Boss", "Report"]


def test_influence_level_and_inner_circle_weigh_without_any_line() -> None:
    builder = (
        DmuBuilder()
        .person("Low", influence=1)
        .person("High", influence=3)
        .person("Inner", influence=2, inner_circle=True)
        .person("Unknown", influence=None)
    )
    assert names(builder) == ["Inner", "High", "Low", "Unknown"]
    assert standing(builder.people["Unknown"]) == standing(builder.people["Low"])


def test_conflict_lines_do_not_move_the_ranking() -> None:
    builder = healthy()
    before = influence_ranking(builder.build())
    builder.conflict("Cy User", "Ada Boss").conflict("Ben Champ", "Cy User")
    assert influence_ranking(builder.build()) == before


def test_ties_are_broken_by_name() -> None:
    builder = DmuBuilder()
    for name in ("Carla", "anna", "Bert"):
        builder.person(name, influence=2)
    assert names(builder) == ["anna", "Bert", "Carla"]


def test_the_ranking_does_not_depend_on_the_order_of_records() -> None:
    dmu = healthy().person("Dan", influence=3).influences("Dan", "Cy User", 1).build()
    expected = influence_ranking(dmu)
    rng = random.Random(4)
    for _ in range(5):
        people, lines = list(dmu.people), list(dmu.lines)
        rng.shuffle(people)
        rng.shuffle(lines)
        assert influence_ranking(replace(dmu, people=tuple(people), lines=tuple(lines))) == expected


# --------------------------------------------------------------------------- warm path
def test_warm_path_from_the_champion_to_the_economic_buyer() -> None:
    builder = (
        DmuBuilder()
        .person("Eb", "economic_buyer", attitude=0)
        .person("Mid", attitude=0)
        .person("Champ", "champion", attitude=0)
        .reports("Champ", "Mid")
        .reports("Mid", "Eb")
    )
    assert path(builder) == ["Champ", "Mid", "Eb"]


def test_warm_path_runs_against_the_direction_of_lines() -> None:
    builder = (
        DmuBuilder()
        .person("Eb", "economic_buyer", attitude=0)
        .person("Fan", attitude=2)
        .influences("Eb", "Fan")
    )
    assert path(builder) == ["Fan", "Eb"]


def test_warm_path_never_crosses_a_conflict() -> None:
    builder = (
        DmuBuilder()
        .person("Eb", "economic_buyer", attitude=0)
        .person("Fan", attitude=1)
        .conflict("Fan", "Eb")
    )
    assert path(builder) is None


def test_the_nearest_supporter_wins_then_the_first_name() -> None:
    builder = (
        DmuBuilder()
        .person("Eb", "economic_buyer", attitude=0)
        .person("Near B", attitude=1)
        .person("Near A", attitude=1)
        .person("Far", attitude=2)
        .person("Hop", attitude=0)
        .reports("Near B", "Eb")
        .reports("Near A", "Eb")
        .reports("Far", "Hop")
        .reports("Hop", "Eb")
    )
    assert path(builder) == ["Near A", "Eb"]


def test_an_economic_buyer_on_our_side_is_a_path_of_one() -> None:
    builder = DmuBuilder().person("Eb", "economic_buyer", attitude=1).person("Fan", attitude=2)
    builder.reports("Fan", "Eb")
    assert path(builder) == ["Eb"]


def test_no_warm_path_without_economic_buyer_supporter_or_connection() -> None:
    no_buyer = DmuBuilder().person("Fan", attitude=2).person("X").reports("Fan", "X")
    assert path(no_buyer) is None
    no_friend = DmuBuilder().person("Eb", "economic_buyer").person("X").reports("X", "Eb")
    assert path(no_friend) is None
    apart = DmuBuilder().person("Eb", "economic_buyer").person("Fan", attitude=2)
    assert path(apart) is None


def test_warm_path_to_the_nearer_of_two_economic_buyers() -> None:
    builder = (
        DmuBuilder()
        .person("Eb One", "economic_buyer")
        .person("Eb Two", "economic_buyer")
        .person("Fan", attitude=2)
        .person("Hop")
        .reports("Fan", "Hop")
        .reports("Hop", "Eb One")
        .influences("Fan", "Eb Two")
    )
    assert path(builder) == ["Fan", "Eb Two"]


def test_the_exact_pagerank_agrees_with_networkx() -> None:
    import networkx as nx

    from abm_planner.dmu import ranking
    from abm_planner.dmu.graph import endorsement_graph

    rng = random.Random(11)
    builder = DmuBuilder()
    names = [f"P{i:02d}" for i in range(40)]
    for name in names:
        builder.person(name, influence=rng.choice([None, 1, 2, 3]), inner_circle=rng.random() < 0.2)
    for _ in range(70):
        a, b = rng.sample(names, 2)
        if rng.random() < 0.5:
            builder.influences(a, b, rng.randint(1, 3))
        else:
            builder.reports(a, b, dotted=rng.random() < 0.2)
    dmu = builder.build()
    graph = endorsement_graph(dmu)
    personal = {p.id: standing(p) for p in dmu.people}
    exact = ranking._pagerank(graph, personal)
    expected = nx.pagerank(graph, alpha=ranking.DAMPING, personalization=personal, tol=1e-12)
    assert exact.keys() == expected.keys()
    assert all(math.isclose(exact[n], expected[n], abs_tol=1e-8) for n in exact)


def test_big_dmus_use_networkx_and_rank_the_same_way(monkeypatch: pytest.MonkeyPatch) -> None:
    from abm_planner.dmu import ranking

    dmu = healthy().person("Dan", influence=3).influences("Dan", "Cy User", 1).build()
    exact = [p.id for p in influence_ranking(dmu)]
    monkeypatch.setattr(ranking, "EXACT_UP_TO", 2)
    assert [p.id for p in influence_ranking(dmu)] == exact
