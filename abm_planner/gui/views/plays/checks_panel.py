"""The clash and gap panel: what the play checks say about the account, and what to run.

Clashes (plays on one person in the same week, touches over the weekly limit) come
first, then gaps (key players and DMU findings no play addresses, key players short
of touches), each as a wrapped sentence. Under each play gap, the library plays that
fit it, each with an Assign button: one click assigns that play to the gap's people,
starting next Monday, as one undoable step.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from abm_planner.plays.records import Notice, PlayChecks, Suggestion

ICON_SIZE = 16


class ChecksPanel(QWidget):
    """Notices with one-click suggestions; emits ``assign_requested``."""

    assign_requested = Signal(object, list)  # template id, stakeholder ids
    join_requested = Signal(object, list)  # id of a play the account runs, stakeholder ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playChecksPanel")
        self.title = QLabel(self)
        self.title.setObjectName("playChecksTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.list_area = QScrollArea(self)
        self.list_area.setObjectName("playChecksList")
        self.list_area.setAccessibleName(self.tr("Clashes and gaps"))
        self.list_area.setWidgetResizable(True)
        self.list_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list_area, 1)
        self.buttons: list[QPushButton] = []
        self.suggested: list[tuple[Notice, Suggestion, QPushButton]] = []
        self.notices: list[Notice] = []
        self._writable = True
        self.show_checks(None)

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        for button in self.buttons:
            button.setEnabled(writable)

    def show_checks(self, checks: PlayChecks | None) -> None:
        """Show an account's notices (None: nothing to show)."""
        page = QWidget()
        page.setObjectName("playChecksPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(6, 6, 6, 6)
        column.setSpacing(4)
        self.buttons = []
        self.suggested = []
        self.notices = []
        if checks is None:
            self.title.setText(self.tr("Clashes and gaps"))
        else:
            self.notices = [*checks.clashes, *checks.touch_gaps]
            clashes, gaps = len(checks.clashes), len(checks.touch_gaps)
            self.title.setText(
                self.tr("Clashes and gaps ({clashes}, {gaps})").format(
                    clashes=self.tr("1 clash")
                    if clashes == 1
                    else self.tr("{n} clashes").format(n=clashes),
                    gaps=self.tr("1 gap") if gaps == 1 else self.tr("{n} gaps").format(n=gaps),
                )
            )
            if not self.notices:
                column.addWidget(
                    self._line(
                        QStyle.StandardPixmap.SP_DialogApplyButton,
                        self.tr("No clashes and no gaps: nicely planned."),
                    )
                )
            for notice in checks.clashes:
                column.addWidget(
                    self._line(QStyle.StandardPixmap.SP_MessageBoxWarning, notice.message)
                )
            for notice in checks.touch_gaps:
                column.addWidget(
                    self._line(QStyle.StandardPixmap.SP_MessageBoxInformation, notice.message)
                )
                for suggestion in notice.suggestions:
                    column.addWidget(self._suggestion(notice, suggestion))
        column.addStretch(1)
        self.list_area.setWidget(page)

    def _line(self, icon: QStyle.StandardPixmap, text: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 4, 0, 0)
        picture = QLabel(row)
        picture.setPixmap(self.style().standardIcon(icon).pixmap(ICON_SIZE, ICON_SIZE))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        label = QLabel(text, row)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(picture)
        layout.addWidget(label, 1)
        return row

    def _suggestion(self, notice: Notice, suggestion: Suggestion) -> QWidget:
        row = QFrame()
        row.setObjectName("playSuggestion")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(ICON_SIZE + 12, 0, 0, 0)
        people = ", ".join(notice.stakeholders)
        targets = list(notice.stakeholder_ids)
        if suggestion.play_id is not None and targets:
            # The account already runs this play: the people join it.
            text = self.tr("Add {people} to the running <b>{play}</b>").format(
                play=suggestion.name, people=people
            )
            button = QPushButton(self.tr("Add"), row)
            button.setObjectName("joinSuggestion")
            button.setToolTip(self.tr("Add them to the targets of that play"))
            play_id: uuid.UUID = suggestion.play_id  # type: ignore[assignment]
            button.clicked.connect(lambda: self.join_requested.emit(play_id, targets))
        else:
            if people:
                text = self.tr("Run <b>{play}</b> for {people}").format(
                    play=suggestion.name, people=people
                )
            else:
                text = self.tr("Run <b>{play}</b>").format(play=suggestion.name)
            button = QPushButton(self.tr("Assign"), row)
            button.setObjectName("assignSuggestion")
            button.setToolTip(
                self.tr("Assign {play} to this account, starting next Monday").format(
                    play=suggestion.name
                )
            )
            template_id: uuid.UUID = suggestion.template_id  # type: ignore[assignment]
            button.clicked.connect(lambda: self.assign_requested.emit(template_id, targets))
        label = QLabel(text, row)
        label.setWordWrap(True)
        button.setEnabled(self._writable)
        layout.addWidget(label, 1)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.buttons.append(button)
        self.suggested.append((notice, suggestion, button))
        return row
