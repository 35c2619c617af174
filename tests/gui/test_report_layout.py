"""The handout's compact org chart: every card placed, none overlapping, and narrower
than the map tab's chart when the page is the limit."""

from __future__ import annotations

import itertools
from pathlib import Path

from abm_planner.dmu.layout import org_chart_layout
from abm_planner.gui.report.org_layout import compact_org_chart, reporting_tree
from abm_planner.gui.views.dmu_map.card_item import card_size
from abm_planner.services.dmu_analysis import iter_account_dmus
from abm_planner.services.plans import open_plan

BOX = (490.0, 290.0)  # points: the map's room beside the findings on an A4 page
MAX_SCALE = 0.62


def _boxes(positions, sizes):
    return {
        i: (x - sizes[i][0] / 2, y - sizes[i][1] / 2, x + sizes[i][0] / 2, y + sizes[i][1] / 2)
        for i, (x, y) in positions.items()
    }


def test_every_demo_dmu_is_placed_without_overlaps_and_as_large_as_the_org_chart(
    demo_plan_path: Path,
):
    plan = open_plan(demo_plan_path, read_only=True)
    try:
        dmus = [dmu for dmu in iter_account_dmus(plan) if dmu.people]
    finally:
        plan.close()
    gains = []
    for dmu in dmus:
        sizes = {p.id: card_size(p.influence) for p in dmu.people}
        layout = compact_org_chart(dmu, sizes.__getitem__, BOX, MAX_SCALE)
        assert set(layout.positions) == set(sizes), dmu.account
        boxes = _boxes(layout.positions, sizes)
        for a, b in itertools.combinations(boxes.values(), 2):
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], dmu.account
        plain = _boxes(org_chart_layout(dmu, fixed={}), sizes)
        width = max(b[2] for b in plain.values()) - min(b[0] for b in plain.values())
        height = max(b[3] for b in plain.values()) - min(b[1] for b in plain.values())
        plain_scale = min(BOX[0] / width, BOX[1] / height, MAX_SCALE)
        assert layout.scale >= plain_scale * 0.98, dmu.account
        gains.append(layout.scale / plain_scale)
    assert max(gains) > 1.3  # the big DMUs print markedly larger


def test_a_reporting_circle_is_cut_and_everyone_still_appears(demo_plan_path: Path):
    plan = open_plan(demo_plan_path, read_only=True)
    try:
        dmus = [dmu for dmu in iter_account_dmus(plan) if dmu.people]
    finally:
        plan.close()
    for dmu in dmus:
        reports, heads = reporting_tree(dmu)
        seen = set(heads)
        stack = list(heads)
        while stack:
            for person in reports.get(stack.pop(), []):
                assert person not in seen
                seen.add(person)
                stack.append(person)
        assert seen == {p.id for p in dmu.people}, dmu.account
