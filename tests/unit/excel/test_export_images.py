"""DMU map pictures in the exported workbook: one sheet per account, checked PNGs, safe names."""

from __future__ import annotations

import posixpath
import re
import struct
import uuid
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest

from abm_planner.errors import UserError
from abm_planner.excel import export_images
from abm_planner.excel.export_images import MAX_SHEET_NAME, map_sheet_name
from abm_planner.services.accounts import create_account
from abm_planner.services.excel_io import export_plan
from abm_planner.services.plans import open_plan


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    rows = b"".join(b"\x00" + b"\x80\x40\x20" * width for _ in range(height))
    return (
        export_images.PNG_SIGNATURE
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


TINY_PNG = _png(4, 3)


def _target(book: zipfile.ZipFile, part: str, kind: str, wanted: str | None = None) -> list[str]:
    """Parts ``part`` links to by relationships of ``kind`` (optionally only id ``wanted``)."""
    folder, name = posixpath.split(part)
    rels = book.read(f"{folder}/_rels/{name}.rels").decode()
    found = []
    for rel in re.findall(r"<Relationship [^>]*>", rels):
        rel_id = re.search(r'Id="([^"]+)"', rel)[1]  # type: ignore[index]
        target = re.search(r'Target="([^"]+)"', rel)[1]  # type: ignore[index]
        if rel.find(f'/{kind}"') >= 0 and wanted in (None, rel_id):
            found.append(posixpath.normpath(posixpath.join(folder, target)).lstrip("/"))
    return found


def sheet_pictures(path: Path, sheet: str) -> list[bytes]:
    """The pictures on ``sheet``, read from the package itself.

    openpyxl drops pictures when Pillow is not installed, so ``ws._images`` cannot
    be relied on; this follows sheet → drawing → image relationships instead.
    """
    with zipfile.ZipFile(path) as book:
        workbook = book.read("xl/workbook.xml").decode()
        escaped = sheet.replace("&", "&amp;")
        entry = re.search(rf'<sheet name="{re.escape(escaped)}"[^>]*r:id="([^"]+)"', workbook)
        assert entry is not None, f"no sheet {sheet!r}"
        (sheet_part,) = _target(book, "xl/workbook.xml", "worksheet", entry[1])
        try:
            drawings = _target(book, sheet_part, "drawing")
        except KeyError:
            return []
        return [
            book.read(image) for drawing in drawings for image in _target(book, drawing, "image")
        ]


@pytest.fixture
def plan(demo_copy: Path):
    plan = open_plan(demo_copy)
    yield plan
    plan.close()


def _first_account(plan) -> tuple[uuid.UUID, str]:
    from abm_planner.services.accounts import list_accounts

    first = list_accounts(plan)[0]
    return first.id, first.name


def test_a_map_sheet_per_account_with_its_picture(plan, tmp_path: Path):
    account_id, name = _first_account(plan)
    target = tmp_path / "one.xlsx"
    export_plan(plan, target, [account_id], include_findings=False, images={account_id: TINY_PNG})
    workbook = openpyxl.load_workbook(target)
    try:
        sheet_name = map_sheet_name(name, [])
        assert sheet_name in workbook.sheetnames
        assert name in str(workbook[sheet_name]["A1"].value)
        cover = workbook[workbook.sheetnames[0]]
        assert any(cell == sheet_name for row in cover.iter_rows(values_only=True) for cell in row)
    finally:
        workbook.close()
    assert sheet_pictures(target, sheet_name) == [TINY_PNG]
    assert sheet_pictures(target, "Accounts") == []


def test_no_images_no_map_sheets(plan, tmp_path: Path):
    account_id, _name = _first_account(plan)
    target = tmp_path / "plain.xlsx"
    export_plan(plan, target, [account_id], include_findings=False)
    workbook = openpyxl.load_workbook(target, read_only=True)
    try:
        assert not [n for n in workbook.sheetnames if n.startswith("DMU map")]
    finally:
        workbook.close()


def test_pictures_of_accounts_outside_the_export_are_left_out(plan, tmp_path: Path):
    account_id, _name = _first_account(plan)
    other = create_account(plan, {"name": "Other Co"})
    target = tmp_path / "one.xlsx"
    export_plan(
        plan,
        target,
        [account_id],
        include_findings=False,
        images={account_id: TINY_PNG, other: TINY_PNG},
    )
    workbook = openpyxl.load_workbook(target)
    try:
        maps = [n for n in workbook.sheetnames if n.startswith("DMU map")]
        assert maps == [map_sheet_name(_name, [])]
    finally:
        workbook.close()


def test_long_and_awkward_names_make_unique_valid_sheet_names(plan, tmp_path: Path):
    awkward = "Acme [EMEA]: R&D / Labs? *Global* \\ Holdings International"
    first = create_account(plan, {"name": awkward})
    second = create_account(plan, {"name": awkward + " Two"})
    target = tmp_path / "awkward.xlsx"
    export_plan(
        plan,
        target,
        [first, second],
        include_findings=False,
        images={first: TINY_PNG, second: _png(3000, 1000)},
    )
    workbook = openpyxl.load_workbook(target)
    try:
        maps = [n for n in workbook.sheetnames if n.startswith("DMU map")]
        assert len(maps) == 2 and len({m.casefold() for m in maps}) == 2
        for name in maps:
            assert len(name) <= MAX_SHEET_NAME
            assert not set(name) & set("[]:*?/\\")
    finally:
        workbook.close()
    assert [len(sheet_pictures(target, name)) for name in maps] == [1, 1]


def test_sheet_name_rules():
    assert map_sheet_name("Acme", []) == "DMU map – Acme"
    long_name = map_sheet_name("A" * 80, [])
    assert len(long_name) == MAX_SHEET_NAME
    assert map_sheet_name("A" * 80, [long_name]) != long_name
    assert len(map_sheet_name("A" * 80, [long_name])) <= MAX_SHEET_NAME
    assert map_sheet_name("Acme", ["dmu MAP – acme"]) == "DMU map – Acme (2)"
    assert map_sheet_name("a/b:c", []) == "DMU map – a b c"
    assert map_sheet_name("'quoted'", []) == "DMU map – quoted"
    assert map_sheet_name("???", []) == "DMU map – account"


def test_big_pictures_are_scaled_to_fit():
    image = export_images.MapImage(uuid.uuid4(), "A", b"", 3200, 1000)
    assert image.scale == 0.5
    assert export_images.MapImage(uuid.uuid4(), "A", b"", 100, 100).scale == 1.0


def test_a_picture_that_is_not_a_png_is_refused(plan, tmp_path: Path):
    account_id, _name = _first_account(plan)
    target = tmp_path / "bad.xlsx"
    with pytest.raises(UserError, match="not a PNG"):
        export_plan(
            plan,
            target,
            [account_id],
            include_findings=False,
            images={account_id: b"\xff\xd8\xff\xe0 a JPEG, not a PNG"},
        )
    assert not target.exists()


def test_a_picture_over_the_size_limit_is_refused(
    plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    account_id, _name = _first_account(plan)
    monkeypatch.setattr(export_images, "MAX_IMAGE_BYTES", len(TINY_PNG) - 1)
    target = tmp_path / "big.xlsx"
    with pytest.raises(UserError, match="more than the limit"):
        export_plan(
            plan, target, [account_id], include_findings=False, images={account_id: TINY_PNG}
        )
    assert not target.exists()
