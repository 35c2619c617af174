"""The workshop sheets of an export: the decision log and the action items.

Both are small (a plan holds hundreds, not hundreds of thousands), so each is one
query over the exported scope plus one lookup per kind of linked record. Like the
Objectives sheet they include the plan-wide entries (no account) in a scoped
export. Linked records and a decision's details are shown as a person reads them
("Stakeholder: Dana Cho"; "Sales estimated Enemy (-2), marketing ..."); they are
informational and do not come back. Overdue open actions are highlighted by a
formula on ``TODAY()``, so the highlight stays true on the day the file is read.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, or_, select

from abm_planner.domain import vocabularies as vocab
from abm_planner.excel import export_layout as layout
from abm_planner.excel.export_data import WHOLE_PLAN, ExportData, raw, uuid_text
from abm_planner.excel.sheet_styles import RAG_COLOURS
from abm_planner.excel.workbook_writer import SPARE_ROWS, SheetSpec, WorkbookWriter
from abm_planner.store.models import (
    Account,
    ActionItem,
    Criterion,
    Decision,
    Objective,
    PlayAssignment,
    Stakeholder,
    VocabularyTerm,
    Workshop,
)

ACTION_STATUS_LABELS = {"open": "Open", "done": "Done", "dropped": "Dropped"}
OVERDUE_COLOURS = RAG_COLOURS["red"]
# the records a decision or action may link to, and the column that names them
LINK_NAMES: dict[str, tuple[str, Any, Any]] = {
    "account": ("Account", Account.id, Account.name),
    "stakeholder": ("Stakeholder", Stakeholder.id, Stakeholder.name),
    "criterion": ("Criterion", Criterion.id, Criterion.name),
    "play": ("Play", PlayAssignment.id, PlayAssignment.name),
    "objective": ("Objective", Objective.id, Objective.title),
}
SUBJECTS = {"attitude": "attitude", "influence": "influence", "criterion_score": "score"}


def _scoped(data: ExportData, query: Any, column: Any) -> Any:
    """The exported accounts' entries and the plan-wide ones (no account)."""
    if data.account_ids is None:
        return query
    return query.where(or_(column.in_(data.account_ids), column.is_(None)))


def row_counts(data: ExportData) -> dict[str, int]:
    counts = {}
    for name, model in ((layout.DECISIONS, Decision), (layout.ACTIONS, ActionItem)):
        query = _scoped(data, select(func.count()).select_from(model), model.account_id)
        counts[name] = int(data.session.scalar(query) or 0)
    return counts


def lists() -> dict[str, list[str]]:
    return {layout.ACTION_STATUSES: list(ACTION_STATUS_LABELS.values())}


def highlights() -> dict[str, list[tuple[str, tuple[str, str]]]]:
    """Done reads green and dropped grey; open is left plain for the overdue rule."""
    return {
        layout.ACTION_STATUSES: [
            (ACTION_STATUS_LABELS["done"], RAG_COLOURS["green"]),
            (ACTION_STATUS_LABELS["dropped"], RAG_COLOURS["grey"]),
        ]
    }


def mark_overdue(writer: WorkbookWriter, spec: SheetSpec, rows: int) -> None:
    """Open actions whose due date has passed: the visible columns of the row in red."""
    from xlsxwriter.utility import xl_col_to_name

    headers = [c.header for c in spec.columns]
    due = xl_col_to_name(headers.index(layout.DUE))
    status = xl_col_to_name(headers.index(layout.STATUS))
    last_visible = max(i for i, c in enumerate(spec.columns) if not c.hidden)
    open_label = ACTION_STATUS_LABELS["open"].replace('"', '""')
    sheet = writer.book.get_worksheet_by_name(spec.name)
    sheet.conditional_format(
        1,
        0,
        max(rows, 1) + SPARE_ROWS,
        last_visible,
        {
            "type": "formula",
            "criteria": f'=AND(${status}2="{open_label}",ISNUMBER(${due}2),${due}2<TODAY())',
            "format": writer.styles.highlight(OVERDUE_COLOURS),
        },
    )


def _workshops(data: ExportData) -> dict[Any, str]:
    return dict(data.session.execute(select(raw(Workshop.id), Workshop.title)).all())


