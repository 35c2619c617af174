"""Remembering how the user left the window: geometry, toolbars, splitter, table columns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter

from abm_planner.gui import settings as options
from abm_planner.gui.settings import Settings

if TYPE_CHECKING:
    from abm_planner.gui.views.portfolio_panel import PortfolioPanel

PORTFOLIO_WIDTH = 540


def restore_window(window: QMainWindow, settings: Settings) -> None:
    geometry = settings.get(options.WINDOW_GEOMETRY)
    if not geometry or not window.restoreGeometry(geometry):
        screen = QApplication.primaryScreen().availableGeometry()
        window.resize(min(1400, int(screen.width() * 0.9)), min(880, int(screen.height() * 0.9)))
        window.move(screen.center() - window.rect().center())
    state = settings.get(options.WINDOW_STATE)
    if state:
        window.restoreState(state)


def save_window(window: QMainWindow, settings: Settings) -> None:
    settings.set(options.WINDOW_GEOMETRY, window.saveGeometry().data())
    settings.set(options.WINDOW_STATE, window.saveState().data())


def restore_views(splitter: QSplitter, portfolio: PortfolioPanel, settings: Settings) -> None:
    state = settings.get(options.SPLITTER_STATE)
    if not state or not splitter.restoreState(state):
        width = max(splitter.window().width(), 1000)
        splitter.setSizes([PORTFOLIO_WIDTH, width - PORTFOLIO_WIDTH])
    header = settings.get(options.PORTFOLIO_STATE)
    if header:
        portfolio.restore_state(header)


def save_views(splitter: QSplitter, portfolio: PortfolioPanel, settings: Settings) -> None:
    settings.set(options.SPLITTER_STATE, splitter.saveState().data())
    settings.set(options.PORTFOLIO_STATE, portfolio.save_state())
