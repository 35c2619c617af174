"""Workshop ▸ Start workshop…: title, date, accounts, participants, agenda and screen.

The dialog only gathers the answers (``WorkshopRequest``); the caller starts the
workshop through ``services.workshops.start_workshop``, which also takes the start
snapshot. Participants come from the team, each on the sales or the marketing side
(their function by default), because blind estimates are made per side.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from abm_planner.gui.views.workshop.screens import preferred_screen, screen_label
from abm_planner.services.lookups import Member

SIDES = ("sales", "marketing")
STEP_ROLE = Qt.ItemDataRole.UserRole
# A suggested time box per default step (minutes); the team edits or clears them.
SUGGESTED_MINUTES = {
    "criteria_tier": 20,
    "dmu": 30,
    "needs_objectives": 20,
    "plays_timeline": 30,
    "actions": 15,
}


@dataclass(frozen=True, slots=True)
class WorkshopRequest:
    title: str
    held_on: date
    account_ids: list[uuid.UUID]
    participants: list[tuple[uuid.UUID, str]]
    agenda: list[tuple[str, str, int | None]]
    screen_name: str


class StartWorkshopDialog(QDialog):
    """Gathers what ``start_workshop`` needs; ``request()`` after it was accepted."""

    def __init__(
        self,
        accounts: list[tuple[uuid.UUID, str]],
        members: list[Member],
        agenda: list[tuple[str, str]],
        selected_account: uuid.UUID | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("startWorkshopDialog")
        self.setWindowTitle(self.tr("Start workshop"))
        self._members = members
        self.title = QLineEdit(self)
        self.title.setObjectName("workshopTitle")
        self.held_on = QDateEdit(QDate.currentDate(), self)
        self.held_on.setObjectName("workshopDate")
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.screen_choice = QComboBox(self)
        self.screen_choice.setObjectName("presenterScreen")
        self._fill_screens()

        self.account_filter = QLineEdit(self)
        self.account_filter.setPlaceholderText(self.tr("Filter accounts"))
        self.account_filter.setClearButtonEnabled(True)
        self.account_filter.textChanged.connect(self._filter_accounts)
        self.accounts = QListWidget(self)
        self.accounts.setObjectName("workshopAccounts")
        for account_id, name in accounts:
            item = QListWidgetItem(name, self.accounts)
            item.setData(STEP_ROLE, account_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = account_id == selected_account
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            if checked:
                self.accounts.setCurrentItem(item)
                self.title.setText(self.tr("{account} planning workshop").format(account=name))
        if not self.title.text():
            self.title.setText(self.tr("Account planning workshop"))

        self.participants = QTableWidget(len(members), 2, self)
        self.participants.setObjectName("workshopParticipants")
        self.participants.setHorizontalHeaderLabels([self.tr("Participant"), self.tr("Side")])
        self.participants.verticalHeader().hide()
        self.participants.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, member in enumerate(members):
            self._add_participant_row(row, member)

        self.agenda = self._agenda_table(agenda)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Start workshop"))
        ok.setObjectName("startWorkshopButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.resize(860, 620)

    # -- building ------------------------------------------------------------------------

    def _agenda_table(self, agenda: list[tuple[str, str]]) -> QTableWidget:
        self.agenda = QTableWidget(0, 2, self)
        self.agenda.setObjectName("workshopAgenda")
        self.agenda.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Minutes")])
        self.agenda.verticalHeader().hide()
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for step, title in agenda:
            self.add_step(step, title, SUGGESTED_MINUTES.get(step))
        self.agenda.setCurrentCell(0, 0)
        return self.agenda

    def _fill_screens(self) -> None:
        chosen = preferred_screen()
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            self.screen_choice.addItem(screen_label(screen, number), screen.name())
            if screen == chosen:
                self.screen_choice.setCurrentIndex(number - 1)

    def _add_participant_row(self, row: int, member: Member) -> None:
        name = QTableWidgetItem(member.name)
        name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        name.setCheckState(Qt.CheckState.Unchecked)
        name.setData(STEP_ROLE, member.id)
        name.setToolTip(member.title)
        self.participants.setItem(row, 0, name)
        side = QComboBox(self.participants)
        side.addItem(self.tr("Sales"), "sales")
        side.addItem(self.tr("Marketing"), "marketing")
        side.setCurrentIndex(1 if member.function == "marketing" else 0)
        self.participants.setCellWidget(row, 1, side)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Date:"), self.held_on)
        form.addRow(self.tr("Presenter &screen:"), self.screen_choice)

        accounts_box = QGroupBox(self.tr("Accounts"), self)
        accounts_layout = QVBoxLayout(accounts_box)
        accounts_layout.addWidget(self.account_filter)
        accounts_layout.addWidget(self.accounts)
        people_box = QGroupBox(self.tr("Participants"), self)
        QVBoxLayout(people_box).addWidget(self.participants)
        top = QHBoxLayout()
        top.addWidget(accounts_box, 1)
        top.addWidget(people_box, 1)

        agenda_box = QGroupBox(self.tr("Agenda (minutes are an optional time box)"), self)
        buttons = QVBoxLayout()
        for text, name, slot in (
            (self.tr("Add step"), "addStep", lambda: self.add_step("custom", self.tr("New step"))),
            (self.tr("Remove"), "removeStep", self.remove_step),
            (self.tr("Move up"), "stepUp", lambda: self.move_step(-1)),
            (self.tr("Move down"), "stepDown", lambda: self.move_step(1)),
        ):
            button = QPushButton(text, agenda_box)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        agenda_layout = QHBoxLayout(agenda_box)
        agenda_layout.addWidget(self.agenda, 1)
        agenda_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(top, 1)
        layout.addWidget(agenda_box, 1)
        layout.addWidget(self.buttons)

    # -- accounts and participants --------------------------------------------------------

    def _filter_accounts(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.accounts.count()):
            item = self.accounts.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _participant(self, row: int) -> QTableWidgetItem:
        item = self.participants.item(row, 0)
        assert item is not None  # every row gets its name item when it is built
        return item

    def check_accounts(self, ids: set[uuid.UUID]) -> None:
        for row in range(self.accounts.count()):
            item = self.accounts.item(row)
            checked = item.data(STEP_ROLE) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def check_participants(self, sides: dict[uuid.UUID, str]) -> None:
        """Tick these team members, each on the given side (tests and the owners default)."""
        for row in range(self.participants.rowCount()):
            item = self._participant(row)
            side = sides.get(item.data(STEP_ROLE))
            item.setCheckState(Qt.CheckState.Checked if side else Qt.CheckState.Unchecked)
            combo = self.participants.cellWidget(row, 1)
            if side and isinstance(combo, QComboBox):
                combo.setCurrentIndex(combo.findData(side))

    # -- agenda ----------------------------------------------------------------------------

    def add_step(self, step: str, title: str, minutes: int | None = None) -> None:
        row = self.agenda.rowCount()
        self.agenda.insertRow(row)
        item = QTableWidgetItem(title)
        item.setData(STEP_ROLE, step)
        self.agenda.setItem(row, 0, item)
        self.agenda.setItem(row, 1, QTableWidgetItem("" if minutes is None else str(minutes)))
        self.agenda.setCurrentCell(row, 0)

    def remove_step(self) -> None:
        row = self.agenda.currentRow()
        if row >= 0:
            self.agenda.removeRow(row)

    def move_step(self, offset: int) -> None:
        row = self.agenda.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.agenda.rowCount():
            return
        items = [self.agenda.takeItem(row, column) for column in range(2)]
        others = [self.agenda.takeItem(target, column) for column in range(2)]
        for column in range(2):
            self.agenda.setItem(target, column, items[column])
            self.agenda.setItem(row, column, others[column])
        self.agenda.setCurrentCell(target, 0)

    # -- the answer ------------------------------------------------------------------------

    def problem(self) -> str | None:
        """Why the answers cannot start a workshop, in one sentence; None when they can."""
        request = self.request()
        if not request.title:
            return self.tr("Give the workshop a title.")
        if not request.account_ids:
            return self.tr("Tick at least one account.")
        if not request.agenda:
            return self.tr("Keep at least one step on the agenda.")
        for row in range(self.agenda.rowCount()):
            minutes = self.agenda.item(row, 1)
            text = minutes.text().strip() if minutes is not None else ""
            if text and (not text.isdigit() or int(text) <= 0):
                return self.tr(
                    "Minutes must be a whole number above 0, or empty (row {n})."
                ).format(n=row + 1)
        return None

    def accept(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        problem = self.problem()
        if problem is not None:
            QMessageBox.warning(self, self.windowTitle(), problem)
            return
        super().accept()

    def request(self) -> WorkshopRequest:
        accounts = [
            self.accounts.item(row).data(STEP_ROLE)
            for row in range(self.accounts.count())
            if self.accounts.item(row).checkState() == Qt.CheckState.Checked
        ]
        participants = []
        for row in range(self.participants.rowCount()):
            item = self._participant(row)
            combo = self.participants.cellWidget(row, 1)
            if item.checkState() == Qt.CheckState.Checked and isinstance(combo, QComboBox):
                participants.append((item.data(STEP_ROLE), str(combo.currentData())))
        agenda: list[tuple[str, str, int | None]] = []
        for row in range(self.agenda.rowCount()):
            title_item, minutes_item = self.agenda.item(row, 0), self.agenda.item(row, 1)
            title = title_item.text().strip() if title_item is not None else ""
            minutes = minutes_item.text().strip() if minutes_item is not None else ""
            if title and title_item is not None:
                step = str(title_item.data(STEP_ROLE) or "custom")
                agenda.append((step, title, int(minutes) if minutes.isdigit() else None))
        held = self.held_on.date()
        return WorkshopRequest(
            title=self.title.text().strip(),
            held_on=date(held.year(), held.month(), held.day()),
            account_ids=accounts,
            participants=participants,
            agenda=agenda,
            screen_name=str(self.screen_choice.currentData() or ""),
        )
