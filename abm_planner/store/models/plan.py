"""Plan-wide records: settings, vocabularies, our team, the agreement's rubric."""

from __future__ import annotations

import uuid

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from abm_planner.store.base import Base, RecordMixin


class PlanSettings(RecordMixin, Base):
    """The single row of plan-wide agreements (name, lead definition, handoff)."""

    __tablename__ = "plan_settings"

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    handoff_from_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("vocabulary_terms.id", ondelete="SET NULL")
    )
    handoff_to_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("vocabulary_terms.id", ondelete="SET NULL")
    )
    touch_threshold: Mapped[int] = mapped_column(Integer, default=8)
    max_touches_per_week: Mapped[int] = mapped_column(Integer, default=3)


class VocabularyTerm(RecordMixin, Base):
    """One entry of an editable list; ``key`` is stable, ``label`` is the team's word."""

    __tablename__ = "vocabulary_terms"
    __table_args__ = (UniqueConstraint("kind", "key", name="kind_key"),)

    kind: Mapped[str] = mapped_column(String(40), index=True)
    key: Mapped[str] = mapped_column(String(80))
    label: Mapped[str] = mapped_column(String(200))
    value: Mapped[int | None] = mapped_column(Integer)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TeamMember(RecordMixin, Base):
    """A person on our side: a seller or a marketer who owns accounts and people."""

    __tablename__ = "team_members"

    name: Mapped[str] = mapped_column(String(200), index=True)
    email: Mapped[str] = mapped_column(String(320), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    function: Mapped[str] = mapped_column(String(20), default="sales")


class Criterion(RecordMixin, Base):
    """A weighted key-account criterion both sides agreed on."""

    __tablename__ = "criteria"

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class TierRule(RecordMixin, Base):
    """Rules of engagement for one tier: threshold, who leads, service level."""

    __tablename__ = "tier_rules"

    tier_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("vocabulary_terms.id", ondelete="CASCADE"), unique=True
    )
    min_fit_score: Mapped[float] = mapped_column(Float, default=0.0)
    lead_function: Mapped[str] = mapped_column(String(20), default="joint")
    service_level: Mapped[str] = mapped_column(Text, default="")
    allowed_play_types: Mapped[str] = mapped_column(Text, default="")
    rules: Mapped[str] = mapped_column(Text, default="")


class LeadCriterion(RecordMixin, Base):
    """One item of the agreed lead definition checklist."""

    __tablename__ = "lead_criteria"

    text: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Solution(RecordMixin, Base):
    """Something we sell; the columns of the whitespace map."""

    __tablename__ = "solutions"

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
