"""The account workspace and its Overview tab: in-place edits, errors inline, undo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from abm_planner.domain.fields import ACCOUNT_FIELDS
from abm_planner.gui.commands import EditAccountCommand, push
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views import account_workspace
from abm_planner.gui.views.account_workspace import AccountWorkspace, TabSpec
from abm_planner.gui.views.choices import find_choice
from abm_planner.gui.views.field_editors import (
    ChoiceEditor,
    DateEditor,
    LongTextEditor,
    NumberEditor,
    TextEditor,
)
from abm_planner.gui.views.overview_tab import OverviewTab
from abm_planner.gui.views.stakeholders_tab import StakeholdersTab
from abm_planner.services import accounts, lookups
from abm_planner.services.plans import open_plan

pytestmark = [
    pytest.mark.usefixtures("dialogs"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


@pytest.fixture
def account(context: PlanContext) -> accounts.AccountRow:
    return accounts.list_accounts(context.plan)[0]


@pytest.fixture
def overview(qtbot: QtBot, context: PlanContext, account: accounts.AccountRow) -> OverviewTab:
    tab = OverviewTab(context)
    qtbot.addWidget(tab)
    tab.show_account(account.id)
    return tab


def edit_line(qtbot: QtBot, editor: TextEditor | NumberEditor, text: str) -> None:
    """Type into a line edit as a user does, then finish with Enter."""
    editor.line.selectAll()
    editor.line.setText(text)
    editor.line.editingFinished.emit()


# -- the form ----------------------------------------------------------------------------


def test_every_account_field_has_an_editor_of_its_kind(overview: OverviewTab) -> None:
    assert set(overview.editors) == {spec.name for spec in ACCOUNT_FIELDS}
    kinds = {name: type(editor) for name, editor in overview.editors.items()}
    assert kinds["name"] is TextEditor
    assert kinds["needs"] is LongTextEditor
    assert kinds["tier_id"] is ChoiceEditor
    assert kinds["sales_owner_id"] is ChoiceEditor
    assert kinds["employees"] is NumberEditor
    assert kinds["annual_revenue"] is NumberEditor
    assert kinds["handed_off_on"] is DateEditor


def test_shows_the_stored_values(
    overview: OverviewTab, context: PlanContext, account: accounts.AccountRow
) -> None:
    values = accounts.get_account(context.plan, account.id)
    editors = overview.editors
    assert editors["name"].widget.text() == values["name"]
    assert editors["tier_id"].widget.currentText() == account.tier
    assert editors["sales_owner_id"].widget.currentText() == account.sales_owner
    assert editors["employees"].widget.text() == f"{values['employees']:,}"
    assert overview.fit_score.text() == f"{values['fit_score']:.0f} of 100"
    assert "Created" in overview.timestamps.text()
    tier = editors["tier_id"].widget
    assert tier.itemText(0) == "—"  # the empty choice
    assert [tier.itemText(i) for i in range(1, tier.count())] == [
        t.label for t in lookups.vocabulary(context.plan, "tier")
    ]


def test_text_edit_commits_once_and_undoes(
    qtbot: QtBot, overview: OverviewTab, context: PlanContext, account: accounts.AccountRow
) -> None:
    editor = overview.editors["name"]
    assert isinstance(editor, TextEditor)
    edit_line(qtbot, editor, "  Renamed Holdings  ")
    assert accounts.get_account(context.plan, account.id)["name"] == "Renamed Holdings"
    assert editor.widget.text() == "Renamed Holdings"
    assert context.undo_stack.count() == 1
    editor.line.editingFinished.emit()  # nothing changed: no second command
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert editor.widget.text() == account.name
    context.undo_stack.redo()
    assert editor.widget.text() == "Renamed Holdings"


def test_combo_choice_commits_at_once(
    overview: OverviewTab, context: PlanContext, account: accounts.AccountRow
) -> None:
    editor = overview.editors["stage_id"]
    assert isinstance(editor, ChoiceEditor)
    customer = next(t for t in lookups.vocabulary(context.plan, "stage") if t.key == "customer")
    editor.combo.setCurrentIndex(find_choice(editor.combo, customer.id))
    editor.combo.activated.emit(editor.combo.currentIndex())
    assert accounts.get_account(context.plan, account.id)["stage_id"] == customer.id
    editor.combo.setCurrentIndex(0)
    editor.combo.activated.emit(0)
    assert accounts.get_account(context.plan, account.id)["stage_id"] is None
    assert context.undo_stack.count() == 2


def test_numbers_accept_thousands_separators(
    overview: OverviewTab, context: PlanContext, account: accounts.AccountRow
) -> None:
    editor = overview.editors["annual_revenue"]
    assert isinstance(editor, NumberEditor)
    edit_line(None, editor, "12,500,000")
    assert accounts.get_account(context.plan, account.id)["annual_revenue"] == 12_500_000
    assert editor.widget.text() == "12,500,000"
    edit_line(None, editor, "")
    assert accounts.get_account(context.plan, account.id)["annual_revenue"] is None


def test_date_can_be_set_and_cleared(
    overview: OverviewTab, context: PlanContext, account: accounts.AccountRow
) -> None:
    editor = overview.editors["handed_off_on"]
    assert isinstance(editor, DateEditor)
    stored = accounts.get_account(context.plan, account.id)["handed_off_on"]
    assert editor.date_edit.value() == stored
    editor.date_edit.set_value(date(2026, 3, 31))
    editor.date_edit.editingFinished.emit()
    assert accounts.get_account(context.plan, account.id)["handed_off_on"] == date(2026, 3, 31)
    editor.clear_button.click()
    assert accounts.get_account(context.plan, account.id)["handed_off_on"] is None
    assert editor.date_edit.text() == "Not set"


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("name", "", "Name cannot be empty."),
        ("employees", "-40", "Employees must be a whole number of 0 or more."),
    ],
)
def test_refused_input_shows_inline_and_restores(
    overview: OverviewTab,
    context: PlanContext,
    account: accounts.AccountRow,
    dialogs,
    field: str,
    text: str,
    message: str,
) -> None:
    before = accounts.get_account(context.plan, account.id)
    editor = overview.editors[field]
    assert isinstance(editor, TextEditor | NumberEditor)
    shown_before = editor.line.text()
    edit_line(None, editor, text)
    assert editor.error.isVisibleTo(overview)
    assert editor.error.text() == message
    assert editor.widget.toolTip() == message
    assert editor.line.text() == shown_before
    assert accounts.get_account(context.plan, account.id) == before
    assert context.undo_stack.count() == 0
    assert dialogs.warnings == []  # inline, not a message box
    # a good edit clears the message
    edit_line(None, editor, "Good Name" if field == "name" else "120")
    assert editor.error.isHidden()


def test_follows_changes_made_elsewhere(
    overview: OverviewTab, context: PlanContext, account: accounts.AccountRow
) -> None:
    notes = accounts.get_account(context.plan, account.id)["notes"]
    push(context.undo_stack, EditAccountCommand(context, account.id, {"notes": "From elsewhere"}))
    assert overview.editors["notes"].widget.toPlainText() == "From elsewhere"
    context.undo_stack.undo()
    assert overview.editors["notes"].widget.toPlainText() == notes


def test_long_text_commits_when_focus_leaves(
    qtbot: QtBot, overview: OverviewTab, context: PlanContext, account: accounts.AccountRow
) -> None:
    overview.show()
    overview.activateWindow()
    needs = overview.editors["needs"]
    assert isinstance(needs, LongTextEditor)
    needs.text.setFocus()
    qtbot.waitUntil(needs.text.hasFocus)
    qtbot.keyClicks(needs.text, "Consolidate suppliers")
    overview.editors["region"].widget.setFocus()
    qtbot.waitUntil(
        lambda: "Consolidate suppliers" in accounts.get_account(context.plan, account.id)["needs"]
    )
    assert context.undo_stack.count() == 1


def test_read_only_plan_disables_every_editor(qtbot: QtBot, read_only_context: PlanContext) -> None:
    tab = OverviewTab(read_only_context)
    qtbot.addWidget(tab)
    tab.show_account(accounts.list_accounts(read_only_context.plan)[0].id)
    assert tab.editors["name"].widget.text()
    assert all(not editor.widget.isEnabled() for editor in tab.editors.values())


def test_edits_are_in_the_file(qtbot: QtBot, overview: OverviewTab, context: PlanContext) -> None:
    account_id = overview.account_id
    edit_line(qtbot, overview.editors["country"], "NO")
    path = context.plan.path
    reopened = open_plan(path, read_only=True)
    try:
        assert accounts.get_account(reopened, account_id)["country"] == "NO"
    finally:
        reopened.close()


# -- the workspace -----------------------------------------------------------------------


def test_workspace_empty_state_and_tabs(qtbot: QtBot, context: PlanContext) -> None:
    workspace = AccountWorkspace(context)
    qtbot.addWidget(workspace)
    workspace.show()
    message = workspace.empty_state.findChild(QLabel, "emptyWorkspaceMessage")
    assert "Select an account in the portfolio" in message.text()
    assert workspace.currentWidget() is workspace.empty_state
    assert not workspace.tabBar().isVisible()

    first = accounts.list_accounts(context.plan)[0]
    workspace.show_account(first.id)
    titles = [workspace.tabText(i) for i in range(len(workspace.tabs))]
    assert titles[:2] == ["Overview", "Stakeholders"]
    assert workspace.tabBar().isVisible()
    overview, people = workspace.tabs[:2]
    assert isinstance(overview, OverviewTab)
    assert isinstance(people, StakeholdersTab)
    assert overview.account_id == first.id
    assert people.account_id is None  # loaded when opened
    workspace.setCurrentWidget(people)
    assert people.account_id == first.id
    assert people.model.rowCount() == first.stakeholders

    # the chosen tab stays when the account changes, and undo history survives switching
    second = accounts.list_accounts(context.plan)[1]
    push(context.undo_stack, EditAccountCommand(context, first.id, {"region": "Nordics"}))
    workspace.show_account(second.id)
    assert workspace.currentWidget() is people
    assert people.account_id == second.id
    assert context.undo_stack.canUndo()
    context.undo_stack.undo()
    assert accounts.get_account(context.plan, first.id)["region"] == first.region

    workspace.show_account(None)
    assert workspace.currentWidget() is workspace.empty_state
    assert people.account_id is None


def test_workspace_empties_when_its_account_is_deleted(qtbot: QtBot, context: PlanContext) -> None:
    workspace = AccountWorkspace(context)
    qtbot.addWidget(workspace)
    first = accounts.list_accounts(context.plan)[0]
    workspace.show_account(first.id)
    accounts.delete_account(context.plan, first.id)
    assert workspace.account_id is None
    assert workspace.currentWidget() is workspace.empty_state


class NotesTab(QWidget):
    shown: list[object]

    def __init__(self, context: PlanContext) -> None:
        super().__init__()
        del context
        self.shown = []

    def show_account(self, account_id: object) -> None:
        self.shown.append(account_id)


def test_a_new_tab_is_one_line_in_the_registry(
    qtbot: QtBot, context: PlanContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        account_workspace,
        "WORKSPACE_TABS",
        [*account_workspace.WORKSPACE_TABS, TabSpec("Notes", NotesTab)],
    )
    workspace = AccountWorkspace(context)
    qtbot.addWidget(workspace)
    account_id = accounts.list_accounts(context.plan)[0].id
    workspace.show_account(account_id)
    titles = [workspace.tabText(i) for i in range(len(workspace.tabs))]
    assert titles[:2] == ["Overview", "Stakeholders"]
    assert titles[-1] == "Notes"
    notes = workspace.tabs[-1]
    assert isinstance(notes, NotesTab)
    workspace.setCurrentIndex(len(workspace.tabs) - 1)
    assert notes.shown[-1] == account_id
    assert notes.accessibleName() == "Notes"
