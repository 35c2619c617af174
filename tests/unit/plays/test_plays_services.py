"""The plays services on real plan files: edits with undo snapshots, checks, timeline queries."""

from __future__ import annotations

import re
import shutil
import time
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import NotFoundError, UserError
from abm_planner.plays.weeks import week_label
from abm_planner.services import play_templates, plays, touches
from abm_planner.services.accounts import create_account, list_accounts, update_account
from abm_planner.services.lookups import team_members, vocabulary
from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.play_checks import account_checks, check_accounts, checks_json
from abm_planner.services.play_timeline import TimelineFilter, load_timeline, timeline_bars
from abm_planner.services.portfolio_clashes import clashing_play_ids, portfolio_clashes
from abm_planner.services.stakeholders import create_stakeholder
from abm_planner.store.models import PlayAssignment, Touch, play_targets

D = date.fromisoformat


def term(plan: Plan, kind: str, key: str) -> uuid.UUID:
    return next(t.id for t in vocabulary(plan, kind) if t.key == key)


@pytest.fixture
def account(tmp_plan: Plan) -> uuid.UUID:
    return create_account(tmp_plan, {"name": "Acme"})


@pytest.fixture
def people(tmp_plan: Plan, account: uuid.UUID) -> dict[str, uuid.UUID]:
    roles = {"cfo": "economic_buyer", "cio": "decision_maker", "user": "user"}
    return {
        key: create_stakeholder(
            tmp_plan, account, {"name": key.upper(), "role_ids": [term(tmp_plan, vocab.ROLE, r)]}
        )
        for key, r in roles.items()
    }


def new_play(
    plan: Plan, account: uuid.UUID, start: str, end: str, *targets: uuid.UUID, **more: Any
) -> uuid.UUID:
    values = {"name": more.pop("name", "Briefing"), "start_on": D(start), "end_on": D(end)}
    return plays.create_assignment(plan, account, values | {"target_ids": list(targets)} | more)


@pytest.fixture
def demo(demo_plan_path: Path, tmp_path: Path) -> Iterator[Plan]:
    copy = tmp_path / "demo.abmplan"
    shutil.copyfile(demo_plan_path, copy)
    plan = open_plan(copy)
    try:
        yield plan
    finally:
        plan.close()


def account_id(plan: Plan, prefix: str) -> uuid.UUID:
    return next(a.id for a in list_accounts(plan) if a.name.startswith(prefix))


# --------------------------------------------------------------------------- assignments
def test_a_play_is_created_with_targets_and_planned_by_default(
    tmp_plan: Plan, account: uuid.UUID, people: dict[str, uuid.UUID]
) -> None:
    play_id = new_play(tmp_plan, account, "2026-03-02", "2026-03-20", people["cfo"], people["cio"])
    (row,) = plays.list_assignments(tmp_plan, account)
    assert (row.id, row.name, row.status_key, row.lead_function) == (
        play_id,
        "Briefing",
        "planned",
        "joint",
    )
    assert row.targets == ("CFO", "CIO")
    assert set(row.target_ids) == {people["cfo"], people["cio"]}
    assert plays.assignment_row(tmp_plan, play_id) == row


def test_editing_targets_and_fields_returns_the_old_values_for_undo(
    tmp_plan: Plan, account: uuid.UUID, people: dict[str, uuid.UUID]
) -> None:
    play_id = new_play(tmp_plan, account, "2026-03-02", "2026-03-20", people["cfo"])
    before = plays.get_assignment(tmp_plan, play_id)
    old = plays.update_assignment(
        tmp_plan,
        play_id,
        {"target_ids": [people["user"]], "budget": "1,500", "lead_function": "Sales"},
    )
    after = plays.get_assignment(tmp_plan, play_id)
    assert after["target_ids"] == [people["user"]]
    assert (after["budget"], after["lead_function"]) == (1500.0, "sales")
    assert after["version"] > before["version"]
    plays.update_assignment(tmp_plan, play_id, old)
    restored = plays.get_assignment(tmp_plan, play_id)
    assert {k: restored[k] for k in old} == {k: before[k] for k in old}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"start_on": D("2026-04-01"), "end_on": D("2026-03-01")},
            "ends (2026-03-01) before it starts",
        ),
        ({"end_on": D("2030-01-01")}, "at most three years"),
        ({"lead_function": "finance"}, "Lead function must be one of"),
        ({"name": "  "}, "Play cannot be empty"),
        ({"template_id": uuid.uuid4()}, "template no longer exists"),
        ({"target_ids": [uuid.uuid4()]}, "not (or no longer) a stakeholder of this account"),
        ({"status_id": uuid.uuid4()}, "not in the plan's list"),
    ],
)
def test_wrong_values_are_refused_with_a_sentence(
    tmp_plan: Plan, account: uuid.UUID, people: dict[str, uuid.UUID], changes: dict, message: str
) -> None:
    play_id = new_play(tmp_plan, account, "2026-03-02", "2026-03-20", people["cfo"])
    with pytest.raises(UserError, match=re.escape(message)):
        plays.update_assignment(tmp_plan, play_id, changes)


