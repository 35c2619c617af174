"""Named snapshots of the whole plan, kept inside the plan file.

A snapshot is what "what changed since the last workshop?" compares against, so it
travels with the plan (one file to mail) and survives schema upgrades: it is a
compressed image of the records at the revision it was taken at (see
``store/snapshot_payload.py``). Snapshots are not undoable edits; they are taken
automatically at a workshop's start and end, or by hand with a label.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from abm_planner.errors import NotFoundError, UserError
from abm_planner.services.plans import Plan, UnitOfWork
from abm_planner.store import snapshot_payload
from abm_planner.store.base import utcnow
from abm_planner.store.models import PlanSnapshot

KINDS = ("manual", "workshop_start", "workshop_end")
MAX_LABEL = 200


@dataclass(frozen=True, slots=True)
class SnapshotInfo:
    id: uuid.UUID
    label: str
    kind: str
    taken_at: datetime
    record_count: int
    size: int = 0  # compressed bytes; 0 when not loaded
    schema_revision: int = 0


def _clean_label(label: str) -> str:
    cleaned = " ".join(label.split())
    if not cleaned:
        raise UserError("A snapshot needs a label, for example “Before QBR”.")
    if len(cleaned) > MAX_LABEL:
        raise UserError(f"A snapshot label has at most {MAX_LABEL} characters.")
    return cleaned


def _info(snapshot: PlanSnapshot, size: int = 0) -> SnapshotInfo:
    return SnapshotInfo(
        snapshot.id,
        snapshot.label,
        snapshot.kind,
        snapshot.taken_at,
        snapshot.record_count,
        size,
        snapshot.schema_revision,
    )


def label_taken(session: Session, label: str) -> bool:
    return session.scalar(select(PlanSnapshot.id).where(PlanSnapshot.label == label)) is not None


def unique_label(session: Session, label: str) -> str:
    """``label``, or ``label (2)``, ``(3)`` … when taken (automatic workshop snapshots)."""
    base = _clean_label(label)[: MAX_LABEL - 6]
    candidate, number = base, 1
    while label_taken(session, candidate):
        number += 1
        candidate = f"{base} ({number})"
    return candidate


def capture_into(plan: Plan, unit: UnitOfWork, label: str, kind: str = "manual") -> SnapshotInfo:
    """Take a snapshot of the committed plan and add it inside ``unit``.

    The capture reads what is committed, so edits pending in ``unit`` are not in it;
    a workshop start captures first, then records the workshop in the same unit.
    """
    if kind not in KINDS:
        raise UserError(f"Unknown snapshot kind {kind!r}; use one of {', '.join(KINDS)}.")
    label = _clean_label(label)
    if label_taken(unit.session, label):
        raise UserError(f"A snapshot named “{label}” already exists; choose another label.")
    captured = snapshot_payload.capture(plan.engine)
    snapshot = PlanSnapshot(
        label=label,
        kind=kind,
        taken_at=utcnow(),
        record_count=captured.record_count,
        payload=captured.payload,
        schema_revision=captured.schema_revision,
    )
    unit.session.add(snapshot)
    unit.session.flush()
    unit.changed("snapshot", snapshot.id)
    return _info(snapshot, len(captured.payload))


def take_snapshot(plan: Plan, label: str, kind: str = "manual") -> SnapshotInfo:
    """Keep the plan as it is now under ``label`` (refused when the label is taken)."""
    with plan.write() as unit:
        return capture_into(plan, unit, label, kind)


def list_snapshots(session: Session) -> list[SnapshotInfo]:
    """Every snapshot, oldest first, without loading the payloads."""
    return [
        _info(snapshot)
        for snapshot in session.scalars(
            select(PlanSnapshot).order_by(PlanSnapshot.taken_at, PlanSnapshot.label)
        )
    ]


def find_snapshot(session: Session, label: str) -> PlanSnapshot:
    """The snapshot called ``label``; the error names the labels there are."""
    snapshot = session.scalars(
        select(PlanSnapshot).where(PlanSnapshot.label == " ".join(label.split()))
    ).first()
    if snapshot is not None:
        return snapshot
    known = [info.label for info in list_snapshots(session)]
    if not known:
        raise NotFoundError(f"There is no snapshot “{label}”; this plan has no snapshots yet.")
    listed = ", ".join(f"“{name}”" for name in known)
    raise NotFoundError(f"There is no snapshot “{label}”; the plan has {listed}.")


def delete_snapshot(plan: Plan, label: str) -> None:
    """Remove a snapshot (workshops that pointed at it keep their record, without it)."""
    with plan.write() as unit:
        snapshot = find_snapshot(unit.session, label)
        unit.session.execute(delete(PlanSnapshot).where(PlanSnapshot.id == snapshot.id))
        unit.changed("snapshot", snapshot.id)
