"""Which column holds which field: CRM headers matched by synonym, case and spacing aside.

Headers are compared "squashed": case-folded with everything but letters and
digits removed, so ``Annual Revenue``, ``AnnualRevenue`` and ``annual_revenue``
are one header. Only known headers are mapped; custom fields that merely look
standard (``Current_Employer__c``) stay unmapped and are shown in the preview.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

ACCOUNTS = "accounts"
CONTACTS = "contacts"

_NOT_ALNUM = re.compile(r"[\W_]+")

ACCOUNT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "Account Name",
        "Name",
        "Company name",
        "Company",
        "Organization",
        "Organisation",
        "Organization Name",
        "Account",
    ),
    "crm_id": (
        "Account ID",
        "CRM id",
        "Id",
        "Record ID",
        "(Do Not Modify) Account",
        "Account ID 18",
        "Company ID",
        "Salesforce ID",
        "HubSpot ID",
        "accountid",
    ),
    "industry": ("Industry",),
    "tier": ("Tier", "Account Tier", "ABM Tier", "Target Account Tier"),
    "stage": ("Journey stage", "ABM Stage", "Account Stage", "Stage"),
    "sales_owner": ("Sales owner", "Account Owner", "Company owner", "Owner", "Owner Name"),
    "marketing_owner": ("Marketing owner",),
    "region": ("Region", "Sales Region", "Territory"),
    "country": (
        "Country",
        "Billing Country",
        "BillingCountry",
        "Country/Region",
        "Address 1: Country/Region",
        "Address 1: Country",
        "Country Code",
    ),
    "website": (
        "Website",
        "Company Domain Name",
        "Website URL",
        "Domain",
        "Web Site",
        "Web address",
    ),
    "annual_revenue": ("Annual Revenue", "AnnualRevenue", "Revenue"),
    "employees": (
        "Employees",
        "Number of Employees",
        "NumberOfEmployees",
        "Employee Count",
        "No. of Employees",
    ),
    "handed_off_on": ("Handed off on",),
    "needs": ("Needs",),
    "notes": ("Notes", "Description", "Account Description"),
}

CONTACT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "full_name": ("Full Name", "Name", "Contact Name", "Contact"),
    "first_name": ("First Name", "FirstName", "Given Name"),
    "last_name": ("Last Name", "LastName", "Surname", "Family Name"),
    "crm_id": (
        "Contact ID",
        "CRM id",
        "Id",
        "Record ID",
        "(Do Not Modify) Contact",
        "Contact ID 18",
        "Salesforce ID",
        "HubSpot ID",
        "contactid",
    ),
    "account_crm_id": (
        "Account ID",
        "AccountId",
        "Associated Company IDs",
        "Associated Company IDs (Primary)",
        "Primary Associated Company ID",
        "Associated Company ID",
        "Company ID",
        "Account CRM id",
        "Account id",
    ),
    "account_name": (
        "Account Name",
        "Account",
        "Company Name",
        "Company",
        "Associated Company",
        "Associated Company (Primary)",
        "Organization",
        "Organization Name",
    ),
    "title": ("Title", "Job Title", "JobTitle", "Position"),
    "department": ("Department",),
    "email": ("Email", "Email Address", "E-mail", "Primary Email"),
    "phone": (
        "Phone",
        "Phone Number",
        "Business Phone",
        "Mobile",
        "Mobile Phone",
        "MobilePhone",
        "Mobile Phone Number",
        "Telephone",
    ),
    "roles": (
        "Buying roles",
        "Buying Role",
        "Buying Role(s)",
        "Roles",
        "Role",
        "Contact Role",
        "DMU Role",
    ),
    "attitude": ("Attitude",),
    "influence": ("Influence",),
    "inner_circle": ("Inner circle",),
    "coverage": ("Coverage",),
    "relationship": ("Relationship",),
    "sales_owner": ("Sales owner", "Contact Owner", "Owner", "Owner Name"),
    "marketing_owner": ("Marketing owner",),
    "needs": ("Needs",),
    "priorities": ("Priorities",),
    "notes": ("Notes", "Description"),
    "reports_to_crm_id": (
        "ReportsToId",
        "Reports To ID",
        "Reports To: Contact ID",
        "Manager ID",
        "Reports to CRM id",
    ),
    "reports_to_name": ("Reports To", "Reports To: Full Name", "Reports to (name)", "Manager"),
}

# Headers known to carry nothing for a plan: shown as ignored, with the reason.
IGNORED_HEADERS: dict[str, str] = {
    "(Do Not Modify) Row Checksum": "Dynamics 365 bookkeeping",
    "(Do Not Modify) Modified On": "Dynamics 365 bookkeeping",
}

FIELD_LABELS: dict[str, str] = {
    "name": "Name",
    "crm_id": "CRM id",
    "industry": "Industry",
    "tier": "Tier",
    "stage": "Journey stage",
    "sales_owner": "Sales owner",
    "marketing_owner": "Marketing owner",
    "region": "Region",
    "country": "Country",
    "website": "Website",
    "annual_revenue": "Annual revenue",
    "employees": "Employees",
    "handed_off_on": "Handed off on",
    "needs": "Needs",
    "notes": "Notes",
    "full_name": "Name",
    "first_name": "First name",
    "last_name": "Last name",
    "account_crm_id": "Account's CRM id",
    "account_name": "Account",
    "title": "Title",
    "department": "Department",
    "email": "Email",
    "phone": "Phone",
    "roles": "Buying roles",
    "attitude": "Attitude",
    "influence": "Influence",
    "inner_circle": "Inner circle",
    "coverage": "Coverage",
    "relationship": "Relationship",
    "priorities": "Priorities",
    "reports_to_crm_id": "Reports to (CRM id)",
    "reports_to_name": "Reports to",
}

# Fields only a contacts file has; any one of them makes a sheet a contacts sheet.
CONTACT_MARKERS = frozenset(
    {
        "first_name",
        "last_name",
        "email",
        "title",
        "account_crm_id",
        "account_name",
        "roles",
        "reports_to_crm_id",
        "reports_to_name",
        "attitude",
        "department",
    }
)


def squash(header: object) -> str:
    return _NOT_ALNUM.sub("", str(header).casefold())


def _index(synonyms: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, int]]:
    index: dict[str, tuple[str, int]] = {}
    for field, names in synonyms.items():
        for rank, name in enumerate(names):
            index.setdefault(squash(name), (field, rank))
    return index


_INDEXES = {ACCOUNTS: _index(ACCOUNT_SYNONYMS), CONTACTS: _index(CONTACT_SYNONYMS)}
_IGNORED = {squash(name): reason for name, reason in IGNORED_HEADERS.items()}


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """What one column of a sheet feeds: a field, or nothing and why."""

    index: int
    header: str
    field: str | None
    how: str  # "matched", "chosen", "ignored: <reason>", "unknown", "duplicate"

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field or "", self.field or "")


def map_headers(headers: Sequence[object], kind: str) -> list[ColumnMapping]:
    """Each header to a field of ``kind``; a field is fed by its best-ranked column only."""
    index = _INDEXES[kind]
    best: dict[str, tuple[int, int]] = {}
    candidates: list[tuple[int, str, str | None, int]] = []
    for position, header in enumerate(headers):
        text = "" if header is None else str(header).strip()
        found = index.get(squash(text)) if text else None
        field, rank = found if found else (None, 0)
        candidates.append((position, text, field, rank))
        if field and (field not in best or rank < best[field][0]):
            best[field] = (rank, position)
    result = []
    for position, text, field, _rank in candidates:
        if field and best[field][1] == position:
            result.append(ColumnMapping(position, text, field, "matched"))
        elif field:
            result.append(
                ColumnMapping(position, text, None, f"duplicate of column {best[field][1] + 1}")
            )
        elif squash(text) in _IGNORED:
            result.append(ColumnMapping(position, text, None, f"ignored: {_IGNORED[squash(text)]}"))
        else:
            result.append(ColumnMapping(position, text, None, "unknown" if text else "no header"))
    return result


def known_header_count(headers: Sequence[object]) -> int:
    """How many cells of a row read as headers of either kind (finds the header row)."""
    return sum(
        1
        for header in headers
        if header not in (None, "")
        and (squash(header) in _INDEXES[ACCOUNTS] or squash(header) in _INDEXES[CONTACTS])
    )


def guess_kind(headers: Sequence[object], file_name: str = "") -> tuple[str | None, str]:
    """'accounts' or 'contacts' (or None) for a sheet, with the reason shown in the preview."""
    contact_fields = {m.field for m in map_headers(headers, CONTACTS) if m.field}
    account_fields = {m.field for m in map_headers(headers, ACCOUNTS) if m.field}
    markers = contact_fields & CONTACT_MARKERS
    name = file_name.casefold()
    if markers and ({"first_name", "last_name", "full_name"} & contact_fields or "contact" in name):
        return CONTACTS, f"contacts: has {', '.join(FIELD_LABELS[f] for f in sorted(markers))}"
    if "name" in account_fields:
        if any(word in name for word in ("contact", "people", "person", "lead")) and markers:
            return CONTACTS, "contacts: named like a contacts file"
        return ACCOUNTS, "accounts: has a company name and no person columns"
    return None, "no name column recognised"
