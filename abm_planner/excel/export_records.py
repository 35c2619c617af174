"""The Accounts and Stakeholders sheets, built from the field declarations.

Their editable columns are exactly ``ACCOUNT_FIELDS`` and ``STAKEHOLDER_FIELDS``
(header = field label, format and drop-down from the field's kind), so a field
added there is exported, and read back by the round trip, without touching
this package.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import func, select

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import ACCOUNT_FIELDS, STAKEHOLDER_FIELDS, FieldKind, FieldSpec
from abm_planner.excel.export_data import ExportData, raw, uuid_text, yes_no
from abm_planner.excel.sheet_styles import CellKind
from abm_planner.excel.workbook_writer import Column
from abm_planner.store.models import (
    Account,
    CriterionScore,
    Stakeholder,
    VocabularyTerm,
    stakeholder_roles,
)

MEMBERS = "team"
YES_NO = "yes_no"
FIT_SCORE = "Fit score"
STAKEHOLDER_COUNT = "Stakeholders"

_CELL_KIND = {
    FieldKind.TEXT: CellKind.TEXT,
    FieldKind.LONG_TEXT: CellKind.LONG_TEXT,
    FieldKind.INTEGER: CellKind.INTEGER,
    FieldKind.MONEY: CellKind.MONEY,
    FieldKind.DATE: CellKind.DATE,
}
_WIDTH = {
    FieldKind.LONG_TEXT: 40.0,
    FieldKind.INTEGER: 12.0,
    FieldKind.MONEY: 17.0,
    FieldKind.DATE: 13.0,
    FieldKind.TERM: 18.0,
    FieldKind.TERMS: 26.0,
    FieldKind.MEMBER: 20.0,
    FieldKind.FLAG: 11.0,
}


def field_column(spec: FieldSpec) -> Column:
    """How one declared field looks as a column: format, width and drop-down."""
    kind = _CELL_KIND.get(spec.kind, CellKind.TEXT)
    width = _WIDTH.get(spec.kind) or min(
        max(len(spec.label) + 4.0, (spec.max_length or 0) / 8, 16.0), 30.0
    )
    choices = {
        FieldKind.TERM: spec.vocabulary,
        FieldKind.TERMS: spec.vocabulary,
        FieldKind.MEMBER: MEMBERS,
        FieldKind.FLAG: YES_NO,
    }.get(spec.kind)
    highlight = spec.vocabulary if spec.vocabulary == vocab.ATTITUDE else None
    return Column(spec.label, kind, width, choices, spec.kind is not FieldKind.TERMS, highlight)


def account_columns() -> list[Column]:
    columns = [field_column(spec) for spec in ACCOUNT_FIELDS]
    after = next((i + 1 for i, s in enumerate(ACCOUNT_FIELDS) if s.name == "stage_id"), 1)
    columns.insert(after, Column(FIT_SCORE, CellKind.NUMBER, 9))
    return columns


def stakeholder_columns() -> list[Column]:
    return [field_column(spec) for spec in STAKEHOLDER_FIELDS]


def _reader(spec: FieldSpec, data: ExportData) -> Callable[[Any], Any]:
    if spec.kind is FieldKind.TERM:
        return data.terms.get
    if spec.kind is FieldKind.MEMBER:
        return data.members.get
    if spec.kind is FieldKind.FLAG:
        return yes_no
    return lambda value: value


def _selected(model: Any, specs: Sequence[FieldSpec]) -> list[Any]:
    return [
        raw(getattr(model, s.name))
        if s.kind in (FieldKind.TERM, FieldKind.MEMBER)
        else getattr(model, s.name)
        for s in specs
        if s.kind is not FieldKind.TERMS
    ]


def account_rows(data: ExportData, criteria: Sequence[tuple[Any, str]]) -> Iterator[list[Any]]:
    scores: dict[tuple[Any, Any], int] = {}
    query = select(
        raw(CriterionScore.account_id), raw(CriterionScore.criterion_id), CriterionScore.score
    )
    for account, criterion, score in data.stream(data.scoped(query, CriterionScore.account_id)):
        scores[account, criterion] = score
    count = select(raw(Stakeholder.account_id), func.count()).group_by(Stakeholder.account_id)
    people = dict(data.session.execute(data.scoped(count, Stakeholder.account_id)).all())
    specs = ACCOUNT_FIELDS
    readers = [_reader(s, data) for s in specs]
    fit_at = next((i + 1 for i, s in enumerate(specs) if s.name == "stage_id"), 1)
    query = select(raw(Account.id), Account.version, Account.fit_score, *_selected(Account, specs))
    query = data.scoped(query.order_by(Account.name, Account.id), Account.id)
    for ident, version, fit, *values in data.stream(query):
        row = [read(value) for read, value in zip(readers, values, strict=True)]
        row.insert(fit_at, fit)
        row.append(people.get(ident, 0))
        row += [scores.get((ident, criterion)) for criterion, _name in criteria]
        row += [uuid_text(ident), version]
        yield row


def stakeholder_rows(data: ExportData) -> Iterator[list[Any]]:
    roles: dict[Any, list[str]] = defaultdict(list)
    role_query = (
        select(raw(stakeholder_roles.c.stakeholder_id), VocabularyTerm.label)
        .join(VocabularyTerm, VocabularyTerm.id == stakeholder_roles.c.role_id)
        .order_by(VocabularyTerm.sort_order)
    )
    if data.account_ids is not None:
        role_query = role_query.join(
            Stakeholder, Stakeholder.id == stakeholder_roles.c.stakeholder_id
        ).where(Stakeholder.account_id.in_(data.account_ids))
    for person, label in data.stream(role_query):
        roles[person].append(label)
    specs = STAKEHOLDER_FIELDS
    readers = [_reader(s, data) for s in specs if s.kind is not FieldKind.TERMS]
    roles_at = next((i for i, s in enumerate(specs) if s.kind is FieldKind.TERMS), None)
    query = (
        select(
            raw(Stakeholder.id),
            Stakeholder.version,
            raw(Stakeholder.account_id),
            Account.name,
            *_selected(Stakeholder, specs),
        )
        .join(Account, Account.id == Stakeholder.account_id)
        .order_by(Account.name, Account.id, Stakeholder.name, Stakeholder.id)
    )
    for ident, version, account_id, account, *values in data.stream(
        data.scoped(query, Stakeholder.account_id)
    ):
        row = [read(value) for read, value in zip(readers, values, strict=True)]
        if roles_at is not None:
            row.insert(roles_at, "; ".join(roles.get(ident, ())))
        yield [account, *row, uuid_text(account_id), uuid_text(ident), version]
