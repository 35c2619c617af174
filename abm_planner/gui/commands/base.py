"""The shape every undoable edit shares: apply once, then undo and redo by service calls.

A command does its work in ``apply()`` *before* it reaches the stack, so a refused
edit (a ``UserError`` from the service) never leaves a phantom entry in Edit ▸ Undo.
``QUndoStack.push`` then calls ``redo()`` at once; that first call is skipped because
the change has already been made.

On a team plan, ``push`` is also where every GUI edit meets the other people: an
edit over someone else's newer save (``EditConflictError``) is not pushed and the
conflict dialog takes over (``dialogs/edit_conflict_flow.py``); an edit while the
connection is lost is refused at once with a sentence, never left hanging.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from abm_planner.domain.fields import FieldSpec
from abm_planner.errors import EditConflictError, UserError
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.team_live import connection_lost_error, is_connection_loss, live_of

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


def _report_with_message_box(error: UserError) -> None:
    from PySide6.QtWidgets import QApplication

    from abm_planner.gui import actions

    actions.show_user_error(QApplication.activeWindow(), error)


# Called when an undo or redo is refused (the record changed in a way the step cannot
# follow); tests and the shell may replace it.
report_failure: Callable[[UserError], None] = _report_with_message_box


class ServiceCommand(QUndoCommand):
    """One user action on the plan, undone and redone through the services."""

    def __init__(self, context: PlanContext, text: str = "") -> None:
        super().__init__(text)
        self.context = context
        self._skip_next_redo = False

    def apply(self) -> None:
        """Make the change for the first time; raises ``UserError`` if it is refused."""
        raise NotImplementedError

    def do_redo(self) -> None:
        raise NotImplementedError

    def do_undo(self) -> None:
        raise NotImplementedError

    def skip_first_redo(self) -> None:
        """``apply()`` already made the change; the stack's first ``redo()`` must not."""
        self._skip_next_redo = True

    def redo(self) -> None:
        if self._skip_next_redo:
            self._skip_next_redo = False
            return
        self._run(self.do_redo)

    def undo(self) -> None:
        self._run(self.do_undo)

    def _run(self, step: Callable[[], None]) -> None:
        # An exception must not escape into Qt's C++ caller; a step that cannot be
        # made is dropped from the history (Qt deletes obsolete commands) and reported.
        try:
            with on_team_plan(self.context):
                step()
        except UserError as error:
            log.warning("%s could not be undone/redone: %s", self.text(), error)
            self.setObsolete(True)
            report_failure(error)


@contextmanager
def on_team_plan(context: PlanContext) -> Iterator[None]:
    """Around a command's service calls: what a team plan adds (nothing for a file)."""
    live = live_of(context)
    if live is None:
        yield
        return
    try:
        with live.editing():
            yield
    except UserError as error:
        if is_connection_loss(error):
            live.connection_lost()  # the listener may take a few seconds more to notice
            raise connection_lost_error() from error
        raise


def push(stack: QUndoStack, command: ServiceCommand, *, resolve: bool = True) -> bool:
    """Apply ``command`` and, only if that worked, put it on ``stack``.

    False when the edit met someone else's newer save of the record: it is not on
    the stack, and (with ``resolve``) the conflict dialog opens right after; without
    ``resolve`` the conflict is raised like any refusal.
    """
    try:
        with on_team_plan(command.context):
            command.apply()
    except EditConflictError as conflict:
        if not resolve or live_of(command.context) is None:
            raise
        from abm_planner.gui.dialogs.edit_conflict_flow import resolve_later

        log.info("Edit conflict on %s %s", conflict.table, conflict.record_id)
        resolve_later(stack, command, conflict)
        return False
    command.skip_first_redo()
    stack.push(command)
    return True


def push_all(stack: QUndoStack, text: str, commands: Iterable[ServiceCommand]) -> UserError | None:
    """Push ``commands`` inside one undo macro named ``text``; the refusal that stopped it, or None.

    The commands are taken from ``commands`` one at a time, so a generator may build
    each command only when it is its turn. A refusal stops the loop; what was already
    applied stays in the macro, so one undo reverts it.
    """
    stack.beginMacro(text)
    try:
        for command in commands:
            push(stack, command, resolve=False)  # a conflict stops the macro as a refusal
    except UserError as error:
        return error
    finally:
        stack.endMacro()
    return None


def field_phrase(spec: FieldSpec) -> str:
    """The field's label as it reads mid-sentence ("journey stage", but "CRM id")."""
    label = spec.label
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def quoted(name: str, limit: int = 40) -> str:
    """A record name for a menu text, shortened so Edit ▸ Undo stays readable."""
    name = name.strip()
    return name if len(name) <= limit else name[: limit - 1] + "…"
