"""Reports-to lines rebuilt from a CRM's ``ReportsToId`` or a manager's name.

A line is drawn only between two people of the same account; a person whose
solid reports-to line points elsewhere in the plan has it moved (a field
change the preview shows), and a manager who cannot be found is counted once.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from abm_planner.excel.import_model import (
    ADD,
    CHANGE,
    WARNING,
    FieldChange,
    ImportIssue,
    Location,
    RecordChange,
)
from abm_planner.excel.plan_index import crm_key, is_null_crm_id, name_key
from abm_planner.excel.record_ids import new_record_id

if TYPE_CHECKING:
    from abm_planner.excel.crm_import import CrmImport
    from abm_planner.excel.crm_rows import CrmRecord


def rebuild_reports_to(crm: CrmImport) -> None:
    """Lines from each contact to the manager their row names, within one account."""
    added = {c.key for c in crm.changes if c.action == ADD}
    missing: list[Location] = []
    for record in crm.people:
        manager_crm = record.row.text("reports_to_crm_id")
        manager_name = record.row.text("reports_to_name")
        if is_null_crm_id(manager_crm) and not manager_name:
            continue
        manager = _manager(crm, record, manager_crm, manager_name)
        if manager is None:
            missing.append(record.row.where)
            continue
        manager_id, manager_account = manager
        if manager_id == record.record_id:
            continue
        if manager_account != record.account_id:
            crm.issues.append(
                ImportIssue(
                    WARNING,
                    "the manager belongs to another account; no reports-to line drawn",
                    record.row.where,
                )
            )
            continue
        current = crm.index.reports_to.get(record.record_id, [])
        if any(target == manager_id for _line, target, _v in current):
            continue
        depends = tuple(
            k
            for k in (f"stakeholder:{record.record_id}", f"stakeholder:{manager_id}")
            if k in added
        )
        values = {
            "account_id": record.account_id,
            "source_id": record.record_id,
            "target_id": manager_id,
            "kind": "reports_to",
            "dotted": False,
            "strength": 2,
        }
        name = str(record.values.get("name", ""))
        boss = _person_name_of(crm, manager_id)
        if current:
            line_id, old_target, version = current[0]
            crm.changes.append(
                RecordChange(
                    f"line:{line_id}",
                    CHANGE,
                    "line",
                    line_id,
                    f"{name} reports to",
                    crm.account_name(record.account_id),
                    (
                        FieldChange(
                            "target_id", "Reports to", _person_name_of(crm, old_target), boss
                        ),
                    ),
                    record.row.where,
                    version=version,
                    values={"target_id": manager_id},
                    depends_on=depends,
                )
            )
            crm.counts["lines changed"] += 1
        else:
            line_id = new_record_id()
            crm.changes.append(
                RecordChange(
                    f"line:{line_id}",
                    ADD,
                    "line",
                    line_id,
                    f"{name} reports to",
                    crm.account_name(record.account_id),
                    (FieldChange("target_id", "Reports to", "", boss),),
                    record.row.where,
                    values=values,
                    depends_on=depends,
                )
            )
            crm.counts["lines added"] += 1
    if missing:
        crm.issues.append(
            ImportIssue(
                WARNING,
                f"{len(missing):,} contact(s) name a manager who is not found; no "
                "reports-to line drawn for them (the first is shown here)",
                missing[0],
            )
        )


def _manager(
    crm: CrmImport, record: CrmRecord, manager_crm: str, name: str
) -> tuple[uuid.UUID, uuid.UUID | None] | None:
    if not is_null_crm_id(manager_crm):
        found = crm.people_by_crm.get(crm_key(manager_crm))
        if found is not None:
            return found.record_id, found.account_id
        ids = crm.index.person_by_crm.get(crm_key(manager_crm), [])
        if ids:
            return ids[0], crm.index.people[ids[0]].account_id
    if name and record.account_id is not None:
        found = crm.people_by_name.get((record.account_id, name_key(name)))
        if found is not None:
            return found.record_id, found.account_id
        ids = crm.index.person_by_name.get((record.account_id, name_key(name)), [])
        if len(ids) == 1:
            return ids[0], record.account_id
    return None


def _person_name_of(crm: CrmImport, person_id: uuid.UUID) -> str:
    state = crm.index.people.get(person_id)
    if state is not None:
        return state.name
    return next((str(r.values.get("name", "")) for r in crm.people if r.record_id == person_id), "")
