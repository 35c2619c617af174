"""What the record tabs (stakeholders, objectives, agreement lists) build alike.

A row of buttons above an editable table of records, one record a row; Delete on the
table runs the tab's delete; selecting a record selects and reveals its whole row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.SelectedClicked
)

_SINGLE = QAbstractItemView.SelectionMode.SingleSelection


def make_record_table(
    parent: QWidget,
    model: QAbstractItemModel,
    name: str,
    *,
    accessible_name: str | None = None,
    selection_mode: QAbstractItemView.SelectionMode = _SINGLE,
) -> QTableView:
    """A table of whole-row records, edited in place, rows of one text line."""
    table = QTableView(parent)
    table.setObjectName(name)
    if accessible_name is not None:
        table.setAccessibleName(accessible_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection_mode)
    table.setEditTriggers(EDIT_TRIGGERS)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


def add_delete_action(table: QTableView, text: str, slot: Callable[[], None]) -> QAction:
    """Let the Delete key, pressed on ``table``, call ``slot``."""
    delete = QAction(text, table)
    delete.setShortcuts(QKeySequence.StandardKey.Delete)
    delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    delete.triggered.connect(slot)
    table.addAction(delete)
    return delete


def select_row(table: QTableView, index: QModelIndex | QPersistentModelIndex) -> None:
    """Make ``index`` current, select its whole row (only it) and scroll it into view."""
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.selectionModel().setCurrentIndex(index, flags)
    table.scrollTo(index)


def push_button(parent: QWidget, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    """A button named ``name`` (for tests and styles) that calls ``slot`` when clicked."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def lay_out_buttons_over_table(
    owner: QWidget, buttons: Sequence[QWidget], status: QWidget, table: QTableView
) -> QVBoxLayout:
    """``owner``'s layout: the buttons left, ``status`` right, the table below taking the rest."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    row.addWidget(status)
    layout = QVBoxLayout(owner)
    layout.addLayout(row)
    layout.addWidget(table, 1)
    return layout
