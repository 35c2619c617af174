"""Lines between the people of one account: reports-to (maybe dotted), influences, conflicts.

Each call is one user action in one unit of work and returns what its undo needs
as plain data: ``add_line`` the new id (``delete_line`` undoes it), ``delete_line``
the deleted row exactly as stored (``restore_line`` puts it back with the same id,
times and version), ``set_manager`` a ``ManagerChange`` (``restore_manager`` undoes
it). Redo passes the id of the first run back in, so a later step that names the
line (deleting it, say) still finds it after undo and redo.

Refusals are ``UserError`` sentences naming the people: a line from a person to
themself, to someone in another account, a line that already exists, and a
reporting line that would close a circle of managers (imports may bring such
circles, and the analysis reports them; the map does not make new ones).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, insert, or_, select
from sqlalchemy.orm import Session

from abm_planner.dmu.records import (
    CONFLICTS_WITH,
    DEFAULT_STRENGTH,
    INFLUENCES,
    LINE_KINDS,
    REPORTS_TO,
)
from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.plans import Plan
from abm_planner.store.models import Account, Stakeholder, StakeholderLine

CHANGE_KIND = "stakeholder_line"
STRENGTHS = (1, 2, 3)

_LINES: Table = StakeholderLine.__table__  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class LineRow:
    """One line as the map draws it."""

    id: uuid.UUID
    account_id: uuid.UUID
    source_id: uuid.UUID
    target_id: uuid.UUID
    kind: str
    dotted: bool
    strength: int


@dataclass(frozen=True, slots=True)
class ManagerChange:
    """What ``set_manager`` did: the solid (and same-person dotted) lines it removed,
    as stored rows, and the id of the line it added (``None`` when the manager was removed).
    """

    stakeholder_id: uuid.UUID
    account_id: uuid.UUID
    removed: tuple[dict[str, Any], ...]
    added_id: uuid.UUID | None


def list_lines(plan: Plan, account_id: uuid.UUID) -> list[LineRow]:
    """Every line of the account, in a stable order."""
    with plan.read() as session:
        rows = session.execute(
            select(
                StakeholderLine.id,
                StakeholderLine.account_id,
                StakeholderLine.source_id,
                StakeholderLine.target_id,
                StakeholderLine.kind,
                StakeholderLine.dotted,
                StakeholderLine.strength,
            )
            .where(StakeholderLine.account_id == account_id)
            .order_by(StakeholderLine.created_at, StakeholderLine.id)
        )
        return [
            LineRow(i, a, s, t, kind, bool(dotted), strength or DEFAULT_STRENGTH)
            for i, a, s, t, kind, dotted, strength in rows
        ]


# --------------------------------------------------------------------------- checks
def _person(session: Session, person_id: uuid.UUID) -> Stakeholder:
    person = session.get(Stakeholder, person_id)
    if person is None:
        raise NotFoundError("That stakeholder no longer exists.")
    return person


def _account_name(session: Session, account_id: uuid.UUID) -> str:
    return session.scalar(select(Account.name).where(Account.id == account_id)) or "?"


def _check_pair(
    session: Session, source: Stakeholder, target: Stakeholder, account_id: uuid.UUID | None
) -> None:
    if source.id == target.id:
        raise UserError(f"{source.name} cannot have a line to themself; choose another person.")
    if source.account_id != target.account_id:
        raise UserError(
            f"{target.name} works for {_account_name(session, target.account_id)}, not for "
            f"{_account_name(session, source.account_id)} like {source.name}; "
            "lines join people of the same account."
        )
    if account_id is not None and source.account_id != account_id:
        raise UserError(
            f"{source.name} is not a stakeholder of {_account_name(session, account_id)}."
        )


def _managers_above(session: Session, account_id: uuid.UUID, start: uuid.UUID) -> set[uuid.UUID]:
    """Everyone ``start`` reports to, directly or through others (solid or dotted)."""
    up: dict[uuid.UUID, list[uuid.UUID]] = {}
    rows = session.execute(
        select(StakeholderLine.source_id, StakeholderLine.target_id).where(
            StakeholderLine.account_id == account_id, StakeholderLine.kind == REPORTS_TO
        )
    )
    for child, boss in rows:
        up.setdefault(child, []).append(boss)
    seen: set[uuid.UUID] = set()
    todo = [start]
    while todo:
        for boss in up.get(todo.pop(), []):
            if boss not in seen:
                seen.add(boss)
                todo.append(boss)
    return seen


def _check_no_circle(session: Session, person: Stakeholder, manager: Stakeholder) -> None:
    if person.id in _managers_above(session, person.account_id, manager.id):
        raise UserError(
            f"{manager.name} already reports to {person.name}, directly or through others, "
            f"so {person.name} cannot report to {manager.name}; "
            f"change {manager.name}'s manager first."
        )


def _existing(
    session: Session, source_id: uuid.UUID, target_id: uuid.UUID, kind: str
) -> StakeholderLine | None:
    forward = (StakeholderLine.source_id == source_id) & (StakeholderLine.target_id == target_id)
    backward = (StakeholderLine.source_id == target_id) & (StakeholderLine.target_id == source_id)
    pair = or_(forward, backward) if kind == CONFLICTS_WITH else forward  # conflicts: no direction
    return session.scalars(
        select(StakeholderLine).where(pair, StakeholderLine.kind == kind)
    ).first()


def _refuse_duplicate(existing: StakeholderLine, source: Stakeholder, target: Stakeholder) -> None:
    if existing.kind == INFLUENCES:
        raise UserError(f"{source.name} already influences {target.name}.")
    if existing.kind == CONFLICTS_WITH:
        raise UserError(f"{source.name} and {target.name} are already marked as in conflict.")
    how = "on a dotted line" if existing.dotted else "directly"
    raise UserError(f"{source.name} already reports to {target.name} ({how}).")


def _row(session: Session, line_id: uuid.UUID) -> dict[str, Any]:
    found = session.execute(select(_LINES).where(_LINES.c.id == line_id)).mappings().first()
    if found is None:
        raise NotFoundError("That line no longer exists.")
    return dict(found)


# --------------------------------------------------------------------------- edits
def add_line(
    plan: Plan,
    account_id: uuid.UUID,
    source_id: uuid.UUID,
    target_id: uuid.UUID,
    kind: str,
    *,
    dotted: bool = False,
    strength: int = DEFAULT_STRENGTH,
    line_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Draw a line from ``source`` to ``target``; its id. ``dotted`` is for reports-to only.

    For reports-to, ``source`` reports to ``target``; conflicts have no direction.
    """
    if kind not in LINE_KINDS:
        raise ValueError(f"unknown line kind {kind!r}; expected one of {LINE_KINDS}")
    if strength not in STRENGTHS:
        raise UserError("The strength of a line is 1 (weak), 2 (medium) or 3 (strong).")
    with plan.write() as unit:
        session = unit.session
        source, target = _person(session, source_id), _person(session, target_id)
        _check_pair(session, source, target, account_id)
        existing = _existing(session, source_id, target_id, kind)
        if existing is not None:
            _refuse_duplicate(existing, source, target)
        if kind == REPORTS_TO:
            _check_no_circle(session, source, target)
        line = StakeholderLine(
            id=line_id or uuid.uuid4(),
            account_id=account_id,
            source_id=source_id,
            target_id=target_id,
            kind=kind,
            dotted=dotted and kind == REPORTS_TO,
            strength=strength,
        )
        session.add(line)
        session.flush()
        unit.changed(CHANGE_KIND, line.id, account_id=account_id)
        return line.id


