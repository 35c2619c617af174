"""What makes Excel offer to repair a workbook, checked on the package itself.

Excel does not say what it repaired; it drops a table, a drop-down or a whole
sheet and tells the user the file was damaged. These checks read the .xlsx zip
part by part (with defusedxml: the parts are parsed, never trusted) and list
every rule of the file format a spreadsheet program enforces on open that the
export could break: table headers and columns, names, ranges, formulas in
drop-downs and highlights, text limits, the package's content types and
relationships. ``problems(path)`` returns them as sentences, empty when the file
is clean, so a failing test says which part and which rule.
"""

from __future__ import annotations

import math
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defusedxml import ElementTree
from workbook_rules import (
    MAX_ROWS,
    MAX_TEXT,
    TOKENS,
    Box,
    box,
    cell,
    inside,
    overlap,
    unescape,
    utf16_units,
    valid_name,
    valid_sheet_name,
)

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"


@dataclass
class Book:
    """What the checks of one part need to know about the rest of the package."""

    archive: zipfile.ZipFile
    found: list[str] = field(default_factory=list)
    sheets: dict[str, str] = field(default_factory=dict)  # name -> part
    names: set[str] = field(default_factory=set)  # defined names, casefolded
    shared: list[str] = field(default_factory=list)
    shared_count: int | None = None
    shared_used: int = 0
    table_ids: dict[str, str] = field(default_factory=dict)
    table_names: dict[str, str] = field(default_factory=dict)
    dxfs: int = 0
    xfs: int = 0
    parsed: dict[str, Any] = field(default_factory=dict)

    def fail(self, part: str, message: str) -> None:
        self.found.append(f"{part}: {message}")

    def xml(self, part: str) -> Any | None:
        """The part parsed (once; a part that does not parse is reported once)."""
        if part not in self.parsed:
            self.parsed[part] = None
            try:
                self.parsed[part] = ElementTree.fromstring(self.archive.read(part))
            except KeyError:
                self.fail(part, "the part is missing")
            except ElementTree.ParseError as error:
                self.fail(part, f"not well-formed XML ({error})")
        return self.parsed[part]

    def related(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type's last word, target part) of ``part``."""
        folder, name = posixpath.split(part)
        rels = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
        if rels not in self.archive.namelist():
            return {}
        root = self.xml(rels)
        found: dict[str, tuple[str, str]] = {}
        for rel in root.iter(f"{PKG_REL}Relationship") if root is not None else ():
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            resolved = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            found[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], resolved)
        return found


def problems(path: Path) -> list[str]:
    """Every rule of the format the workbook at ``path`` breaks (empty: Excel opens it cleanly)."""
    with zipfile.ZipFile(path) as archive:
        book = Book(archive)
        _package(book)
        _styles(book)
        _shared_strings(book)
        _workbook(book)
        for name, part in book.sheets.items():
            _worksheet(book, name, part)
        if book.shared_count is not None and book.shared_count != book.shared_used:
            book.fail(
                "xl/sharedStrings.xml",
                f"count={book.shared_count} but {book.shared_used} cells use shared strings",
            )
        return book.found


def _package(book: Book) -> None:
    parts = [name for name in book.archive.namelist() if not name.endswith("/")]
    types = book.xml("[Content_Types].xml")
    if types is None:
        return
    defaults = {d.get("Extension", "").lower() for d in types.iter(f"{TYPES}Default")}
    overrides = {o.get("PartName", "").lstrip("/") for o in types.iter(f"{TYPES}Override")}
    for part in parts:
        if part == "[Content_Types].xml":
            continue
        if part not in overrides and part.rsplit(".", 1)[-1].lower() not in defaults:
            book.fail("[Content_Types].xml", f"no content type for {part}")
        if part.endswith((".xml", ".rels")) and part != "[Content_Types].xml":
            book.xml(part)  # well-formed, no characters XML forbids
    for part in sorted(overrides - set(parts)):
        book.fail("[Content_Types].xml", f"an override names the missing part {part}")
    for rels in (p for p in parts if p.endswith(".rels")):
        owner = rels.replace("_rels/", "").removesuffix(".rels")
        for rel_id, (_kind, target) in book.related(owner).items():
            if target not in parts:
                book.fail(rels, f"relationship {rel_id} points to the missing part {target}")


