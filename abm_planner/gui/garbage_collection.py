"""Python's garbage collector kept on the UI thread while background work runs.

The collector runs in whichever thread happens to allocate when a threshold is
crossed. If that is a worker and the cycle it frees holds a Qt object, Qt destroys
the object from the wrong thread and the process can crash (seen in export and
analysis jobs). So while any background work runs, automatic collection is off and
a timer on the UI thread collects each generation when the collector's own
thresholds say it is due (qutebrowser answers the same problem the same way). With
no work running, collection is automatic as usual, so start-up and idle memory are
unaffected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 250

_state = {"jobs": 0, "paused": False}


def background_work_started() -> None:
    """A worker is about to run: collect only from the UI thread until it ends."""
    _state["jobs"] += 1
    if _state["jobs"] == 1 and gc.isenabled():
        gc.disable()
        _state["paused"] = True


def background_work_ended() -> None:
    """A worker has reported back; the last one gives automatic collection back."""
    _state["jobs"] = max(0, _state["jobs"] - 1)
    if _state["jobs"] == 0 and _state["paused"]:
        _state["paused"] = False
        gc.enable()


def collect_if_due() -> int:
    """Collect the oldest generation whose count passed its threshold; 0 if none."""
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation] > 0:
            return gc.collect(generation)
    return 0


class UiThreadCollector(QObject):
    """Collects on the UI thread whenever automatic collection is switched off."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        if not gc.isenabled():
            collect_if_due()

    def collect_if_due(self) -> int:
        return collect_if_due()
