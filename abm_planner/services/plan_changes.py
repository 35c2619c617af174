"""What changed since a snapshot: records added, removed and changed field by field.

Records are matched by their UUID across every domain table (association tables such
as a stakeholder's buying roles by their pair of ids). Compared are the fields both
the plan and the snapshot have, so a snapshot taken before a migration still
compares; the bookkeeping columns (``created_at``, ``updated_at``, ``version``) are
never compared. A table the snapshot does not know counts as all added.

Decisions and action items are part of the plan and appear like any record. The
workshop's own working records do not: the workshop, its accounts, participants and
agenda, the blind estimates (their outcome shows as the stakeholder or score they
changed, plus the decision), hand-placed DMU positions (layout, not plan), and the
snapshots themselves.

Values are JSON-safe and written for a person: a reference to another record shows
that record's name or label (an attitude reads "Supporter", not a UUID), yes/no
fields are booleans, dates ISO strings.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean

from abm_planner.services.plan_snapshots import find_snapshot
from abm_planner.services.plans import Plan
from abm_planner.store.models import Base
from abm_planner.store.snapshot_payload import Comparison, compare

NOT_COMPARED = frozenset(
    {
        "node_positions",
        "workshops",
        "workshop_accounts",
        "workshop_participants",
        "agenda_steps",
        "estimates",
    }
)

TYPE_NAMES = {
    "accounts": "Account",
    "account_lead_checks": "Lead check",
    "action_items": "Action",
    "criteria": "Criterion",
    "criterion_scores": "Criterion score",
    "decisions": "Decision",
    "lead_criteria": "Lead criterion",
    "objectives": "Objective",
    "plan_settings": "Plan settings",
    "play_assignments": "Play",
    "play_targets": "Play target",
    "play_template_roles": "Play template role",
    "play_template_stages": "Play template stage",
    "play_templates": "Play template",
    "solutions": "Solution",
    "stakeholder_lines": "Stakeholder line",
    "stakeholder_roles": "Buying role",
    "stakeholders": "Stakeholder",
    "team_members": "Team member",
    "tier_rules": "Tier rule",
    "touches": "Touch",
    "vocabulary_terms": "Vocabulary term",
    "whitespace": "Whitespace",
}

# The column that names a record of a table (when the table has one).
_LABELS = {
    "accounts": "name",
    "stakeholders": "name",
    "vocabulary_terms": "label",
    "team_members": "name",
    "criteria": "name",
    "solutions": "name",
    "lead_criteria": "text",
    "play_templates": "name",
    "play_assignments": "name",
    "workshops": "title",
    "objectives": "title",
    "decisions": "title",
    "action_items": "text",
    "plan_settings": "name",
    "plan_snapshots": "label",
}
# Records that belong to an account through another record: column -> table holding it.
_VIA = {"stakeholder_id": "stakeholders", "assignment_id": "play_assignments"}


@dataclass(slots=True)
class ChangeReport:
    """The differences, each list sorted by account, type and name."""

    label: str
    taken_at: datetime
    added: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def to_json(self) -> dict[str, list[dict[str, Any]]]:
        """The object ``abm-planner changes --json`` prints."""
        return {"added": self.added, "changed": self.changed, "removed": self.removed}

    def only_accounts(self, names: Iterable[str]) -> ChangeReport:
        """The items of the accounts called ``names`` (plan-wide items left out)."""
        wanted = set(names)
        keep = [
            [item for item in items if item["account"] in wanted]
            for items in (self.added, self.changed, self.removed)
        ]
        return ChangeReport(self.label, self.taken_at, *keep)

    def by_account(self) -> dict[str | None, dict[str, list[dict[str, Any]]]]:
        """Per account name (None: plan-wide), its added, changed and removed items."""
        groups: dict[str | None, dict[str, list[dict[str, Any]]]] = {}
        for kind in ("added", "changed", "removed"):
            for item in getattr(self, kind):
                group = groups.setdefault(
                    item["account"], {"added": [], "changed": [], "removed": []}
                )
                group[kind].append(item)
        named = sorted((name for name in groups if name is not None), key=str.casefold)
        return {name: groups[name] for name in [*named, *([None] if None in groups else [])]}


@dataclass(slots=True)
class _Rows:
    """One table's differing rows as dicts of raw stored values."""

    table: str
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)


def _fk_targets(table: str) -> dict[str, str]:
    model = Base.metadata.tables.get(table)
    if model is None:
        return {}
    return {
        column.name: next(iter(column.foreign_keys)).column.table.name
        for column in model.columns
        if column.foreign_keys
    }