def _styles(book: Book) -> None:
    root = book.xml("xl/styles.xml")
    if root is None:
        return
    dxfs, xfs = root.find(f"{MAIN}dxfs"), root.find(f"{MAIN}cellXfs")
    book.dxfs = len(dxfs) if dxfs is not None else 0
    book.xfs = len(xfs) if xfs is not None else 0


def _shared_strings(book: Book) -> None:
    if "xl/sharedStrings.xml" not in book.archive.namelist():
        return
    root = book.xml("xl/sharedStrings.xml")
    if root is None:
        return
    book.shared = ["".join(t.text or "" for t in si.iter(f"{MAIN}t")) for si in root]
    book.shared_count = int(root.get("count", "-1"))
    if int(root.get("uniqueCount", "-1")) != len(book.shared):
        book.fail("xl/sharedStrings.xml", f"uniqueCount is not the {len(book.shared)} strings")


def _workbook(book: Book) -> None:
    part = "xl/workbook.xml"
    root = book.xml(part)
    if root is None:
        return
    rels = book.related(part)
    seen: set[str] = set()
    for sheet in root.iter(f"{MAIN}sheet"):
        name = sheet.get("name", "")
        if not valid_sheet_name(name):
            book.fail(part, f"sheet name {name!r} is not one Excel allows")
        if name.casefold() in seen:
            book.fail(part, f"two sheets are named {name!r}")
        seen.add(name.casefold())
        kind, target = rels.get(sheet.get(f"{DOC_REL}id", ""), ("", ""))
        if kind != "worksheet":
            book.fail(part, f"sheet {name!r} has no worksheet relationship")
        else:
            book.sheets[name] = target
    for defined in root.iter(f"{MAIN}definedName"):
        book.names.add(defined.get("name", "").casefold())
    scoped: set[tuple[str, str]] = set()
    for defined in root.iter(f"{MAIN}definedName"):
        name, local = defined.get("name", ""), defined.get("localSheetId", "")
        if not valid_name(name):
            book.fail(part, f"defined name {name!r} is not a valid name")
        if (name.casefold(), local) in scoped:
            book.fail(part, f"defined name {name!r} is defined twice")
        scoped.add((name.casefold(), local))
        if local and not (local.isdigit() and int(local) < len(book.sheets)):
            book.fail(part, f"defined name {name!r} belongs to no sheet ({local})")
        formula_problems(book, part, f"defined name {name!r}", defined.text or "")


def formula_problems(book: Book, part: str, where: str, formula: str) -> None:
    """Tokens, quotes and brackets balance; every sheet, name and cell referred to exists."""
    position, depth = 0, 0
    text = formula.removeprefix("=")
    while position < len(text):
        match = TOKENS.match(text, position)
        if not match:
            book.fail(part, f"{where}: cannot read formula {formula!r} at {text[position:]!r}")
            return
        kind, token = match.lastgroup, match.group()
        position = match.end()
        if kind == "string" and utf16_units(token[1:-1].replace('""', '"')) > 255:
            book.fail(part, f"{where}: a text constant over 255 characters")
        elif kind == "sheet":
            sheet = token[:-1]
            sheet = sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet
            if sheet not in book.sheets:
                book.fail(part, f"{where}: formula {formula!r} refers to no sheet {sheet!r}")
        elif kind == "error":
            book.fail(part, f"{where}: formula {formula!r} holds {token}")
        elif kind == "range" and not _on_grid(token):
            book.fail(part, f"{where}: formula {formula!r} refers to {token}, off the grid")
        elif kind == "function" or token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif kind == "name" and not _known_name(book, token):
            book.fail(part, f"{where}: formula {formula!r} refers to no name {token!r}")
        if depth < 0:
            break
    if depth != 0:
        book.fail(part, f"{where}: unbalanced brackets in {formula!r}")


def _on_grid(token: str) -> bool:
    """A cell or cell range inside Excel's grid (whole rows and columns pass)."""
    bare = token.replace("$", "")
    return not (bare[0].isalpha() and bare[-1].isdigit()) or box(bare) is not None


