"""Plan ▸ Lists…: rename, add, retire and delete terms, undoably, seen by every open view."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import ACCOUNT_FIELDS
from abm_planner.gui.dialogs.lists_dialog import ListsDialog
from abm_planner.gui.dialogs.lists_dialog_model import NAME
from abm_planner.gui.models.lookups import PlanLookups
from abm_planner.gui.models.record_table import VALUE_ROLE
from abm_planner.gui.models.stakeholders import STAKEHOLDER_COLUMN_FIELDS, StakeholderTableModel
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.choices import term_choices
from abm_planner.gui.views.delegates import RolesDelegate, TermDelegate
from abm_planner.gui.views.field_editors import ChoiceEditor
from abm_planner.services import accounts, lookups
from abm_planner.services.vocabularies import ListTerm

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
ROLES = STAKEHOLDER_COLUMN_FIELDS.index("role_ids")
ATTITUDE = STAKEHOLDER_COLUMN_FIELDS.index("attitude_id")


def _term(context: PlanContext, kind: str, key: str) -> lookups.Term:
    return next(t for t in lookups.vocabulary(context.plan, kind) if t.key == key)


def _dialog(qtbot: QtBot, context: PlanContext, kind: str) -> ListsDialog:
    dialog = ListsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show_list(kind)
    return dialog


def _select(dialog: ListsDialog, key: str) -> None:
    term = next(t for t in dialog.model.rows if t.key == key)
    dialog.select(term.id)


def _chosen(dialog: ListsDialog) -> ListTerm:
    term = dialog.selected()
    assert term is not None
    return term


def _labels(dialog: ListsDialog) -> list[str]:
    return [row.label for row in dialog.model.rows]


@pytest.fixture
def people(context: PlanContext) -> StakeholderTableModel:
    """The stakeholder table of the demo account with the most people, as the tab shows it."""
    account = max(accounts.list_accounts(context.plan), key=lambda row: row.stakeholders)
    model = StakeholderTableModel(context)
    model.set_account(account.id)
    return model


def _row_with_role(model: StakeholderTableModel, role_id: object) -> int:
    return next(n for n in range(model.rowCount()) if role_id in model.record(n).values["role_ids"])


def test_a_rename_shows_in_the_stakeholder_table_and_undo_redo_bring_it_back(
    qtbot: QtBot, context: PlanContext, people: StakeholderTableModel, dialogs: Any
) -> None:
    champion = _term(context, vocab.ROLE, "champion")
    row = _row_with_role(people, champion.id)
    assert "Champion" in people.index(row, ROLES).data()
    dialog = _dialog(qtbot, context, vocab.ROLE)
    index = dialog.model.index(dialog.model.row_of(champion.id) or 0, NAME)
    assert dialog.model.setData(index, "Coach") is False  # written by the command, not here
    qtbot.waitUntil(lambda: "Coach" in people.index(row, ROLES).data())
    assert "Coach" in _labels(dialog)
    assert context.undo_stack.undoText() == "Rename Champion to Coach"
    context.undo_stack.undo()
    assert "Champion" in people.index(row, ROLES).data()
    assert "Champion" in _labels(dialog)
    context.undo_stack.redo()
    assert "Coach" in people.index(row, ROLES).data()
    # The same word twice in one list is refused with a sentence; nothing changes.
    dialog.model.setData(dialog.model.index(0, NAME), "coach")
    qtbot.waitUntil(lambda: bool(dialogs.warnings))
    assert dialogs.warnings == ["Buying roles already has “Coach”; choose another name."]
    assert _labels(dialog)[0] == "Economic Buyer"


def test_a_retired_term_is_not_offered_but_still_shown_where_used(
    qtbot: QtBot, context: PlanContext, people: StakeholderTableModel
) -> None:
    dialog = _dialog(qtbot, context, vocab.ROLE)
    champion = _term(context, vocab.ROLE, "champion")
    _select(dialog, "champion")
    assert not dialog.ui.retireButton.isEnabled()  # the DMU analysis needs a champion
    user = _term(context, vocab.ROLE, "decision_maker")
    _select(dialog, "decision_maker")
    assert dialog.ui.retireButton.isEnabled()
    dialog.ui.retireButton.click()
    assert _chosen(dialog).active is False
    assert dialog.model.index(dialog.model.row_of(user.id) or 0, 2).data() == "Retired"
    assert dialog.ui.retireButton.text() == "&Restore"

    holder = _row_with_role(people, user.id)
    other = next(n for n in range(people.rowCount()) if n != holder)
    assert "Decision Maker" in people.index(holder, ROLES).data()  # still shown
    delegate = RolesDelegate(people.lookups, vocab.ROLE)
    host = QWidget()
    qtbot.addWidget(host)
    for row, offered in ((holder, True), (other, False)):
        editor = delegate.createEditor(host, QStyleOptionViewItem(), people.index(row, ROLES))
        assert isinstance(editor, QListWidget)
        ids = [editor.item(i).data(Qt.ItemDataRole.UserRole) for i in range(editor.count())]
        assert (user.id in ids) is offered
        assert champion.id in ids
        editor.deleteLater()

    context.undo_stack.undo()
    assert _chosen(dialog).active is True


def test_a_scale_step_refuses_retirement_with_one_sentence(
    qtbot: QtBot, context: PlanContext, dialogs: Any
) -> None:
    dialog = _dialog(qtbot, context, vocab.ATTITUDE)
    assert not dialog.ui.addButton.isEnabled()
    _select(dialog, "enemy")
    assert not dialog.ui.retireButton.isEnabled()
    assert "scale the DMU analysis scores with" in dialog.ui.retireButton.toolTip()
    dialog.toggle_retired()  # even if asked directly: one sentence, nothing changes
    assert dialogs.warnings == [
        "“Enemy” can be renamed but not retired: attitudes are a scale the DMU analysis "
        "scores with."
    ]
    assert _chosen(dialog).active


def test_a_term_combo_offers_a_retired_term_only_to_the_record_that_holds_it(
    qtbot: QtBot, context: PlanContext
) -> None:
    at_risk = _term(context, vocab.OBJECTIVE_STATUS, "at_risk")
    dialog = _dialog(qtbot, context, vocab.OBJECTIVE_STATUS)
    _select(dialog, "at_risk")
    dialog.ui.retireButton.click()
    table = QStandardItemModel(2, 1)
    table.setData(table.index(0, 0), at_risk.id, VALUE_ROLE)
    delegate = TermDelegate(
        PlanLookups(context.plan, (vocab.OBJECTIVE_STATUS,)), "objective_status"
    )
    host = QWidget()
    qtbot.addWidget(host)
    for row, shown in ((0, True), (1, False)):
        combo = delegate.createEditor(host, QStyleOptionViewItem(), table.index(row, 0))
        assert isinstance(combo, QComboBox)
        delegate.setEditorData(combo, table.index(row, 0))
        texts = [combo.itemText(i) for i in range(combo.count())]
        assert ("At risk (retired)" in texts) is shown
        assert combo.currentText() == ("At risk (retired)" if shown else "—")
        combo.deleteLater()


def test_a_held_retired_term_shows_in_a_choice_editor_and_leaves_when_not_held(
    qtbot: QtBot, context: PlanContext
) -> None:
    terms = lookups.vocabulary(context.plan, vocab.INDUSTRY)
    retired = lookups.Term(terms[0].id, terms[0].key, terms[0].label, None, active=False)
    spec = next(s for s in ACCOUNT_FIELDS if s.name == "industry_id")
    parent = QComboBox()
    qtbot.addWidget(parent)
    editor = ChoiceEditor(spec, parent)
    editor.set_choices(*term_choices([retired, *terms[1:]]))
    items = lambda: [editor.combo.itemText(i) for i in range(editor.combo.count())]  # noqa: E731
    assert retired.label not in " ".join(items())
    editor.load(retired.id)
    assert editor.combo.currentText() == f"{retired.label} (retired)"
    editor.load(terms[1].id)
    assert f"{retired.label} (retired)" not in items()


def test_add_then_delete_an_unused_term_and_undo_each(
    qtbot: QtBot, context: PlanContext, dialogs: Any
) -> None:
    dialog = _dialog(qtbot, context, vocab.CHANNEL)
    before = _labels(dialog)
    dialogs.text = ("Trade show", True)
    dialog.ui.addButton.click()
    assert _labels(dialog) == [*before, "Trade show"]
    assert _chosen(dialog).label == "Trade show"
    assert dialog.ui.deleteButton.isEnabled()
    dialog.ui.deleteButton.click()
    assert dialogs.questions and "Trade show" in dialogs.questions[-1]
    assert _labels(dialog) == before
    context.undo_stack.undo()  # the delete
    assert _labels(dialog) == [*before, "Trade show"]
    context.undo_stack.undo()  # the add
    assert _labels(dialog) == before
    context.undo_stack.redo()
    assert _labels(dialog)[-1] == "Trade show"
    # A built-in or used term can't be deleted: the button says so by being off.
    _select(dialog, "email")
    assert not dialog.ui.deleteButton.isEnabled()


def test_move_and_rename_with_the_keyboard_and_undo(qtbot: QtBot, context: PlanContext) -> None:
    dialog = _dialog(qtbot, context, vocab.INDUSTRY)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    first, second = _labels(dialog)[:2]
    dialog.select(dialog.model.rows[0].id)
    dialog.ui.termsView.setFocus()
    qtbot.keyClick(dialog.ui.termsView, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _labels(dialog)[:2] == [second, first], timeout=2000)
    assert _chosen(dialog).label == first
    context.undo_stack.undo()
    assert _labels(dialog)[:2] == [first, second]
    # F2 edits the name in place; Enter saves it as one undo step.
    qtbot.keyClick(dialog.ui.termsView, Qt.Key.Key_F2)
    editor = dialog.ui.termsView.findChild(QLineEdit)
    assert editor is not None and editor.text() == first
    editor.selectAll()
    qtbot.keyClicks(editor, "Industrial")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _labels(dialog)[0] == "Industrial")
    assert context.undo_stack.undoText() == f"Rename {first} to Industrial"


def test_a_read_only_plan_opens_the_dialog_read_only(
    qtbot: QtBot, read_only_context: PlanContext
) -> None:
    dialog = _dialog(qtbot, read_only_context, vocab.ROLE)
    dialog.select(dialog.model.rows[3].id)
    buttons = [
        dialog.ui.addButton,
        dialog.ui.renameButton,
        dialog.ui.upButton,
        dialog.ui.downButton,
        dialog.ui.retireButton,
        dialog.ui.deleteButton,
    ]
    assert not any(button.isEnabled() for button in buttons)
    assert not dialog.model.flags(dialog.model.index(0, NAME)) & Qt.ItemFlag.ItemIsEditable
    assert "read-only" in dialog.ui.statusLabel.text()
