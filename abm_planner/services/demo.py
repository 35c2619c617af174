"""The bundled demo plan: a realistic portfolio, or a synthetic one at scale.

The realistic one comes from ``resources/demo/portfolio.json``; its dates are
offsets from today so the timeline always looks current.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from abm_planner import assets
from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.scoring import fit_score
from abm_planner.errors import PlanFileError
from abm_planner.services.plans import Plan, create_plan
from abm_planner.services.scale_demo import write_scale_portfolio
from abm_planner.services.vocabulary_lookup import term_map
from abm_planner.store import plan_file
from abm_planner.store.models import (
    Account,
    AccountLeadCheck,
    Criterion,
    CriterionScore,
    Decision,
    LeadCriterion,
    Objective,
    PlanSettings,
    PlayAssignment,
    PlayTemplate,
    Solution,
    Stakeholder,
    StakeholderLine,
    TeamMember,
    TierRule,
    Touch,
    Whitespace,
)

Progress = Callable[[int, int], None]


def create_demo_plan(
    path: Path | str,
    *,
    scale: int | None = None,
    seed: int = 1,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> Plan:
    """Write the demo plan (or a synthetic one of ``scale`` accounts) to ``path``.

    Built under a temporary name and published only when complete.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise PlanFileError(f"{path} already exists; choose another name or pass --force.")
    if scale is not None and scale < 1:
        raise PlanFileError("--scale needs a number of accounts of at least 1.")
    if not path.parent.is_dir():
        raise PlanFileError(f"The folder {path.parent} does not exist.")
    try:
        temporary = plan_file.temporary_sibling(path)
    except OSError as error:
        raise PlanFileError(f"{path} could not be created: {error.strerror or error}.") from error
    try:
        name = f"Synthetic portfolio of {scale:,} accounts" if scale else None
        plan = create_plan(temporary, name)
        try:
            with plan.write() as unit:
                if scale:
                    write_scale_portfolio(unit.session, scale, seed, progress)
                else:
                    DemoWriter(unit.session).write(assets.read_json("demo", "portfolio.json"))
            if not scale:
                from abm_planner.services.demo_workshop import write_demo_workshop

                write_demo_workshop(plan)
        finally:
            plan.close()
        plan_file.publish(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    from abm_planner.services.plans import open_plan

    return open_plan(path)


class DemoWriter:
    """Turns the demo JSON into records, resolving its keys to the plan's terms."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.today = date.today()
        self.terms = {kind: term_map(session, kind) for kind in vocab.DEFAULT_VOCABULARIES}

    def term_id(self, kind: str, key: str | None) -> Any:
        return self.terms[kind][key].id if key else None

    def write(self, data: dict[str, Any]) -> None:
        session = self.session
        self._plan(data["plan"])
        self.team = {
            m["key"]: TeamMember(
                name=m["name"], email=m["email"], title=m["title"], function=m["function"]
            )
            for m in data["team"]
        }
        session.add_all(self.team.values())
        self.solutions = {
            s["name"]: Solution(name=s["name"], description=s["description"], sort_order=i)
            for i, s in enumerate(data["solutions"])
        }
        session.add_all(self.solutions.values())
        session.query(Criterion).delete()
        self.criteria = {
            c["name"]: Criterion(
                name=c["name"], description=c["description"], weight=c["weight"], sort_order=i
            )
            for i, c in enumerate(data["criteria"])
        }
        session.add_all(self.criteria.values())
        self._tier_rules(data.get("tier_rules", []))
        session.flush()
        self.templates = {t.name: t for t in session.scalars(select(PlayTemplate))}
        for account in data["accounts"]:
            self._account(account)

    def _plan(self, plan: dict[str, Any]) -> None:
        settings = self.session.scalars(select(PlanSettings)).one()
        settings.name = plan["name"]
        settings.description = plan.get("description", "")
        settings.handoff_from_id = self.term_id(vocab.STAGE, plan.get("handoff_from", "mqa"))
        settings.handoff_to_id = self.term_id(vocab.STAGE, plan.get("handoff_to", "opportunity"))
        settings.touch_threshold = plan.get("touch_threshold", 8)
        settings.max_touches_per_week = plan.get("max_touches_per_week", 3)
        self.session.query(LeadCriterion).delete()
        self.lead_items = [
            LeadCriterion(text=t, sort_order=i)
            for i, t in enumerate(plan.get("lead_definition", []))
        ]
        self.session.add_all(self.lead_items)

    def _tier_rules(self, rules: list[dict[str, Any]]) -> None:
        existing = {r.tier_id: r for r in self.session.scalars(select(TierRule))}
        for item in rules:
            rule = existing[self.term_id(vocab.TIER, item["tier"])]
            rule.min_fit_score = item["min_fit_score"]
            rule.lead_function = item["lead_function"]
            rule.service_level = item["service_level"]
            rule.allowed_play_types = ",".join(item["allowed_play_types"])
            rule.rules = item["rules"]

    def _member(self, key: str | None) -> Any:
        return self.team[key].id if key else None

    def _day(self, offset: int | None) -> date | None:
        return None if offset is None else self.today + timedelta(days=offset)

    def _account(self, data: dict[str, Any]) -> None:
        session = self.session
        account = Account(
            name=data["name"],
            industry_id=self.term_id(vocab.INDUSTRY, data["industry"]),
            region=data.get("region", ""),
            country=data.get("country", ""),
            website=data.get("website", ""),
            annual_revenue=data.get("annual_revenue"),
            employees=data.get("employees"),
            tier_id=self.term_id(vocab.TIER, data["tier"]),
            stage_id=self.term_id(vocab.STAGE, data["stage"]),
            sales_owner_id=self._member(data.get("sales_owner")),
            marketing_owner_id=self._member(data.get("marketing_owner")),
            needs=data.get("needs", ""),
            notes=data.get("notes", ""),
        )
        ago = data.get("handed_off_days_ago")
        account.handed_off_on = self._day(-ago) if ago is not None else None
        figures = data.get("pipeline", {})
        account.pipeline_value = figures.get("value")
        account.won_revenue = figures.get("won_revenue")
        account.expected_margin_pct = figures.get("margin_pct")
        account.pipeline_source = figures.get("source", "")
        session.add(account)
        session.flush()
        scores = {name: value[0] for name, value in data.get("scores", {}).items()}
        account.fit_score = fit_score(
            [(self.criteria[n].weight, s) for n, s in scores.items() if n in self.criteria]
        )
        for name, (score, why) in data.get("scores", {}).items():
            session.add(
                CriterionScore(
                    account_id=account.id,
                    criterion_id=self.criteria[name].id,
                    score=score,
                    justification=why,
                )
            )
        for item, met in zip(self.lead_items, data.get("lead_checks", []), strict=False):
            session.add(AccountLeadCheck(account_id=account.id, lead_criterion_id=item.id, met=met))
        people = self._stakeholders(account, data.get("stakeholders", []))
        for line in data.get("lines", []):
            session.add(
                StakeholderLine(
                    account_id=account.id,
                    source_id=people[line["from"]].id,
                    target_id=people[line["to"]].id,
                    kind=line["kind"],
                    dotted=line.get("dotted", False),
                    strength=line.get("strength", 2),
                )
            )
        plays = [self._play(account, people, play) for play in data.get("plays", [])]
        session.flush()
        for touch in data.get("touches", []):
            play_index = touch.get("play")
            session.add(
                Touch(
                    account_id=account.id,
                    stakeholder_id=people[touch["stakeholder"]].id,
                    assignment_id=plays[play_index].id if play_index is not None else None,
                    occurred_on=self._day(-touch["days_ago"]),
                    channel_id=self.term_id(vocab.CHANNEL, touch["channel"]),
                    by_member_id=self._member(touch.get("by")),
                    function=touch["function"],
                    notes=touch.get("notes", ""),
                )
            )
        for objective in data.get("objectives", []):
            person = objective.get("stakeholder")
            session.add(
                Objective(
                    account_id=account.id,
                    kind=objective["kind"],
                    title=objective["title"],
                    metric=objective.get("metric", ""),
                    target=objective.get("target"),
                    actual=objective.get("actual"),
                    unit=objective.get("unit", ""),
                    owner_id=self._member(objective.get("owner")),
                    due_on=self._day(objective.get("due_offset_days")),
                    status_id=self.term_id(vocab.OBJECTIVE_STATUS, objective.get("status")),
                    stakeholder_id=people[person].id if person else None,
                )
            )
        for solution, status in data.get("whitespace", {}).items():
            session.add(
                Whitespace(
                    account_id=account.id,
                    solution_id=self.solutions[solution].id,
                    status_id=self.term_id(vocab.WHITESPACE, status),
                )
            )
        for decision in data.get("decisions", []):
            session.add(
                Decision(
                    account_id=account.id,
                    decided_on=self._day(-decision["days_ago"]),
                    title=decision["title"],
                    text=decision.get("text", ""),
                    decided_by=decision.get("decided_by", ""),
                )
            )

    def _stakeholders(
        self, account: Account, items: list[dict[str, Any]]
    ) -> dict[str, Stakeholder]:
        people = {}
        roles = self.terms[vocab.ROLE]
        for item in items:
            person = Stakeholder(
                account_id=account.id,
                name=item["name"],
                title=item.get("title", ""),
                department=item.get("department", ""),
                email=item.get("email", ""),
                attitude_id=self.term_id(vocab.ATTITUDE, item.get("attitude")),
                influence_id=self.term_id(vocab.INFLUENCE, item.get("influence")),
                inner_circle=item.get("inner_circle", False),
                coverage_id=self.term_id(vocab.COVERAGE, item.get("coverage")),
                relationship_id=self.term_id(vocab.RELATIONSHIP, item.get("relationship")),
                sales_owner_id=self._member(item.get("sales_owner")),
                marketing_owner_id=self._member(item.get("marketing_owner")),
                needs=item.get("needs", ""),
                priorities=item.get("priorities", ""),
                roles=[roles[key] for key in item.get("roles", [])],
            )
            self.session.add(person)
            people[item["key"]] = person
        self.session.flush()
        return people

    def _play(self, account: Account, people: dict[str, Stakeholder], item: dict[str, Any]) -> Any:
        from abm_planner.store.models import play_targets

        template = self.templates.get(item["template"])
        start = self._day(item["start_offset_days"])
        assert start is not None
        play = PlayAssignment(
            account_id=account.id,
            template_id=template.id if template else None,
            name=item["template"],
            lead_function=template.lead_function if template else "joint",
            sales_owner_id=self._member(item.get("sales_owner")),
            marketing_owner_id=self._member(item.get("marketing_owner")),
            start_on=start,
            end_on=start + timedelta(days=item["duration_days"]),
            budget=item.get("budget"),
            status_id=self.term_id(vocab.PLAY_STATUS, item["status"]),
            expected_touches=item.get("expected_touches", 0),
            outcome=item.get("outcome", ""),
        )
        self.session.add(play)
        self.session.flush()
        self.session.execute(
            play_targets.insert(),
            [
                {"assignment_id": play.id, "stakeholder_id": people[key].id}
                for key in item.get("targets", [])
            ],
        )
        return play
