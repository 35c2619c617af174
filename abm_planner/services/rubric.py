"""The key-account rubric: criteria and weights, account scores, and cached fit scores.

``Account.fit_score`` is a cache of what ``agreements.rubric`` computes from the
scores; every write that can move it (a score, a weight, a criterion added, removed
or restored) recomputes it in the same unit of work, so the portfolio never shows a
score the rubric would not give. A rubric-wide change rescores every account in one
pass and writes only the scores that moved with one bulk statement. Rewriting the
cache is not an edit of the account, so it does not bump the account's version.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from abm_planner.agreements.rubric import (
    RubricCriterion,
    Score,
    account_fit,
    changed_scores,
    check_score,
    rescore,
    weight_shares,
)
from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.agreement_rows import CapturedRows, capture, put_back
from abm_planner.services.plans import Plan, UnitOfWork
from abm_planner.services.stored_ids import stored
from abm_planner.store.models import Account, Criterion, CriterionScore, Estimate

MAX_WEIGHT = 1000.0
CRITERION_FIELDS = ("name", "description", "weight")


@dataclass(frozen=True, slots=True)
class CriterionRow:
    """One criterion of the rubric; ``share`` is its part of the fit score (0-1)."""

    id: uuid.UUID
    name: str
    description: str
    weight: float
    sort_order: int
    share: float


@dataclass(frozen=True, slots=True)
class ScoreRow:
    """One criterion as one account is scored on it (``score`` None: not scored)."""

    criterion_id: uuid.UUID
    name: str
    description: str
    weight: float
    share: float
    score: int | None
    justification: str


# -- reading ----------------------------------------------------------------------------


def _criteria(session: Session) -> list[Criterion]:
    return list(session.scalars(select(Criterion).order_by(Criterion.sort_order, Criterion.name)))


def list_criteria(plan: Plan) -> list[CriterionRow]:
    """The rubric in the agreed order, with each criterion's share of the score."""
    with plan.read() as session:
        criteria = _criteria(session)
    shares = weight_shares([RubricCriterion(c.id, c.name, c.weight) for c in criteria])
    return [
        CriterionRow(c.id, c.name, c.description, c.weight, c.sort_order, shares[c.id])
        for c in criteria
    ]


def account_scores(plan: Plan, account_id: uuid.UUID) -> list[ScoreRow]:
    """Every criterion with the account's score and justification, in rubric order."""
    with plan.read() as session:
        return scores_in(session, account_id)


def scores_in(session: Session, account_id: uuid.UUID) -> list[ScoreRow]:
    criteria = _criteria(session)
    shares = weight_shares([RubricCriterion(c.id, c.name, c.weight) for c in criteria])
    given = {
        row.criterion_id: row
        for row in session.scalars(
            select(CriterionScore).where(CriterionScore.account_id == account_id)
        )
    }
    rows = []
    for c in criteria:
        score = given.get(c.id)
        rows.append(
            ScoreRow(
                c.id,
                c.name,
                c.description,
                c.weight,
                shares[c.id],
                score.score if score else None,
                score.justification if score else "",
            )
        )
    return rows


# -- fit scores -------------------------------------------------------------------------


def _weights(session: Session) -> dict[uuid.UUID, float]:
    return dict(session.execute(select(Criterion.id, Criterion.weight)).all())


def _write_fit_scores(session: Session, scores: dict[uuid.UUID, float | None]) -> None:
    if not scores:
        return
    table = cast(Table, Account.__table__)
    statement = (
        update(table).where(table.c.id == bindparam("account")).values(fit_score=bindparam("fit"))
    )
    session.execute(statement, [{"account": k, "fit": v} for k, v in scores.items()])


