"""Which screen the presenter goes to: the projector, not the facilitator's laptop.

With a projector attached, the laptop's own panel is usually the primary screen and
the projector the second one, so the second screen is the default; the start dialog
lets the facilitator pick another. The choice is kept by screen name for the rest of
the session (screens come and go when a cable is plugged in, names stay).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("PresenterScreens", text)


def screen_label(screen: QScreen, number: int) -> str:
    size = screen.geometry()
    primary = screen == QGuiApplication.primaryScreen()
    where = _tr("primary") if primary else _tr("second") if number == 2 else ""
    name = screen.name() or _tr("Screen {n}").format(n=number)
    suffix = f" · {where}" if where else ""
    return f"{number}: {name} ({size.width()}×{size.height()}){suffix}"


def preferred_screen(name: str | None = None) -> QScreen:
    """The screen called ``name`` if it is attached, else the first that is not primary."""
    screens = QGuiApplication.screens()
    for screen in screens:
        if name and screen.name() == name:
            return screen
    primary = QGuiApplication.primaryScreen()
    others = [screen for screen in screens if screen != primary]
    return others[0] if others else primary


def show_full_screen_on(window: QWidget, screen: QScreen) -> None:
    """Put ``window`` full screen on ``screen`` (moving it there first, as X11 needs)."""
    if window.isFullScreen():
        window.showNormal()
    window.setScreen(screen)
    window.move(screen.geometry().topLeft())
    window.resize(screen.geometry().size())
    window.showFullScreen()
