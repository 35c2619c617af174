"""Reading values as CRM exports and spreadsheets really write them.

Money as ``$1,200,000.00``, ``1.200.000,00 €`` or a bare integer beyond 32 bits;
booleans as ``true``/``1``/``TRUE``/``Yes``/empty; dates as ISO (with an offset or a
time), ``m/d/yy`` after a spreadsheet re-save, ``d.m.yyyy``, or a real date cell.
Each parser raises ``ValueError`` with a reason for a person; the caller adds
where the value stood.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

_CURRENCY = re.compile(r"[$€£¥₹₽¢\s\u00a0\u202f']+")
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}(?=[\d\s(-])|(?<=[\d\s)])[A-Z]{3}$")
_GROUPED_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")
_GROUPED_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_DOT_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
_ERROR_VALUES = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"})
TRUE_WORDS = frozenset({"true", "1", "yes", "y", "x", "ja", "oui", "si", "wahr", "✓", "1.0"})
FALSE_WORDS = frozenset({"false", "0", "no", "n", "nein", "non", "falsch", "0.0", "-"})


def is_blank(value: object) -> bool:
    if isinstance(value, str):
        return not value or value.isspace()
    return value is None


def check_not_error(value: object) -> None:
    if isinstance(value, str) and value.strip() in _ERROR_VALUES:
        raise ValueError(f"the cell holds the spreadsheet error {value.strip()}")


def text(value: object, *, line_breaks: bool = True) -> str:
    """Cell text: numbers without a spurious '.0', ends trimmed, and (unless
    ``line_breaks`` is False, as in a round trip) Windows line breaks as '\\n'."""
    if isinstance(value, str):
        result = value
    elif value is None:
        result = ""
    elif isinstance(value, bool):
        result = "TRUE" if value else "FALSE"
    elif isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        result = str(int(value))
    elif isinstance(value, datetime):
        midnight = value.time() == datetime.min.time()
        result = value.date().isoformat() if midnight else value.isoformat(sep=" ")
    elif isinstance(value, date):
        result = value.isoformat()
    else:
        result = str(value)
    if line_breaks and "\r" in result:
        result = result.replace("\r\n", "\n")
    return result.strip()


def number(value: object, *, decimal_comma: bool = False) -> float:
    """A plain or formatted number; currency symbols and codes, spaces, apostrophes ignored."""
    if isinstance(value, bool):
        raise ValueError("a yes/no value is not a number")
    if isinstance(value, int | float):
        result = float(value)
    else:
        check_not_error(value)
        raw = str(value).strip()
        negative = raw.startswith("(") and raw.endswith(")")
        cleaned = _CURRENCY.sub("", _CURRENCY_CODE.sub("", raw.strip("()").strip()))
        if cleaned.startswith("-"):
            negative, cleaned = True, cleaned[1:]
        result = _decimal(cleaned, raw, decimal_comma)
        result = -result if negative else result
    if not math.isfinite(result):
        raise ValueError(f"'{value}' is not a number")
    return result


def _decimal(cleaned: str, raw: str, decimal_comma: bool) -> float:
    if not cleaned or not re.fullmatch(r"[\d.,]+", cleaned):
        raise ValueError(f"'{raw}' is not a number")
    if "," in cleaned and "." in cleaned:
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
    elif "," in cleaned:
        decimal = "" if _GROUPED_COMMA.match(cleaned) and not decimal_comma else ","
    elif "." in cleaned:
        grouped = _GROUPED_DOT.match(cleaned)
        decimal = "" if grouped and (cleaned.count(".") > 1 or decimal_comma) else "."
    else:
        decimal = ""
    thousands = {",": ".", ".": ",", "": ",."}[decimal]
    for separator in thousands:
        cleaned = cleaned.replace(separator, "")
    if decimal == ",":
        cleaned = cleaned.replace(",", ".")
    if cleaned.count(".") > 1:
        raise ValueError(f"'{raw}' is not a number")
    return float(cleaned)


def money(value: object, *, decimal_comma: bool = False, maximum: float = 10**15) -> float:
    amount = number(value, decimal_comma=decimal_comma)
    if amount < 0 or amount > maximum:
        raise ValueError(f"{amount:,.2f} is outside 0 to {maximum:,.0f}")
    return round(amount, 2)


def whole_number(value: object, *, decimal_comma: bool = False) -> int:
    amount = number(value, decimal_comma=decimal_comma)
    if not amount.is_integer() or amount < 0:
        raise ValueError(f"'{value}' is not a whole number of 0 or more")
    if amount > 2**63 - 1:
        raise ValueError(f"'{value}' is too large")
    return int(amount)


def flag(value: object) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise ValueError(f"'{value}' is not yes or no")
    check_not_error(value)
    word = str(value).strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS or not word:
        return False
    raise ValueError(f"'{value}' is not yes or no (true/false, 1/0, yes/no)")


def day(value: object, *, day_first: bool = False) -> date:
    """A date from a date cell, ISO text (time and offset dropped), m/d/yy or d.m.yyyy."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(f"'{value}' is a number, not a date")
    check_not_error(value)
    raw = str(value).strip()
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for pattern, first_is_day in ((_SLASH_DATE, day_first), (_DOT_DATE, True)):
        match = pattern.match(raw.split(" ")[0])
        if match:
            a, b, year = (int(part) for part in match.groups())
            month, dom = (b, a) if first_is_day or a > 12 else (a, b)
            if year < 100:
                year += 2000 if year <= (date.today().year % 100) + 20 else 1900
            try:
                return date(year, month, dom)
            except ValueError:
                break
    raise ValueError(f"'{raw}' is not a date (use 2026-03-31)")


def split_list(value: object, separators: str = ";") -> list[str]:
    """'Champion; Influencer' -> ['Champion', 'Influencer']; empty parts dropped."""
    raw = text(value)
    for separator in separators[1:]:
        raw = raw.replace(separator, separators[0])
    return [part.strip() for part in raw.split(separators[0]) if part.strip()]
