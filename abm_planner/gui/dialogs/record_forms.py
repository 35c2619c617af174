"""Form dialogs for new records: an account, a stakeholder, a team member.

Each holds its Designer form, offers the plan's vocabularies and team in its combo
boxes, checks the typed values with the same field rules the services use, and
returns the values as a dict ready for ``create_account`` / ``create_stakeholder``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import (
    ACCOUNT_FIELDS,
    STAKEHOLDER_FIELDS,
    FieldKind,
    FieldSpec,
    coerce,
    field_map,
)
from abm_planner.errors import UserError
from abm_planner.gui.forms.ui_account_form import Ui_AccountForm
from abm_planner.gui.forms.ui_stakeholder_form import Ui_StakeholderForm
from abm_planner.gui.forms.ui_team_member_form import Ui_TeamMemberForm
from abm_planner.gui.views.choices import retired_label
from abm_planner.services.lookups import Member, Term, team_members, vocabulary
from abm_planner.services.plans import Plan

_ID_ROLE = Qt.ItemDataRole.UserRole
_CHECKED = Qt.CheckState.Checked
_ERROR_STYLE = "color: #d9483b;"


@dataclass(frozen=True, slots=True)
class FormChoices:
    """What the combo boxes offer: vocabulary terms by kind, and our team."""

    terms: dict[str, list[Term]] = field(default_factory=dict)
    members: list[Member] = field(default_factory=list)
    default_owner: str = ""

    @classmethod
    def for_plan(cls, plan: Plan, default_owner: str = "") -> FormChoices:
        kinds = (vocab.INDUSTRY, vocab.TIER, vocab.STAGE, vocab.ROLE, vocab.ATTITUDE,
                 vocab.INFLUENCE, vocab.COVERAGE, vocab.RELATIONSHIP)  # fmt: skip
        terms = {kind: vocabulary(plan, kind) for kind in kinds}
        return cls(terms, team_members(plan), default_owner)

    def owner(self, function: str) -> uuid.UUID | None:
        """The default owner's id if they work in ``function`` (sales or marketing)."""
        name = self.default_owner.strip().casefold()
        for member in self.members:
            if name and member.name.casefold() == name and member.function == function:
                return member.id
        return None


class _RecordForm(QDialog):
    """Shared behaviour: combo filling, OK enabled once the name is there, checked values."""

    specs: ClassVar[dict[str, FieldSpec]] = {}

    def _setup(self, name_edit: QLineEdit, error_label: QLabel, buttons: QDialogButtonBox) -> None:
        self._name_edit = name_edit
        self._error = error_label
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        error_label.setStyleSheet(_ERROR_STYLE)
        error_label.hide()
        name_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        self._ok.setEnabled(bool(self._name_edit.text().strip()))

    @staticmethod
    def _fill_terms(combo: QComboBox, terms: list[Term], none_label: str) -> None:
        """Offer the active terms; a retired one is there (hidden) for a record that holds it."""
        combo.addItem(none_label, None)
        for term in terms:
            combo.addItem(term.label if term.active else retired_label(term.label), term.id)
            if not term.active:
                view = combo.view()
                assert isinstance(view, QListView)
                view.setRowHidden(combo.count() - 1, True)

    @staticmethod
    def _fill_members(
        combo: QComboBox, members: list[Member], none_label: str, chosen: uuid.UUID | None
    ) -> None:
        combo.addItem(none_label, None)
        for member in members:
            combo.addItem(member.name, member.id)
        if chosen is not None:
            combo.setCurrentIndex(combo.findData(chosen))

    def raw_values(self) -> dict[str, Any]:
        raise NotImplementedError

    def values(self) -> dict[str, Any]:
        """The entered values, checked and normalised; raises ``UserError`` naming a field."""
        return {name: coerce(self.specs[name], value) for name, value in self.raw_values().items()}

    def accept(self) -> None:
        try:
            self.values()
        except UserError as error:
            self._error.setText(str(error))
            self._error.show()
            return
        super().accept()


def _text(widget: QLineEdit | QPlainTextEdit) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


