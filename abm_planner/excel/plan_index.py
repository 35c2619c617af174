"""What an import compares against: the plan's accounts, people, lines, lists and team.

Read in a handful of bulk queries, keyed the ways files refer to records: CRM id,
name (case and spacing aside), UUID. Values are kept in the form the models
store (term and member ids), so a diff compares like with like.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from abm_planner.domain.fields import ACCOUNT_FIELDS, STAKEHOLDER_FIELDS
from abm_planner.excel.header_mapping import squash
from abm_planner.store.models import (
    Account,
    PlanSettings,
    Stakeholder,
    StakeholderLine,
    TeamMember,
    VocabularyTerm,
    stakeholder_roles,
)

ACCOUNT_COLUMNS = tuple(spec.name for spec in ACCOUNT_FIELDS)
PERSON_COLUMNS = tuple(spec.name for spec in STAKEHOLDER_FIELDS if spec.name != "role_ids")
NULL_CRM_IDS = frozenset({"", "000000000000000aaa", "000000000000000", "0", "null", "none", "n/a"})


def name_key(name: str) -> str:
    return " ".join(str(name).casefold().split())


_SF_SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"


def salesforce_suffix(id15: str) -> str:
    """The 3 characters Salesforce appends to a 15-character id (its capitals, as bits)."""
    suffix = ""
    for start in (0, 5, 10):
        bits = sum(1 << i for i, char in enumerate(id15[start : start + 5]) if "A" <= char <= "Z")
        suffix += _SF_SUFFIX[bits]
    return suffix


@lru_cache(maxsize=1 << 18)
def crm_key(crm_id: str) -> str:
    """The key a CRM id is matched by: an 18-character Salesforce id as its 15-character form.

    Only ids whose last three characters are Salesforce's checksum are shortened, so
    another CRM's 18-character ids are never confused.
    """
    value = str(crm_id).strip()
    if len(value) == 18 and value.isalnum() and value[15:] == salesforce_suffix(value[:15]):
        return value[:15]
    return value


def is_null_crm_id(crm_id: str) -> bool:
    return str(crm_id).strip().casefold() in NULL_CRM_IDS


@dataclass(slots=True)
class RecordState:
    id: uuid.UUID
    version: int
    created_at: datetime
    updated_at: datetime
    name: str
    crm_id: str
    values: dict[str, Any]
    account_id: uuid.UUID | None = None


@dataclass(slots=True)
class Term:
    id: uuid.UUID
    key: str
    label: str
    value: int | None


@dataclass(slots=True)
class PlanIndex:
    accounts: dict[uuid.UUID, RecordState] = field(default_factory=dict)
    people: dict[uuid.UUID, RecordState] = field(default_factory=dict)
    account_by_crm: dict[str, list[uuid.UUID]] = field(default_factory=lambda: defaultdict(list))
    account_by_name: dict[str, list[uuid.UUID]] = field(default_factory=lambda: defaultdict(list))
    person_by_crm: dict[str, list[uuid.UUID]] = field(default_factory=lambda: defaultdict(list))
    person_by_name: dict[tuple[uuid.UUID, str], list[uuid.UUID]] = field(
        default_factory=lambda: defaultdict(list)
    )
    people_of: dict[uuid.UUID, list[uuid.UUID]] = field(default_factory=lambda: defaultdict(list))
    reports_to: dict[uuid.UUID, list[tuple[uuid.UUID, uuid.UUID, int]]] = field(
        default_factory=lambda: defaultdict(list)
    )  # person -> [(line id, manager id, version)] of solid reports-to lines
    terms: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    term_label: dict[uuid.UUID, str] = field(default_factory=dict)
    members: dict[uuid.UUID, str] = field(default_factory=dict)
    member_lookup: dict[str, list[uuid.UUID]] = field(default_factory=lambda: defaultdict(list))
    plan_id: str = ""


def load_index(session: Session) -> PlanIndex:
    index = PlanIndex()
    plan_id = session.scalar(select(PlanSettings.id))
    index.plan_id = str(plan_id) if plan_id else ""
    for term in session.execute(
        select(
            VocabularyTerm.id,
            VocabularyTerm.kind,
            VocabularyTerm.key,
            VocabularyTerm.label,
            VocabularyTerm.value,
        ).order_by(VocabularyTerm.sort_order)
    ):
        index.terms[term.kind].append(Term(term.id, term.key, term.label, term.value))
        index.term_label[term.id] = term.label
    for member_id, name, email in session.execute(
        select(TeamMember.id, TeamMember.name, TeamMember.email)
    ):
        index.members[member_id] = name
        index.member_lookup[name_key(name)].append(member_id)
        if email:
            index.member_lookup[name_key(email)].append(member_id)
    base = (Account.id, Account.version, Account.created_at, Account.updated_at)
    for row in session.execute(select(*base, *(getattr(Account, c) for c in ACCOUNT_COLUMNS))):
        values = dict(zip(ACCOUNT_COLUMNS, row[4:], strict=True))
        state = RecordState(
            row[0], row[1], row[2], row[3], values["name"], values["crm_id"], values
        )
        index.accounts[state.id] = state
        index.account_by_name[name_key(state.name)].append(state.id)
        if not is_null_crm_id(state.crm_id):
            index.account_by_crm[crm_key(state.crm_id)].append(state.id)
    roles: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for person_id, role_id in session.execute(select(stakeholder_roles)):
        roles[person_id].append(role_id)
    person_base = (
        Stakeholder.id,
        Stakeholder.version,
        Stakeholder.created_at,
        Stakeholder.updated_at,
        Stakeholder.account_id,
    )
    for row in session.execute(
        select(*person_base, *(getattr(Stakeholder, c) for c in PERSON_COLUMNS))
    ):
        values = dict(zip(PERSON_COLUMNS, row[5:], strict=True))
        values["role_ids"] = sorted(roles.get(row[0], ()), key=str)
        state = RecordState(
            row[0], row[1], row[2], row[3], values["name"], values["crm_id"], values, row[4]
        )
        index.people[state.id] = state
        index.people_of[row[4]].append(state.id)
        index.person_by_name[row[4], name_key(state.name)].append(state.id)
        if not is_null_crm_id(state.crm_id):
            index.person_by_crm[crm_key(state.crm_id)].append(state.id)
    for line_id, source, target, version in session.execute(
        select(
            StakeholderLine.id,
            StakeholderLine.source_id,
            StakeholderLine.target_id,
            StakeholderLine.version,
        ).where(StakeholderLine.kind == "reports_to", StakeholderLine.dotted.is_(False))
    ):
        index.reports_to[source].append((line_id, target, version))
    return index


def find_term(index: PlanIndex, kind: str, value: object) -> Term | None:
    """A term by label, key or (for scales) value, case and spacing aside."""
    wanted = squash(value)
    for term in index.terms.get(kind, ()):
        if squash(term.label) == wanted or squash(term.key) == wanted:
            return term
    text = str(value).strip().lstrip("+")
    for term in index.terms.get(kind, ()):
        if term.value is not None and text == str(term.value):
            return term
    return None
