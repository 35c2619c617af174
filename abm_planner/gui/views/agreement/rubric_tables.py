"""The plan-wide agreement as editable tables: criteria, tier rules, lead definition items.

Each follows its own kind of change (``criterion``, ``tier_rule``, ``lead_criterion``)
and turns an edit into an undo command; the Agreement editor shows them.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from abm_planner.domain import vocabularies as vocab
from abm_planner.gui.commands.agreement_commands import (
    edit_criterion_command,
    edit_lead_item_command,
    edit_tier_rule_command,
)
from abm_planner.gui.models.lookups import LOOKUP_CHANGE_KINDS, PlanLookups
from abm_planner.gui.models.record_table import RIGHT, VALUE_ROLE, Column
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement.editing import EDIT, TOOLTIP, EditableTable
from abm_planner.services.changes import Change
from abm_planner.services.engagement_rules import (
    LeadItemRow,
    TierRuleRow,
    list_lead_items,
    list_tier_rules,
)
from abm_planner.services.rubric import CriterionRow, list_criteria

AnyIndex = QModelIndex | QPersistentModelIndex
LEAD_LABELS = {"marketing": "Marketing", "sales": "Sales", "joint": "Joint"}


def _id(row: Any) -> uuid.UUID:
    return row.id


class CriteriaModel(EditableTable[CriterionRow]):
    """The rubric: name, weight, share of the fit score, description."""

    translation_context = "CriteriaModel"
    extra_roles = frozenset({EDIT, TOOLTIP})
    editable_fields = frozenset({"name", "weight", "description"})

    def __init__(self, context: PlanContext, parent: QObject | None = None) -> None:
        columns: tuple[Column[CriterionRow], ...] = (
            Column("Criterion", lambda r: r.name, field="name"),
            Column("Weight", lambda r: f"{r.weight:g}", None, RIGHT, "weight"),
            Column("Share of fit score", lambda r: f"{r.share:.0%}", None, RIGHT, "share"),
            Column("What it means", lambda r: r.description, field="description"),
        )
        super().__init__(context, columns, _id, parent)
        context.events.changed.connect(self._on_changed)
        self.set_records(list_criteria(context.plan))

    def extra_data(self, record: CriterionRow, column: Column[CriterionRow], role: int) -> Any:
        if role == EDIT:
            return record.weight if column.field == "weight" else column.getter(record)
        if role == TOOLTIP and column.field == "description":
            return record.description or None
        return None

    def setData(  # noqa: N802
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        name = self.columns[index.column()].field if index.isValid() else None
        if name not in self.editable_fields or role != EDIT:
            return False
        record = self.record(index.row())
        if getattr(record, name) == value or (
            isinstance(value, str) and value.strip() == getattr(record, name)
        ):
            return True
        return self.push(
            edit_criterion_command(self.context, record.id, record.name, {name: value})
        )

    def _on_changed(self, changes: list[Change]) -> None:
        if any(change.kind in ("criterion", "plan") for change in changes):
            self.sync(list_criteria(self.context.plan))


class TierRulesModel(EditableTable[TierRuleRow]):
    """One row per tier: threshold, who leads, allowed plays, service level, rules."""

    translation_context = "TierRulesModel"
    extra_roles = frozenset({EDIT, VALUE_ROLE, TOOLTIP})
    editable_fields = frozenset(
        {"min_fit_score", "lead_function", "allowed_play_types", "service_level", "rules"}
    )

    def __init__(self, context: PlanContext, parent: QObject | None = None) -> None:
        self.lookups = PlanLookups(context.plan, (vocab.PLAY_TYPE, vocab.TIER, vocab.STAGE))
        columns: tuple[Column[TierRuleRow], ...] = (
            Column("Tier", lambda r: r.label, field="label"),
            Column(
                "Minimum fit score",
                lambda r: f"{r.min_fit_score:g}" if r.agreed else "—",
                None,
                RIGHT,
                "min_fit_score",
            ),
            Column(
                "Who leads", lambda r: LEAD_LABELS.get(r.lead_function, ""), field="lead_function"
            ),
            Column("Plays allowed", self._play_labels, field="allowed_play_types"),
            Column("Service level", lambda r: r.service_level, field="service_level"),
            Column("Rules", lambda r: r.rules, field="rules"),
        )
        super().__init__(context, columns, self._tier_id, parent)
        context.events.changed.connect(self._on_changed)
        self.set_records(list_tier_rules(context.plan))

    @staticmethod
    def _tier_id(row: TierRuleRow) -> uuid.UUID:
        return row.tier_id

    def _play_labels(self, row: TierRuleRow) -> str:
        labels = {t.key: t.label for t in self.lookups.terms(vocab.PLAY_TYPE)}
        return ", ".join(labels.get(key, key) for key in row.allowed_play_types)

    def field(self, column: int) -> str:
        name = self.columns[column].field
        assert name is not None
        return name

    def extra_data(self, record: TierRuleRow, column: Column[TierRuleRow], role: int) -> Any:
        name = column.field
        if role == VALUE_ROLE:
            if name == "allowed_play_types":
                ids = {t.key: t.id for t in self.lookups.terms(vocab.PLAY_TYPE)}
                return [ids[key] for key in record.allowed_play_types if key in ids]
            return getattr(record, name) if name else None
        if role == EDIT:
            if name == "min_fit_score":
                return record.min_fit_score
            return (
                getattr(record, name)
                if name in ("service_level", "rules")
                else column.getter(record)
            )
        if role == TOOLTIP and name in ("service_level", "rules", "allowed_play_types"):
            return column.getter(record) or None
        return None

    def setData(  # noqa: N802
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        name = self.field(index.column()) if index.isValid() else None
        if name not in self.editable_fields or role != EDIT:
            return False
        record = self.record(index.row())
        if name == "allowed_play_types":
            keys = {t.id: t.key for t in self.lookups.terms(vocab.PLAY_TYPE)}
            value = [keys[term_id] for term_id in value or [] if term_id in keys]
            if tuple(value) == record.allowed_play_types:
                return True
        elif isinstance(value, str):
            value = value.strip()
        if name != "allowed_play_types" and record.agreed and getattr(record, name) == value:
            return True
        return self.push(
            edit_tier_rule_command(self.context, record.tier_id, record.label, {name: value})
        )

    def _on_changed(self, changes: list[Change]) -> None:
        kinds = {change.kind for change in changes}
        if kinds & LOOKUP_CHANGE_KINDS:
            self.lookups.reload()
            self.set_records(list_tier_rules(self.context.plan))
        elif "tier_rule" in kinds:
            self.sync(list_tier_rules(self.context.plan))


class LeadItemsModel(EditableTable[LeadItemRow]):
    """The agreed lead definition, one item per row."""

    translation_context = "LeadItemsModel"
    extra_roles = frozenset({EDIT, TOOLTIP})
    editable_fields = frozenset({"text"})

    def __init__(self, context: PlanContext, parent: QObject | None = None) -> None:
        columns: tuple[Column[LeadItemRow], ...] = (
            Column("Item of the lead definition", lambda r: r.text, field="text"),
        )
        super().__init__(context, columns, _id, parent)
        context.events.changed.connect(self._on_changed)
        self.set_records(list_lead_items(context.plan))

    def extra_data(self, record: LeadItemRow, column: Column[LeadItemRow], role: int) -> Any:
        del column
        return record.text if role in (EDIT, TOOLTIP) else None

    def setData(  # noqa: N802
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or role != EDIT:
            return False
        record = self.record(index.row())
        text = str(value or "").strip()
        if text == record.text:
            return True
        return self.push(edit_lead_item_command(self.context, record.id, text))

    def _on_changed(self, changes: list[Change]) -> None:
        if any(change.kind in ("lead_criterion", "plan") for change in changes):
            self.sync(list_lead_items(self.context.plan))
