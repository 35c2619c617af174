"""Deliberately hostile spreadsheets, built in code so nothing binary is committed."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from excel_samples import write_xlsx

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook_parts(
    sheet_xml: str, *, prolog: str = "", main: str = MAIN, rels: str = RELS
) -> dict[str, str]:
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<workbook xmlns="{main}" xmlns:r="{rels}"><sheets>'
        '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rels}/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>"
    )
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": workbook_rels,
        "xl/worksheets/sheet1.xml": sheet_xml,
    }


def sheet_xml(
    rows: list[list[str]], *, dimension: str | None = None, main: str = MAIN, extra: str = ""
) -> str:
    body = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(
            f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
            for c, v in enumerate(row)
        )
        body.append(f'<row r="{r}">{cells}</row>')
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    rows_xml = "".join(body)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}">{dim}'
        f"<sheetData>{rows_xml}{extra}</sheetData></worksheet>"
    )


def write_parts(path: Path, parts: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


ACCOUNT_ROWS = [["Account Name", "Industry"], ["Hostile Ltd", "Retail"]]


def billion_laughs(folder: Path) -> Path:
    prolog = (
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    return write_parts(
        folder / "laughs.xlsx", workbook_parts(sheet_xml(ACCOUNT_ROWS), prolog=prolog)
    )


def entity_in_sheet(folder: Path) -> Path:
    xml = sheet_xml(ACCOUNT_ROWS).replace(
        "?>", '?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1
    )
    return write_parts(folder / "external entity.xlsx", workbook_parts(xml))


def zip_bomb(folder: Path, size: int) -> Path:
    """An honest part of ``size`` bytes of padding that compresses to almost nothing."""
    parts: dict[str, str | bytes] = dict(workbook_parts(sheet_xml(ACCOUNT_ROWS)))
    parts["xl/media/padding.bin"] = b"\0" * size
    return write_parts(folder / "bomb.xlsx", parts)


def lying_zip(folder: Path) -> Path:
    """A sheet part whose directory entries claim 200 bytes but that inflates to megabytes."""
    padding = "<!-- " + "x" * 3_000_000 + " -->"
    path = write_parts(folder / "liar.xlsx", workbook_parts(sheet_xml(ACCOUNT_ROWS, extra=padding)))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    struct.pack_into("<I", data, info.header_offset + 22, 200)
    position = 0
    while True:
        position = data.find(b"PK\x01\x02", position)
        if position < 0:
            break
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        name = bytes(data[position + 46 : position + 46 + name_length]).decode()
        if name == "xl/worksheets/sheet1.xml":
            struct.pack_into("<I", data, position + 24, 200)
        position += 46
    path.write_bytes(bytes(data))
    return path


def huge_range(folder: Path) -> Path:
    """Two cells, at A1 and XFD1048576: a used range of 17 billion cells."""
    xml = sheet_xml(ACCOUNT_ROWS).replace(
        "</sheetData>",
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row>'
        "</sheetData>",
    )
    return write_parts(folder / "huge range.xlsx", workbook_parts(xml))


def small_dimension(folder: Path, rows: int) -> Path:
    """Claims A1:B1 but holds ``rows`` rows: a reader trusting it would lose them."""
    data = [ACCOUNT_ROWS[0]] + [[f"Row {n} Ltd", "Retail"] for n in range(rows)]
    return write_parts(
        folder / "small dimension.xlsx", workbook_parts(sheet_xml(data, dimension="A1:B1"))
    )


def strict_ooxml(folder: Path) -> Path:
    parts = workbook_parts(
        sheet_xml(ACCOUNT_ROWS, main="http://purl.oclc.org/ooxml/spreadsheetml/main"),
        main="http://purl.oclc.org/ooxml/spreadsheetml/main",
        rels="http://purl.oclc.org/ooxml/officeDocument/relationships",
    )
    return write_parts(folder / "strict.xlsx", parts)


def encrypted(folder: Path) -> Path:
    """What Excel writes for a password-protected workbook: an OLE2 file, named .xlsx."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    directory = (
        "EncryptionInfo".encode("utf-16-le") + b"\0" * 50 + "EncryptedPackage".encode("utf-16-le")
    )
    path = folder / "secret.xlsx"
    path.write_bytes(header + directory + b"\0" * 1024)
    return path


def legacy_xls(folder: Path) -> Path:
    path = folder / "old.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 504
        + "Workbook".encode("utf-16-le")
        + b"\0" * 600
    )
    return path


def truncated(folder: Path) -> Path:
    good = write_xlsx(folder / "whole.xlsx", {"Accounts": ACCOUNT_ROWS * 50})
    data = good.read_bytes()
    path = folder / "truncated.xlsx"
    path.write_bytes(data[: len(data) // 2])
    good.unlink()
    return path


def formula_in_value_column(folder: Path) -> Path:
    xml = sheet_xml([["Account Name", "Annual Revenue"], ["Formula Ltd"]]).replace(
        "</row></sheetData>", '<c r="B2"><f>SUM(1,2)</f><v>3</v></c></row></sheetData>'
    )
    return write_parts(folder / "formula.xlsx", workbook_parts(xml))
