"""The presenter view: the workshop on the projector, one agenda step at a time.

A top-level window, full screen on the chosen screen, in the high-contrast theme of
``presenter_theme``. Everything is on the keyboard so the facilitator never hunts in
menus: Right/PageDown and Left/PageUp walk the agenda, Ctrl+PageDown/PageUp the
accounts, Ctrl+= and Ctrl+- zoom, D and A open the one-line capture box for a
decision or an action, E switches to the blind estimates, Ctrl+Enter ticks the step
off (or back on), Esc leaves full screen and then closes. Edits made here are undo
commands on the plan's stack; Ctrl+Z undoes them. Only the facilitator ticks a step
off: moving on, even after its time box ran out, leaves it as it was.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from abm_planner.errors import UserError
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.workshop import presenter_theme as theme
from abm_planner.gui.views.workshop.capture_box import CaptureBox
from abm_planner.gui.views.workshop.presenter_header import PresenterHeader
from abm_planner.gui.views.workshop.step_views import (
    CriteriaTierView,
    CustomStepView,
    DmuStepView,
    NeedsObjectivesView,
    PlaysTimelineView,
)
from abm_planner.services.changes import Change
from abm_planner.services.workshops import AgendaStepView, WorkshopView, workshop_view

KEY_HINTS = (
    "→ ← step   Ctrl+PgDn account   D decision   A action   E estimates   "
    "Ctrl+Enter done   Ctrl ± zoom   Ctrl+Z undo   Esc exit"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PresenterWindow", text)


class PresenterWindow(QWidget):
    """One workshop, full screen, driven from the keyboard."""

    step_changed = Signal(int)

    def __init__(
        self, context: PlanContext, workshop_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenterWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.context = context
        self.workshop_id = workshop_id
        self.workshop: WorkshopView = self._load()
        self.step_index = 0
        self.account_index = 0
        self.showing_estimates = False
        self.type = theme.PresenterType()
        self._views: dict[str, QWidget] = {}

        self.setPalette(theme.presenter_palette())
        self.setAutoFillBackground(True)
        self.header = PresenterHeader(self)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("presenterSteps")
        self.capture = CaptureBox(context, self)
        self.capture.hide()
        self.capture.closed.connect(self._after_capture)
        footer = QFrame(self)
        footer.setObjectName("presenterFooter")
        hints = QLabel(_tr(KEY_HINTS), footer)
        hints.setObjectName("keyHints")
        hints.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hints.setWordWrap(True)  # a second line rather than a window wider than the screen
        QHBoxLayout(footer).addWidget(hints)
        self.footer = footer
        layout = QVBoxLayout(self)
        # The window is the screen: a wide step squeezes, it never pushes the window
        # past the projector's edge (where the room would lose its right-hand side).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.capture)
        layout.addWidget(footer)
        self._apply_type()
        self._install_keys()
        context.events.changed.connect(self._on_changed)
        self.setWindowTitle(_tr("Presenter — {title}").format(title=self.workshop.title))
        self.resize(1280, 720)
        self._show_step()

    # -- state ---------------------------------------------------------------------------

    def _load(self) -> WorkshopView:
        with self.context.plan.read() as session:
            return workshop_view(session, self.workshop_id)

    @property
    def agenda(self) -> list[AgendaStepView]:
        return list(self.workshop.agenda)

    @property
    def account_id(self) -> uuid.UUID | None:
        accounts = self.workshop.accounts
        return accounts[self.account_index][0] if accounts else None

    @property
    def account_name(self) -> str:
        accounts = self.workshop.accounts
        return accounts[self.account_index][1] if accounts else ""

    def current_step(self) -> AgendaStepView | None:
        agenda = self.agenda
        return agenda[self.step_index] if agenda else None

    def current_view(self) -> QWidget:
        view = self.stack.currentWidget()
        assert view is not None  # a step view is shown from the start
        return view

    # -- navigation ----------------------------------------------------------------------

    def go_to_step(self, index: int) -> None:
        count = len(self.agenda)
        if not count:
            return
        index = max(0, min(count - 1, index))
        changed = index != self.step_index or self.showing_estimates
        self.step_index = index
        self.showing_estimates = False
        self._show_step(restart_clock=changed)
        self.step_changed.emit(index)

    def next_step(self) -> None:
        self.go_to_step(self.step_index + 1)

    def previous_step(self) -> None:
        self.go_to_step(self.step_index - 1)

    def next_account(self, offset: int = 1) -> None:
        count = len(self.workshop.accounts)
        if count > 1:
            self.account_index = (self.account_index + offset) % count
            self._show_step(restart_clock=False)

    def toggle_estimates(self) -> None:
        """E: switch between the step's view and the blind estimates panel."""
        self.showing_estimates = not self.showing_estimates
        self._show_step(restart_clock=False)

    def zoom(self, steps: int) -> None:
        """Ctrl+= / Ctrl+-: larger or smaller type everywhere; the DMU map zooms too."""
        self.type = self.type.zoomed(steps)
        self._apply_type()
        view = self.current_view()
        if isinstance(view, DmuStepView):
            view.zoom(steps)

    def capture_line(self, kind: str) -> None:
        """D or A: open the one-line capture box for a decision or an action."""
        from abm_planner.gui import actions

        if actions.refuse_if_read_only(self.context, self):
            return
        self.capture.open_for(kind, self.workshop_id, self.workshop.accounts, self.account_id)

    def toggle_step_done(self) -> None:
        """Ctrl+Enter: tick the current step off, or back on, as one undoable command."""
        from abm_planner.gui import actions
        from abm_planner.gui.commands.base import push
        from abm_planner.gui.commands.workshop_commands import SetStepDoneCommand

        step = self.current_step()
        if step is None or self.capture.isVisible():
            return
        if actions.refuse_if_read_only(self.context, self):
            return
        try:
            push(
                self.context.undo_stack,
                SetStepDoneCommand(self.context, step.id, step.title, not step.done),
            )
        except UserError as error:
            actions.show_user_error(self, error)

    def escape(self) -> None:
        """Esc: close the capture box, then leave full screen, then close."""
        if self.capture.isVisible():
            self.capture.cancel()
        elif self.isFullScreen():
            self.showNormal()
        else:
            self.close()

    # -- showing -------------------------------------------------------------------------

    def _show_step(self, *, restart_clock: bool = True) -> None:
        step = self.current_step()
        agenda = self.agenda
        if self.showing_estimates:
            view = self._estimates_view()
            step_title = _tr("Blind estimates")
        elif step is None:
            view = self._view_for("custom")
            step_title = _tr("No agenda")
        else:
            view = self._view_for(step.step)
            step_title = step.title
            if isinstance(view, CustomStepView):
                view.show_title(step_title)
        self.stack.setCurrentWidget(view)
        show_account: Callable[[uuid.UUID | None], None] = view.show_account  # type: ignore[attr-defined]
        show_account(self.account_id)
        account = self.account_name
        if len(self.workshop.accounts) > 1:
            account = _tr("{name}  ({n} of {m})").format(
                name=account, n=self.account_index + 1, m=len(self.workshop.accounts)
            )
        self.header.show_state(
            self.workshop.title,
            account,
            self.step_index + 1,
            max(1, len(agenda)),
            step_title,
            done=step is not None and step.done and not self.showing_estimates,
            done_count=sum(1 for s in agenda if s.done),
        )
        if restart_clock:
            self.header.restart_clock(step.minutes if step is not None else None)

    def _view_for(self, kind: str) -> QWidget:
        view = self._views.get(kind)
        if view is None:
            view = self._make_view(kind)
            self._views[kind] = view
            self.stack.addWidget(view)
            self._apply_type_to(view)
        return view

    def _make_view(self, kind: str) -> QWidget:
        context = self.context
        makers: dict[str, Callable[[], QWidget]] = {
            "criteria_tier": lambda: CriteriaTierView(context, self.stack),
            "dmu": lambda: DmuStepView(context, self.stack),
            "needs_objectives": lambda: NeedsObjectivesView(context, self.stack),
            "plays_timeline": lambda: PlaysTimelineView(context, self.stack),
            "actions": self._make_actions_view,
        }
        maker = makers.get(kind)
        return maker() if maker is not None else CustomStepView(self.stack)

    def _make_actions_view(self) -> QWidget:
        from abm_planner.gui.views.workshop.records_panel import WorkshopRecordsPanel

        panel = WorkshopRecordsPanel(self.context, self.workshop_id, self.stack)
        panel.hide_account_column(len(self.workshop.accounts) <= 1)
        return panel

    def _estimates_view(self) -> QWidget:
        view = self._views.get("estimates")
        if view is None:
            from abm_planner.gui.views.workshop.estimates_panel import EstimatesPanel

            view = EstimatesPanel(self.context, self.workshop_id, self.stack)
            self._views["estimates"] = view
            self.stack.addWidget(view)
            self._apply_type_to(view)
        return view

    def _apply_type(self) -> None:
        self.setFont(self.type.font())
        self.setStyleSheet(theme.presenter_style_sheet(self.type))
        for view in self._views.values():
            self._apply_type_to(view)

    def _apply_type_to(self, view: QWidget) -> None:
        """Sizes a style sheet cannot set (row heights, a chart's magnification), and the
        presenter's colours on every widget of ``view``.

        Under the app's style sheet a widget that a style sheet rule matches is polished
        from the *application* palette, not its parent's: on a light desktop theme the
        reused map, toolbar and tables came out light on the dark presenter (toolbar text
        near-invisible). So the palette is set on each widget explicitly, again after
        every style sheet change (a re-polish resets it).
        """
        apply_type = getattr(view, "apply_type", None)
        if apply_type is not None:
            apply_type(self.type)
        palette = self.palette()
        for widget in (view, *view.findChildren(QWidget)):
            widget.setPalette(palette)

    # -- keys ----------------------------------------------------------------------------

    def _install_keys(self) -> None:
        keys: list[tuple[tuple[str | QKeySequence.StandardKey, ...], Callable[[], None]]] = [
            (("Right", "PgDown"), self.next_step),
            (("Left", "PgUp"), self.previous_step),
            (("Ctrl+PgDown",), lambda: self.next_account(1)),
            (("Ctrl+PgUp",), lambda: self.next_account(-1)),
            (("Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn), lambda: self.zoom(1)),
            (("Ctrl+-", QKeySequence.StandardKey.ZoomOut), lambda: self.zoom(-1)),
            (("D",), lambda: self.capture_line("decision")),
            (("A",), lambda: self.capture_line("action")),
            (("E",), self.toggle_estimates),
            (("Ctrl+Return", "Ctrl+Enter"), self.toggle_step_done),
            (("Esc",), self.escape),
            (("F11",), self._toggle_full_screen),
        ]
        self.shortcuts: list[QShortcut] = []
        seen: set[str] = set()
        for sequences, slot in keys:
            for sequence in sequences:
                key = QKeySequence(sequence)
                text = key.toString()
                if not text or text in seen:
                    continue
                seen.add(text)
                shortcut = QShortcut(key, self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(slot)
                self.shortcuts.append(shortcut)
        undo = self.context.undo_stack.createUndoAction(self, _tr("Undo"))
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        redo = self.context.undo_stack.createRedoAction(self, _tr("Redo"))
        redo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
        self.addActions([undo, redo])

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def _after_capture(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- staying current -----------------------------------------------------------------

    def _on_changed(self, changes: list[Change]) -> None:
        if any(c.kind in ("workshop", "account", "plan") for c in changes):
            try:
                self.workshop = self._load()
            except UserError:  # the workshop was deleted: nothing left to present
                self.close()
                return
            self.step_index = min(self.step_index, max(0, len(self.agenda) - 1))
            self.account_index = min(self.account_index, max(0, len(self.workshop.accounts) - 1))
            self._show_step(restart_clock=False)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.header.countdown.stop()
        event.accept()


def present(
    context: PlanContext,
    workshop_id: uuid.UUID,
    parent: QWidget | None,
    *,
    full_screen: bool = True,
) -> PresenterWindow:
    """Show the presenter for ``workshop_id`` on the chosen (or second) screen."""
    from abm_planner.gui.views.workshop.menu import PRESENTER_KEY, SCREEN_KEY
    from abm_planner.gui.views.workshop.screens import preferred_screen, show_full_screen_on

    window = context.extras.get(PRESENTER_KEY)
    if not isinstance(window, PresenterWindow) or window.workshop_id != workshop_id:
        if isinstance(window, PresenterWindow):
            window.close()
            window.deleteLater()
        window = PresenterWindow(context, workshop_id, parent)
        context.extras[PRESENTER_KEY] = window
    if full_screen:
        show_full_screen_on(window, preferred_screen(context.extras.get(SCREEN_KEY)))
    else:
        window.show()
    window.raise_()
    window.activateWindow()
    return window
