"""Judging a workbook's zip container before any XML parser sees it.

Everything here reads the central directory or decompresses with hard limits:
member count and declared sizes first, then each XML member is inflated in
bounded steps while its real size is held to the declared one (a zip bomb may
lie), its CRC checked (a truncated file is caught here, by name) and its prolog
refused when it declares a DTD or entities (the "billion laughs" family). Sheet
members are scanned on the way for the facts the fast reader does not report:
formula cells, the last row and column that hold a value.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from abm_planner.excel.errors import LimitExceededError, UnreadableFileError
from abm_planner.excel.read_limits import ReadLimits

CHUNK = 1 << 20
_LOCAL_HEADER = b"PK\x03\x04"
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_UTF16_DTD = ("<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))
_TAIL = 1 << 18  # carried between chunks: a tag split by a boundary, a long cell's start


@dataclass(slots=True)
class SheetFacts:
    """What a scan of one worksheet part found."""

    last_row: int = 0  # 1-based; 0 when no cell holds a value
    last_column: int = 0  # 1-based
    formula_cells: list[str] = field(default_factory=list)  # "C7", at most a few
    formula_count: int = 0


def column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def check_container(path: Path, limits: ReadLimits) -> list[zipfile.ZipInfo]:
    """Refuse a zip whose central directory already breaks a limit; return its members."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as error:
        raise UnreadableFileError(
            f"the file is damaged or truncated; it cannot be read as a workbook ({error})",
            file=path,
        ) from None
    if len(members) > limits.max_zip_members:
        raise LimitExceededError(
            f"the workbook holds {len(members):,} parts, more than the limit of "
            f"{limits.max_zip_members:,}",
            file=path,
        )
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise UnreadableFileError(
                "the workbook is password-protected (encrypted); save an unprotected copy",
                file=path,
            )
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnreadableFileError(
                f"part {member.filename} uses a compression this app does not read", file=path
            )
        if member.file_size > limits.max_part_bytes:
            raise LimitExceededError(
                f"part {member.filename} unpacks to {member.file_size:,} bytes, more than the "
                f"limit of {limits.max_part_bytes:,}",
                file=path,
            )
        total += member.file_size
    if total > limits.max_unpacked_bytes:
        raise LimitExceededError(
            f"the workbook unpacks to {total:,} bytes, more than the limit of "
            f"{limits.max_unpacked_bytes:,}",
            file=path,
        )
    return members


def inflate(path: Path, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes in bounded chunks, never more than it declares; CRC checked."""
    with path.open("rb") as handle:
        handle.seek(member.header_offset)
        header = handle.read(30)
        if len(header) < 30 or not header.startswith(_LOCAL_HEADER):
            raise _damaged(path, member)
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        handle.seek(member.header_offset + 30 + name_length + extra_length)
        left = member.compress_size
        inflater = zlib.decompressobj(-15) if member.compress_type == zipfile.ZIP_DEFLATED else None
        produced = 0
        crc = 0
        while left > 0:
            raw = handle.read(min(CHUNK, left))
            if not raw:
                raise _damaged(path, member)
            left -= len(raw)
            pending = raw
            while pending:
                if inflater is None:
                    out, pending = pending, b""
                else:
                    try:
                        out = inflater.decompress(pending, CHUNK)
                    except zlib.error:
                        raise _damaged(path, member) from None
                    pending = inflater.unconsumed_tail
                produced += len(out)
                if produced > member.file_size:
                    raise LimitExceededError(
                        f"part {member.filename} unpacks to more than the {member.file_size:,} "
                        "bytes it declares (a zip bomb?)",
                        file=path,
                    )
                crc = zlib.crc32(out, crc)
                if out:
                    yield out
        if produced != member.file_size or crc != member.CRC:
            raise _damaged(path, member)


def _damaged(path: Path, member: zipfile.ZipInfo) -> UnreadableFileError:
    return UnreadableFileError(
        f"the workbook is damaged or truncated (part {member.filename} cannot be unpacked)",
        file=path,
    )


def check_xml_part(path: Path, member: zipfile.ZipInfo, sheet: str | None = None) -> SheetFacts:
    """Inflate one XML part: refuse DTDs and entities; for a sheet, collect its facts."""
    facts = SheetFacts()
    tail = b""
    scanner: _SheetScanner | None = None
    for chunk in inflate(path, member):
        data = tail + chunk
        if scanner is None:
            if _DTD.search(data[:4096]) or any(marker in data[:8192] for marker in _UTF16_DTD):
                raise UnreadableFileError(
                    f"part {member.filename} declares XML entities (an 'XML bomb' pattern); "
                    "it was not parsed",
                    file=path,
                    sheet=sheet,
                )
            scanner = _SheetScanner(data)
        elif _DTD.search(chunk):
            raise UnreadableFileError(
                f"part {member.filename} declares XML entities; it was not parsed",
                file=path,
                sheet=sheet,
            )
        if sheet is not None:
            scanner.scan(data, len(tail), facts)
        tail = data[-_TAIL:]
    return facts


class _SheetScanner:
    """Byte-level searches over a worksheet part, for the element prefix it uses."""

    def __init__(self, head: bytes) -> None:
        found = re.search(rb"<(\w+:)?worksheet\b", head)
        prefix = re.escape(found.group(1)) if found and found.group(1) else b""
        self.cell_start = b"<" + (found.group(1) if found and found.group(1) else b"") + b"c"
        self.columns = re.compile(rb"<" + prefix + rb'c\b[^>]*?\sr="([A-Z]{1,3})')
        self.cell_ref = re.compile(rb"<" + prefix + rb'c\b[^>]*?\sr="[A-Z]{1,3}(\d{1,7})"')
        self.formula = re.compile(rb"<" + prefix + rb"f[\s>/]")
        closing = b"</" + (found.group(1) if found and found.group(1) else b"")
        self.value_ends = (closing + b"v>", closing + b"t>")

    def _cell_row(self, data: bytes, before: int) -> tuple[int, bytes] | None:
        start = data.rfind(self.cell_start, 0, before)
        while start >= 0:
            found = self.cell_ref.match(data, start)
            if found:
                letters = re.match(rb'[^>]*?\sr="([A-Z]{1,3})', data[start : found.end()])
                return int(found.group(1)), letters.group(1) if letters else b""
            start = data.rfind(self.cell_start, 0, start)
        return None

    def scan(self, data: bytes, skip: int, facts: SheetFacts) -> None:
        """Update ``facts``; matches wholly inside the carried tail were seen before."""
        letters = set(self.columns.findall(data))
        if letters:
            facts.last_column = max(facts.last_column, *(column_number(x) for x in letters))
        end = max(data.rfind(marker) for marker in self.value_ends)
        if end >= skip:
            owner = self._cell_row(data, end)
            if owner is not None:
                facts.last_row = max(facts.last_row, owner[0])
        for match in self.formula.finditer(data):
            if match.end() <= skip:
                continue
            facts.formula_count += 1
            if len(facts.formula_cells) < 20:
                owner = self._cell_row(data, match.start())
                if owner is not None:
                    facts.formula_cells.append(f"{owner[1].decode()}{owner[0]}")
