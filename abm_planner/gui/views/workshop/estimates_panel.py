"""Blind estimates: each side enters attitude, influence and scores without seeing the other's.

The panel starts with no side chosen and shows nothing until a participant picks
theirs; then it shows that side's own estimates only, and of the other side just how
many it has entered. Each choice is one undoable ``SetEstimateCommand``. Reveal
switches to the disagreements (``reveal_view``), where one click agrees a value.
"""

from __future__ import annotations

import uuid
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import NotFoundError, UserError
from abm_planner.gui.commands.base import push
from abm_planner.gui.commands.workshop_commands import SetEstimateCommand
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.workshop.reveal_view import RevealView
from abm_planner.services.changes import Change
from abm_planner.services.dmu_analysis import load_account_dmu
from abm_planner.services.estimates import estimates_for_side
from abm_planner.services.lookups import vocabulary
from abm_planner.services.rubric import list_criteria

SIDES = ("sales", "marketing")
SIDE_NAMES = {"sales": "Sales", "marketing": "Marketing"}
Key = tuple[str, uuid.UUID | None, uuid.UUID | None]  # subject, stakeholder, criterion


def _tr(text: str) -> str:
    return QCoreApplication.translate("EstimatesPanel", text)


def _combo(parent: QWidget, choices: list[tuple[str, float]]) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem("—", None)
    for label, value in choices:
        combo.addItem(label, value)
    return combo


