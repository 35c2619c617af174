"""What an export reads from the plan: bulk queries that stream rows in sheet order.

Every sheet is one or two queries over the whole scope (never one per account),
with foreign keys read as their raw stored text and turned into labels through
small dictionaries, which is several times faster than building UUID objects
for half a million rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from abm_planner.store.models import (
    Account,
    Criterion,
    Solution,
    Stakeholder,
    StakeholderLine,
    TeamMember,
    VocabularyTerm,
)

YIELD = 5000
LINE_LABELS = {
    "reports_to": "reports to",
    "influences": "influences",
    "conflicts_with": "conflicts with",
}
FUNCTION_LABELS = {"marketing": "Marketing", "sales": "Sales", "joint": "Joint", "other": "Other"}
KIND_LABELS = {"customer": "Customer", "ours": "Ours", "relationship": "Relationship"}
WHOLE_PLAN = "(whole plan)"


def raw(column: Any) -> Any:
    """A column as the text the database stores, without per-row type processing."""
    return type_coerce(column, String)


def uuid_text(value: Any) -> str:
    """The canonical 36-character form of a stored UUID (32 hex digits on SQLite)."""
    if value is None:
        return ""
    if isinstance(value, str) and len(value) == 32:
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return str(uuid.UUID(str(value)))


def yes_no(flag: Any) -> str:
    return "Yes" if flag else "No"


@dataclass(slots=True)
class ExportData:
    """Lookups shared by every sheet of one export, read once."""

    session: Session
    account_ids: Sequence[uuid.UUID] | None = None  # None: the whole plan
    terms: dict[Any, str] = field(default_factory=dict)
    term_keys: dict[Any, tuple[str, str]] = field(default_factory=dict)
    members: dict[Any, str] = field(default_factory=dict)
    # the Whitespace sheet as written (solution columns; account -> solution -> status),
    # kept in the hidden sheet so an edited cell can be told from an untouched one
    whitespace_columns: list[Any] = field(default_factory=list)
    whitespace_cells: dict[Any, dict[Any, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for term_id, kind, key, label in self.session.execute(
            select(
                raw(VocabularyTerm.id),
                VocabularyTerm.kind,
                VocabularyTerm.key,
                VocabularyTerm.label,
            )
        ):
            self.terms[term_id] = label
            self.term_keys[term_id] = (kind, key)
        self.members = dict(self.session.execute(select(raw(TeamMember.id), TeamMember.name)).all())

    def scoped(self, query: Any, column: Any) -> Any:
        return query if self.account_ids is None else query.where(column.in_(self.account_ids))

    def stream(self, query: Any) -> Iterator[Any]:
        return iter(self.session.execute(query.execution_options(yield_per=YIELD)))

    def count(self, model: Any, account_column: Any) -> int:
        query = self.scoped(select(func.count()).select_from(model), account_column)
        return int(self.session.scalar(query) or 0)

    # ------------------------------------------------------------------ lists
    def vocabulary(self, kind: str) -> list[str]:
        query = (
            select(VocabularyTerm.label)
            .where(VocabularyTerm.kind == kind, VocabularyTerm.active.is_(True))
            .order_by(VocabularyTerm.sort_order, VocabularyTerm.label)
        )
        return list(self.session.scalars(query))

    def labels_by_key(self, kind: str) -> dict[str, str]:
        return {key: self.terms[i] for i, (k, key) in self.term_keys.items() if k == kind}

    def member_names(self) -> list[str]:
        return sorted(set(self.members.values()), key=str.casefold)

    def criteria(self) -> list[tuple[Any, str]]:
        query = select(raw(Criterion.id), Criterion.name).order_by(
            Criterion.sort_order, Criterion.name
        )
        return list(self.session.execute(query))

    def solutions(self) -> list[tuple[Any, str]]:
        query = select(raw(Solution.id), Solution.name).order_by(Solution.sort_order, Solution.name)
        return list(self.session.execute(query))

    # ------------------------------------------------------------------ sheets

    def relationships(self) -> Iterator[list[Any]]:
        names = names_of(self)
        line = StakeholderLine
        query = self.scoped(
            select(
                raw(line.id),
                line.version,
                Account.name,
                raw(line.source_id),
                line.kind,
                raw(line.target_id),
                line.dotted,
                line.strength,
            )
            .join(Account, Account.id == line.account_id)
            .order_by(Account.name, Account.id, line.kind, line.id),
            line.account_id,
        )
        for ident, version, account, source, kind, target, dotted, strength in self.stream(query):
            yield [
                account,
                names.get(source),
                LINE_LABELS.get(kind, kind),
                names.get(target),
                yes_no(dotted),
                strength,
                uuid_text(source),
                uuid_text(target),
                uuid_text(ident),
                version,
            ]


def names_of(data: ExportData) -> dict[Any, str]:
    """Stakeholder names by stored id, for the sheets that name people."""
    query = data.scoped(select(raw(Stakeholder.id), Stakeholder.name), Stakeholder.account_id)
    return dict(data.session.execute(query).all())
