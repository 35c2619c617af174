"""Any two disjoint sets of edits, made offline and in the team, merge into their union."""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_pairs import account_named, accounts, edit, remove, state, synced_pair

from abm_planner.services.plans import Plan
from abm_planner.services.sync import sync
from abm_planner.store.models import Account, Stakeholder

ACCOUNT_FIELDS = ("notes", "region", "website", "country", "employees")
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)
MINE, THEIRS = True, False


def _value(name: str, draw_text: str, number: int) -> Any:
    return number if name == "employees" else draw_text


edits = st.dictionaries(
    st.tuples(st.integers(0, 11), st.sampled_from(ACCOUNT_FIELDS)),
    st.tuples(st.booleans(), TEXT, st.integers(0, 10**6)),
    max_size=8,
)
person_edits = st.dictionaries(
    st.integers(0, 39), st.tuples(st.booleans(), TEXT), max_size=5
)  # stakeholder index → (side, new title)
deletions = st.dictionaries(st.integers(0, 39), st.booleans(), max_size=4)
additions = st.lists(st.tuples(st.booleans(), TEXT), max_size=3)


def _people(plan: Plan) -> list[Stakeholder]:
    from sqlalchemy import select

    with plan.read() as session:
        return list(session.scalars(select(Stakeholder).order_by(Stakeholder.id)))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits, person_edits, deletions, additions)
def test_disjoint_edits_on_both_sides_merge_into_their_union(
    demo_plan_path: Path,
    account_edits: dict[tuple[int, str], tuple[bool, str, int]],
    title_edits: dict[int, tuple[bool, str]],
    deleted: dict[int, bool],
    added: list[tuple[bool, str]],
) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        synced_pair(demo_plan_path, Path(folder)) as (
            mine,
            server,
        ),
    ):
        sides = {MINE: mine, THEIRS: server}
        listed = accounts(mine)
        people = _people(mine)
        for (index, name), (side, text, number) in account_edits.items():
            account = listed[index % len(listed)]
            edit(sides[side], Account, account.id, **{name: _value(name, text, number)})
        deleted_ids = {people[i % len(people)].id: side for i, side in deleted.items()}
        titles = {
            people[i % len(people)].id: (side, text)
            for i, (side, text) in title_edits.items()
            if people[i % len(people)].id not in deleted_ids  # an edit against a deletion
        }  # would be a conflict, not a disjoint edit
        for person_id, (side, text) in titles.items():
            edit(sides[side], Stakeholder, person_id, title=text)
        for person_id, side in deleted_ids.items():
            remove(sides[side], Stakeholder, person_id)
        new_names = []
        for number, (side, text) in enumerate(added):
            name = f"New {number} {text}"
            new_names.append(name)
            with sides[side].write() as unit:
                unit.session.add(Account(id=uuid.uuid4(), name=name))

        report = sync(mine, server)

        assert report.applied and not report.conflicts
        assert state(mine) == state(server)
        for (index, name), (_side, text, number) in account_edits.items():
            account = account_named(server, listed[index % len(listed)].name)
            assert getattr(account, name) == _value(name, text, number)
        final_people = {p.id: p for p in _people(server)}
        assert not deleted_ids.keys() & final_people.keys()
        for person_id, (_side, text) in titles.items():
            assert final_people[person_id].title == text
        for name in new_names:
            assert account_named(mine, name) is not None
        assert sync(mine, server).changed_anything is False
