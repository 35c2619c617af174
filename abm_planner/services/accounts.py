"""Accounts: the portfolio list, one account's fields, and edits to them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import aliased

from abm_planner.domain.fields import ACCOUNT_FIELDS, field_map
from abm_planner.errors import NotFoundError
from abm_planner.services.engagement_rules import tier_suggester
from abm_planner.services.plans import Plan
from abm_planner.services.record_fields import check_references, clean_changes
from abm_planner.services.snapshots import Snapshot, capture_account, restore
from abm_planner.services.stored_ids import StoredIds, stored
from abm_planner.store.models import (
    Account,
    Objective,
    PlayAssignment,
    Stakeholder,
    TeamMember,
    Touch,
    VocabularyTerm,
)

SPECS = field_map(ACCOUNT_FIELDS)


@dataclass(frozen=True, slots=True)
class AccountRow:
    """One line of the portfolio list: labels to show, ids to filter by."""

    id: uuid.UUID
    name: str
    industry: str
    tier: str
    tier_rank: int
    stage: str
    stage_rank: int
    fit_score: float | None
    sales_owner: str
    marketing_owner: str
    region: str
    country: str
    stakeholders: int
    industry_id: uuid.UUID | None
    tier_id: uuid.UUID | None
    stage_id: uuid.UUID | None
    sales_owner_id: uuid.UUID | None
    marketing_owner_id: uuid.UUID | None
    # The tier the fit score suggests under the agreed thresholds (services.engagement_rules).
    suggested_tier_id: uuid.UUID | None = None
    suggested_tier: str = ""
    suggested_tier_rank: int = 99


def _portfolio_query(where: Any = None) -> Any:
    industry, tier, stage = (
        aliased(VocabularyTerm),
        aliased(VocabularyTerm),
        aliased(VocabularyTerm),
    )
    sales, marketing = aliased(TeamMember), aliased(TeamMember)
    people = (
        select(Stakeholder.account_id, func.count().label("n"))
        .group_by(Stakeholder.account_id)
        .subquery()
    )
    query = (
        select(
            Account.id,
            Account.name,
            func.coalesce(industry.label, ""),
            func.coalesce(tier.label, ""),
            func.coalesce(tier.sort_order, 99),
            func.coalesce(stage.label, ""),
            func.coalesce(stage.sort_order, 99),
            Account.fit_score,
            func.coalesce(sales.name, ""),
            func.coalesce(marketing.name, ""),
            Account.region,
            Account.country,
            func.coalesce(people.c.n, 0),
            # A handful of distinct ids repeat on every row: read them as stored text
            # and build each UUID once (see _rows), not once per row and column.
            stored(Account.industry_id),
            stored(Account.tier_id),
            stored(Account.stage_id),
            stored(Account.sales_owner_id),
            stored(Account.marketing_owner_id),
        )
        .outerjoin(industry, industry.id == Account.industry_id)
        .outerjoin(tier, tier.id == Account.tier_id)
        .outerjoin(stage, stage.id == Account.stage_id)
        .outerjoin(sales, sales.id == Account.sales_owner_id)
        .outerjoin(marketing, marketing.id == Account.marketing_owner_id)
        .outerjoin(people, people.c.account_id == Account.id)
        .order_by(Account.name)
    )
    return query.where(where) if where is not None else query


def list_accounts(plan: Plan) -> list[AccountRow]:
    """Every account with the columns the portfolio shows, by name."""
    with plan.read() as session:
        return _rows(session, session.execute(_portfolio_query()))


def account_row(plan: Plan, account_id: uuid.UUID) -> AccountRow | None:
    """One portfolio line, to refresh a single row after an edit."""
    with plan.read() as session:
        rows = _rows(session, session.execute(_portfolio_query(Account.id == account_id)))
        return rows[0] if rows else None


def _rows(session: Any, result: Any) -> list[AccountRow]:
    suggested = tier_suggester(session)
    ids = StoredIds()
    return [AccountRow(*(*row[:13], *map(ids, row[13:]), *suggested(row[7]))) for row in result]


def get_account(plan: Plan, account_id: uuid.UUID) -> dict[str, Any]:
    """All editable fields of one account, plus id, fit score and version."""
    with plan.read() as session:
        account = session.get(Account, account_id)
        if account is None:
            raise NotFoundError("That account no longer exists.")
        values = {name: getattr(account, name) for name in SPECS}
        values |= {"id": account.id, "fit_score": account.fit_score, "version": account.version}
        return values


def update_account(plan: Plan, account_id: uuid.UUID, changes: dict[str, Any]) -> dict[str, Any]:
    """Apply checked changes in one transaction; return the old values (for undo)."""
    clean = clean_changes(SPECS, changes)
    with plan.write() as unit:
        account = unit.session.get(Account, account_id)
        if account is None:
            raise NotFoundError("That account no longer exists.")
        check_references(unit.session, SPECS, clean)
        old = {name: getattr(account, name) for name in clean}
        for name, value in clean.items():
            setattr(account, name, value)
        unit.changed("account", account_id, account_id=account_id)
    return old


def create_account(
    plan: Plan, values: dict[str, Any], account_id: uuid.UUID | None = None
) -> uuid.UUID:
    """Add an account; ``account_id`` lets redo recreate the same record."""
    clean = clean_changes(SPECS, {"name": values.get("name", "")} | values)
    with plan.write() as unit:
        check_references(unit.session, SPECS, clean)
        account = Account(id=account_id or uuid.uuid4(), **clean)
        unit.session.add(account)
        unit.session.flush()
        unit.changed("account", account.id, account_id=account.id)
        return account.id


def delete_account(plan: Plan, account_id: uuid.UUID) -> Snapshot:
    """Delete an account with everything attached; the snapshot undoes it."""
    with plan.write() as unit:
        if unit.session.get(Account, account_id) is None:
            raise NotFoundError("That account no longer exists.")
        snapshot = capture_account(unit.session, account_id)
        unit.session.execute(delete(Account).where(Account.id == account_id))
        unit.changed("account", account_id, account_id=account_id)
    return snapshot


def restore_deleted(plan: Plan, snapshot: Snapshot) -> None:
    """Undo a delete of an account or stakeholder from its snapshot."""
    with plan.write() as unit:
        restore(unit.session, snapshot)
        unit.changed(snapshot.kind, snapshot.record_id, account_id=snapshot.account_id)
        if snapshot.kind == "stakeholder":
            unit.changed("account", snapshot.account_id, account_id=snapshot.account_id)


def account_timestamps(plan: Plan, account_id: uuid.UUID) -> tuple[datetime, datetime]:
    """When the account was created and last changed (UTC), shown small on its overview."""
    with plan.read() as session:
        row = session.execute(
            select(Account.created_at, Account.updated_at).where(Account.id == account_id)
        ).first()
    if row is None:
        raise NotFoundError("That account no longer exists.")
    return row[0], row[1]


def attached_counts(plan: Plan, account_id: uuid.UUID) -> dict[str, int]:
    """What a delete of the account takes with it, so the confirmation can say so."""
    counted = {
        "stakeholders": Stakeholder.account_id,
        "plays": PlayAssignment.account_id,
        "touches": Touch.account_id,
        "objectives": Objective.account_id,
    }
    with plan.read() as session:
        return {
            name: session.scalar(select(func.count()).where(column == account_id)) or 0
            for name, column in counted.items()
        }
