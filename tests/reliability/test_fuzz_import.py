"""Fuzzed spreadsheets never crash the importer and never half-change a plan."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from fuzz_import import BAD, import_case, spreadsheets
from hypothesis import HealthCheck, given, settings

from abm_planner.services.plans import create_plan

_counter = itertools.count()


@pytest.fixture(scope="module")
def empty_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "Empty.abmplan"
    create_plan(path).close()
    return path


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=spreadsheets())
def test_a_fuzzed_spreadsheet_is_imported_or_refused_in_one_sentence(
    empty_plan: Path, tmp_path_factory: pytest.TempPathFactory, case: tuple[str, bytes, str]
) -> None:
    name, data, how = case
    folder = tmp_path_factory.mktemp(f"case{next(_counter)}")
    outcome = import_case(empty_plan, folder, name, data, how)
    assert outcome.result not in BAD, f"{how}: {outcome.result}: {outcome.detail}"
