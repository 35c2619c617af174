"""Every finding on a hand-made DMU, and its absence when the gap is not there."""

from __future__ import annotations

import time

import pytest
from dmu_builders import MARKETER, TODAY, DmuBuilder, healthy

from abm_planner.dmu.findings import CODES, find_gaps, status_of
from abm_planner.dmu.records import AMBER, GREEN, INFLUENCES, RED, REPORTS_TO, Finding, Line


def codes(builder: DmuBuilder) -> list[str]:
    return [f.code for f in find_gaps(builder.build(), TODAY)]


def only(builder: DmuBuilder, code: str) -> list[Finding]:
    return [f for f in find_gaps(builder.build(), TODAY) if f.code == code]


def test_a_healthy_dmu_has_no_findings_and_is_green() -> None:
    findings = find_gaps(healthy().build(), TODAY)
    assert findings == []
    assert status_of(findings) == (GREEN, ())


def test_an_empty_dmu_lacks_the_economic_buyer_the_champion_and_threads() -> None:
    assert codes(DmuBuilder()) == ["no_economic_buyer", "no_champion", "single_threaded"]


# --------------------------------------------------------------------------- economic buyer
def test_no_economic_buyer() -> None:
    builder = healthy().person("Ada Boss", "decision_maker", influence=3, inner_circle=True)
    (finding,) = only(builder, "no_economic_buyer")
    assert finding.message == "Nobody has been identified as the economic buyer."
    assert finding.stakeholders == ()
    assert codes(builder) == ["no_economic_buyer"]


@pytest.mark.parametrize(
    ("owner", "coverage", "expected"),
    [
        (None, 2, "nobody on our side owns the relationship."),
        (None, 0, "nobody on our side owns the relationship and we have had no contact with them."),
        ("seller", 0, "we have had no contact with them yet."),
        ("seller", -1, "our contact with them is unknown."),
        ("seller", None, "our contact with them is unknown."),
        (
            None,
            -1,
            "nobody on our side owns the relationship and our contact with them is unknown.",
        ),
    ],
)
def test_economic_buyer_uncovered(owner: str | None, coverage: int | None, expected: str) -> None:
    builder = healthy()
    kwargs = {} if owner else {"owner": None}
    builder.person("Ada Boss", "economic_buyer", influence=3, coverage=coverage, **kwargs)
    (finding,) = only(builder, "economic_buyer_uncovered")
    assert finding.message == f"Ada Boss is the economic buyer, but {expected}"
    assert finding.stakeholders == ("Ada Boss",)
    assert finding.stakeholder_ids == (builder.id("Ada Boss"),)


@pytest.mark.parametrize("coverage", [1, 2, 3])
def test_an_owned_economic_buyer_we_have_met_is_covered(coverage: int) -> None:
    builder = healthy().person("Ada Boss", "economic_buyer", coverage=coverage, owner=MARKETER)
    assert "economic_buyer_uncovered" not in codes(builder)


def test_each_uncovered_economic_buyer_is_its_own_finding() -> None:
    builder = (
        healthy()
        .person("Eve Budget", "economic_buyer", owner=None)
        .person("Fay Budget", "economic_buyer", coverage=0)
        .reports("Eve Budget", "Ada Boss")
        .reports("Fay Budget", "Ada Boss")
    )
    found = only(builder, "economic_buyer_uncovered")
    assert [f.stakeholders for f in found] == [("Eve Budget",), ("Fay Budget",)]


# --------------------------------------------------------------------------- champion, threads
def test_no_champion() -> None:
    builder = healthy().person("Ben Champ", "user", attitude=2, coverage=3)
    (finding,) = only(builder, "no_champion")
    assert "champion" in finding.message
    assert codes(builder) == ["no_champion"]


def test_single_threaded_names_the_one_thread() -> None:
    builder = healthy().person("Ada Boss", "economic_buyer", influence=3, coverage=1)
    (finding,) = only(builder, "single_threaded")
    assert finding.stakeholders == ("Ben Champ",)
    assert "only Ben Champ has coverage of Multiple or better" in finding.message


def test_single_threaded_with_no_thread_at_all() -> None:
    builder = healthy().person("Ada Boss", "economic_buyer", coverage=1)
    builder.person("Ben Champ", "champion", attitude=2, coverage=-1)
    (finding,) = only(builder, "single_threaded")
    assert finding.stakeholders == ()


