"""The Objectives & metrics sheet back into the plan: objectives changed, added, deleted.

A row is one objective of an account, or of the whole plan ("(whole plan)" or a
blank Account): kind (customer goal, ours, relationship), the objective, its
metric, target, actual and unit, owner, due date, status and the stakeholder it
is about (a person of the account; the hidden Stakeholder id keeps people of
one name apart). "Progress" is worked out from target and actual, not read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import FieldKind, FieldSpec
from abm_planner.excel import export_layout as layout
from abm_planner.excel import sheet_refs as refs
from abm_planner.excel.export_data import KIND_LABELS
from abm_planner.excel.field_values import INVALID
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
    one = "objective"
    plural = "objectives"
    label = "Objective"
    name_field = "title"
    model = Objective
    specs: ClassVar[dict[str, FieldSpec]] = {n: BY_NAME[n] for n in COLUMNS}  # sheet order
    required = (layout.ACCOUNT, "Objective")  # whose objective, and which
    plain = PLAIN
    plan_wide = True
    named: ClassVar[dict[str, str]] = {"stakeholder_id": "stakeholder"}
    choices: ClassVar[dict[str, dict[str, str]]] = {"kind": KINDS}

    def row_values(self, at: refs.RowAt, state: Any) -> Any:
        trip = at.trip
        own, account, values = self.start(at, state)
        if account is INVALID:
            return INVALID
        kind = refs.choice(at, "Kind", KINDS, default="ours")
        target = refs.number_cell(at, "Target")
        actual = refs.number_cell(at, "Actual")
        who = refs.person(
            at, "Stakeholder", STAKEHOLDER_ID, scope=account, current=own.get("stakeholder_id")
        )
        if INVALID in (values, kind, target, actual, who):
            return INVALID
        values |= {
            "account_id": account,
            "kind": kind,
            "target": target,
            "actual": actual,
            "stakeholder_id": who,
        }
        depends = refs.needs(trip, "account", account) + refs.needs(trip, "stakeholder", who)
        return RowValues(values, depends)

    def show(self, trip: RoundTrip, name: str, value: Any) -> str:
        if name in ("target", "actual"):
            return "" if value is None else f"{value:g}"
        return super().show(trip, name, value)


SHEET = ObjectivesSheet()
