"""The bundle's smaller ICU data library (packaging/icu_data.py) serves Qt as the whole one did."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def _icu_data() -> ModuleType:
    spec = importlib.util.spec_from_file_location("icu_data", REPO / "packaging" / "icu_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


icu_data = _icu_data()


def _qt_library_folder() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "lib"


def _icu_library() -> Path:
    found = sorted(_qt_library_folder().glob("libicudata.so.*"))
    if not found or not sys.platform.startswith("linux"):
        pytest.skip("this PySide6 brings no ICU data library of its own")
    return found[0]


def _header() -> bytes:
    """A minimal little-endian common-data header (as ICU's pkgdata writes it)."""
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\1\0\0\0", b"\0\0\0\0")
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    return header + b"\0" * (32 - len(header))


def test_a_package_reads_back_item_for_item_and_keeps_its_order() -> None:
    items = [
        ("icudt73l/brkitr/root.res", b"rules" * 7),
        ("icudt73l/coll/de.res", b"collation"),
        ("icudt73l/root.res", b"r"),
        ("icudt73l/unames.icu", b"names" * 100),
    ]
    header, read = icu_data.read_package(icu_data.write_package(_header(), items))
    assert header == _header()
    # Items come back padded to ICU's 16-byte alignment, with their content first.
    assert [name for name, _ in read] == [name for name, _ in items]
    assert all(
        got.startswith(item) and len(got) % 16 == 0
        for (_, got), (_, item) in zip(read, items, strict=True)
    )
    kept = icu_data.kept(read)
    assert [name for name, _ in kept] == ["icudt73l/coll/de.res", "icudt73l/root.res"]


def test_something_else_is_refused_so_the_spec_keeps_the_original() -> None:
    with pytest.raises(icu_data.IcuDataError):
        icu_data.read_package(b"\x7fELF" + b"\0" * 60)


def test_qts_icu_package_is_rewritten_byte_for_byte() -> None:
    """Reading and writing the real package changes nothing: offsets, names, padding."""
    _soname, symbol, blob = icu_data.library_package(_icu_library())
    assert symbol.startswith("icudt")
    header, items = icu_data.read_package(blob)
    assert icu_data.write_package(header, items) == blob
    kept = {name.split("/", 1)[1] for name, _ in icu_data.kept(items)}
    # What Qt reads stays: collation, time zones and their names, converters, locales.
    for needed in ("coll/de.res", "coll/ucadata.icu", "zone/de.res", "zoneinfo64.res"):
        assert needed in kept
    assert "cnvalias.icu" in kept
    assert any(name.endswith(".cnv") for name in kept)
    assert not any(name.startswith(("brkitr/", "translit/", "region/")) for name in kept)


PROBE = r"""
import functools, json, sys
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
words = ["Ähre", "Apfel", "Zebra", "Øl", "Åland", "ıslak", "İstanbul", "Çay", "日本", "x10", "x9"]
result = {}
for name in ["de_DE", "sv_SE", "da_DK", "tr_TR", "ja_JP"]:
    collator = QCollator(QLocale(name))
    collator.setNumericMode(True)
    result[name] = [
        sorted(words, key=functools.cmp_to_key(collator.compare)),
        QLocale(name).toUpper("istanbul"),
    ]
for zone in [b"Europe/Berlin", b"America/Argentina/San_Luis", b"Asia/Kolkata"]:
    for name in ["en_US", "de_DE", "ja_JP"]:
        result[zone.decode() + name] = [
            QTimeZone(zone).displayName(kind, QTimeZone.NameType.LongName, QLocale(name))
            for kind in QTimeZone.TimeType
        ]
result["codecs"] = [QStringDecoder(n).isValid() for n in ["Shift_JIS", "windows-1252", "GB18030"]]
maps = open("/proc/self/maps").read().splitlines()
result["loaded"] = sorted({line.split()[-1] for line in maps if "libicudata" in line})
json.dump(result, sys.stdout)
"""


def _probe(library_folder: Path | None) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if library_folder is not None:
        env["LD_LIBRARY_PATH"] = str(library_folder)  # found before the RUNPATH copy
    finished = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(finished.stdout)


@pytest.mark.skipif(shutil.which("as") is None or shutil.which("ld") is None, reason="no binutils")
def test_qt_collates_cases_names_zones_and_decodes_the_same_with_the_smaller_data(
    tmp_path: Path,
) -> None:
    library = _icu_library()
    trimmed = tmp_path / library.name
    before, after = icu_data.trim_library(library, trimmed)
    assert after < before
    assert trimmed.stat().st_size < library.stat().st_size * 0.6
    whole = _probe(None)
    assert whole["de_DE"][0][:2] == ["Ähre", "Åland"]  # the probe reads real ICU data
    smaller = _probe(tmp_path)
    assert smaller.pop("loaded") == [str(trimmed)]
    assert whole.pop("loaded") == [str(library.resolve())]
    assert smaller == whole
