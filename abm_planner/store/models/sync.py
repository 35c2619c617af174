"""Where an offline copy of a team plan came from, and the state both sides last shared.

A plan file copied from a team database remembers the server (its URL without any
password) and, table by table, every record as it was at the copy or the last sync:
the *base* of the three-way merge that brings the offline edits back. These tables
are the file's own bookkeeping: they are never sent to a server, compared or copied
(``LOCAL_ONLY`` in their ``info``, which copy and sync both honour).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from abm_planner.store.base import Base, RecordMixin

LOCAL_ONLY = "local_only"
"""``Table.info`` key: the table belongs to this file and never travels to a server."""


class SyncOrigin(RecordMixin, Base):
    """The single row saying which team plan this file is an offline copy of."""

    __tablename__ = "sync_origin"
    __table_args__ = ({"info": {LOCAL_ONLY: True}},)

    origin: Mapped[str] = mapped_column(Text)  # password-less URL (or path) of the team plan
    plan_id: Mapped[str] = mapped_column(String(36), default="")  # the plan_settings id
    copied_at: Mapped[datetime] = mapped_column(DateTime)
    synced_at: Mapped[datetime | None] = mapped_column(DateTime)
    schema_revision: Mapped[int] = mapped_column(Integer)  # of the base below
    base_records: Mapped[int] = mapped_column(Integer, default=0)


class SyncBase(RecordMixin, Base):
    """The shared state of one table at the last sync point, compressed.

    One row per synced table keeps memory bounded by the largest table while merging:
    a sync reads, compares and forgets one table at a time.
    """

    __tablename__ = "sync_base"
    __table_args__ = ({"info": {LOCAL_ONLY: True}},)

    table_name: Mapped[str] = mapped_column(String(100), unique=True)
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[bytes] = mapped_column(LargeBinary)  # zlib(JSON {columns, rows})
