"""Applying checked field changes to a record: shared by accounts and stakeholders."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from abm_planner.domain.fields import FieldKind, FieldSpec, coerce
from abm_planner.errors import UserError
from abm_planner.store.models import TeamMember, VocabularyTerm


def clean_changes(specs: dict[str, FieldSpec], changes: dict[str, Any]) -> dict[str, Any]:
    """Check every value against its field; unknown fields are a programming error."""
    unknown = set(changes) - set(specs)
    if unknown:
        raise KeyError(f"not editable: {', '.join(sorted(unknown))}")
    return {name: coerce(specs[name], value) for name, value in changes.items()}


def check_references(session: Session, specs: dict[str, FieldSpec], values: dict[str, Any]) -> None:
    """Refuse a term of the wrong vocabulary or a team member that no longer exists."""
    for name, value in values.items():
        spec = specs[name]
        if value is None:
            continue
        if spec.kind in (FieldKind.TERM, FieldKind.TERMS):
            for term_id in value if spec.kind is FieldKind.TERMS else [value]:
                term = session.get(VocabularyTerm, term_id)
                if term is None or term.kind != spec.vocabulary:
                    raise UserError(f"{spec.label}: that choice is not in the plan's list.")
        elif spec.kind is FieldKind.MEMBER and session.get(TeamMember, value) is None:
            raise UserError(f"{spec.label}: that team member no longer exists.")


def roles_of(session: Session, role_ids: list[uuid.UUID]) -> list[VocabularyTerm]:
    return [term for term_id in role_ids if (term := session.get(VocabularyTerm, term_id))]
