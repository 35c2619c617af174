"""The presenter's compact org chart: a wide DMU read from the back of the room.

Ahrenberg's 25 people make a fifteen-column org chart that a 1280×720 projector shows
at 31 %; the presenter lays it out compactly for its map instead (as the PDF handout
does), on screen only: the plan keeps no positions, a hand-set chart stays as the team
left it, and the desktop map is unchanged.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from abm_planner.dmu.records import INFLUENCE_MAP, ORG_CHART, REPORTS_TO, Position
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.dmu_map import map_jobs
from abm_planner.gui.views.dmu_map.map_tab import DmuMapTab
from abm_planner.gui.views.workshop.presenter_window import PresenterWindow
from abm_planner.gui.views.workshop.step_views import DmuStepView
from abm_planner.services import dmu_positions
from abm_planner.services.accounts import list_accounts
from abm_planner.services.dmu_analysis import load_account_dmu
from abm_planner.services.workshops import start_workshop

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")

WIDE = "Ahrenberg Antriebstechnik GmbH"  # 25 people, 15 org-chart columns
DESKTOP_FIT = 0.31  # what the presenter showed it at with the map's own org chart


def _account(context: PlanContext, name: str = WIDE) -> uuid.UUID:
    return next(a.id for a in list_accounts(context.plan) if a.name == name)


def _dmu_step(context: PlanContext, qtbot: QtBot) -> DmuStepView:
    workshop_id = start_workshop(
        context.plan,
        title="Back of the room",
        held_on=date(2026, 11, 23),
        account_ids=[_account(context)],
        participants=[],
    )
    window = PresenterWindow(context, workshop_id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.go_to_step([s.step for s in window.agenda].index("dmu"))
    view = window.current_view()
    assert isinstance(view, DmuStepView)
    return view


def _on_screen(view: DmuStepView) -> list[QRect]:
    return [
        view.map.view.mapFromScene(card.sceneBoundingRect()).boundingRect()
        for card in view.map.scene.cards.values()
    ]


def _same(shown: dict[uuid.UUID, Position], wanted: dict[uuid.UUID, Position]) -> bool:
    return shown.keys() == wanted.keys() and all(
        shown[i] == pytest.approx(wanted[i]) for i in wanted
    )


def _solid_reports_shown(tab: DmuMapTab) -> list[bool]:
    return [
        line.isVisible()
        for line in tab.scene.lines.values()
        if line.kind == REPORTS_TO and not line.row.dotted
    ]


def test_a_wide_dmu_is_laid_out_compactly_and_shown_larger(
    qtbot: QtBot, context: PlanContext
) -> None:
    view = _dmu_step(context, qtbot)
    tab = view.map
    assert len(tab.scene.cards) == 25
    assert view.compact.shown
    # Names half as large again as on the map's own fifteen-column chart (47 % against
    # 31 % at 1280×720), and all of it on screen.
    assert tab.view.zoom >= 0.45 > 1.4 * DESKTOP_FIT
    viewport = tab.view.viewport().rect()
    assert all(viewport.contains(rect) for rect in _on_screen(view))
    # The layout's connectors replace the solid reporting lines routed for the other one.
    assert view.compact.connectors.isVisible()
    assert not view.compact.connectors.path().isEmpty()
    assert not any(_solid_reports_shown(tab))
    # The toolbar's "Reporting lines" switch hides the connectors too.
    tab.toolbar.show_lines[REPORTS_TO].setChecked(False)
    assert not view.compact.connectors.isVisible()
    assert not any(_solid_reports_shown(tab))
    tab.toolbar.show_lines[REPORTS_TO].setChecked(True)
    assert view.compact.connectors.isVisible()
    assert not any(_solid_reports_shown(tab))

    # The influence view is the map's own, with its lines.
    tab.set_view(INFLUENCE_MAP)
    assert not view.compact.shown
    assert not view.compact.connectors.isVisible()
    assert all(_solid_reports_shown(tab))
    tab.set_view(ORG_CHART)
    assert view.compact.shown


def test_showing_and_dragging_the_compact_chart_writes_nothing(
    qtbot: QtBot, context: PlanContext
) -> None:
    account = _account(context)
    view = _dmu_step(context, qtbot)
    scene = view.map.scene
    card_id, card = next(iter(scene.cards.items()))
    before = card.pos()
    card.setPos(before.x() + 300, before.y() + 200)  # dropped on empty canvas
    scene.drop_cards([card_id], None)
    assert scene.cards[card_id].pos() == before  # back in its place
    assert context.undo_stack.count() == 0
    assert not load_account_dmu(context.plan, account).positions.get(ORG_CHART)


def test_a_hand_set_org_chart_keeps_its_positions(qtbot: QtBot, context: PlanContext) -> None:
    account = _account(context)
    dmu = load_account_dmu(context.plan, account)
    placed = map_jobs.compute_layout(dmu, ORG_CHART)
    head = dmu.ordered_people[0].id
    placed[head] = (placed[head][0] - 500.0, placed[head][1])
    dmu_positions.save_positions(context.plan, ORG_CHART, placed)

    view = _dmu_step(context, qtbot)
    assert not view.compact.shown
    assert _same(view.map.scene.positions(), placed)
    assert all(_solid_reports_shown(view.map))
    assert not view.compact.connectors.isVisible()
    # Dragging still saves, as in the main window.
    scene = view.map.scene
    card = scene.cards[head]
    card.setPos(card.x() + 40, card.y())
    scene.drop_cards([head], None)
    assert context.undo_stack.count() == 1
    saved = load_account_dmu(context.plan, account).positions[ORG_CHART]
    assert saved[head] == pytest.approx((placed[head][0] + 40, placed[head][1]))


def test_the_desktop_map_keeps_the_wide_org_chart(qtbot: QtBot, context: PlanContext) -> None:
    account = _account(context)
    tab = DmuMapTab(context)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    tab.show_account(account)
    expected = map_jobs.compute_layout(load_account_dmu(context.plan, account), ORG_CHART)
    assert _same(tab.scene.positions(), expected)
    assert all(_solid_reports_shown(tab))
