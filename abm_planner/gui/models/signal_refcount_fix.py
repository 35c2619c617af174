"""Work around PySide6 6.12.0 losing a reference to ``True`` on every ``Signal.emit()``.

``SignalInstance.emit()`` returns ``True`` without owning a reference to it, so each
emit from Python lowers ``True``'s reference count by one. On Python 3.11 the app
then aborts after some thousands of emits ("bool_dealloc: deallocating True or
False") — a filter pass or an hour of clicking is enough. Python 3.12 made ``True``
immortal, which makes the bug harmless; on older CPythons we do the same by hand,
once, and only when a probe shows the leak (so a fixed PySide6 leaves it alone).
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

# Far more emits than any session makes; the count of True is never near overflow.
_LIFT = 1 << 40
_PROBES = 8
_state = {"checked": False, "applied": False}


class _Probe(QObject):
    fired = Signal()


def emit_leaks_true() -> bool:
    """Whether emitting a signal from Python loses a reference to ``True``."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.fired.emit()
    return sys.getrefcount(True) <= before - _PROBES


def protect_true() -> bool:
    """Make ``True`` immortal if this PySide6 needs it; True when the fix was applied."""
    if _state["checked"]:
        return _state["applied"]
    _state["checked"] = True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if emit_leaks_true():
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(True)).value += _LIFT
        _state["applied"] = True
    return _state["applied"]
