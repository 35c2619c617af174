"""The Decisions sheet back into the plan: the decision log changed, added and deleted.

A row is one decision of an account, or of the whole plan ("(whole plan)" or a
blank Account): date (needed), title, text, who decided and the workshop it was
taken in (found by its title; the plan's workshops are few). A new row without a
title takes the first line of its text, as a decision typed in the app does.
"Linked" and "Details" (both estimates and the reason of an agreed estimate) are
shown for reading and never read back, so editing them changes nothing.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import select

from abm_planner.domain.fields import FieldKind, FieldSpec
from abm_planner.excel import export_layout as layout
from abm_planner.excel import sheet_refs as refs
from abm_planner.excel import value_parsing as parse
from abm_planner.excel.field_values import INVALID
from abm_planner.excel.plan_index import name_key
from abm_planner.excel.record_sheet import RecordSheet, RowValues
from abm_planner.store.models import Decision, Workshop

if TYPE_CHECKING:
    from abm_planner.excel.round_trip import RoundTrip

K = FieldKind
WORKSHOP = "Workshop"
PLAIN = (
    FieldSpec("decided_on", "Date", K.DATE),
    FieldSpec("title", "Title", K.TEXT, max_length=300),
    FieldSpec("text", "Text", K.LONG_TEXT),
    FieldSpec("decided_by", "Decided by", K.TEXT, max_length=300),
)
OTHERS = (
    FieldSpec("account_id", layout.ACCOUNT, K.TERM),
    FieldSpec("workshop_id", WORKSHOP, K.TERM),
)
BY_NAME = {s.name: s for s in (*OTHERS, *PLAIN)}
COLUMNS = ("decided_on", "account_id", "title", "text", "decided_by", "workshop_id")


def workshop_titles(trip: RoundTrip) -> tuple[dict[uuid.UUID, str], dict[str, list[uuid.UUID]]]:
    """The plan's workshops: id -> title, and title key -> ids (read once per preview)."""
    cached = trip.cache.get("workshop")
    if cached is None:
        assert trip.session is not None
        titles = dict(trip.session.execute(select(Workshop.id, Workshop.title)).all())
        by_key: dict[str, list[uuid.UUID]] = defaultdict(list)
        for ident, title in titles.items():
            by_key[name_key(title)].append(ident)
        cached = trip.cache["workshop"] = (titles, by_key)
    return cached  # type: ignore[no-any-return]


def workshop(at: refs.RowAt, current: uuid.UUID | None) -> Any:
    """The workshop the cell names: the record's own while the title fits, else by title."""
    value = refs.cell(at, WORKSHOP)
    if value is INVALID:
        return INVALID
    text = parse.text(value)
    if not text:
        return None
    titles, by_key = workshop_titles(at.trip)
    key = name_key(text)
    if current is not None and name_key(titles.get(current, "")) == key:
        return current
    found = by_key.get(key, [])
    where = at.sheet.where(at.number, WORKSHOP)
    if len(found) > 1:
        return at.trip.reader.error(
            where, f"{len(found)} workshops are called '{text}'; rename one in the plan"
        )
    if not found:
        return at.trip.reader.error(
            where, f"there is no workshop '{text}' in the plan; clear the cell or use its title"
        )
    return found[0]


def show_workshop(trip: RoundTrip, value: Any) -> str:
    """The workshop a row was taken in as its title (blank for none)."""
    return workshop_titles(trip)[0].get(value, "") if value is not None else ""


class DecisionsSheet(RecordSheet):
    sheet = layout.DECISIONS
    kind = "decision"
    one = "decision"
    plural = "decisions"
    label = "Decision"
    name_field = "title"
    model = Decision
    specs: ClassVar[dict[str, FieldSpec]] = {n: BY_NAME[n] for n in COLUMNS}  # sheet order
    required = (layout.ACCOUNT, "Date")  # whose decision, and when
    plain = PLAIN
    plan_wide = True

    def row_values(self, at: refs.RowAt, state: Any) -> Any:
        trip = at.trip
        own, account, values = self.start(at, state)
        if account is INVALID:
            return INVALID
        taken_in = workshop(at, own.get("workshop_id"))
        if INVALID in (values, taken_in):
            return INVALID
        if values["decided_on"] is None:
            return trip.reader.error(at.sheet.where(at.number, "Date"), "a decision needs its date")
        if not values["title"]:
            first = values["text"].strip().splitlines()[0] if values["text"].strip() else ""
            if not first:
                return trip.reader.error(
                    at.sheet.where(at.number, "Title"), "a decision needs a title or a text"
                )
            values["title"] = first.strip()[:300]
        values |= {"account_id": account, "workshop_id": taken_in}
        return RowValues(values, refs.needs(trip, "account", account))

    def show(self, trip: RoundTrip, name: str, value: Any) -> str:
        if name == "workshop_id":
            return show_workshop(trip, value)
        return super().show(trip, name, value)


SHEET = DecisionsSheet()