class EstimatesPanel(QWidget):
    """Estimate entry for one side, and the reveal, for the account on screen."""

    side_changed = Signal(str)

    def __init__(
        self, context: PlanContext, workshop_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("estimatesPanel")
        self.context = context
        self.workshop_id = workshop_id
        self.account_id: uuid.UUID | None = None
        self.side: str | None = None
        self.combos: dict[Key, QComboBox] = {}
        plan = context.plan
        self._attitudes = [
            (t.label, float(t.value))
            for t in vocabulary(plan, vocab.ATTITUDE)
            if t.value is not None
        ]
        self._influences = [
            (t.label, float(t.value))
            for t in vocabulary(plan, vocab.INFLUENCE)
            if t.value is not None
        ]

        side_row = self._build_side_row()

        self.hint = QLabel(
            _tr("Choose your side. You see only your own side's estimates until the reveal."),
            self,
        )
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        self.people = QTableWidget(0, 3, self)
        self.people.setObjectName("peopleEstimates")
        self.people.setHorizontalHeaderLabels(
            [_tr("Stakeholder"), _tr("Attitude"), _tr("Influence")]
        )
        self.criteria = QTableWidget(0, 2, self)
        self.criteria.setObjectName("criteriaEstimates")
        self.criteria.setHorizontalHeaderLabels([_tr("Criterion"), _tr("Score")])
        for table in (self.people, self.criteria):
            table.verticalHeader().hide()
            table.setAlternatingRowColors(True)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        entry = QWidget(self)
        tables = QHBoxLayout()
        tables.addWidget(self.people, 2)
        tables.addWidget(self.criteria, 1)
        entry_layout = QVBoxLayout(entry)
        entry_layout.setContentsMargins(0, 0, 0, 0)
        entry_layout.addLayout(side_row)
        entry_layout.addWidget(self.other_count)
        entry_layout.addWidget(self.hint)
        entry_layout.addLayout(tables, 1)
        self.entry = entry
        self.reveal = RevealView(context, workshop_id, self)
        self.reveal.back_requested.connect(self.show_entry)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(entry)
        self.pages.addWidget(self.reveal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 8)
        layout.addWidget(self.pages, 1)
        self._set_tables_visible(False)
        context.events.changed.connect(self._on_changed)

    def _build_side_row(self) -> QHBoxLayout:
        """Side radio buttons, the other side's count, and Reveal."""
        self.sides = QButtonGroup(self)
        side_row = QHBoxLayout()
        heading = QLabel(_tr("Estimating for:"), self)
        heading.setObjectName("stepHeading")
        side_row.addWidget(heading)
        for side in SIDES:
            button = QRadioButton(_tr(SIDE_NAMES[side]), self)
            button.setObjectName(f"{side}Side")
            button.toggled.connect(partial(self._side_toggled, side))
            self.sides.addButton(button)
            side_row.addWidget(button)
        side_row.addStretch(1)
        self.other_count = QLabel(self)
        self.other_count.setObjectName("muted")
        self.other_count.setWordWrap(True)
        self.reveal_button = QPushButton(_tr("Reveal disagreements"), self)
        self.reveal_button.setObjectName("primaryButton")
        self.reveal_button.clicked.connect(self.show_reveal)
        side_row.addWidget(self.reveal_button)
        return side_row

    # -- what is shown -------------------------------------------------------------------

    def show_account(self, account_id: uuid.UUID | None) -> None:
        if account_id != self.account_id or not self.combos:
            self.account_id = account_id
            self._build_rows()
        self._show_values()

    def choose_side(self, side: str) -> None:
        for button in self.sides.buttons():
            if button.objectName() == f"{side}Side":
                button.setChecked(True)

    def _side_toggled(self, side: str, checked: bool) -> None:
        if checked:
            self.side = side
            self._set_tables_visible(True)
            self._show_values()
            self.side_changed.emit(side)

    def _set_tables_visible(self, visible: bool) -> None:
        self.people.setVisible(visible)
        self.criteria.setVisible(visible)
        self.hint.setVisible(not visible)

    def show_reveal(self) -> None:
        self.reveal.reload()
        self.pages.setCurrentWidget(self.reveal)

    def show_entry(self) -> None:
        self.pages.setCurrentWidget(self.entry)

    def _build_rows(self) -> None:
        self.combos = {}
        self.people.setRowCount(0)
        self.criteria.setRowCount(0)
        if self.account_id is None:
            return
        try:
            dmu = load_account_dmu(self.context.plan, self.account_id)
        except NotFoundError:
            return
        people = sorted(dmu.people, key=lambda p: (-(p.influence or 0), p.name.casefold()))
        self.people.setRowCount(len(people))
        for row, person in enumerate(people):
            item = self._label_item(person.name)
            item.setToolTip(person.title)
            self.people.setItem(row, 0, item)
            for column, (subject, choices) in enumerate(
                (("attitude", self._attitudes), ("influence", self._influences)), start=1
            ):
                self._add_combo(self.people, row, column, (subject, person.id, None), choices)
        self._fit_columns(self.people, (1, 2))
        criteria = list_criteria(self.context.plan)
        self.criteria.setRowCount(len(criteria))
        scores = [(str(n), float(n)) for n in range(6)]
        for row, criterion in enumerate(criteria):
            self.criteria.setItem(row, 0, self._label_item(criterion.name))
            key = ("criterion_score", None, criterion.id)
            self._add_combo(self.criteria, row, 1, key, scores)
        self._fit_columns(self.criteria, (1,))

    @staticmethod
    def _fit_columns(table: QTableWidget, columns: tuple[int, ...]) -> None:
        """Columns of combo boxes as wide as their widest choice at the current type size."""
        for column in columns:
            widths = [0]
            for row in range(table.rowCount()):
                combo = table.cellWidget(row, column)
                if isinstance(combo, QComboBox):
                    combo.ensurePolished()
                    widths.append(combo.sizeHint().width())
            header = table.horizontalHeader()
            widths.append(header.sectionSizeHint(column))
            header.resizeSection(column, max(widths) + 8)

    @staticmethod
    def _label_item(text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    def _add_combo(
        self,
        table: QTableWidget,
        row: int,
        column: int,
        key: Key,
        choices: list[tuple[str, float]],
    ) -> None:
        combo = _combo(table, choices)
        label = table.item(row, 0)
        combo.setAccessibleName(f"{label.text() if label else ''} {key[0]}")
        combo.activated.connect(lambda _index, k=key, c=combo: self._estimate(k, c.currentData()))
        table.setCellWidget(row, column, combo)
        self.combos[key] = combo

    def own_estimates(self) -> dict[Key, float]:
        """This side's estimates for the shown account (the only ones the panel reads)."""
        if self.side is None:
            return {}
        with self.context.plan.read() as session:
            rows = estimates_for_side(session, self.workshop_id, self.side)
        return {
            (e.subject, e.stakeholder_id, e.criterion_id): e.value
            for e in rows
            if e.account_id == self.account_id
        }

    def _show_values(self) -> None:
        own = self.own_estimates()
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(own.get(key))))
            combo.blockSignals(False)
        self._show_other_count()

    def _show_other_count(self) -> None:
        if self.side is None:
            self.other_count.clear()
            return
        other = "marketing" if self.side == "sales" else "sales"
        with self.context.plan.read() as session:
            count = len(estimates_for_side(session, self.workshop_id, other))
        self.other_count.setText(
            _tr("{side}: {n} estimates entered, hidden until the reveal").format(
                side=_tr(SIDE_NAMES[other]), n=count
            )
        )

    # -- editing -------------------------------------------------------------------------

    def _estimate(self, key: Key, value: float | None) -> None:
        """One choice: one undoable estimate (choosing "—" again keeps the estimate)."""
        if self.side is None or value is None or self.context.read_only:
            self._show_values()
            return
        subject, stakeholder_id, criterion_id = key
        previous = self.own_estimates().get(key)
        if previous == value:
            return
        targets: dict[str, uuid.UUID | None] = (
            {"stakeholder_id": stakeholder_id}
            if stakeholder_id is not None
            else {"account_id": self.account_id, "criterion_id": criterion_id}
        )
        command = SetEstimateCommand(
            self.context,
            _tr("{side} estimate").format(side=_tr(SIDE_NAMES[self.side])),
            workshop_id=self.workshop_id,
            side=self.side,
            subject=subject,
            targets=targets,
            value=value,
            previous=previous,
        )
        try:
            push(self.context.undo_stack, command)
        except UserError as error:
            self.hint.setText(str(error))
            self.hint.show()
            self._show_values()

    def _on_changed(self, changes: list[Change]) -> None:
        if any(c.kind in ("stakeholder", "criterion", "plan") for c in changes):
            self._build_rows()
            self._show_values()
        elif any(c.kind == "estimate" for c in changes):
            self._show_values()
