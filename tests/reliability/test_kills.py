"""Kill -9 during writes: the plan is always as after the last commit, or the one after.

The fast tier: 21 kills (edits with backups running, CLI imports, demo --scale), two
at a time. ``make reliability`` runs 500 of them through the same functions.
"""

from __future__ import annotations

import itertools
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import kills
import pytest

KILLS_PER_WRITER = 7
MIN_KILLS = 20
MAX_ROUNDS = 14


@pytest.fixture(scope="module")
def references(template_plan: Path, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("references")
    return {
        "edits": kills.edit_reference(template_plan, folder, seed=11),
        "import": kills.import_reference(template_plan, folder),
        "demo": kills.demo_reference(template_plan, folder),
    }


def test_references_change_the_plan_step_by_step(references) -> None:
    edits = references["edits"]
    digests = [d for _label, d in edits.states]
    assert len(edits.states) > kills.EDIT_STEPS  # every step, and the deletes before undo
    assert all(a != b for a, b in itertools.pairwise(digests))
    assert references["import"].before != references["import"].after


def test_kill_minus_nine_never_leaves_a_damaged_or_half_written_plan(
    references, tmp_path: Path
) -> None:
    rng = random.Random(20261123)
    writers = (
        ("edits", kills.kill_edits),
        ("import", kills.kill_import),
        ("demo", kills.kill_demo),
    )
    verdicts: list[kills.Verdict] = []
    # A kill moment drawn late can miss a writer that ran faster than its reference; keep
    # going round the writers until 20 kills landed, so a fast machine cannot make it flaky.
    with ThreadPoolExecutor(max_workers=2) as pool:
        for n in range(MAX_ROUNDS):
            if n >= KILLS_PER_WRITER and sum(v.killed for v in verdicts) >= MIN_KILLS:
                break
            jobs = []
            for name, kill in writers:
                folder = tmp_path / f"{name}-{n}"
                folder.mkdir()
                jobs.append((kill, references[name], folder, random.Random(rng.random())))
            verdicts += pool.map(lambda job: job[0](*job[1:]), jobs)
    problems = [f"{v.kind}: {p}" for v in verdicts for p in v.problems]
    assert problems == []
    assert sum(v.killed for v in verdicts) >= MIN_KILLS
