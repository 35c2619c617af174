"""Property: whatever field edits are made after a snapshot, ``changes`` names exactly them."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from abm_planner.services.plan_changes import changes_since
from abm_planner.services.plan_snapshots import take_snapshot
from abm_planner.services.plans import Plan, open_plan
from abm_planner.store.models import Account

FIELDS = {
    "notes": st.text(max_size=30),
    "region": st.sampled_from(["", "DACH", "Nordics", "Benelux"]),
    "employees": st.none() | st.integers(min_value=0, max_value=500_000),
    "fit_score": st.none() | st.floats(min_value=0, max_value=100, allow_nan=False),
}
_labels = itertools.count()


@pytest.fixture(scope="module")
def shared_plan(demo_plan_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Plan]:
    copy = tmp_path_factory.mktemp("changes-property") / "Property.abmplan"
    shutil.copyfile(demo_plan_path, copy)
    plan = open_plan(copy)
    try:
        yield plan
    finally:
        plan.close()


edits = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=9),
        st.sampled_from(sorted(FIELDS)),
        st.data(),
    ),
    max_size=6,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=edits)
def test_changes_name_exactly_the_fields_that_differ(shared_plan: Plan, edits: list) -> None:
    label = f"Property {next(_labels)}"
    take_snapshot(shared_plan, label)
    with shared_plan.read() as session:
        before = {
            a.id: {name: getattr(a, name) for name in FIELDS}
            for a in session.scalars(select(Account).order_by(Account.name))
        }
    ids = list(before)
    after = {account_id: dict(values) for account_id, values in before.items()}
    with shared_plan.write() as unit:
        for index, name, data in edits:
            account = unit.session.get(Account, ids[index])
            assert account is not None
            value = data.draw(FIELDS[name])
            setattr(account, name, value)
            after[account.id][name] = value

    report = changes_since(shared_plan, label)

    expected = {
        (str(account_id), name, after[account_id][name])
        for account_id, values in before.items()
        for name, old in values.items()
        if after[account_id][name] != old
    }
    assert {(i["record"], i["field"], i["new"]) for i in report.changed} == expected
    assert report.added == [] and report.removed == []
