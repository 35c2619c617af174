"""A plan's own words travel through Excel: drop-downs carry them and an edited workbook
using them comes back as the same terms."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from abm_planner.domain import vocabularies as vocab
from abm_planner.excel.import_model import CHANGE
from abm_planner.services import vocabularies
from abm_planner.services.accounts import create_account
from abm_planner.services.excel_io import apply_import, export_plan, preview_import
from abm_planner.services.plans import Plan
from abm_planner.services.stakeholders import create_stakeholder, get_stakeholder
from abm_planner.services.vocabulary_lookup import term_map


def _list_column(book: openpyxl.Workbook, kind: str) -> list[str]:
    sheet = book["Lists"]
    headers = [c.value for c in sheet[1]]
    column = headers.index(kind) + 1
    return [
        sheet.cell(row, column).value
        for row in range(2, sheet.max_row + 1)
        if sheet.cell(row, column).value
    ]


def test_renamed_labels_fill_the_drop_downs_and_round_trip(tmp_plan: Plan, tmp_path: Path) -> None:
    with tmp_plan.read() as session:
        roles, attitudes = term_map(session, vocab.ROLE), term_map(session, vocab.ATTITUDE)
    account = create_account(tmp_plan, {"name": "Acme"})
    ada = create_stakeholder(tmp_plan, account, {"name": "Ada"})
    bob = create_stakeholder(tmp_plan, account, {"name": "Bob", "role_ids": [roles["other"].id]})
    vocabularies.rename_term(tmp_plan, roles["economic_buyer"].id, "Budget owner")
    vocabularies.rename_term(tmp_plan, attitudes["mentor"].id, "Coach")
    vocabularies.set_active(tmp_plan, roles["other"].id, False)

    exported = tmp_path / "plan.xlsx"
    export_plan(tmp_plan, exported, include_findings=False)
    book = openpyxl.load_workbook(exported)
    role_list = _list_column(book, vocab.ROLE)
    assert "Budget owner" in role_list and "Economic Buyer" not in role_list
    assert "Other" not in role_list  # retired: not offered in Excel either
    assert "Coach" in _list_column(book, vocab.ATTITUDE)

    people = book["Stakeholders"]
    headers = [c.value for c in people[1]]
    rows = {
        people.cell(r, headers.index("Name") + 1).value: r for r in range(2, people.max_row + 1)
    }
    assert people.cell(rows["Bob"], headers.index("Buying roles") + 1).value == "Other"
    people.cell(rows["Ada"], headers.index("Buying roles") + 1).value = "Budget owner"
    people.cell(rows["Ada"], headers.index("Attitude") + 1).value = "Coach"
    edited = tmp_path / "edited.xlsx"
    book.save(edited)

    preview = preview_import(tmp_plan, [edited])
    assert not preview.errors
    changed = [c for c in preview.changes if c.kind == "stakeholder" and c.action == CHANGE]
    assert len(changed) == 1  # Ada; Bob keeps his retired role untouched
    apply_import(tmp_plan, preview)
    values = get_stakeholder(tmp_plan, ada).values
    assert values["role_ids"] == [roles["economic_buyer"].id]
    assert values["attitude_id"] == attitudes["mentor"].id
    assert get_stakeholder(tmp_plan, bob).values["role_ids"] == [roles["other"].id]
