"""The activity sheets of an export: plays, touches, objectives, whitespace, library, timeline.

Each is a generator of rows in sheet order over one or two bulk queries of the
whole scope (never one per account), labels filled in from ``ExportData``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from abm_planner.excel.export_data import (
    FUNCTION_LABELS,
    KIND_LABELS,
    WHOLE_PLAN,
    ExportData,
    names_of,
    raw,
    uuid_text,
)
from abm_planner.store.models import (
    Account,
    Objective,
    PlayAssignment,
    PlayTemplate,
    Stakeholder,
    Touch,
    VocabularyTerm,
    Whitespace,
    play_targets,
    play_template_roles,
    play_template_stages,
)


def plays(data: ExportData) -> Iterator[list[Any]]:
    terms, members = data.terms, data.members
    names = names_of(data)
    targets: dict[Any, list[tuple[str, Any]]] = defaultdict(list)
    target_query = select(raw(play_targets.c.assignment_id), raw(play_targets.c.stakeholder_id))
    if data.account_ids is not None:
        target_query = target_query.join(
            PlayAssignment, PlayAssignment.id == play_targets.c.assignment_id
        ).where(PlayAssignment.account_id.in_(data.account_ids))
    for play, person in data.stream(target_query):
        targets[play].append((names.get(person, ""), person))
    touches = dict(
        data.session.execute(
            data.scoped(
                select(raw(Touch.assignment_id), func.count())
                .where(Touch.assignment_id.is_not(None))
                .group_by(Touch.assignment_id),
                Touch.account_id,
            )
        ).all()
    )
    p = PlayAssignment
    query = data.scoped(
        select(
            raw(p.id),
            p.version,
            Account.name,
            p.name,
            PlayTemplate.name,
            p.lead_function,
            raw(p.status_id),
            p.start_on,
            p.end_on,
            p.budget,
            p.expected_touches,
            raw(p.sales_owner_id),
            raw(p.marketing_owner_id),
            p.outcome,
        )
        .join(Account, Account.id == p.account_id)
        .outerjoin(PlayTemplate, PlayTemplate.id == p.template_id)
        .order_by(Account.name, Account.id, p.start_on, p.id),
        p.account_id,
    )
    for row in data.stream(query):
        (
            ident,
            version,
            account,
            name,
            template,
            lead,
            status,
            start,
            end,
            budget,
            expected,
            sales,
            marketing,
            outcome,
        ) = row
        people = sorted(targets.get(ident, ()), key=lambda pair: pair[0])
        yield [
            account,
            name,
            template,
            FUNCTION_LABELS.get(lead, lead),
            terms.get(status),
            start,
            end,
            budget,
            expected,
            touches.get(ident, 0),
            members.get(sales),
            members.get(marketing),
            "; ".join(name for name, _person in people),
            outcome,
            "; ".join(uuid_text(person) for _name, person in people),
            uuid_text(ident),
            version,
        ]


def touches(data: ExportData) -> Iterator[list[Any]]:
    terms, members = data.terms, data.members
    t = Touch
    person, play = aliased(Stakeholder), aliased(PlayAssignment)
    query = data.scoped(
        select(
            raw(t.id),
            t.version,
            Account.name,
            t.occurred_on,
            person.name,
            raw(t.channel_id),
            t.function,
            raw(t.by_member_id),
            play.name,
            t.notes,
            raw(t.stakeholder_id),
            raw(t.assignment_id),
        )
        .join(Account, Account.id == t.account_id)
        .outerjoin(person, person.id == t.stakeholder_id)
        .outerjoin(play, play.id == t.assignment_id)
        .order_by(Account.name, Account.id, t.occurred_on.desc(), t.id),
        t.account_id,
    )
    for (
        ident,
        version,
        account,
        day,
        who,
        channel,
        function,
        by,
        play_name,
        notes,
        person_id,
        play_id,
    ) in data.stream(query):
        yield [
            account,
            day,
            who,
            terms.get(channel),
            FUNCTION_LABELS.get(function, function),
            members.get(by),
            play_name,
            notes,
            uuid_text(person_id),
            uuid_text(play_id),
            uuid_text(ident),
            version,
        ]


def objectives(data: ExportData) -> Iterator[list[Any]]:
    terms, members = data.terms, data.members
    o = Objective
    person = aliased(Stakeholder)
    query = (
        select(
            raw(o.id),
            o.version,
            Account.name,
            o.kind,
            o.title,
            o.metric,
            o.target,
            o.actual,
            o.unit,
            raw(o.owner_id),
            o.due_on,
            raw(o.status_id),
            person.name,
            raw(o.stakeholder_id),
        )
        .outerjoin(Account, Account.id == o.account_id)
        .outerjoin(person, person.id == o.stakeholder_id)
        .order_by(Account.name.is_not(None), Account.name, o.due_on, o.id)
    )
    if data.account_ids is not None:
        query = query.where(o.account_id.in_(data.account_ids) | o.account_id.is_(None))
    for row in data.stream(query):
        (
            ident,
            version,
            account,
            kind,
            title,
            metric,
            target,
            actual,
            unit,
            owner,
            due,
            status,
            who,
            who_id,
        ) = row
        progress = actual / target if target and actual is not None else None
        yield [
            account or WHOLE_PLAN,
            KIND_LABELS.get(kind, kind),
            title,
            metric,
            target,
            actual,
            unit,
            progress,
            members.get(owner),
            due,
            terms.get(status),
            who,
            uuid_text(who_id),
            uuid_text(ident),
            version,
        ]


def whitespace(data: ExportData, solutions: Sequence[tuple[Any, str]]) -> Iterator[list[Any]]:
    cells: dict[Any, dict[Any, str]] = defaultdict(dict)
    for account, solution, status in data.stream(
        data.scoped(
            select(
                raw(Whitespace.account_id),
                raw(Whitespace.solution_id),
                raw(Whitespace.status_id),
            ),
            Whitespace.account_id,
        )
    ):
        cells[account][solution] = data.terms.get(status, "")
        data.whitespace_cells.setdefault(account, {})[solution] = status
    data.whitespace_columns = [solution for solution, _ in solutions]
    query = data.scoped(
        select(raw(Account.id), Account.name).order_by(Account.name, Account.id), Account.id
    )
    for ident, name in data.stream(query):
        row = cells.get(ident, {})
        yield [name, *(row.get(solution) for solution, _ in solutions), uuid_text(ident)]


def play_library(data: ExportData) -> Iterator[list[Any]]:
    stages: dict[Any, list[str]] = defaultdict(list)
    roles: dict[Any, list[str]] = defaultdict(list)
    for table, into in ((play_template_stages, stages), (play_template_roles, roles)):
        term_column = table.c.stage_id if table is play_template_stages else table.c.role_id
        query = (
            select(raw(table.c.template_id), VocabularyTerm.label)
            .join(VocabularyTerm, VocabularyTerm.id == term_column)
            .order_by(VocabularyTerm.sort_order)
        )
        for template, label in data.stream(query):
            into[template].append(label)
    t = PlayTemplate
    query = select(
        raw(t.id),
        t.version,
        t.name,
        raw(t.play_type_id),
        t.lead_function,
        t.trigger,
        t.steps,
        t.success_criteria,
        t.typical_touches,
        t.duration_days,
        t.cost,
        t.description,
    ).order_by(t.name)
    for (
        ident,
        version,
        name,
        play_type,
        lead,
        trigger,
        steps,
        success,
        touches,
        days,
        cost,
        description,
    ) in data.stream(query):
        yield [
            name,
            data.terms.get(play_type),
            FUNCTION_LABELS.get(lead, lead),
            "; ".join(stages.get(ident, ())),
            "; ".join(roles.get(ident, ())),
            trigger,
            steps,
            success,
            touches,
            days,
            cost,
            description,
            uuid_text(ident),
            version,
        ]


def timeline(data: ExportData, start: date, end: date) -> Iterator[list[Any]]:
    """Plays that run at some time between ``start`` and ``end``, by start date."""
    p = PlayAssignment
    query = data.scoped(
        select(Account.name, p.name, raw(p.status_id), p.start_on, p.end_on)
        .join(Account, Account.id == p.account_id)
        .where(p.start_on < end, func.coalesce(p.end_on, p.start_on) >= start)
        .order_by(p.start_on, Account.name, p.id),
        p.account_id,
    )
    for account, name, status, begin, finish in data.stream(query):
        yield [account, name, data.terms.get(status), begin, finish or begin]
