"""The Actions sheet back into the plan: action items changed, added and deleted.

A row is one action of an account, or of the whole plan ("(whole plan)" or a blank
Account): what is to be done (needed), the team member who owns it, the due date,
its status (Open, Done or Dropped; blank reads as Open) and the workshop it came
from (found by title, as on the Decisions sheet). "Linked" is shown for reading and
never read back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from abm_planner.domain.fields import FieldKind, FieldSpec
from abm_planner.excel import export_layout as layout
from abm_planner.excel import sheet_refs as refs
from abm_planner.excel.export_workshop import ACTION_STATUS_LABELS
from abm_planner.excel.field_values import INVALID
from abm_planner.excel.record_sheet import RecordSheet, RowValues
from abm_planner.excel.sheet_decisions import WORKSHOP, show_workshop, workshop
from abm_planner.store.models import ActionItem

if TYPE_CHECKING:
    from abm_planner.excel.round_trip import RoundTrip

K = FieldKind
PLAIN = (
    FieldSpec("text", "Action", K.LONG_TEXT, required=True),
    FieldSpec("owner_id", "Owner", K.MEMBER),
    FieldSpec("due_on", layout.DUE, K.DATE),
)
OTHERS = (
    FieldSpec("account_id", layout.ACCOUNT, K.TERM),
    FieldSpec("status", layout.STATUS, K.TERM),
    FieldSpec("workshop_id", WORKSHOP, K.TERM),
)
BY_NAME = {s.name: s for s in (*OTHERS, *PLAIN)}
COLUMNS = ("account_id", "text", "owner_id", "due_on", "status", "workshop_id")
TITLE_LENGTH = 80


class ActionsSheet(RecordSheet):
    sheet = layout.ACTIONS
    kind = "action"
    one = "action"
    plural = "actions"
    label = "Action"
    name_field = "text"
    model = ActionItem
    specs: ClassVar[dict[str, FieldSpec]] = {n: BY_NAME[n] for n in COLUMNS}  # sheet order
    required = (layout.ACCOUNT, "Action")  # whose action, and which
    plain = PLAIN
    plan_wide = True
    choices: ClassVar[dict[str, dict[str, str]]] = {"status": ACTION_STATUS_LABELS}

    def row_values(self, at: refs.RowAt, state: Any) -> Any:
        trip = at.trip
        own, account, values = self.start(at, state)
        if account is INVALID:
            return INVALID
        status = refs.choice(at, layout.STATUS, ACTION_STATUS_LABELS, default="open")
        taken_in = workshop(at, own.get("workshop_id"))
        if INVALID in (values, status, taken_in):
            return INVALID
        values |= {"account_id": account, "status": status, "workshop_id": taken_in}
        return RowValues(values, refs.needs(trip, "account", account))

    def title(self, trip: RoundTrip, values: dict[str, Any]) -> str:  # noqa: ARG002 - base's
        text = " ".join(str(values.get("text") or "").split())
        return text if len(text) <= TITLE_LENGTH else text[: TITLE_LENGTH - 1] + "…"

    def show(self, trip: RoundTrip, name: str, value: Any) -> str:
        if name == "workshop_id":
            return show_workshop(trip, value)
        return super().show(trip, name, value)


SHEET = ActionsSheet()
