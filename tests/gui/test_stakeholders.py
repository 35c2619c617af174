"""The Stakeholders tab: editing through the model and its delegates, undo, deletion."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QListWidget, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from abm_planner.gui.models.record_table import VALUE_ROLE
from abm_planner.gui.models.stakeholders import STAKEHOLDER_COLUMN_FIELDS, StakeholderTableModel
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.choices import find_choice
from abm_planner.gui.views.delegates import MemberDelegate, RolesDelegate, TermDelegate
from abm_planner.gui.views.stakeholders_tab import StakeholdersTab
from abm_planner.services import accounts, lookups, stakeholders
from abm_planner.services.plans import open_plan
from abm_planner.services.summary import plan_summary

pytestmark = [
    pytest.mark.usefixtures("dialogs"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

COLUMN = {name: number for number, name in enumerate(STAKEHOLDER_COLUMN_FIELDS)}


@pytest.fixture
def account(context: PlanContext) -> accounts.AccountRow:
    return max(accounts.list_accounts(context.plan), key=lambda row: row.stakeholders)


@pytest.fixture
def tab(qtbot: QtBot, context: PlanContext, account: accounts.AccountRow) -> StakeholdersTab:
    widget = StakeholdersTab(context)
    qtbot.addWidget(widget)
    widget.show_account(account.id)
    return widget


def term(context: PlanContext, kind: str, key: str) -> lookups.Term:
    return next(t for t in lookups.vocabulary(context.plan, kind) if t.key == key)


def cell(model: StakeholderTableModel, row: int, field: str) -> QModelIndex:
    return model.index(row, COLUMN[field])


def test_model_passes_the_model_tester(
    qtmodeltester, context: PlanContext, account: accounts.AccountRow
) -> None:
    model = StakeholderTableModel(context)
    model.set_account(account.id)
    assert model.rowCount() == account.stakeholders
    qtmodeltester.check(model)


def test_columns_show_labels(tab: StakeholdersTab, context: PlanContext) -> None:
    model = tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Name",
        "Title",
        "Department",
        "Buying roles",
        "Attitude",
        "Influence",
        "Inner circle",
        "Coverage",
        "Sales owner",
        "Marketing owner",
    ]
    labels = {t.id: t.label for t in lookups.vocabulary(context.plan, "attitude")}
    for row in range(model.rowCount()):
        record = model.record(row)
        shown = cell(model, row, "attitude_id").data()
        assert shown == labels.get(record.values["attitude_id"], "")
        state = cell(model, row, "inner_circle").data(Qt.ItemDataRole.CheckStateRole)
        assert (state == Qt.CheckState.Checked) == record.values["inner_circle"]


def test_attitude_cells_are_tinted(tab: StakeholdersTab, context: PlanContext) -> None:
    model = tab.model
    enemy = term(context, "attitude", "enemy")
    mentor = term(context, "attitude", "mentor")
    model.setData(cell(model, 0, "attitude_id"), enemy.id)
    model.setData(cell(model, 1, "attitude_id"), mentor.id)
    row_of = {model.record(r).values["attitude_id"]: r for r in range(model.rowCount())}
    red = cell(model, row_of[enemy.id], "attitude_id").data(Qt.ItemDataRole.BackgroundRole)
    green = cell(model, row_of[mentor.id], "attitude_id").data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(red, QColor)
    assert isinstance(green, QColor)
    assert red.red() > red.green()
    assert green.green() > green.red()
    assert red.alpha() < 128  # subtle


def test_set_attitude_is_saved_and_undoable(
    tab: StakeholdersTab, context: PlanContext, account: accounts.AccountRow
) -> None:
    model = tab.model
    person = model.record(0)
    mentor = term(context, "attitude", "mentor")
    assert person.values["attitude_id"] != mentor.id
    assert model.setData(cell(model, 0, "attitude_id"), mentor.id)
    row = model.row_of(person.id)
    assert cell(model, row, "attitude_id").data() == "Mentor"
    assert context.undo_stack.undoText() == f"Change attitude of {person.values['name']}"

    reopened = open_plan(context.plan.path, read_only=True)
    try:
        saved = stakeholders.get_stakeholder(reopened, person.id)
        assert saved.values["attitude_id"] == mentor.id
    finally:
        reopened.close()

    context.undo_stack.undo()
    row = model.row_of(person.id)
    assert cell(model, row, "attitude_id").data(VALUE_ROLE) == person.values["attitude_id"]
    context.undo_stack.redo()
    assert cell(model, model.row_of(person.id), "attitude_id").data(VALUE_ROLE) == mentor.id


def test_inner_circle_is_a_checkbox(tab: StakeholdersTab) -> None:
    model = tab.model
    index = cell(model, 0, "inner_circle")
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    person = model.record(0)
    flipped = (
        Qt.CheckState.Unchecked.value if person.values["inner_circle"] else Qt.CheckState.Checked
    )
    assert model.setData(index, flipped, Qt.ItemDataRole.CheckStateRole)
    row = model.row_of(person.id)
    assert model.record(row).values["inner_circle"] is not person.values["inner_circle"]


def test_delegates_offer_the_vocabularies(
    qtbot: QtBot, tab: StakeholdersTab, context: PlanContext
) -> None:
    model, table = tab.model, tab.table
    option = QStyleOptionViewItem()

    influence = cell(model, 0, "influence_id")
    delegate = table.itemDelegateForColumn(COLUMN["influence_id"])
    assert isinstance(delegate, TermDelegate)
    combo = delegate.createEditor(table.viewport(), option, influence)
    qtbot.addWidget(combo)
    assert isinstance(combo, QComboBox)
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["—", "Low", "Medium", "High"]
    delegate.setEditorData(combo, influence)
    assert combo.currentData() == model.record(0).values["influence_id"]
    high = term(context, "influence", "high")
    person = model.record(0)
    combo.setCurrentIndex(find_choice(combo, high.id))
    delegate.setModelData(combo, model, influence)
    assert stakeholders.get_stakeholder(context.plan, person.id).values["influence_id"] == high.id

    owner = table.itemDelegateForColumn(COLUMN["sales_owner_id"])
    assert isinstance(owner, MemberDelegate)
    members = owner.createEditor(table.viewport(), option, cell(model, 0, "sales_owner_id"))
    qtbot.addWidget(members)
    assert members.count() == len(lookups.team_members(context.plan)) + 1


def test_roles_are_a_multi_select(qtbot: QtBot, tab: StakeholdersTab, context: PlanContext) -> None:
    model, table = tab.model, tab.table
    person = model.record(0)
    index = cell(model, 0, "role_ids")
    delegate = table.itemDelegateForColumn(COLUMN["role_ids"])
    assert isinstance(delegate, RolesDelegate)
    editor = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), index)
    qtbot.addWidget(editor)
    assert isinstance(editor, QListWidget)
    delegate.setEditorData(editor, index)
    checked = {
        editor.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(editor.count())
        if editor.item(i).checkState() == Qt.CheckState.Checked
    }
    assert checked == set(person.values["role_ids"])
    champion = term(context, "role", "champion")
    sponsor = term(context, "role", "executive_sponsor")
    for i in range(editor.count()):
        wanted = editor.item(i).data(Qt.ItemDataRole.UserRole) in (champion.id, sponsor.id)
        editor.item(i).setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    delegate.setModelData(editor, model, index)
    saved = stakeholders.get_stakeholder(context.plan, person.id).values["role_ids"]
    assert set(saved) == {champion.id, sponsor.id}
    shown = cell(model, model.row_of(person.id), "role_ids").data()
    assert shown == "Champion, Executive Sponsor"


def test_invalid_name_shows_a_message_and_keeps_the_data(
    qtbot: QtBot, tab: StakeholdersTab, context: PlanContext, dialogs
) -> None:
    model = tab.model
    person = model.record(0)
    assert not model.setData(cell(model, 0, "name"), "   ")
    qtbot.waitUntil(lambda: dialogs.warnings == ["Name cannot be empty."])
    assert stakeholders.get_stakeholder(context.plan, person.id).values == person.values
    assert context.undo_stack.count() == 0


def test_add_and_delete_with_buttons_and_undo(
    qtbot: QtBot,
    tab: StakeholdersTab,
    context: PlanContext,
    account: accounts.AccountRow,
    dialogs,
) -> None:
    model = tab.model
    before = plan_summary(context.plan)
    dialogs.text = ("Nina Newcomer", True)
    with qtbot.waitSignal(model.rowsInserted):
        tab.add_button.click()
    assert model.rowCount() == account.stakeholders + 1
    selected = tab.table.selectionModel().selectedRows()
    assert [model.record(index.row()).values["name"] for index in selected] == ["Nina Newcomer"]
    context.undo_stack.undo()
    assert model.rowCount() == account.stakeholders

    tab.select_stakeholder(model.record(0).id)
    assert tab.delete_button.isEnabled()
    doomed = model.record(0)
    with qtbot.waitSignal(model.rowsRemoved):
        tab.delete_button.click()
    assert doomed.values["name"] in dialogs.questions[-1]
    assert model.row_of(doomed.id) is None
    context.undo_stack.undo()
    assert model.row_of(doomed.id) is not None
    assert plan_summary(context.plan) == before


def test_delete_key_removes_the_selected_rows(
    qtbot: QtBot, tab: StakeholdersTab, context: PlanContext, account: accounts.AccountRow
) -> None:
    tab.show()
    model = tab.model
    tab.table.selectRow(0)
    tab.table.selectionModel().select(
        model.index(1, 0),
        tab.table.selectionModel().SelectionFlag.Select
        | tab.table.selectionModel().SelectionFlag.Rows,
    )
    tab.table.setFocus()
    qtbot.waitUntil(tab.table.hasFocus)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert model.rowCount() == account.stakeholders - 2
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert model.rowCount() == account.stakeholders


def test_read_only_plan_allows_no_edits(qtbot: QtBot, read_only_context: PlanContext) -> None:
    widget = StakeholdersTab(read_only_context)
    qtbot.addWidget(widget)
    account = accounts.list_accounts(read_only_context.plan)[0]
    widget.show_account(account.id)
    model = widget.model
    assert model.rowCount() == account.stakeholders
    for column in range(model.columnCount()):
        flags = model.flags(model.index(0, column))
        assert not flags & Qt.ItemFlag.ItemIsEditable
        assert not flags & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(cell(model, 0, "name"), "Changed")
    assert not widget.add_button.isEnabled()
    widget.table.selectRow(0)
    assert not widget.delete_button.isEnabled()


def test_follows_deletion_and_restore_of_its_account(
    tab: StakeholdersTab, context: PlanContext, account: accounts.AccountRow
) -> None:
    snapshot = accounts.delete_account(context.plan, account.id)
    assert tab.model.rowCount() == 0
    accounts.restore_deleted(context.plan, snapshot)
    assert tab.model.rowCount() == account.stakeholders


def test_editing_through_the_view(qtbot: QtBot, tab: StakeholdersTab, context: PlanContext) -> None:
    """Open the real cell editors the way a double-click does, and commit them."""
    tab.show()
    model, table = tab.model, tab.table
    person = model.record(0)

    coverage = cell(model, 0, "coverage_id")
    table.setCurrentIndex(coverage)
    table.edit(coverage)
    combo = table.indexWidget(coverage) or table.viewport().findChild(QComboBox)
    assert isinstance(combo, QComboBox)
    in_depth = term(context, "coverage", "in_depth")
    combo.setCurrentIndex(find_choice(combo, in_depth.id))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: table.viewport().findChild(QComboBox) is None)
    saved = stakeholders.get_stakeholder(context.plan, person.id).values
    assert saved["coverage_id"] == in_depth.id

    row = model.row_of(person.id)
    roles = cell(model, row, "role_ids")
    table.setCurrentIndex(roles)
    table.edit(roles)
    editor = table.viewport().findChild(QListWidget)
    assert isinstance(editor, QListWidget)
    other = term(context, "role", "other")
    for i in range(editor.count()):
        if editor.item(i).data(Qt.ItemDataRole.UserRole) == other.id:
            editor.item(i).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on the next turn of the loop
    wanted = {*person.values["role_ids"], other.id}
    qtbot.waitUntil(
        lambda: (
            set(stakeholders.get_stakeholder(context.plan, person.id).values["role_ids"]) == wanted
        )
    )
    assert context.undo_stack.count() == 2
