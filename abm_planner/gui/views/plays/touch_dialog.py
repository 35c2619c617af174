"""The dialog to log a touch (who, when, how, by whom, for which play), or correct one.

It holds its Designer form (``ui/touch_form.ui``). Choosing who made the touch sets
the function from that team member's function (a marketer's touch is marketing's),
which the user may still change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import coerce, field_map
from abm_planner.errors import UserError
from abm_planner.gui.forms.ui_touch_form import Ui_TouchForm
from abm_planner.gui.views.choices import choose, fill_choices, keep_retired, term_choices
from abm_planner.plays.fields import TOUCH_FIELDS, check_touch_function
from abm_planner.services.lookups import Member, Term, team_members, vocabulary
from abm_planner.services.plans import Plan
from abm_planner.services.plays import list_assignments
from abm_planner.services.stakeholders import list_stakeholders

_SPECS = field_map(TOUCH_FIELDS)
FUNCTION_LABELS = {"marketing": "Marketing", "sales": "Sales"}


@dataclass(frozen=True, slots=True)
class TouchChoices:
    """The account's people and plays, the channels, and our team."""

    people: list[tuple[str, uuid.UUID]]
    plays: list[tuple[str, uuid.UUID]]
    channels: list[Term]
    members: list[Member]

    @classmethod
    def for_account(cls, plan: Plan, account_id: uuid.UUID) -> TouchChoices:
        people = [(row.values["name"], row.id) for row in list_stakeholders(plan, account_id)]
        plays = [
            (f"{row.name} ({row.start_on.isoformat()})" if row.start_on else row.name, row.id)
            for row in list_assignments(plan, account_id)
        ]
        return cls(people, plays, vocabulary(plan, vocab.CHANNEL), team_members(plan))


class LogTouchDialog(QDialog):
    """Log one touch; ``stakeholder_id`` and ``assignment_id`` preselect the person and play."""

    def __init__(
        self,
        choices: TouchChoices,
        parent: QWidget | None = None,
        *,
        stakeholder_id: uuid.UUID | None = None,
        assignment_id: uuid.UUID | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_TouchForm()
        self.ui.setupUi(self)
        ui = self.ui
        self._functions = {m.id: m.function for m in choices.members}
        fill_choices(ui.stakeholderCombo, self.tr("— choose —"), choices.people)
        channels, self._retired_channels = term_choices(choices.channels)
        fill_choices(ui.channelCombo, self.tr("—"), channels)
        fill_choices(ui.byCombo, self.tr("—"), [(m.name, m.id) for m in choices.members])
        fill_choices(ui.playCombo, self.tr("— no play —"), choices.plays)
        for key in vocab.TOUCH_FUNCTIONS:
            ui.functionCombo.addItem(self.tr(FUNCTION_LABELS[key]), key)
        choose(ui.stakeholderCombo, stakeholder_id)
        choose(ui.playCombo, assignment_id)
        day = today or date.today()
        ui.dateEdit.setDate(QDate(day.year, day.month, day.day))
        ui.errorLabel.setStyleSheet("color: #d9483b;")
        ui.errorLabel.hide()
        ui.byCombo.activated.connect(self._by_chosen)
        ui.stakeholderCombo.currentIndexChanged.connect(self._update_ok)
        self._update_ok()

    def show_touch(self, values: dict[str, Any]) -> None:
        """Fill the form with a logged touch's values, to correct it."""
        ui = self.ui
        self.setWindowTitle(self.tr("Edit touch"))
        choose(ui.stakeholderCombo, values.get("stakeholder_id"))
        choose(ui.playCombo, values.get("assignment_id"))
        keep_retired(ui.channelCombo, values.get("channel_id"), self._retired_channels)
        choose(ui.channelCombo, values.get("channel_id"))
        choose(ui.byCombo, values.get("by_member_id"))
        index = ui.functionCombo.findData(values.get("function"))
        if index >= 0:
            ui.functionCombo.setCurrentIndex(index)
        day = values.get("occurred_on")
        if isinstance(day, date):
            ui.dateEdit.setDate(QDate(day.year, day.month, day.day))
        ui.notesEdit.setPlainText(values.get("notes") or "")
        self._update_ok()

    def _by_chosen(self, _index: int) -> None:
        function = self._functions.get(self.ui.byCombo.currentData())
        index = self.ui.functionCombo.findData(function)
        if index >= 0:
            self.ui.functionCombo.setCurrentIndex(index)

    def _update_ok(self) -> None:
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.ui.stakeholderCombo.currentData() is not None)

    def stakeholder_id(self) -> uuid.UUID | None:
        return self.ui.stakeholderCombo.currentData()  # type: ignore[no-any-return]

    def stakeholder_name(self) -> str:
        return self.ui.stakeholderCombo.currentText()

    def values(self) -> dict[str, Any]:
        """The touch's values for ``log_touch``, checked; raises ``UserError``."""
        ui = self.ui
        picked = ui.dateEdit.date()
        raw = {
            "occurred_on": date(picked.year(), picked.month(), picked.day()),
            "channel_id": ui.channelCombo.currentData(),
            "by_member_id": ui.byCombo.currentData(),
            "function": ui.functionCombo.currentData(),
            "notes": ui.notesEdit.toPlainText(),
        }
        values = {name: coerce(_SPECS[name], value) for name, value in raw.items()}
        values["function"] = check_touch_function(values["function"] or "sales")
        values["assignment_id"] = ui.playCombo.currentData()
        return values

    def accept(self) -> None:
        try:
            if self.stakeholder_id() is None:
                raise UserError(self.tr("Choose the stakeholder who was touched."))
            self.values()
        except UserError as error:
            self.ui.errorLabel.setText(str(error))
            self.ui.errorLabel.show()
            return
        super().accept()
