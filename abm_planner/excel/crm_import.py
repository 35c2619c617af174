"""Accounts and contacts from CRM exports, as changes against the plan.

Records are linked by CRM id whenever ids exist (Salesforce's empty
``000000000000000AAA`` meaning "no link"; HubSpot's several ``;``-separated
company ids), by name only when they do not. Two companies may share a name and
many people an email: neither makes a duplicate. A name link that fits two
records is an error naming both rows; contacts without an account are counted
and skipped, never fatal. A value left empty in the file never erases one in the
plan. Reports-to lines are rebuilt from ``ReportsToId`` or a manager's name.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from abm_planner.domain.fields import ACCOUNT_FIELDS, STAKEHOLDER_FIELDS, FieldSpec, field_map
from abm_planner.excel import value_parsing as parse
from abm_planner.excel.crm_lines import rebuild_reports_to
from abm_planner.excel.crm_rows import (
    ACCOUNT_TARGETS,
    PERSON_TARGETS,
    CrmRecord,
    CrmRow,
    person_name,
    value_differs,
)
from abm_planner.excel.field_values import INVALID, FieldReader, display
from abm_planner.excel.import_model import (
    ADD,
    CHANGE,
    ERROR,
    WARNING,
    FieldChange,
    ImportIssue,
    Location,
    RecordChange,
)
from abm_planner.excel.plan_index import (
    PlanIndex,
    RecordState,
    Term,
    crm_key,
    is_null_crm_id,
    name_key,
)
from abm_planner.excel.record_ids import new_record_id

ACCOUNT_SPECS = field_map(ACCOUNT_FIELDS)
PERSON_SPECS = field_map(STAKEHOLDER_FIELDS)


@dataclass(slots=True)
class CrmImport:
    index: PlanIndex
    issues: list[ImportIssue]
    changes: list[RecordChange] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    accounts_by_crm: dict[str, CrmRecord] = field(default_factory=dict)
    accounts_by_name: dict[str, list[CrmRecord]] = field(default_factory=lambda: defaultdict(list))
    people: list[CrmRecord] = field(default_factory=list)
    people_by_crm: dict[str, CrmRecord] = field(default_factory=dict)
    people_by_name: dict[tuple[uuid.UUID, str], CrmRecord] = field(default_factory=dict)
    term_keys: dict[uuid.UUID, str] = field(default_factory=dict)
    new_terms: dict[uuid.UUID, Term] = field(default_factory=dict)

    def _error(self, where: Location, reason: str) -> None:
        self.issues.append(ImportIssue(ERROR, reason, where))

    def _values(
        self, row: CrmRow, reader: FieldReader, targets: dict[str, str], specs: dict[str, FieldSpec]
    ) -> dict[str, Any] | None:
        values: dict[str, Any] = {}
        ok = True
        read, at, is_blank = reader.read, row.at, parse.is_blank
        for source, target in targets.items():
            raw = row.raw(source)
            if is_blank(raw):
                continue
            value = read(specs[target], raw, partial(at, source))
            if value is INVALID:
                ok = False
            else:
                values[target] = value
        return values if ok else None

    # ------------------------------------------------------------------ accounts
    def add_accounts(self, rows: list[CrmRow], reader: FieldReader) -> None:
        seen_names: dict[str, CrmRow] = {}
        for row in rows:
            self.counts["account rows"] += 1
            values = self._values(row, reader, ACCOUNT_TARGETS, ACCOUNT_SPECS)
            if values is None:
                continue
            if not values.get("name"):
                self._error(row.at("name"), "the account has no name")
                continue
            crm = values.get("crm_id", "")
            crm = "" if is_null_crm_id(crm) else crm
            values["crm_id"] = crm
            if crm:
                twin = self.accounts_by_crm.get(crm_key(crm))
                if twin is not None:
                    self._error(row.at("crm_id"), f"CRM id {crm} is also on {twin.row.where}")
                    continue
            else:
                twin_row = seen_names.get(name_key(values["name"]))
                if twin_row is not None:
                    self._error(
                        row.at("name"),
                        f"duplicate name '{values['name']}' without CRM ids, also on "
                        f"{twin_row.where}; add CRM ids or tell the rows apart",
                    )
                    continue
                seen_names[name_key(values["name"])] = row
            existing = self._match_account(row, values["name"], crm)
            record = CrmRecord(row, existing.id if existing else new_record_id(), values, existing)
            if crm:
                self.accounts_by_crm[crm_key(crm)] = record
            self.accounts_by_name[name_key(values["name"])].append(record)
            record.key = self._record_change(
                record,
                kind="account",
                specs=ACCOUNT_SPECS,
                reader=reader,
                name=values["name"],
                account="",
            )

    def _match_account(self, row: CrmRow, name: str, crm: str) -> RecordState | None:
        index = self.index
        if crm:
            found = index.account_by_crm.get(crm_key(crm), [])
            if found:
                return index.accounts[found[0]]
        by_name = index.account_by_name.get(name_key(name), [])
        if crm:
            free = [i for i in by_name if is_null_crm_id(index.accounts[i].crm_id)]
            return index.accounts[free[0]] if len(free) == 1 else None
        if len(by_name) > 1:
            first, second = (index.accounts[i] for i in by_name[:2])
            self._error(
                row.at("name"),
                f"'{name}' fits two accounts in the plan (CRM ids '{first.crm_id}' and "
                f"'{second.crm_id}'); add the CRM id to the row",
            )
            return None
        return index.accounts[by_name[0]] if by_name else None

    def _record_change(
        self,
        record: CrmRecord,
        *,
        kind: str,
        specs: dict[str, FieldSpec],
        reader: FieldReader,
        name: str,
        account: str,
    ) -> str:
        key = f"{kind}:{record.record_id}"
        new_terms = {t.id: t for t in reader.new_terms.values()}
        for term in reader.new_terms.values():
            self.term_keys.setdefault(term.id, f"term:{term.id}")
        depends = tuple(
            self.term_keys[v]
            for v in record.values.values()
            if isinstance(v, uuid.UUID) and v in self.term_keys
        )
        if record.existing is None:
            values = dict(record.values)
            index = self.index

            def describe() -> tuple[FieldChange, ...]:
                return tuple(
                    FieldChange(n, specs[n].label, "", display(specs[n], v, index, new_terms))
                    for n, v in values.items()
                    if n in specs and v not in (None, "", [], False)
                )

            self.changes.append(
                RecordChange(
                    key,
                    ADD,
                    kind,
                    record.record_id,
                    name,
                    account,
                    where=record.row.where,
                    values=values,
                    depends_on=depends,
                    describe=describe,
                )
            )
            self.counts[f"{kind}s added"] += 1
            return key
        old = record.existing.values
        fields = tuple(
            FieldChange(
                n,
                specs[n].label,
                display(specs[n], old.get(n), self.index, new_terms),
                display(specs[n], v, self.index, new_terms),
            )
            for n, v in record.values.items()
            if n in specs and value_differs(old.get(n), v)
        )
        if not fields:
            self.counts[f"{kind}s unchanged"] += 1
            return key
        self.changes.append(
            RecordChange(
                key,
                CHANGE,
                kind,
                record.record_id,
                name,
                account,
                fields,
                record.row.where,
                version=record.existing.version,
                values={f.field: record.values[f.field] for f in fields},
                depends_on=depends,
            )
        )
        self.counts[f"{kind}s changed"] += 1
        return key

    # ------------------------------------------------------------------ contacts
    def add_contacts(  # noqa: PLR0912 - one pass over the rows, each check a branch
        self, rows: list[CrmRow], reader: FieldReader
    ) -> None:
        contact_names = {name_key(person_name(row)) for row in rows}
        skipped: dict[str, list[Location]] = defaultdict(list)
        for row in rows:
            self.counts["contact rows"] += 1
            name = person_name(row)
            if not name:
                self._error(
                    row.at("full_name") if "full_name" in row.columns else row.at("last_name"),
                    "the contact has no name",
                )
                continue
            account_id, why = self._contact_account(row, contact_names)
            if account_id is None:
                if why:
                    skipped[why].append(row.where)
                continue
            values = self._values(row, reader, PERSON_TARGETS, PERSON_SPECS)
            if values is None:
                continue
            spec = PERSON_SPECS["name"]
            if len(name) > (spec.max_length or 300):
                self._error(row.where, f"the name is too long ({len(name)} characters)")
                continue
            values["name"] = name
            crm = values.get("crm_id", "")
            crm = "" if is_null_crm_id(crm) else crm
            values["crm_id"] = crm
            if crm and crm_key(crm) in self.people_by_crm:
                earlier = self.people_by_crm[crm_key(crm)]
                self._error(row.at("crm_id"), f"CRM id {crm} is also on {earlier.row.where}")
                continue
            existing = self._match_person(row, account_id, name, crm)
            if existing is not None and existing.account_id != account_id:
                self.issues.append(
                    ImportIssue(
                        WARNING,
                        f"{name} is with another account in the plan; kept there",
                        row.where,
                    )
                )
                account_id = existing.account_id or account_id
            record = CrmRecord(
                row, existing.id if existing else new_record_id(), values, existing, account_id
            )
            twin = self.people_by_name.get((account_id, name_key(name)))
            if twin is not None and not crm and existing is None:
                self._error(
                    row.where,
                    f"'{name}' appears twice for the same account without CRM "
                    f"ids, also on {twin.row.where}",
                )
                continue
            if crm:
                self.people_by_crm[crm_key(crm)] = record
            self.people_by_name[account_id, name_key(name)] = record
            self.people.append(record)
            account = self.account_name(account_id)
            if record.existing is None:
                values["account_id"] = account_id
            record.key = self._record_change(
                record,
                kind="stakeholder",
                specs=PERSON_SPECS,
                reader=reader,
                name=name,
                account=account,
            )
            if record.existing is None:
                self._depend_on_account(record.key, account_id)
        for why, places in skipped.items():
            self.counts["contacts skipped"] += len(places)
            plural = "s" if len(places) > 1 else ""
            self.issues.append(
                ImportIssue(
                    WARNING,
                    f"skipped {len(places):,} contact{plural} {why}; the first is on this row",
                    places[0],
                )
            )
        rebuild_reports_to(self)

    def _contact_account(  # noqa: PLR0911 - each way of finding the account ends here
        self, row: CrmRow, contact_names: set[str]
    ) -> tuple[uuid.UUID | None, str]:
        ids = [
            i for i in parse.split_list(row.raw("account_crm_id"), ";,") if not is_null_crm_id(i)
        ]
        for crm in ids:
            record = self.accounts_by_crm.get(crm_key(crm))
            if record is not None:
                return record.record_id, ""
            found = self.index.account_by_crm.get(crm_key(crm), [])
            if len(found) == 1:
                return found[0], ""
        if ids:
            return None, "naming an account id that is neither in the plan nor in the files"
        name = row.text("account_name")
        if not name:
            return None, "with no account (private persons or leads)"
        candidates: dict[uuid.UUID, str] = {}
        for record in self.accounts_by_name.get(name_key(name), []):
            candidates.setdefault(record.record_id, str(record.row.where))
        for account_id in self.index.account_by_name.get(name_key(name), []):
            crm = self.index.accounts[account_id].crm_id
            candidates.setdefault(account_id, f"the plan's account with CRM id '{crm}'")
        if len(candidates) > 1:
            first, second = list(candidates.values())[:2]
            self._error(
                row.at("account_name"),
                f"account '{name}' is ambiguous: it fits {first} "
                f"and {second}; give the account's CRM id instead",
            )
            return None, ""
        if candidates:
            return next(iter(candidates)), ""
        if name_key(name) in contact_names:
            return None, "naming a contact, not an account, as their company"
        return None, "naming an account that is neither in the plan nor in the files"

    def _match_person(
        self, row: CrmRow, account_id: uuid.UUID, name: str, crm: str
    ) -> RecordState | None:
        index = self.index
        if crm:
            found = index.person_by_crm.get(crm_key(crm), [])
            if found:
                return index.people[found[0]]
        same = index.person_by_name.get((account_id, name_key(name)), [])
        if crm:
            same = [i for i in same if is_null_crm_id(index.people[i].crm_id)]
        if len(same) > 1:
            self._error(
                row.where,
                f"'{name}' fits two stakeholders of that account in the plan; "
                "add CRM ids to tell them apart",
            )
            return None
        return index.people[same[0]] if same else None

    def account_name(self, account_id: uuid.UUID | None) -> str:
        if account_id is None:
            return ""
        state = self.index.accounts.get(account_id)
        if state is not None:
            return state.name
        for record in self.accounts_by_crm.values():
            if record.record_id == account_id:
                return str(record.values.get("name", ""))
        for records in self.accounts_by_name.values():
            for record in records:
                if record.record_id == account_id:
                    return str(record.values.get("name", ""))
        return ""

    def _depend_on_account(self, key: str, account_id: uuid.UUID) -> None:
        if account_id in self.index.accounts:
            return
        change = self.changes[-1]
        if change.key == key:
            change.depends_on = (*change.depends_on, f"account:{account_id}")
