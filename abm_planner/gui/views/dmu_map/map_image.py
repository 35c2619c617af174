"""Accounts' DMU maps as PNG bytes for the exported workbook, drawn without a window.

The map tab's own scene and picture code draw them (org chart view, light theme),
on the thread that owns the ``QApplication``. The Excel export (no Qt) only
receives the bytes. ``MAX_MAP_ACCOUNTS`` keeps an export of many accounts from
spending minutes on pictures nobody asked to scroll through.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from PySide6.QtWidgets import QApplication

from abm_planner.dmu.records import ORG_CHART
from abm_planner.errors import NotFoundError
from abm_planner.gui.views.dmu_map import map_export, map_jobs
from abm_planner.gui.views.dmu_map.map_content import CardLabels
from abm_planner.gui.views.dmu_map.map_scene import DmuScene
from abm_planner.gui.views.dmu_map.map_theme import MapTheme
from abm_planner.services.dmu_analysis import load_account_dmu
from abm_planner.services.plans import Plan
from abm_planner.services.stakeholder_lines import list_lines

MAX_MAP_ACCOUNTS = 25
# Pixels the picture may have: twice the ~1600 × 1000 the workbook shows, for sharpness.
MAX_WIDTH = 3200
MAX_HEIGHT = 2000
_OFFSCREEN_APP: list[QApplication] = []


def account_map_png(
    plan: Plan, account_id: uuid.UUID, labels: CardLabels | None = None
) -> bytes | None:
    """The account's DMU map (org chart) as PNG bytes; None if it has no stakeholders."""
    try:
        dmu = load_account_dmu(plan, account_id)
        lines = list_lines(plan, account_id)
    except NotFoundError:
        return None
    if not dmu.people:
        return None
    scene = DmuScene(MapTheme.from_palette(QApplication.style().standardPalette()))
    try:
        scene.set_editable(False)
        scene.set_content((labels or CardLabels(plan)).cards(dmu), lines)
        scene.set_positions(map_jobs.compute_layout(dmu, ORG_CHART))
        rect = map_export.export_rect(scene)
        # A few pixels of slack: the picture's bounds are measured again while drawing
        # (without selection outlines) and may come out a fraction wider.
        scale = min(
            map_export.PNG_SCALE, (MAX_WIDTH - 8) / rect.width(), (MAX_HEIGHT - 8) / rect.height()
        )
        return map_export.png_bytes(scene, scale)
    finally:
        scene.clear()


def account_map_images(plan: Plan, account_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, bytes]:
    """PNG bytes of each account's map (accounts without stakeholders have none).

    Only for up to ``MAX_MAP_ACCOUNTS`` accounts: more give no pictures at all.
    """
    ids = list(dict.fromkeys(account_ids))
    if not ids or len(ids) > MAX_MAP_ACCOUNTS:
        return {}
    labels = CardLabels(plan)
    images = {}
    for account_id in ids:
        png = account_map_png(plan, account_id, labels)
        if png is not None:
            images[account_id] = png
    return images


def render_offscreen(plan: Plan, account_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, bytes]:
    """``account_map_images`` from a program without a window (the command line)."""
    import os

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if QApplication.instance() is None:
        _OFFSCREEN_APP.append(QApplication(["abm-planner"]))  # kept until the process ends
    return account_map_images(plan, account_ids)
