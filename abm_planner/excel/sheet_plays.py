"""The Plays sheet back into the plan: play assignments changed, added and deleted.

A row is one play run at one account: its name, the library template it came
from (by name, blank for none), lead, status, dates, budget, expected touches,
owners, the people it targets ("; " between names, the hidden Target ids keep
people of one name apart) and the outcome. "Touches logged" is counted, not
typed, and is not read. A play may move to another account by its Account cell;
its targets are then people of that account. The rules of the play editor
hold: it ends on or after its start and runs at most three years.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import select

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import FieldKind, FieldSpec
from abm_planner.excel import export_layout as layout
from abm_planner.excel import sheet_refs as refs
from abm_planner.excel.export_data import FUNCTION_LABELS
from abm_planner.excel.field_values import INVALID
from abm_planner.excel.plan_index import RecordState
from abm_planner.excel.record_sheet import RecordSheet, RowValues, load_states
from abm_planner.plays.fields import LONGEST_PLAY_DAYS
from abm_planner.store.models import PlayAssignment, play_targets

if TYPE_CHECKING:
    from abm_planner.excel.round_trip import RoundTrip

K = FieldKind
TARGET_IDS = "Target ids"
LEADS = {key: FUNCTION_LABELS[key] for key in vocab.LEAD_FUNCTIONS}
PLAIN = (
    FieldSpec("name", "Play", K.TEXT, required=True, max_length=200),
    FieldSpec("status_id", "Status", K.TERM, vocabulary=vocab.PLAY_STATUS),
    FieldSpec("start_on", "Start", K.DATE),
    FieldSpec("end_on", "End", K.DATE),
    FieldSpec("budget", "Budget", K.MONEY),
    FieldSpec("expected_touches", "Expected touches", K.INTEGER),
    FieldSpec("sales_owner_id", "Sales owner", K.MEMBER),
    FieldSpec("marketing_owner_id", "Marketing owner", K.MEMBER),
    FieldSpec("outcome", "Outcome", K.LONG_TEXT),
)
REFERENCES = (
    FieldSpec("account_id", layout.ACCOUNT, K.TERM),
    FieldSpec("template_id", "Template", K.TERM),
    FieldSpec("lead_function", "Lead", K.TERM),
    FieldSpec("target_ids", "Targets", K.TERMS),
)

BY_NAME = {s.name: s for s in (*REFERENCES, *PLAIN)}
COLUMNS = (
    "account_id",
    "name",
    "template_id",
    "lead_function",
    "status_id",
    "start_on",
    "end_on",
    "budget",
    "expected_touches",
    "sales_owner_id",
    "marketing_owner_id",
    "target_ids",
    "outcome",
)


class PlaysSheet(RecordSheet):
    sheet = layout.PLAYS
    kind = "play"
    one = "play"
    plural = "plays"
    label = "Play"
    model = PlayAssignment
    links: ClassVar[dict[str, Any]] = {
        "target_ids": (play_targets, "assignment_id", "stakeholder_id")
    }
    specs: ClassVar[dict[str, FieldSpec]] = {n: BY_NAME[n] for n in COLUMNS}  # sheet order
    required = (layout.ACCOUNT, "Play")  # whose play, and which
    plain = PLAIN
    named: ClassVar[dict[str, str]] = {"template_id": "play_template"}
    choices: ClassVar[dict[str, dict[str, str]]] = {"lead_function": LEADS}

    def load(self, trip: RoundTrip) -> dict[uuid.UUID, RecordState]:
        assert trip.session is not None
        play = PlayAssignment
        names = [s.name for s in (*REFERENCES, *PLAIN) if s.name != "target_ids"]
        scope = trip.meta.account_ids
        targets: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        target_query = select(play_targets.c.assignment_id, play_targets.c.stakeholder_id)
        if scope is not None:
            target_query = target_query.join(play, play.id == play_targets.c.assignment_id).where(
                play.account_id.in_(scope)
            )
        for assignment, person in trip.session.execute(target_query):
            targets[assignment].append(person)
        states = load_states(trip, play, names, name_field="name")
        for state in states.values():
            state.values["target_ids"] = sorted(targets.get(state.id, ()), key=str)
        return states

    def row_values(self, at: refs.RowAt, state: Any) -> Any:
        trip = at.trip
        own, account, values = self.start(at, state)
        if account is INVALID:
            return INVALID
        template = refs.find(
            at,
            "play_template",
            "Template",
            scope=None,
            current=own.get("template_id"),
        )
        lead = refs.choice(at, "Lead", LEADS, default="joint")
        targets = refs.people(at, "Targets", TARGET_IDS, account, own.get("target_ids", []))
        if INVALID in (values, template, lead, targets):
            return INVALID
        values |= {
            "account_id": account,
            "template_id": template,
            "lead_function": lead,
            "target_ids": targets,
        }
        if values["expected_touches"] is None:
            values["expected_touches"] = 0
        start, end = values["start_on"], values["end_on"]
        if start is not None and end is not None:
            if end < start:
                return trip.reader.error(
                    at.sheet.where(at.number, "End"),
                    f"the play ends ({end.isoformat()}) before it starts ({start.isoformat()})",
                )
            if (end - start).days > LONGEST_PLAY_DAYS:
                return trip.reader.error(
                    at.sheet.where(at.number, "End"), "a play runs for at most three years"
                )
        depends = (
            refs.needs(trip, "account", account)
            + refs.needs(trip, "play_template", template)
            + refs.needs(trip, "stakeholder", *targets)
        )
        return RowValues(values, depends)

    def remember(self, trip: RoundTrip, record_id: uuid.UUID, values: dict[str, Any]) -> None:
        trip.remember("play", values.get("account_id"), values.get("name", ""), record_id)

    def show(self, trip: RoundTrip, name: str, value: Any) -> str:
        if name == "target_ids":
            return "; ".join(sorted(refs.plan_name(trip, "stakeholder", i) for i in value or ()))
        return super().show(trip, name, value)


SHEET = PlaysSheet()
