"""The dialog shown when an edit meets someone else's newer save of the same record.

It says who changed the record and when, lists each field in question with their
value (saved on the server) and the user's value, and lets the user keep theirs
(discard mine), keep mine (re-apply this edit over the newer version), or merge
field by field. Closing it keeps theirs: nothing is ever overwritten unseen.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from abm_planner.errors import EditConflictError

FIELD, THEIRS, MINE, KEEP = range(4)
MAX_SHOWN = 120


class Keep(enum.Enum):
    THEIRS = "theirs"  # discard my edit
    MINE = "mine"  # re-apply my edit over the newer version
    MERGE = "merge"  # my edit for the fields in ``mine_fields`` only


@dataclass(frozen=True, slots=True)
class Decision:
    keep: Keep
    mine_fields: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class ConflictRow:
    """One field: its label, both values as text, and whether this edit changes it."""

    name: str
    label: str
    theirs: str
    mine: str
    edited: bool


class EditConflictDialog(QDialog):
    """Keep theirs, keep mine, or merge; ``decision`` once closed."""

    def __init__(
        self,
        conflict: EditConflictError,
        headline: str,
        rows: list[ConflictRow],
        *,
        mergeable: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("editConflictDialog")
        self.setWindowTitle(self.tr("Someone else changed this"))
        self.setMinimumWidth(600)
        self.decision = Decision(Keep.THEIRS)
        self._rows = rows
        self._keep: dict[str, QComboBox] = {}

        self.headline = QLabel(headline, self)
        self.headline.setObjectName("conflictHeadline")
        self.headline.setWordWrap(True)
        self.table = self._make_table(rows, mergeable=mergeable and not conflict.deleted)
        buttons = QDialogButtonBox(self)
        theirs_text = self.tr("Keep &theirs (discard mine)")
        self.keep_theirs = self._button(buttons, theirs_text, Keep.THEIRS)
        self.keep_mine = self._button(buttons, self.tr("Keep &mine"), Keep.MINE)
        self.merge = self._button(buttons, self.tr("M&erge as chosen"), Keep.MERGE)
        self.keep_theirs.setDefault(True)
        self.keep_mine.setToolTip(self.tr("Save your edit over their newer version"))
        self.merge.setToolTip(self.tr("Save your values only for the fields set to “yours”"))
        if conflict.deleted:
            self.keep_theirs.setText(self.tr("&OK"))
            self.keep_mine.hide()
            self.merge.hide()
        if not mergeable:
            self.merge.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.table, 1)
        note = QLabel(
            self.tr("Until you choose, nothing is saved; their version stays as it is."), self
        )
        note.setEnabled(False)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _button(self, box: QDialogButtonBox, text: str, keep: Keep) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.clicked.connect(lambda _checked=False: self.choose(keep))
        return button

    def _make_table(self, rows: list[ConflictRow], *, mergeable: bool) -> QTableWidget:
        titles = [self.tr("Field"), self.tr("Their value"), self.tr("Your value")]
        if mergeable:
            titles.append(self.tr("Keep"))
        table = QTableWidget(len(rows), len(titles), self)
        table.setObjectName("conflictTable")
        table.setAccessibleName(self.tr("Changed fields"))
        table.setHorizontalHeaderLabels(titles)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(False)
        for number, row in enumerate(rows):
            for column, text in ((FIELD, row.label), (THEIRS, row.theirs), (MINE, row.mine)):
                shown = text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"
                item = QTableWidgetItem(shown)
                item.setToolTip(text)
                table.setItem(number, column, item)
            if mergeable:
                combo = QComboBox(table)
                combo.addItem(self.tr("Theirs"), Keep.THEIRS.value)
                combo.addItem(self.tr("Yours"), Keep.MINE.value)
                combo.setAccessibleName(self.tr("Keep for {0}").format(row.label))
                combo.setCurrentIndex(1 if row.edited else 0)
                combo.setEnabled(row.edited)  # only the fields this edit changes can be "yours"
                table.setCellWidget(number, KEEP, combo)
                self._keep[row.name] = combo
        header = table.horizontalHeader()
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(THEIRS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MINE, QHeaderView.ResizeMode.Stretch)
        return table

    def set_keep(self, name: str, keep: Keep) -> None:
        """Choose theirs or mine for one field (the Keep column)."""
        combo = self._keep[name]
        combo.setCurrentIndex(combo.findData(keep.value))

    def choose(self, keep: Keep) -> None:
        mine = frozenset(
            name
            for name, combo in self._keep.items()
            if combo.isEnabled() and combo.currentData() == Keep.MINE.value
        )
        self.decision = Decision(keep, mine if keep is Keep.MERGE else frozenset())
        self.accept()

    def reject(self) -> None:
        self.decision = Decision(Keep.THEIRS)
        super().reject()


def run_dialog(dialog: EditConflictDialog) -> Decision:
    """Show the dialog modally; the user's decision (tests replace this)."""
    dialog.exec()
    return dialog.decision


ask: Callable[[EditConflictDialog], Decision] = run_dialog
