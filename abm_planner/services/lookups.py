"""The small lists every editor offers: vocabulary terms and our team members."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from abm_planner.services.plans import Plan
from abm_planner.services.vocabulary_lookup import terms
from abm_planner.store.models import TeamMember


@dataclass(frozen=True, slots=True)
class Term:
    id: uuid.UUID
    key: str
    label: str
    value: int | None
    active: bool = True  # a retired term is shown where used but not offered for new values


@dataclass(frozen=True, slots=True)
class Member:
    id: uuid.UUID
    name: str
    function: str
    title: str


def vocabulary(plan: Plan, kind: str) -> list[Term]:
    """The terms of one vocabulary, in the team's order."""
    with plan.read() as session:
        return [Term(t.id, t.key, t.label, t.value, t.active) for t in terms(session, kind)]


def offered(all_terms: list[Term], keep: object = None) -> list[Term]:
    """The terms an editor offers: the active ones, plus ``keep`` (an id or ids) if retired.

    A record that already holds a retired term must still show it; nobody picks it anew.
    """
    kept = set(keep) if isinstance(keep, (list, tuple, set, frozenset)) else {keep}
    return [t for t in all_terms if t.active or t.id in kept]


def team_members(plan: Plan) -> list[Member]:
    """Our people, by name."""
    with plan.read() as session:
        rows = session.execute(
            select(TeamMember.id, TeamMember.name, TeamMember.function, TeamMember.title).order_by(
                TeamMember.name
            )
        )
        return [Member(*row) for row in rows]
