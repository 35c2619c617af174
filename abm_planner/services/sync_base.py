"""Reading and writing an offline copy's sync base (``sync_base``; see ``sync_image``).

The base is kept as one compressed image row. A sync that compared only the records
changed since updates just those in it; a base written before this format (one
payload per table) or one missing columns is rebuilt from the whole file instead.
Either way the base is written in the file's unit of work, after the server took
its share, so it records the state both sides now hold.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, insert

from abm_planner.services.plans import Plan
from abm_planner.services.sync_digest import bucket_of, server_buckets, server_stamps
from abm_planner.services.sync_image import (
    IMAGE_ROW,
    AttachedBase,
    ImageWriter,
    attached,
)
from abm_planner.services.sync_image_file import unpack
from abm_planner.services.sync_merge import TableMerge
from abm_planner.services.sync_state import synced_tables
from abm_planner.store.base import utcnow
from abm_planner.store.models import SyncBase

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class BaseUpdate:
    """The image file to update in place (None: build a new one from the whole file),
    and per table the keys of the records whose state the sync settled."""

    image: Path | None
    keys: dict[str, set[str]]
    stamps: dict[str, dict[str, str]] = field(default_factory=dict)
    stamps_changed: bool = False

    def with_writes(self, merges: list[TableMerge]) -> BaseUpdate:
        """Also every record a merge writes (all of them were compared anyway).

        A bucket the sync writes to on the server gets a new stamp when that commits;
        its stamp is dropped, so the next sync checks the bucket's content instead.
        """
        for merge in merges:
            keys = self.keys.setdefault(merge.shape.name, set())
            for ops in (merge.to_file, merge.to_server):
                keys.update(ops.inserts, ops.updates, ops.deletes)
            stamps, sent = self.stamps.get(merge.shape.name, {}), merge.to_server
            for key in (*sent.inserts, *sent.updates, *sent.deletes):
                stamps.pop(bucket_of(key), None)
        return self

    def needed(self, merges: list[TableMerge]) -> bool:
        """Whether the stored base must change at all."""
        if self.image is None or self.stamps_changed:
            return True
        return any(merge.writes or merge.base_stale for merge in merges)


ServerState = dict[str, tuple[dict[str, str], dict[str, str]]]
"""Per table, the server's bucket stamps and bucket digests, read in one snapshot."""


def write_base(
    connection: Connection,
    update: BaseUpdate,
    progress: Progress | None,
    *,
    server: Callable[[], ServerState] | None = None,
) -> None:
    """Record the file's synced tables, as ``connection`` sees them, as the shared state.

    ``server`` (a new base only) gives the server's stamps with its bucket digests: a
    stamp is kept for the buckets whose content is the same on both sides.
    """
    writer = ImageWriter(update.image, synced_tables())
    try:
        payload, count = _written(connection, writer, update, progress, server)
    except BaseException:
        writer.discard()
        raise
    connection.execute(delete(SyncBase))
    now = utcnow()
    connection.execute(
        insert(SyncBase).values(
            id=uuid.uuid4(),
            table_name=IMAGE_ROW,
            row_count=count,
            payload=payload,
            created_at=now,
            updated_at=now,
            version=1,
        )
    )


def _written(
    connection: Connection,
    writer: ImageWriter,
    update: BaseUpdate,
    progress: Progress | None,
    server: Callable[[], ServerState] | None,
) -> tuple[bytes, int]:
    shapes = synced_tables()
    for done, shape in enumerate(shapes):
        if update.image is None:
            writer.fill(connection, shape)
        else:
            writer.refresh(connection, shape, update.keys.get(shape.name, set()))
        if progress:
            progress(done + 1, len(shapes))
    writer.seal()
    state = server() if server is not None else {}
    for shape in shapes:
        if shape.name in state:
            stamps, digests = state[shape.name]
            ours = writer.bucket_digests(shape)
            writer.set_stamps(
                shape, {b: s for b, s in stamps.items() if digests.get(b) == ours.get(b)}
            )
        else:
            writer.set_stamps(shape, update.stamps.get(shape.name, {}))
    return writer.finish()


@contextmanager
def stored_base(file_plan: Plan) -> Iterator[tuple[dict[str, bytes], Path | None]]:
    """The base as stored: an older base's payload per table, or the image unpacked
    into a private temporary file for the block (the sync compares with it, then
    updates it in place)."""
    with file_plan.engine.connect() as connection:  # as stored: no copy per processor
        rows = connection.exec_driver_sql("SELECT table_name, payload FROM sync_base")
        payloads = {str(name): bytes(payload) for name, payload in rows}
    payload = payloads.pop(IMAGE_ROW, None)
    path = unpack(payload) if payload is not None else None
    del payload
    try:
        yield payloads, path
    finally:
        if path is not None:
            path.unlink(missing_ok=True)


@contextmanager
def file_snapshot(
    file_plan: Plan, image: Path | None
) -> Iterator[tuple[Connection, AttachedBase | None]]:
    """The file as of one moment, with the base image attached for the comparison."""
    with file_plan.engine.connect() as connection, attached(connection, image) as base:
        transaction: Any = connection.begin()
        with transaction:
            yield connection, base


def server_state(connection: Connection) -> ServerState:
    """Every table's stamps and bucket digests on a PostgreSQL server (else nothing)."""
    state: ServerState = {}
    for shape in synced_tables():
        stamps = server_stamps(connection, shape)
        if stamps:
            state[shape.name] = (stamps, server_buckets(connection, shape))
    return state
