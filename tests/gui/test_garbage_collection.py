"""While background work runs, garbage is collected on the UI thread only."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from abm_planner.gui import garbage_collection as collection


@pytest.fixture
def automatic_collection() -> Iterator[None]:
    """These tests start from the app's normal state: automatic collection on."""
    gc.enable()
    yield
    gc.disable()  # tests/gui/conftest.py keeps it off during GUI tests


def test_background_work_switches_automatic_collection_off_until_the_last_job_ends(
    automatic_collection: None,
) -> None:
    collection.background_work_started()
    collection.background_work_started()
    assert not gc.isenabled()
    collection.background_work_ended()
    assert not gc.isenabled(), "one job still runs"
    collection.background_work_ended()
    assert gc.isenabled()


def test_collection_already_off_is_left_off(automatic_collection: None) -> None:
    gc.disable()
    collection.background_work_started()
    collection.background_work_ended()
    assert not gc.isenabled()


def test_a_due_generation_is_collected() -> None:
    threshold = gc.get_threshold()
    try:
        gc.set_threshold(5, 10, 10)
        cycles = []
        for _ in range(50):
            node: list[object] = []
            node.append(node)
            cycles.append(node)
        del cycles, node
        assert collection.collect_if_due() > 0
        gc.set_threshold(1_000_000, 10, 10)
        gc.collect()
        assert collection.collect_if_due() == 0, "nothing is due below the thresholds"
    finally:
        gc.set_threshold(*threshold)
