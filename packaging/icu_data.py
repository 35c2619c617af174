"""A smaller ICU data library for the bundle: the tables Qt reads, without the rest.

PySide6's Qt links ICU, whose data library (``libicudata.so.73``, 32 MB) holds every
table ICU has, packed into one symbol (``icudt73_dat``) in ICU's "common data" format.
Qt calls ICU for collation (QCollator, localeAwareCompare), locale case mapping, time
zone names (QTimeZone::displayName) and legacy text encodings (QStringConverter); see
the ``ucol_``/``ucal_``/``ucnv_``/``u_strTo*`` symbols libQt6Core imports. It never
calls the parts of ICU that read break-iterator rules and dictionaries, transliterators,
spelled-out numbers, the display names of currencies, languages, countries and units,
character names, stringprep/IDNA profiles, the spoof checker or the locale matcher, so
``DROPPED`` leaves those out (16 MB); every other table stays as it was. (Country names
would only serve ICU's "generic location" time zone format, which Qt does not ask for:
QTimeZone::displayName gives the same strings without them.)

``trim_library`` writes the same library with fewer tables: it reads the package out of
the library (``readelf``), drops the items, and assembles a new shared library with the
same soname and symbol (``as`` and ``ld`` from binutils, which the spec needs anyway
for ``strip``). Without binutils the spec keeps ICU's own library.

    python packaging/icu_data.py LIBICUDATA OUT    # what the spec does, by hand
"""

from __future__ import annotations

import fnmatch
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

# Items nothing in Qt reads, as patterns for the names after the package prefix
# (``icudt73l/``): whole trees, then single tables.
DROPPED = (
    *(f"{tree}/*" for tree in ("brkitr", "curr", "lang", "rbnf", "region", "translit", "unit")),
    "unames.icu",  # character names (u_charName)
    "confusables.cfu",  # uspoof
    "*.spp",  # stringprep profiles (usprep)
    "uts46.nrm",  # IDNA (uidna); QUrl has its own
    "langInfo.res",  # LocaleMatcher's distances
    "units.res",
    "currencyNumericCodes.res",
    "genderList.res",
    "grammaticalFeatures.res",
)
MAGIC = (0xDA, 0x27)
COMMON_FORMAT = b"CmnD"
ALIGNMENT = 16  # ICU aligns every item of a package to 16 bytes


class IcuDataError(ValueError):
    """The library or package is not what this module understands; keep the original."""


def _padded(data: bytes) -> bytes:
    return data + b"\xaa" * (-len(data) % ALIGNMENT)  # ICU pads with 0xaa


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """Split an ICU common-data package into its header and its (name, item) pairs.

    Layout (ICU's ucmndata.h): a data header (``headerSize``, magic 0xda27, UDataInfo
    with format "CmnD"), then the table of contents: a count and, per item, the offsets
    of its name and of its data, both from the start of the table; names are sorted,
    because ICU looks items up by binary search.
    """
    if len(blob) < 32 or tuple(blob[2:4]) != MAGIC:
        raise IcuDataError("not an ICU data package (no 0xda27 magic)")
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[4 + 8 : 4 + 12] != COMMON_FORMAT or blob[4 + 4] != 0:  # little-endian only
        raise IcuDataError("not a little-endian ICU common-data package")
    toc = blob[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(entries):
        name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        end = entries[index + 1][1] if index + 1 < count else len(toc)
        items.append((name, toc[data_offset:end]))
    return blob[:header_size], items


def write_package(header: bytes, items: Iterable[tuple[str, bytes]]) -> bytes:
    """The package ``read_package`` reads back: same header, items in the given order."""
    items = list(items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    offset = len(_padded(b"\0" * table_size + names))
    entries, name_offset, data = [], table_size, []
    for name, item in items:
        entries.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        data.append(_padded(item))
        offset += len(data[-1])
    table = struct.pack("<I", len(items)) + b"".join(entries) + names
    return header + _padded(table) + b"".join(data)


def kept(
    items: Iterable[tuple[str, bytes]], dropped: Iterable[str] = DROPPED
) -> list[tuple[str, bytes]]:
    """The items no ``dropped`` pattern matches, in their order (which keeps them sorted)."""
    patterns = tuple(dropped)

    def wanted(name: str) -> bool:
        inner = name.split("/", 1)[-1]  # without the icudt73l/ prefix
        return not any(fnmatch.fnmatchcase(inner, pattern) for pattern in patterns)

    return [(name, item) for name, item in items if wanted(name)]


def _readelf(*arguments: str) -> str:
    readelf = shutil.which("readelf") or "readelf"
    command = [readelf, "-W", *arguments]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603


def library_package(library: Path) -> tuple[str, str, bytes]:
    """(soname, data symbol, package bytes) of an ICU data library."""
    soname = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", _readelf("-d", str(library)))
    symbol = re.search(
        r"^\s*\d+:\s+([0-9a-f]+)\s+(\S+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+(icudt\d+_dat)$",
        _readelf("--dyn-syms", str(library)),
        re.MULTILINE,
    )
    if soname is None or symbol is None:
        raise IcuDataError(f"{library.name} exports no icudt*_dat symbol")
    address = int(symbol.group(1), 16)
    size = int(symbol.group(2), 0)
    for line in _readelf("-S", str(library)).splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 6 and fields[0].startswith("[") and fields[2] == "PROGBITS":
            start, offset, length = (int(fields[i], 16) for i in (3, 4, 5))
            if start <= address and address + size <= start + length:
                with library.open("rb") as file:
                    file.seek(offset + address - start)
                    return soname.group(1), symbol.group(3), file.read(size)
    raise IcuDataError(f"{library.name}: the data symbol lies in no section")


def _assembly(symbol: str, package: Path) -> str:
    return "\n".join(
        [
            '.section .rodata,"a"',
            f".globl {symbol}",
            f".type {symbol}, %object",  # % rather than @: ARM assemblers read @ as a comment
            ".p2align 4",
            f"{symbol}:",
            f'.incbin "{package}"',
            f".size {symbol}, . - {symbol}",
            '.section .note.GNU-stack,"",%progbits',
            "",
        ]
    )


def trim_library(library: Path, target: Path, dropped: Iterable[str] = DROPPED) -> tuple[int, int]:
    """Write ``library`` without the ``dropped`` items to ``target``: (items before, after).

    Raises IcuDataError (the caller keeps the original) when the library is not an ICU
    data library this module understands, or binutils are missing.
    """
    assembler, linker = shutil.which("as"), shutil.which("ld")
    if assembler is None or linker is None:
        raise IcuDataError("binutils (as, ld) are not installed")
    soname, symbol, blob = library_package(library)
    header, items = read_package(blob)
    remaining = kept(items, dropped)
    with tempfile.TemporaryDirectory() as folder:
        package = Path(folder, "package.dat")
        package.write_bytes(write_package(header, remaining))
        source = Path(folder, "data.s")
        source.write_text(_assembly(symbol, package), encoding="ascii")
        obj = Path(folder, "data.o")
        subprocess.run([assembler, "-o", str(obj), str(source)], check=True)  # noqa: S603
        target.parent.mkdir(parents=True, exist_ok=True)
        link = [linker, "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(target)]
        subprocess.run([*link, str(obj)], check=True)  # noqa: S603
    return len(items), len(remaining)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1].strip())
    before, after = trim_library(Path(sys.argv[1]), Path(sys.argv[2]))
    sys.stdout.write(f"{before} ICU data items -> {after}\n")
