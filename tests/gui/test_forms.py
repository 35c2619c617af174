"""Designer forms: every form builds, every committed form matches its .ui, dialogs behave.

The generated ``abm_planner/gui/forms/ui_*.py`` files are committed; this test
compiles each ``ui/*.ui`` again with the pinned ``pyside6-uic`` and fails when a
committed file is stale (fix: ``make forms``).
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from abm_planner.domain import vocabularies as vocab
from abm_planner.gui.dialogs.record_forms import (
    AccountFormDialog,
    FormChoices,
    StakeholderFormDialog,
    TeamMemberFormDialog,
)
from abm_planner.gui.dialogs.start_dialog import StartChoice, StartDialog
from abm_planner.services.lookups import Member, Term

ROOT = Path(__file__).resolve().parents[2]
UI_FOLDER = ROOT / "ui"
FORMS_FOLDER = ROOT / "abm_planner" / "gui" / "forms"
UI_FILES = sorted(UI_FOLDER.glob("*.ui"))
UIC = Path(sys.executable).with_name("pyside6-uic")


def _generated(ui_file: Path) -> Path:
    return FORMS_FOLDER / f"ui_{ui_file.stem}.py"


def test_each_ui_file_has_exactly_one_generated_form() -> None:
    assert UI_FILES, "no .ui files found"
    expected = {_generated(ui).name for ui in UI_FILES}
    committed = {path.name for path in FORMS_FOLDER.glob("ui_*.py")}
    assert committed == expected


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_committed_form_matches_its_ui_file(ui_file: Path, tmp_path: Path) -> None:
    fresh = tmp_path / _generated(ui_file).name
    subprocess.run([str(UIC), str(ui_file), "-o", str(fresh)], check=True)
    assert fresh.read_text(encoding="utf-8") == _generated(ui_file).read_text(encoding="utf-8"), (
        f"{_generated(ui_file).name} is stale; run `make forms` and commit the result"
    )


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_every_form_builds(qtbot, ui_file: Path) -> None:
    module = importlib.import_module(f"abm_planner.gui.forms.ui_{ui_file.stem}")
    (form_class,) = [value for name, value in vars(module).items() if name.startswith("Ui_")]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = form_class()
    form.setupUi(dialog)
    assert dialog.windowTitle()
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None


def _terms(kind: str, *labels: str) -> list[Term]:
    return [Term(uuid.uuid4(), f"{kind}{n}", label, n) for n, label in enumerate(labels)]


@pytest.fixture
def choices() -> FormChoices:
    terms = {
        vocab.INDUSTRY: _terms("i", "Manufacturing", "Retail"),
        vocab.TIER: _terms("t", "Strategic (1:1)", "Scale (1:few)"),
        vocab.STAGE: _terms("s", "Aware", "Engaged"),
        vocab.ROLE: _terms("r", "Economic Buyer", "Champion", "Blocker"),
        vocab.ATTITUDE: _terms("a", "Neutral", "Supporter"),
        vocab.INFLUENCE: _terms("f", "Low", "High"),
        vocab.COVERAGE: _terms("c", "None", "In depth"),
        vocab.RELATIONSHIP: _terms("l", "Vendor", "Trusted advisor"),
    }
    members = [
        Member(uuid.uuid4(), "Claire Dubois", "sales", "Account manager"),
        Member(uuid.uuid4(), "Mia Jansen", "marketing", "Field marketer"),
    ]
    return FormChoices(terms, members, default_owner="claire dubois")


def _ok(dialog: QDialog) -> QPushButton:
    return dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)


def test_account_form_returns_checked_values(qtbot, choices: FormChoices) -> None:
    dialog = AccountFormDialog(choices)
    qtbot.addWidget(dialog)
    assert not _ok(dialog).isEnabled(), "a name is required"
    dialog.ui.nameEdit.setText("  Fjord Logistics ")
    assert _ok(dialog).isEnabled()
    dialog.ui.tierCombo.setCurrentIndex(1)
    dialog.ui.revenueEdit.setText("1,200,000")
    dialog.ui.employeesEdit.setText("340")
    values = dialog.values()
    assert values["name"] == "Fjord Logistics"
    assert values["tier_id"] == choices.terms[vocab.TIER][0].id
    assert values["industry_id"] is None
    assert values["annual_revenue"] == 1_200_000
    assert values["employees"] == 340
    assert values["sales_owner_id"] == choices.members[0].id, "the default owner is preselected"
    assert values["marketing_owner_id"] is None


def test_account_form_shows_a_wrong_value_and_stays_open(qtbot, choices: FormChoices) -> None:
    dialog = AccountFormDialog(choices)
    qtbot.addWidget(dialog)
    dialog.ui.nameEdit.setText("Fjord Logistics")
    dialog.ui.employeesEdit.setText("many")
    _ok(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Rejected, "still open"
    assert "Employees" in dialog.ui.errorLabel.text()
    assert not dialog.ui.errorLabel.isHidden()
    dialog.ui.employeesEdit.setText("12")
    _ok(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_stakeholder_form_returns_roles_and_terms(qtbot, choices: FormChoices) -> None:
    dialog = StakeholderFormDialog(choices)
    qtbot.addWidget(dialog)
    dialog.ui.nameEdit.setText("Ingrid Berg")
    dialog.ui.titleEdit.setText("CFO")
    dialog.ui.rolesList.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.ui.rolesList.item(2).setCheckState(Qt.CheckState.Checked)
    dialog.ui.attitudeCombo.setCurrentIndex(2)
    dialog.ui.innerCircleCheck.setChecked(True)
    values = dialog.values()
    roles = choices.terms[vocab.ROLE]
    assert values["name"] == "Ingrid Berg"
    assert values["title"] == "CFO"
    assert values["role_ids"] == sorted([roles[0].id, roles[2].id], key=str)
    assert values["attitude_id"] == choices.terms[vocab.ATTITUDE][1].id
    assert values["inner_circle"] is True
    assert values["coverage_id"] is None


def test_team_member_form_returns_a_function(qtbot) -> None:
    dialog = TeamMemberFormDialog()
    qtbot.addWidget(dialog)
    dialog.ui.nameEdit.setText("Tom Weber")
    dialog.ui.functionCombo.setCurrentIndex(1)
    assert dialog.values() == {
        "name": "Tom Weber",
        "title": "",
        "email": "",
        "function": "marketing",
    }


def test_start_dialog_stays_open_until_a_plan_opens(qtbot, tmp_path: Path) -> None:
    recent = tmp_path / "Q3 plan.abmplan"
    outcomes = iter([False, True])
    chosen: list[tuple[StartChoice, Path | None]] = []

    def perform(choice: StartChoice, path: Path | None) -> bool:
        chosen.append((choice, path))
        return next(outcomes)

    dialog = StartDialog([recent], perform)
    qtbot.addWidget(dialog)
    dialog.ui.openButton.click()
    assert dialog.result() == QDialog.DialogCode.Rejected, "a cancelled choice keeps it open"
    dialog.ui.recentList.itemActivated.emit(dialog.ui.recentList.item(0))
    assert chosen == [(StartChoice.OPEN, None), (StartChoice.RECENT, recent)]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_start_dialog_hides_an_empty_recent_list(qtbot) -> None:
    dialog = StartDialog([], lambda _choice, _path: False)
    qtbot.addWidget(dialog)
    assert dialog.ui.recentList.isHidden()
