"""Values and headers as CRM exports and spreadsheets write them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from abm_planner.excel import value_parsing as parse
from abm_planner.excel.errors import column_letter
from abm_planner.excel.header_mapping import ACCOUNTS, CONTACTS, guess_kind, map_headers, squash
from abm_planner.excel.safe_cells import needs_quote_prefix, truncated_for_cell


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$1,200,000.00", 1_200_000.0),
        ("1.200.000,00 €", 1_200_000.0),
        ("12345678901234", 12345678901234.0),
        ("EUR 1 200 000", 1_200_000.0),
        ("1 200 000 USD", 1_200_000.0),
        ("1'200'000.50", 1_200_000.5),
        ("1,200", 1200.0),
        ("3,5", 3.5),
        ("1.5", 1.5),
        (2_500_000_000, 2.5e9),
        ("£ 99", 99.0),
    ],
)
def test_money(text: object, expected: float) -> None:
    assert parse.money(text) == expected


def test_money_with_a_european_file() -> None:
    assert parse.money("1.200", decimal_comma=True) == 1200.0
    assert parse.money("1.200") == 1.2


@pytest.mark.parametrize("text", ["1.5M", "abc", "-5", "#N/A", "1.2.3,4,5", "(100)"])
def test_not_money(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        parse.money(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05", date(2024, 3, 5)),
        ("2024-03-05T10:00:00+01:00", date(2024, 3, 5)),
        ("2024-03-05 10:00:00", date(2024, 3, 5)),
        ("3/5/24", date(2024, 3, 5)),
        ("13/5/2024", date(2024, 5, 13)),
        ("05.03.2024", date(2024, 3, 5)),
        ("2024-03-05T10:00:00Z", date(2024, 3, 5)),
        (datetime(2024, 3, 5, 9), date(2024, 3, 5)),
    ],
)
def test_dates(text: object, expected: date) -> None:
    assert parse.day(text) == expected


def test_day_first_for_european_files() -> None:
    assert parse.day("3/5/24", day_first=True) == date(2024, 5, 3)
    with pytest.raises(ValueError, match="not a date"):
        parse.day("31/31/2024")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("TRUE", True),
        ("1", True),
        (1.0, True),
        ("Yes", True),
        ("false", False),
        ("0", False),
        ("", False),
        (None, False),
        ("No", False),
    ],
)
def test_flags(text: object, expected: bool) -> None:
    assert parse.flag(text) is expected


def test_text_and_lists() -> None:
    assert parse.text(491701234567.0) == "491701234567"
    assert parse.text(" a\r\nb ") == "a\nb"
    assert parse.split_list("Champion; Influencer;;", ";,") == ["Champion", "Influencer"]
    assert parse.whole_number("5,000") == 5000
    with pytest.raises(ValueError, match="not a number"):
        parse.whole_number("1001-5000")
    with pytest.raises(ValueError, match="whole number"):
        parse.whole_number("2.5")


def test_headers_are_matched_ignoring_case_spacing_and_punctuation() -> None:
    assert squash("Annual Revenue") == squash("AnnualRevenue") == squash("annual_revenue")
    mapping = {
        m.header: m.field
        for m in map_headers(
            ["ACCOUNT NAME", "AnnualRevenue", "Billing Country", "Current_Employer__c", "Name"],
            ACCOUNTS,
        )
    }
    assert mapping == {
        "ACCOUNT NAME": "name",
        "AnnualRevenue": "annual_revenue",
        "Billing Country": "country",
        "Current_Employer__c": None,
        "Name": None,
    }
    contact = {
        m.header: (m.field, m.how)
        for m in map_headers(["Phone", "Mobile Phone", "Account ID"], CONTACTS)
    }
    assert contact["Mobile Phone"] == (None, "duplicate of column 1")
    assert contact["Account ID"][0] == "account_crm_id"


def test_kind_guess() -> None:
    assert guess_kind(["Record ID", "Company name", "Industry"])[0] == ACCOUNTS
    assert guess_kind(["Record ID", "First Name", "Last Name", "Email"])[0] == CONTACTS
    assert guess_kind(["Colour"])[0] is None


def test_quote_prefix_and_cell_limit() -> None:
    assert all(needs_quote_prefix(t) for t in ("=1", "+1", "-1", "@a", "\tx", "\rx"))
    assert not any(needs_quote_prefix(t) for t in ("", "a=1", " =1", "1"))
    assert len(truncated_for_cell("x" * 40_000)) == 32_767
    assert truncated_for_cell("😀" * 20_000) == "😀" * 16_383  # two UTF-16 units each
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


def test_salesforce_ids_match_in_both_lengths_and_others_stay_apart() -> None:
    from abm_planner.excel.plan_index import crm_key, is_null_crm_id

    assert crm_key("001D000000IqhSLIAZ") == crm_key("001D000000IqhSL")
    assert crm_key("001BENCH0000000001") != crm_key("001BENCH0000000002")
    assert is_null_crm_id("000000000000000AAA") and is_null_crm_id(" ")
    assert not is_null_crm_id("001D000000IqhSL")
