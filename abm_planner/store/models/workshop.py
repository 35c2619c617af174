"""The account-planning workshop: who sat in the room, the agenda, blind estimates,
the actions agreed, and the named snapshots that show next time what changed.

Decisions taken in a workshop are rows of the existing decision log
(``accounts.Decision``), which carries the workshop, the linked records and details.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column

from abm_planner.store.base import Base, RecordMixin, utcnow

_WORKSHOP = "workshops.id"
_SNAPSHOT = "plan_snapshots.id"


class PlanSnapshot(RecordMixin, Base):
    """The plan's domain records at one moment, compressed, kept inside the plan file.

    The payload is loaded only when asked for (``deferred``): listing snapshots must
    not read tens of megabytes.
    """

    __tablename__ = "plan_snapshots"

    label: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="manual")
    taken_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    schema_revision: Mapped[int] = mapped_column(Integer)


class Workshop(RecordMixin, Base):
    """One planning meeting of sales and marketing on one or several accounts."""

    __tablename__ = "workshops"

    title: Mapped[str] = mapped_column(String(300))
    held_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    start_snapshot_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey(_SNAPSHOT, ondelete="SET NULL")
    )
    end_snapshot_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey(_SNAPSHOT, ondelete="SET NULL")
    )


class WorkshopAccount(RecordMixin, Base):
    __tablename__ = "workshop_accounts"
    __table_args__ = (UniqueConstraint("workshop_id", "account_id", name="workshop_account"),)

    workshop_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey(_WORKSHOP, ondelete="CASCADE"), index=True
    )
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )


class WorkshopParticipant(RecordMixin, Base):
    """A team member in the room and the side they estimate for."""

    __tablename__ = "workshop_participants"
    __table_args__ = (UniqueConstraint("workshop_id", "team_member_id", name="workshop_member"),)

    workshop_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey(_WORKSHOP, ondelete="CASCADE"), index=True
    )
    # SET NULL rather than CASCADE: deleting a team member clears every reference to
    # them and undo re-links it (services/team.py), so the row must survive the delete.
    team_member_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("team_members.id", ondelete="SET NULL"), index=True
    )
    side: Mapped[str] = mapped_column(String(20), default="sales")


class AgendaStep(RecordMixin, Base):
    """One step of the workshop agenda, with an optional time box in minutes."""

    __tablename__ = "agenda_steps"

    workshop_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey(_WORKSHOP, ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    step: Mapped[str] = mapped_column(String(30), default="custom")
    title: Mapped[str] = mapped_column(String(300))
    minutes: Mapped[int | None] = mapped_column(Integer)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class Estimate(RecordMixin, Base):
    """One side's blind estimate of a stakeholder's attitude or influence, or a score.

    ``value`` is numeric so the two sides can be compared: attitude and influence
    use their vocabulary term's ``value``, criterion scores the score itself.
    """

    __tablename__ = "estimates"

    workshop_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey(_WORKSHOP, ondelete="CASCADE"), index=True
    )
    side: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(30))
    stakeholder_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("stakeholders.id", ondelete="CASCADE"), index=True
    )
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    criterion_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("criteria.id", ondelete="CASCADE"), index=True
    )
    value: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")


class ActionItem(RecordMixin, Base):
    """Something someone will do by a date, agreed in a workshop or on its own."""

    __tablename__ = "action_items"

    workshop_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey(_WORKSHOP, ondelete="SET NULL"), index=True
    )
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("team_members.id", ondelete="SET NULL"), index=True
    )
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    linked: Mapped[str] = mapped_column(Text, default="[]")
