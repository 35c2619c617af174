"""Org chart and influence layouts: every card placed, hand-set positions win."""

from __future__ import annotations

import math

import pytest
from dmu_builders import DmuBuilder, healthy

from abm_planner.dmu.layout import (
    DEFAULT_X_GAP,
    DEFAULT_Y_GAP,
    influence_layout,
    org_chart_layout,
)
from abm_planner.dmu.records import INFLUENCE_MAP, ORG_CHART


def org(builder: DmuBuilder, **kwargs: object) -> dict[str, tuple[float, float]]:
    positions = org_chart_layout(builder.build(), **kwargs)  # type: ignore[arg-type]
    assert set(positions) == {p.id for p in builder.people.values()}
    return {name: positions[p.id] for name, p in builder.people.items()}


def company() -> DmuBuilder:
    """CEO over CFO and CTO; the CTO has two engineers; one engineer has a dotted boss."""
    builder = DmuBuilder()
    for name in ("CEO", "CFO", "CTO", "Eng A", "Eng B"):
        builder.person(name)
    builder.reports("CFO", "CEO").reports("CTO", "CEO")
    builder.reports("Eng A", "CTO").reports("Eng B", "CTO")
    return builder.reports("Eng B", "CFO", dotted=True)


# --------------------------------------------------------------------------- org chart
def test_the_org_chart_is_layered_top_down() -> None:
    at = org(company())
    assert at["CEO"][1] < at["CFO"][1] == at["CTO"][1] < at["Eng A"][1] == at["Eng B"][1]
    assert at["CFO"][1] - at["CEO"][1] == DEFAULT_Y_GAP


def test_a_manager_sits_centred_over_their_reports() -> None:
    at = org(company())
    assert at["CTO"][0] == (at["Eng A"][0] + at["Eng B"][0]) / 2
    assert at["Eng B"][0] - at["Eng A"][0] == DEFAULT_X_GAP


def test_no_two_cards_share_a_place() -> None:
    at = org(company())
    assert len(set(at.values())) == len(at)


def test_a_dotted_line_does_not_move_anyone_with_a_solid_manager() -> None:
    plain = company()
    plain.lines = [line for line in plain.lines if not line.dotted]
    assert org(company()) == org(plain)


def test_someone_with_only_a_dotted_manager_hangs_under_them() -> None:
    builder = company().person("Consultant").reports("Consultant", "CFO", dotted=True)
    at = org(builder)
    assert at["Consultant"][1] == at["CFO"][1] + DEFAULT_Y_GAP


def test_a_reporting_cycle_is_cut_and_everyone_is_placed() -> None:
    builder = company().reports("CEO", "Eng A")  # CEO → Eng A → CTO → CEO
    at = org(builder)
    assert len(set(at.values())) == len(at)
    # Cut at the first name in the cycle (CEO), who stays at the top.
    assert at["CEO"][1] == 0
    assert at["CTO"][1] > at["CEO"][1]


def test_a_cycle_with_no_way_out_still_lays_out() -> None:
    builder = DmuBuilder().person("A").person("B").person("C")
    builder.reports("A", "B").reports("B", "C").reports("C", "A").reports("A", "C", dotted=True)
    at = org(builder)
    assert len(set(at.values())) == 3
    assert at["A"][1] == 0


def test_people_without_reporting_lines_fill_a_row_underneath() -> None:
    builder = company().person("Loner 1").person("Loner 2").influences("Loner 1", "CEO")
    at = org(builder)
    deepest = max(at[name][1] for name in ("CEO", "CFO", "CTO", "Eng A", "Eng B"))
    assert at["Loner 1"][1] == at["Loner 2"][1] == deepest + DEFAULT_Y_GAP


def test_bigger_trees_stand_left_of_smaller_ones() -> None:
    builder = company().person("Small Boss").person("Small Report")
    builder.reports("Small Report", "Small Boss")
    at = org(builder)
    assert at["Small Boss"][0] > max(at[name][0] for name in ("Eng A", "Eng B", "CFO"))


