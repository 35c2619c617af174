"""Blind estimates by sales and marketing, the reveal, and agreeing a value.

Each side estimates a stakeholder's attitude and influence and the account's
criterion scores without seeing the other's (``estimates_for_side`` returns one
side only). The reveal lists where the two differ, largest gap first; agreeing sets
the plan's value and writes exactly one decision with both estimates and the reason,
and ``revert_agreement`` is its inverse for undo.

Values are numbers so the sides compare: attitude and influence use their vocabulary
term's ``value`` (attitude -2..+2, influence 1..3), scores the score (0..5).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.decisions import add_decision
from abm_planner.services.estimate_values import (
    check_value,
    current_value,
    set_plan_value,
    value_label,
)
from abm_planner.services.plans import UnitOfWork
from abm_planner.services.workshops import SIDES
from abm_planner.store.models import (
    Account,
    Criterion,
    CriterionScore,
    Decision,
    Estimate,
    Stakeholder,
    Workshop,
)

SUBJECTS = ("attitude", "influence", "criterion_score")
SUBJECT_NAMES = {"attitude": "Attitude", "influence": "Influence", "criterion_score": "Score"}

Key = tuple[str, uuid.UUID | None, uuid.UUID | None, uuid.UUID | None]


@dataclass(frozen=True, slots=True)
class EstimateView:
    id: uuid.UUID
    side: str
    subject: str
    stakeholder_id: uuid.UUID | None
    account_id: uuid.UUID | None
    criterion_id: uuid.UUID | None
    value: float
    note: str
    label: str
    value_label: str


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Where the two sides' estimates differ, with the plan's current value."""

    subject: str
    stakeholder_id: uuid.UUID | None
    account_id: uuid.UUID | None
    criterion_id: uuid.UUID | None
    label: str  # "Attitude of Dana Cho", "Score on Strategic fit"
    account_name: str
    sales: float
    marketing: float
    gap: float
    current: float | None
    sales_label: str = ""
    marketing_label: str = ""
    current_label: str = ""


def _subject_refs(
    session: Session,
    subject: str,
    stakeholder_id: uuid.UUID | None,
    account_id: uuid.UUID | None,
    criterion_id: uuid.UUID | None,
) -> tuple[uuid.UUID | None, uuid.UUID | None, uuid.UUID | None]:
    if subject not in SUBJECTS:
        raise UserError(f"Estimates are of {', '.join(SUBJECTS)}, not {subject!r}.")
    if subject == "criterion_score":
        if account_id is None or criterion_id is None:
            raise UserError("A score estimate names the account and the criterion.")
        if session.get(Account, account_id) is None:
            raise NotFoundError("That account no longer exists.")
        if session.get(Criterion, criterion_id) is None:
            raise NotFoundError("That criterion no longer exists.")
        return None, account_id, criterion_id
    if stakeholder_id is None:
        raise UserError(f"An estimate of {subject} names the stakeholder.")
    person = session.get(Stakeholder, stakeholder_id)
    if person is None:
        raise NotFoundError("That stakeholder no longer exists.")
    return stakeholder_id, person.account_id, None


def set_estimate(
    unit: UnitOfWork,
    workshop_id: uuid.UUID,
    side: str,
    subject: str,
    *,
    stakeholder_id: uuid.UUID | None = None,
    account_id: uuid.UUID | None = None,
    criterion_id: uuid.UUID | None = None,
    value: float,
    note: str = "",
) -> uuid.UUID:
    """Record (or replace) one side's estimate of one subject; returns its id."""
    session = unit.session
    if side not in SIDES:
        raise UserError(f"Estimates come from sales or marketing, not {side!r}.")
    if session.get(Workshop, workshop_id) is None:
        raise NotFoundError("That workshop no longer exists.")
    stakeholder_id, account_id, criterion_id = _subject_refs(
        session, subject, stakeholder_id, account_id, criterion_id
    )
    value = check_value(session, subject, value)
    estimate = session.scalars(
        select(Estimate).where(
            Estimate.workshop_id == workshop_id,
            Estimate.side == side,
            Estimate.subject == subject,
            Estimate.stakeholder_id.is_(stakeholder_id)
            if stakeholder_id is None
            else Estimate.stakeholder_id == stakeholder_id,
            Estimate.account_id == account_id,
            Estimate.criterion_id.is_(None)
            if criterion_id is None
            else Estimate.criterion_id == criterion_id,
        )
    ).first()
    if estimate is None:
        estimate = Estimate(
            workshop_id=workshop_id,
            side=side,
            subject=subject,
            stakeholder_id=stakeholder_id,
            account_id=account_id,
            criterion_id=criterion_id,
            value=value,
            note=note.strip(),
        )
        session.add(estimate)
    else:
        estimate.value, estimate.note = value, note.strip()
    session.flush()
    unit.changed("estimate", estimate.id, account_id=account_id)
    return estimate.id


