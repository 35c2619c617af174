"""The app's preferences: one declared list of options over ``QSettings``.

Nothing else in the app touches ``QSettings``; every key, its type and its default
is in ``OPTIONS`` below, so a reader sees at a glance what the app remembers.
Setting ``ABM_PLANNER_SETTINGS`` to a file path keeps the settings in that INI file
instead of the platform's place (tests and the screenshot script use it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_FILE_VARIABLE = "ABM_PLANNER_SETTINGS"
THEMES = ("system", "light", "dark")
MAX_RECENT_FILES = 10


@dataclass(frozen=True, slots=True)
class Option:
    key: str
    type: type
    default: Any
    choices: tuple[str, ...] = ()


THEME = Option("appearance/theme", str, "system", THEMES)
DEFAULT_OWNER = Option("editing/default_owner", str, "")
RECENT_FILES = Option("files/recent", list, ())
RECENT_SERVERS = Option("files/recent_servers", list, ())  # team plan URLs, never a password
LAST_PLAN = Option("files/last_plan", str, "")
WINDOW_GEOMETRY = Option("window/geometry", bytes, b"")
WINDOW_STATE = Option("window/state", bytes, b"")
SPLITTER_STATE = Option("window/splitter", bytes, b"")
PORTFOLIO_STATE = Option("window/portfolio_header", bytes, b"")

OPTIONS: tuple[Option, ...] = (
    THEME,
    DEFAULT_OWNER,
    RECENT_FILES,
    RECENT_SERVERS,
    LAST_PLAN,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    SPLITTER_STATE,
    PORTFOLIO_STATE,
)


class Settings:
    """Typed access to the declared options; unknown or malformed values read as defaults."""

    def __init__(self, store: QSettings | None = None) -> None:
        if store is None:
            override = os.environ.get(SETTINGS_FILE_VARIABLE)
            store = QSettings(override, QSettings.Format.IniFormat) if override else QSettings()
        self._store = store

    @property
    def file_name(self) -> str:
        return self._store.fileName()

    def get(self, option: Option) -> Any:
        if option not in OPTIONS:
            raise KeyError(option.key)
        if not self._store.contains(option.key):
            return _copy(option.default)
        if option.type is bytes:
            data = self._store.value(option.key, QByteArray(), type=QByteArray)
            return bytes(data.data()) if isinstance(data, QByteArray) else b""
        if option.type is list:
            items = self._store.value(option.key, [], type=list)
            return [str(item) for item in items if item] if isinstance(items, list) else []
        raw = self._store.value(option.key)
        value = raw if isinstance(raw, str) else option.default
        if option.choices and value not in option.choices:
            return option.default
        return value

    def set(self, option: Option, value: Any) -> None:
        if option not in OPTIONS:
            raise KeyError(option.key)
        if option.type is bytes:
            self._store.setValue(option.key, QByteArray(bytes(value)))
        elif option.type is list:
            self._store.setValue(option.key, [str(item) for item in value])
        else:
            if option.choices and value not in option.choices:
                raise ValueError(f"{option.key} must be one of {', '.join(option.choices)}")
            self._store.setValue(option.key, str(value))

    def sync(self) -> None:
        self._store.sync()

    # Conveniences for the options with rules of their own.

    @property
    def theme(self) -> str:
        return str(self.get(THEME))

    @theme.setter
    def theme(self, value: str) -> None:
        self.set(THEME, value)

    @property
    def default_owner(self) -> str:
        return str(self.get(DEFAULT_OWNER))

    @default_owner.setter
    def default_owner(self, value: str) -> None:
        self.set(DEFAULT_OWNER, value.strip())

    @property
    def last_plan(self) -> Path | None:
        text = self.get(LAST_PLAN)
        return Path(text) if text else None

    @last_plan.setter
    def last_plan(self, value: Path | None) -> None:
        self.set(LAST_PLAN, str(value) if value else "")

    def recent_files(self) -> list[Path]:
        """Most recent first; files that no longer exist are dropped (and forgotten)."""
        stored = self.get(RECENT_FILES)
        existing = [Path(item) for item in stored if Path(item).is_file()]
        if len(existing) != len(stored):
            self.set(RECENT_FILES, existing)
        return existing

    def add_recent_file(self, path: Path) -> None:
        path = path.resolve()
        others = [item for item in self.recent_files() if item.resolve() != path]
        self.set(RECENT_FILES, [path, *others][:MAX_RECENT_FILES])

    def clear_recent_files(self) -> None:
        self.set(RECENT_FILES, [])

    def recent_servers(self) -> list[str]:
        """Team plans opened before (URLs without password), most recent first."""
        return list(self.get(RECENT_SERVERS))

    def add_recent_server(self, url: str) -> None:
        """Remember a team plan's URL; a password in it is dropped before it is stored."""
        from abm_planner.store.plan_location import display_location

        shown = display_location(url)
        others = [item for item in self.recent_servers() if item != shown]
        self.set(RECENT_SERVERS, [shown, *others][:MAX_RECENT_FILES])


def _copy(default: Any) -> Any:
    return list(default) if isinstance(default, tuple) else default
