"""The conflicts of a sync, each with both values and a choice: this copy's or the team's.

Shown when File ▸ Sync with team plan meets a field changed differently on both
sides, or a record deleted on one side and edited on the other. Every row needs a
choice ("Keep all mine" / "Keep all theirs" choose for every row at once) before
Sync is enabled; Cancel leaves both plans exactly as they are.
"""

from __future__ import annotations

from collections.abc import Callable

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

from abm_planner.services.sync import Conflict

RECORD, FIELD, BASE, MINE, THEIRS, KEEP = range(6)
MAX_SHOWN = 120
MINE_CHOICE, THEIRS_CHOICE = "mine", "theirs"


def table_label(table: str) -> str:
    """``play_assignments`` → "Play assignment": how a person names the kind of record."""
    words = table.replace("_", " ")
    singular = words[:-1] if words.endswith("s") and not words.endswith("ss") else words
    return singular[:1].upper() + singular[1:]


def field_label(name: str | None) -> str:
    if name is None:
        return "(the whole record)"
    words = name.removesuffix("_id").replace("_", " ")
    return words[:1].upper() + words[1:]


class SyncConflictsDialog(QDialog):
    """One row per conflict; ``choices()`` maps ``Conflict.id`` to "mine" or "theirs"."""

    def __init__(
        self,
        conflicts: list[Conflict],
        origin: str,
        chosen: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncConflictsDialog")
        self.setWindowTitle(self.tr("Sync with team plan: conflicts"))
        self.setMinimumSize(860, 360)
        self.conflicts = conflicts
        self._keep: list[QComboBox] = []

        headline = QLabel(
            self.tr(
                "{0} change(s) in this copy conflict with changes made in the team plan at "
                "{1}. Choose which value to keep for each; nothing is written until you "
                "press Sync."
            ).format(len(conflicts), origin),
            self,
        )
        headline.setObjectName("syncConflictsHeadline")
        headline.setWordWrap(True)
        self.table = self._make_table(conflicts, chosen or {})

        buttons = QDialogButtonBox(self)
        self.all_mine = self._bulk_button(buttons, self.tr("Keep all &mine"), MINE_CHOICE)
        self.all_theirs = self._bulk_button(buttons, self.tr("Keep all &theirs"), THEIRS_CHOICE)
        self.all_mine.setToolTip(self.tr("Keep this copy's value in every conflict"))
        self.all_theirs.setToolTip(self.tr("Keep the team plan's value in every conflict"))
        self.sync_button = buttons.addButton(
            self.tr("&Sync"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sync_button.setObjectName("syncConfirmButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        self.note = QLabel(self)
        self.note.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self._update_state()

    def _bulk_button(self, box: QDialogButtonBox, text: str, choice: str) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(lambda _checked=False: self.choose_all(choice))
        return button

    def _make_table(self, conflicts: list[Conflict], chosen: dict[str, str]) -> QTableWidget:
        titles = [
            self.tr("Record"),
            self.tr("Field"),
            self.tr("Before"),
            self.tr("This copy (mine)"),
            self.tr("Team plan (theirs)"),
            self.tr("Keep"),
        ]
        table = QTableWidget(len(conflicts), len(titles), self)
        table.setObjectName("syncConflictTable")
        table.setAccessibleName(self.tr("Conflicting changes"))
        table.setHorizontalHeaderLabels(titles)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(False)
        for number, conflict in enumerate(conflicts):
            record = f"{table_label(conflict.table)}: {conflict.record}"
            cells = (
                (RECORD, record),
                (FIELD, field_label(conflict.field)),
                (BASE, conflict.base),
                (MINE, conflict.mine),
                (THEIRS, conflict.theirs),
            )
            for column, text in cells:
                shown = text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"
                item = QTableWidgetItem(shown)
                item.setToolTip(text)
                table.setItem(number, column, item)
            combo = QComboBox(table)
            combo.addItem(self.tr("Choose…"), None)
            combo.addItem(self.tr("Mine"), MINE_CHOICE)
            combo.addItem(self.tr("Theirs"), THEIRS_CHOICE)
            combo.setAccessibleName(
                self.tr("Keep for {0}, {1}").format(record, field_label(conflict.field))
            )
            found = combo.findData(chosen.get(conflict.id))
            combo.setCurrentIndex(max(found, 0))
            combo.currentIndexChanged.connect(self._update_state)
            table.setCellWidget(number, KEEP, combo)
            self._keep.append(combo)
        header = table.horizontalHeader()
        for column in (RECORD, FIELD, KEEP):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (BASE, MINE, THEIRS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        return table

    def set_choice(self, row: int, choice: str) -> None:
        """Keep this copy's ("mine") or the team's ("theirs") value for one conflict."""
        combo = self._keep[row]
        combo.setCurrentIndex(combo.findData(choice))

    def choose_all(self, choice: str) -> None:
        for row in range(len(self._keep)):
            self.set_choice(row, choice)

    def choices(self) -> dict[str, str]:
        return {
            conflict.id: combo.currentData()
            for conflict, combo in zip(self.conflicts, self._keep, strict=True)
            if combo.currentData() is not None
        }

    def _update_state(self, *_args: object) -> None:
        open_rows = sum(1 for combo in self._keep if combo.currentData() is None)
        self.sync_button.setEnabled(open_rows == 0)
        self.note.setText(
            self.tr("{0} conflict(s) still need a choice.").format(open_rows)
            if open_rows
            else self.tr("Every conflict has a choice: Sync writes both plans.")
        )


def run_dialog(dialog: SyncConflictsDialog) -> dict[str, str] | None:
    """Show the dialog modally; the choices, or None when cancelled (tests replace this)."""
    return dialog.choices() if dialog.exec() == QDialog.DialogCode.Accepted else None


ask: Callable[[SyncConflictsDialog], dict[str, str] | None] = run_dialog