def test_two_people_at_multiple_are_not_single_threaded() -> None:
    builder = healthy().person("Ben Champ", "champion", attitude=2, coverage=2)
    assert "single_threaded" not in codes(builder)


# --------------------------------------------------------------------------- key players
@pytest.mark.parametrize(
    ("influence", "inner_circle", "why"),
    [
        (3, False, "high influence"),
        (1, True, "inner circle"),
        (3, True, "high influence, inner circle"),
    ],
)
def test_uncovered_key_player(influence: int, inner_circle: bool, why: str) -> None:
    builder = (
        healthy()
        .person("Kim Key", influence=influence, inner_circle=inner_circle, owner=None)
        .reports("Kim Key", "Ada Boss")
    )
    (finding,) = only(builder, "uncovered_key_player")
    assert finding.message == f"Kim Key is a key player ({why}) with no owner on our side."
    assert finding.stakeholders == ("Kim Key",)


def test_a_key_player_owned_by_marketing_alone_is_covered() -> None:
    builder = (
        healthy().person("Kim Key", influence=3, owner=MARKETER).reports("Kim Key", "Ada Boss")
    )
    assert codes(builder) == []


def test_medium_influence_without_owner_is_no_key_player() -> None:
    builder = healthy().person("Moe Mid", influence=2, owner=None).reports("Moe Mid", "Ada Boss")
    assert codes(builder) == []


@pytest.mark.parametrize(("attitude", "word"), [(-2, "an enemy"), (-1, "a non-supporter")])
def test_detractor_key_player(attitude: int, word: str) -> None:
    builder = (
        healthy().person("Kim Key", influence=3, attitude=attitude).reports("Kim Key", "Ada Boss")
    )
    (finding,) = only(builder, "detractor_key_player")
    assert finding.message == f"Kim Key is a key player (high influence) and {word}."
    assert status_of(find_gaps(builder.build(), TODAY))[0] == RED


@pytest.mark.parametrize("attitude", [None, 0, 1, 2])
def test_a_neutral_or_unknown_key_player_is_no_detractor(attitude: int | None) -> None:
    builder = (
        healthy().person("Kim Key", influence=3, attitude=attitude).reports("Kim Key", "Ada Boss")
    )
    assert "detractor_key_player" not in codes(builder)


def test_a_non_supporter_with_low_influence_is_no_detractor_finding() -> None:
    builder = healthy().person("Lou Low", influence=1, attitude=-2).reports("Lou Low", "Ada Boss")
    assert codes(builder) == []


@pytest.mark.parametrize(("days", "stale"), [(0, False), (90, False), (91, True), (142, True)])
def test_stale_key_player_after_90_days(days: int, stale: bool) -> None:
    builder = healthy().person("Ada Boss", "economic_buyer", influence=3, touched_days_ago=days)
    found = only(builder, "stale_key_player")
    assert bool(found) is stale
    if stale:
        assert found[0].message == (
            f"Nobody has touched Ada Boss, a key player (high influence), in {days} days."
        )


def test_a_never_touched_key_player_is_stale() -> None:
    builder = healthy().person("Ada Boss", "economic_buyer", influence=3, touched_days_ago=None)
    (finding,) = only(builder, "stale_key_player")
    assert finding.message == (
        "Nobody on our side has ever touched Ada Boss, a key player (high influence)."
    )


def test_a_never_touched_ordinary_person_is_not_stale() -> None:
    builder = healthy().person("Cy User", "user", influence=1, coverage=1, touched_days_ago=None)
    assert codes(builder) == []


def test_a_touch_dated_after_today_is_not_stale() -> None:
    builder = healthy().person("Ada Boss", "economic_buyer", influence=3, touched_days_ago=-5)
    assert codes(builder) == []


# --------------------------------------------------------------------------- cycles
def test_reports_to_cycle_of_two() -> None:
    builder = healthy().person("Zed Loop").person("Max Loop")
    builder.reports("Zed Loop", "Max Loop").reports("Max Loop", "Zed Loop")
    builder.influences("Zed Loop", "Ada Boss")
    (finding,) = only(builder, "reports_to_cycle")
    assert finding.stakeholders == ("Max Loop", "Zed Loop")
    assert finding.message == (
        "The reporting lines go round in a circle: "
        "Max Loop, who reports to Zed Loop, who reports to Max Loop."
    )


