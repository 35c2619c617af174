"""The app's SVG icons (``resources/icons``), found through ``abm_planner.assets``."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from abm_planner import assets


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; Qt renders it sharp at every scale."""
    path = assets.resource("icons", f"{name}.svg")
    if not path.is_file():
        raise FileNotFoundError(f"No icon named {name!r} in resources/icons")
    return QIcon(str(path))


def app_icon() -> QIcon:
    return icon("app")
