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
from abm_planner.store.models.sync import SyncBase, SyncOrigin
from abm_planner.store.models.workshop import (
    ActionItem,
    AgendaStep,
    Estimate,
    PlanSnapshot,
    Workshop,
    WorkshopAccount,
    WorkshopParticipant,
)

__all__ = [
    "Account",
    "AccountLeadCheck",
    "ActionItem",
    "AgendaStep",
    "Base",
    "Criterion",
    "CriterionScore",
    "Decision",
    "Estimate",
    "LeadCriterion",
    "NodePosition",
    "Objective",
    "PlanSettings",
    "PlanSnapshot",
    "PlayAssignment",
    "PlayTemplate",
    "RecordMixin",
    "Solution",
    "Stakeholder",
    "StakeholderLine",
    "SyncBase",
    "SyncOrigin",
    "TeamMember",
    "TierRule",
    "Touch",
    "VocabularyTerm",
    "Whitespace",
    "Workshop",
    "WorkshopAccount",
    "WorkshopParticipant",
    "play_targets",
    "play_template_roles",
    "play_template_stages",
    "stakeholder_roles",
]