def test_a_target_of_another_account_is_refused(
    tmp_plan: Plan, account: uuid.UUID, people: dict[str, uuid.UUID]
) -> None:
    other = create_account(tmp_plan, {"name": "Other"})
    stranger = create_stakeholder(tmp_plan, other, {"name": "Stranger"})
    with pytest.raises(UserError, match="not \\(or no longer\\) a stakeholder"):
        new_play(tmp_plan, account, "2026-03-02", "2026-03-20", stranger)
    assert plays.list_assignments(tmp_plan, account) == []


def test_delete_keeps_the_touches_and_undo_relinks_them(
    tmp_plan: Plan, account: uuid.UUID, people: dict[str, uuid.UUID]
) -> None:
    play_id = new_play(tmp_plan, account, "2026-03-02", "2026-03-20", people["cfo"])
    touch_id = touches.log_touch(
        tmp_plan, people["cfo"], {"occurred_on": D("2026-03-03"), "assignment_id": play_id}
    )
    assert plays.list_assignments(tmp_plan, account)[0].touches == 1
    snapshot = plays.delete_assignment(tmp_plan, play_id)
    assert plays.list_assignments(tmp_plan, account) == []
    with tmp_plan.read() as session:
        assert session.scalar(select(Touch.assignment_id).where(Touch.id == touch_id)) is None
    plays.restore_assignment(tmp_plan, snapshot)
    (row,) = plays.list_assignments(tmp_plan, account)
    assert (row.id, row.touches, row.target_ids) == (play_id, 1, (people["cfo"],))
    with pytest.raises(NotFoundError):
        plays.delete_assignment(tmp_plan, uuid.uuid4())


def test_reschedule_returns_the_old_dates(
    tmp_plan: Plan, account: uuid.UUID, people: dict[str, uuid.UUID]
) -> None:
    play_id = new_play(tmp_plan, account, "2026-03-02", "2026-03-20", people["cfo"])
    old = plays.reschedule_assignment(tmp_plan, play_id, D("2026-03-09"), D("2026-03-27"))
    assert old == (D("2026-03-02"), D("2026-03-20"))
    assert plays.get_assignment(tmp_plan, play_id)["start_on"] == D("2026-03-09")


def test_values_from_a_template_start_next_monday_with_the_account_owners(
    tmp_plan: Plan, account: uuid.UUID, people: dict[str, uuid.UUID]
) -> None:
    seller = team_members(tmp_plan)[0].id if team_members(tmp_plan) else None
    update_account(tmp_plan, account, {"sales_owner_id": seller})
    briefing = next(
        t for t in play_templates.list_templates(tmp_plan) if t.name == "Executive Briefing"
    )
    values = plays.values_from_template(
        tmp_plan, account, briefing.id, [people["cfo"]], today=D("2026-11-25")
    )
    assert (values["start_on"], values["end_on"]) == (D("2026-11-30"), D("2026-12-13"))  # 14 days
    assert values["name"] == "Executive Briefing"
    assert values["lead_function"] == "joint"
    assert (values["budget"], values["expected_touches"]) == (8000, 4)
    assert values["sales_owner_id"] == seller
    play_id = plays.create_assignment(tmp_plan, account, values)
    assert plays.get_assignment(tmp_plan, play_id)["template_id"] == briefing.id


# --------------------------------------------------------------------------- templates
def test_the_default_library_has_at_least_twelve_plays(tmp_plan: Plan) -> None:
    rows = play_templates.list_templates(tmp_plan)
    assert len(rows) >= 12
    for row in rows:
        record = row.record()
        assert record.stages and record.target_roles and record.play_type
        assert row.values["trigger"] and row.values["steps"] and row.values["success_criteria"]


