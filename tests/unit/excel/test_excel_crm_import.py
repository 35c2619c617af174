"""CRM exports import as they really come (files built by ``excel_samples``)."""

from __future__ import annotations

from pathlib import Path

import excel_samples as samples
import pytest
from sqlalchemy import select

from abm_planner.excel.import_model import ADD, CHANGE, ERROR, WARNING
from abm_planner.services.excel_io import apply_import, preview_import
from abm_planner.services.plans import Plan
from abm_planner.services.summary import plan_summary
from abm_planner.store.models import Account, Stakeholder, StakeholderLine, TeamMember


def accounts(plan: Plan) -> dict[str, list[Account]]:
    with plan.read() as session:
        found: dict[str, list[Account]] = {}
        for account in session.scalars(select(Account)):
            found.setdefault(account.name, []).append(account)
        return found


def people(plan: Plan) -> dict[str, Stakeholder]:
    with plan.read() as session:
        return {p.name: p for p in session.scalars(select(Stakeholder))}


def test_salesforce_report_and_data_loader(tmp_plan: Plan, tmp_path: Path) -> None:
    files = [
        samples.salesforce_accounts_report(tmp_path),
        samples.salesforce_contacts_dataloader(tmp_path),
    ]
    preview = preview_import(tmp_plan, files)
    assert not preview.errors
    kinds = {s.file.name: s.kind for s in preview.sheets}
    assert kinds == {"Salesforce accounts.csv": "accounts", "contacts-dataloader.csv": "contacts"}
    report = preview.sheets[0]
    assert {c.header: c.field for c in report.columns}["Current_Employer__c"] is None
    assert "UTF-8 with BOM" in report.notes[0]
    result = apply_import(tmp_plan, preview)
    assert result.added == {"account": 3, "stakeholder": 3, "line": 1}
    assert result.skipped == 2  # Pia (000000000000000AAA) and Paul (no account id)
    found = accounts(tmp_plan)
    assert len(found["Acme Corp"]) == 2  # a shared name is not a duplicate
    acme = next(a for a in found["Acme Corp"] if a.crm_id == "0015g00000AcmeAAA")
    assert acme.annual_revenue == 1_200_000.0
    assert acme.employees == 1200
    assert acme.notes == "Line one\nline two, with a comma"
    assert found["Borealis Bank"][0].annual_revenue == 12345678901234.0
    staff = people(tmp_plan)
    assert staff["Emil Worker"].account_id == acme.id
    assert staff["Greta Boss"].email == staff["Emil Worker"].email  # shared email is fine
    assert staff["Frida Other"].account_id != acme.id
    with tmp_plan.read() as session:
        (line,) = session.scalars(select(StakeholderLine))
    assert (line.source_id, line.target_id) == (staff["Emil Worker"].id, staff["Greta Boss"].id)
    owner = next(i for i in preview.warnings if "Claire Dubois" in i.reason)
    assert (owner.where.row, owner.where.column) == (2, "Account Owner")


def test_reimporting_the_same_export_changes_nothing(tmp_plan: Plan, tmp_path: Path) -> None:
    files = [
        samples.salesforce_accounts_report(tmp_path),
        samples.salesforce_contacts_dataloader(tmp_path),
    ]
    apply_import(tmp_plan, preview_import(tmp_plan, files))
    again = preview_import(tmp_plan, files)
    assert again.changes == []
    assert again.counts["accounts unchanged"] == 3


def test_a_changed_crm_value_is_a_field_change(tmp_plan: Plan, tmp_path: Path) -> None:
    path = samples.salesforce_accounts_report(tmp_path)
    apply_import(tmp_plan, preview_import(tmp_plan, [path]))
    text = path.read_bytes().replace(b'"$950,000.00"', b'"$990,000.00"')
    path.write_bytes(text)
    preview = preview_import(tmp_plan, [path])
    (change,) = preview.changes
    assert change.action == CHANGE
    assert [(f.label, f.old, f.new) for f in change.fields] == [
        ("Annual revenue", "950,000.00", "990,000.00")
    ]


