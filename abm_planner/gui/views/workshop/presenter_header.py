"""The presenter's header: workshop, account, step n of m, and the step's countdown.

The step line also says how many steps are ticked off and marks the current one
with ✓ when it is done, so the room sees progress without a separate agenda list.

The countdown keeps the room to the agenda's time box without anyone watching a clock:
green while there is time, amber in the last minute, red (counting up) once over.
It restarts whenever the step changes; a step without a time box shows no clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

SOON_SECONDS = 60


def _tr(text: str) -> str:
    return QCoreApplication.translate("PresenterHeader", text)


def countdown_text(remaining: float | None) -> tuple[str, str]:
    """What the clock shows and its state (none, ok, soon, over) for ``remaining`` seconds."""
    if remaining is None:
        return _tr("no time box"), "none"
    seconds = int(abs(remaining) + (0.999 if remaining > 0 else 0))
    clock = f"{seconds // 60:02d}:{seconds % 60:02d}"
    if remaining < 0:
        return _tr("+{clock} over").format(clock=clock), "over"
    return clock, "soon" if remaining <= SOON_SECONDS else "ok"


DONE_MARK = "✓"


def step_text(number: int, total: int, title: str, *, done: bool, done_count: int) -> str:
    """The step line, e.g. "Step 2 of 5 · 1 done · ✓ Map the DMU".

    The count is left out while nothing is done, so a fresh agenda reads as before.
    """
    text = _tr("Step {n} of {m}").format(n=number, m=total)
    if done_count:
        text += " · " + _tr("{count} done").format(count=done_count)
    return f"{text} · {DONE_MARK} {title}" if done else f"{text} · {title}"


class Countdown(QObject):
    """Seconds left in the step's time box; ``ticked`` once a second while running."""

    ticked = Signal()

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] | None = None):
        super().__init__(parent)
        self._clock = clock or time.monotonic
        self._deadline: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.ticked)

    def start(self, minutes: int | None) -> None:
        """Count down ``minutes`` from now (None: no time box, the clock stops)."""
        if minutes is None or minutes <= 0:
            self._deadline = None
            self._timer.stop()
        else:
            self._deadline = self._clock() + minutes * 60
            self._timer.start()
        self.ticked.emit()

    def remaining(self) -> float | None:
        return None if self._deadline is None else self._deadline - self._clock()

    def stop(self) -> None:
        self._timer.stop()


class PresenterHeader(QFrame):
    """Title and account on the left, step and clock on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenterHeader")
        self.title = QLabel(self)
        self.title.setObjectName("presenterTitle")
        self.account = QLabel(self)
        self.account.setObjectName("presenterAccount")
        self.account.setAccessibleName(_tr("Account"))
        self.step = QLabel(self)
        self.step.setObjectName("presenterStep")
        self.step.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.clock = QLabel(self)
        self.clock.setObjectName("presenterCountdown")
        self.clock.setAccessibleName(_tr("Time left in this step"))
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = Countdown(self)
        self.countdown.ticked.connect(self._show_clock)

        for label in (self.title, self.account):
            # Zoomed in, a long title is cut at the step line, never drawn over it.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        left = QVBoxLayout()
        left.setSpacing(0)
        left.addWidget(self.title)
        left.addWidget(self.account)
        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(self.step)
        right.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 8, 20, 8)
        row.addLayout(left, 1)
        row.addLayout(right)

    def show_state(
        self,
        title: str,
        account: str,
        number: int,
        total: int,
        step_title: str,
        *,
        done: bool = False,
        done_count: int = 0,
    ) -> None:
        self.title.setText(title)
        self.account.setText(account)
        self.step.setText(step_text(number, total, step_title, done=done, done_count=done_count))
        self.step.setAccessibleDescription(_tr("This step is done") if done else "")

    def restart_clock(self, minutes: int | None) -> None:
        self.countdown.start(minutes)

    def _show_clock(self) -> None:
        text, state = countdown_text(self.countdown.remaining())
        self.clock.setText(text)
        if self.clock.property("state") != state:
            self.clock.setProperty("state", state)
            self.clock.style().unpolish(self.clock)
            self.clock.style().polish(self.clock)
