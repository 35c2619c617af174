"""Reading the plan's vocabularies by their stable keys."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from abm_planner.store.models import VocabularyTerm


def terms(session: Session, kind: str) -> list[VocabularyTerm]:
    """The terms of one vocabulary in the team's order."""
    query = (
        select(VocabularyTerm)
        .where(VocabularyTerm.kind == kind)
        .order_by(VocabularyTerm.sort_order, VocabularyTerm.label)
    )
    return list(session.scalars(query))


def term_map(session: Session, kind: str) -> dict[str, VocabularyTerm]:
    """Key -> term for one vocabulary."""
    return {term.key: term for term in terms(session, kind)}


def term_ids(session: Session, kind: str) -> dict[str, uuid.UUID]:
    """Key -> id for one vocabulary, for bulk writes."""
    rows = session.execute(
        select(VocabularyTerm.key, VocabularyTerm.id).where(VocabularyTerm.kind == kind)
    )
    return {key: term_id for key, term_id in rows.all()}  # noqa: C416 - Row pairs
