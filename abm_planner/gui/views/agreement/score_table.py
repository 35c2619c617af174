"""The scores of one account, criterion by criterion, edited in place.

Score (0-5, or "—" for not scored) and justification are edited in the table; each
edit is one undo command, and the account's fit score follows in the same unit of
work (``services.rubric.set_score``).
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from abm_planner.errors import NotFoundError, UserError
from abm_planner.gui.commands.agreement_commands import score_command
from abm_planner.gui.models.record_table import CENTER, RIGHT, VALUE_ROLE, Column
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement.editing import EDIT, TOOLTIP, EditableTable
from abm_planner.services.changes import Change
from abm_planner.services.rubric import ScoreRow, ScoreValue, account_scores

AnyIndex = QModelIndex | QPersistentModelIndex
SCORE_KINDS = frozenset({"criterion", "plan"})


def _weight_text(row: ScoreRow) -> str:
    return f"{row.weight:g} · {row.share:.0%}"


SCORE_COLUMNS: tuple[Column[ScoreRow], ...] = (
    Column("Criterion", lambda r: r.name, field="name"),
    Column("Weight · share", _weight_text, lambda r: r.share, RIGHT, field="weight"),
    Column("Score", lambda r: "—" if r.score is None else str(r.score), None, CENTER, "score"),
    Column("Justification", lambda r: r.justification, field="justification"),
)
CRITERION, WEIGHT, SCORE, JUSTIFICATION = range(len(SCORE_COLUMNS))


def _criterion_id(row: ScoreRow) -> uuid.UUID:
    return row.criterion_id


class ScoreTableModel(EditableTable[ScoreRow]):
    """Every criterion of the rubric with the shown account's score on it."""

    translation_context = "ScoreTableModel"
    extra_roles = frozenset({VALUE_ROLE, EDIT, TOOLTIP})

    def __init__(self, context: PlanContext, parent: QObject | None = None) -> None:
        super().__init__(context, SCORE_COLUMNS, _criterion_id, parent)
        self._account_id: uuid.UUID | None = None
        context.events.changed.connect(self._on_changed)

    @property
    def account_id(self) -> uuid.UUID | None:
        return self._account_id

    def set_account(self, account_id: uuid.UUID | None) -> None:
        self._account_id = account_id
        self.set_records(self._rows_of(account_id))

    def _rows_of(self, account_id: uuid.UUID | None) -> list[ScoreRow]:
        if account_id is None:
            return []
        try:
            return account_scores(self.context.plan, account_id)
        except NotFoundError:
            return []

    def reload(self) -> None:
        self.sync(self._rows_of(self._account_id))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        editable = not self.context.read_only and self._account_id is not None
        if editable and index.isValid() and index.column() in (SCORE, JUSTIFICATION):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def extra_data(self, record: ScoreRow, column: Column[ScoreRow], role: int) -> Any:
        if role == VALUE_ROLE:
            return record.score if column.field == "score" else None
        if role == EDIT:
            if column.field == "justification":
                return record.justification
            return record.score if column.field == "score" else column.getter(record)
        if role == TOOLTIP:
            return self._tooltip(record, column)
        return None

    def _tooltip(self, record: ScoreRow, column: Column[ScoreRow]) -> str | None:
        if column.field == "name":
            return record.description or None
        if column.field == "weight":
            return QCoreApplication.translate(
                self.translation_context, "Weight {weight:g}: {share:.0%} of the fit score"
            ).format(weight=record.weight, share=record.share)
        if column.field == "justification" and record.justification:
            return record.justification
        return None

    def setData(  # noqa: N802
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or role != EDIT or self._account_id is None:
            return False
        record = self.record(index.row())
        if index.column() == SCORE:
            score = None if value is None or value == "" else value
            if score is not None:
                try:
                    score = int(score)
                except (TypeError, ValueError):
                    self.edit_failed.emit(UserError("A score is a whole number from 0 to 5."))
                    return False
            if score == record.score:
                return True
            new = ScoreValue(score, record.justification if score is not None else "")
        elif index.column() == JUSTIFICATION:
            text = str(value or "").strip()
            if text == record.justification:
                return True
            new = ScoreValue(record.score, text)
        else:
            return False
        command = score_command(
            self.context, self._account_id, record.criterion_id, record.name, new
        )
        return self.push(command)

    def _on_changed(self, changes: list[Change]) -> None:
        if self._account_id is None:
            return
        account_id = self._account_id
        if any(
            change.kind in SCORE_KINDS
            or (change.kind == "criterion_score" and change.account_id == account_id)
            or (change.kind == "account" and account_id in change.ids)
            for change in changes
        ):
            self.reload()
