"""The plan's editable vocabularies and the defaults every new plan starts with.

Each term has a stable ``key`` that code relies on (the DMU analysis looks for the
``economic_buyer`` role, not for whatever label a team renamed it to) and a ``label``
people may edit. ``value`` carries the ordinal meaning where a scale has one
(attitude -2..+2, influence 1..3, coverage -1..3).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DefaultTerm:
    key: str
    label: str
    value: int | None = None


TIER = "tier"
STAGE = "stage"
ROLE = "role"
ATTITUDE = "attitude"
INFLUENCE = "influence"
COVERAGE = "coverage"
RELATIONSHIP = "relationship"
WHITESPACE = "whitespace"
PLAY_STATUS = "play_status"
PLAY_TYPE = "play_type"
CHANNEL = "channel"
OBJECTIVE_STATUS = "objective_status"
INDUSTRY = "industry"

DEFAULT_VOCABULARIES: dict[str, tuple[DefaultTerm, ...]] = {
    TIER: (
        DefaultTerm("strategic", "Strategic (1:1)", 3),
        DefaultTerm("scale", "Scale (1:few)", 2),
        DefaultTerm("programmatic", "Programmatic (1:many)", 1),
        DefaultTerm("not_key", "Not key", 0),
    ),
    STAGE: (
        DefaultTerm("qualified", "Qualified", 1),
        DefaultTerm("aware", "Aware", 2),
        DefaultTerm("engaged", "Engaged", 3),
        DefaultTerm("mqa", "Marketing-qualified (MQA)", 4),
        DefaultTerm("opportunity", "Opportunity", 5),
        DefaultTerm("customer", "Customer", 6),
    ),
    ROLE: (
        DefaultTerm("economic_buyer", "Economic Buyer"),
        DefaultTerm("decision_maker", "Decision Maker"),
        DefaultTerm("champion", "Champion"),
        DefaultTerm("technical_evaluator", "Technical Evaluator"),
        DefaultTerm("user", "User"),
        DefaultTerm("influencer", "Influencer"),
        DefaultTerm("procurement", "Procurement"),
        DefaultTerm("legal_compliance", "Legal & Compliance"),
        DefaultTerm("blocker", "Blocker"),
        DefaultTerm("executive_sponsor", "Executive Sponsor"),
        DefaultTerm("other", "Other"),
    ),
    ATTITUDE: (
        DefaultTerm("enemy", "Enemy", -2),
        DefaultTerm("non_supporter", "Non-supporter", -1),
        DefaultTerm("neutral", "Neutral", 0),
        DefaultTerm("supporter", "Supporter", 1),
        DefaultTerm("mentor", "Mentor", 2),
    ),
    INFLUENCE: (
        DefaultTerm("low", "Low", 1),
        DefaultTerm("medium", "Medium", 2),
        DefaultTerm("high", "High", 3),
    ),
    COVERAGE: (
        DefaultTerm("unknown", "Unknown", -1),
        DefaultTerm("none", "None", 0),
        DefaultTerm("brief", "Brief", 1),
        DefaultTerm("multiple", "Multiple", 2),
        DefaultTerm("in_depth", "In depth", 3),
    ),
    RELATIONSHIP: (
        DefaultTerm("vendor", "Vendor", 1),
        DefaultTerm("credible_source", "Credible source", 2),
        DefaultTerm("problem_solver", "Problem solver", 3),
        DefaultTerm("trusted_advisor", "Trusted advisor", 4),
    ),
    WHITESPACE: (
        DefaultTerm("unknown", "Unknown"),
        DefaultTerm("done_internally", "Done internally"),
        DefaultTerm("competitor", "Competitor"),
        DefaultTerm("ours", "Ours"),
        DefaultTerm("not_relevant", "Not relevant"),
    ),
    PLAY_STATUS: (
        DefaultTerm("planned", "Planned"),
        DefaultTerm("running", "Running"),
        DefaultTerm("done", "Done"),
        DefaultTerm("cancelled", "Cancelled"),
    ),
    PLAY_TYPE: (
        DefaultTerm("awareness", "Awareness"),
        DefaultTerm("engagement", "Engagement"),
        DefaultTerm("acceleration", "Acceleration"),
        DefaultTerm("displacement", "Competitive displacement"),
        DefaultTerm("expansion", "Expansion"),
        DefaultTerm("advocacy", "Advocacy"),
    ),
    CHANNEL: (
        DefaultTerm("email", "Email"),
        DefaultTerm("phone", "Phone"),
        DefaultTerm("meeting", "Meeting"),
        DefaultTerm("event", "Event"),
        DefaultTerm("webinar", "Webinar"),
        DefaultTerm("linkedin", "LinkedIn"),
        DefaultTerm("direct_mail", "Direct mail"),
        DefaultTerm("ads", "Targeted ads"),
        DefaultTerm("content", "Content"),
    ),
    OBJECTIVE_STATUS: (
        DefaultTerm("not_started", "Not started"),
        DefaultTerm("on_track", "On track"),
        DefaultTerm("at_risk", "At risk"),
        DefaultTerm("off_track", "Off track"),
        DefaultTerm("achieved", "Achieved"),
    ),
    INDUSTRY: (
        DefaultTerm("manufacturing", "Manufacturing"),
        DefaultTerm("financial_services", "Financial services"),
        DefaultTerm("healthcare", "Healthcare"),
        DefaultTerm("retail", "Retail"),
        DefaultTerm("logistics", "Logistics"),
        DefaultTerm("energy", "Energy & utilities"),
        DefaultTerm("public_sector", "Public sector"),
        DefaultTerm("technology", "Technology"),
        DefaultTerm("telecom", "Telecommunications"),
        DefaultTerm("pharma", "Pharma & life sciences"),
    ),
}

VOCABULARY_TITLES: dict[str, str] = {
    TIER: "Account tiers",
    STAGE: "Journey stages",
    ROLE: "Buying roles",
    ATTITUDE: "Attitudes",
    INFLUENCE: "Influence levels",
    COVERAGE: "Coverage levels",
    RELATIONSHIP: "Relationship levels",
    WHITESPACE: "Whitespace statuses",
    PLAY_STATUS: "Play statuses",
    PLAY_TYPE: "Play types",
    CHANNEL: "Touch channels",
    OBJECTIVE_STATUS: "Objective statuses",
    INDUSTRY: "Industries",
}

# Fixed sets: code branches on these, so they are not editable lists.
LEAD_FUNCTIONS: tuple[str, ...] = ("marketing", "sales", "joint")
TEAM_FUNCTIONS: tuple[str, ...] = ("sales", "marketing", "other")
TOUCH_FUNCTIONS: tuple[str, ...] = ("marketing", "sales")
OBJECTIVE_KINDS: tuple[str, ...] = ("customer", "ours", "relationship")
LINE_KINDS: tuple[str, ...] = ("reports_to", "influences", "conflicts_with")

DEFAULT_HANDOFF_FROM = "mqa"
DEFAULT_HANDOFF_TO = "opportunity"
DEFAULT_TOUCH_THRESHOLD = 8
DEFAULT_MAX_TOUCHES_PER_WEEK = 3