def test_a_cycle_starts_at_the_first_name_and_follows_the_lines() -> None:
    builder = healthy()
    builder.reports("Ada Boss", "Cy User")  # Ada → Cy → Ben → Ada
    (finding,) = only(builder, "reports_to_cycle")
    assert finding.stakeholders == ("Ada Boss", "Cy User", "Ben Champ")


def test_a_cycle_through_a_dotted_line_is_found() -> None:
    builder = healthy().reports("Ada Boss", "Ben Champ", dotted=True)
    (finding,) = only(builder, "reports_to_cycle")
    assert set(finding.stakeholders) == {"Ada Boss", "Ben Champ"}


def test_two_separate_cycles_are_two_findings() -> None:
    builder = healthy()
    for name in ("P1", "P2", "Q1", "Q2"):
        builder.person(name).influences(name, "Ada Boss")
    builder.reports("P1", "P2").reports("P2", "P1").reports("Q1", "Q2").reports("Q2", "Q1")
    assert [f.stakeholders for f in only(builder, "reports_to_cycle")] == [
        ("P1", "P2"),
        ("Q1", "Q2"),
    ]


def test_a_dense_tangle_is_reported_once_not_enumerated() -> None:
    builder = healthy()
    names = [f"Person {i:02d}" for i in range(40)]
    for name in names:
        builder.person(name)
    for a in names:
        for b in names:
            if a != b:
                builder.reports(a, b)
    started = time.perf_counter()
    found = only(builder, "reports_to_cycle")
    assert time.perf_counter() - started < 10  # a guard against hanging, not a benchmark
    assert len(found) == 1
    assert found[0].stakeholders[0] == "Person 00"


def test_a_tree_with_a_dotted_second_manager_has_no_cycle() -> None:
    builder = healthy().reports("Cy User", "Ada Boss", dotted=True)
    assert codes(builder) == []


# --------------------------------------------------------------------------- isolated
def test_isolated_person() -> None:
    builder = healthy().person("Ida Alone", influence=1)
    (finding,) = only(builder, "isolated")
    assert finding.stakeholders == ("Ida Alone",)
    assert finding.message == "Ida Alone has no line to anyone: no manager, influence or conflict."


def test_a_conflict_line_is_a_line() -> None:
    builder = healthy().person("Ida Alone", influence=1).conflict("Cy User", "Ida Alone")
    assert codes(builder) == []


def test_nobody_is_isolated_in_an_account_of_two() -> None:
    builder = (
        DmuBuilder()
        .person("Ada Boss", "economic_buyer", influence=3)
        .person("Ben Champ", "champion", attitude=2)
    )
    assert codes(builder) == []


def test_lines_to_unknown_people_and_self_lines_do_not_count() -> None:
    builder = healthy().person("Ida Alone", influence=1)
    stranger = DmuBuilder("Elsewhere").person("Stranger").id("Stranger")
    builder.lines.append(Line(builder.id("Ida Alone"), builder.id("Ida Alone"), REPORTS_TO))
    builder.lines.append(Line(builder.id("Ida Alone"), stranger, INFLUENCES))
    assert codes(builder) == ["isolated"]


# --------------------------------------------------------------------------- order and status
def test_findings_come_in_code_order_then_by_name() -> None:
    builder = (
        DmuBuilder()
        .person("Zoe Key", influence=3, owner=None, touched_days_ago=None)
        .person("Amy Key", inner_circle=True, influence=1, owner=None, attitude=-1)
        .person("Bob", influence=1)
    )
    found = find_gaps(builder.build(), TODAY)
    order = [CODES.index(f.code) for f in found]
    assert order == sorted(order)
    assert [f.stakeholders for f in found if f.code == "uncovered_key_player"] == [
        ("Amy Key",),
        ("Zoe Key",),
    ]


def test_status_is_amber_for_other_findings_with_their_messages_as_reasons() -> None:
    builder = healthy().person("Ida Alone", influence=1)
    findings = find_gaps(builder.build(), TODAY)
    assert status_of(findings) == (AMBER, (findings[0].message,))


def test_status_is_red_with_only_the_red_reasons() -> None:
    builder = healthy().person("Ida Alone", influence=1)
    builder.person("Ada Boss", "economic_buyer", influence=3, owner=None)
    status, reasons = status_of(find_gaps(builder.build(), TODAY))
    assert status == RED
    assert reasons == (
        "Ada Boss is the economic buyer, but nobody on our side owns the relationship.",
    )