def test_hubspot_workbook_with_several_company_ids_and_buying_roles(
    tmp_plan: Plan, tmp_path: Path
) -> None:
    preview = preview_import(tmp_plan, [samples.hubspot_workbook(tmp_path)])
    assert not preview.errors
    assert [s.kind for s in preview.sheets] == ["accounts", "contacts"]
    apply_import(tmp_plan, preview)
    found = accounts(tmp_plan)
    assert found["Cobalt Systems"][0].crm_id == "9001"
    assert found["Cobalt Systems"][0].annual_revenue == 5e9
    assert found["Delta Logistics"][0].employees == 800
    summary = plan_summary(tmp_plan)
    assert summary["roles"]["Economic Buyer"] == 1  # "Budget Holder"
    assert summary["roles"]["Champion"] == 1
    assert summary["roles"]["User"] == 1  # "END_USER"
    assert summary["roles"]["Technical Evaluator"] == 1  # LinkedIn's "Evaluator"
    assert people(tmp_plan)["Ann Lee"].account_id == found["Cobalt Systems"][0].id  # 9999 unknown


def test_dynamics_contacts_link_by_company_name(tmp_plan: Plan, tmp_path: Path) -> None:
    apply_import(tmp_plan, preview_import(tmp_plan, [samples.salesforce_accounts_report(tmp_path)]))
    preview = preview_import(tmp_plan, [samples.dynamics_contacts(tmp_path)])
    mapping = {c.header: (c.field, c.how) for c in preview.sheets[0].columns}
    assert mapping["(Do Not Modify) Contact"][0] == "crm_id"
    assert mapping["(Do Not Modify) Row Checksum"] == (None, "ignored: Dynamics 365 bookkeeping")
    assert mapping["Website (Company Name) (Account)"][0] is None
    skipped = next(i for i in preview.warnings if "contact, not an account" in i.reason)
    assert skipped.where.row == 3
    apply_import(tmp_plan, preview)
    dora = people(tmp_plan)["Dora Dynamics"]
    assert dora.crm_id == "6f9619ff-8b86-d011-b42d-00c04fc964ff"
    assert dora.account_id == accounts(tmp_plan)["Borealis Bank"][0].id


def test_windows_1252_semicolons_and_european_money(tmp_plan: Plan, tmp_path: Path) -> None:
    files = [samples.european_accounts(tmp_path), samples.replacement_char_contacts(tmp_path)]
    preview = preview_import(tmp_plan, files)
    assert not preview.errors
    assert (
        "Windows-1252" in preview.sheets[0].notes[0] and "semicolons" in preview.sheets[0].notes[0]
    )
    assert any("\ufffd" in i.reason for i in preview.issues)
    apply_import(tmp_plan, preview)
    found = accounts(tmp_plan)
    assert found["Müller & Söhne GmbH"][0].annual_revenue == 1_200_000.0
    assert found["Café Crème SARL"][0].country == "France"
    assert "Jos\ufffd Garc\ufffda" in people(tmp_plan)


def test_contacts_find_accounts_of_another_file_and_industries_are_added(
    tmp_plan: Plan, tmp_path: Path
) -> None:
    files = [samples.hubspot_workbook(tmp_path)]
    rows = [["Company name", "Industry"], ["Nimbus Aero", "Aerospace & Defence"]]
    files.append(samples.write_csv(tmp_path / "more companies.csv", rows))
    preview = preview_import(tmp_plan, files)
    (term,) = [c for c in preview.changes if c.kind == "term"]
    assert term.name == "Aerospace & Defence"
    nimbus = next(c for c in preview.changes if c.name == "Nimbus Aero")
    assert term.key in nimbus.depends_on
    apply_import(tmp_plan, preview, {nimbus.key})  # the new industry comes with it
    assert "Nimbus Aero" in accounts(tmp_plan)
    assert "Cobalt Systems" not in accounts(tmp_plan)


