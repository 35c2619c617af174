"""How a row of an edited export names other records: accounts, people, plays, templates.

Rows name records the way a person reads them (an account's name, "Ann Lee"),
and the export adds the hidden id where names may repeat. The hidden id wins
while the visible name still fits it, so two people of one name keep their
lines; once a person types another name, the name decides: one record of that
name in the row's account (in the plan, or added or renamed by this workbook)
or an error at the cell that says whether none or several fit.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from abm_planner.domain.fields import FieldKind, FieldSpec
from abm_planner.excel import export_layout as layout
from abm_planner.excel import value_parsing as parse
from abm_planner.excel.export_data import WHOLE_PLAN
from abm_planner.excel.field_values import INVALID
from abm_planner.excel.header_mapping import squash
from abm_planner.excel.plan_index import name_key
from abm_planner.excel.sheet_rows import SheetRows
from abm_planner.store.models import PlayAssignment, PlayTemplate

if TYPE_CHECKING:
    from abm_planner.excel.round_trip import RoundTrip


@dataclass(frozen=True, slots=True)
class RowAt:
    """The row being read: its round trip, sheet, Excel row number and cells."""

    trip: RoundTrip
    sheet: SheetRows
    number: int
    row: list[Any]


Names = tuple[dict[uuid.UUID, tuple[str, Any]], dict[tuple[Any, str], list[uuid.UUID]]]
FORMULA = "a formula where a value belongs; type the value instead"
NOUNS = {"stakeholder": "stakeholder", "play": "play", "play_template": "play in the library"}


def cell(at: RowAt, header: str) -> Any:
    """The cell's value, or INVALID (an error added) when it holds a formula."""
    trip = at.trip
    if at.sheet.is_formula(at.number, header):
        return trip.reader.error(at.sheet.where(at.number, header), FORMULA)
    return at.sheet.cell(at.row, header)


def hidden_id(sheet: SheetRows, row: list[Any], header: str) -> uuid.UUID | None:
    text = parse.text(sheet.cell(row, header))
    try:
        return uuid.UUID(text) if text else None
    except ValueError:
        return None


def account(
    at: RowAt,
    current: uuid.UUID | None,
    *,
    plan_wide: bool = False,
) -> Any:
    """The row's account: the record's own while the name fits, else the one of that name."""
    trip = at.trip
    value = cell(at, layout.ACCOUNT)
    if value is INVALID:
        return INVALID
    name = parse.text(value)
    where = at.sheet.where(at.number, layout.ACCOUNT)
    if plan_wide and (not name or name_key(name) == name_key(WHOLE_PLAN)):
        return None
    if not name:
        return trip.reader.error(where, "the row needs an account")
    if current is not None and name_key(name) == name_key(trip.account_name(current)):
        return current
    return trip.find_account(name, where)


def needs(trip: RoundTrip, kind: str, *ids: uuid.UUID | None) -> tuple[str, ...]:
    """The keys of the changes that add ``ids`` (new in this workbook) or move them here."""
    known = trip.index.accounts if kind == "account" else trip.index.people
    if kind not in ("account", "stakeholder"):
        known = _plan_names(trip, kind)[0]  # type: ignore[assignment]
    return tuple(
        f"{kind}:{i}"
        for i in ids
        if i is not None and (i not in known or (kind == "stakeholder" and i in trip.moved))
    )


def _plan_names(trip: RoundTrip, kind: str) -> Names:
    """Every plan record of ``kind``: id -> (name, scope), and (scope, name key) -> ids."""
    cached = trip.cache.get(kind)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    names: dict[uuid.UUID, tuple[str, Any]] = {}
    by_key: dict[tuple[Any, str], list[uuid.UUID]] = defaultdict(list)
    if kind == "stakeholder":
        names = {i: (s.name, s.account_id) for i, s in trip.index.people.items()}
        by_key = trip.index.person_by_name  # type: ignore[assignment]
    else:
        assert trip.session is not None
        query = (
            select(PlayAssignment.id, PlayAssignment.name, PlayAssignment.account_id)
            if kind == "play"
            else select(PlayTemplate.id, PlayTemplate.name)
        )
        for found in trip.session.execute(query):
            scope = found[2] if kind == "play" else None
            names[found[0]] = (found[1], scope)
            by_key[scope, name_key(found[1])].append(found[0])
    trip.cache[kind] = (names, by_key)
    return names, by_key


def plan_name(trip: RoundTrip, kind: str, record_id: uuid.UUID | None) -> str:
    """The name a record had when the preview began (or was given by this workbook)."""
    if record_id is None:
        return ""
    found = _plan_names(trip, kind)[0].get(record_id)
    return found[0] if found is not None else trip.added_names.get(record_id, "")


def _keys(trip: RoundTrip, kind: str, record_id: uuid.UUID) -> set[str]:
    found = _plan_names(trip, kind)[0].get(record_id)
    keys = {name_key(trip.added_names.get(record_id, ""))}
    return keys | {name_key(found[0])} if found is not None else keys


def _fits(trip: RoundTrip, kind: str, record_id: uuid.UUID, scope: Any, key: str) -> bool:
    names = _plan_names(trip, kind)[0]
    if record_id in names:
        name, own = names[record_id]
        own = trip.moved.get(record_id, own)
        if own == scope and key in (name_key(name), name_key(trip.added_names.get(record_id, ""))):
            return True
    return record_id in trip.named[kind].get((scope, key), [])


