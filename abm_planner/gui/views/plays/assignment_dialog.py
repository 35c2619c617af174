"""The dialog to assign a play to an account, or to edit one.

It holds its Designer form (``ui/play_assignment_form.ui``). Picking a play from the
library fills in what the template knows — name, lead function, dates from its
duration, budget from its cost, typical touches — and, while no target is chosen,
ticks the stakeholders whose buying roles the play targets. Values are checked with
the same field rules the service uses before the dialog closes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import coerce, field_map
from abm_planner.errors import UserError
from abm_planner.gui.forms.ui_play_assignment_form import Ui_PlayAssignmentForm
from abm_planner.gui.views.choices import choose, fill_choices, keep_retired, term_choices
from abm_planner.plays.fields import ASSIGNMENT_FIELDS, check_lead_function
from abm_planner.plays.weeks import next_monday
from abm_planner.services.lookups import Member, Term, team_members, vocabulary
from abm_planner.services.plans import Plan
from abm_planner.services.play_templates import TemplateRow, list_templates
from abm_planner.services.stakeholders import list_stakeholders

_SPECS = field_map(ASSIGNMENT_FIELDS)
_ID = Qt.ItemDataRole.UserRole
LEAD_LABELS = {"marketing": "Marketing", "sales": "Sales", "joint": "Joint"}


@dataclass(frozen=True, slots=True)
class Person:
    id: uuid.UUID
    name: str
    title: str
    role_ids: frozenset[uuid.UUID]


@dataclass(frozen=True, slots=True)
class AssignmentChoices:
    """What the dialog offers: the library, statuses, our team, the account's people."""

    templates: list[TemplateRow]
    statuses: list[Term]
    roles: list[Term]
    members: list[Member]
    people: list[Person]
    owners: tuple[uuid.UUID | None, uuid.UUID | None] = (None, None)

    @classmethod
    def for_account(
        cls,
        plan: Plan,
        account_id: uuid.UUID,
        owners: tuple[uuid.UUID | None, uuid.UUID | None] = (None, None),
    ) -> AssignmentChoices:
        people = [
            Person(
                row.id,
                row.values["name"],
                row.values["title"],
                frozenset(row.values["role_ids"]),
            )
            for row in list_stakeholders(plan, account_id)
        ]
        return cls(
            list_templates(plan),
            vocabulary(plan, vocab.PLAY_STATUS),
            vocabulary(plan, vocab.ROLE),
            team_members(plan),
            people,
            owners,
        )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _money_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


