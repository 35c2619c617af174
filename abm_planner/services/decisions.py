"""The decision log and action items, and the one-line capture the facilitator types.

In a workshop nobody fills in forms: a decision or an action is one line typed at the
keyboard (see ``parse_capture_line``), resolved against the plan's team and accounts.
Delete functions return the removed row so an undo can put it back exactly.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.plans import UnitOfWork
from abm_planner.services.snapshots import rows_where
from abm_planner.store.models import Account, ActionItem, Decision, TeamMember, Workshop

ACTION_STATUSES = ("open", "done", "dropped")
Link = tuple[str, uuid.UUID] | dict[str, Any]
_ACTION_FIELDS = {"text", "account_id", "workshop_id", "owner_id", "due_on", "status", "linked"}


@dataclass(frozen=True, slots=True)
class DecisionRow:
    id: uuid.UUID
    decided_on: date
    title: str
    text: str
    decided_by: str
    workshop_title: str | None
    account_id: uuid.UUID | None = None
    account_name: str | None = None
    details: str = "{}"


@dataclass(frozen=True, slots=True)
class ActionRow:
    id: uuid.UUID
    text: str
    owner_name: str | None
    due_on: date | None
    status: str
    workshop_title: str | None
    account_id: uuid.UUID | None = None
    account_name: str | None = None
    owner_id: uuid.UUID | None = None


def links_json(linked: Iterable[Link]) -> str:
    """Linked records as stored: a JSON list of {"type", "id"}."""
    items = []
    for link in linked:
        kind, record = (link["type"], link["id"]) if isinstance(link, dict) else link
        items.append({"type": str(kind), "id": str(record)})
    return json.dumps(items)


def _text(text: str, what: str) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise UserError(f"Type the {what} before saving it.")
    return cleaned


def _check_refs(
    session: Session, account_id: uuid.UUID | None, workshop_id: uuid.UUID | None
) -> None:
    if account_id is not None and session.get(Account, account_id) is None:
        raise NotFoundError("That account no longer exists.")
    if workshop_id is not None and session.get(Workshop, workshop_id) is None:
        raise NotFoundError("That workshop no longer exists.")


def add_decision(
    unit: UnitOfWork,
    *,
    text: str,
    account_id: uuid.UUID | None = None,
    workshop_id: uuid.UUID | None = None,
    linked: Iterable[Link] = (),
    decided_by: str = "",
    details: dict[str, Any] | None = None,
    decided_on: date | None = None,
) -> uuid.UUID:
    """Log a decision; its title is the first line of ``text`` (at most 300 characters)."""
    text = _text(text, "decision")
    _check_refs(unit.session, account_id, workshop_id)
    decision = Decision(
        account_id=account_id,
        workshop_id=workshop_id,
        decided_on=decided_on or date.today(),
        title=text.splitlines()[0][:300],
        text=text,
        decided_by=decided_by.strip()[:300],
        linked=links_json(linked),
        details=json.dumps(details or {}),
    )
    unit.session.add(decision)
    unit.session.flush()
    unit.changed("decision", decision.id, account_id=account_id)
    return decision.id


def _check_action(session: Session, fields: dict[str, Any]) -> None:
    if fields.get("status", "open") not in ACTION_STATUSES:
        raise UserError(f"An action is {', '.join(ACTION_STATUSES)}, not {fields['status']!r}.")
    owner = fields.get("owner_id")
    if owner is not None and session.get(TeamMember, owner) is None:
        raise NotFoundError("That owner is no longer on the team.")
    _check_refs(session, fields.get("account_id"), fields.get("workshop_id"))


def add_action(
    unit: UnitOfWork,
    *,
    text: str,
    account_id: uuid.UUID | None = None,
    workshop_id: uuid.UUID | None = None,
    owner_id: uuid.UUID | None = None,
    due_on: date | None = None,
    status: str = "open",
    linked: Iterable[Link] = (),
) -> uuid.UUID:
    """Record an action item (who does what by when)."""
    fields = {"account_id": account_id, "workshop_id": workshop_id, "owner_id": owner_id}
    _check_action(unit.session, fields | {"status": status})
    action = ActionItem(
        text=_text(text, "action"),
        due_on=due_on,
        status=status,
        linked=links_json(linked),
        **fields,
    )
    unit.session.add(action)
    unit.session.flush()
    unit.changed("action", action.id, account_id=account_id)
    return action.id


def update_action(unit: UnitOfWork, action_id: uuid.UUID, **fields: Any) -> dict[str, Any]:
    """Change fields of an action; returns their previous values (for undo)."""
    unknown = set(fields) - _ACTION_FIELDS
    if unknown:
        raise UserError(f"An action has no field {sorted(unknown)[0]!r}.")
    action = unit.session.get(ActionItem, action_id)
    if action is None:
        raise NotFoundError("That action no longer exists.")
    if "text" in fields:
        fields["text"] = _text(fields["text"], "action")
    if "linked" in fields and not isinstance(fields["linked"], str):
        fields["linked"] = links_json(fields["linked"])
    _check_action(unit.session, {"status": action.status} | fields)
    previous = {name: getattr(action, name) for name in fields}
    for name, value in fields.items():
        setattr(action, name, value)
    unit.session.flush()
    unit.changed("action", action.id, account_id=action.account_id)
    return previous


def _delete(unit: UnitOfWork, model: Any, record_id: uuid.UUID, kind: str) -> dict[str, Any]:
    table = model.__table__
    rows = rows_where(unit.session, table, table.c.id == record_id)
    if not rows:
        raise NotFoundError(f"That {kind} no longer exists.")
    unit.session.execute(delete(table).where(table.c.id == record_id))
    unit.changed("decision" if model is Decision else "action", record_id)
    return rows[0]


def delete_decision(unit: UnitOfWork, decision_id: uuid.UUID) -> dict[str, Any]:
    """Remove a decision; returns its row for ``restore_decision``."""
    return _delete(unit, Decision, decision_id, "decision")


def delete_action(unit: UnitOfWork, action_id: uuid.UUID) -> dict[str, Any]:
    """Remove an action; returns its row for ``restore_action``."""
    return _delete(unit, ActionItem, action_id, "action")


def restore_decision(unit: UnitOfWork, row: dict[str, Any]) -> None:
    unit.session.execute(insert(Decision), [row])
    unit.changed("decision", row["id"], account_id=row.get("account_id"))


def restore_action(unit: UnitOfWork, row: dict[str, Any]) -> None:
    unit.session.execute(insert(ActionItem), [row])
    unit.changed("action", row["id"], account_id=row.get("account_id"))


def _decision_rows(session: Session, where: Any) -> list[DecisionRow]:
    query = (
        select(Decision, Workshop.title, Account.name)
        .outerjoin(Workshop, Workshop.id == Decision.workshop_id)
        .outerjoin(Account, Account.id == Decision.account_id)
        .where(where)
        .order_by(Decision.decided_on.desc(), Decision.created_at.desc())
    )
    return [
        DecisionRow(
            d.id,
            d.decided_on,
            d.title,
            d.text,
            d.decided_by,
            workshop,
            d.account_id,
            account,
            d.details,
        )
        for d, workshop, account in session.execute(query)
    ]


def _action_rows(session: Session, where: Any) -> list[ActionRow]:
    query = (
        select(ActionItem, TeamMember.name, Workshop.title, Account.name)
        .outerjoin(TeamMember, TeamMember.id == ActionItem.owner_id)
        .outerjoin(Workshop, Workshop.id == ActionItem.workshop_id)
        .outerjoin(Account, Account.id == ActionItem.account_id)
        .where(where)
        .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.created_at)
    )
    return [
        ActionRow(
            a.id, a.text, owner, a.due_on, a.status, workshop, a.account_id, account, a.owner_id
        )
        for a, owner, workshop, account in session.execute(query)
    ]


def decisions_for_account(session: Session, account_id: uuid.UUID) -> list[DecisionRow]:
    """The account's decision log, newest first."""
    return _decision_rows(session, Decision.account_id == account_id)