def find(
    at: RowAt,
    kind: str,
    header: str,
    *,
    scope: Any,
    hidden: str | None = None,
    current: uuid.UUID | None = None,
) -> Any:
    """The record of ``kind`` the cell names within ``scope`` (an account or None), or None."""
    trip = at.trip
    value = cell(at, header)
    if value is INVALID:
        return INVALID
    text = parse.text(value)
    if not text:
        return None
    return _one(
        trip,
        kind,
        text,
        at.sheet.where(at.number, header),
        scope=scope,
        preferred=[
            hidden_id(at.sheet, at.row, hidden) if hidden else None,
            current,
        ],
    )


def person(at: RowAt, header: str, hidden: str, *, scope: Any, current: uuid.UUID | None) -> Any:
    """The stakeholder the cell names in ``scope``; the hidden id keeps namesakes apart."""
    return find(at, "stakeholder", header, scope=scope, hidden=hidden, current=current)


def _one(
    trip: RoundTrip,
    kind: str,
    text: str,
    where: Any,
    *,
    scope: Any,
    preferred: list[uuid.UUID | None],
) -> Any:
    key = name_key(text)
    *hidden, current = preferred
    if current is not None and key in _keys(trip, kind, current):
        return current  # the record's own, even when the person moved to another account
    for candidate in hidden:
        if candidate is not None and _fits(trip, kind, candidate, scope, key):
            return candidate
    noun = NOUNS[kind]
    if kind != "play_template" and scope is None:
        return trip.reader.error(
            where, f"a {noun} belongs to an account; give the row an account or clear the cell"
        )
    by_key = _plan_names(trip, kind)[1]
    ids = [i for i in by_key.get((scope, key), []) if trip.moved.get(i, scope) == scope]
    ids += [i for i in trip.named[kind].get((scope, key), []) if i not in ids]
    place = f" at {trip.account_name(scope)}" if scope is not None else ""
    if len(ids) > 1:
        return trip.reader.error(
            where,
            f"{len(ids)} {noun}s{place} are called '{text}'; "
            "rename one in the plan or give each a different name",
        )
    if not ids:
        return trip.reader.error(
            where, f"there is no {noun} '{text}'{place} in the plan or workbook"
        )
    return ids[0]


def people(
    at: RowAt,
    header: str,
    hidden: str,
    scope: uuid.UUID | None,
    current: list[uuid.UUID],
) -> Any:
    """Several people in one cell ('; ' between names), as sorted ids, or INVALID."""
    trip = at.trip
    value = cell(at, header)
    if value is INVALID:
        return INVALID
    text = parse.text(value)
    ids = [i for i in (_uuid(p) for p in parse.split_list(at.sheet.cell(at.row, hidden), ";")) if i]
    shown = "; ".join(sorted(plan_name(trip, "stakeholder", i) for i in ids))
    if (
        ids
        and text == shown
        and (set(ids) == set(current) or all(_fits_any(trip, i, scope) for i in ids))
    ):
        return sorted(set(ids), key=str)
    found: set[uuid.UUID] = set()
    where = at.sheet.where(at.number, header)
    for part in parse.split_list(value, ";"):
        one = _one(trip, "stakeholder", part, where, scope=scope, preferred=[None])
        if one is INVALID:
            return INVALID
        found.add(one)
    return sorted(found, key=str)


def _fits_any(trip: RoundTrip, record_id: uuid.UUID, scope: Any) -> bool:
    names = _plan_names(trip, "stakeholder")[0]
    own = names[record_id][1] if record_id in names else None
    return trip.moved.get(record_id, own) == scope


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        return None


def choice(
    at: RowAt,
    header: str,
    labels: dict[str, str],
    default: str | None = None,
) -> Any:
    """One of a fixed set (by label or key, any case); ``labels`` maps key -> label."""
    trip = at.trip
    value = cell(at, header)
    if value is INVALID:
        return INVALID
    if parse.is_blank(value):
        if default is not None:
            return default
        return trip.reader.error(at.sheet.where(at.number, header), f"{header} cannot be empty")
    wanted = squash(value)
    for key, label in labels.items():
        if wanted in (squash(key), squash(label)):
            return key
    return trip.reader.error(
        at.sheet.where(at.number, header),
        f"{header}: '{parse.text(value)}' is not one of {', '.join(labels.values())}",
    )


def fields(
    at: RowAt,
    specs: list[FieldSpec],
    current: dict[str, Any],
) -> Any:
    """Plain fields (text, numbers, dates, lists, team members) by their headers, or INVALID.

    A team member keeps the record's own while the name fits it, so two members of
    one name do not make an unchanged row an error.
    """
    trip = at.trip
    values: dict[str, Any] = {}
    ok = True
    for spec in specs:
        value = cell(at, spec.label)
        if value is INVALID:
            ok = False
            continue
        where = at.sheet.where(at.number, spec.label)
        own = current.get(spec.name)
        if (
            spec.kind is FieldKind.MEMBER
            and own is not None
            and name_key(parse.text(value)) == name_key(trip.index.members.get(own, ""))
        ):
            values[spec.name] = own
            continue
        read = trip.reader.read(spec, value, where)
        if read is INVALID:
            ok = False
        else:
            values[spec.name] = read
    return values if ok else INVALID


def number_cell(at: RowAt, header: str) -> Any:
    """A decimal number, None for blank, or INVALID."""
    trip = at.trip
    value = cell(at, header)
    if value is INVALID or parse.is_blank(value):
        return None if value is not INVALID else INVALID
    try:
        return parse.number(value, decimal_comma=trip.reader.decimal_comma)
    except ValueError as problem:
        return trip.reader.error(at.sheet.where(at.number, header), f"{header}: {problem}")
