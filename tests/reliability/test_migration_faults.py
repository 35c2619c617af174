"""Upgrades killed half-way: the plan comes back as it was, or upgraded, never between.

``tests/unit/test_migrations.py`` makes a migration fail inside the process (and
checks the byte-for-byte restore and its message); here the upgrading process is
killed with SIGKILL instead, and ``make reliability`` does it many more times.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import kills

_spec = importlib.util.spec_from_file_location(
    "migration_fixtures", Path(__file__).parents[1] / "unit" / "test_migrations.py"
)
assert _spec is not None and _spec.loader is not None
migration_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(migration_fixtures)


def build_old_plan(path: Path) -> None:
    migration_fixtures.build_revision_1_plan(path)


def test_an_upgrade_killed_half_way_is_finished_by_the_next_open(tmp_path: Path) -> None:
    reference = kills.upgrade_reference(tmp_path, build_old_plan)
    rng = random.Random(5)
    verdicts = []
    for n in range(1):
        folder = tmp_path / f"kill {n}"
        folder.mkdir()
        verdicts.append(kills.kill_upgrade(reference, folder, rng))
    assert [p for v in verdicts for p in v.problems] == []
