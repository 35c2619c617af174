"""CRM exports as they really come, built in code: Salesforce, HubSpot, Dynamics 365.

Each builder writes a small file with the quirks DOMAIN.md lists: a UTF-8 BOM,
quoted line breaks, ';' as delimiter with Windows-1252 text, U+FFFD, JSON
addresses in a cell, Salesforce's empty id ``000000000000000AAA``, companies
sharing a name, people sharing an email, several ``;``-separated company ids.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

JSON_ADDRESS = '{"street": "Hauptstr. 1", "city": "Köln", "zip": "50667", "country": "DE"}'


def write_csv(
    path: Path,
    rows: Sequence[Sequence[Any]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
    quote_all: bool = False,
    line_end: str = "\r\n",
) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(
        buffer,
        delimiter=delimiter,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
        lineterminator=line_end,
    )
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    book = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_numbers": False}
    )
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(r, c, value)
                else:
                    sheet.write(r, c, value)
    book.close()
    return path


# ---------------------------------------------------------------------- Salesforce
def salesforce_accounts_report(folder: Path) -> Path:
    """A report export: labels, BOM, every field quoted, money as $1,200,000.00."""
    rows = [
        [
            "Account Name",
            "Account ID",
            "Industry",
            "Annual Revenue",
            "Employees",
            "Billing Country",
            "Website",
            "Account Owner",
            "Description",
            "Current_Employer__c",
        ],
        [
            "Acme Corp",
            "0015g00000AcmeAAA",
            "Manufacturing",
            "$1,200,000.00",
            "1,200",
            "Germany",
            "acme.example",
            "Claire Dubois",
            "Line one\nline two, with a comma",
            "x",
        ],
        [
            "Acme Corp",
            "0015g00000Acm2AAA",
            "Retail",
            "$950,000.00",
            "300",
            "France",
            "acme2.example",
            "",
            "Same name, another company",
            "",
        ],
        [
            "Borealis Bank",
            "0015g00000BoreAAA",
            "Financial services",
            "12345678901234",
            "",
            "Norway",
            "",
            "Someone Unknown",
            "",
            "",
        ],
    ]
    return write_csv(folder / "Salesforce accounts.csv", rows, bom=True, quote_all=True)


def salesforce_contacts_dataloader(folder: Path) -> Path:
    """Data-loader export: API names, AccountId, ReportsToId, 000000000000000AAA empty ids."""
    rows = [
        [
            "Id",
            "FirstName",
            "LastName",
            "AccountId",
            "Title",
            "Email",
            "Phone",
            "ReportsToId",
            "Department",
            "MailingAddress__c",
        ],
        [
            "0035g00000Boss1AAA",
            "Greta",
            "Boss",
            "0015g00000AcmeAAA",
            "CEO",
            "info@acme.example",
            "+49 221 1",
            "000000000000000AAA",
            "Board",
            JSON_ADDRESS,
        ],
        [
            "0035g00000Emp01AAA",
            "Emil",
            "Worker",
            "0015g00000AcmeAAA",
            "Engineer",
            "info@acme.example",
            "",
            "0035g00000Boss1AAA",
            "IT",
            "",
        ],
        [
            "0035g00000Emp02AAA",
            "Frida",
            "Other",
            "0015g00000Acm2AAA",
            "Buyer",
            "frida@acme2.example",
            "",
            "",
            "Procurement",
            "",
        ],
        [
            "0035g00000Priv1AAA",
            "Pia",
            "Private",
            "000000000000000AAA",
            "",
            "pia@example.com",
            "",
            "",
            "",
            "",
        ],
        ["0035g00000Priv2AAA", "Paul", "Private", "", "", "paul@example.com", "", "", "", ""],
    ]
    return write_csv(folder / "contacts-dataloader.csv", rows, line_end="\n")


# ---------------------------------------------------------------------- HubSpot
def hubspot_workbook(folder: Path) -> Path:
    """HubSpot companies and contacts in one workbook, with many empty columns."""
    empty = [f"Custom property {n}" for n in range(40)]
    companies = [
        [
            "Record ID",
            "Company name",
            "Company Domain Name",
            "Industry",
            "Annual Revenue",
            "Number of Employees",
            "Country/Region",
            *empty,
        ],
        [
            9001,
            "Cobalt Systems",
            "cobalt.example",
            "Technology",
            5_000_000_000,
            2500,
            "USA",
            *([""] * 40),
        ],
        [
            9002,
            "Delta Logistics",
            "delta.example",
            "Logistics",
            1.5e9,
            800.0,
            "Canada",
            *([""] * 40),
        ],
    ]
    contacts = [
        [
            "Record ID",
            "First Name",
            "Last Name",
            "Email",
            "Job Title",
            "Associated Company IDs",
            "Buying Role",
            "Phone Number",
            *empty,
        ],
        [
            101,
            "Ann",
            "Lee",
            "shared@demo.example",
            "CFO",
            "9999;9001",
            "Budget Holder;Champion",
            "+1 555 0100",
            *([""] * 40),
        ],
        [
            102,
            "Bo",
            "Chen",
            "shared@demo.example",
            "IT lead",
            "9002",
            "END_USER; Evaluator",
            "",
            *([""] * 40),
        ],
        [103, "Cy", "Park", "cy@x.example", "Analyst", "", "", "", *([""] * 40)],
    ]
    return write_xlsx(
        folder / "hubspot export.xlsx", {"Companies": companies, "Contacts": contacts}
    )


# ---------------------------------------------------------------------- Dynamics 365
def dynamics_contacts(folder: Path) -> Path:
    rows = [
        [
            "(Do Not Modify) Contact",
            "(Do Not Modify) Row Checksum",
            "(Do Not Modify) Modified On",
            "Full Name",
            "Company Name",
            "Job Title",
            "Email",
            "Business Phone",
            "Website (Company Name) (Account)",
        ],
        [
            "6f9619ff-8b86-d011-b42d-00c04fc964ff",
            "abc==",
            "2024-03-05T10:00:00+01:00",
            "Dora Dynamics",
            "Borealis Bank",
            "Head of IT",
            "dora@borealis.example",
            "+47 1",
            "https://borealis.example",
        ],
        [
            "7f9619ff-8b86-d011-b42d-00c04fc964ff",
            "def==",
            "3/5/24",
            "Evan Edge",
            "Dora Dynamics",
            "Assistant",
            "evan@x.example",
            "",
            "",
        ],
    ]
    return write_xlsx(folder / "Dynamics contacts.xlsx", {"My Active Contacts": rows})


# ---------------------------------------------------------------------- European CSV
def european_accounts(folder: Path) -> Path:
    """';'-delimited Windows-1252 with money as 1.200.000,00 € and U+FFFD from an earlier tool."""
    rows = [
        ["Firma", "Account Name", "Umsatz", "Annual Revenue", "Country"],
        ["x", "Müller & Söhne GmbH", "", "1.200.000,00 €", "Österreich"],
        ["y", "Café Crème SARL", "", "950.000,50 €", "France"],
    ]
    return write_csv(folder / "konten.csv", rows, delimiter=";", encoding="cp1252")


def replacement_char_contacts(folder: Path) -> Path:
    rows = [
        ["First Name", "Last Name", "Account Name", "Title"],
        ["Jos\ufffd", "Garc\ufffda", "Café Crème SARL", "Directeur"],
    ]
    return write_csv(folder / "contacts fffd.csv", rows)
