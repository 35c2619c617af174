"""What Excel accepts as a cell reference, a range, a name and a sheet name.

The small rules ``workbook_checks`` applies to every part of an exported
workbook, kept apart so each can be read against the file format's own limits.
"""

from __future__ import annotations

import re

MAX_ROWS, MAX_COLUMNS, MAX_TEXT = 1_048_576, 16_384, 32_767
SHEET_FORBIDDEN = set("[]:*?/\\")
NAME_PATTERN = re.compile(r"[A-Za-z_\\][A-Za-z0-9_.\\]*\Z")
A1_PATTERN = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)\Z")
R1C1_PATTERN = re.compile(r"[Rr]\d*([Cc]\d*)?\Z|[Cc]\d*\Z")
BUILTIN_NAMES = {"_xlnm.print_titles", "_xlnm.print_area", "_xlnm._filterdatabase"}
ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
TOKENS = re.compile(
    r"""(?P<string>"(?:[^"]|"")*")
      |(?P<sheet>'(?:[^']|'')+'!|[A-Za-z_][A-Za-z0-9_.]*!)
      |(?P<error>\#(?:REF!|N/A|NAME\?|VALUE!|DIV/0!|NUM!|NULL!))
      |(?P<range>\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?\d+:\$?\d+|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})
      |(?P<number>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)
      |(?P<function>[A-Za-z_][A-Za-z0-9_.]*\()
      |(?P<name>[A-Za-z_\\][A-Za-z0-9_.\\]*)
      |(?P<punct>[-+*/^&=<>(),;%{}:\s])""",
    re.VERBOSE,
)


def unescape(text: str) -> str:
    """Excel's ``_xHHHH_`` escapes decoded (``_x005F_`` keeps a literal one)."""
    return ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text)


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def cell(ref: str) -> tuple[int, int] | None:
    """(row, column), 1-based, of an A1 reference inside the grid; None if it is not one."""
    match = A1_PATTERN.match(ref)
    if not match:
        return None
    column = 0
    for letter in match.group(1).upper():
        column = column * 26 + ord(letter) - 64
    row = int(match.group(2))
    if not (1 <= row <= MAX_ROWS and 1 <= column <= MAX_COLUMNS):
        return None
    return row, column


Box = tuple[int, int, int, int]  # first row, first column, last row, last column


def box(ref: str) -> Box | None:
    first, _, last = ref.partition(":")
    start, end = cell(first), cell(last or first)
    if start is None or end is None or start[0] > end[0] or start[1] > end[1]:
        return None
    return start[0], start[1], end[0], end[1]


def inside(inner: Box, outer: Box) -> bool:
    return (
        outer[0] <= inner[0]
        and outer[1] <= inner[1]
        and inner[2] <= outer[2]
        and inner[3] <= outer[3]
    )


def overlap(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def valid_sheet_name(name: str) -> bool:
    return (
        0 < len(name) <= 31
        and not SHEET_FORBIDDEN & set(name)
        and not name.startswith("'")
        and not name.endswith("'")
        and name.casefold() != "history"
        and all(ord(char) >= 0x20 for char in name)
    )


def valid_name(name: str) -> bool:
    """A defined name or table name Excel accepts: not a cell reference in A1 or R1C1 style."""
    if name.casefold() in BUILTIN_NAMES:
        return True
    return (
        0 < len(name) <= 255
        and bool(NAME_PATTERN.match(name))
        and cell(name) is None
        and not R1C1_PATTERN.match(name)
    )
