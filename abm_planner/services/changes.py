"""A tiny Qt-free observer: services announce what changed after each commit.

The GUI subscribes and turns a ``Change`` into model signals, so views refresh only
what a unit of work touched; the CLI simply never subscribes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Change:
    """``kind`` names the record type ("account", "stakeholder", ...) or "plan"."""

    kind: str
    ids: tuple[uuid.UUID, ...] = ()
    account_id: uuid.UUID | None = None


Listener = Callable[[list[Change]], None]


@dataclass(slots=True)
class ChangeHub:
    _listeners: list[Listener] = field(default_factory=list)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Register ``listener``; the returned function unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def publish(self, changes: list[Change]) -> None:
        if not changes:
            return
        for listener in list(self._listeners):
            listener(changes)
