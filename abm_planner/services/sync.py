"""Offline copies of a team plan: remember where they came from, and bring them back.

``record_origin`` runs right after a team plan was copied into a file: the file
keeps the server's address (never a password) and the state both now share
(``sync_base``, see ``sync_image``). ``sync`` later finds the records changed on
either side since (``sync_compare``) and merges those three ways, record by record, the
offline edits ("mine"), the team's edits since ("theirs") and that base: changes to
different records or fields merge silently both ways; the same field changed to
different values, or a deletion against an edit, is a ``Conflict`` that ``prefer``
or ``resolve`` decides. With a conflict left open nothing is written. Otherwise the
server is written in one transaction with version checks and the file in one unit
of work; the file commits only after the server did, and then records the merged
state as the new base. Two new records clashing on a unique name are settled in
``sync_unique``. Works on any two plans through SQLAlchemy Core, so the "server" may
be a PostgreSQL database or another plan file.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import DBAPIError, OperationalError

from abm_planner.errors import ReadOnlyPlanError, UserError
from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.sync_apply import ConcurrentEditError, apply_ops
from abm_planner.services.sync_base import (
    BaseUpdate,
    file_snapshot,
    server_state,
    stored_base,
    write_base,
)
from abm_planner.services.sync_compare import Comparer, TableStates
from abm_planner.services.sync_labels import readable, reading_order
from abm_planner.services.sync_links import check_dependants, restore_closure, restored_records
from abm_planner.services.sync_merge import Choice, Conflict, Resolver, TableMerge, merge_table
from abm_planner.services.sync_server import (
    ServerUnreachableError,
    guarded,
    server_snapshot,
    unreachable,
)
from abm_planner.services.sync_state import read_native, synced_tables
from abm_planner.services.sync_unique import check_unique_clashes
from abm_planner.store.base import utcnow
from abm_planner.store.models import PlanSettings, SyncBase, SyncOrigin
from abm_planner.store.plan_location import is_server_url
from abm_planner.store.schema import head_revision

Progress = Callable[[int, int], None]

__all__ = [
    "ConcurrentEditError",
    "Conflict",
    "NotAnOfflineCopyError",
    "ServerUnreachableError",
    "SyncReport",
    "is_offline_copy",
    "open_origin",
    "origin_of",
    "record_origin",
    "sync",
]


class NotAnOfflineCopyError(UserError):
    """The file was not copied from a team plan, so there is nothing to sync with."""


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an offline copy came from and when it last agreed with it."""

    location: str
    plan_id: str
    copied_at: Any
    synced_at: Any
    base_records: int


@dataclass(slots=True)
class SyncReport:
    """What a sync did (``applied``) or would do; counts are records."""

    origin: str
    sent: int = 0
    received: int = 0
    merged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    unresolved: list[Conflict] = field(default_factory=list)
    applied: bool = False
    seconds: float = 0.0

    @property
    def changed_anything(self) -> bool:
        return bool(self.sent or self.received or self.merged)

    def as_json(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "applied": self.applied,
            "sent": self.sent,
            "received": self.received,
            "merged": self.merged,
            "conflicts": [_conflict_json(c) for c in self.conflicts],
            "unresolved": len(self.unresolved),
            "seconds": round(self.seconds, 3),
        }


def _conflict_json(conflict: Conflict) -> dict[str, Any]:
    data = asdict(conflict)
    data["id"] = conflict.id
    return data


def origin_of(plan: Plan) -> Origin | None:
    """The origin an offline copy remembers; None for any other plan."""
    with plan.read() as session:
        row = session.scalars(select(SyncOrigin)).first()
    if row is None:
        return None
    return Origin(row.origin, row.plan_id, row.copied_at, row.synced_at, row.base_records)


def is_offline_copy(plan: Plan) -> bool:
    return not plan.is_server and origin_of(plan) is not None