def test_gaps_are_configurable() -> None:
    at = org(company(), x_gap=10.0, y_gap=5.0)
    assert at["CFO"][1] - at["CEO"][1] == 5.0


def test_hand_set_positions_win_in_the_org_chart() -> None:
    builder = company().place(ORG_CHART, "CTO", 999.0, -5.5)
    builder.place(INFLUENCE_MAP, "CFO", 1.0, 2.0)  # another view's position does not count
    automatic = org(company())
    at = org(builder)
    assert at["CTO"] == (999.0, -5.5)
    assert {k: v for k, v in at.items() if k != "CTO"} == {
        k: v for k, v in automatic.items() if k != "CTO"
    }


def test_explicit_fixed_positions_replace_the_stored_ones() -> None:
    builder = company().place(ORG_CHART, "CTO", 999.0, -5.5)
    cfo = builder.id("CFO")
    assert org(builder, fixed={})["CTO"] != (999.0, -5.5)
    assert org(builder, fixed={cfo: (1.0, 1.0)})["CFO"] == (1.0, 1.0)


def test_an_empty_dmu_lays_out_to_nothing() -> None:
    assert org_chart_layout(DmuBuilder().build()) == {}
    assert influence_layout(DmuBuilder().build()) == {}


def test_a_deep_chain_does_not_hit_the_recursion_limit() -> None:
    builder = DmuBuilder()
    for i in range(3000):
        builder.person(f"P{i:04d}")
        if i:
            builder.reports(f"P{i:04d}", f"P{i - 1:04d}")
    at = org(builder)
    assert at["P2999"][1] == 2999 * DEFAULT_Y_GAP


# --------------------------------------------------------------------------- influence view
def influence(builder: DmuBuilder, **kwargs: object) -> dict[str, tuple[float, float]]:
    positions = influence_layout(builder.build(), **kwargs)  # type: ignore[arg-type]
    assert set(positions) == {p.id for p in builder.people.values()}
    assert all(math.isfinite(c) for xy in positions.values() for c in xy)
    return {name: positions[p.id] for name, p in builder.people.items()}


def test_the_influence_view_places_everyone_and_is_repeatable() -> None:
    first = influence(company())
    assert influence(company()) == first
    assert len(set(first.values())) == len(first)
    assert influence(company(), seed=99) != first


def test_the_influence_view_is_centred_and_scaled_to_the_spacing() -> None:
    at = influence(company(), spacing=100.0)
    half_width = 100.0 * math.sqrt(5) / 2
    assert all(abs(c) <= half_width + 1e-6 for xy in at.values() for c in xy)


def test_hand_set_positions_win_in_the_influence_view() -> None:
    builder = company().place(INFLUENCE_MAP, "CEO", 400.0, -300.0)
    builder.place(INFLUENCE_MAP, "Eng A", -250.0, 120.0)
    at = influence(builder)
    assert at["CEO"] == (400.0, -300.0)
    assert at["Eng A"] == (-250.0, 120.0)
    # The others are laid out around the pinned cards, at a scale like theirs.
    assert all(abs(c) < 5000 for xy in at.values() for c in xy)


def test_everyone_pinned_means_nothing_moves() -> None:
    builder = healthy()
    for i, name in enumerate(builder.people):
        builder.place(INFLUENCE_MAP, name, float(i), float(-i))
    at = influence(builder)
    assert at == {name: (float(i), float(-i)) for i, name in enumerate(builder.people)}


@pytest.mark.parametrize("count", [1, 2])
def test_tiny_dmus_lay_out(count: int) -> None:
    builder = DmuBuilder()
    for i in range(count):
        builder.person(f"P{i}")
    influence(builder)
    org(builder)


def test_isolated_people_and_conflicts_lay_out() -> None:
    builder = company().person("Loner").person("Rival").conflict("Rival", "CEO")
    influence(builder)
