"""The plan's vocabularies and team members, read once and kept by the view that shows them.

Tables show labels for the ids they hold and editors offer the same lists; reading
them once per view (and again when the plan says a list changed) keeps ``data()``
free of queries.
"""

from __future__ import annotations

import uuid

from abm_planner.services.lookups import Member, Term, team_members, vocabulary
from abm_planner.services.plans import Plan

# Change kinds after which lists of terms or people must be read again.
LOOKUP_CHANGE_KINDS = frozenset({"plan", "vocabulary", "vocabulary_term", "team_member"})


class PlanLookups:
    """Terms by vocabulary and team members, with id → label maps."""

    def __init__(self, plan: Plan, kinds: tuple[str, ...] = ()) -> None:
        self._plan = plan
        self._kinds = kinds
        self._terms: dict[str, list[Term]] = {}
        self._by_id: dict[uuid.UUID, Term] = {}
        self._rank: dict[uuid.UUID, int] = {}
        self._members: list[Member] = []
        self._member_by_id: dict[uuid.UUID, Member] = {}
        self.reload()

    def reload(self) -> None:
        self._terms = {kind: vocabulary(self._plan, kind) for kind in self._kinds}
        self._by_id = {t.id: t for terms in self._terms.values() for t in terms}
        self._rank = {t.id: n for terms in self._terms.values() for n, t in enumerate(terms)}
        self._members = team_members(self._plan)
        self._member_by_id = {m.id: m for m in self._members}

    def terms(self, kind: str) -> list[Term]:
        return self._terms.get(kind, [])

    def term(self, term_id: uuid.UUID | None) -> Term | None:
        return None if term_id is None else self._by_id.get(term_id)

    def label(self, term_id: uuid.UUID | None) -> str:
        term = self.term(term_id)
        return term.label if term else ""

    def rank(self, term_id: uuid.UUID | None) -> int:
        """Position in the team's order; unset sorts last."""
        return 10_000 if term_id is None else self._rank.get(term_id, 9_999)

    @property
    def members(self) -> list[Member]:
        return self._members

    def member_name(self, member_id: uuid.UUID | None) -> str:
        member = None if member_id is None else self._member_by_id.get(member_id)
        return member.name if member else ""
