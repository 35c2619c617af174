"""The one-line capture box: D for a decision, A for an action, typed without leaving the keys.

The line is read by ``services.decisions.parse_capture_line``: "Ship pilot proposal
@Ana Ruiz !2026-12-15 #Nordhavn" is an action for Ana Ruiz, due on 15 December, on
the account whose name starts with "Nordhavn". Without ``#`` the record belongs to the
account on screen. Enter saves (one undo command), Esc closes the box unsaved. A name
that matches nobody is refused in one sentence, and the line stays for correcting.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from abm_planner.errors import UserError
from abm_planner.gui.commands.base import push
from abm_planner.gui.plan_context import PlanContext

KINDS = ("decision", "action")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaptureBox", text)


def match_name(wanted: str, names: list[tuple[uuid.UUID, str]], what: str) -> uuid.UUID:
    """The one id whose name is ``wanted`` (or starts with it); refuses none or several."""
    needle = " ".join(wanted.split()).casefold()
    exact = [i for i, name in names if name.casefold() == needle]
    if len(exact) == 1:
        return exact[0]
    found = [(i, name) for i, name in names if name.casefold().startswith(needle)]
    if not found:
        found = [(i, name) for i, name in names if needle in name.casefold()]
    if len(found) == 1:
        return found[0][0]
    if not found:
        raise UserError(_tr("No {what} is called “{name}”.").format(what=what, name=wanted))
    listed = ", ".join(name for _i, name in found[:4])
    raise UserError(
        _tr("“{name}” could be several {what}s ({listed}); type more of the name.").format(
            name=wanted, what=what, listed=listed
        )
    )


class CaptureBox(QFrame):
    """A labelled line edit under the step view; hidden until D or A is pressed."""

    closed = Signal()
    captured = Signal(object)  # the id of the new decision or action

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captureBox")
        self.context = context
        self.kind = "decision"
        self.workshop_id: uuid.UUID | None = None
        self.accounts: list[tuple[uuid.UUID, str]] = []
        self.account_id: uuid.UUID | None = None
        self.label = QLabel(self)
        self.label.setObjectName("captureLabel")
        self.line = QLineEdit(self)
        self.line.setObjectName("captureLine")
        self.line.returnPressed.connect(self.submit)
        self.message = QLabel(self)
        self.message.setObjectName("muted")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.label)
        row.addWidget(self.line, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 10)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def open_for(
        self,
        kind: str,
        workshop_id: uuid.UUID,
        accounts: list[tuple[uuid.UUID, str]],
        account_id: uuid.UUID | None,
    ) -> None:
        if self.context.read_only:
            return
        self.kind = kind if kind in KINDS else "decision"
        self.workshop_id, self.accounts, self.account_id = workshop_id, accounts, account_id
        if self.kind == "action":
            self.label.setText(_tr("Action:"))
            self.line.setPlaceholderText(
                _tr("What @owner !due date #account   (Enter saves, Esc cancels)")
            )
        else:
            self.label.setText(_tr("Decision:"))
            self.line.setPlaceholderText(_tr("What was decided #account   (Enter saves)"))
        self.message.setText(
            _tr("For example: Ship pilot proposal @Ana Ruiz !2026-12-15 #Nordhavn")
        )
        self.show()
        self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def cancel(self) -> None:
        self.line.clear()
        self.hide()
        self.closed.emit()

    def submit(self) -> uuid.UUID | None:
        """Save the line as one undoable decision or action; None (and a message) if refused."""
        from abm_planner.gui.commands.workshop_commands import (
            add_action_command,
            add_decision_command,
        )

        text = self.line.text().strip()
        if not text:
            self.cancel()
            return None
        try:
            fields = self._fields(text)
            command = (
                add_action_command(self.context, fields)
                if self.kind == "action"
                else add_decision_command(self.context, fields)
            )
            push(self.context.undo_stack, command)
        except UserError as error:
            self.message.setText(str(error))
            return None
        record_id = command.record_id
        self.line.clear()
        self.hide()
        self.captured.emit(record_id)
        self.closed.emit()
        return record_id

    def _fields(self, text: str) -> dict[str, Any]:
        from abm_planner.services.decisions import parse_capture_line
        from abm_planner.services.lookups import team_members

        line = parse_capture_line(text)
        account_id = self.account_id
        account_name = getattr(line, "account", None)
        if account_name:
            account_id = self._account_named(account_name)
        fields: dict[str, Any] = {
            "text": line.text,
            "account_id": account_id,
            "workshop_id": self.workshop_id,
        }
        if self.kind == "action":
            owner = getattr(line, "owner", None)
            members = [(m.id, m.name) for m in team_members(self.context.plan)]
            fields["owner_id"] = match_name(owner, members, _tr("team member")) if owner else None
            fields["due_on"] = getattr(line, "due_on", None)
        return fields

    def _account_named(self, name: str) -> uuid.UUID:
        """The workshop's account called ``name``, else any account of the plan so called."""
        from abm_planner.services.agreements import account_ids_by_name

        try:
            return match_name(name, self.accounts, _tr("account"))
        except UserError:
            return match_name(name, account_ids_by_name(self.context.plan), _tr("account"))