def delete_line(plan: Plan, line_id: uuid.UUID) -> dict[str, Any]:
    """Remove one line; the row as it was stored, for ``restore_line``."""
    with plan.write() as unit:
        row = _row(unit.session, line_id)
        unit.session.execute(delete(StakeholderLine).where(StakeholderLine.id == line_id))
        unit.changed(CHANGE_KIND, line_id, account_id=row["account_id"])
    return row


def _insert_rows(session: Session, rows: Iterable[Mapping[str, Any]]) -> list[uuid.UUID]:
    rows = [dict(r) for r in rows]
    people = {r["source_id"] for r in rows} | {r["target_id"] for r in rows}
    found = set(session.scalars(select(Stakeholder.id).where(Stakeholder.id.in_(people))))
    if people - found:
        raise NotFoundError("A stakeholder of that line no longer exists.")
    if rows:
        session.execute(insert(_LINES), rows)
    return [r["id"] for r in rows]


def restore_line(plan: Plan, row: Mapping[str, Any]) -> None:
    """Put back a line ``delete_line`` removed: same id, times and version."""
    with plan.write() as unit:
        _insert_rows(unit.session, [row])
        unit.changed(CHANGE_KIND, row["id"], account_id=row["account_id"])


def _reporting_lines(session: Session, person_id: uuid.UUID) -> list[StakeholderLine]:
    return list(
        session.scalars(
            select(StakeholderLine).where(
                StakeholderLine.source_id == person_id, StakeholderLine.kind == REPORTS_TO
            )
        )
    )


