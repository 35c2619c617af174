"""Lines between stakeholders: add, delete and restore, set a manager, and the refusals."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from abm_planner.errors import NotFoundError, ReadOnlyPlanError, UserError
from abm_planner.services import stakeholder_lines as lines
from abm_planner.services.accounts import create_account
from abm_planner.services.changes import Change
from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.stakeholders import create_stakeholder, delete_stakeholder


class Org:
    """One account with a small team: Anna heads it, Ben and Cleo report to her."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.account = create_account(plan, {"name": "Acme GmbH"})
        self.other_account = create_account(plan, {"name": "Globex Ltd"})
        self.anna = self.person("Anna Adler")
        self.ben = self.person("Ben Brandt")
        self.cleo = self.person("Cleo Clausen")
        self.dan = self.person("Dan Dorn")
        self.outsider = create_stakeholder(plan, self.other_account, {"name": "Olga Ost"})
        for child in (self.ben, self.cleo):
            lines.add_line(plan, self.account, child, self.anna, "reports_to")

    def person(self, name: str) -> uuid.UUID:
        return create_stakeholder(self.plan, self.account, {"name": name})

    def lines(self) -> set[tuple[uuid.UUID, uuid.UUID, str, bool]]:
        return {
            (row.source_id, row.target_id, row.kind, row.dotted)
            for row in lines.list_lines(self.plan, self.account)
        }


@pytest.fixture
def org(tmp_plan: Plan) -> Org:
    return Org(tmp_plan)


@pytest.fixture
def changes(tmp_plan: Plan) -> list[Change]:
    seen: list[Change] = []
    tmp_plan.changes.subscribe(seen.extend)
    return seen


def test_lines_are_listed_with_their_kind(org: Org) -> None:
    assert org.lines() == {
        (org.ben, org.anna, "reports_to", False),
        (org.cleo, org.anna, "reports_to", False),
    }
    assert lines.list_lines(org.plan, org.other_account) == []


def test_adding_an_influence_line_announces_it(org: Org, changes: list[Change]) -> None:
    line_id = lines.add_line(org.plan, org.account, org.dan, org.anna, "influences", strength=3)
    row = next(r for r in lines.list_lines(org.plan, org.account) if r.id == line_id)
    assert (row.source_id, row.target_id, row.kind, row.strength) == (
        org.dan,
        org.anna,
        "influences",
        3,
    )
    assert changes == [Change("stakeholder_line", (line_id,), org.account)]


def test_dotted_only_applies_to_reporting_lines(org: Org) -> None:
    lines.add_line(org.plan, org.account, org.dan, org.ben, "reports_to", dotted=True)
    lines.add_line(org.plan, org.account, org.dan, org.cleo, "conflicts_with", dotted=True)
    assert (org.dan, org.ben, "reports_to", True) in org.lines()
    assert (org.dan, org.cleo, "conflicts_with", False) in org.lines()


def test_a_deleted_line_comes_back_exactly(org: Org, changes: list[Change]) -> None:
    line_id = lines.add_line(org.plan, org.account, org.dan, org.anna, "influences")
    before = lines.list_lines(org.plan, org.account)
    row = lines.delete_line(org.plan, line_id)
    assert row["id"] == line_id
    assert row["kind"] == "influences"
    assert {"created_at", "updated_at", "version"} <= set(row)
    assert line_id not in {r.id for r in lines.list_lines(org.plan, org.account)}
    lines.restore_line(org.plan, row)
    assert lines.list_lines(org.plan, org.account) == before
    assert [c.kind for c in changes] == ["stakeholder_line"] * 3
    with pytest.raises(NotFoundError, match="line no longer exists"):
        lines.delete_line(org.plan, uuid.uuid4())


def test_a_line_to_oneself_is_refused(org: Org) -> None:
    with pytest.raises(UserError, match="Anna Adler cannot have a line to themself"):
        lines.add_line(org.plan, org.account, org.anna, org.anna, "influences")


def test_a_line_to_another_account_is_refused(org: Org) -> None:
    with pytest.raises(UserError, match="Olga Ost works for Globex Ltd, not for Acme GmbH"):
        lines.add_line(org.plan, org.account, org.anna, org.outsider, "conflicts_with")
    with pytest.raises(UserError, match="not a stakeholder of Globex Ltd"):
        lines.add_line(org.plan, org.other_account, org.anna, org.ben, "influences")


def test_duplicate_lines_are_refused_naming_the_people(org: Org) -> None:
    lines.add_line(org.plan, org.account, org.dan, org.anna, "influences")
    with pytest.raises(UserError, match="Dan Dorn already influences Anna Adler"):
        lines.add_line(org.plan, org.account, org.dan, org.anna, "influences")
    lines.add_line(org.plan, org.account, org.anna, org.dan, "influences")  # the other way is new
    lines.add_line(org.plan, org.account, org.ben, org.cleo, "conflicts_with")
    with pytest.raises(UserError, match="already marked as in conflict"):
        lines.add_line(org.plan, org.account, org.cleo, org.ben, "conflicts_with")
    with pytest.raises(UserError, match="Ben Brandt already reports to Anna Adler"):
        lines.add_line(org.plan, org.account, org.ben, org.anna, "reports_to", dotted=True)