class PlayAssignmentDialog(QDialog):
    """New play (``values`` is None) or edit one (``values`` from ``get_assignment``)."""

    def __init__(
        self,
        choices: AssignmentChoices,
        values: dict[str, Any] | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PlayAssignmentForm()
        self.ui.setupUi(self)
        self._choices = choices
        self._templates = {t.id: t for t in choices.templates}
        self._role_keys = {t.id: t.key for t in choices.roles}
        self._role_labels = {t.key: t.label for t in choices.roles}
        self._initial = dict(values or {})
        self._last_template: TemplateRow | None = None
        self._last_start = date.today()
        self._fill_lists()
        ui = self.ui
        ui.errorLabel.setStyleSheet("color: #d9483b;")
        ui.errorLabel.hide()
        ui.nameEdit.textChanged.connect(self._update_ok)
        ui.templateCombo.activated.connect(self._template_chosen)
        ui.startEdit.dateChanged.connect(self._start_changed)
        if values is None:
            self.setWindowTitle(self.tr("Assign a play"))
            start = next_monday(today or date.today())
            self._show(
                {
                    "start_on": start,
                    "end_on": start + timedelta(days=29),
                    "sales_owner_id": choices.owners[0],
                    "marketing_owner_id": choices.owners[1],
                    "lead_function": "joint",
                }
            )
        else:
            self.setWindowTitle(self.tr("Edit play"))
            self._show(values)
            self._last_template = self._templates.get(values.get("template_id"))  # type: ignore[arg-type]
        self._update_hint()
        self._update_ok()

    # -- filling ------------------------------------------------------------------------
    def _fill_lists(self) -> None:
        ui = self.ui
        fill_choices(
            ui.templateCombo, self.tr("— none —"), [(t.name, t.id) for t in self._choices.templates]
        )
        ui.leadCombo.clear()
        for key in vocab.LEAD_FUNCTIONS:
            ui.leadCombo.addItem(self.tr(LEAD_LABELS[key]), key)
        statuses, self._retired_statuses = term_choices(self._choices.statuses)
        fill_choices(ui.statusCombo, self.tr("—"), statuses)
        members = [(m.name, m.id) for m in self._choices.members]
        fill_choices(ui.salesOwnerCombo, self.tr("— nobody —"), members)
        fill_choices(ui.marketingOwnerCombo, self.tr("— nobody —"), members)
        for person in self._choices.people:
            text = f"{person.name} — {person.title}" if person.title else person.name
            item = QListWidgetItem(text, ui.targetsList)
            item.setData(_ID, person.id)
            roles = [self._role_labels.get(self._role_keys.get(r, ""), "") for r in person.role_ids]
            item.setToolTip(", ".join(r for r in roles if r))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def _show(self, values: dict[str, Any]) -> None:
        ui = self.ui
        choose(ui.templateCombo, values.get("template_id"))
        ui.nameEdit.setText(str(values.get("name") or ""))
        ui.leadCombo.setCurrentIndex(max(ui.leadCombo.findData(values.get("lead_function")), 0))
        if values.get("status_id") is not None or "status_id" in values:
            keep_retired(ui.statusCombo, values.get("status_id"), self._retired_statuses)
            choose(ui.statusCombo, values.get("status_id"))
        if ui.statusCombo.currentData() is None and "status_id" not in values:
            planned = next((t.id for t in self._choices.statuses if t.key == "planned"), None)
            choose(ui.statusCombo, planned)
        start = values.get("start_on") or next_monday(date.today())
        end = values.get("end_on") or start
        ui.startEdit.blockSignals(True)
        ui.startEdit.setDate(_qdate(start))
        ui.startEdit.blockSignals(False)
        self._last_start = start
        ui.endEdit.setDate(_qdate(end))
        choose(ui.salesOwnerCombo, values.get("sales_owner_id"))
        choose(ui.marketingOwnerCombo, values.get("marketing_owner_id"))
        ui.budgetEdit.setText(_money_text(values.get("budget")))
        ui.touchesSpin.setValue(int(values.get("expected_touches") or 0))
        ui.outcomeEdit.setPlainText(str(values.get("outcome") or ""))
        self.set_targets(values.get("target_ids") or [])

    # -- reacting -----------------------------------------------------------------------
    def set_targets(self, ids: Any) -> None:
        wanted = set(ids)
        for row in range(self.ui.targetsList.count()):
            item = self.ui.targetsList.item(row)
            checked = item.data(_ID) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def target_ids(self) -> list[uuid.UUID]:
        items = (self.ui.targetsList.item(r) for r in range(self.ui.targetsList.count()))
        return [i.data(_ID) for i in items if i.checkState() == Qt.CheckState.Checked]

    def choose_template(self, template_id: uuid.UUID | None) -> None:
        """As if the user picked ``template_id`` in the library list."""
        choose(self.ui.templateCombo, template_id)
        self._template_chosen()

    def _template_chosen(self, _index: int = 0) -> None:
        ui = self.ui
        template = self._templates.get(ui.templateCombo.currentData())
        previous = self._last_template
        self._last_template = template
        if template is None:
            self._update_hint()
            return
        values = template.values
        name = ui.nameEdit.text().strip()
        if not name or (previous is not None and name == previous.name):
            ui.nameEdit.setText(template.name)
        ui.leadCombo.setCurrentIndex(max(ui.leadCombo.findData(values["lead_function"]), 0))
        start = _date(ui.startEdit.date())
        ui.endEdit.setDate(_qdate(start + timedelta(days=max(values["duration_days"], 1) - 1)))
        budget = ui.budgetEdit.text().strip()
        if not budget or (previous is not None and budget == _money_text(previous.values["cost"])):
            ui.budgetEdit.setText(_money_text(values["cost"]))
        touches = ui.touchesSpin.value()
        if touches == 0 or (previous is not None and touches == previous.values["typical_touches"]):
            ui.touchesSpin.setValue(int(values["typical_touches"] or 0))
        if not self.target_ids():
            wanted = set(values["role_ids"])
            self.set_targets(p.id for p in self._choices.people if p.role_ids & wanted)
        self._update_hint()

    def _start_changed(self, new: QDate) -> None:
        """Moving the start moves the end too: the play keeps its length."""
        start = _date(new)
        shift = start - self._last_start
        self._last_start = start
        self.ui.endEdit.setDate(_qdate(_date(self.ui.endEdit.date()) + shift))

    def _update_hint(self) -> None:
        template = self._templates.get(self.ui.templateCombo.currentData())
        if template is None or not template.role_keys:
            self.ui.targetsHint.setText(self.tr("Tick the people this play is aimed at."))
            return
        labels = sorted(self._role_labels.get(k, k) for k in template.role_keys)
        self.ui.targetsHint.setText(
            self.tr("This play targets: {roles}.").format(roles=", ".join(labels))
        )

    def _update_ok(self) -> None:
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.ui.nameEdit.text().strip()))

    # -- reading ------------------------------------------------------------------------
    def raw_values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "template_id": ui.templateCombo.currentData(),
            "name": ui.nameEdit.text(),
            "lead_function": ui.leadCombo.currentData(),
            "status_id": ui.statusCombo.currentData(),
            "start_on": _date(ui.startEdit.date()),
            "end_on": _date(ui.endEdit.date()),
            "sales_owner_id": ui.salesOwnerCombo.currentData(),
            "marketing_owner_id": ui.marketingOwnerCombo.currentData(),
            "budget": ui.budgetEdit.text(),
            "expected_touches": ui.touchesSpin.value(),
            "outcome": ui.outcomeEdit.toPlainText(),
            "target_ids": self.target_ids(),
        }

    def values(self) -> dict[str, Any]:
        """The entered values, checked; raises ``UserError`` naming the field."""
        raw = self.raw_values()
        clean = {name: coerce(_SPECS[name], value) for name, value in raw.items() if name in _SPECS}
        clean["lead_function"] = check_lead_function(clean["lead_function"] or "joint")
        if clean["end_on"] < clean["start_on"]:
            raise UserError(self.tr("The end must be on or after the start."))
        clean["template_id"] = raw["template_id"]
        clean["target_ids"] = sorted(raw["target_ids"], key=str)
        return clean

    def changes(self) -> dict[str, Any]:
        """Only what differs from the values the dialog opened with (for an edit)."""
        values = self.values()
        initial = dict(self._initial)
        if "target_ids" in initial:
            initial["target_ids"] = sorted(initial["target_ids"], key=str)
        return {k: v for k, v in values.items() if initial.get(k) != v}

    def accept(self) -> None:
        try:
            self.values()
        except UserError as error:
            self.ui.errorLabel.setText(str(error))
            self.ui.errorLabel.show()
            return
        super().accept()