def set_manager(
    plan: Plan,
    stakeholder_id: uuid.UUID,
    manager_id: uuid.UUID | None,
    *,
    line_id: uuid.UUID | None = None,
) -> ManagerChange:
    """Make ``manager_id`` the one solid-line manager of ``stakeholder_id`` (or remove it).

    Their earlier solid reporting lines go; dotted lines stay, except a dotted line to
    the new manager, which the solid one replaces. Returns what ``restore_manager``
    needs to undo it.
    """
    with plan.write() as unit:
        session = unit.session
        person = _person(session, stakeholder_id)
        account_id = person.account_id
        lines = _reporting_lines(session, stakeholder_id)
        if manager_id is None:
            gone = [line for line in lines if not line.dotted]
        else:
            manager = _person(session, manager_id)
            _check_pair(session, person, manager, None)
            gone = [line for line in lines if not line.dotted or line.target_id == manager_id]
            if [(g.target_id, g.dotted) for g in gone] == [(manager_id, False)]:
                raise UserError(f"{person.name} already reports to {manager.name}.")
        removed = tuple(_row(session, line.id) for line in gone)
        if gone:
            session.execute(
                delete(StakeholderLine).where(StakeholderLine.id.in_([g.id for g in gone]))
            )
        added: uuid.UUID | None = None
        if manager_id is not None:
            _check_no_circle(session, person, manager)
            added = line_id or uuid.uuid4()
            session.add(
                StakeholderLine(
                    id=added,
                    account_id=account_id,
                    source_id=stakeholder_id,
                    target_id=manager_id,
                    kind=REPORTS_TO,
                    dotted=False,
                    strength=DEFAULT_STRENGTH,
                )
            )
            session.flush()
        changed = [row["id"] for row in removed] + ([added] if added else [])
        if changed:
            unit.changed(CHANGE_KIND, *changed, account_id=account_id)
    return ManagerChange(stakeholder_id, account_id, removed, added)


def restore_manager(plan: Plan, change: ManagerChange) -> None:
    """Undo ``set_manager``: remove the line it added, put back the ones it removed."""
    with plan.write() as unit:
        session = unit.session
        if change.added_id is not None:
            session.execute(delete(StakeholderLine).where(StakeholderLine.id == change.added_id))
        restored = _insert_rows(session, change.removed)
        changed = restored + ([change.added_id] if change.added_id else [])
        if changed:
            unit.changed(CHANGE_KIND, *changed, account_id=change.account_id)


def manager_of(plan: Plan, stakeholder_id: uuid.UUID) -> uuid.UUID | None:
    """The solid-line manager (the first by name when the data holds several), or None."""
    with plan.read() as session:
        return session.scalar(
            select(StakeholderLine.target_id)
            .join(Stakeholder, Stakeholder.id == StakeholderLine.target_id)
            .where(
                StakeholderLine.source_id == stakeholder_id,
                StakeholderLine.kind == REPORTS_TO,
                StakeholderLine.dotted.is_(False),
            )
            .order_by(Stakeholder.name)
            .limit(1)
        )
