"""The DMU map pictures of an export: one sheet per account, with its PNG and a title.

The pictures come in as PNG bytes (the GUI renders them; this package has no Qt).
Each is checked before anything is written: it must be a PNG, no larger than
``MAX_IMAGE_BYTES``, and is shown scaled to fit about ``FIT_WIDTH`` × ``FIT_HEIGHT``
pixels so a workshop screen shows it whole.
"""

from __future__ import annotations

import io
import re
import struct
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from abm_planner.excel.errors import ExportError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE_BYTES = 20 * 1024 * 1024
FIT_WIDTH = 1600
FIT_HEIGHT = 1000
SHEET_PREFIX = "DMU map – "
MAX_SHEET_NAME = 31  # Excel's limit
_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]+")
_UNSAFE_IN_ATTRIBUTE = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff]")
MAX_ALT_TEXT = 255
IMAGE_ROW = 2  # the picture's top-left cell (zero-based row), below the title line


@dataclass(frozen=True, slots=True)
class MapImage:
    """One account's checked picture, ready for its sheet."""

    account_id: uuid.UUID
    account: str
    png: bytes
    width: int
    height: int

    @property
    def scale(self) -> float:
        return min(1.0, FIT_WIDTH / self.width, FIT_HEIGHT / self.height)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG from its header; ``ValueError`` if it is not a PNG."""
    if not data.startswith(PNG_SIGNATURE) or len(data) < 24 or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    if width <= 0 or height <= 0:
        raise ValueError("a PNG without pixels")
    return width, height


def check_image(account: str, data: bytes) -> tuple[int, int]:
    """The picture's size in pixels; an ``ExportError`` naming the account if it is unusable."""
    if len(data) > MAX_IMAGE_BYTES:
        raise ExportError(
            f"The DMU map picture of {account} is {len(data) / 1024 / 1024:.1f} MB, more than "
            f"the limit of {MAX_IMAGE_BYTES // (1024 * 1024)} MB; no file was written."
        )
    try:
        return png_size(data)
    except ValueError:
        raise ExportError(
            f"The DMU map picture of {account} is not a PNG image; no file was written."
        ) from None


def map_images(images: Mapping[uuid.UUID, bytes], names: Mapping[uuid.UUID, str]) -> list[MapImage]:
    """The pictures of exported accounts, checked, in account-name order."""
    checked = []
    for account_id, data in images.items():
        if account_id not in names:
            continue  # an account outside the export has no map sheet
        account = names[account_id]
        width, height = check_image(account, bytes(data))
        checked.append(MapImage(account_id, account, bytes(data), width, height))
    return sorted(checked, key=lambda image: (image.account.casefold(), str(image.account_id)))


def map_sheet_name(account: str, taken: Iterable[str]) -> str:
    """``"DMU map – <account>"``, Excel-safe, at most 31 characters and not in ``taken``."""
    used = {name.casefold() for name in taken}
    clean = re.sub(r"\s+", " ", _FORBIDDEN.sub(" ", account)).strip().strip("'").strip()
    base = (SHEET_PREFIX + (clean or "account"))[:MAX_SHEET_NAME].rstrip().rstrip("'")
    name, number = base, 1
    while name.casefold() in used:
        number += 1
        suffix = f" ({number})"
        name = base[: MAX_SHEET_NAME - len(suffix)].rstrip().rstrip("'") + suffix
    return name


def write_map_sheet(sheet: Any, image: MapImage, title_format: Any) -> None:
    """The title line, then the picture scaled to fit the screen."""
    sheet.write_string(0, 0, f"DMU map of {image.account} (org chart)", title_format)
    sheet.hide_gridlines(2)
    sheet.insert_image(
        IMAGE_ROW,
        0,
        f"dmu-map-{image.account_id}.png",
        {
            "image_data": io.BytesIO(image.png),
            "x_scale": image.scale,
            "y_scale": image.scale,
            "object_position": 3,  # neither moved nor sized with cells
            "description": _attribute_text(f"DMU map of {image.account}"),
        },
    )


def _attribute_text(text: str) -> str:
    """Text for an XML attribute (the picture's alt text): no control characters.

    XlsxWriter escapes them in cells but not in attributes, where they make the
    drawing unreadable and Excel drops the picture with a repair prompt.
    """
    return re.sub(r"\s+", " ", _UNSAFE_IN_ATTRIBUTE.sub(" ", text)).strip()[:MAX_ALT_TEXT]