def record_origin(file_plan: Plan, server_plan: Plan, *, progress: Progress | None = None) -> None:
    """Mark ``file_plan`` as an offline copy of ``server_plan`` taken just now.

    The base is read from the file, which at this point holds exactly what was copied;
    the server's bucket stamps are kept where its content still matches it.
    """
    location = str(server_plan.path.resolve()) if server_plan.path else server_plan.location
    with (
        server_snapshot(server_plan) as server,
        ThreadPoolExecutor(1) as pool,  # done with ``server`` before it closes
        file_plan.write() as unit,
    ):
        # The server digests its buckets while the base image is built here.
        state = pool.submit(lambda: guarded(server_plan, lambda: server_state(server)))
        connection = unit.session.connection()
        write_base(connection, BaseUpdate(None, {}), progress, server=state.result)
        connection.execute(delete(SyncOrigin))
        now = utcnow()
        connection.execute(
            insert(SyncOrigin).values(
                id=uuid.uuid4(),
                origin=location,
                plan_id=_plan_id(connection),
                copied_at=now,
                synced_at=None,
                schema_revision=head_revision(),
                base_records=_count_base(connection),
                created_at=now,
                updated_at=now,
                version=1,
            )
        )


def open_origin(file_plan: Plan, *, password: str | None = None) -> Plan:
    """Open the team plan an offline copy came from, or say in one sentence why not."""
    origin = origin_of(file_plan)
    if origin is None:
        raise NotAnOfflineCopyError(
            f"{file_plan.location} is not an offline copy of a team plan, so there is "
            "nothing to sync it with (take one with: abm-planner copy URL FILE)."
        )
    try:
        if is_server_url(origin.location):
            return open_plan(origin.location, password=password)
        return open_plan(origin.location)
    except (OperationalError, DBAPIError) as error:
        raise unreachable(origin.location, error) from error


def sync(
    file_plan: Plan,
    server_plan: Plan,
    *,
    prefer: Choice | None = None,
    resolve: Callable[[Conflict], Choice | None] | None = None,
    progress: Progress | None = None,
) -> SyncReport:
    """Merge the offline copy and the team plan both ways; see the module docstring."""
    started = time.perf_counter()
    origin = origin_of(file_plan)
    if origin is None:
        raise NotAnOfflineCopyError(
            f"{file_plan.location} is not an offline copy of a team plan, so there is "
            "nothing to sync it with."
        )
    report = SyncReport(server_plan.location)
    resolver = _resolver(prefer, resolve)
    with stored_base(file_plan) as (legacy, image):
        merged = _merge(
            file_plan,
            server_plan,
            origin,
            report,
            resolver=resolver,
            legacy=legacy,
            image=image,
            progress=progress,
        )
        if not report.unresolved:
            ordered, base_update = merged
            _apply(
                file_plan,
                server_plan,
                ordered,
                base_update=base_update,
                progress=progress,
                total=len(ordered) + 2,
            )
            report.applied = True
    report.seconds = time.perf_counter() - started
    return report


def _merge(
    file_plan: Plan,
    server_plan: Plan,
    origin: Origin,
    report: SyncReport,
    *,
    resolver: Resolver,
    legacy: dict[str, bytes],
    image: Path | None,
    progress: Progress | None,
) -> tuple[list[TableMerge], BaseUpdate]:
    """Compare and merge every table; the report gets the counts and conflicts."""
    shapes = synced_tables()
    total = len(shapes) + 2
    merges: dict[str, TableMerge] = {}
    base_keys: dict[str, set[str]] = {}
    looked_at: dict[str, set[str]] = {}
    with (
        server_snapshot(server_plan) as theirs_connection,
        file_snapshot(file_plan, image) as (mine_connection, attached_base),
    ):
        _check_same_plan(origin, theirs_connection, server_plan, file_plan)
        comparer = Comparer(mine_connection, theirs_connection, attached_base, legacy)
        guarded(server_plan, lambda: comparer.prepare(shapes))
        now = utcnow()

        def describe(conflict: Conflict) -> Conflict:
            return readable(conflict, mine_connection, theirs_connection)

        for done, shape in enumerate(shapes):
            states: TableStates = guarded(server_plan, partial(comparer.table, shape))
            base_keys[shape.name] = set(states.base)
            if states.keys is not None:
                looked_at[shape.name] = states.keys
            merges[shape.name] = merge_table(
                shape,
                states.base,
                states.mine,
                states.theirs,
                resolver=resolver,
                now=now,
                describe=describe,
            )
            del states
            if progress:
                progress(done + 1, total)
        check_unique_clashes(merges, resolver)
        check_dependants(merges, resolver)
        restore_closure(merges, restored_records(merges, base_keys))
        ordered = [merges[shape.name] for shape in shapes]
        for merge in ordered:
            report.conflicts += reading_order(merge.conflicts)
            report.unresolved += reading_order(merge.unresolved)
            report.sent += merge.sent
            report.received += merge.received
            report.merged += merge.merged
        if not report.unresolved:
            for merge in ordered:
                _nativize(merge, mine_connection, theirs_connection)
    if comparer.complete:
        return ordered, BaseUpdate(image, looked_at, comparer.stamps, comparer.stamps_changed)
    return ordered, BaseUpdate(None, {})


