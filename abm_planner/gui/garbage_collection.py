"""Python's garbage collector, run only on the UI thread.

The collector runs in whichever thread happens to allocate when a threshold is
crossed. If that is a background job and the cycle it frees holds a Qt object, Qt
destroys the object from the wrong thread and the process can crash. qutebrowser
hit the same and answered it the same way: switch automatic collection off and
collect from a timer on the UI thread, following the collector's own thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 1000


class UiThreadCollector(QObject):
    """Disables automatic collection; collects each generation when it is due."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def collect_if_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold; 0 if none."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation] > 0:
                return gc.collect(generation)
        return 0
