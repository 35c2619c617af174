"""The Agreement editor: what sales and marketing agreed, edited in one window.

Three tabs: the key-account criteria (weights; a change rescores every account), the
tiers with their thresholds and rules of engagement (with the rules shown in plain
words as accounts will show them), and the lead definition with the handoff stage.
Every change is one undo command on the plan's stack.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from abm_planner.agreements.engagement import TierRules, rules_in_words
from abm_planner.agreements.rubric import RubricCriterion, rubric_problems
from abm_planner.agreements.tiers import threshold_problems
from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.vocabularies import LEAD_FUNCTIONS
from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.commands import push
from abm_planner.gui.commands.agreement_commands import (
    delete_criterion_command,
    delete_lead_item_command,
    handoff_command,
    new_criterion_command,
    new_lead_item_command,
    reorder_criteria_command,
    reorder_lead_items_command,
)
from abm_planner.gui.commands.base import ServiceCommand
from abm_planner.gui.models.record_table import ID_ROLE
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement.cell_editors import FixedChoiceDelegate
from abm_planner.gui.views.agreement.editing import EditableTable
from abm_planner.gui.views.agreement.rubric_tables import (
    LEAD_LABELS,
    CriteriaModel,
    LeadItemsModel,
    TierRulesModel,
)
from abm_planner.gui.views.agreement.windows import add_undo_actions
from abm_planner.gui.views.choices import choose, fill_choices, keep_retired, term_choices
from abm_planner.gui.views.delegates import RolesDelegate
from abm_planner.gui.views.record_table import make_record_table
from abm_planner.services.changes import Change
from abm_planner.services.engagement_rules import handoff_stages

WARNING_STYLE = "color: #c77700;"


def _table(parent: QWidget, model: EditableTable, name: str) -> QTableView:  # type: ignore[type-arg]
    return make_record_table(parent, model, name)


class OrderedList(QWidget):
    """A table of an ordered agreement list with Add, Delete, Move up and Move down."""

    def __init__(
        self,
        context: PlanContext,
        model: EditableTable,  # type: ignore[type-arg]
        *,
        name: str,
        add: Callable[[], None],
        delete: Callable[[uuid.UUID], ServiceCommand],
        reorder: Callable[[list[uuid.UUID]], ServiceCommand],
        noun: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.model = context, model
        self._delete, self._reorder = delete, reorder
        self.table = _table(self, model, name)
        self.table.setAccessibleName(noun)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("add", self.tr("Add"), add),
            ("delete", self.tr("Delete"), self.delete_selected),
            ("up", self.tr("Move up"), lambda: self.move_selected(-1)),
            ("down", self.tr("Move down"), lambda: self.move_selected(1)),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"{name}_{key}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        model.modelReset.connect(self.update_buttons)
        self.update_buttons()

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_id(self, record_id: uuid.UUID) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    def update_buttons(self) -> None:
        row = self.selected_row()
        editable = not self.context.read_only
        self.buttons["add"].setEnabled(editable)
        self.buttons["delete"].setEnabled(editable and row is not None)
        self.buttons["up"].setEnabled(editable and row is not None and row > 0)
        last = self.model.rowCount() - 1
        self.buttons["down"].setEnabled(editable and row is not None and row < last)

    def run(self, command: ServiceCommand) -> bool:
        try:
            push(self.context.undo_stack, command)
        except UserError as error:
            actions.show_user_error(self, error)
            return False
        return True

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.run(self._delete(self.model.index(row, 0).data(ID_ROLE)))

    def move_selected(self, offset: int) -> None:
        row = self.selected_row()
        if row is None or not 0 <= row + offset < self.model.rowCount():
            return
        ids = [self.model.index(n, 0).data(ID_ROLE) for n in range(self.model.rowCount())]
        moved = ids[row]
        ids[row], ids[row + offset] = ids[row + offset], ids[row]
        if self.run(self._reorder(ids)):
            self.select_id(moved)


class AgreementEditor(QWidget):
    """The plan-wide agreement: rubric, tiers and rules of engagement, lead and handoff."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementEditor")
        self.setWindowTitle(self.tr("Agreement — {plan}").format(plan=context.plan.name))
        self.resize(1100, 720)
        self._context = context
        self.criteria = CriteriaModel(context, self)
        self.tiers = TierRulesModel(context, self)
        self.lead_items = LeadItemsModel(context, self)
        for model in (self.criteria, self.tiers, self.lead_items):
            model.edit_failed.connect(self._report_later)
        intro = QLabel(
            self.tr(
                "What sales and marketing agreed together. Every change applies at once to "
                "every account and can be undone with Ctrl+Z."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("agreementTabs")
        self.tabs.addTab(self._criteria_page(), self.tr("Key-account criteria"))
        self.tabs.addTab(self._tiers_page(), self.tr("Tiers and rules of engagement"))
        self.tabs.addTab(self._lead_page(), self.tr("Lead definition and handoff"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        add_undo_actions(self, context)
        context.events.changed.connect(self._on_changed)
        self._show_problems()

    # -- pages ---------------------------------------------------------------------------

    def _criteria_page(self) -> QWidget:
        page = QWidget(self)
        self.criteria_list = OrderedList(
            self._context,
            self.criteria,
            name="criteriaTable",
            add=self._add_criterion,
            delete=lambda cid: delete_criterion_command(
                self._context, cid, self.criteria.record(self.criteria.row_of(cid) or 0).name
            ),
            reorder=lambda ids: reorder_criteria_command(self._context, ids),
            noun=self.tr("Key-account criteria"),
            parent=page,
        )
        header = self.criteria_list.table.horizontalHeader()
        header.resizeSection(0, 200)
        header.resizeSection(1, 80)
        header.resizeSection(2, 130)
        self.rubric_problems = QLabel(page)
        self.rubric_problems.setObjectName("rubricProblems")
        self.rubric_problems.setStyleSheet(WARNING_STYLE)
        self.rubric_problems.setWordWrap(True)
        note = QLabel(
            self.tr(
                "Each account is scored 0–5 on every criterion; the fit score is the weighted "
                "mean scaled to 0–100. A weight of 0 keeps a criterion out of the score. "
                "Changing a weight rescores every account at once."
            ),
            page,
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        layout = QVBoxLayout(page)
        layout.addWidget(self.criteria_list, 1)
        layout.addWidget(self.rubric_problems)
        layout.addWidget(note)
        return page

    def _tiers_page(self) -> QWidget:
        page = QWidget(self)
        table = _table(page, self.tiers, "tierRulesTable")
        table.setAccessibleName(self.tr("Tiers and rules of engagement"))
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        leads = [(self.tr(LEAD_LABELS[key]), key) for key in LEAD_FUNCTIONS]
        self._tier_delegates = [
            FixedChoiceDelegate(lambda _index: leads, table),
            RolesDelegate(self.tiers.lookups, vocab.PLAY_TYPE, table),
        ]
        table.setItemDelegateForColumn(2, self._tier_delegates[0])
        table.setItemDelegateForColumn(3, self._tier_delegates[1])
        header = table.horizontalHeader()
        for column, width in enumerate((170, 140, 90, 230, 230)):
            header.resizeSection(column, width)
        self.tier_table = table
        self.tier_words = QLabel(page)
        self.tier_words.setObjectName("tierRulesInWords")
        self.tier_words.setWordWrap(True)
        self.tier_words.setTextFormat(Qt.TextFormat.RichText)
        self.tier_words.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.tier_problems = QLabel(page)
        self.tier_problems.setObjectName("tierProblems")
        self.tier_problems.setWordWrap(True)
        self.tier_problems.setStyleSheet(WARNING_STYLE)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._show_tier_words())
        layout = QVBoxLayout(page)
        layout.addWidget(table, 2)
        layout.addWidget(QLabel(self.tr("As every account of the selected tier shows it:"), page))
        layout.addWidget(self.tier_words, 1)
        layout.addWidget(self.tier_problems)
        if self.tiers.rowCount():
            table.selectRow(0)
        return page

    def _lead_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout()
        self.handoff_from = QComboBox(page)
        self.handoff_from.setObjectName("handoffFrom")
        self.handoff_to = QComboBox(page)
        self.handoff_to.setObjectName("handoffTo")
        for combo in (self.handoff_from, self.handoff_to):
            combo.activated.connect(lambda _index: self._commit_handoff())
        form.addRow(self.tr("Handoff from stage"), self.handoff_from)
        form.addRow(self.tr("to stage"), self.handoff_to)
        self._fill_handoff()
        self.lead_list = OrderedList(
            self._context,
            self.lead_items,
            name="leadItemsTable",
            add=self._add_lead_item,
            delete=lambda item_id: delete_lead_item_command(self._context, item_id),
            reorder=lambda ids: reorder_lead_items_command(self._context, ids),
            noun=self.tr("Lead definition"),
            parent=page,
        )
        note = QLabel(
            self.tr(
                "An account at the handoff stage is ready for sales when every item is met; "
                "each account records which items it meets on its Agreement tab."
            ),
            page,
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The lead definition both sides agreed:"), page))
        layout.addWidget(self.lead_list, 1)
        layout.addWidget(note)
        return page

    # -- actions -------------------------------------------------------------------------

    def _ask(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, "")
        return text if ok else None

    def _add_criterion(self) -> None:
        name = self._ask(self.tr("New criterion"), self.tr("Name of the criterion:"))
        if name is None:
            return
        command = new_criterion_command(self._context, {"name": name})
        if self.criteria_list.run(command) and command.record_id:
            self.criteria_list.select_id(command.record_id)

    def _add_lead_item(self) -> None:
        text = self._ask(self.tr("New lead definition item"), self.tr("What must be true:"))
        if text is None:
            return
        command = new_lead_item_command(self._context, text)
        if self.lead_list.run(command) and command.record_id:
            self.lead_list.select_id(command.record_id)

    def _fill_handoff(self) -> None:
        stages, retired = term_choices(self.tiers.lookups.terms(vocab.STAGE))
        start, end = handoff_stages(self._context.plan)
        for combo, value in ((self.handoff_from, start), (self.handoff_to, end)):
            fill_choices(combo, self.tr("—"), stages)
            keep_retired(combo, value, retired)
            choose(combo, value)

    def _commit_handoff(self) -> None:
        command = handoff_command(
            self._context, self.handoff_from.currentData(), self.handoff_to.currentData()
        )
        try:
            push(self._context.undo_stack, command)
        except UserError as error:
            actions.show_user_error(self, error)
        self._fill_handoff()

    # -- showing -------------------------------------------------------------------------

    def _show_tier_words(self) -> None:
        index = self.tier_table.currentIndex()
        if not index.isValid():
            self.tier_words.setText("")
            return
        row = self.tiers.record(index.row())
        thresholds = [r.threshold for r in self.tiers.records if r.agreed]
        labels = {t.key: t.label for t in self.tiers.lookups.terms(vocab.PLAY_TYPE)}
        rules = (
            TierRules(
                row.tier_id, row.lead_function, row.service_level, row.allowed_play_types, row.rules
            )
            if row.agreed
            else None
        )
        sentences = rules_in_words(rules, row.threshold, thresholds, labels)
        items = "".join(f"<li>{html.escape(s)}</li>" for s in sentences)
        self.tier_words.setText(f"<b>{html.escape(row.label)}</b><ul>{items}</ul>")

    def _show_problems(self) -> None:
        criteria = [RubricCriterion(r.id, r.name, r.weight) for r in self.criteria.records]
        self.rubric_problems.setText("\n".join(rubric_problems(criteria)))
        thresholds = [r.threshold for r in self.tiers.records if r.agreed]
        self.tier_problems.setText("\n".join(threshold_problems(thresholds)))
        self._show_tier_words()

    def _report_later(self, error: UserError) -> None:
        QTimer.singleShot(0, lambda: actions.show_user_error(self, error))

    def _on_changed(self, changes: list[Change]) -> None:
        kinds = {change.kind for change in changes}
        if kinds & {"handoff", "plan", "vocabulary", "vocabulary_term"}:
            self._fill_handoff()
        if kinds & {"criterion", "tier_rule", "plan", "vocabulary", "vocabulary_term"}:
            self._show_problems()