def test_template_edits_with_stages_and_roles_and_duplicate_names(tmp_plan: Plan) -> None:
    stage = term(tmp_plan, vocab.STAGE, "mqa")
    role = term(tmp_plan, vocab.ROLE, "champion")
    new_id = play_templates.create_template(
        tmp_plan, {"name": "Pilot", "stage_ids": [stage], "role_ids": [role], "duration_days": 20}
    )
    row = play_templates.get_template(tmp_plan, new_id)
    assert (row.stage_keys, row.role_keys) == (frozenset({"mqa"}), frozenset({"champion"}))
    old = play_templates.update_template(tmp_plan, new_id, {"stage_ids": [], "cost": "2,500"})
    assert old == {"stage_ids": [stage], "cost": None}
    assert play_templates.get_template(tmp_plan, new_id).values["cost"] == 2500
    with pytest.raises(UserError, match="already has a play called 'executive briefing'"):
        play_templates.update_template(tmp_plan, new_id, {"name": "executive briefing"})
    with pytest.raises(UserError, match="Duration must be between 1"):
        play_templates.update_template(tmp_plan, new_id, {"duration_days": 0})
    assert play_templates.unique_name(tmp_plan, "Pilot") == "Pilot (2)"


def test_deleting_a_template_unlinks_its_plays_and_undo_relinks(
    tmp_plan: Plan, account: uuid.UUID, people: dict[str, uuid.UUID]
) -> None:
    briefing = next(
        t for t in play_templates.list_templates(tmp_plan) if t.name == "Executive Briefing"
    )
    play_id = new_play(tmp_plan, account, "2026-03-02", "2026-03-20", template_id=briefing.id)
    snapshot = play_templates.delete_template(tmp_plan, briefing.id)
    assert plays.get_assignment(tmp_plan, play_id)["template_id"] is None
    play_templates.restore_template(tmp_plan, snapshot)
    assert plays.get_assignment(tmp_plan, play_id)["template_id"] == briefing.id
    restored = play_templates.get_template(tmp_plan, briefing.id)
    assert restored.role_keys == briefing.role_keys
    assert restored.uses == 1


# --------------------------------------------------------------------------- touches
def test_touches_are_logged_checked_deleted_and_restored(
    tmp_plan: Plan, account: uuid.UUID, people: dict[str, uuid.UUID]
) -> None:
    email = term(tmp_plan, vocab.CHANNEL, "email")
    touch_id = touches.log_touch(
        tmp_plan,
        people["cio"],
        {"occurred_on": "2026-03-03", "channel_id": email, "function": "Marketing"},
    )
    (row,) = touches.list_touches(tmp_plan, account)
    assert (row.stakeholder, row.channel, row.function) == ("CIO", "Email", "marketing")
    snapshot = touches.delete_touch(tmp_plan, touch_id)
    assert touches.list_touches(tmp_plan, account) == []
    touches.restore_touch(tmp_plan, snapshot)
    assert [r.id for r in touches.list_touches(tmp_plan, account)] == [touch_id]
    with pytest.raises(UserError, match="Give the date"):
        touches.log_touch(tmp_plan, people["cio"], {"occurred_on": None})
    with pytest.raises(UserError, match="Function must be one of"):
        touches.log_touch(
            tmp_plan, people["cio"], {"occurred_on": "2026-03-03", "function": "finance"}
        )
    other = create_account(tmp_plan, {"name": "Other"})
    foreign = new_play(tmp_plan, other, "2026-03-02", "2026-03-20")
    with pytest.raises(UserError, match="not \\(or no longer\\) one of this account's plays"):
        touches.log_touch(
            tmp_plan, people["cio"], {"occurred_on": "2026-03-03", "assignment_id": foreign}
        )


def test_people_touches_against_the_threshold(
    tmp_plan: Plan, account: uuid.UUID, people: dict[str, uuid.UUID]
) -> None:
    for n in range(8):
        touches.log_touch(
            tmp_plan, people["cfo"], {"occurred_on": D("2026-11-01") + timedelta(days=n)}
        )
    rows = {r.name: r for r in touches.people_touches(tmp_plan, account, today=D("2026-11-23"))}
    assert rows["CFO"].tally.reached
    assert (rows["CFO"].tally.total, rows["CFO"].tally.recent) == (8, 8)
    assert rows["CIO"].tally.total == 0
    assert touches.touch_settings(tmp_plan).touch_threshold == 8