def _finite(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def _known_name(book: Book, token: str) -> bool:
    folded = token.casefold()
    return folded in ("true", "false") or folded in book.names or folded in book.table_names


def _cells(book: Book, where: str, root: Any) -> Iterator[tuple[str, Any]]:
    data = root.find(f"{MAIN}sheetData")
    last = 0
    for row in data if data is not None else ():
        number = row.get("r", "")
        if not number.isdigit() or not last < int(number) <= MAX_ROWS:
            book.fail(where, f"row {number!r} is out of order, written twice or off the grid")
        last = int(number) if number.isdigit() else last
        for item in row:
            yield number, item


def _text(book: Book, item: Any) -> str | None:
    kind = item.get("t")
    if kind == "inlineStr":
        inline = item.find(f"{MAIN}is")
        return "".join(t.text or "" for t in inline.iter(f"{MAIN}t")) if inline is not None else ""
    if kind == "s":
        value = item.find(f"{MAIN}v")
        index = int(value.text) if value is not None and (value.text or "").isdigit() else -1
        return book.shared[index] if 0 <= index < len(book.shared) else None
    if kind == "str":
        value = item.find(f"{MAIN}v")
        return value.text or "" if value is not None else ""
    return ""


def _worksheet(book: Book, name: str, part: str) -> None:
    root = book.xml(part)
    if root is None:
        return
    where = f"{part} ({name})"
    dimension_element = root.find(f"{MAIN}dimension")
    dimension = box(dimension_element.get("ref", "")) if dimension_element is not None else None
    grid: dict[tuple[int, int], str] = {}
    last: tuple[int, int] = (0, 0)
    for row_number, item in _cells(book, where, root):
        ref = item.get("r", "")
        position = cell(ref)
        if position is None or str(position[0]) != row_number:
            book.fail(where, f"cell {ref!r} is not in its row {row_number}")
            continue
        if position <= last:
            book.fail(where, f"cell {ref} is out of order or written twice")
        last = position
        if dimension is None or not inside((*position, *position), dimension):
            book.fail(where, f"cell {ref} is outside the sheet's dimension")
        style = item.get("s")
        if style is not None and not int(style) < book.xfs:
            book.fail(where, f"cell {ref} uses the missing style {style}")
        if item.get("t") in (None, "n"):
            value = item.find(f"{MAIN}v")
            if value is not None and not _finite(value.text or ""):
                book.fail(where, f"cell {ref} holds {value.text!r}, not a number")
        if item.get("t") == "s":
            book.shared_used += 1
        text = _text(book, item)
        if text is None:
            book.fail(where, f"cell {ref} uses a shared string that does not exist")
            continue
        if utf16_units(unescape(text)) > MAX_TEXT:
            book.fail(where, f"cell {ref} holds more than {MAX_TEXT:,} characters")
        grid[position] = unescape(text)
    areas: list[tuple[str, Box]] = []
    rels = book.related(part)
    for table_part in root.iter(f"{MAIN}tablePart"):
        kind, target = rels.get(table_part.get(f"{DOC_REL}id", ""), ("", ""))
        if kind != "table":
            book.fail(where, "a tablePart has no table relationship")
            continue
        area = _table(book, where, target, grid, dimension)
        if area is not None:
            areas.append((f"table {target}", area))
    sheet_filter = root.find(f"{MAIN}autoFilter")
    if sheet_filter is not None:
        area = box(sheet_filter.get("ref", ""))
        if area is None:
            book.fail(where, f"autoFilter range {sheet_filter.get('ref')!r} is not a range")
        else:
            areas.append(("the sheet's autoFilter", area))
    for index, (label, area) in enumerate(areas):
        for other, other_area in areas[index + 1 :]:
            if overlap(area, other_area):
                book.fail(where, f"{label} overlaps {other}")
    _validations(book, where, root)
    _highlights(book, where, root)


def _table(
    book: Book, where: str, part: str, grid: dict[tuple[int, int], str], dimension: Box | None
) -> Box | None:
    root = book.xml(part)
    if root is None:
        return None
    label = f"{where} table {part}"
    table_id, name = root.get("id", ""), root.get("name", "")
    for seen, value in ((book.table_ids, table_id), (book.table_names, name.casefold())):
        if value in seen:
            book.fail(label, f"table id/name {value!r} is used twice in the workbook")
        seen[value] = part
    if not valid_name(name) or root.get("displayName") != name:
        book.fail(label, f"table name {name!r} is not a valid name (or differs from displayName)")
    if name.casefold() in book.names:
        book.fail(label, f"table name {name!r} is also a defined name")
    area = box(root.get("ref", ""))
    if area is None:
        book.fail(label, f"ref {root.get('ref')!r} is not a range")
        return None
    if dimension is None or not inside(area, dimension):
        book.fail(label, f"ref {root.get('ref')} is outside the sheet's dimension")
    table_filter = root.find(f"{MAIN}autoFilter")
    if table_filter is not None and box(table_filter.get("ref", "")) != area:
        book.fail(label, f"autoFilter {table_filter.get('ref')} is not the table's range")
    columns = root.find(f"{MAIN}tableColumns")
    names = [unescape(c.get("name", "")) for c in columns] if columns is not None else []
    if columns is None or int(columns.get("count", "-1")) != len(names):
        book.fail(label, "tableColumns count is not the number of columns")
    if len(names) != area[3] - area[1] + 1:
        book.fail(label, f"{len(names)} columns for a range {area[3] - area[1] + 1} wide")
    ids = [c.get("id") for c in columns] if columns is not None else []
    if len(set(ids)) != len(ids):
        book.fail(label, "two table columns share an id")
    folded = [n.casefold() for n in names]
    for offset, column_name in enumerate(names):
        if not column_name.strip() or "\n" in column_name or "\r" in column_name:
            book.fail(label, f"column name {column_name!r} is empty or has a line break")
        if len(column_name) > 255:
            book.fail(label, f"column name {column_name[:40]!r}... is over 255 characters")
        if folded.count(column_name.casefold()) > 1:
            book.fail(label, f"column name {column_name!r} is not unique")
        header = grid.get((area[0], area[1] + offset))
        if header != column_name:
            book.fail(label, f"header cell {header!r} differs from column name {column_name!r}")
    return area


def _validations(book: Book, where: str, root: Any) -> None:
    block = root.find(f"{MAIN}dataValidations")
    if block is None:
        return
    rules = block.findall(f"{MAIN}dataValidation")
    if int(block.get("count", "-1")) != len(rules):
        book.fail(where, "dataValidations count is not the number of rules")
    for rule in rules:
        sqref = rule.get("sqref", "")
        label = f"drop-down {sqref}"
        if not sqref or any(box(ref) is None for ref in sqref.split()):
            book.fail(where, f"{label}: sqref is not a range list")
        for attribute, limit in (
            ("errorTitle", 32),
            ("promptTitle", 32),
            ("error", 255),
            ("prompt", 255),
        ):
            if utf16_units(rule.get(attribute, "")) > limit:
                book.fail(where, f"{label}: {attribute} is over {limit} characters")
        formula = rule.find(f"{MAIN}formula1")
        text = formula.text or "" if formula is not None else ""
        if rule.get("type") == "list":
            if text.startswith('"'):
                if utf16_units(text) > 257:
                    book.fail(where, f"{label}: a list over 255 characters")
                continue
            if not text:
                book.fail(where, f"{label}: a list without a source")
        if text:
            formula_problems(book, where, label, text)


def _highlights(book: Book, where: str, root: Any) -> None:
    for block in root.iter(f"{MAIN}conditionalFormatting"):
        sqref = block.get("sqref", "")
        if not sqref or any(box(ref) is None for ref in sqref.split()):
            book.fail(where, f"conditional format range {sqref!r} is not a range list")
        for rule in block.iter(f"{MAIN}cfRule"):
            dxf = rule.get("dxfId")
            if dxf is not None and not int(dxf) < book.dxfs:
                book.fail(where, f"conditional format {sqref} uses the missing format {dxf}")
            for formula in rule.iter(f"{MAIN}formula"):
                formula_problems(book, where, f"conditional format {sqref}", formula.text or "")