def _boolean_columns(table: str) -> set[str]:
    model = Base.metadata.tables.get(table)
    if model is None:
        return set()
    return {c.name for c in model.columns if isinstance(c.type, Boolean)}


def _differences(comparison: Comparison, table: str) -> _Rows:
    rows = _Rows(table)
    if not comparison.in_snapshot(table):
        columns = comparison.live_columns(table)
        rows.added = [
            dict(zip(columns, r, strict=True)) for r in comparison.all_rows(table, columns)
        ]
        return rows
    columns = comparison.common_columns(table)
    if not columns:
        return rows

    def as_dict(values: tuple[Any, ...]) -> dict[str, Any]:
        return dict(zip(columns, values, strict=True))

    if "id" in columns:
        removed, changed = comparison.removed_or_changed(table, columns)
        rows.changed = [(as_dict(old), as_dict(new)) for old, new in changed]
    else:  # an association table: its rows are their key
        removed = comparison.one_sided(table, columns, columns, added=False)
    rows.removed = [as_dict(r) for r in removed]
    # Records kept = snapshot rows minus removed ones; the live rows beyond them are new.
    # Only then is the costlier search for them run (it indexes the snapshot's table).
    kept = comparison.count(table, live=False) - len(removed)
    if comparison.count(table, live=True) > kept:
        key = ["id"] if "id" in columns else columns
        rows.added = [as_dict(r) for r in comparison.one_sided(table, key, columns, added=True)]
    return rows


class _Names:
    """Names of referenced records, fetched in batches from the plan or the snapshot."""

    def __init__(self, comparison: Comparison) -> None:
        self._comparison = comparison
        self._wanted: dict[str, set[Any]] = defaultdict(set)
        self._found: dict[str, dict[Any, tuple[Any, ...]]] = defaultdict(dict)

    def want(self, table: str, value: Any) -> None:
        if value is not None and table in _LABELS:
            self._wanted[table].add(value)

    def pending(self) -> list[str]:
        return list(self._wanted)

    def fetch(self, tables: Iterable[str]) -> None:
        for table in tables:
            values = [v for v in self._wanted.pop(table, ()) if v not in self._found[table]]
            if values:
                columns = [_LABELS[table], "account_id" if table in _VIA.values() else "id"]
                self._found[table].update(self._comparison.lookup(table, "id", values, columns))

    def label(self, table: str, value: Any) -> Any:
        row = self._found.get(table, {}).get(value)
        if row is not None and row[0] not in (None, ""):
            return row[0]
        return _record_id(value)

    def account_of(self, table: str, value: Any) -> Any:
        row = self._found.get(table, {}).get(value)
        return row[1] if row is not None else None


def _record_id(value: Any) -> Any:
    if isinstance(value, str) and len(value) == 32:
        try:
            return str(uuid.UUID(hex=value))
        except ValueError:
            return value
    return value


