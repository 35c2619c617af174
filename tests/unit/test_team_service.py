"""Team members and solutions: validation, deletes that clear or cascade, exact restores."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, or_, select

from abm_planner.errors import UserError
from abm_planner.services import team
from abm_planner.services.lookups import team_members
from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.whitespace import whitespace_map
from abm_planner.store.models import Account, Objective, Stakeholder, TeamMember, Whitespace


@pytest.fixture
def demo(demo_plan_path: Path, tmp_path: Path) -> Iterator[Plan]:
    path = tmp_path / "demo.abmplan"
    shutil.copyfile(demo_plan_path, path)
    plan = open_plan(path)
    try:
        yield plan
    finally:
        plan.close()


def test_a_new_plan_has_no_team_and_no_solutions(tmp_plan: Plan) -> None:
    assert team.list_team_members(tmp_plan) == []
    assert team.list_solutions(tmp_plan) == []


def test_a_member_added_is_offered_everywhere(tmp_plan: Plan) -> None:
    member_id = team.create_team_member(
        tmp_plan, {"name": "  Ada Seller ", "email": "ada@example.com", "function": "sales"}
    )
    [member] = team_members(tmp_plan)
    assert (member.id, member.name, member.function) == (member_id, "Ada Seller", "sales")
    old = team.update_team_member(tmp_plan, member_id, {"function": "marketing", "title": "CMO"})
    assert old == {"function": "sales", "title": ""}
    assert team.list_team_members(tmp_plan)[0].function == "marketing"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"name": "   "}, "Name cannot be empty."),
        ({"name": "x" * 201}, "Name is too long (201 characters, at most 200)."),
        ({"name": "Ada", "email": "e" * 321}, "Email is too long"),
        ({"name": "Ada", "function": "finance"}, "Function must be one of sales, marketing"),
        ({"title": "Boss"}, "Name cannot be empty."),
    ],
)
def test_invalid_members_are_refused_and_nothing_changes(
    tmp_plan: Plan, values: dict[str, str], message: str
) -> None:
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        team.create_team_member(tmp_plan, values)
    assert team.list_team_members(tmp_plan) == []


def test_an_invalid_edit_changes_nothing(tmp_plan: Plan) -> None:
    member_id = team.create_team_member(tmp_plan, {"name": "Ada"})
    with pytest.raises(UserError, match="Function must be one of"):
        team.update_team_member(tmp_plan, member_id, {"name": "Bea", "function": "boss"})
    assert team.list_team_members(tmp_plan)[0].name == "Ada"


def _owned_by(plan: Plan, member_id: object) -> tuple[int, int, int]:
    with plan.read() as session:
        accounts = session.scalar(
            select(func.count())
            .select_from(Account)
            .where(
                or_(Account.sales_owner_id == member_id, Account.marketing_owner_id == member_id)
            )
        )
        people = session.scalar(
            select(func.count())
            .select_from(Stakeholder)
            .where(
                or_(
                    Stakeholder.sales_owner_id == member_id,
                    Stakeholder.marketing_owner_id == member_id,
                )
            )
        )
        objectives = session.scalar(
            select(func.count()).select_from(Objective).where(Objective.owner_id == member_id)
        )
    return int(accounts or 0), int(people or 0), int(objectives or 0)


def test_deleting_an_owner_clears_their_records_and_restore_relinks_them(demo: Plan) -> None:
    with demo.read() as session:
        member_id = session.scalar(
            select(Account.sales_owner_id).where(Account.sales_owner_id.is_not(None)).limit(1)
        )
        row_before = session.get(TeamMember, member_id)
        assert row_before is not None
        before_version = (row_before.name, row_before.version, row_before.created_at)
    owned = _owned_by(demo, member_id)
    ownership = team.member_ownership(demo, member_id)
    assert ownership.accounts == owned[0] > 0
    assert ownership.stakeholders == owned[1]

    captured = team.delete_team_member(demo, member_id)
    assert _owned_by(demo, member_id) == (0, 0, 0)
    assert member_id not in {m.id for m in team_members(demo)}

    team.restore_team_member(demo, captured)
    assert _owned_by(demo, member_id) == owned
    with demo.read() as session:
        row = session.get(TeamMember, member_id)
        assert row is not None
        assert (row.name, row.version, row.created_at) == before_version


def test_a_new_solution_is_a_new_whitespace_column_at_the_end(demo: Plan) -> None:
    before = [s.id for s in whitespace_map(demo).solutions]
    solution_id = team.create_solution(demo, {"name": "Managed security"})
    assert [s.id for s in whitespace_map(demo).solutions] == [*before, solution_id]
    with pytest.raises(UserError, match="Name cannot be empty"):
        team.create_solution(demo, {"name": ""})
    with pytest.raises(UserError, match="Description is too long"):
        team.update_solution(demo, solution_id, {"description": "d" * 5001})
    assert len(team.list_solutions(demo)) == len(before) + 1


def test_deleting_a_solution_takes_its_cells_and_restore_puts_them_back(demo: Plan) -> None:
    with demo.read() as session:
        solution_id = session.scalar(select(Whitespace.solution_id).limit(1))
    assert solution_id is not None
    cells_before = whitespace_map(demo).cells
    count = team.solution_cell_count(demo, solution_id)
    assert count == sum(1 for (_a, s) in cells_before if s == solution_id) > 0

    captured = team.delete_solution(demo, solution_id)
    after = whitespace_map(demo)
    assert solution_id not in {s.id for s in after.solutions}
    assert not any(s == solution_id for (_a, s) in after.cells)

    team.restore_solution(demo, captured)
    assert whitespace_map(demo).cells == cells_before


def test_moving_a_solution_and_back(tmp_plan: Plan) -> None:
    ids = [team.create_solution(tmp_plan, {"name": name}) for name in ("A", "B", "C")]
    with pytest.raises(UserError, match="already first"):
        team.moved_order(tmp_plan, ids[0], -1)
    with pytest.raises(UserError, match="already last"):
        team.moved_order(tmp_plan, ids[2], 1)
    order = team.moved_order(tmp_plan, ids[2], -1)
    previous = team.reorder_solutions(tmp_plan, order)
    assert [s.name for s in team.list_solutions(tmp_plan)] == ["A", "C", "B"]
    team.reorder_solutions(tmp_plan, previous)
    assert [s.id for s in team.list_solutions(tmp_plan)] == ids


def test_changes_are_announced_with_the_kinds_the_views_follow(tmp_plan: Plan) -> None:
    seen: list[str] = []
    tmp_plan.changes.subscribe(lambda changes: seen.extend(c.kind for c in changes))
    member_id = team.create_team_member(tmp_plan, {"name": "Ada"})
    team.delete_team_member(tmp_plan, member_id)
    solution_id = team.create_solution(tmp_plan, {"name": "Cloud"})
    team.delete_solution(tmp_plan, solution_id)
    assert seen == ["team_member", "team_member", "solution", "solution"]