def recompute_fit_scores(session: Session) -> list[uuid.UUID]:
    """Score every account again from the rubric; returns the accounts whose score moved.

    One read of every score, the arithmetic in ``agreements.rubric``, and one bulk
    update of the scores that moved (< 0.5 s for 5,000 accounts of 5 criteria).
    """
    weights: dict[Hashable, float] = dict(
        session.execute(select(stored(Criterion.id), Criterion.weight)).all()
    )
    cached: dict[str, float | None] = dict(
        session.execute(select(stored(Account.id), Account.fit_score)).all()
    )
    scores = session.execute(
        select(
            stored(CriterionScore.account_id),
            stored(CriterionScore.criterion_id),
            CriterionScore.score,
        )
    )
    computed = rescore(weights, (Score(*row) for row in scores), cached)
    changed = {
        uuid.UUID(hex=str(key)): value for key, value in changed_scores(cached, computed).items()
    }
    _write_fit_scores(session, changed)
    return list(changed)


def recompute_account(session: Session, account_id: uuid.UUID) -> bool:
    """Score one account again; True when its fit score moved."""
    stored = session.scalar(select(Account.fit_score).where(Account.id == account_id))
    scores = dict(
        session.execute(
            select(CriterionScore.criterion_id, CriterionScore.score).where(
                CriterionScore.account_id == account_id
            )
        ).all()
    )
    fit = account_fit(_weights(session), scores)
    if fit == stored:
        return False
    _write_fit_scores(session, {account_id: fit})
    return True


def _announce_rescored(unit: UnitOfWork, changed: list[uuid.UUID]) -> None:
    if changed:
        unit.changed("account", *changed)


def recompute_all(plan: Plan) -> list[uuid.UUID]:
    """Rescore the whole portfolio (after an import, say); the accounts that moved."""
    with plan.write() as unit:
        changed = recompute_fit_scores(unit.session)
        _announce_rescored(unit, changed)
    return changed


# -- criteria ---------------------------------------------------------------------------


