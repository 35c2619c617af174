"""The Objectives & metrics sheet back into the plan: objectives changed, added, deleted.

A row is one objective of an account, or of the whole plan ("(whole plan)" or a
blank Account): kind (customer goal, ours, relationship), the objective, its
metric, target, actual and unit, owner, due date, status and the stakeholder it
is about (a person of the account; the hidden Stakeholder id keeps people of
one name apart). "Progress" is worked out from target and actual, not read.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import select

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import FieldKind, FieldSpec
from abm_planner.excel import export_layout as layout
from abm_planner.excel import sheet_refs as refs
from abm_planner.excel.export_data import KIND_LABELS, WHOLE_PLAN
from abm_planner.excel.field_values import INVALID
from abm_planner.excel.plan_index import RecordState
from abm_planner.excel.record_sheet import RecordSheet, RowValues
from abm_planner.store.models import Objective

if TYPE_CHECKING:
    from abm_planner.excel.round_trip import RoundTrip

K = FieldKind
STAKEHOLDER_ID = "Stakeholder id"
KINDS = {key: KIND_LABELS[key] for key in vocab.OBJECTIVE_KINDS}
PLAIN = (
    FieldSpec("title", "Objective", K.TEXT, required=True, max_length=300),
    FieldSpec("metric", "Metric", K.TEXT, max_length=200),
    FieldSpec("unit", "Unit", K.TEXT, max_length=40),
    FieldSpec("owner_id", "Owner", K.MEMBER),
    FieldSpec("due_on", "Due", K.DATE),
    FieldSpec("status_id", "Status", K.TERM, vocabulary=vocab.OBJECTIVE_STATUS),
)
OTHERS = (
    FieldSpec("account_id", layout.ACCOUNT, K.TERM),
    FieldSpec("kind", "Kind", K.TERM),
    FieldSpec("target", "Target", K.INTEGER),
    FieldSpec("actual", "Actual", K.INTEGER),
    FieldSpec("stakeholder_id", "Stakeholder", K.TERM),
)

BY_NAME = {s.name: s for s in (*OTHERS, *PLAIN)}
COLUMNS = (
    "account_id",
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


class ObjectivesSheet(RecordSheet):
    sheet = layout.OBJECTIVES
    kind = "objective"
    plural = "objectives"
    label = "Objective"
    name_field = "title"
    model = Objective
    specs: ClassVar[dict[str, FieldSpec]] = {n: BY_NAME[n] for n in COLUMNS}  # sheet order
    required = tuple(s.label for s in (*OTHERS, *PLAIN))

    def load(self, trip: RoundTrip) -> dict[uuid.UUID, RecordState]:
        assert trip.session is not None
        item = Objective
        names = [s.name for s in (*OTHERS, *PLAIN)]
        query = select(
            item.id,
            item.version,
            item.created_at,
            item.updated_at,
            *(getattr(item, n) for n in names),
        )
        if trip.meta.account_ids is not None:
            query = query.where(
                item.account_id.in_(trip.meta.account_ids) | item.account_id.is_(None)
            )
        states = {}
        for found in trip.session.execute(query):
            values = dict(zip(names, found[4:], strict=True))
            states[found[0]] = RecordState(
                found[0],
                found[1],
                found[2],
                found[3],
                values["title"],
                "",
                values,
                values["account_id"],
            )
        return states

    def row_values(self, at: refs.RowAt, state: Any) -> Any:
        trip = at.trip
        own = state.values if state is not None else {}
        account = refs.account(at, own.get("account_id"), plan_wide=True)
        if account is INVALID:
            return INVALID
        values = refs.fields(at, list(PLAIN), own)
        kind = refs.choice(at, "Kind", KINDS, default="ours")
        target = refs.number_cell(at, "Target")
        actual = refs.number_cell(at, "Actual")
        person = refs.find(
            at,
            "stakeholder",
            "Stakeholder",
            scope=account,
            hidden=STAKEHOLDER_ID,
            current=own.get("stakeholder_id"),
        )
        if INVALID in (values, kind, target, actual, person):
            return INVALID
        values |= {
            "account_id": account,
            "kind": kind,
            "target": target,
            "actual": actual,
            "stakeholder_id": person,
        }
        depends = refs.needs(trip, "account", account) + refs.needs(trip, "stakeholder", person)
        return RowValues(values, depends)

    def show(self, trip: RoundTrip, name: str, value: Any) -> str:
        if name == "account_id":
            return trip.account_name(value) if value is not None else WHOLE_PLAN
        if name == "stakeholder_id":
            return refs.plan_name(trip, "stakeholder", value)
        if name == "kind":
            return KINDS.get(value, value or "")
        if name in ("target", "actual"):
            return "" if value is None else f"{value:g}"
        return super().show(trip, name, value)


SHEET = ObjectivesSheet()
