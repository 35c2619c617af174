"""The plan at a glance: counts scripts rely on (keep these keys stable)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from abm_planner.domain import vocabularies as vocab
from abm_planner.services.plans import Plan
from abm_planner.store import schema
from abm_planner.store.models import (
    Account,
    ActionItem,
    Decision,
    Objective,
    PlanSettings,
    PlanSnapshot,
    PlayAssignment,
    PlayTemplate,
    Solution,
    Stakeholder,
    StakeholderLine,
    TeamMember,
    Touch,
    VocabularyTerm,
    Workshop,
    stakeholder_roles,
)

NO_TIER = "No tier"


def _count(session: Session, model: Any) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _per_term(session: Session, kind: str, column: Any, source: Any) -> dict[str, int]:
    counts: dict[Any, int] = dict(
        session.execute(select(column, func.count()).select_from(source).group_by(column)).all()
    )
    result = {}
    for term in session.scalars(
        select(VocabularyTerm)
        .where(VocabularyTerm.kind == kind)
        .order_by(VocabularyTerm.sort_order)
    ):
        result[term.label] = counts.pop(term.id, 0)
    return result | ({NO_TIER: counts[None]} if counts.get(None) else {})


def plan_summary(plan: Plan) -> dict[str, Any]:
    """Counts of everything in the plan, by tier and by buying role."""
    from abm_planner.services.dashboard import metrics_summary

    metrics = metrics_summary(plan)
    with plan.read() as session:
        settings = session.scalars(select(PlanSettings)).first()
        lines = dict(
            session.execute(
                select(StakeholderLine.kind, func.count()).group_by(StakeholderLine.kind)
            ).all()
        )
        return {
            "plan": settings.name if settings else plan.location,
            "location": plan.location,
            "schema_revision": schema.head_revision(),
            "accounts": _count(session, Account),
            "stakeholders": _count(session, Stakeholder),
            "team_members": _count(session, TeamMember),
            "play_templates": _count(session, PlayTemplate),
            "play_assignments": _count(session, PlayAssignment),
            "touches": _count(session, Touch),
            "objectives": _count(session, Objective),
            "solutions": _count(session, Solution),
            "decisions": _count(session, Decision),
            "workshops": _count(session, Workshop),
            "actions": _count(session, ActionItem),
            "snapshots": _count(session, PlanSnapshot),
            "lines": {kind: lines.get(kind, 0) for kind in vocab.LINE_KINDS},
            "tiers": _per_term(session, vocab.TIER, Account.tier_id, Account),
            "stages": _per_term(session, vocab.STAGE, Account.stage_id, Account),
            "roles": _per_term(session, vocab.ROLE, stakeholder_roles.c.role_id, stakeholder_roles),
            "metrics": metrics,
        }


def format_summary(summary: dict[str, Any]) -> str:
    """The summary as a person reads it in a terminal."""
    lines = [
        f"{summary['plan']}  ({summary['location']})",
        "",
        f"  Accounts          {summary['accounts']:>9,}",
        f"  Stakeholders      {summary['stakeholders']:>9,}",
        f"  Team members      {summary['team_members']:>9,}",
        f"  Play templates    {summary['play_templates']:>9,}",
        f"  Play assignments  {summary['play_assignments']:>9,}",
        f"  Touches           {summary['touches']:>9,}",
        f"  Objectives        {summary['objectives']:>9,}",
        "",
        "  Lines: "
        + ", ".join(f"{k.replace('_', '-')} {v:,}" for k, v in summary["lines"].items()),
        "",
        "  Accounts by tier:",
    ]
    lines += [f"    {name:<26}{count:>7,}" for name, count in summary["tiers"].items()]
    lines += ["", "  Stakeholders by buying role:"]
    lines += [f"    {name:<26}{count:>7,}" for name, count in summary["roles"].items()]
    return "\n".join(lines)
