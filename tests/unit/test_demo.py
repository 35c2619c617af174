"""The realistic demo plan: what a newcomer sees when they first open the app."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from abm_planner.domain.scoring import fit_score
from abm_planner.services.plans import open_plan
from abm_planner.store.models import (
    Account,
    Criterion,
    CriterionScore,
    Objective,
    PlanSettings,
    PlayAssignment,
    Solution,
    Stakeholder,
    StakeholderLine,
    Whitespace,
    play_targets,
)


@pytest.fixture(scope="module")
def demo(demo_plan_path: Path) -> Iterator[Session]:
    plan = open_plan(demo_plan_path, read_only=True)
    try:
        with plan.read() as session:
            yield session
    finally:
        plan.close()


def per_account(session: Session, column: object) -> Counter[uuid.UUID]:
    return Counter(session.scalars(select(column)))  # type: ignore[call-overload]


def test_the_demo_is_a_portfolio_of_about_a_dozen_accounts(demo: Session) -> None:
    names = demo.scalars(select(Account.name)).all()
    assert 10 <= len(names) <= 15
    assert len(set(names)) == len(names)
    settings = demo.scalars(select(PlanSettings)).one()
    assert settings.name
    assert settings.handoff_from_id is not None
    assert settings.handoff_to_id is not None


def test_every_account_has_a_believable_buying_group(demo: Session) -> None:
    accounts = demo.scalars(select(Account.id)).all()
    people = per_account(demo, Stakeholder.account_id)
    for account in accounts:
        assert 6 <= people[account] <= 25, account


def test_every_account_maps_who_reports_to_and_influences_whom(demo: Session) -> None:
    kinds: dict[uuid.UUID, set[str]] = defaultdict(set)
    for account_id, kind in demo.execute(select(StakeholderLine.account_id, StakeholderLine.kind)):
        kinds[account_id].add(kind)
    for account in demo.scalars(select(Account.id)):
        assert {"reports_to", "influences"} <= kinds[account], account


def test_lines_join_people_of_the_same_account(demo: Session) -> None:
    home = dict(demo.execute(select(Stakeholder.id, Stakeholder.account_id)).all())
    for line in demo.scalars(select(StakeholderLine)):
        assert home[line.source_id] == home[line.target_id] == line.account_id
        assert line.source_id != line.target_id


def test_every_account_runs_plays_aimed_at_its_own_people(demo: Session) -> None:
    plays = per_account(demo, PlayAssignment.account_id)
    for account in demo.scalars(select(Account.id)):
        assert plays[account] >= 1, account

    home = dict(demo.execute(select(Stakeholder.id, Stakeholder.account_id)).all())
    play_account = dict(demo.execute(select(PlayAssignment.id, PlayAssignment.account_id)).all())
    targets = demo.execute(select(play_targets.c.assignment_id, play_targets.c.stakeholder_id))
    targeted = set()
    for assignment_id, stakeholder_id in targets:
        assert home[stakeholder_id] == play_account[assignment_id]
        targeted.add(assignment_id)
    assert targeted, "plays name the stakeholders they target"
    for play in demo.scalars(select(PlayAssignment)):
        assert play.start_on is not None
        assert play.end_on is not None
        assert play.end_on >= play.start_on


def test_every_account_has_objectives(demo: Session) -> None:
    objectives = per_account(demo, Objective.account_id)
    for account in demo.scalars(select(Account.id)):
        assert objectives[account] >= 1, account
    kinds = set(demo.scalars(select(Objective.kind)))
    assert {"customer", "ours"} <= kinds


def test_the_whitespace_map_is_filled_in(demo: Session) -> None:
    solutions = demo.scalars(select(Solution.id)).all()
    assert solutions
    cells = per_account(demo, Whitespace.account_id)
    for account in demo.scalars(select(Account.id)):
        assert cells[account] == len(solutions), account


def test_fit_scores_are_computed_from_the_criteria(demo: Session) -> None:
    weights = dict(demo.execute(select(Criterion.id, Criterion.weight)).all())
    scores: dict[uuid.UUID, list[tuple[float, int]]] = defaultdict(list)
    for score in demo.scalars(select(CriterionScore)):
        scores[score.account_id].append((weights[score.criterion_id], score.score))

    for account in demo.scalars(select(Account)):
        assert scores[account.id], f"{account.name} is scored on the agreed criteria"
        assert account.fit_score is not None
        assert account.fit_score == fit_score(scores[account.id]), account.name
    spread = {round(a.fit_score or 0, -1) for a in demo.scalars(select(Account))}
    assert len(spread) >= 3, "the demo shows strong and weak fits alike"


def test_the_demo_has_people_to_worry_about(demo: Session) -> None:
    """The demo exists to show DMU findings, so it carries some uncovered people."""
    uncovered = demo.scalars(
        select(Stakeholder).where(
            Stakeholder.sales_owner_id.is_(None), Stakeholder.marketing_owner_id.is_(None)
        )
    ).all()
    assert uncovered
