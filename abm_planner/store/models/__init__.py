"""Every table of a plan; import from here so the metadata is always complete."""

from abm_planner.store.base import Base, RecordMixin
from abm_planner.store.models.accounts import (
    Account,
    AccountLeadCheck,
    CriterionScore,
    Decision,
    Objective,
    Whitespace,
)
from abm_planner.store.models.dmu import (
    NodePosition,
    Stakeholder,
    StakeholderLine,
    stakeholder_roles,
)
from abm_planner.store.models.plan import (
    Criterion,
    LeadCriterion,
    PlanSettings,
    Solution,
    TeamMember,
    TierRule,
    VocabularyTerm,
)
from abm_planner.store.models.plays import (
    PlayAssignment,
    PlayTemplate,
    Touch,
    play_targets,
    play_template_roles,
    play_template_stages,
)

__all__ = [
    "Account",
    "AccountLeadCheck",
    "Base",
    "Criterion",
    "CriterionScore",
    "Decision",
    "LeadCriterion",
    "NodePosition",
    "Objective",
    "PlanSettings",
    "PlayAssignment",
    "PlayTemplate",
    "RecordMixin",
    "Solution",
    "Stakeholder",
    "StakeholderLine",
    "TeamMember",
    "TierRule",
    "Touch",
    "VocabularyTerm",
    "Whitespace",
    "play_targets",
    "play_template_roles",
    "play_template_stages",
    "stakeholder_roles",
]
