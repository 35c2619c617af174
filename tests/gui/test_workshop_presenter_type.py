"""The presenter read from the back of a room at 1280×720: the reused widgets' type.

The DMU map, the timeline and the objectives table are the desktop's own widgets; in
the presenter they take larger type (the map's presenter card style, the timeline's
magnification, the objectives' row heights) while the desktop keeps its sizes.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontInfo, QFontMetrics
from pytestqt.qtbot import QtBot

from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.dmu_map.card_item import card_size
from abm_planner.gui.views.dmu_map.card_style import DESKTOP_CARDS, PRESENTER_CARDS, card_fonts
from abm_planner.gui.views.dmu_map.map_tab import DmuMapTab
from abm_planner.gui.views.workshop.presenter_theme import SCALE_STEP
from abm_planner.gui.views.workshop.presenter_window import PresenterWindow
from abm_planner.gui.views.workshop.step_views import (
    TIMELINE_MAGNIFICATION,
    DmuStepView,
    NeedsObjectivesView,
    PlaysTimelineView,
)
from abm_planner.services.accounts import list_accounts
from abm_planner.services.workshops import start_workshop

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")

BIG = "Nordhavn Logistics A/S"  # 22 people, 13 org-chart columns
SMALL = "Havenstad Verzekeringen N.V."  # 6 people
STEPS = ("criteria_tier", "dmu", "needs_objectives", "plays_timeline", "actions")


def _account(context: PlanContext, name: str) -> uuid.UUID:
    return next(a.id for a in list_accounts(context.plan) if a.name == name)


def _presenter(context: PlanContext, qtbot: QtBot, name: str = BIG) -> PresenterWindow:
    workshop_id = start_workshop(
        context.plan,
        title="Back of the room",
        held_on=date(2026, 11, 23),
        account_ids=[_account(context, name)],
        participants=[],
    )
    window = PresenterWindow(context, workshop_id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need the active window
    return window


def _go_to(window: PresenterWindow, kind: str) -> None:
    window.go_to_step([s.step for s in window.agenda].index(kind))


def _cards_on_screen(view: DmuStepView) -> list[QRect]:
    map_view = view.map.view
    return [
        map_view.mapFromScene(card.sceneBoundingRect()).boundingRect()
        for card in view.map.scene.cards.values()
    ]


def test_the_map_step_shows_the_whole_dmu_in_large_card_type(
    qtbot: QtBot, context: PlanContext
) -> None:
    window = _presenter(context, qtbot)
    _go_to(window, "dmu")
    view = window.current_view()
    assert isinstance(view, DmuStepView)
    cards = list(view.map.scene.cards.values())
    assert len(cards) == 22
    assert all(card.style == PRESENTER_CARDS for card in cards)
    fonts = card_fonts(PRESENTER_CARDS)
    assert fonts.name.pixelSize() >= 18
    assert min(fonts.title.pixelSize(), fonts.badge.pixelSize()) >= 14
    # Taller than on the desktop, so a long name takes two lines instead of being cut.
    assert cards[0].rect.height() > card_size(cards[0].info.influence)[1]

    viewport = view.map.view.viewport().rect()
    assert all(viewport.contains(rect) for rect in _cards_on_screen(view))
    fitted = view.map.view.zoom

    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    zoomed = view.map.view.zoom
    assert zoomed > fitted
    assert not all(viewport.contains(rect) for rect in _cards_on_screen(view))
    window.next_step()
    window.previous_step()  # coming back to the step fits the map again
    assert view.map.view.zoom < zoomed
    viewport = view.map.view.viewport().rect()
    assert all(viewport.contains(rect) for rect in _cards_on_screen(view))


def test_a_small_dmu_is_blown_up_so_names_read_across_the_room(
    qtbot: QtBot, context: PlanContext
) -> None:
    window = _presenter(context, qtbot, SMALL)
    _go_to(window, "dmu")
    view = window.current_view()
    assert isinstance(view, DmuStepView)
    viewport = view.map.view.viewport().rect()
    assert all(viewport.contains(rect) for rect in _cards_on_screen(view))
    on_screen = card_fonts(PRESENTER_CARDS).name.pixelSize() * view.map.view.zoom
    assert on_screen >= 14  # the desktop's 13 px names would be under 11 px here


def test_the_desktop_map_keeps_its_card_type(qtbot: QtBot, context: PlanContext) -> None:
    tab = DmuMapTab(context)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    tab.show_account(_account(context, SMALL))
    cards = list(tab.scene.cards.values())
    assert cards
    assert all(card.style == DESKTOP_CARDS for card in cards)
    fonts = card_fonts(DESKTOP_CARDS)
    assert (fonts.name.pixelSize(), fonts.title.pixelSize(), fonts.badge.pixelSize()) == (13, 11, 9)
    assert all(card.rect.height() == card_size(card.info.influence)[1] for card in cards)
    assert tab.view.fit_max == pytest.approx(1.2)


def test_the_timeline_is_magnified_and_ctrl_plus_grows_it(
    qtbot: QtBot, context: PlanContext
) -> None:
    window = _presenter(context, qtbot)
    _go_to(window, "plays_timeline")
    view = window.current_view()
    assert isinstance(view, PlaysTimelineView)
    timeline = view.timeline.view
    assert timeline.magnification == pytest.approx(TIMELINE_MAGNIFICATION)
    shown = [
        (placed.bar, rect)
        for placed in timeline.geometry_.blocks[0].bars
        if (rect := timeline.bar_rect(placed.bar.id)) is not None
        and timeline.viewport().rect().contains(rect.center())
    ]
    assert shown
    for bar, rect in shown:
        assert rect.height() >= round(18 * TIMELINE_MAGNIFICATION)
        # The mouse still finds the bar where it is drawn.
        assert bar.name in timeline.tooltip_at(rect.center())

    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert timeline.magnification == pytest.approx(TIMELINE_MAGNIFICATION * SCALE_STEP)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert timeline.magnification == pytest.approx(TIMELINE_MAGNIFICATION)


def test_objectives_are_in_large_type_with_rows_to_match(
    qtbot: QtBot, context: PlanContext
) -> None:
    window = _presenter(context, qtbot)
    _go_to(window, "needs_objectives")
    view = window.current_view()
    assert isinstance(view, NeedsObjectivesView)
    table = view.objectives.table
    assert table.model().rowCount() > 0
    assert QFontInfo(table.font()).pixelSize() >= 18
    line = QFontMetrics(table.font()).height()
    qtbot.waitUntil(lambda: table.rowHeight(0) >= line + 8)
    assert all(table.rowHeight(r) >= line + 8 for r in range(table.model().rowCount()))


def test_no_step_is_wider_than_a_1280_pixel_projector(qtbot: QtBot, context: PlanContext) -> None:
    window = _presenter(context, qtbot)
    for kind in STEPS:
        _go_to(window, kind)
        for part in (window.header, window.current_view(), window.footer):
            assert part.minimumSizeHint().width() <= 1280, (kind, part.objectName())
    window.toggle_estimates()
    assert window.current_view().minimumSizeHint().width() <= 1280
    assert window.width() == 1280
