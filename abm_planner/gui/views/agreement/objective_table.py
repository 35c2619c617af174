"""The objectives of one account as an editable table.

Cells show labels (status, owner, stakeholder names); ``VALUE_ROLE`` gives editors
the stored values. An edit pushes an undo command; the row follows when the service
announces the change, as after an undo or an edit elsewhere.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from abm_planner.domain import vocabularies as vocab
from abm_planner.gui.commands.agreement_commands import edit_objective_command
from abm_planner.gui.models.lookups import LOOKUP_CHANGE_KINDS, PlanLookups
from abm_planner.gui.models.record_table import RIGHT, VALUE_ROLE, Column, text_key
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement.editing import BACKGROUND, EDIT, TOOLTIP, EditableTable
from abm_planner.services.changes import Change
from abm_planner.services.objectives import KIND_LABELS, SPECS, ObjectiveRow, list_objectives
from abm_planner.services.stakeholders import list_stakeholders

AnyIndex = QModelIndex | QPersistentModelIndex

OBJECTIVE_COLUMN_FIELDS: tuple[str, ...] = (
    "kind",
    "title",
    "metric",
    "target",
    "actual",
    "unit",
    "owner_id",
    "due_on",
    "status_id",
    "stakeholder_id",
)
NUMBER_FIELDS = frozenset({"target", "actual"})
# Status key -> a light wash that reads on light and dark themes.
STATUS_TINTS: dict[str, QColor] = {
    "on_track": QColor(124, 179, 66, 60),
    "achieved": QColor(46, 125, 50, 90),
    "at_risk": QColor(251, 140, 0, 70),
    "off_track": QColor(229, 57, 53, 80),
}


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _objective_id(row: ObjectiveRow) -> uuid.UUID:
    return row.id


class ObjectiveTableModel(EditableTable[ObjectiveRow]):
    """The objectives of the account given to ``set_account``."""

    translation_context = "ObjectiveTableModel"
    extra_roles = frozenset({VALUE_ROLE, EDIT, BACKGROUND, TOOLTIP})
    editable_fields = frozenset(OBJECTIVE_COLUMN_FIELDS)

    def __init__(self, context: PlanContext, parent: QObject | None = None) -> None:
        self.lookups = PlanLookups(context.plan, (vocab.OBJECTIVE_STATUS,))
        self.people: dict[uuid.UUID, str] = {}
        columns = [self._column(name) for name in OBJECTIVE_COLUMN_FIELDS]
        super().__init__(context, columns, _objective_id, parent)
        self._account_id: uuid.UUID | None = None
        context.events.changed.connect(self._on_changed)

    @property
    def account_id(self) -> uuid.UUID | None:
        return self._account_id

    def set_account(self, account_id: uuid.UUID | None) -> None:
        self._account_id = account_id
        self._read_people()
        self.set_records(self._read_rows())

    def _read_rows(self) -> list[ObjectiveRow]:
        if self._account_id is None:
            return []
        return list_objectives(self.context.plan, self._account_id)

    def _read_people(self) -> None:
        if self._account_id is None:
            self.people = {}
            return
        rows = list_stakeholders(self.context.plan, self._account_id)
        self.people = {row.id: str(row.values["name"]) for row in rows}

    # -- columns ------------------------------------------------------------------------

    def _column(self, name: str) -> Column[ObjectiveRow]:
        label = SPECS[name].label
        lookups = self.lookups
        special: dict[str, tuple[Any, Any]] = {
            "kind": (lambda r: KIND_LABELS.get(r.kind, r.kind), None),
            "owner_id": (
                lambda r: lookups.member_name(r.owner_id),
                lambda r: text_key(lookups.member_name(r.owner_id)),
            ),
            "status_id": (
                lambda r: lookups.label(r.status_id),
                lambda r: lookups.rank(r.status_id),
            ),
            "stakeholder_id": (lambda r: self.people.get(r.stakeholder_id, ""), None),
            "due_on": (
                lambda r: r.due_on.isoformat() if r.due_on else "",
                lambda r: r.due_on or date.max,
            ),
        }
        if name in NUMBER_FIELDS:
            return Column(
                label,
                lambda r: number_text(r.value(name)),
                lambda r: (r.value(name) is None, r.value(name) or 0.0),
                RIGHT,
                field=name,
            )
        if name in special:
            getter, key = special[name]
            return Column(label, getter, key, field=name)
        return Column(
            label,
            lambda r: r.value(name) or "",
            lambda r: text_key(r.value(name) or ""),
            field=name,
        )

    def field(self, column: int) -> str:
        name = self.columns[column].field
        assert name is not None
        return name

    # -- Qt model -----------------------------------------------------------------------

    def extra_data(self, record: ObjectiveRow, column: Column[ObjectiveRow], role: int) -> Any:
        name = column.field
        assert name is not None
        value = record.value(name)
        if role == VALUE_ROLE:
            return value
        if role == EDIT:
            if name in NUMBER_FIELDS:
                return number_text(value).replace(",", "")
            return value if isinstance(value, str) else column.getter(record)
        if role == BACKGROUND and name == "status_id":
            term = self.lookups.term(value)
            return STATUS_TINTS.get(term.key) if term else None
        if role == TOOLTIP and name == "title" and record.metric:
            return f"{record.title}\n{record.metric}"
        return None

    def setData(  # noqa: N802
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or role != EDIT or self.context.read_only:
            return False
        record = self.record(index.row())
        name = self.field(index.column())
        stored = record.value(name)
        if isinstance(value, str) and name not in NUMBER_FIELDS:
            value = value.strip()
        if value == stored or (name in NUMBER_FIELDS and value == number_text(stored)):
            return True
        command = edit_objective_command(self.context, record.id, record.title, {name: value})
        return self.push(command)

    # -- following the plan ---------------------------------------------------------------

    def _on_changed(self, changes: list[Change]) -> None:
        if any(change.kind in LOOKUP_CHANGE_KINDS for change in changes):
            self.lookups.reload()
            self._read_people()
            self.set_records(self._read_rows())
            return
        account_id = self._account_id
        if account_id is None:
            return
        if any(
            change.kind == "stakeholder" and change.account_id == account_id for change in changes
        ):
            self._read_people()
            self.sync(self._read_rows())
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
            return
        if any(
            (change.kind == "objective" and change.account_id == account_id)
            or (change.kind == "account" and account_id in change.ids)
            for change in changes
        ):
            self.sync(self._read_rows())