class AccountFormDialog(_RecordForm):
    specs = field_map(ACCOUNT_FIELDS)

    def __init__(self, choices: FormChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AccountForm()
        self.ui.setupUi(self)
        none = self.tr("—")
        self._fill_terms(self.ui.industryCombo, choices.terms.get(vocab.INDUSTRY, []), none)
        self._fill_terms(self.ui.tierCombo, choices.terms.get(vocab.TIER, []), none)
        self._fill_terms(self.ui.stageCombo, choices.terms.get(vocab.STAGE, []), none)
        members = choices.members
        self._fill_members(self.ui.salesOwnerCombo, members, none, choices.owner("sales"))
        self._fill_members(self.ui.marketingOwnerCombo, members, none, choices.owner("marketing"))
        self._setup(self.ui.nameEdit, self.ui.errorLabel, self.ui.buttonBox)

    def raw_values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "name": ui.nameEdit.text(),
            "industry_id": ui.industryCombo.currentData(),
            "tier_id": ui.tierCombo.currentData(),
            "stage_id": ui.stageCombo.currentData(),
            "sales_owner_id": ui.salesOwnerCombo.currentData(),
            "marketing_owner_id": ui.marketingOwnerCombo.currentData(),
            "region": ui.regionEdit.text(),
            "country": ui.countryEdit.text(),
            "website": ui.websiteEdit.text(),
            "annual_revenue": ui.revenueEdit.text(),
            "employees": ui.employeesEdit.text(),
            "needs": _text(ui.needsEdit),
        }


class StakeholderFormDialog(_RecordForm):
    specs = field_map(STAKEHOLDER_FIELDS)

    def __init__(self, choices: FormChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StakeholderForm()
        self.ui.setupUi(self)
        none = self.tr("—")
        ui = self.ui
        for combo, kind in (
            (ui.attitudeCombo, vocab.ATTITUDE),
            (ui.influenceCombo, vocab.INFLUENCE),
            (ui.coverageCombo, vocab.COVERAGE),
            (ui.relationshipCombo, vocab.RELATIONSHIP),
        ):
            self._fill_terms(combo, choices.terms.get(kind, []), none)
        members = choices.members
        self._fill_members(ui.salesOwnerCombo, members, none, choices.owner("sales"))
        self._fill_members(ui.marketingOwnerCombo, members, none, choices.owner("marketing"))
        for term in choices.terms.get(vocab.ROLE, []):
            item = QListWidgetItem(term.label if term.active else retired_label(term.label))
            item.setData(_ID_ROLE, term.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            ui.rolesList.addItem(item)
            item.setHidden(not term.active)  # shown only once a stakeholder's roles check it
        ui.rolesList.itemChanged.connect(
            lambda item: item.setHidden(item.isHidden() and item.checkState() != _CHECKED)
        )
        self._setup(ui.nameEdit, ui.errorLabel, ui.buttonBox)

    def raw_values(self) -> dict[str, Any]:
        ui = self.ui
        roles = [ui.rolesList.item(row) for row in range(ui.rolesList.count())]
        return {
            "name": ui.nameEdit.text(),
            "title": ui.titleEdit.text(),
            "department": ui.departmentEdit.text(),
            "email": ui.emailEdit.text(),
            "phone": ui.phoneEdit.text(),
            "role_ids": [
                r.data(_ID_ROLE) for r in roles if r.checkState() == Qt.CheckState.Checked
            ],
            "attitude_id": ui.attitudeCombo.currentData(),
            "influence_id": ui.influenceCombo.currentData(),
            "inner_circle": ui.innerCircleCheck.isChecked(),
            "coverage_id": ui.coverageCombo.currentData(),
            "relationship_id": ui.relationshipCombo.currentData(),
            "sales_owner_id": ui.salesOwnerCombo.currentData(),
            "marketing_owner_id": ui.marketingOwnerCombo.currentData(),
        }


TEAM_MEMBER_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "Name", FieldKind.TEXT, required=True, max_length=200),
    FieldSpec("title", "Title", FieldKind.TEXT, max_length=200),
    FieldSpec("email", "Email", FieldKind.TEXT, max_length=320),
    FieldSpec("function", "Function", FieldKind.TEXT, required=True, max_length=20),
)


class TeamMemberFormDialog(_RecordForm):
    """A person on our side; ``function`` is one of ``vocabularies.TEAM_FUNCTIONS``."""

    specs = field_map(TEAM_MEMBER_FIELDS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TeamMemberForm()
        self.ui.setupUi(self)
        assert self.ui.functionCombo.count() == len(vocab.TEAM_FUNCTIONS)
        self._setup(self.ui.nameEdit, self.ui.errorLabel, self.ui.buttonBox)

    def raw_values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "name": ui.nameEdit.text(),
            "title": ui.titleEdit.text(),
            "email": ui.emailEdit.text(),
            "function": vocab.TEAM_FUNCTIONS[ui.functionCombo.currentIndex()],
        }
