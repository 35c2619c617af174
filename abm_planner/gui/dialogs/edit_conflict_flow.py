"""What happens after an edit met a newer save by someone else (``commands.base.push``).

The refused command is not on the undo stack. Right after the refusal (from the event
loop, so no editor or delegate is mid-commit) the conflict dialog asks what to keep:
theirs — the views show the server's version; mine — the edit is applied again
over the newer version; merge — only the fields the user set to "yours" are. A
command that changes named fields (``changes``: a dict, as account and stakeholder
edits have) can be merged; any other can be kept or discarded as a whole. Applying
again may meet yet another save: then the dialog comes back with the new values.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from abm_planner.domain.fields import (
    ACCOUNT_FIELDS,
    STAKEHOLDER_FIELDS,
    FieldKind,
    FieldSpec,
    field_map,
)
from abm_planner.errors import EditConflictError, UserError
from abm_planner.gui.commands.base import ServiceCommand
from abm_planner.gui.dialogs import edit_conflict_dialog
from abm_planner.gui.dialogs.edit_conflict_dialog import ConflictRow, EditConflictDialog, Keep
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.team_live import live_of
from abm_planner.services.changes import Change
from abm_planner.services.lookups import team_members, vocabulary
from abm_planner.services.plans import Plan

_SPECS: dict[str, dict[str, FieldSpec]] = {
    "accounts": field_map(ACCOUNT_FIELDS),
    "stakeholders": field_map(STAKEHOLDER_FIELDS),
}
_KINDS = {"accounts": "account", "stakeholders": "stakeholder"}
MEMBERS = "team members"

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("EditConflict", text)


def field_changes(command: ServiceCommand) -> dict[str, Any] | None:
    """The fields ``command`` sets, when it sets named fields (so it can be merged)."""
    changes = getattr(command, "changes", None)
    return changes if isinstance(changes, dict) else None


def resolve_later(stack: QUndoStack, command: ServiceCommand, conflict: EditConflictError) -> None:
    """Ask about ``conflict`` as soon as the event loop is back (never inside a commit)."""
    QTimer.singleShot(0, lambda: resolve(stack, command, conflict))


def resolve(stack: QUndoStack, command: ServiceCommand, conflict: EditConflictError) -> None:
    """Show the dialog and carry out the user's decision."""
    from abm_planner.gui import actions
    from abm_planner.gui.commands.base import push

    context = command.context
    live = live_of(context)
    if live is None:  # the plan was closed meanwhile: nothing was saved, nothing to do
        return
    changes = field_changes(command)
    parent = QApplication.activeWindow()
    dialog = EditConflictDialog(
        conflict,
        headline(context, conflict),
        conflict_rows(context.plan, conflict, set(changes or {})),
        mergeable=changes is not None,
        parent=parent,
    )
    try:
        decision = edit_conflict_dialog.ask(dialog)
    finally:
        dialog.deleteLater()
    live.forget_seen(conflict.record_id)
    if decision.keep is Keep.MERGE and changes is not None:
        chosen = {name: value for name, value in changes.items() if name in decision.mine_fields}
        if chosen:
            command.changes = chosen  # type: ignore[attr-defined]
        else:
            decision = edit_conflict_dialog.Decision(Keep.THEIRS)
    if decision.keep is Keep.THEIRS:
        show_theirs(context, conflict)
        return
    try:
        push(stack, command)
    except UserError as error:
        actions.show_user_error(parent, error)


def headline(context: PlanContext, conflict: EditConflictError) -> str:
    """ "Account 'Acme' was changed by anna at 14:02, after this window read it." """
    who = conflict.changed_by
    live = live_of(context)
    heard = live.last_change(conflict.record_id) if live is not None else None
    if not who and heard is not None and heard.user:
        who = heard.user
    who = who or tr("someone else")
    when = ""
    if isinstance(conflict.changed_at, dt.datetime):
        local = conflict.changed_at.replace(tzinfo=dt.UTC).astimezone()
        when = tr(" at {0}").format(local.strftime("%H:%M"))
    if conflict.deleted:
        return tr("{label} was deleted by {who}{when}; your edit could not be saved.").format(
            label=conflict.label, who=who, when=when
        )
    return tr(
        "{label} was changed by {who}{when}, after this window read it. "
        "Your edit is not saved yet: choose what to keep."
    ).format(label=conflict.label, who=who, when=when)


def conflict_rows(plan: Plan, conflict: EditConflictError, edited: set[str]) -> list[ConflictRow]:
    """The fields they changed and the fields this edit changes, their values as text."""
    specs = _SPECS.get(conflict.table, {})
    names = list(dict.fromkeys([*conflict.fields, *sorted(edited & set(conflict.mine))]))
    names += [name for name in conflict.mine if name not in names]
    describe = _Describer(plan)
    rows = []
    for name in names:
        spec = specs.get(name)
        label = spec.label if spec else name.removesuffix("_id").replace("_", " ").capitalize()
        rows.append(
            ConflictRow(
                name,
                label,
                describe(spec, conflict.theirs.get(name)),
                describe(spec, conflict.mine.get(name)),
                name in edited,
            )
        )
    return rows


def show_theirs(context: PlanContext, conflict: EditConflictError) -> None:
    """Make the views read the record again, so they show the server's version."""
    record_id = conflict.record_id
    kind = _KINDS.get(conflict.table)
    if kind is None or not isinstance(record_id, uuid.UUID):
        context.plan.changes.publish([Change("plan")])
        return
    account_id = record_id if kind == "account" else None
    if kind == "stakeholder" and not conflict.deleted:
        from abm_planner.services.stakeholders import get_stakeholder

        try:
            account_id = get_stakeholder(context.plan, record_id).account_id
        except UserError:
            account_id = None
    context.plan.changes.publish([Change(kind, (record_id,), account_id)])


class _Describer:
    """Values as a person reads them: labels for vocabulary terms and team members."""

    def __init__(self, plan: Plan) -> None:
        self._plan = plan
        self._labels: dict[uuid.UUID, str] = {}
        self._read: set[str] = set()

    def __call__(self, spec: FieldSpec | None, value: Any) -> str:
        if value is None or value == "":
            text = tr("(empty)")
        elif isinstance(value, bool):
            text = tr("Yes") if value else tr("No")
        elif isinstance(value, uuid.UUID):
            text = self._label(spec, value)
        elif isinstance(value, list | tuple):
            text = ", ".join(self(spec, item) for item in value)
        elif isinstance(value, dt.date):
            text = value.isoformat()
        elif isinstance(value, float) and spec is not None and spec.kind is FieldKind.MONEY:
            text = f"{value:,.0f}"
        else:
            text = str(value)
        return text

    def _label(self, spec: FieldSpec | None, value: uuid.UUID) -> str:
        kind = spec.vocabulary if spec is not None and spec.vocabulary else None
        if kind is None and spec is not None and spec.kind is FieldKind.MEMBER:
            kind = MEMBERS
        if kind is not None and kind not in self._read:
            self._read.add(kind)
            try:
                if kind == MEMBERS:
                    self._labels |= {m.id: m.name for m in team_members(self._plan)}
                else:
                    self._labels |= {t.id: t.label for t in vocabulary(self._plan, kind)}
            except UserError as error:  # unreachable right now: say so rather than fail
                log.info("Conflict dialog without labels: %s", error)
        return self._labels.get(value, tr("(another record)"))