def _clean_criterion(changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(CRITERION_FIELDS)
    if unknown:
        raise KeyError(f"not editable: {', '.join(sorted(unknown))}")
    clean: dict[str, Any] = {}
    if "name" in changes:
        name = str(changes["name"] or "").strip()
        if not name:
            raise UserError("A criterion needs a name.")
        if len(name) > 200:
            raise UserError(
                f"The criterion name is too long ({len(name)} characters, at most 200)."
            )
        clean["name"] = name
    if "description" in changes:
        clean["description"] = str(changes["description"] or "").strip()
    if "weight" in changes:
        clean["weight"] = check_weight(changes["weight"])
    return clean


def check_weight(value: Any) -> float:
    """A weight from 0 (counts for nothing) to 1,000; refuse anything else in words."""
    if isinstance(value, bool):
        raise UserError("A weight must be a number.")
    try:
        weight = float(str(value).strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise UserError(f"A weight must be a number, not '{value}'.") from None
    if not math.isfinite(weight) or not 0 <= weight <= MAX_WEIGHT:
        raise UserError(f"A weight must be between 0 and {MAX_WEIGHT:,.0f}.")
    return weight


def _get_criterion(session: Session, criterion_id: uuid.UUID) -> Criterion:
    criterion = session.get(Criterion, criterion_id)
    if criterion is None:
        raise NotFoundError("That criterion no longer exists.")
    return criterion


def create_criterion(
    plan: Plan, values: dict[str, Any], criterion_id: uuid.UUID | None = None
) -> uuid.UUID:
    """Add a criterion at the end of the rubric (no account is scored on it yet)."""
    clean = _clean_criterion({"name": values.get("name", ""), "weight": 1.0} | values)
    with plan.write() as unit:
        last = unit.session.scalar(select(func.max(Criterion.sort_order)))
        criterion = Criterion(id=criterion_id or uuid.uuid4(), sort_order=(last or 0) + 1, **clean)
        unit.session.add(criterion)
        unit.session.flush()
        unit.changed("criterion", criterion.id)
        _announce_rescored(unit, recompute_fit_scores(unit.session))
        return criterion.id


def update_criterion(
    plan: Plan, criterion_id: uuid.UUID, changes: dict[str, Any]
) -> dict[str, Any]:
    """Change name, description or weight; a new weight rescores every account."""
    clean = _clean_criterion(changes)
    with plan.write() as unit:
        criterion = _get_criterion(unit.session, criterion_id)
        old = {name: getattr(criterion, name) for name in clean}
        for name, value in clean.items():
            setattr(criterion, name, value)
        unit.session.flush()
        unit.changed("criterion", criterion_id)
        if "weight" in clean and clean["weight"] != old["weight"]:
            _announce_rescored(unit, recompute_fit_scores(unit.session))
    return old


def delete_criterion(plan: Plan, criterion_id: uuid.UUID) -> CapturedRows:
    """Remove a criterion with every account's score on it; rescore everyone.

    Every row that ON DELETE CASCADE takes with the criterion is captured first (its
    scores and the workshops' blind estimates of them), so undo loses nothing.
    """
    with plan.write() as unit:
        _get_criterion(unit.session, criterion_id)
        captured = capture(
            unit.session,
            [
                (Criterion.__table__, Criterion.id == criterion_id),
                (CriterionScore.__table__, CriterionScore.criterion_id == criterion_id),
                (Estimate.__table__, Estimate.criterion_id == criterion_id),
            ],
        )
        unit.session.execute(delete(Criterion).where(Criterion.id == criterion_id))
        unit.changed("criterion", criterion_id)
        _announce_rescored(unit, recompute_fit_scores(unit.session))
    return captured


def restore_criterion(plan: Plan, captured: CapturedRows) -> None:
    """Undo a delete: the criterion, its scores and its estimates come back as they were."""
    with plan.write() as unit:
        put_back(unit.session, captured)
        ids = [row["id"] for row in captured.tables[0][1]]
        unit.changed("criterion", *ids)
        _announce_rescored(unit, recompute_fit_scores(unit.session))


def criteria_order(plan: Plan) -> list[uuid.UUID]:
    with plan.read() as session:
        return [c.id for c in _criteria(session)]


def set_criteria_order(plan: Plan, ids: list[uuid.UUID]) -> list[uuid.UUID]:
    """Put the criteria in the order of ``ids``; returns the old order (for undo)."""
    with plan.write() as unit:
        criteria = {c.id: c for c in _criteria(unit.session)}
        old = list(criteria)
        if set(ids) != set(criteria):
            raise UserError("The rubric changed meanwhile; reorder it again.")
        for position, criterion_id in enumerate(ids):
            criteria[criterion_id].sort_order = position
        unit.changed("criterion", *ids)
    return old


# -- scores -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScoreValue:
    """A score with its justification; ``score`` None means "not scored" (no row)."""

    score: int | None
    justification: str = ""


def set_score(
    plan: Plan, account_id: uuid.UUID, criterion_id: uuid.UUID, value: ScoreValue
) -> ScoreValue:
    """Score an account on one criterion (or clear it); its fit score follows at once.

    Returns the previous value, for undo.
    """
    if value.score is not None:
        try:
            check_score(value.score)
        except ValueError as error:
            raise UserError(str(error)) from None
    justification = (value.justification or "").strip()
    if value.score is None and justification:
        raise UserError("Give a score from 0 to 5 before writing why.")
    with plan.write() as unit:
        session = unit.session
        if session.get(Account, account_id) is None:
            raise NotFoundError("That account no longer exists.")
        _get_criterion(session, criterion_id)
        row = session.scalars(
            select(CriterionScore).where(
                CriterionScore.account_id == account_id,
                CriterionScore.criterion_id == criterion_id,
            )
        ).first()
        old = ScoreValue(row.score, row.justification) if row else ScoreValue(None, "")
        if value.score is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(
                CriterionScore(
                    account_id=account_id,
                    criterion_id=criterion_id,
                    score=int(value.score),
                    justification=justification,
                )
            )
        else:
            row.score = int(value.score)
            row.justification = justification
        session.flush()
        unit.changed("criterion_score", criterion_id, account_id=account_id)
        if recompute_account(session, account_id):
            unit.changed("account", account_id, account_id=account_id)
    return old