class _Builder:
    """Turns raw differing rows into the report's items."""

    def __init__(self, comparison: Comparison, all_rows: list[_Rows]) -> None:
        self.names = _Names(comparison)
        self.all_rows = all_rows
        for rows in all_rows:
            targets = _fk_targets(rows.table)
            for row in self._every_row(rows):
                for column, target in targets.items():
                    self.names.want(target, row.get(column))
                if rows.table == "accounts":
                    self.names.want("accounts", row.get("id"))
        self.names.fetch(_VIA.values())
        for rows in all_rows:
            for row in self._every_row(rows):
                account = self._account_raw(rows.table, row)
                self.names.want("accounts", account)
        self.names.fetch(self.names.pending())

    @staticmethod
    def _every_row(rows: _Rows) -> Iterable[dict[str, Any]]:
        yield from rows.added
        yield from rows.removed
        for old, new in rows.changed:
            yield old
            yield new

    def _account_raw(self, table: str, row: dict[str, Any]) -> Any:
        if table == "accounts":
            return row.get("id")
        if row.get("account_id") is not None:
            return row["account_id"]
        for column, via in _VIA.items():
            if row.get(column) is not None:
                return self.names.account_of(via, row[column])
        return None

    def _value(self, table: str, column: str, value: Any) -> Any:
        if value is None:
            return None
        target = _fk_targets(table).get(column)
        if target is not None:
            return self.names.label(target, value)
        if column in _boolean_columns(table):
            return bool(value)
        if isinstance(value, bytes):
            return value.hex()
        return value

    def _name(self, table: str, row: dict[str, Any]) -> str:
        own = _LABELS.get(table)
        if own and row.get(own) not in (None, ""):
            return str(row[own])
        references = [
            str(self._value(table, column, row[column]))
            for column in _fk_targets(table)
            if column != "account_id" and row.get(column) is not None
        ]
        if table == "stakeholder_lines":
            kind = str(row.get("kind", "")).replace("_", " ")
            return f"{self._value(table, 'source_id', row.get('source_id'))} {kind} " + str(
                self._value(table, "target_id", row.get("target_id"))
            )
        if table == "touches":
            return " ".join(str(p) for p in (row.get("occurred_on"), *references[-1:]) if p)
        return " · ".join(references) if references else TYPE_NAMES.get(table, table)

    def _record(self, row: dict[str, Any]) -> str:
        if "id" in row:
            return str(_record_id(row["id"]))
        return ":".join(str(_record_id(v)) for v in row.values())

    def _item(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        account = self._account_raw(table, row)
        return {
            "record": self._record(row),
            "type": TYPE_NAMES.get(table, table.replace("_", " ").capitalize()),
            "account": None if account is None else self.names.label("accounts", account),
            "name": self._name(table, row),
            "_account_id": account,
        }

    def report(self, label: str, taken_at: datetime, accounts: set[str] | None) -> ChangeReport:
        report = ChangeReport(label, taken_at)
        for rows in self.all_rows:
            table = rows.table
            report.added += [self._item(table, row) for row in rows.added]
            report.removed += [self._item(table, row) for row in rows.removed]
            for old, new in rows.changed:
                base = self._item(table, new)
                for column in new:
                    if column != "id" and old[column] != new[column]:
                        report.changed.append(
                            base
                            | {
                                "field": column,
                                "old": self._value(table, column, old[column]),
                                "new": self._value(table, column, new[column]),
                            }
                        )
        for kind in ("added", "changed", "removed"):
            items = [
                item
                for item in getattr(report, kind)
                if accounts is None or item["_account_id"] in accounts
            ]
            for item in items:
                del item["_account_id"]
            items.sort(
                key=lambda i: (
                    i["account"] is None,
                    str(i["account"] or "").casefold(),
                    i["type"],
                    str(i["name"]).casefold(),
                    i["record"],
                    i.get("field", ""),
                )
            )
            setattr(report, kind, items)
        return report


def changes_since(
    plan: Plan, label: str, *, account_ids: Iterable[uuid.UUID] | None = None
) -> ChangeReport:
    """The plan compared with the snapshot ``label`` (optionally only some accounts)."""
    with plan.read() as session:
        snapshot = find_snapshot(session, label)
        payload, label, taken_at = snapshot.payload, snapshot.label, snapshot.taken_at
    accounts = None if account_ids is None else {a.hex for a in account_ids}
    with compare(plan.engine, payload) as comparison:
        all_rows = [
            _differences(comparison, table)
            for table in comparison.live_tables()
            if table not in NOT_COMPARED
        ]
        all_rows = [rows for rows in all_rows if rows.added or rows.removed or rows.changed]
        return _Builder(comparison, all_rows).report(label, taken_at, accounts)


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, str):
        return f"“{value}”" if len(value) <= 60 else f"“{value[:57]}…”"
    return str(value)


def format_changes(report: ChangeReport) -> str:
    """The report as a person reads it in a terminal, grouped per account."""
    taken = report.taken_at.strftime("%Y-%m-%d %H:%M UTC")
    counts = (
        f"{len(report.added)} added, {len(report.changed)} changed, {len(report.removed)} removed"
    )
    lines = [f"Changes since “{report.label}” (taken {taken}): {counts}"]
    if report.empty:
        return lines[0].replace(f": {counts}", ": nothing changed")
    for account, group in report.by_account().items():
        lines += ["", account if account is not None else "Plan-wide"]
        lines += [f"  + {i['type']} {i['name']}" for i in group["added"]]
        lines += [
            f"  ~ {i['type']} {i['name']}: {i['field']} {_shown(i['old'])} → {_shown(i['new'])}"
            for i in group["changed"]
        ]
        lines += _removed_lines(group["removed"])
    return "\n".join(lines)


def _removed_lines(items: list[dict[str, Any]]) -> list[str]:
    """One line per removed record; a removed account's own records only counted."""
    account = next((i for i in items if i["type"] == "Account"), None)
    if account is None:
        return [f"  - {i['type']} {i['name']}" for i in items]
    per_type: dict[str, int] = {}
    for item in items:
        if item is not account:
            per_type[item["type"]] = per_type.get(item["type"], 0) + 1
    held = ", ".join(f"{count} × {kind}" for kind, count in sorted(per_type.items()))
    return [f"  - Account {account['name']}" + (f" with {held}" if held else "")]
