"""Everything attached to an account or a stakeholder, captured so a delete can be undone.

Deleting relies on the database's ON DELETE rules; undo re-inserts the captured
rows exactly (same ids, versions and times) and re-links the rows whose reference
was only set to NULL. Plain data: a snapshot can live on an undo stack for hours.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, insert, or_, select, update
from sqlalchemy.orm import Session

from abm_planner.store.models import (
    Account,
    AccountLeadCheck,
    ActionItem,
    CriterionScore,
    Decision,
    Estimate,
    NodePosition,
    Objective,
    PlayAssignment,
    Stakeholder,
    StakeholderLine,
    Touch,
    Whitespace,
    WorkshopAccount,
    play_targets,
    stakeholder_roles,
)


@dataclass(slots=True)
class Relink:
    """Rows whose ``column`` pointed at the deleted record and was set to NULL."""

    table: Table
    column: str
    value: uuid.UUID
    ids: list[uuid.UUID]


@dataclass(slots=True)
class Snapshot:
    """Rows per table in an order that satisfies foreign keys when re-inserted."""

    kind: str
    record_id: uuid.UUID
    account_id: uuid.UUID
    tables: list[tuple[Table, list[dict[str, Any]]]] = field(default_factory=list)
    relinks: list[Relink] = field(default_factory=list)

    def count(self, table: Table) -> int:
        return sum(len(rows) for t, rows in self.tables if t is table)

    def capture(self, session: Session, table: Any, condition: Any) -> None:
        """Add the rows of ``table`` that match ``condition`` (parents before children)."""
        self.tables.append((table, rows_where(session, table, condition)))


def rows_where(session: Session, table: Any, condition: Any) -> list[dict[str, Any]]:
    """Every column of the matching rows, as plain values."""
    return [dict(row) for row in session.execute(select(table).where(condition)).mappings()]


def capture_account(session: Session, account_id: uuid.UUID) -> Snapshot:
    snapshot = Snapshot("account", account_id, account_id)
    people = select(Stakeholder.id).where(Stakeholder.account_id == account_id)
    plays = select(PlayAssignment.id).where(PlayAssignment.account_id == account_id)
    by_account = [
        (Account.__table__, Account.id == account_id),
        (Stakeholder.__table__, Stakeholder.account_id == account_id),
        (stakeholder_roles, stakeholder_roles.c.stakeholder_id.in_(people)),
        (StakeholderLine.__table__, StakeholderLine.account_id == account_id),
        (NodePosition.__table__, NodePosition.stakeholder_id.in_(people)),
        (PlayAssignment.__table__, PlayAssignment.account_id == account_id),
        (play_targets, play_targets.c.assignment_id.in_(plays)),
        (Touch.__table__, Touch.account_id == account_id),
        (Objective.__table__, Objective.account_id == account_id),
        (Whitespace.__table__, Whitespace.account_id == account_id),
        (CriterionScore.__table__, CriterionScore.account_id == account_id),
        (AccountLeadCheck.__table__, AccountLeadCheck.account_id == account_id),
        (Decision.__table__, Decision.account_id == account_id),
        (ActionItem.__table__, ActionItem.account_id == account_id),
        (WorkshopAccount.__table__, WorkshopAccount.account_id == account_id),
        (
            Estimate.__table__,
            or_(Estimate.account_id == account_id, Estimate.stakeholder_id.in_(people)),
        ),
    ]
    for table, condition in by_account:
        snapshot.capture(session, table, condition)
    return snapshot


def capture_stakeholder(session: Session, stakeholder_id: uuid.UUID) -> Snapshot:
    account_id = session.scalar(
        select(Stakeholder.account_id).where(Stakeholder.id == stakeholder_id)
    )
    assert account_id is not None
    snapshot = Snapshot("stakeholder", stakeholder_id, account_id)
    lines = StakeholderLine.__table__
    parts = [
        (Stakeholder.__table__, Stakeholder.id == stakeholder_id),
        (stakeholder_roles, stakeholder_roles.c.stakeholder_id == stakeholder_id),
        (lines, or_(lines.c.source_id == stakeholder_id, lines.c.target_id == stakeholder_id)),
        (NodePosition.__table__, NodePosition.stakeholder_id == stakeholder_id),
        (play_targets, play_targets.c.stakeholder_id == stakeholder_id),
        (Touch.__table__, Touch.stakeholder_id == stakeholder_id),
        (Estimate.__table__, Estimate.stakeholder_id == stakeholder_id),
    ]
    for table, condition in parts:
        snapshot.capture(session, table, condition)
    objectives = list(
        session.scalars(select(Objective.id).where(Objective.stakeholder_id == stakeholder_id))
    )
    if objectives:
        snapshot.relinks.append(
            Relink(Objective.__table__, "stakeholder_id", stakeholder_id, objectives)  # type: ignore[arg-type]
        )
    return snapshot


def restore(session: Session, snapshot: Snapshot) -> None:
    """Put a captured record and everything attached to it back, as it was."""
    for table, rows in snapshot.tables:
        if rows:
            session.execute(insert(table), rows)
    for relink in snapshot.relinks:
        session.execute(
            update(relink.table)
            .where(relink.table.c.id.in_(relink.ids))
            .values({relink.column: relink.value})
        )
