"""The stakeholders of one account as an editable table.

Cells show vocabulary labels and people's names; ``VALUE_ROLE`` gives editors the
stored ids. ``setData`` does not change the row itself: it pushes an undo command,
and the row is refreshed from the plan when the service announces the change — the
same path an undo, a redo or another view's edit takes.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import STAKEHOLDER_FIELDS, FieldKind, FieldSpec, field_map
from abm_planner.errors import NotFoundError, UserError
from abm_planner.gui.commands import EditStakeholderCommand, push
from abm_planner.gui.models.lookups import LOOKUP_CHANGE_KINDS, PlanLookups
from abm_planner.gui.models.record_table import (
    CENTER,
    VALUE_ROLE,
    Column,
    RecordTableModel,
    text_key,
)
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services.changes import Change
from abm_planner.services.stakeholders import (
    StakeholderRow,
    get_stakeholder,
    list_stakeholders,
)

SPECS = field_map(STAKEHOLDER_FIELDS)

STAKEHOLDER_COLUMN_FIELDS: tuple[str, ...] = (
    "name",
    "title",
    "department",
    "role_ids",
    "attitude_id",
    "influence_id",
    "inner_circle",
    "coverage_id",
    "sales_owner_id",
    "marketing_owner_id",
)

# Attitude −2 (enemy) … +2 (mentor): a light wash that reads on light and dark themes.
ATTITUDE_TINTS: dict[int, QColor] = {
    -2: QColor(229, 57, 53, 80),
    -1: QColor(251, 140, 0, 55),
    1: QColor(124, 179, 66, 55),
    2: QColor(46, 125, 50, 85),
}

AnyIndex = QModelIndex | QPersistentModelIndex


def is_checked(value: Any) -> bool:
    """A check state as the view sends it (an enum or its int)."""
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


def _stakeholder_id(row: StakeholderRow) -> uuid.UUID:
    return row.id


class StakeholderTableModel(RecordTableModel[StakeholderRow]):
    """The stakeholders of the account given to ``set_account``."""

    translation_context = "StakeholderTableModel"
    extra_roles = frozenset(
        {
            VALUE_ROLE,
            Qt.ItemDataRole.EditRole.value,
            Qt.ItemDataRole.CheckStateRole.value,
            Qt.ItemDataRole.BackgroundRole.value,
            Qt.ItemDataRole.ToolTipRole.value,
        }
    )

    edit_failed = Signal(object)
    """A ``UserError`` from an edit made through ``setData``; the view shows it."""

    def __init__(self, context: PlanContext, parent: QObject | None = None) -> None:
        self.lookups = PlanLookups(
            context.plan, (vocab.ROLE, vocab.ATTITUDE, vocab.INFLUENCE, vocab.COVERAGE)
        )
        columns = [self._column(SPECS[name]) for name in STAKEHOLDER_COLUMN_FIELDS]
        super().__init__(columns, _stakeholder_id, parent)
        self._context = context
        self._account_id: uuid.UUID | None = None
        self._attitude_column = STAKEHOLDER_COLUMN_FIELDS.index("attitude_id")
        context.events.changed.connect(self._on_changed)

    @property
    def account_id(self) -> uuid.UUID | None:
        return self._account_id

    @property
    def context(self) -> PlanContext:
        return self._context

    def set_account(self, account_id: uuid.UUID | None) -> None:
        self._account_id = account_id
        self.reload()

    def reload(self) -> None:
        rows = [] if self._account_id is None else self._list()
        self.set_records(rows)

    def _list(self) -> list[StakeholderRow]:
        assert self._account_id is not None
        return list_stakeholders(self._context.plan, self._account_id)

    # -- columns ------------------------------------------------------------------------

    def _column(self, spec: FieldSpec) -> Column[StakeholderRow]:
        name, lookups = spec.name, self.lookups
        if spec.kind is FieldKind.TERM:
            return Column(
                spec.label,
                lambda r: lookups.label(r.values[name]),
                lambda r: lookups.rank(r.values[name]),
                field=name,
            )
        if spec.kind is FieldKind.TERMS:
            return Column(
                spec.label,
                lambda r: self.role_labels(r.values[name]),
                lambda r: text_key(self.role_labels(r.values[name])),
                field=name,
            )
        if spec.kind is FieldKind.MEMBER:
            return Column(
                spec.label,
                lambda r: lookups.member_name(r.values[name]),
                lambda r: text_key(lookups.member_name(r.values[name])),
                field=name,
            )
        if spec.kind is FieldKind.FLAG:
            return Column(
                spec.label, lambda _r: None, lambda r: not r.values[name], CENTER, field=name
            )
        return Column(
            spec.label,
            lambda r: r.values[name] or "",
            lambda r: text_key(r.values[name] or ""),
            field=name,
        )

    def role_labels(self, role_ids: list[uuid.UUID]) -> str:
        """The roles in the vocabulary's order, comma-separated."""
        ordered = sorted(role_ids, key=self.lookups.rank)
        return ", ".join(label for i in ordered if (label := self.lookups.label(i)))

    def spec(self, column: int) -> FieldSpec:
        field = self.columns[column].field
        assert field is not None
        return SPECS[field]

    # -- Qt model -----------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid() or self._context.read_only:
            return flags
        if self.spec(index.column()).kind is FieldKind.FLAG:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def extra_data(self, record: StakeholderRow, column: Column[StakeholderRow], role: int) -> Any:
        assert column.field is not None
        value = record.values[column.field]
        kind = SPECS[column.field].kind
        if role == VALUE_ROLE:
            return value
        if role == Qt.ItemDataRole.EditRole:
            return value if kind in (FieldKind.TEXT, FieldKind.LONG_TEXT) else column.getter(record)
        if role == Qt.ItemDataRole.CheckStateRole and kind is FieldKind.FLAG:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and column.field == "attitude_id":
            term = self.lookups.term(value)
            return ATTITUDE_TINTS.get(term.value) if term and term.value is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and kind is FieldKind.TERMS and value:
            return "\n".join(self.role_labels(value).split(", "))
        return None

    def setData(  # noqa: N802
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or self._context.read_only:
            return False
        spec = self.spec(index.column())
        if role == Qt.ItemDataRole.CheckStateRole and spec.kind is FieldKind.FLAG:
            value = is_checked(value)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        record = self.record(index.row())
        if self._same(spec, record.values[spec.name], value):
            return True
        command = EditStakeholderCommand(self._context, record.id, {spec.name: value})
        try:
            push(self._context.undo_stack, command)
        except UserError as error:
            self.edit_failed.emit(error)
            return False
        return True

    @staticmethod
    def _same(spec: FieldSpec, stored: Any, value: Any) -> bool:
        if spec.kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
            return (stored or "") == str(value or "").strip()
        if spec.kind is FieldKind.TERMS:
            return set(stored or []) == set(value or [])
        return bool(stored == value)

    # -- following the plan ---------------------------------------------------------------

    def _on_changed(self, changes: list[Change]) -> None:
        if any(change.kind in LOOKUP_CHANGE_KINDS for change in changes):
            self.lookups.reload()
            if self._account_id is None:
                self.reload()
                return
            # Row by row (a teammate's plan-wide change, an import): the selection and
            # the scroll position stay; every cell repaints, since labels may have changed.
            self._sync(self._list())
            if self.rowCount():
                last = self.index(self.rowCount() - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        account_id = self._account_id
        if account_id is None:
            return
        if any(change.kind == "account" and account_id in change.ids for change in changes):
            # Deleted, restored or counted again: compare with the plan's list.
            self._sync(self._list())
            return
        for change in changes:
            if change.kind == "stakeholder" and change.account_id == account_id:
                for stakeholder_id in change.ids:
                    self._refresh(stakeholder_id)

    def _sync(self, rows: list[StakeholderRow]) -> None:
        """Apply the difference to ``rows`` row by row, so selection and editors survive."""
        wanted = {row.id for row in rows}
        for record in list(self.records):
            if record.id not in wanted:
                self.remove_record(record.id)
        for row in rows:
            if self.record_by_id(row.id) != row:
                self.update_record(row)

    def _refresh(self, stakeholder_id: uuid.UUID) -> None:
        try:
            row = get_stakeholder(self._context.plan, stakeholder_id)
        except NotFoundError:
            self.remove_record(stakeholder_id)
            return
        if row.account_id == self._account_id:
            if self.record_by_id(row.id) != row:
                self.update_record(row)
        else:
            self.remove_record(stakeholder_id)
