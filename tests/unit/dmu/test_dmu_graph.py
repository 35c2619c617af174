"""The NetworkX graphs built from plain DMU records."""

from __future__ import annotations

from dmu_builders import MARKETER, SELLER, DmuBuilder, healthy

from abm_planner.dmu.graph import (
    build_graph,
    connected_people,
    contact_graph,
    endorsement_graph,
    reports_to_graph,
)
from abm_planner.dmu.records import Line


def test_the_whole_graph_has_people_owners_and_every_line() -> None:
    builder = healthy().person("Dee", owner=MARKETER).conflict("Dee", "Cy User")
    builder.reports("Dee", "Ada Boss", dotted=True)
    graph = build_graph(builder.build())
    people = [n for n, party in graph.nodes(data="party") if party == "customer"]
    assert len(people) == 4
    assert graph.nodes[SELLER.id] == {"party": "ours", "name": "Sam Seller"}
    assert graph.nodes[builder.id("Dee")]["person"] == builder.people["Dee"]
    owns = {(u, v, f) for u, v, k, f in graph.edges(keys=True, data="function") if f}
    assert (MARKETER.id, builder.id("Dee"), "marketing") in owns
    kinds = sorted(kind for _, _, kind in graph.edges(data="kind"))
    assert kinds.count("reports_to") == 3
    assert kinds.count("influences") == 1
    assert kinds.count("conflicts_with") == 1
    assert kinds.count("owns") == 3
    dotted = [
        (u, v) for u, v, d in graph.edges(data=True) if d["kind"] == "reports_to" and d["dotted"]
    ]
    assert dotted == [(builder.id("Dee"), builder.id("Ada Boss"))]


def test_reports_to_points_at_the_manager_and_solid_beats_dotted() -> None:
    builder = healthy().reports("Ben Champ", "Ada Boss", dotted=True)
    graph = reports_to_graph(builder.build())
    assert graph.has_edge(builder.id("Ben Champ"), builder.id("Ada Boss"))
    assert graph.edges[builder.id("Ben Champ"), builder.id("Ada Boss")]["dotted"] is False
    assert graph.number_of_edges() == 2


def test_endorsements_point_at_whoever_carries_the_opinion() -> None:
    builder = healthy()
    graph = endorsement_graph(builder.build())
    ada, ben = builder.id("Ada Boss"), builder.id("Ben Champ")
    # Ben reports to Ada (Ben → Ada, 2) and influences her with strength 3 (Ada → Ben).
    assert graph.edges[ben, ada]["weight"] == 2.0
    assert graph.edges[ada, ben]["weight"] == 3.0


def test_parallel_lines_add_up_and_weak_strengths_count_as_one() -> None:
    builder = DmuBuilder().person("A").person("B")
    builder.influences("A", "B", 0).influences("A", "B", 2)
    graph = endorsement_graph(builder.build())
    assert graph.edges[builder.id("B"), builder.id("A")]["weight"] == 3.0


def test_the_contact_graph_leaves_conflicts_out() -> None:
    builder = healthy().conflict("Cy User", "Ada Boss")
    graph = contact_graph(builder.build())
    assert not graph.has_edge(builder.id("Cy User"), builder.id("Ada Boss"))
    assert graph.has_edge(builder.id("Ada Boss"), builder.id("Ben Champ"))


def test_stray_lines_are_skipped_everywhere() -> None:
    builder = DmuBuilder().person("A").person("B")
    stranger = DmuBuilder("Other").person("X").id("X")
    builder.lines += [
        Line(builder.id("A"), builder.id("A"), "reports_to"),
        Line(builder.id("A"), stranger, "influences"),
        Line(builder.id("A"), builder.id("B"), "unknown_kind"),
    ]
    dmu = builder.build()
    assert reports_to_graph(dmu).number_of_edges() == 0
    assert endorsement_graph(dmu).number_of_edges() == 0
    assert build_graph(dmu).number_of_nodes() == 3  # A, B and their one owner
    assert connected_people(dmu) == {builder.id("A"), builder.id("B")}
