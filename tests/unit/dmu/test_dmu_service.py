"""Loading DMUs from a plan, analysing accounts, and hand-set positions as units of work."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from abm_planner.dmu.records import INFLUENCE_MAP, ORG_CHART, AccountAnalysis
from abm_planner.errors import NotFoundError
from abm_planner.services import dmu_analysis as service
from abm_planner.services import dmu_positions as hand_set
from abm_planner.services.changes import Change
from abm_planner.services.plans import Plan, open_plan
from abm_planner.store.models import Account

# Each deliberate gap of resources/demo/portfolio.json, the account carrying it, and
# who it names ("" for a finding about the whole account).
DELIBERATE_GAPS = [
    ("Aurelia Energia S.p.A.", "economic_buyer_uncovered", "Alessandra Conti"),
    ("Castleford Retail Group plc", "no_economic_buyer", ""),
    ("Groupe Hospitalier Valcour", "no_champion", ""),
    ("Kestrel Telecom Ltd", "single_threaded", "Niamh Brennan"),
    ("Meridian Pharma AG", "uncovered_key_player", "Dr. Urs Baumgartner"),
    ("Meridian Pharma AG", "detractor_key_player", "Dr. Urs Baumgartner"),
    ("Stadtwerke Elmshagen AöR", "stale_key_player", "Dr. Jürgen Pohl"),
    ("Ahrenberg Automation AG", "reports_to_cycle", "Christian Gruber"),
    ("Ahrenberg Automation AG", "reports_to_cycle", "Manuel Pichler"),
    ("Polar Cold Chain Oy", "isolated", "Mikko Järvinen"),
]
# Gaps only their one account should show.
ONE_CARRIER = {
    "no_economic_buyer": "Castleford Retail Group plc",
    "no_champion": "Groupe Hospitalier Valcour",
    "single_threaded": "Kestrel Telecom Ltd",
    "reports_to_cycle": "Ahrenberg Automation AG",
    "isolated": "Polar Cold Chain Oy",
}


@pytest.fixture
def demo(dmu_demo_path: Path) -> Iterator[Plan]:
    plan = open_plan(dmu_demo_path, read_only=True)
    yield plan
    plan.close()


@pytest.fixture
def writable(demo_copy: Path) -> Iterator[Plan]:
    plan = open_plan(demo_copy)
    yield plan
    plan.close()


@pytest.fixture(scope="module")
def analyses(dmu_demo_path: Path) -> dict[str, AccountAnalysis]:
    plan = open_plan(dmu_demo_path, read_only=True)
    try:
        return {a.account: a for a in service.analyse_accounts(plan)}
    finally:
        plan.close()


def account_id(plan: Plan, name: str) -> uuid.UUID:
    with plan.read() as session:
        return session.scalars(select(Account.id).where(Account.name == name)).one()


# --------------------------------------------------------------------------- the demo's gaps
@pytest.mark.parametrize(("account", "code", "person"), DELIBERATE_GAPS)
def test_the_demo_gaps_are_found_in_their_accounts(
    analyses: dict[str, AccountAnalysis], account: str, code: str, person: str
) -> None:
    found = [f for f in analyses[account].findings if f.code == code]
    assert found, f"{code} not found in {account}"
    if person:
        assert any(person in f.stakeholders for f in found)


@pytest.mark.parametrize(("code", "account"), ONE_CARRIER.items())
def test_account_wide_gaps_appear_nowhere_else(
    analyses: dict[str, AccountAnalysis], code: str, account: str
) -> None:
    carriers = {a.account for a in analyses.values() if any(f.code == code for f in a.findings)}
    assert carriers == {account}


def test_the_stale_key_player_is_dated(analyses: dict[str, AccountAnalysis]) -> None:
    (finding,) = [
        f for f in analyses["Stadtwerke Elmshagen AöR"].findings if f.code == "stale_key_player"
    ]
    assert finding.message.endswith("in 142 days.")


def test_statuses_of_the_demo(analyses: dict[str, AccountAnalysis]) -> None:
    assert len(analyses) == 12
    for red in ("Aurelia Energia S.p.A.", "Castleford Retail Group plc", "Meridian Pharma AG"):
        assert analyses[red].status == "red"
        assert analyses[red].reasons
    assert analyses["Polar Cold Chain Oy"].status == "amber"
    assert analyses["Ahrenberg Antriebstechnik GmbH"].status == "green"
    assert analyses["Ahrenberg Antriebstechnik GmbH"].reasons == ()


def test_rankings_and_warm_paths_of_the_demo(analyses: dict[str, AccountAnalysis]) -> None:
    for analysis in analyses.values():
        assert len({p.id for p in analysis.influence_ranking}) == len(analysis.influence_ranking)
    assert analyses["Castleford Retail Group plc"].warm_path is None
    valcour = analyses["Groupe Hospitalier Valcour"].warm_path
    assert valcour is not None
    assert valcour[-1] == "Philippe Garnier"


# --------------------------------------------------------------------------- loading
def test_one_account_loads_as_plain_records(demo: Plan) -> None:
    dmu = service.load_account_dmu(demo, account_id(demo, "Meridian Pharma AG"))
    assert dmu.account == "Meridian Pharma AG"
    assert len(dmu.people) == 16
    urs = next(p for p in dmu.people if p.name == "Dr. Urs Baumgartner")
    assert (urs.attitude, urs.influence, urs.inner_circle, urs.coverage) == (-2, 3, True, 1)
    assert urs.roles == {"blocker", "influencer"}
    assert not urs.has_owner
    assert urs.last_touched is not None
    assert {line.kind for line in dmu.lines} <= {"reports_to", "influences", "conflicts_with"}
    keller = next(p for p in dmu.people if p.name == "Dr. Andreas Keller")
    assert dmu.owner_names(keller)
    assert dmu.positions == {}


def test_an_unknown_account_is_not_found(demo: Plan) -> None:
    with pytest.raises(NotFoundError):
        service.load_account_dmu(demo, uuid.uuid4())


def test_batches_load_the_same_as_one_by_one(demo: Plan) -> None:
    batched = list(service.iter_account_dmus(demo, batch=5))
    assert [d.account for d in batched] == sorted(d.account for d in batched)
    for dmu in batched[:3]:
        single = service.load_account_dmu(demo, dmu.account_id)
        assert set(single.people) == set(dmu.people)
        assert sorted(map(repr, single.lines)) == sorted(map(repr, dmu.lines))


def test_analyse_one_account(demo: Plan, analyses: dict[str, AccountAnalysis]) -> None:
    kestrel = service.analyse_account(demo, account_id(demo, "Kestrel Telecom Ltd"))
    assert kestrel == analyses["Kestrel Telecom Ltd"]


def test_analyse_some_accounts_with_progress(demo: Plan) -> None:
    ids = [account_id(demo, n) for n in ("Polar Cold Chain Oy", "Aurelia Energia S.p.A.")]
    calls: list[tuple[int, int]] = []
    result = service.analyse_accounts(demo, ids, progress=lambda d, t: calls.append((d, t)))
    assert [a.account for a in result] == ["Aurelia Energia S.p.A.", "Polar Cold Chain Oy"]
    assert calls[0] == (0, 2)
    assert calls[-1] == (2, 2)


def test_a_cancelled_analysis_stops(demo: Plan) -> None:
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(service.AnalysisCancelled):
        service.analyse_accounts(demo, cancelled=cancelled)
    assert len(asked) == 4


def test_an_empty_plan_analyses_to_nothing(tmp_path: Path) -> None:
    from abm_planner.services.plans import create_plan

    plan = create_plan(tmp_path / "Empty.abmplan")
    try:
        assert service.analyse_accounts(plan) == []
    finally:
        plan.close()


# --------------------------------------------------------------------------- finding accounts
def test_find_account_by_exact_name_in_any_case(demo: Plan) -> None:
    found = service.find_account(demo, "  kestrel telecom   LTD ")
    assert found[1] == "Kestrel Telecom Ltd"


def test_find_account_by_part_of_the_name(demo: Plan) -> None:
    assert service.find_account(demo, "polar")[1] == "Polar Cold Chain Oy"


def test_an_ambiguous_name_lists_the_matches(demo: Plan) -> None:
    with pytest.raises(service.AmbiguousAccountError) as error:
        service.find_account(demo, "Ahrenberg")
    assert "Ahrenberg Antriebstechnik GmbH" in str(error.value)
    assert "Ahrenberg Automation AG" in str(error.value)


def test_an_unknown_name_says_so(demo: Plan) -> None:
    with pytest.raises(NotFoundError, match="No account is called 'Umbrella'"):
        service.find_account(demo, "Umbrella")


def test_two_accounts_of_the_same_name_are_ambiguous(writable: Plan) -> None:
    with writable.write() as unit:
        unit.session.add(Account(name="Polar Cold Chain Oy"))
    with pytest.raises(service.AmbiguousAccountError, match="2 accounts are called"):
        service.find_account(writable, "Polar Cold Chain Oy")


# --------------------------------------------------------------------------- hand-set positions
def test_positions_are_saved_loaded_and_undone(writable: Plan) -> None:
    account = account_id(writable, "Polar Cold Chain Oy")
    people = [p.id for p in service.load_account_dmu(writable, account).people]
    changes: list[Change] = []
    writable.changes.subscribe(changes.extend)

    old = hand_set.save_positions(writable, ORG_CHART, {people[0]: (10.0, 20.0)})
    assert old == {people[0]: None}
    assert changes[-1].kind == "node_position"
    assert changes[-1].account_id == account
    dmu = service.load_account_dmu(writable, account)
    assert dmu.positions == {ORG_CHART: {people[0]: (10.0, 20.0)}}

    old = hand_set.save_positions(writable, ORG_CHART, {people[0]: (30.0, 40.0), people[1]: (1, 2)})
    assert old == {people[0]: (10.0, 20.0), people[1]: None}
    hand_set.save_positions(writable, ORG_CHART, old)  # undo
    assert service.load_account_dmu(writable, account).positions[ORG_CHART] == {
        people[0]: (10.0, 20.0)
    }


def test_hand_set_positions_win_over_the_layout(writable: Plan) -> None:
    from abm_planner.dmu.layout import influence_layout, org_chart_layout

    account = account_id(writable, "Polar Cold Chain Oy")
    person = service.load_account_dmu(writable, account).people[0].id
    hand_set.save_positions(writable, ORG_CHART, {person: (-7.0, 3.5)})
    hand_set.save_positions(writable, INFLUENCE_MAP, {person: (70.0, -35.0)})
    dmu = service.load_account_dmu(writable, account)
    assert org_chart_layout(dmu)[person] == (-7.0, 3.5)
    assert influence_layout(dmu)[person] == (70.0, -35.0)


def test_clearing_a_view_forgets_its_positions_and_can_be_undone(writable: Plan) -> None:
    account = account_id(writable, "Polar Cold Chain Oy")
    people = [p.id for p in service.load_account_dmu(writable, account).people]
    hand_set.save_positions(writable, ORG_CHART, {people[0]: (1.0, 1.0), people[1]: (2.0, 2.0)})
    hand_set.save_positions(writable, INFLUENCE_MAP, {people[0]: (5.0, 5.0)})
    old = hand_set.clear_positions(writable, account, ORG_CHART)
    assert old == {people[0]: (1.0, 1.0), people[1]: (2.0, 2.0)}
    assert ORG_CHART not in service.load_account_dmu(writable, account).positions
    assert hand_set.clear_positions(writable, account, ORG_CHART) == {}
    hand_set.save_positions(writable, ORG_CHART, old)
    positions = service.load_account_dmu(writable, account).positions
    assert positions == {ORG_CHART: old, INFLUENCE_MAP: {people[0]: (5.0, 5.0)}}


def test_positions_of_a_missing_person_or_view_are_refused(writable: Plan) -> None:
    with pytest.raises(NotFoundError):
        hand_set.save_positions(writable, ORG_CHART, {uuid.uuid4(): (0.0, 0.0)})
    with pytest.raises(ValueError, match="unknown DMU view"):
        hand_set.save_positions(writable, "sideways", {})
    assert hand_set.save_positions(writable, ORG_CHART, {}) == {}


# --------------------------------------------------------------------------- start-up cost
LAZY = """
import sys
import abm_planner.services.dmu_analysis as service
import abm_planner.dmu.layout, abm_planner.dmu.records, abm_planner.services.dmu_positions
heavy = {"networkx", "numpy", "scipy"}
before = sorted(heavy & set(sys.modules))
from abm_planner.services.plans import open_plan
plan = open_plan(sys.argv[1], read_only=True)
service.analyse_accounts(plan)
plan.close()
after = sorted(heavy & set(sys.modules))
print(before, after)
"""


def test_networkx_loads_only_when_an_analysis_runs(dmu_demo_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", LAZY, str(dmu_demo_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    before, after = result.stdout.split("\n")[0].split("] [")
    assert before == "["
    assert "'networkx'" in after
