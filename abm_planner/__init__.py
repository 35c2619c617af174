"""ABM Planner: one plan for sales and marketing to agree and run key-account work."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

APP_ID = "io.github.abmplanner.AbmPlanner"
"""One reverse-DNS id for the desktop: the .desktop and AppStream files, the MIME package,
the icon name, Qt's desktop file name and the macOS bundle identifier (packaging/)."""

try:
    __version__ = version("abm-planner")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"
