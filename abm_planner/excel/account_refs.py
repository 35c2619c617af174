"""How the rows of an edited export name accounts, and how a stakeholder moves.

An account is found by name among the plan's accounts and those the workbook
adds or renames; a name two accounts share is an error naming both. A
stakeholder row keeps its hidden account id while its Account cell still names
that account; another name there moves the person (``moved_account``), which the
preview shows as a change of the Account field with a warning of what goes.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from abm_planner.excel import export_layout as layout
from abm_planner.excel import value_parsing as parse
from abm_planner.excel.field_values import INVALID
from abm_planner.excel.import_model import WARNING, ImportIssue, Location
from abm_planner.excel.plan_index import RecordState, name_key
from abm_planner.excel.sheet_rows import SheetRows

if TYPE_CHECKING:
    from abm_planner.excel.round_trip import RoundTrip


def find_account(trip: RoundTrip, name: str, where: Location) -> Any:
    """The one account called ``name`` in the plan or this workbook, else INVALID."""
    found = [
        (i, f"the plan's account (CRM id '{trip.index.accounts[i].crm_id}')")
        for i in trip.index.account_by_name.get(name_key(name), [])
    ]
    found += [(i, str(place)) for i, place in trip.new_accounts.get(name_key(name), [])]
    known = {i for i, _ in found}
    found += [
        (i, "an account renamed in this workbook")
        for i in trip.named["account"].get((None, name_key(name)), [])
        if i not in known
    ]
    if len(found) > 1:
        return trip.reader.error(
            where, f"account '{name}' is ambiguous: it fits {found[0][1]} and {found[1][1]}"
        )
    if not found:
        return trip.reader.error(
            where, f"there is no account '{name}' in the plan or this workbook"
        )
    return found[0][0]


def stakeholder_account(trip: RoundTrip, row: list[Any], number: int, sheet: SheetRows) -> Any:
    """The account a stakeholder row names: its hidden id while the name fits, else by name."""
    name = parse.text(sheet.cell(row, layout.ACCOUNT))
    hidden = parse.text(sheet.cell(row, layout.ACCOUNT_ID))
    try:
        account_id = uuid.UUID(hidden) if hidden else None
    except ValueError:
        account_id = None
    if account_id in trip.index.accounts and (
        not name or name_key(name) == name_key(trip.index.accounts[account_id].name)
    ):
        return account_id
    where = sheet.where(number, layout.ACCOUNT)
    if not name:
        return trip.reader.error(where, "a stakeholder needs an account")
    return find_account(trip, name, where)


def moved_account(
    trip: RoundTrip, sheet: SheetRows, row: list[Any], number: int, state: RecordState
) -> Any:
    """The account a stakeholder moves to by an edited Account cell, None if it stays."""
    if not sheet.has(layout.ACCOUNT):
        return None
    name = parse.text(sheet.cell(row, layout.ACCOUNT))
    where = sheet.where(number, layout.ACCOUNT)
    if not name:
        return trip.reader.error(where, "a stakeholder needs an account")
    if name_key(name) == name_key(trip.account_name(state.account_id)):
        return None
    account_id = find_account(trip, name, where)
    if account_id is INVALID or account_id == state.account_id:
        return None if account_id == state.account_id else INVALID
    trip.moved[state.id] = account_id
    trip.issues.append(
        ImportIssue(
            WARNING,
            f"{state.name} moves from {trip.account_name(state.account_id)} to "
            f"{trip.account_name(account_id)}: their lines to people of "
            f"{trip.account_name(state.account_id)} and their place among the targets "
            "of its plays go; their touches stay as history",
            where,
        )
    )
    return account_id
