"""Two new records with one unique name, added offline and in the team: merged or asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sync_pairs import state, synced_pair

from abm_planner.cli import main
from abm_planner.services.plans import Plan
from abm_planner.services.sync import sync
from abm_planner.store.models import PlayTemplate, VocabularyTerm


@pytest.fixture
def pair(demo_plan_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with synced_pair(demo_plan_path, tmp_path) as plans:
        yield plans


def _add(plan: Plan, name: str, **values: object) -> PlayTemplate:
    with plan.write() as unit:
        template = PlayTemplate(name=name, **values)
        unit.session.add(template)
    return template


def _templates(plan: Plan, name: str) -> list[PlayTemplate]:
    with plan.read() as session:
        return list(session.scalars(select(PlayTemplate).where(PlayTemplate.name == name)))


def test_the_same_new_record_added_on_both_sides_is_merged_into_the_teams(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    _add(mine, "Executive dinner", description="Board-level dinner")
    theirs = _add(server, "Executive dinner", description="Board-level dinner")

    report = sync(mine, server)

    assert report.applied and not report.conflicts
    assert (report.sent, report.received, report.merged) == (0, 0, 1)
    for plan in (mine, server):
        [kept] = _templates(plan, "Executive dinner")
        assert kept.id == theirs.id  # what teammates may already point at stays
    assert state(mine) == state(server)
    assert sync(mine, server).changed_anything is False


def test_different_new_records_with_one_name_are_a_conflict_and_nothing_changes(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    _add(mine, "Executive dinner", description="Offline idea", duration_days=10)
    _add(server, "Executive dinner", description="Team idea", duration_days=10)
    before = state(mine, versions=True), state(server, versions=True)

    report = sync(mine, server)

    assert not report.applied
    [conflict] = report.unresolved
    assert (conflict.table, conflict.record, conflict.field) == (
        "play_templates",
        "Executive dinner",
        None,
    )
    assert conflict.mine == "added here (description: Offline idea)"
    assert conflict.theirs == "added in the team plan (description: Team idea)"
    assert (state(mine, versions=True), state(server, versions=True)) == before


@pytest.mark.parametrize(("prefer", "kept"), [("mine", "Offline idea"), ("theirs", "Team idea")])
def test_prefer_keeps_one_of_the_two_on_both_sides(pair, prefer: str, kept: str) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    ours = _add(mine, "Executive dinner", description="Offline idea")
    team = _add(server, "Executive dinner", description="Team idea")

    report = sync(mine, server, prefer=prefer)  # type: ignore[arg-type]

    assert report.applied and len(report.conflicts) == 1
    winner = ours if prefer == "mine" else team
    for plan in (mine, server):
        [template] = _templates(plan, "Executive dinner")
        assert (template.id, template.description) == (winner.id, kept)
    assert state(mine) == state(server)


def test_what_was_added_to_the_losing_record_goes_with_it_and_is_said(pair) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    with mine.read() as session:
        stage = session.scalars(
            select(VocabularyTerm).where(VocabularyTerm.kind == "stage")
        ).first()
    assert stage is not None
    with mine.write() as unit:
        template = PlayTemplate(name="Executive dinner", description="Offline idea")
        template.stages = [unit.session.merge(stage)]
        unit.session.add(template)
    _add(server, "Executive dinner", description="Team idea")

    report = sync(mine, server, prefer="theirs")

    [conflict] = report.conflicts
    assert "with 1 record(s) added to it" in conflict.mine
    for plan in (mine, server):
        [kept] = _templates(plan, "Executive dinner")
        assert (kept.description, kept.stages) == ("Team idea", [])
    assert state(mine) == state(server)


def test_the_command_lists_the_clash_and_exits_3(pair, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    _add(mine, "Executive dinner", description="Offline idea")
    _add(server, "Executive dinner", description="Team idea")

    assert main(["sync", str(mine.path)]) == 3

    line = next(row for row in capsys.readouterr().out.splitlines() if "Executive" in row)
    for part in ("play_templates", "(record)", "added here", "added in the team plan"):
        assert part in line
    assert main(["sync", str(mine.path), "--prefer", "theirs"]) == 0
    assert len(_templates(server, "Executive dinner")) == 1
