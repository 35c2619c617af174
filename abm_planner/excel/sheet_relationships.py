"""The Relationships sheet back into the plan: lines between people changed, added, deleted.

A row names its account and two of its people (From, To; the hidden From id and
To id keep people of one name apart), the kind of line, dotted or not, and its
strength (1 weak to 3 strong, blank for medium). The rules of the DMU editor
hold: no line from a person to themself, no line twice (conflicts have no
direction), and reports-to lines never go round in a circle.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, ClassVar

from abm_planner.dmu.records import CONFLICTS_WITH, DEFAULT_STRENGTH, REPORTS_TO
from abm_planner.domain.fields import FieldKind, FieldSpec
from abm_planner.excel import export_layout as layout
from abm_planner.excel import sheet_refs as refs
from abm_planner.excel.export_data import LINE_LABELS
from abm_planner.excel.field_values import INVALID
from abm_planner.excel.plan_index import RecordState
from abm_planner.excel.record_sheet import RecordSheet, RowValues
from abm_planner.excel.sheet_rows import SheetRows
from abm_planner.store.models import StakeholderLine

if TYPE_CHECKING:
    from abm_planner.excel.round_trip import RoundTrip

_REF, _FLAG, _INT = FieldKind.TERM, FieldKind.FLAG, FieldKind.INTEGER
STRENGTHS = (1, 2, 3)


class RelationshipsSheet(RecordSheet):
    sheet = layout.RELATIONSHIPS
    kind = "line"
    one = "line"
    plural = "lines"
    label = "Relationship"
    model = StakeholderLine
    specs: ClassVar[dict[str, FieldSpec]] = {
        s.name: s
        for s in (
            FieldSpec("account_id", layout.ACCOUNT, _REF),
            FieldSpec("source_id", "From", _REF),
            FieldSpec("kind", "Line", _REF),
            FieldSpec("target_id", "To", _REF),
            FieldSpec("dotted", "Dotted", _FLAG),
            FieldSpec("strength", "Strength", _INT),
        )
    }
    required = (layout.ACCOUNT, "From", "Line", "To")  # which line a row is
    named: ClassVar[dict[str, str]] = {"source_id": "stakeholder", "target_id": "stakeholder"}
    choices: ClassVar[dict[str, dict[str, str]]] = {"kind": LINE_LABELS}

    def load(self, trip: RoundTrip) -> dict[uuid.UUID, RecordState]:
        """The lines as the engine loads them; "dotted" compared as a flag, as the row gives it."""
        states = super().load(trip)
        for state in states.values():
            state.values["dotted"] = bool(state.values["dotted"])
        return states

    def row_values(self, at: refs.RowAt, state: Any) -> Any:
        trip = at.trip
        own, account, values = self.start(at, state)
        if account is INVALID:
            return INVALID
        values["account_id"] = account
        for name, header, hidden in (
            ("source_id", "From", "From id"),
            ("target_id", "To", "To id"),
        ):
            person = refs.person(at, header, hidden, scope=account, current=own.get(name))
            if person is None:
                person = trip.reader.error(
                    at.sheet.where(at.number, header), f"{header} cannot be empty"
                )
            values[name] = person
        values["kind"] = refs.choice(at, "Line", LINE_LABELS)
        plain = refs.fields(at, [self.specs["dotted"], self.specs["strength"]], own)
        if INVALID in values.values() or plain is INVALID:
            return INVALID
        values["dotted"] = bool(plain["dotted"])
        strength = plain["strength"]
        values["strength"] = DEFAULT_STRENGTH if strength is None else strength
        if values["strength"] not in STRENGTHS:
            return trip.reader.error(
                at.sheet.where(at.number, "Strength"),
                "Strength is 1 (weak), 2 (medium) or 3 (strong)",
            )
        if values["source_id"] == values["target_id"]:
            return trip.reader.error(
                at.sheet.where(at.number, "To"),
                "a line joins two different people, not one to themself",
            )
        depends = refs.needs(trip, "account", account) + refs.needs(
            trip, "stakeholder", values["source_id"], values["target_id"]
        )
        return RowValues(values, depends)

    def title(self, trip: RoundTrip, values: dict[str, Any]) -> str:
        kind = values.get("kind", "")
        return (
            f"{refs.plan_name(trip, 'stakeholder', values.get('source_id'))} "
            f"{LINE_LABELS.get(kind, kind)} "
            f"{refs.plan_name(trip, 'stakeholder', values.get('target_id'))}"
        )

    def finish(
        self, trip: RoundTrip, sheet: SheetRows, rows: dict[int, dict[str, Any]], edited: set[int]
    ) -> None:
        """No line twice, and no reports-to line this workbook adds or changes closes a circle."""
        taken: dict[tuple[Any, ...], int] = {}
        up: dict[uuid.UUID, set[uuid.UUID]] = {}
        for number, values in sorted(rows.items()):
            pair: tuple[Any, ...] = (values["source_id"], values["target_id"])
            if values["kind"] == CONFLICTS_WITH:
                pair = tuple(sorted(pair, key=str))
            key = (values["kind"], *pair)
            if key in taken and (number in edited or taken[key] in edited):
                trip.reader.error(
                    sheet.where(number, "To"),
                    f"row {taken[key]} already has this line; keep one of the two rows",
                )
                continue
            taken[key] = number
            if values["kind"] == REPORTS_TO:
                up.setdefault(values["source_id"], set()).add(values["target_id"])
        for number in sorted(edited):
            values = rows[number]
            if values["kind"] != REPORTS_TO:
                continue
            chain = _path(up, values["target_id"], values["source_id"])
            if chain is not None:
                names = " → ".join(
                    refs.plan_name(trip, "stakeholder", p) for p in [values["source_id"], *chain]
                )
                trip.reader.error(
                    sheet.where(number, "To"),
                    f"reports-to lines would go round in a circle ({names}); remove one of them",
                )
                return


def _path(
    up: dict[uuid.UUID, set[uuid.UUID]], start: uuid.UUID, goal: uuid.UUID
) -> list[uuid.UUID] | None:
    """The people from ``start`` up to ``goal`` along reports-to lines, or None."""
    came_from: dict[uuid.UUID, uuid.UUID | None] = {start: None}
    todo = [start]
    while todo:
        person = todo.pop()
        if person == goal:
            chain = [person]
            while (previous := came_from[chain[-1]]) is not None:
                chain.append(previous)
            return chain[::-1]
        for boss in up.get(person, ()):
            if boss not in came_from:
                came_from[boss] = person
                todo.append(boss)
    return None


SHEET = RelationshipsSheet()
