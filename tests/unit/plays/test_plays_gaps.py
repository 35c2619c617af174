"""Gaps: key players and DMU findings no play addresses, suggestions, touch thresholds."""

from __future__ import annotations

import pytest
from plays_builders import TODAY, account, person, play, template, touches

from abm_planner.dmu.findings import CODES
from abm_planner.plays.checks import check_account, clashing_play_ids
from abm_planner.plays.gaps import REMEDIES, play_gaps, threshold_gaps
from abm_planner.plays.records import FindingRef
from abm_planner.plays.suggestions import suggest_templates
from abm_planner.plays.touches import touch_tallies

LIBRARY = (
    template("briefing", "Executive Briefing", stages=("engaged", "mqa", "opportunity"),
             roles=("economic_buyer", "decision_maker", "executive_sponsor")),
    template("threads", "Multi-Threading", stages=("engaged", "mqa"),
             roles=("economic_buyer", "decision_maker", "technical_evaluator", "influencer")),
    template("kit", "Champion Enablement Kit", play_type="acceleration", stages=("mqa",),
             roles=("champion",)),
    template("turnaround", "Detractor Turnaround", play_type="acceleration",
             stages=("engaged", "mqa"), roles=("blocker", "technical_evaluator", "influencer")),
    template("ads", "Ads Programme", play_type="awareness", stages=("qualified", "aware"),
             roles=("influencer", "user")),
    template("anything", "Any-Stage Webinar", stages=(), roles=("user", "influencer")),
)  # fmt: skip


# --------------------------------------------------------------------------- suggestions
def names(suggestions: object) -> list[str]:
    return [s.name for s in suggestions]  # type: ignore[attr-defined]


def test_suggestions_fit_the_stage_and_the_roles() -> None:
    found = suggest_templates(LIBRARY, stage="engaged", roles={"economic_buyer"})
    assert names(found) == ["Executive Briefing", "Multi-Threading"]
    assert found[0].matched_roles == ("economic_buyer",)
    assert found[0].stage_fit


def test_a_template_for_other_stages_is_not_suggested() -> None:
    assert names(suggest_templates(LIBRARY, stage="qualified", roles={"economic_buyer"})) == []
    assert names(suggest_templates(LIBRARY, stage="aware", roles={"user"})) == [
        "Ads Programme",
        "Any-Stage Webinar",
    ]


def test_more_matching_roles_rank_higher_and_wanted_types_first() -> None:
    found = suggest_templates(
        LIBRARY, stage="engaged", roles={"decision_maker", "technical_evaluator"}
    )
    assert names(found) == ["Multi-Threading", "Executive Briefing"]
    found = suggest_templates(
        LIBRARY,
        stage="mqa",
        roles={"technical_evaluator", "blocker", "influencer"},
        play_types={"acceleration"},
    )
    assert names(found)[0] == "Detractor Turnaround"


def test_blocker_plays_only_for_gaps_about_someone_against_us() -> None:
    found = suggest_templates(LIBRARY, stage="engaged", roles={"influencer"})
    assert "Detractor Turnaround" not in names(found)


def test_no_roles_means_the_play_type_decides() -> None:
    found = suggest_templates(LIBRARY, stage="mqa", play_types={"acceleration"})
    assert names(found) == ["Champion Enablement Kit"]


def test_unknown_stage_limit_and_exclusions() -> None:
    found = suggest_templates(LIBRARY, stage=None, roles={"influencer", "user"}, limit=2)
    assert len(found) == 2
    found = suggest_templates(
        LIBRARY, stage="engaged", roles={"economic_buyer"}, exclude={"briefing"}
    )
    assert names(found) == ["Multi-Threading"]