def _apply(
    file_plan: Plan,
    server_plan: Plan,
    merges: list[TableMerge],
    *,
    base_update: BaseUpdate,
    progress: Progress | None,
    total: int,
) -> None:
    """The file's writes, then the server's (committed), then the file with its new base."""
    with file_plan.write() as unit:
        connection = unit.session.connection()
        apply_ops(connection, merges, lambda m: m.to_file, "this file")
        if any(len(m.to_server) for m in merges):
            try:
                with server_plan.write() as server_unit:
                    apply_ops(
                        server_unit.session.connection(),
                        merges,
                        lambda m: m.to_server,
                        "the team plan",
                        guard_cascades=True,
                    )
                    server_unit.changed("plan")
            except (OperationalError, DBAPIError) as error:
                raise unreachable(server_plan.location, error) from error
            except ReadOnlyPlanError as error:
                raise ReadOnlyPlanError(
                    f"The edits made in {file_plan.location} cannot be sent: the team plan at "
                    f"{server_plan.location} is read-only for you ({server_plan.read_only_reason})"
                    "; nothing was changed."
                ) from error
        if progress:
            progress(total - 1, total)
        if base_update.needed(merges):
            # The merged state, as it now is on both sides, for every record compared.
            write_base(connection, base_update.with_writes(merges), None)
        connection.execute(
            update(SyncOrigin).values(
                synced_at=utcnow(),
                base_records=_count_base(connection),
                schema_revision=head_revision(),
                plan_id=_plan_id(connection),
                version=SyncOrigin.version + 1,
            )
        )
    if progress:
        progress(total, total)


def _nativize(merge: TableMerge, mine: Connection, theirs: Connection) -> None:
    """Read the native rows the writes need: mine for the server's, theirs for the file's."""
    shape = merge.shape
    for ops, connection in ((merge.to_server, mine), (merge.to_file, theirs)):
        wanted = set(ops.inserts) | {k for k, u in ops.updates.items() if u.fields or u.whole}
        rows = dict(read_native(connection, shape, wanted)) if wanted else {}
        for key in ops.inserts:
            row = rows[key]
            for column in ops.nulled.get(key, ()):
                row[column] = None
            ops.inserts[key] = row
        for key, change in ops.updates.items():
            row = rows.get(key, {})
            if change.whole:
                change.values = {n: v for n, v in row.items() if n not in shape.key_columns}
            else:
                change.values = {n: row[n] for n in change.fields if n in row}
            change.values |= change.extra


def _count_base(connection: Connection) -> int:
    return sum(connection.execute(select(SyncBase.row_count)).scalars())


def _plan_id(connection: Connection) -> str:
    found = connection.execute(select(PlanSettings.id).limit(1)).scalar()
    return str(found) if found else ""


def _check_same_plan(
    origin: Origin, connection: Connection, server_plan: Plan, file_plan: Plan
) -> None:
    server_id = _plan_id(connection)
    if origin.plan_id and server_id and server_id != origin.plan_id:
        raise UserError(
            f"{server_plan.location} holds a different plan than the one "
            f"{file_plan.location} was copied from; nothing was changed."
        )


def _resolver(
    prefer: Choice | None, resolve: Callable[[Conflict], Choice | None] | None
) -> Resolver:
    if prefer not in (None, "mine", "theirs"):
        raise UserError(f"--prefer takes 'mine' or 'theirs', not '{prefer}'.")

    def decide(conflict: Conflict) -> Choice | None:
        choice = resolve(conflict) if resolve is not None else None
        return choice if choice is not None else prefer

    return decide