def decisions_for_workshop(session: Session, workshop_id: uuid.UUID) -> list[DecisionRow]:
    return _decision_rows(session, Decision.workshop_id == workshop_id)


def open_actions_for_account(session: Session, account_id: uuid.UUID) -> list[ActionRow]:
    """The account's open actions, soonest due first (undated last)."""
    return _action_rows(
        session, (ActionItem.account_id == account_id) & (ActionItem.status == "open")
    )


def actions_for_account(session: Session, account_id: uuid.UUID) -> list[ActionRow]:
    return _action_rows(session, ActionItem.account_id == account_id)


def actions_for_workshop(session: Session, workshop_id: uuid.UUID) -> list[ActionRow]:
    return _action_rows(session, ActionItem.workshop_id == workshop_id)


# -- one-line capture -------------------------------------------------------------------

_MARKER = re.compile(r"(?:^|(?<=\s))([@!#])")
_RELATIVE = re.compile(r"^\+(\d{1,3})\s*([dw]?)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CaptureLine:
    """What a typed line says, before names are looked up in the plan."""

    text: str
    owner: str | None = None
    due_on: date | None = None
    account: str | None = None


def _due(value: str, today: date) -> date:
    lowered = value.lower()
    if lowered == "today":
        return today
    if lowered == "tomorrow":
        return today + timedelta(days=1)
    relative = _RELATIVE.match(value)
    if relative:
        days = int(relative.group(1)) * (7 if relative.group(2).lower() == "w" else 1)
        return today + timedelta(days=days)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UserError(
            f"“!{value}” is not a due date; write !2026-12-15, !today, !tomorrow, !+3 or !+2w."
        ) from None


def parse_capture_line(text: str, *, today: date | None = None) -> CaptureLine:
    """Split one typed line into its text, owner, due date and account.

    Syntax: the text first, then any of ``@owner`` (a team member's name, spaces
    allowed), ``!due`` (``2026-12-15``, ``today``, ``tomorrow``, ``+3`` days or
    ``+2w`` weeks) and ``#account`` (an account's name, spaces allowed), in any
    order. A marker counts only at the start or after a space, so ``ana@x.com`` stays
    text. Each marker may appear once. Example::

        Ship pilot proposal @Ana Ruiz !2026-12-15 #Contoso
    """
    today = today or date.today()
    parts = _MARKER.split(text.strip())
    body, values = parts[0].strip(), dict[str, str]()
    for marker, raw in zip(parts[1::2], parts[2::2], strict=True):
        value = " ".join(raw.split())
        if marker in values:
            names = {"@": "owner", "!": "due date", "#": "account"}
            raise UserError(f"Give one {names[marker]} ({marker}) per line.")
        if not value:
            raise UserError(f"“{marker}” needs a name or date right after it.")
        values[marker] = value
    if not body:
        raise UserError("Type what was decided or what is to be done before the @, ! or #.")
    due = _due(values["!"], today) if "!" in values else None
    return CaptureLine(body, values.get("@"), due, values.get("#"))


def _by_name(session: Session, model: Any, name: str, what: str) -> uuid.UUID:
    """The one record whose name is ``name`` (any case), or starts with it."""
    lowered = name.casefold()
    exact = list(session.scalars(select(model.id).where(func.lower(model.name) == lowered)))
    if len(exact) == 1:
        return exact[0]
    candidates = [
        (record_id, record_name)
        for record_id, record_name in session.execute(select(model.id, model.name))
        if record_name.casefold().startswith(lowered)
    ]
    if len(exact) > 1 or len(candidates) > 1:
        raise UserError(f"More than one {what} matches “{name}”; type more of the name.")
    if not candidates:
        raise NotFoundError(f"There is no {what} called “{name}”.")
    return candidates[0][0]


@dataclass(frozen=True, slots=True)
class ResolvedCapture:
    text: str
    owner_id: uuid.UUID | None
    due_on: date | None
    account_id: uuid.UUID | None


def resolve_capture(
    session: Session, line: CaptureLine, *, default_account_id: uuid.UUID | None = None
) -> ResolvedCapture:
    """Look up the line's owner and account by name (exact, else a unique prefix)."""
    owner = None if line.owner is None else _by_name(session, TeamMember, line.owner, "team member")
    account = (
        default_account_id
        if line.account is None
        else _by_name(session, Account, line.account, "account")
    )
    return ResolvedCapture(line.text, owner, line.due_on, account)