# --------------------------------------------------------------------------- checks
def test_checks_on_a_plan_with_fixed_dates(
    tmp_plan: Plan, account: uuid.UUID, people: dict[str, uuid.UUID]
) -> None:
    new_play(tmp_plan, account, "2026-12-21", "2026-12-31", people["cio"], name="Old year")
    new_play(tmp_plan, account, "2027-01-01", "2027-01-15", people["cio"], name="New year")
    new_play(tmp_plan, account, "2027-01-04", "2027-01-15", people["cfo"], name="After")
    new_play(tmp_plan, account, "2026-12-14", "2027-01-03", people["cfo"], name="Before")
    cancelled = term(tmp_plan, vocab.PLAY_STATUS, "cancelled")
    new_play(
        tmp_plan,
        account,
        "2026-12-14",
        "2027-01-15",
        people["cfo"],
        name="Off",
        status_id=cancelled,
    )
    (checks,) = check_accounts(tmp_plan, [account], today=D("2026-12-01"))
    (clash,) = checks.clashes
    assert clash.message == "CIO is targeted by Old year and New year in week 2026-W53."
    assert {c.first_id for c in portfolio_clashes(tmp_plan)} | {
        c.second_id for c in portfolio_clashes(tmp_plan)
    } == {p.id for p in plays.list_assignments(tmp_plan, account) if p.name.endswith("year")}
    output = checks_json(checks)
    assert output["clashes"][0]["weeks"] == ["2026-W53"]
    assert output["clashes"][0]["plays"] == ["Old year", "New year"]


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "America/Adak", "UTC"])
def test_results_do_not_depend_on_the_time_zone(
    monkeypatch: pytest.MonkeyPatch,
    tmp_plan: Plan,
    account: uuid.UUID,
    people: dict[str, uuid.UUID],
    zone: str,
) -> None:
    new_play(tmp_plan, account, "2026-02-23", "2026-03-01", people["cio"], name="Ends Sunday")
    new_play(tmp_plan, account, "2026-03-02", "2026-03-06", people["cio"], name="Starts Monday")
    new_play(tmp_plan, account, "2026-03-06", "2026-03-08", people["cio"], name="Same week")
    for n in range(4):
        touches.log_touch(
            tmp_plan, people["cfo"], {"occurred_on": D("2026-03-01") + timedelta(days=n)}
        )
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        (checks,) = check_accounts(tmp_plan, [account], today=D("2026-02-01"))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert [n.message for n in checks.clashes] == [
        "CIO is targeted by Starts Monday and Same week in week 2026-W10."
    ]
    assert [n.code for n in checks.clashes if n.code == "too_many_touches"] == []


def test_the_demo_clash_on_the_cio_and_the_touch_overload(demo: Plan) -> None:
    ahrenberg = account_checks(demo, account_id(demo, "Ahrenberg Antriebstechnik"))
    same_week = [n for n in ahrenberg.clashes if n.code == "same_week_plays"]
    assert [n.stakeholders for n in same_week] == [("Oliver Stein",)]
    assert set(same_week[0].details["plays"]) == {"Proof of Value Workshop", "Executive Briefing"}
    nordhavn = account_checks(demo, account_id(demo, "Nordhavn"))
    (overload,) = [n for n in nordhavn.clashes if n.code == "too_many_touches"]
    assert overload.stakeholders == ("Lars Mikkelsen",)
    assert overload.details["touches"] >= 4  # five days in a row: at least four share a week
    gaps = {n.code for n in ahrenberg.touch_gaps}
    assert "key_player_without_play" in gaps
    assert all(n.suggestions for n in ahrenberg.touch_gaps if n.code == "key_player_without_play")


@pytest.mark.parametrize("in_sql", [True, False])
def test_the_bulk_check_counts_weeks_like_the_rules(
    tmp_plan: Plan, account: uuid.UUID, people: dict[str, uuid.UUID], in_sql: bool
) -> None:
    cio, cfo = people["cio"], people["cfo"]
    cases = [  # (start, end, person): pairs below share exactly the weeks named
        ("2026-12-21", "2026-12-31", cio),  # a: Thursday of 2026-W53
        ("2027-01-01", "2027-01-15", cio),  # b: Friday of 2026-W53 -> clashes with a
        ("2026-12-14", "2027-01-03", cfo),  # c: ends Sunday of 2026-W53
        ("2027-01-04", "2027-01-10", cfo),  # d: starts Monday of 2027-W01 -> no clash with c
        ("2020-12-28", "2021-01-03", cfo),  # e: 2020-W53
        ("2021-01-03", None, cfo),  # f: no end, Sunday of 2020-W53 -> clashes with e
        ("2026-03-09", "2026-03-01", cio),  # g: end before start counts as the start (W11)
        ("2026-03-13", "2026-03-13", cio),  # h: Friday of W11 -> clashes with g
    ]
    ids = []
    for n, (start, end, person) in enumerate(cases):
        values = {"name": f"P{n}", "start_on": D(start), "target_ids": [person]}
        with tmp_plan.write() as unit:  # bypass the service's date check for case g
            play_id = uuid.uuid4()
            unit.session.add(
                PlayAssignment(id=play_id, account_id=account, name=values["name"],
                               start_on=D(start), end_on=D(end) if end else None)
            )  # fmt: skip
            unit.session.flush()
            unit.session.execute(
                play_targets.insert(), [{"assignment_id": play_id, "stakeholder_id": person}]
            )
        ids.append(play_id)
    found = {
        (frozenset((c.first_id, c.second_id)), week_label(c.first_week), week_label(c.last_week))
        for c in portfolio_clashes(tmp_plan, in_sql=in_sql)
    }
    assert found == {
        (frozenset((ids[0], ids[1])), "2026-W53", "2026-W53"),
        (frozenset((ids[4], ids[5])), "2020-W53", "2020-W53"),
        (frozenset((ids[6], ids[7])), "2026-W11", "2026-W11"),
    }


