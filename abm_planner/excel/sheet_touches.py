"""The Touches sheet back into the plan: logged contacts changed, added and deleted.

A row is one contact: account, date (needed), the stakeholder met, channel,
function, who of our team, the play it served and notes. The stakeholder and
the play are found in the row's account (the hidden Stakeholder id and Play id
keep records of one name apart); a touch of a stakeholder who moved to another
account keeps them, as history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import FieldKind, FieldSpec
from abm_planner.excel import export_layout as layout
from abm_planner.excel import sheet_refs as refs
from abm_planner.excel.export_data import FUNCTION_LABELS
from abm_planner.excel.field_values import INVALID
from abm_planner.excel.record_sheet import RecordSheet, RowValues
from abm_planner.store.models import Touch

if TYPE_CHECKING:
    from abm_planner.excel.round_trip import RoundTrip

K = FieldKind
STAKEHOLDER_ID = "Stakeholder id"
PLAY_ID = "Play id"
FUNCTIONS = {key: FUNCTION_LABELS[key] for key in vocab.TOUCH_FUNCTIONS}
PLAIN = (
    FieldSpec("occurred_on", "Date", K.DATE),
    FieldSpec("channel_id", "Channel", K.TERM, vocabulary=vocab.CHANNEL),
    FieldSpec("by_member_id", "By", K.MEMBER),
    FieldSpec("notes", "Notes", K.LONG_TEXT),
)
REFERENCES = (
    FieldSpec("account_id", layout.ACCOUNT, K.TERM),
    FieldSpec("stakeholder_id", "Stakeholder", K.TERM),
    FieldSpec("function", "Function", K.TERM),
    FieldSpec("assignment_id", "Play", K.TERM),
)

BY_NAME = {s.name: s for s in (*REFERENCES, *PLAIN)}
COLUMNS = (
    "account_id",
    "occurred_on",
    "stakeholder_id",
    "channel_id",
    "function",
    "by_member_id",
    "assignment_id",
    "notes",
)


class TouchesSheet(RecordSheet):
    sheet = layout.TOUCHES
    kind = "touch"
    one = "touch"
    plural = "touches"
    label = "Touch"
    model = Touch
    specs: ClassVar[dict[str, FieldSpec]] = {n: BY_NAME[n] for n in COLUMNS}  # sheet order
    required = (layout.ACCOUNT, "Date")  # whose touch, and when
    plain = PLAIN
    named: ClassVar[dict[str, str]] = {"stakeholder_id": "stakeholder", "assignment_id": "play"}
    choices: ClassVar[dict[str, dict[str, str]]] = {"function": FUNCTIONS}

    def row_values(self, at: refs.RowAt, state: Any) -> Any:
        trip = at.trip
        own, account, values = self.start(at, state)
        if account is INVALID:
            return INVALID
        who = refs.person(
            at, "Stakeholder", STAKEHOLDER_ID, scope=account, current=own.get("stakeholder_id")
        )
        play = refs.find(
            at, "play", "Play", scope=account, hidden=PLAY_ID, current=own.get("assignment_id")
        )
        function = refs.choice(at, "Function", FUNCTIONS, default="sales")
        if INVALID in (values, who, play, function):
            return INVALID
        if values["occurred_on"] is None:
            return trip.reader.error(at.sheet.where(at.number, "Date"), "a touch needs its date")
        values |= {
            "account_id": account,
            "stakeholder_id": who,
            "assignment_id": play,
            "function": function,
        }
        depends = (
            refs.needs(trip, "account", account)
            + refs.needs(trip, "stakeholder", who)
            + refs.needs(trip, "play", play)
        )
        return RowValues(values, depends)

    def title(self, trip: RoundTrip, values: dict[str, Any]) -> str:
        day = values.get("occurred_on")
        who = refs.plan_name(trip, "stakeholder", values.get("stakeholder_id"))
        return f"{day.isoformat() if day else '?'}" + (f" with {who}" if who else "")


SHEET = TouchesSheet()
