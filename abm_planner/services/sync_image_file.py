"""The sync base image unpacked into a private temporary file while a sync uses it.

The image of a large plan is a few hundred MB uncompressed. Loaded into memory
(``sqlite3.deserialize``) it would be held twice for a moment and once throughout;
as a temporary SQLite file it lives in the operating system's cache instead, and a
sync stays small. The file sits in the system's temporary folder (never next to the
plan), is readable by this user only, and is removed as soon as the sync is done.

Payloads use the snapshot format (``store.snapshot_payload.compress``): ``MAGIC``,
then pieces of ``CHUNK`` bytes, each as its compressed length and zlib stream; both
directions stream piece by piece.
"""

from __future__ import annotations

import os
import struct
import tempfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from abm_planner.errors import PlanFileError
from abm_planner.store.snapshot_payload import CHUNK, COMPRESSION_LEVEL, MAGIC

_LENGTH = struct.Struct(">I")
DAMAGED = (
    "The sync base of this offline copy is damaged, so it cannot be synced; take a new "
    "copy of the team plan (abm-planner copy URL FILE) and redo the edits there."
)


def _workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def new_file() -> Path:
    """An empty private temporary file for an image."""
    handle, name = tempfile.mkstemp(prefix="abm-sync-base-", suffix=".sqlite")
    os.close(handle)
    return Path(name)


def unpack(payload: bytes) -> Path:
    """The image in ``payload`` as a new temporary file (the caller removes it)."""
    if not payload.startswith(MAGIC):
        raise PlanFileError(DAMAGED)
    view, offset, pieces = memoryview(payload), len(MAGIC), []
    try:
        while offset < len(payload):
            (length,) = _LENGTH.unpack_from(payload, offset)
            start = offset + _LENGTH.size
            pieces.append(view[start : start + length])
            offset = start + length
    except struct.error as error:
        raise PlanFileError(DAMAGED) from error
    path = new_file()
    try:
        with path.open("wb") as out, ThreadPoolExecutor(_workers()) as pool:
            for start in range(0, len(pieces), _workers() * 2):
                for data in pool.map(zlib.decompress, pieces[start : start + _workers() * 2]):
                    out.write(data)
    except (zlib.error, OSError) as error:
        path.unlink(missing_ok=True)
        raise PlanFileError(DAMAGED) from error
    return path


def pack(path: Path) -> bytes:
    """The image file compressed as a payload, read piece by piece."""
    packed = [MAGIC]
    with path.open("rb") as source, ThreadPoolExecutor(_workers()) as pool:
        while True:
            batch = [piece for piece in (source.read(CHUNK) for _ in range(_workers())) if piece]
            if not batch:
                break
            for data in pool.map(lambda piece: zlib.compress(piece, COMPRESSION_LEVEL), batch):
                packed += [_LENGTH.pack(len(data)), data]
    return b"".join(packed)