def _links(data: ExportData, stored: list[str]) -> dict[str, list[str]]:
    """Each stored ``linked`` JSON as readable names, one lookup per kind of record."""
    parsed: dict[str, list[tuple[str, str]]] = {}
    wanted: dict[str, set[uuid.UUID]] = defaultdict(set)
    for text in stored:
        if text in parsed:
            continue
        try:
            items = json.loads(text or "[]")
        except ValueError:
            items = []
        pairs = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and item.get("id"):
                kind, ident = str(item.get("type", "")), str(item["id"])
                pairs.append((kind, ident))
                if kind in LINK_NAMES:
                    with contextlib.suppress(ValueError):  # a damaged id names nothing
                        wanted[kind].add(uuid.UUID(ident))
        parsed[text] = pairs
    names: dict[tuple[str, str], str] = {}
    for kind, ids in wanted.items():
        _label, id_column, name_column = LINK_NAMES[kind]
        for ident, name in data.session.execute(
            select(id_column, name_column).where(id_column.in_(ids))
        ):
            names[kind, str(ident)] = name
    shown: dict[str, list[str]] = {}
    for text, pairs in parsed.items():
        shown[text] = [
            f"{LINK_NAMES[k][0] if k in LINK_NAMES else k.replace('_', ' ').capitalize()}: "
            + names.get((k, i), "(deleted)")
            for k, i in pairs
        ]
    return shown


def _term_labels(data: ExportData) -> dict[tuple[str, float], str]:
    query = select(VocabularyTerm.kind, VocabularyTerm.value, VocabularyTerm.label).where(
        VocabularyTerm.kind.in_((vocab.ATTITUDE, vocab.INFLUENCE)),
        VocabularyTerm.value.is_not(None),
    )
    labels: dict[tuple[str, float], str] = {}
    for kind, value, label in data.session.execute(query):
        if value is not None:
            labels.setdefault((kind, float(value)), label)
    return labels


def _estimate(labels: dict[tuple[str, float], str], subject: str, value: Any) -> str:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "not set"
    if subject == "criterion_score":
        return f"{value:g}"
    kind = vocab.ATTITUDE if subject == "attitude" else vocab.INFLUENCE
    label = labels.get((kind, float(value)))
    number = f"{value:+g}" if subject == "attitude" else f"{value:g}"
    return f"{label} ({number})" if label else number


def details_text(stored: str, labels: dict[tuple[str, float], str]) -> str:
    """A decision's details as sentences: both estimates, the agreed value and the reason."""
    try:
        details = json.loads(stored or "{}")
    except ValueError:
        return ""
    if not isinstance(details, dict) or not details:
        return ""
    if details.get("kind") == "agreed_estimate":
        subject = str(details.get("subject", ""))

        def shown(key: str) -> str:
            return _estimate(labels, subject, details.get(key))

        lines = [
            f"{details.get('label') or SUBJECTS.get(subject, subject)}: sales estimated "
            f"{shown('sales')}, marketing {shown('marketing')}; agreed {shown('agreed')} "
            f"(was {shown('previous')}).",
        ]
        if details.get("reason"):
            lines.append(f"Reason: {details['reason']}")
        return "\n".join(lines)
    return "\n".join(
        f"{str(k).replace('_', ' ').capitalize()}: {v}"
        for k, v in details.items()
        if v not in (None, "", [], {})
    )


def decisions(data: ExportData) -> Iterator[list[Any]]:
    d = Decision
    query = _scoped(
        data,
        select(
            raw(d.id),
            d.version,
            Account.name,
            d.decided_on,
            d.title,
            d.text,
            d.decided_by,
            raw(d.workshop_id),
            d.linked,
            d.details,
        )
        .outerjoin(Account, Account.id == d.account_id)
        .order_by(Account.name.is_not(None), Account.name, d.decided_on.desc(), d.id),
        d.account_id,
    )
    found = list(data.session.execute(query))
    links = _links(data, [row[8] for row in found])
    workshops = _workshops(data) if found else {}
    labels = _term_labels(data) if found else {}
    for ident, version, account, day, title, text, by, workshop, linked, details in found:
        yield [
            day,
            account or WHOLE_PLAN,
            title,
            text,
            by,
            workshops.get(workshop),
            "; ".join(links.get(linked, ())),
            details_text(details, labels),
            uuid_text(ident),
            version,
        ]


def actions(data: ExportData) -> Iterator[list[Any]]:
    a = ActionItem
    query = _scoped(
        data,
        select(
            raw(a.id),
            a.version,
            Account.name,
            a.text,
            raw(a.owner_id),
            a.due_on,
            a.status,
            raw(a.workshop_id),
            a.linked,
        )
        .outerjoin(Account, Account.id == a.account_id)
        .order_by(Account.name.is_not(None), Account.name, a.due_on.is_(None), a.due_on, a.id),
        a.account_id,
    )
    found = list(data.session.execute(query))
    links = _links(data, [row[8] for row in found])
    workshops = _workshops(data) if found else {}
    for ident, version, account, text, owner, due, status, workshop, linked in found:
        yield [
            account or WHOLE_PLAN,
            text,
            data.members.get(owner),
            due,
            ACTION_STATUS_LABELS.get(status, status),
            workshops.get(workshop),
            "; ".join(links.get(linked, ())),
            uuid_text(ident),
            version,
        ]
