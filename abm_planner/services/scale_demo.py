"""A synthetic portfolio at benchmark scale (``demo --scale N``).

Written with bulk Core inserts in chunks of accounts, so 5,000 accounts (100,000
stakeholders, 200,000 play assignments) stay within seconds and a bounded amount of
memory. Deterministic for a given seed, record ids included.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from abm_planner.domain import vocabularies as vocab
from abm_planner.services.bulk_insert import bulk_insert
from abm_planner.services.vocabulary_lookup import term_ids
from abm_planner.store.base import utcnow
from abm_planner.store.models import (
    Account,
    Criterion,
    CriterionScore,
    Objective,
    PlayAssignment,
    PlayTemplate,
    Solution,
    Stakeholder,
    StakeholderLine,
    TeamMember,
    Touch,
    Whitespace,
    play_targets,
    stakeholder_roles,
)

STAKEHOLDERS_PER_ACCOUNT = 20
PLAYS_PER_ACCOUNT = 40
TOUCHES_PER_ACCOUNT = 20
CHUNK = 250

_PREFIXES = (
    "Acme",
    "Borealis",
    "Cobalt",
    "Delta",
    "Evergreen",
    "Fjord",
    "Granite",
    "Helix",
    "Ionic",
    "Juniper",
    "Kestrel",
    "Lumen",
    "Meridian",
    "Nimbus",
    "Orion",
    "Pioneer",
)
_SUFFIXES = (
    "Industries",
    "Logistics",
    "Health",
    "Energy",
    "Bank",
    "Retail",
    "Systems",
    "Manufacturing",
    "Telecom",
    "Pharma",
    "Group",
    "Holdings",
)
_FIRST = (
    "Anna",
    "Ben",
    "Chloé",
    "David",
    "Elif",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kofi",
    "Lena",
    "Marco",
    "Nadia",
    "Oskar",
    "Priya",
    "Quentin",
    "Rosa",
    "Sven",
    "Tara",
)
_LAST = (
    "Schmidt",
    "Okafor",
    "Rossi",
    "Nguyen",
    "García",
    "Müller",
    "Dubois",
    "Kowalski",
    "Hansen",
    "Silva",
    "Tanaka",
    "Novak",
    "Andersson",
    "Costa",
    "Moreau",
    "Fischer",
)
_TITLES = (
    "CEO",
    "CFO",
    "CIO",
    "VP Operations",
    "Head of IT",
    "Procurement Manager",
    "Plant Manager",
    "IT Architect",
    "Data Lead",
    "Legal Counsel",
    "Engineer",
    "Analyst",
)
_SOLUTIONS = (
    "Asset Monitoring",
    "Predictive Maintenance",
    "Energy Analytics",
    "Fleet Telemetry",
    "Data Platform",
    "Managed Services",
)

_SOURCES = ("marketing_sourced", "marketing_influenced", "sales_sourced", "sales_sourced")


def write_scale_portfolio(
    session: Session,
    accounts: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Add ``accounts`` synthetic accounts, with everything attached, to the plan."""
    rng = random.Random(seed)
    if session.connection().dialect.name == "sqlite":
        # Random UUID keys touch index pages all over the file; a bigger page cache
        # for this one connection keeps them in memory instead of re-reading them.
        session.connection().exec_driver_sql("PRAGMA cache_size = -262144")
    generator = _Generator(session, rng)
    done = 0
    while done < accounts:
        count = min(CHUNK, accounts - done)
        generator.write_chunk(done, count)
        done += count
        if progress:
            progress(done, accounts)


