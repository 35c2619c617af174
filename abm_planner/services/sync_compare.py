"""Which records a sync must merge, and their three states: base, mine, theirs.

With a base image (``sync_image``) only the records that changed on either side
since the base are read: the file's changes found by SQLite against the attached
image, the team's by comparing the server's record digests with the stored ones.
A record unchanged on both sides needs no merge, so leaving it out changes nothing
but the time. Without a usable image (a base written before this format, or a table
the image does not fully know) the table is compared record by record in full, as
before, and the image is rebuilt after the sync.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import Connection

from abm_planner.services.sync_digest import server_buckets, server_digests, server_stamps
from abm_planner.services.sync_image import AttachedBase
from abm_planner.services.sync_state import Record, TableShape, decode_base, read_canonical


@dataclass(slots=True)
class TableStates:
    """One table's records to merge; ``keys`` None when the whole table was compared."""

    base: dict[str, Record]
    mine: dict[str, Record]
    theirs: dict[str, Record]
    keys: set[str] | None


@dataclass(slots=True)
class _Server:
    """What the server said about one table: stamps, suspect buckets, their digests."""

    stamps: dict[str, str]
    suspect: set[str] | None  # None: every bucket (no stamps to narrow them down)
    buckets: dict[str, str]


@dataclass(slots=True)
class Comparer:
    """Reads the three states table by table, in the two connections' transactions."""

    mine: Connection
    theirs: Connection
    image: AttachedBase | None
    legacy: dict[str, bytes] = field(default_factory=dict)
    complete: bool = True  # every table came from the image: it can be updated in place
    stamps: dict[str, dict[str, str]] = field(default_factory=dict)
    stamps_changed: bool = False
    _found: dict[str, tuple[set[str], _Server]] = field(default_factory=dict)

    def prepare(self, shapes: tuple[TableShape, ...]) -> None:
        """List what changed on both sides for every table the image fully knows.

        The server computes its bucket stamps and digests while SQLite compares the
        file with the image: two processes, two cores, one wait.
        """
        if self.image is None:
            return
        image = self.image
        known = [shape for shape in shapes if image.complete(shape)]
        stored = {shape.name: image.stamps(shape) for shape in known}
        with ThreadPoolExecutor(1) as pool:
            future = pool.submit(lambda: [self._server(s, stored[s.name]) for s in known])
            changed = [image.file_changes(shape) for shape in known]
            theirs = future.result()
        for shape, keys, server in zip(known, changed, theirs, strict=True):
            self._found[shape.name] = (keys, server)
            self.stamps[shape.name] = server.stamps
            self.stamps_changed |= server.stamps != stored[shape.name]

    def _server(self, shape: TableShape, stored: dict[str, str]) -> _Server:
        stamps = server_stamps(self.theirs, shape)
        if not stamps:
            return _Server({}, None, server_buckets(self.theirs, shape))
        suspect = {b for b in stamps.keys() | stored.keys() if stamps.get(b) != stored.get(b)}
        digests = server_buckets(self.theirs, shape, suspect) if suspect else {}
        return _Server(stamps, suspect, digests)

    def table(self, shape: TableShape) -> TableStates:
        found = self._found.pop(shape.name, None)
        if self.image is not None and found is not None:
            keys, server = found
            stored_buckets = self.image.buckets(shape)
            suspect = server.suspect
            if suspect is None:
                suspect = stored_buckets.keys() | server.buckets.keys()
            differing = {b for b in suspect if stored_buckets.get(b) != server.buckets.get(b)}
            if differing:
                stored = self.image.digests(shape, differing)
                theirs = server_digests(self.theirs, shape, differing)
                keys.update(key for key, digest in theirs.items() if stored.get(key) != digest)
                keys.update(stored.keys() - theirs.keys())
            return TableStates(
                self.image.records(shape, keys),
                read_canonical(self.mine, shape, keys),
                read_canonical(self.theirs, shape, keys),
                keys,
            )
        self.complete = False
        if self.image is not None:
            base = self.image.records(shape, None) if self.image.has(shape) else {}
        else:
            base = decode_base(self.legacy.pop(shape.name, None), shape).records
        return TableStates(
            base, read_canonical(self.mine, shape), read_canonical(self.theirs, shape), None
        )
