"""The presenter is dark on a light desktop theme too, reused views included."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.theme import apply_theme
from abm_planner.gui.views.workshop import presenter_theme as theme
from abm_planner.gui.views.workshop.presenter_window import PresenterWindow
from abm_planner.gui.views.workshop.step_views import DmuStepView
from abm_planner.services.accounts import list_accounts
from abm_planner.services.workshops import start_workshop

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


@pytest.fixture
def light_desktop(qapp: QApplication) -> Iterator[None]:
    style, palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    theme_before = qapp.property("abmTheme")
    apply_theme(qapp, "light")
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    if qapp.style().name() != style:
        qapp.setStyle(style)
    qapp.setProperty("abmTheme", theme_before)


def test_the_reused_map_and_its_toolbar_take_the_presenter_colours(
    qtbot: QtBot, context: PlanContext, light_desktop: None
) -> None:
    account = next(a.id for a in list_accounts(context.plan) if a.name.startswith("Ahrenberg A"))
    workshop = start_workshop(
        context.plan, title="T", held_on=date(2026, 11, 23), account_ids=[account], participants=[]
    )
    window = PresenterWindow(context, workshop)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.go_to_step([s.step for s in window.agenda].index("dmu"))
    view = window.current_view()
    assert isinstance(view, DmuStepView)
    light = QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 128
    assert light, "the desktop is light in this test"

    def colours_are_the_presenters() -> None:
        assert view.map.palette().color(QPalette.ColorRole.Window).name() == theme.BACKGROUND
        assert view.map.scene.backgroundBrush().color().lightness() < 64
        for button in view.map.findChildren(QToolButton):
            assert button.palette().color(QPalette.ColorRole.ButtonText).name() == theme.TEXT

    colours_are_the_presenters()
    window.zoom(1)  # a new style sheet re-polishes every widget
    colours_are_the_presenters()