def _labels(session: Session, estimates: list[Estimate]) -> dict[uuid.UUID, tuple[str, str]]:
    """Per estimate: what it is about and the account's name."""
    people: dict[uuid.UUID | None, str] = {
        p.id: p.name
        for p in session.scalars(
            select(Stakeholder).where(
                Stakeholder.id.in_({e.stakeholder_id for e in estimates if e.stakeholder_id})
            )
        )
    }
    criteria: dict[uuid.UUID | None, str] = dict(
        session.execute(select(Criterion.id, Criterion.name)).all()  # type: ignore[arg-type]
    )
    accounts: dict[uuid.UUID | None, str] = dict(
        session.execute(
            select(Account.id, Account.name).where(
                Account.id.in_({e.account_id for e in estimates if e.account_id})
            )
        ).all()
    )
    labels = {}
    for e in estimates:
        if e.subject == "criterion_score":
            about = f"Score on {criteria.get(e.criterion_id, 'a deleted criterion')}"
        else:
            about = f"{SUBJECT_NAMES[e.subject]} of {people.get(e.stakeholder_id, '?')}"
        labels[e.id] = (about, accounts.get(e.account_id, ""))
    return labels


def _estimates(session: Session, workshop_id: uuid.UUID, side: str | None) -> list[Estimate]:
    query = select(Estimate).where(Estimate.workshop_id == workshop_id)
    if side is not None:
        query = query.where(Estimate.side == side)
    return list(session.scalars(query.order_by(Estimate.created_at)))


def estimates_for_side(session: Session, workshop_id: uuid.UUID, side: str) -> list[EstimateView]:
    """Only ``side``'s estimates: the other side's stay hidden until the reveal."""
    if side not in SIDES:
        raise UserError(f"Estimates come from sales or marketing, not {side!r}.")
    estimates = _estimates(session, workshop_id, side)
    labels = _labels(session, estimates)
    return [
        EstimateView(
            e.id,
            e.side,
            e.subject,
            e.stakeholder_id,
            e.account_id,
            e.criterion_id,
            e.value,
            e.note,
            labels[e.id][0],
            value_label(session, e.subject, e.value),
        )
        for e in estimates
    ]


def _key(e: Estimate | Disagreement) -> Key:
    return (e.subject, e.stakeholder_id, e.account_id, e.criterion_id)


def reveal(session: Session, workshop_id: uuid.UUID) -> list[Disagreement]:
    """Where sales and marketing estimated differently, largest absolute gap first."""
    estimates = _estimates(session, workshop_id, None)
    labels = _labels(session, estimates)
    pairs: dict[Key, dict[str, Estimate]] = {}
    for e in estimates:
        pairs.setdefault(_key(e), {})[e.side] = e
    found = []
    for (subject, person, account, criterion), sides in pairs.items():
        sales, marketing = sides.get("sales"), sides.get("marketing")
        if sales is None or marketing is None or sales.value == marketing.value:
            continue
        current = current_value(session, subject, person, account, criterion)
        label, account_name = labels[sales.id]
        found.append(
            Disagreement(
                subject,
                person,
                account,
                criterion,
                label,
                account_name,
                sales.value,
                marketing.value,
                abs(sales.value - marketing.value),
                current,
                value_label(session, subject, sales.value),
                value_label(session, subject, marketing.value),
                value_label(session, subject, current),
            )
        )
    found.sort(key=lambda d: (-d.gap, d.account_name.casefold(), d.label.casefold()))
    return found


