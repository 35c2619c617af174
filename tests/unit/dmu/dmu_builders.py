"""Hand-made DMUs for the engine's tests: people by name, healthy unless told otherwise."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from abm_planner.dmu.records import (
    CONFLICTS_WITH,
    INFLUENCES,
    REPORTS_TO,
    AccountDMU,
    Line,
    Owner,
    Person,
    Position,
)

TODAY = date(2026, 6, 1)
SELLER = Owner(uuid.UUID(int=1), "Sam Seller", "sales")
MARKETER = Owner(uuid.UUID(int=2), "Mia Marketer", "marketing")
_UNSET = object()


class DmuBuilder:
    """Build an ``AccountDMU`` step by step; ``person`` defaults make nobody a gap."""

    def __init__(self, account: str = "Test Account") -> None:
        self.account = account
        self.people: dict[str, Person] = {}
        self.lines: list[Line] = []
        self.positions: dict[str, dict[uuid.UUID, Position]] = {}

    def person(
        self,
        name: str,
        *roles: str,
        attitude: int | None = 0,
        influence: int | None = 2,
        inner_circle: bool = False,
        coverage: int | None = 2,
        owner: Owner | object | None = _UNSET,
        touched_days_ago: int | None = 10,
    ) -> DmuBuilder:
        chosen = SELLER if owner is _UNSET else owner
        assert chosen is None or isinstance(chosen, Owner)
        sales = chosen.id if chosen is not None and chosen.function == "sales" else None
        marketing = chosen.id if chosen is not None and chosen.function == "marketing" else None
        self.people[name] = Person(
            id=uuid.uuid5(uuid.NAMESPACE_URL, f"{self.account}/{name}"),
            name=name,
            roles=frozenset(roles),
            attitude=attitude,
            influence=influence,
            inner_circle=inner_circle,
            coverage=coverage,
            sales_owner_id=sales,
            marketing_owner_id=marketing,
            last_touched=(
                None if touched_days_ago is None else TODAY - timedelta(days=touched_days_ago)
            ),
        )
        return self

    def id(self, name: str) -> uuid.UUID:
        return self.people[name].id

    def reports(self, person: str, manager: str, *, dotted: bool = False) -> DmuBuilder:
        self.lines.append(Line(self.id(person), self.id(manager), REPORTS_TO, dotted))
        return self

    def influences(self, person: str, other: str, strength: int = 2) -> DmuBuilder:
        self.lines.append(Line(self.id(person), self.id(other), INFLUENCES, strength=strength))
        return self

    def conflict(self, person: str, other: str) -> DmuBuilder:
        self.lines.append(Line(self.id(person), self.id(other), CONFLICTS_WITH))
        return self

    def place(self, view: str, name: str, x: float, y: float) -> DmuBuilder:
        self.positions.setdefault(view, {})[self.id(name)] = (x, y)
        return self

    def build(self) -> AccountDMU:
        return AccountDMU(
            account_id=uuid.uuid5(uuid.NAMESPACE_URL, self.account),
            account=self.account,
            people=tuple(self.people.values()),
            lines=tuple(self.lines),
            team={SELLER.id: SELLER, MARKETER.id: MARKETER},
            positions=self.positions,
        )


def healthy() -> DmuBuilder:
    """A small DMU with nothing to report: covered economic buyer, champion, two threads."""
    return (
        DmuBuilder()
        .person("Ada Boss", "economic_buyer", influence=3, inner_circle=True, attitude=0)
        .person("Ben Champ", "champion", attitude=2, coverage=3)
        .person("Cy User", "user", attitude=1, influence=1, coverage=1, owner=None)
        .reports("Ben Champ", "Ada Boss")
        .reports("Cy User", "Ben Champ")
        .influences("Ben Champ", "Ada Boss", 3)
    )