def test_strength_and_kind_are_checked(org: Org) -> None:
    with pytest.raises(UserError, match="1 \\(weak\\), 2 \\(medium\\) or 3 \\(strong\\)"):
        lines.add_line(org.plan, org.account, org.dan, org.anna, "influences", strength=5)
    with pytest.raises(ValueError, match="unknown line kind"):
        lines.add_line(org.plan, org.account, org.dan, org.anna, "likes")


def test_missing_people_are_reported(org: Org) -> None:
    with pytest.raises(NotFoundError, match="stakeholder no longer exists"):
        lines.add_line(org.plan, org.account, org.dan, uuid.uuid4(), "influences")
    with pytest.raises(NotFoundError, match="stakeholder no longer exists"):
        lines.set_manager(org.plan, uuid.uuid4(), org.anna)


def test_set_manager_replaces_the_solid_line_and_keeps_dotted_ones(
    org: Org, changes: list[Change]
) -> None:
    lines.add_line(org.plan, org.account, org.cleo, org.dan, "reports_to", dotted=True)
    before = lines.list_lines(org.plan, org.account)
    change = lines.set_manager(org.plan, org.cleo, org.ben)
    assert lines.manager_of(org.plan, org.cleo) == org.ben
    assert (org.cleo, org.anna, "reports_to", False) not in org.lines()
    assert (org.cleo, org.dan, "reports_to", True) in org.lines()
    assert [row["target_id"] for row in change.removed] == [org.anna]
    assert change.added_id is not None
    assert changes[-1].kind == "stakeholder_line"
    assert set(changes[-1].ids) == {change.removed[0]["id"], change.added_id}

    lines.restore_manager(org.plan, change)
    assert lines.list_lines(org.plan, org.account) == before
    # redo makes the same line again, so later steps naming it still find it
    again = lines.set_manager(org.plan, org.cleo, org.ben, line_id=change.added_id)
    assert again.added_id == change.added_id


def test_a_dotted_manager_who_becomes_the_manager_loses_the_dotted_line(org: Org) -> None:
    lines.add_line(org.plan, org.account, org.cleo, org.dan, "reports_to", dotted=True)
    change = lines.set_manager(org.plan, org.cleo, org.dan)
    assert {(s, t, d) for s, t, k, d in org.lines() if s == org.cleo} == {
        (org.cleo, org.dan, False)
    }
    assert len(change.removed) == 2


def test_removing_the_manager(org: Org) -> None:
    change = lines.set_manager(org.plan, org.ben, None)
    assert change.added_id is None
    assert lines.manager_of(org.plan, org.ben) is None
    lines.restore_manager(org.plan, change)
    assert lines.manager_of(org.plan, org.ben) == org.anna
    nothing = lines.set_manager(org.plan, org.dan, None)  # had none: nothing changes
    assert nothing.removed == ()


def test_manager_refusals(org: Org) -> None:
    with pytest.raises(UserError, match="Ben Brandt cannot have a line to themself"):
        lines.set_manager(org.plan, org.ben, org.ben)
    with pytest.raises(UserError, match="Olga Ost works for Globex Ltd"):
        lines.set_manager(org.plan, org.ben, org.outsider)
    with pytest.raises(UserError, match="Ben Brandt already reports to Anna Adler"):
        lines.set_manager(org.plan, org.ben, org.anna)
    lines.set_manager(org.plan, org.dan, org.ben)  # Dan -> Ben -> Anna
    with pytest.raises(UserError, match="Dan Dorn already reports to Anna Adler, directly or"):
        lines.set_manager(org.plan, org.anna, org.dan)
    with pytest.raises(UserError, match="directly or through others"):
        lines.add_line(org.plan, org.account, org.anna, org.dan, "reports_to", dotted=True)
    # a refused change leaves everything as it was
    assert lines.manager_of(org.plan, org.anna) is None
    assert lines.manager_of(org.plan, org.ben) == org.anna


def test_restoring_a_line_of_a_deleted_person_is_refused(org: Org) -> None:
    line_id = lines.add_line(org.plan, org.account, org.dan, org.anna, "influences")
    row = lines.delete_line(org.plan, line_id)
    delete_stakeholder(org.plan, org.dan)
    with pytest.raises(NotFoundError, match="no longer exists"):
        lines.restore_line(org.plan, row)


def test_a_read_only_plan_refuses_lines(org: Org, tmp_path: Path) -> None:
    account, anna, dan = org.account, org.anna, org.dan
    org.plan.close()
    plan = open_plan(tmp_path / "Test plan.abmplan", read_only=True)
    try:
        with pytest.raises(ReadOnlyPlanError):
            lines.add_line(plan, account, dan, anna, "influences")
        with pytest.raises(ReadOnlyPlanError):
            lines.set_manager(plan, dan, anna)
    finally:
        plan.close()
