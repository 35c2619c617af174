"""The decision-making unit: stakeholders, their roles and the lines between them."""

from __future__ import annotations

import uuid

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from abm_planner.store.base import Base, RecordMixin
from abm_planner.store.models.plan import VocabularyTerm

_TERM = "vocabulary_terms.id"
_MEMBER = "team_members.id"

stakeholder_roles = Table(
    "stakeholder_roles",
    Base.metadata,
    Column("stakeholder_id", ForeignKey("stakeholders.id", ondelete="CASCADE"), primary_key=True),
    Column("role_id", ForeignKey(_TERM, ondelete="CASCADE"), primary_key=True, index=True),
)


class Stakeholder(RecordMixin, Base):
    __tablename__ = "stakeholders"

    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300), index=True)
    crm_id: Mapped[str] = mapped_column(String(100), default="", index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    attitude_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_TERM))
    influence_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_TERM))
    inner_circle: Mapped[bool] = mapped_column(Boolean, default=False)
    coverage_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_TERM))
    relationship_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_TERM))
    sales_owner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey(_MEMBER, ondelete="SET NULL"), index=True
    )
    marketing_owner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey(_MEMBER, ondelete="SET NULL"), index=True
    )
    needs: Mapped[str] = mapped_column(Text, default="")
    priorities: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    roles: Mapped[list[VocabularyTerm]] = relationship(
        secondary=stakeholder_roles, lazy="selectin", order_by=VocabularyTerm.sort_order
    )


class StakeholderLine(RecordMixin, Base):
    """A reports-to (maybe dotted), influences (with strength) or conflicts-with line."""

    __tablename__ = "stakeholder_lines"
    __table_args__ = (
        CheckConstraint("kind IN ('reports_to', 'influences', 'conflicts_with')", name="line_kind"),
        CheckConstraint("source_id <> target_id", name="no_self_line"),
    )

    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("stakeholders.id", ondelete="CASCADE"), index=True
    )
    target_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("stakeholders.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20), index=True)
    dotted: Mapped[bool] = mapped_column(Boolean, default=False)
    strength: Mapped[int] = mapped_column(Integer, default=2)


class NodePosition(RecordMixin, Base):
    """Where a person placed a stakeholder on a DMU view by hand; wins over layouts."""

    __tablename__ = "node_positions"
    __table_args__ = (UniqueConstraint("stakeholder_id", "view", name="stakeholder_view"),)

    stakeholder_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("stakeholders.id", ondelete="CASCADE"), index=True
    )
    view: Mapped[str] = mapped_column(String(20))
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
