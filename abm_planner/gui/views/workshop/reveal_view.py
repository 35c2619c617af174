"""The reveal: where sales and marketing estimated differently, largest gap first.

Each row shows both sides' values side by side with the gap and the plan's current
value. "Agree…" (or Enter, or a double-click) asks for the agreed value, prefilled
with the one nearest the two estimates' middle, and a reason; then one undoable
``AgreeCommand`` sets the plan's field and logs the decision with both estimates.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.commands.base import push
from abm_planner.gui.commands.workshop_commands import AgreeCommand
from abm_planner.gui.models.record_table import CENTER, RIGHT, Column, RecordTableModel
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.workshop.presenter_theme import MARKETING, SALES
from abm_planner.services.changes import Change
from abm_planner.services.estimates import Disagreement, reveal
from abm_planner.services.lookups import vocabulary


def _tr(text: str) -> str:
    return QCoreApplication.translate("RevealView", text)


SIDE_COLOURS = {"Sales": SALES, "Marketing": MARKETING}


def _shown(label: str, value: float | None) -> str:
    if label:
        return label
    return "—" if value is None else f"{value:g}"


DISAGREEMENT_COLUMNS: tuple[Column[Disagreement], ...] = (
    Column("Estimate", lambda d: d.label),
    Column("Account", lambda d: d.account_name),
    Column("Sales", lambda d: _shown(d.sales_label, d.sales), lambda d: d.sales, CENTER),
    Column(
        "Marketing", lambda d: _shown(d.marketing_label, d.marketing), lambda d: d.marketing, CENTER
    ),
    Column("Gap", lambda d: f"{d.gap:g}", lambda d: d.gap, RIGHT),
    Column("In the plan", lambda d: _shown(d.current_label, d.current), None, CENTER),
)


class DisagreementModel(RecordTableModel[Disagreement]):
    """The disagreements, sales values in the sales colour and marketing in its own."""

    translation_context = "RevealView"
    extra_roles = frozenset({Qt.ItemDataRole.ForegroundRole.value})

    def extra_data(self, record: Disagreement, column: Column[Disagreement], role: int) -> Any:
        del record, role  # only the foreground role reaches here
        colour = SIDE_COLOURS.get(column.title)
        return QColor(colour) if colour else None


def _key(d: Disagreement) -> uuid.UUID:
    """A stable row id made of what the disagreement is about."""
    parts = f"{d.subject}:{d.stakeholder_id}:{d.account_id}:{d.criterion_id}"
    return uuid.uuid5(uuid.NAMESPACE_URL, parts)


def value_choices(context: PlanContext, subject: str) -> list[tuple[str, float]]:
    """The values an agreed ``subject`` can take, as (label, value)."""
    if subject == "criterion_score":
        return [(str(n), float(n)) for n in range(6)]
    kind = vocab.ATTITUDE if subject == "attitude" else vocab.INFLUENCE
    return [
        (f"{t.label} ({t.value:+d})" if subject == "attitude" else t.label, float(t.value))
        for t in vocabulary(context.plan, kind)
        if t.value is not None
    ]


def suggested_value(d: Disagreement, choices: list[tuple[str, float]]) -> float:
    """The allowed value nearest the middle of the two estimates (the lower on a tie)."""
    middle = (d.sales + d.marketing) / 2
    return min((value for _label, value in choices), key=lambda v: (abs(v - middle), v))


class AgreeDialog(QDialog):
    """Asks the agreed value (prefilled) and the reason, showing both estimates."""

    def __init__(
        self, d: Disagreement, choices: list[tuple[str, float]], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreeDialog")
        self.setWindowTitle(_tr("Agree a value"))
        self.value = QComboBox(self)
        for label, value in choices:
            self.value.addItem(label, value)
        self.value.setCurrentIndex(max(0, self.value.findData(suggested_value(d, choices))))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(_tr("Why both sides agree on this value"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Agree"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{d.label}</b> · {d.account_name}", self))
        form.addRow(_tr("Sales:"), QLabel(_shown(d.sales_label, d.sales), self))
        form.addRow(_tr("Marketing:"), QLabel(_shown(d.marketing_label, d.marketing), self))
        form.addRow(_tr("In the plan:"), QLabel(_shown(d.current_label, d.current), self))
        form.addRow(_tr("Agreed &value:"), self.value)
        form.addRow(_tr("&Reason:"), self.reason)
        form.addRow(buttons)
        self.reason.setFocus()

    def accept(self) -> None:
        if not self.reason.text().strip():
            self.reason.setPlaceholderText(_tr("Type the reason first"))
            self.reason.setFocus()
            return
        super().accept()


def ask_agreement(
    parent: QWidget | None, d: Disagreement, choices: list[tuple[str, float]]
) -> tuple[float, str] | None:
    """The agreed value and reason, or None if cancelled (tests replace this function)."""
    dialog = AgreeDialog(d, choices, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return float(dialog.value.currentData()), dialog.reason.text().strip()


class RevealView(QWidget):
    """The disagreements table with Agree… and Back."""

    back_requested = Signal()
    agreed = Signal(object)  # the decision id

    def __init__(
        self, context: PlanContext, workshop_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("revealView")
        self.context = context
        self.workshop_id = workshop_id
        self.model = DisagreementModel(DISAGREEMENT_COLUMNS, _key, self)
        self.table = QTableView(self)
        self.table.setObjectName("disagreementTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.agree_selected())
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.agree_selected)
        self.summary = QLabel(self)
        self.summary.setObjectName("stepHeading")
        self.agree_button = QPushButton(_tr("Agree…"), self)
        self.agree_button.setObjectName("primaryButton")
        self.agree_button.clicked.connect(self.agree_selected)
        back = QPushButton(_tr("Back to estimates"), self)
        back.clicked.connect(self.back_requested)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(back)
        row.addWidget(self.agree_button)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        hint = QLabel(
            _tr(
                "Choose a row and press Enter or Agree… to set the agreed value. The decision "
                "log keeps both estimates and your reason; Ctrl+Z takes it back."
            ),
            self,
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(hint)
        layout.addStretch(1)
        context.events.changed.connect(self._on_changed)

    def reload(self) -> None:
        with self.context.plan.read() as session:
            found = reveal(session, self.workshop_id)
        self.model.set_records(found)
        self.table.setColumnHidden(1, len({d.account_id for d in found}) <= 1)
        if found:
            self.summary.setText(
                _tr("{n} disagreements, largest gap first").format(n=len(found))
                if len(found) != 1
                else _tr("1 disagreement")
            )
            self.table.selectRow(0)
        else:
            self.summary.setText(_tr("No disagreements: both sides estimated the same."))
        self.agree_button.setEnabled(bool(found) and not self.context.read_only)

    def selected(self) -> Disagreement | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def agree_selected(self) -> uuid.UUID | None:
        d = self.selected()
        if d is None or self.context.read_only:
            return None
        answer = ask_agreement(self, d, value_choices(self.context, d.subject))
        if answer is None:
            return None
        value, reason = answer
        command = AgreeCommand(self.context, self.workshop_id, d, value, reason)
        try:
            push(self.context.undo_stack, command)
        except UserError as error:
            actions.show_user_error(self, error)
            return None
        self.agreed.emit(command.decision_id)
        return command.decision_id

    def _on_changed(self, changes: list[Change]) -> None:
        if self.isVisible() and any(
            c.kind in ("estimate", "stakeholder", "criterion_score", "decision", "account")
            for c in changes
        ):
            self.reload()


def disagreement_rows(view: RevealView) -> list[dict[str, Any]]:
    """What the table shows, row by row (for tests and the screenshot script)."""
    return [
        {column.title: column.getter(d) for column in DISAGREEMENT_COLUMNS}
        for d in view.model.records
    ]
