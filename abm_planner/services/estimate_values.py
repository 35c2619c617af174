"""Numbers for estimates: attitude and influence as their terms' values, scores as is.

The two sides' estimates compare as numbers; the plan stores attitude and influence as
vocabulary terms and scores as criterion score rows. This module converts both ways,
reads the plan's current value and writes an agreed one (returning what was there, for
undo).
"""

from __future__ import annotations

import uuid
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.rubric import recompute_account
from abm_planner.store.models import CriterionScore, Stakeholder, VocabularyTerm

SCORE_RANGE = (0, 5)


class Subject(Protocol):
    """What an estimate is about (an ``Estimate`` or a ``Disagreement``)."""

    @property
    def subject(self) -> str: ...
    @property
    def stakeholder_id(self) -> uuid.UUID | None: ...
    @property
    def account_id(self) -> uuid.UUID | None: ...
    @property
    def criterion_id(self) -> uuid.UUID | None: ...


def term_values(session: Session, subject: str) -> dict[float, VocabularyTerm]:
    kind = vocab.ATTITUDE if subject == "attitude" else vocab.INFLUENCE
    terms = session.scalars(
        select(VocabularyTerm).where(VocabularyTerm.kind == kind, VocabularyTerm.value.is_not(None))
    )
    found: dict[float, VocabularyTerm] = {}
    for term in terms:
        found.setdefault(float(term.value), term)  # type: ignore[arg-type]
    return found


def value_label(session: Session, subject: str, value: float | None) -> str:
    if value is None:
        return "not set"
    if subject == "criterion_score":
        return f"{value:g}"
    term = term_values(session, subject).get(float(value))
    return (
        f"{term.label} ({value:+g})"
        if term and subject == "attitude"
        else (f"{term.label} ({value:g})" if term else f"{value:g}")
    )


def check_value(session: Session, subject: str, value: float) -> float:
    value = float(value)
    if subject == "criterion_score":
        low, high = SCORE_RANGE
        if not (low <= value <= high) or value != int(value):
            raise UserError(f"A score is a whole number from {low} to {high}.")
        return value
    allowed = sorted(term_values(session, subject))
    if value not in allowed:
        shown = ", ".join(f"{v:g}" for v in allowed)
        raise UserError(f"An estimate of {subject} is one of {shown}.")
    return value


def current_value(
    session: Session,
    subject: str,
    stakeholder_id: uuid.UUID | None,
    account_id: uuid.UUID | None,
    criterion_id: uuid.UUID | None,
) -> float | None:
    """The plan's value of a subject now (None when not set)."""
    if subject == "criterion_score":
        score = session.scalar(
            select(CriterionScore.score).where(
                CriterionScore.account_id == account_id,
                CriterionScore.criterion_id == criterion_id,
            )
        )
        return None if score is None else float(score)
    column = Stakeholder.attitude_id if subject == "attitude" else Stakeholder.influence_id
    value = session.scalar(
        select(VocabularyTerm.value)
        .join(Stakeholder, column == VocabularyTerm.id)
        .where(Stakeholder.id == stakeholder_id)
    )
    return None if value is None else float(value)


def set_plan_value(session: Session, d: Subject, value: float | None) -> dict[str, Any]:
    """Write the agreed value; returns what was there before."""
    if d.subject == "criterion_score":
        row = session.scalars(
            select(CriterionScore).where(
                CriterionScore.account_id == d.account_id,
                CriterionScore.criterion_id == d.criterion_id,
            )
        ).first()
        before = {
            "score": row.score if row else None,
            "justification": row.justification if row else "",
        }
        if value is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(
                CriterionScore(
                    account_id=d.account_id, criterion_id=d.criterion_id, score=int(value)
                )
            )
        else:
            row.score = int(value)
        session.flush()
        recompute_account(session, d.account_id)  # type: ignore[arg-type]
        return before
    person = session.get(Stakeholder, d.stakeholder_id)
    if person is None:
        raise NotFoundError("That stakeholder no longer exists.")
    attribute = "attitude_id" if d.subject == "attitude" else "influence_id"
    before = {
        "term_id": None if getattr(person, attribute) is None else str(getattr(person, attribute))
    }
    if value is None:
        setattr(person, attribute, None)
    else:
        setattr(person, attribute, term_values(session, d.subject)[float(value)].id)
    session.flush()
    return before