# --------------------------------------------------------------------------- key players
def test_a_suggested_play_the_account_already_runs_is_pointed_at() -> None:
    briefing = play(7, "2026-11-02", "2026-12-04", ("u1",), template="briefing")
    data = account(
        people=(person("cfo", "economic_buyer", key=True), person("u1", "user")),
        plays=(briefing,),
        templates=LIBRARY,
    )
    (gap,) = play_gaps(data, TODAY)
    by_name = {s.name: s for s in gap.suggestions}
    assert by_name["Executive Briefing"].play_id == 7
    assert by_name["Multi-Threading"].play_id is None


def test_a_key_player_without_a_play_is_a_gap_with_suggestions() -> None:
    data = account(
        people=(person("cfo", "economic_buyer", key=True), person("u1", "user")),
        templates=LIBRARY,
    )
    (gap,) = play_gaps(data, TODAY)
    assert gap.code == "key_player_without_play"
    assert gap.stakeholder_ids == ("cfo",)
    assert "Person cfo, a key player (high influence)" in gap.message
    assert names(gap.suggestions) == ["Executive Briefing", "Multi-Threading"]


@pytest.mark.parametrize(
    ("status", "start", "end", "covered"),
    [
        ("planned", "2026-12-01", "2026-12-31", True),
        ("running", "2026-11-01", "2026-11-23", True),  # ends today: still working on them
        (None, "2026-11-01", "2026-12-01", True),
        ("running", "2026-10-01", "2026-11-22", False),  # ended yesterday
        ("done", "2026-11-01", "2026-12-31", False),
        ("cancelled", "2026-11-01", "2026-12-31", False),
    ],
)
def test_which_plays_count_as_working_on_a_key_player(
    status: str | None, start: str, end: str, covered: bool
) -> None:
    data = account(
        people=(person("cfo", "economic_buyer", key=True),),
        plays=(play(1, start, end, ("cfo",), status=status),),
    )
    gaps = play_gaps(data, TODAY)
    assert (gaps == []) is covered


# --------------------------------------------------------------------------- findings
def finding(code: str, *people: object) -> FindingRef:
    return FindingRef(code, f"The {code} finding.", people)


def test_every_dmu_finding_code_is_mapped_or_deliberately_left_out() -> None:
    assert set(REMEDIES) <= set(CODES)
    assert set(CODES) - set(REMEDIES) == {"reports_to_cycle", "isolated"}


def test_an_account_level_finding_needs_a_play_of_the_right_kind() -> None:
    people = (person("u1", "user"),)
    no_champion = finding("no_champion")
    gaps = play_gaps(
        account(people=people, findings=(no_champion,), templates=LIBRARY, stage="mqa"), TODAY
    )
    (gap,) = gaps
    assert (gap.code, gap.details["finding"]) == ("finding_without_play", "no_champion")
    assert gap.message == "No planned or running play addresses this: The no_champion finding."
    assert names(gap.suggestions) == ["Champion Enablement Kit"]
    kit_running = play(1, "2026-11-02", "2026-12-04", ("u1",), template="kit")
    data = account(people=people, plays=(kit_running,), findings=(no_champion,), templates=LIBRARY)
    assert play_gaps(data, TODAY) == []


def test_single_threaded_is_fixed_by_an_engagement_play_or_a_wide_one() -> None:
    people = tuple(person(f"u{n}", "user") for n in range(4))
    single = finding("single_threaded")
    ads = play(1, "2026-11-02", "2026-12-04", ("u1",), template="ads")
    assert (
        len(
            play_gaps(
                account(people=people, plays=(ads,), findings=(single,), templates=LIBRARY), TODAY
            )
        )
        == 1
    )
    threads = play(2, "2026-11-02", "2026-12-04", ("u1",), template="threads")
    assert (
        play_gaps(
            account(people=people, plays=(threads,), findings=(single,), templates=LIBRARY), TODAY
        )
        == []
    )
    wide = play(3, "2026-11-02", "2026-12-04", ("u0", "u1", "u2"))
    assert play_gaps(account(people=people, plays=(wide,), findings=(single,)), TODAY) == []


