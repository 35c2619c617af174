"""CSV files as people and CRMs save them: any of four encodings, any of four separators.

Decoded as UTF-8 (with or without BOM), UTF-16 with BOM, then Windows-1252; the
separator is the one of ``,`` ``;`` tab ``|`` found most often outside quotes in
the header record (which may span lines when a quoted header holds a break).
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from abm_planner.excel.errors import LimitExceededError, UnreadableFileError
from abm_planner.excel.raw_sheet import TIME_CHECK_ROWS, RawSheet, check_time
from abm_planner.excel.read_limits import ReadLimits

DELIMITERS = (",", ";", "\t", "|")


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8 with BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as error:  # cut off mid-character, or not UTF-16 after all
            raise UnreadableFileError(
                f"this UTF-16 text file is cut off or damaged at byte {error.start}",
                file=path,
            ) from error
    if b"\x00" in data[:8192]:
        raise UnreadableFileError("this is not a text (CSV) file or workbook", file=path)
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def _first_record(text: str) -> str:
    """The header record, which may span lines when a quoted header holds a line break."""
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char in "\r\n" and not quoted:
            return text[:index]
    return text


def _delimiter(header: str) -> str:
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, limits: ReadLimits) -> RawSheet:
    text, encoding = _decode(path, path.read_bytes())
    delimiter = _delimiter(_first_record(text))
    notes = [f"read as {encoding} text, fields separated by {_DELIMITER_NAMES[delimiter]}"]
    estimate = text.count("\n") + (0 if text.endswith("\n") else 1)  # quoted breaks count too
    rows = _csv_rows(path, text, delimiter, limits)
    return RawSheet(path, None, rows, notes=notes, row_count=estimate)


_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars"}


def _csv_rows(path: Path, text: str, delimiter: str, limits: ReadLimits) -> Iterator[list[Any]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    started = time.monotonic()
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            if number > limits.max_rows:
                raise LimitExceededError(
                    f"the file has more than {limits.max_rows:,} rows, the limit", file=path
                )
            if len(record) > limits.max_columns:
                raise LimitExceededError(
                    f"the row has {len(record):,} fields, more than the limit of "
                    f"{limits.max_columns:,}",
                    file=path,
                    row=number,
                )
            if number % TIME_CHECK_ROWS == 0:
                check_time(path, None, started, limits)
            yield record
    except csv.Error as error:
        raise UnreadableFileError(
            f"the CSV cannot be read here ({error})", file=path, row=number + 1
        ) from None