def test_the_portfolio_clash_check_agrees_with_the_per_account_checks(demo: Plan) -> None:
    def labelled(clashes: object) -> set[tuple[object, ...]]:
        return {
            (c.stakeholder_id, frozenset((c.first_id, c.second_id)),
             week_label(c.first_week), week_label(c.last_week))
            for c in clashes  # type: ignore[attr-defined]
        }  # fmt: skip

    whole = labelled(portfolio_clashes(demo))
    assert whole == labelled(portfolio_clashes(demo, in_sql=False))
    per_account = set()
    for checks in check_accounts(demo):
        for notice in checks.clashes:
            if notice.code == "same_week_plays":
                weeks = notice.details["weeks"]
                plays_ids = frozenset(notice.details["play_ids"])
                per_account.add((notice.stakeholder_ids[0], plays_ids, weeks[0], weeks[-1]))
    assert whole == per_account
    assert len(whole) > 0
    some = account_id(demo, "Nordhavn")
    assert clashing_play_ids(demo, [some]) <= clashing_play_ids(demo)
    assert len(portfolio_clashes(demo, [some])) == sum(
        1 for n in account_checks(demo, some).clashes if n.code == "same_week_plays"
    )


# --------------------------------------------------------------------------- timeline
def test_timeline_filters(demo: Plan) -> None:
    everything = load_timeline(demo, TimelineFilter())
    assert everything.bars and all(b.end_on >= b.start_on for b in everything.bars)
    assert everything.handoff_from and everything.handoff_to
    ranks = [a.tier_rank for a in everything.accounts]
    assert ranks == sorted(ranks)
    marketing = load_timeline(demo, TimelineFilter(function="marketing"))
    assert {b.lead_function for b in marketing.bars} <= {"marketing", "joint"}
    assert {
        b.lead_function for b in load_timeline(demo, TimelineFilter(function="sales")).bars
    } <= {"sales", "joint"}
    today = date.today()
    window = load_timeline(demo, TimelineFilter(start=today, end=today + timedelta(days=30)))
    assert window.bars
    assert all(b.start_on <= today + timedelta(days=30) and b.end_on >= today for b in window.bars)
    no_cancelled = load_timeline(demo, TimelineFilter(include_cancelled=False))
    assert all(b.status != "cancelled" for b in no_cancelled.bars)
    owner = team_members(demo)[0].id
    mine = load_timeline(demo, TimelineFilter(owner_id=owner))
    assert 0 < len(mine.bars) < len(everything.bars)
    strategic = term(demo, vocab.TIER, "strategic")
    tiered = load_timeline(demo, TimelineFilter(tier_id=strategic))
    assert {a.tier for a in tiered.accounts} == {"Strategic (1:1)"}
    one = account_id(demo, "Nordhavn")
    single = load_timeline(demo, TimelineFilter(account_id=one))
    assert [a.id for a in single.accounts] == [one]
    assert timeline_bars(demo, [single.bars[0].id]) == [single.bars[0]]


def test_raw_ids_give_the_same_checks_as_uuids(demo: Plan) -> None:
    from abm_planner.services.dmu_analysis import analyse_accounts

    analyses = analyse_accounts(demo)
    with_uuids = [checks_json(c) for c in check_accounts(demo, analyses=analyses)]
    raw = check_accounts(demo, analyses=analyses, uuid_ids=False)
    assert [checks_json(c) for c in raw] == with_uuids
    assert any(n.code == "finding_without_play" for c in raw for n in c.touch_gaps)