def test_a_finding_about_someone_is_fixed_by_a_play_aimed_at_them() -> None:
    buyer = person("eb", "economic_buyer")  # not a key player here
    uncovered = finding("economic_buyer_uncovered", "eb")
    (gap,) = play_gaps(account(people=(buyer,), findings=(uncovered,), templates=LIBRARY), TODAY)
    assert gap.stakeholder_ids == ("eb",)
    assert names(gap.suggestions) == ["Executive Briefing", "Multi-Threading"]
    aimed = play(1, "2026-11-02", "2026-12-04", ("eb",))
    assert play_gaps(account(people=(buyer,), plays=(aimed,), findings=(uncovered,)), TODAY) == []


def test_findings_about_a_key_player_without_a_play_are_folded_into_one_gap() -> None:
    detractor = person("cio", "technical_evaluator", key=True)
    findings = (finding("detractor_key_player", "cio"), finding("uncovered_key_player", "cio"))
    (gap,) = play_gaps(account(people=(detractor,), findings=findings, templates=LIBRARY), TODAY)
    assert gap.code == "key_player_without_play"
    assert gap.details["findings"] == ["detractor_key_player", "uncovered_key_player"]
    assert names(gap.suggestions)[0] == "Detractor Turnaround"


def test_data_findings_are_never_play_gaps() -> None:
    people = (person("a"), person("b"))
    findings = (finding("reports_to_cycle", "a", "b"), finding("isolated", "a"))
    assert play_gaps(account(people=people, findings=findings), TODAY) == []


# --------------------------------------------------------------------------- thresholds
def test_key_players_short_of_touches_before_the_handoff() -> None:
    people = (person("k1", key=True), person("k2", key=True), person("u1"))
    log = (*touches("k1", "2026-09-01", 8, every_days=3), *touches("k2", "2026-11-01", 3))
    data = account(people=people, touch_log=log, stage="engaged")
    tallies = touch_tallies(log, ["k1", "k2", "u1"], threshold=8, today=TODAY)
    (gap,) = threshold_gaps(data, tallies)
    assert gap.code == "below_touch_threshold"
    assert gap.stakeholder_ids == ("k2",)
    assert gap.message == "Person k2, a key player, has 3 of the 8 touches that make a viable lead."
    assert gap.details == {"touches": 3, "threshold": 8}
    after_handoff = account(people=people, touch_log=log, stage="opportunity")
    assert threshold_gaps(after_handoff, tallies) == []
    assert len(threshold_gaps(account(people=people, touch_log=log, stage=None), tallies)) == 1


# --------------------------------------------------------------------------- one account
def test_check_account_puts_it_all_together() -> None:
    people = (person("cio", "decision_maker", key=True), person("u1", "user"))
    plays = (
        play(1, "2026-11-16", "2026-12-11", ("cio",), name="Proof of Value", status="running"),
        play(2, "2026-11-19", "2026-12-02", ("cio", "u1"), name="Executive Briefing"),
    )
    log = tuple(touches("u1", "2026-11-16", 5))
    checks = check_account(
        account(people=people, plays=plays, touch_log=log, templates=LIBRARY), TODAY
    )
    assert [n.code for n in checks.clashes] == ["same_week_plays", "too_many_touches"]
    clash, overload = checks.clashes
    assert clash.message == (
        "Person cio is targeted by Proof of Value and Executive Briefing in weeks "
        "2026-W47 to 2026-W49."
    )
    assert clash.details["weeks"] == ["2026-W47", "2026-W48", "2026-W49"]
    assert overload.message == (
        "Person u1 got 5 touches from sales in week 2026-W47; the plan allows 3 a week."
    )
    assert clashing_play_ids(checks.clashes) == {1, 2}
    assert [n.code for n in checks.touch_gaps] == ["below_touch_threshold"]
    assert checks.tallies["u1"].total == 5