def test_owner_by_team_member_name_or_email(tmp_plan: Plan, tmp_path: Path) -> None:
    with tmp_plan.write() as unit:
        unit.session.add(TeamMember(name="Claire Dubois", email="claire@us.example"))
    rows = [
        ["Account Name", "Account Owner"],
        ["One", "claire dubois"],
        ["Two", "CLAIRE@us.example"],
    ]
    apply_import(tmp_plan, preview_import(tmp_plan, [samples.write_csv(tmp_path / "a.csv", rows)]))
    found = accounts(tmp_plan)
    assert found["One"][0].sales_owner_id == found["Two"][0].sales_owner_id is not None


def test_ambiguous_account_name_names_both_rows(tmp_plan: Plan, tmp_path: Path) -> None:
    files = [samples.salesforce_accounts_report(tmp_path)]
    rows = [["First Name", "Last Name", "Account Name"], ["Ida", "Ambiguous", "Acme Corp"]]
    files.append(samples.write_csv(tmp_path / "contacts.csv", rows))
    preview = preview_import(tmp_plan, files)
    (error,) = preview.errors
    assert (error.where.file.name, error.where.row, error.where.column) == (
        "contacts.csv",
        2,
        "Account Name",
    )
    assert "Salesforce accounts.csv, row 2" in error.reason
    assert "Salesforce accounts.csv, row 3" in error.reason


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (["Account Name", "Industry"], "accounts"),
        (["FirstName", "LastName", "AccountId"], "contacts"),
        (["Name", "Account"], "contacts"),
        (["Company name", "Record ID"], "accounts"),
    ],
)
def test_sheet_kind_is_recognised(
    tmp_plan: Plan, tmp_path: Path, header: list[str], kind: str
) -> None:
    path = samples.write_csv(tmp_path / "data.csv", [header, ["x"] * len(header)])
    preview = preview_import(tmp_plan, [path])
    assert preview.sheets[0].kind == kind


def test_header_row_below_report_title_lines(tmp_plan: Plan, tmp_path: Path) -> None:
    rows = [
        ["Accounts by owner"],
        ["Filtered by: All accounts"],
        [],
        ["Account Name", "Industry"],
        ["Title Row Ltd", "Retail"],
    ]
    preview = preview_import(tmp_plan, [samples.write_xlsx(tmp_path / "report.xlsx", {"R": rows})])
    assert preview.sheets[0].header_row == 4
    assert [c.action for c in preview.changes] == [ADD]


def test_unknown_buying_role_becomes_other_with_a_warning(tmp_plan: Plan, tmp_path: Path) -> None:
    rows = [["Account Name"], ["Roleco"]]
    contacts = [
        ["First Name", "Last Name", "Account Name", "Buying Role"],
        ["A", "B", "Roleco", "Gatekeeper"],
    ]
    preview = preview_import(
        tmp_plan,
        [
            samples.write_csv(tmp_path / "accounts.csv", rows),
            samples.write_csv(tmp_path / "contacts.csv", contacts),
        ],
    )
    assert any(i.severity == WARNING and "Gatekeeper" in i.reason for i in preview.issues)
    assert not any(i.severity == ERROR for i in preview.issues)
    apply_import(tmp_plan, preview)
    assert plan_summary(tmp_plan)["roles"]["Other"] == 1


def test_contacts_link_to_an_account_by_its_15_character_id(tmp_plan: Plan, tmp_path: Path) -> None:
    accounts_file = samples.write_csv(
        tmp_path / "accounts.csv", [["Id", "Name"], ["001D000000IqhSLIAZ", "Long Id Inc"]]
    )
    contacts_file = samples.write_csv(
        tmp_path / "contacts.csv",
        [["FirstName", "LastName", "AccountId"], ["Short", "Id", "001D000000IqhSL"]],
    )
    apply_import(tmp_plan, preview_import(tmp_plan, [accounts_file, contacts_file]))
    assert people(tmp_plan)["Short Id"].account_id == accounts(tmp_plan)["Long Id Inc"][0].id
