"""From a loaded ``AccountDMU`` to what the cards show, in the team's own words.

The DMU records carry scale values and role keys; the labels come from the plan's
vocabularies (a team may rename "Mentor" or add a role), read once per tab.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from abm_planner.dmu.records import AccountDMU, Person
from abm_planner.domain import vocabularies as vocab
from abm_planner.gui.models.lookups import PlanLookups
from abm_planner.gui.views.dmu_map.card_item import CardData
from abm_planner.gui.views.dmu_map.map_theme import ROLE_BADGES, initials, role_badge
from abm_planner.services.plans import Plan

LOOKUP_KINDS = (vocab.ROLE, vocab.ATTITUDE, vocab.INFLUENCE, vocab.COVERAGE)


def _badge(key: str, label: str) -> tuple[str, str]:
    """A role's badge; the built-in short texts are translatable, a team's own role
    shows the team's label."""
    text, category = role_badge(key, label)
    if key in ROLE_BADGES:
        text = QCoreApplication.translate("DmuMapCard", text)
    return text, category


class CardLabels:
    """Role, attitude, influence and coverage labels by key or value."""

    def __init__(self, plan: Plan) -> None:
        self._lookups = PlanLookups(plan, LOOKUP_KINDS)
        self.reload()

    def reload(self) -> None:
        self._lookups.reload()
        terms = self._lookups.terms
        self.roles = {t.key: (n, t.label) for n, t in enumerate(terms(vocab.ROLE))}
        self.by_value = {
            kind: {t.value: t.label for t in terms(kind)}
            for kind in (vocab.ATTITUDE, vocab.INFLUENCE, vocab.COVERAGE)
        }

    def card(self, person: Person, dmu: AccountDMU) -> CardData:
        keys = sorted(person.roles, key=lambda k: (self.roles.get(k, (999, k))[0], k))
        labels = tuple(self.roles.get(k, (0, k))[1] for k in keys)
        owners = []
        for owner_id in (person.sales_owner_id, person.marketing_owner_id):
            owner = dmu.team.get(owner_id) if owner_id is not None else None
            if owner is not None:
                owners.append((initials(owner.name), owner.function, owner.name))
        return CardData(
            id=person.id,
            name=person.name,
            title=person.title,
            badges=tuple(_badge(k, label) for k, label in zip(keys, labels, strict=True)),
            role_labels=labels,
            attitude=person.attitude,
            attitude_label=self.by_value[vocab.ATTITUDE].get(person.attitude, ""),
            influence=person.influence,
            influence_label=self.by_value[vocab.INFLUENCE].get(person.influence, ""),
            inner_circle=person.inner_circle,
            owners=tuple(owners),
            coverage_label=self.by_value[vocab.COVERAGE].get(person.coverage, ""),
        )

    def cards(self, dmu: AccountDMU) -> list[CardData]:
        return [self.card(person, dmu) for person in dmu.ordered_people]