class _Generator:
    def __init__(self, session: Session, rng: random.Random) -> None:
        self.session = session
        self.rng = rng
        self.counter = rng.getrandbits(24) << 20
        self.now = utcnow()
        self.today = date.today()
        self.terms = {kind: term_ids(session, kind) for kind in vocab.DEFAULT_VOCABULARIES}
        self.templates = list(session.execute(select(PlayTemplate.id, PlayTemplate.lead_function)))
        self.criteria = list(session.scalars(select(Criterion.id)))
        self.team = self._rows(TeamMember, self._team())
        self.sales = [m["id"] for m in self.team if m["function"] == "sales"]
        self.marketing = [m["id"] for m in self.team if m["function"] == "marketing"]
        existing = list(session.scalars(select(Solution.id)))
        self.solutions = existing or [
            row["id"]
            for row in self._rows(
                Solution, [{"name": n, "sort_order": i} for i, n in enumerate(_SOLUTIONS)]
            )
        ]

    def uid(self) -> uuid.UUID:
        # Ids ascend in creation order (a counter in the top bits, like UUIDv7), so
        # each index grows at its end instead of splitting pages all over the file.
        self.counter += 1
        return uuid.UUID(int=(self.counter << 80) | self.rng.getrandbits(80), version=4)

    def pick(self, kind: str) -> uuid.UUID:
        return self.rng.choice(list(self.terms[kind].values()))

    def _stamp(self, row: dict[str, Any]) -> dict[str, Any]:
        row.setdefault("id", self.uid())
        row.update(created_at=self.now, updated_at=self.now, version=1)
        return row

    def _rows(self, model: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        stamped = [self._stamp(row) for row in rows]
        bulk_insert(self.session, model.__table__, stamped)
        return stamped

    def _team(self) -> list[dict[str, Any]]:
        return [
            {
                "name": f"{self.rng.choice(_FIRST)} {self.rng.choice(_LAST)}",
                "email": f"member{i}@northwind.example",
                "function": "sales" if i % 2 == 0 else "marketing",
                "title": "Account Executive" if i % 2 == 0 else "Field Marketer",
            }
            for i in range(50)
        ]

    def write_chunk(self, start: int, count: int) -> None:
        accounts = [self._account(start + i) for i in range(count)]
        self._rows(Account, accounts)
        stakeholders: list[dict[str, Any]] = []
        roles: list[dict[str, Any]] = []
        lines: list[dict[str, Any]] = []
        for account in accounts:
            people = [self._stakeholder(account, n) for n in range(STAKEHOLDERS_PER_ACCOUNT)]
            stakeholders += people
            roles += self._roles(people)
            lines += self._lines(account["id"], people)
        self._rows(Stakeholder, stakeholders)
        bulk_insert(self.session, stakeholder_roles, roles)
        self._rows(StakeholderLine, lines)
        by_account = _group(stakeholders, "account_id")
        plays = [p for a in accounts for p in self._plays(a, by_account[a["id"]])]
        targets = [t for p in plays for t in p.pop("_targets")]
        self._rows(PlayAssignment, plays)
        bulk_insert(self.session, play_targets, targets)
        self._rows(Touch, [t for a in accounts for t in self._touches(a, by_account[a["id"]])])
        self._rows(CriterionScore, [s for a in accounts for s in self._scores(a)])
        self._rows(Whitespace, [w for a in accounts for w in self._whitespace(a)])
        self._rows(Objective, [o for a in accounts for o in self._objectives(a)])

    def _account(self, n: int) -> dict[str, Any]:
        name = f"{self.rng.choice(_PREFIXES)} {self.rng.choice(_SUFFIXES)} {n + 1:05d}"
        return {
            "id": self.uid(),
            "name": name,
            "crm_id": f"001SYN{n:012d}",
            "industry_id": self.pick(vocab.INDUSTRY),
            "region": self.rng.choice(("EMEA", "Americas", "APAC")),
            "country": self.rng.choice(("DE", "FR", "GB", "US", "JP", "BR", "NL", "SE")),
            "website": f"https://account{n + 1}.example",
            "annual_revenue": self.rng.randrange(50, 50_000) * 1_000_000,
            "employees": self.rng.randrange(200, 200_000),
            "tier_id": self.pick(vocab.TIER),
            "stage_id": self.pick(vocab.STAGE),
            "sales_owner_id": self.rng.choice(self.sales),
            "marketing_owner_id": self.rng.choice(self.marketing),
            "fit_score": round(self.rng.uniform(10, 98), 1),
            "needs": "",
            "notes": "",
        } | _commercials(n)

    def _stakeholder(self, account: dict[str, Any], n: int) -> dict[str, Any]:
        first, last = self.rng.choice(_FIRST), self.rng.choice(_LAST)
        covered = self.rng.random() < 0.6
        return self._stamp(
            {
                "account_id": account["id"],
                "name": f"{first} {last}",
                "title": _TITLES[0] if n == 0 else self.rng.choice(_TITLES),
                "department": self.rng.choice(("Finance", "IT", "Operations", "Procurement")),
                "email": f"{first.lower()}.{last.lower()}{n}@{account['website'][8:]}",
                "attitude_id": self.pick(vocab.ATTITUDE),
                "influence_id": self.pick(vocab.INFLUENCE),
                "inner_circle": n < 3,
                "coverage_id": self.pick(vocab.COVERAGE),
                "relationship_id": self.pick(vocab.RELATIONSHIP),
                "sales_owner_id": self.rng.choice(self.sales) if covered else None,
                "marketing_owner_id": self.rng.choice(self.marketing) if covered else None,
            }
        )

    def _roles(self, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
        role_ids = list(self.terms[vocab.ROLE].values())
        rows = []
        for person in people:
            for role in self.rng.sample(role_ids, self.rng.choice((1, 1, 2))):
                rows.append({"stakeholder_id": person["id"], "role_id": role})
        return rows

    def _lines(self, account_id: uuid.UUID, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
        lines = [
            {
                "account_id": account_id,
                "source_id": p["id"],
                "target_id": people[(i - 1) // 3]["id"],
                "kind": "reports_to",
                "dotted": False,
                "strength": 2,
            }
            for i, p in enumerate(people)
            if i
        ]
        for _ in range(5):
            a, b = self.rng.sample(people, 2)
            lines.append(
                {
                    "account_id": account_id,
                    "source_id": a["id"],
                    "target_id": b["id"],
                    "kind": "influences",
                    "dotted": False,
                    "strength": self.rng.randint(1, 3),
                }
            )
        if self.rng.random() < 0.5:
            a, b = self.rng.sample(people, 2)
            lines.append(
                {
                    "account_id": account_id,
                    "source_id": a["id"],
                    "target_id": b["id"],
                    "kind": "conflicts_with",
                    "dotted": False,
                    "strength": 2,
                }
            )
        return lines

    def _plays(self, account: dict[str, Any], people: list[dict[str, Any]]) -> Iterator[dict]:
        for n in range(PLAYS_PER_ACCOUNT):
            template_id, lead = (
                self.rng.choice(self.templates) if self.templates else (None, "joint")
            )
            start = self.today + timedelta(days=self.rng.randrange(-180, 180))
            play_id = self.uid()
            targets = self.rng.sample(people, self.rng.randint(1, 3))
            yield {
                "id": play_id,
                "account_id": account["id"],
                "template_id": template_id,
                "name": f"Play {n + 1}",
                "lead_function": lead,
                "sales_owner_id": account["sales_owner_id"],
                "marketing_owner_id": account["marketing_owner_id"],
                "start_on": start,
                "end_on": start + timedelta(days=self.rng.randrange(14, 90)),
                "budget": float(self.rng.randrange(1, 50) * 500),
                "status_id": self.pick(vocab.PLAY_STATUS),
                "expected_touches": self.rng.randint(2, 10),
                "outcome": "",
                "_targets": [
                    {"assignment_id": play_id, "stakeholder_id": t["id"]} for t in targets
                ],
            }

    def _touches(self, account: dict[str, Any], people: list[dict[str, Any]]) -> Iterator[dict]:
        for _ in range(TOUCHES_PER_ACCOUNT):
            function = self.rng.choice(vocab.TOUCH_FUNCTIONS)
            yield {
                "account_id": account["id"],
                "stakeholder_id": self.rng.choice(people)["id"],
                "occurred_on": self.today - timedelta(days=self.rng.randrange(0, 365)),
                "channel_id": self.pick(vocab.CHANNEL),
                "by_member_id": self.rng.choice(
                    self.sales if function == "sales" else self.marketing
                ),
                "function": function,
                "notes": "",
            }

    def _scores(self, account: dict[str, Any]) -> Iterator[dict]:
        for criterion in self.criteria:
            yield {
                "account_id": account["id"],
                "criterion_id": criterion,
                "score": self.rng.randint(0, 5),
                "justification": "",
            }

    def _whitespace(self, account: dict[str, Any]) -> Iterator[dict]:
        for solution in self.solutions:
            yield {
                "account_id": account["id"],
                "solution_id": solution,
                "status_id": self.pick(vocab.WHITESPACE),
                "notes": "",
            }

    def _objectives(self, account: dict[str, Any]) -> Iterator[dict]:
        for kind in ("customer", "ours"):
            yield {
                "account_id": account["id"],
                "kind": kind,
                "title": "Grow pipeline" if kind == "ours" else "Cut downtime",
                "metric": "EUR" if kind == "ours" else "% downtime",
                "target": 100.0,
                "actual": float(self.rng.randint(0, 120)),
                "unit": "",
                "owner_id": account["sales_owner_id"],
                "due_on": self.today + timedelta(days=self.rng.randrange(30, 365)),
                "status_id": self.pick(vocab.OBJECTIVE_STATUS),
            }


def _commercials(n: int) -> dict[str, Any]:
    """Pipeline, revenue won, margin and source of account ``n``.

    Drawn from a stream of their own, so the main sequence (and every id and record
    that came before these fields) stays what it was for a given seed.
    """
    money = random.Random(n)
    open_deal = money.random() < 0.45
    return {
        "pipeline_value": money.randrange(20, 3000) * 1000.0 if open_deal else None,
        "won_revenue": money.randrange(10, 2000) * 1000.0 if money.random() < 0.3 else None,
        "expected_margin_pct": float(money.randrange(15, 55)),
        "pipeline_source": money.choice(_SOURCES) if open_deal else "",
    }


def _group(rows: list[dict[str, Any]], key: str) -> dict[Any, list[dict[str, Any]]]:
    grouped: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row)
    return grouped
