"""Play templates, their assignments to accounts and people, and logged touches."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Column, Date, ForeignKey, Integer, Numeric, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from abm_planner.store.base import Base, RecordMixin
from abm_planner.store.models.plan import VocabularyTerm

_TERM = "vocabulary_terms.id"
_MEMBER = "team_members.id"

play_template_stages = Table(
    "play_template_stages",
    Base.metadata,
    Column("template_id", ForeignKey("play_templates.id", ondelete="CASCADE"), primary_key=True),
    Column("stage_id", ForeignKey(_TERM, ondelete="CASCADE"), primary_key=True),
)

play_template_roles = Table(
    "play_template_roles",
    Base.metadata,
    Column("template_id", ForeignKey("play_templates.id", ondelete="CASCADE"), primary_key=True),
    Column("role_id", ForeignKey(_TERM, ondelete="CASCADE"), primary_key=True),
)

play_targets = Table(
    "play_targets",
    Base.metadata,
    Column(
        "assignment_id", ForeignKey("play_assignments.id", ondelete="CASCADE"), primary_key=True
    ),
    Column(
        "stakeholder_id",
        ForeignKey("stakeholders.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class PlayTemplate(RecordMixin, Base):
    __tablename__ = "play_templates"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    play_type_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_TERM))
    description: Mapped[str] = mapped_column(Text, default="")
    trigger: Mapped[str] = mapped_column(Text, default="")
    steps: Mapped[str] = mapped_column(Text, default="")
    success_criteria: Mapped[str] = mapped_column(Text, default="")
    lead_function: Mapped[str] = mapped_column(String(20), default="joint")
    typical_touches: Mapped[int] = mapped_column(Integer, default=0)
    duration_days: Mapped[int] = mapped_column(Integer, default=30)
    cost: Mapped[float | None] = mapped_column(Numeric(14, 2, asdecimal=False))

    stages: Mapped[list[VocabularyTerm]] = relationship(
        secondary=play_template_stages, lazy="selectin", order_by=VocabularyTerm.sort_order
    )
    target_roles: Mapped[list[VocabularyTerm]] = relationship(
        secondary=play_template_roles, lazy="selectin", order_by=VocabularyTerm.sort_order
    )


class PlayAssignment(RecordMixin, Base):
    """A play run for one account, aimed at named stakeholders, owned by both sides."""

    __tablename__ = "play_assignments"

    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    template_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("play_templates.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    lead_function: Mapped[str] = mapped_column(String(20), default="joint")
    sales_owner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey(_MEMBER, ondelete="SET NULL"), index=True
    )
    marketing_owner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey(_MEMBER, ondelete="SET NULL"), index=True
    )
    start_on: Mapped[date | None] = mapped_column(Date, index=True)
    end_on: Mapped[date | None] = mapped_column(Date)
    budget: Mapped[float | None] = mapped_column(Numeric(14, 2, asdecimal=False))
    status_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_TERM), index=True)
    expected_touches: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(Text, default="")


class Touch(RecordMixin, Base):
    """One contact with a stakeholder, by either function, maybe as part of a play."""

    __tablename__ = "touches"

    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    stakeholder_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("stakeholders.id", ondelete="CASCADE"), index=True
    )
    assignment_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("play_assignments.id", ondelete="SET NULL"), index=True
    )
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    channel_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_TERM))
    by_member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_MEMBER, ondelete="SET NULL"))
    function: Mapped[str] = mapped_column(String(20), default="sales")
    notes: Mapped[str] = mapped_column(Text, default="")
