"""The key account and what hangs off it directly: scores, objectives, whitespace."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from abm_planner.store.base import Base, RecordMixin

_TERM = "vocabulary_terms.id"
_MEMBER = "team_members.id"


class Account(RecordMixin, Base):
    __tablename__ = "accounts"

    name: Mapped[str] = mapped_column(String(300), index=True)
    crm_id: Mapped[str] = mapped_column(String(100), default="", index=True)
    industry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_TERM), index=True)
    region: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(100), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    annual_revenue: Mapped[float | None] = mapped_column(Numeric(18, 2, asdecimal=False))
    employees: Mapped[int | None] = mapped_column(Integer)
    tier_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_TERM), index=True)
    stage_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_TERM), index=True)
    sales_owner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey(_MEMBER, ondelete="SET NULL"), index=True
    )
    marketing_owner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey(_MEMBER, ondelete="SET NULL"), index=True
    )
    fit_score: Mapped[float | None] = mapped_column(Float)
    needs: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    handed_off_on: Mapped[date | None] = mapped_column(Date)
    # Commercial figures for the shared metrics (revision 0003). ``annual_revenue`` above
    # is the customer's own turnover; these are ours: the value of open opportunities,
    # revenue won in the plan period, the gross margin expected on that business, and
    # who sourced the pipeline ("marketing_sourced", "marketing_influenced",
    # "sales_sourced" or "" when not recorded).
    pipeline_value: Mapped[float | None] = mapped_column(Numeric(18, 2, asdecimal=False))
    won_revenue: Mapped[float | None] = mapped_column(Numeric(18, 2, asdecimal=False))
    expected_margin_pct: Mapped[float | None] = mapped_column(Float)
    pipeline_source: Mapped[str] = mapped_column(String(30), default="")


class CriterionScore(RecordMixin, Base):
    __tablename__ = "criterion_scores"
    __table_args__ = (UniqueConstraint("account_id", "criterion_id", name="account_criterion"),)

    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    criterion_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("criteria.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[int] = mapped_column(Integer)
    justification: Mapped[str] = mapped_column(Text, default="")


class AccountLeadCheck(RecordMixin, Base):
    """Whether one lead-definition item is met for one account."""

    __tablename__ = "account_lead_checks"
    __table_args__ = (UniqueConstraint("account_id", "lead_criterion_id", name="account_item"),)

    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    lead_criterion_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("lead_criteria.id", ondelete="CASCADE"), index=True
    )
    met: Mapped[bool] = mapped_column(default=False)


class Objective(RecordMixin, Base):
    """A customer goal, one of ours, or a relationship objective naming a stakeholder."""

    __tablename__ = "objectives"

    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="ours")
    title: Mapped[str] = mapped_column(String(300))
    metric: Mapped[str] = mapped_column(String(200), default="")
    target: Mapped[float | None] = mapped_column(Float)
    actual: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(40), default="")
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_MEMBER, ondelete="SET NULL"))
    due_on: Mapped[date | None] = mapped_column(Date)
    status_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_TERM))
    stakeholder_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("stakeholders.id", ondelete="SET NULL")
    )


class Whitespace(RecordMixin, Base):
    """One cell of the accounts × solutions whitespace map."""

    __tablename__ = "whitespace"
    __table_args__ = (UniqueConstraint("account_id", "solution_id", name="account_solution"),)

    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    solution_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("solutions.id", ondelete="CASCADE"), index=True
    )
    status_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_TERM))
    notes: Mapped[str] = mapped_column(Text, default="")


class Decision(RecordMixin, Base):
    """An entry of the decision log: what was agreed, when and by whom."""

    __tablename__ = "decisions"

    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    decided_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(300), default="")
    # Revision 0004: the workshop it was taken in, the records it concerns (JSON list of
    # {"type", "id"}) and details such as both sides' estimates and the reason (JSON).
    workshop_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("workshops.id", ondelete="SET NULL"), index=True
    )
    linked: Mapped[str] = mapped_column(Text, default="[]")
    details: Mapped[str] = mapped_column(Text, default="{}")