def agree(
    unit: UnitOfWork, workshop_id: uuid.UUID, disagreement: Disagreement, value: float, reason: str
) -> uuid.UUID:
    """Set the agreed value in the plan and log exactly one decision saying why."""
    session = unit.session
    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFoundError("That workshop no longer exists.")
    d = disagreement
    value = check_value(session, d.subject, value)
    reason = reason.strip()
    if not reason:
        raise UserError("Say why the two sides agreed on this value before saving it.")
    agreed = value_label(session, d.subject, value)
    before = set_plan_value(session, d, value)
    linked = (
        [("stakeholder", d.stakeholder_id)]
        if d.stakeholder_id
        else [("account", d.account_id), ("criterion", d.criterion_id)]
    )
    details = {
        "kind": "agreed_estimate",
        "subject": d.subject,
        "label": d.label,
        "sales": d.sales,
        "marketing": d.marketing,
        "agreed": value,
        "previous": d.current,
        "previous_record": before,
        "reason": reason,
        "stakeholder_id": str(d.stakeholder_id) if d.stakeholder_id else None,
        "account_id": str(d.account_id) if d.account_id else None,
        "criterion_id": str(d.criterion_id) if d.criterion_id else None,
    }
    text = (
        f"{d.label}: {agreed}\n"
        f"Sales estimated {value_label(session, d.subject, d.sales)}, marketing "
        f"{value_label(session, d.subject, d.marketing)}. {reason}"
    )
    decision_id = add_decision(
        unit,
        text=text,
        account_id=d.account_id,
        workshop_id=workshop_id,
        linked=linked,  # type: ignore[arg-type]
        decided_by=f"Workshop {workshop.title}"[:300],
        details=details,
    )
    kind = "criterion_score" if d.subject == "criterion_score" else "stakeholder"
    unit.changed(kind, d.stakeholder_id or d.criterion_id, account_id=d.account_id)
    unit.changed("account", d.account_id, account_id=d.account_id)
    return decision_id


def revert_agreement(unit: UnitOfWork, decision_id: uuid.UUID) -> None:
    """Undo ``agree``: the plan's previous value back, the decision removed."""
    session = unit.session
    decision = session.get(Decision, decision_id)
    if decision is None:
        raise NotFoundError("That decision no longer exists.")
    details = json.loads(decision.details or "{}")
    if details.get("kind") != "agreed_estimate":
        raise UserError("That decision did not set an agreed estimate.")
    ids = {
        k: uuid.UUID(details[k]) if details.get(k) else None
        for k in ("stakeholder_id", "account_id", "criterion_id")
    }
    before = details.get("previous_record", {})
    d = Disagreement(
        details["subject"],
        ids["stakeholder_id"],
        ids["account_id"],
        ids["criterion_id"],
        details.get("label", ""),
        "",
        details["sales"],
        details["marketing"],
        0.0,
        details.get("previous"),
    )
    if d.subject == "criterion_score":
        set_plan_value(session, d, before.get("score"))
        if before.get("justification"):
            row = session.scalars(
                select(CriterionScore).where(
                    CriterionScore.account_id == d.account_id,
                    CriterionScore.criterion_id == d.criterion_id,
                )
            ).first()
            if row is not None:
                row.justification = before["justification"]
    else:
        person = session.get(Stakeholder, d.stakeholder_id)
        if person is not None:
            term = before.get("term_id")
            attribute = "attitude_id" if d.subject == "attitude" else "influence_id"
            setattr(person, attribute, uuid.UUID(term) if term else None)
    session.delete(decision)
    session.flush()
    unit.changed("decision", decision_id, account_id=d.account_id)
    unit.changed("account", d.account_id, account_id=d.account_id)


def delete_estimate(unit: UnitOfWork, estimate_id: uuid.UUID) -> None:
    estimate = unit.session.get(Estimate, estimate_id)
    if estimate is None:
        raise NotFoundError("That estimate no longer exists.")
    unit.session.delete(estimate)
    unit.changed("estimate", estimate_id, account_id=estimate.account_id)
