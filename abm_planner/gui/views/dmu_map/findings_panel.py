"""Beside the map: the account's DMU status, its findings, who carries most weight,
and the warm path to the economic buyer.

Clicking a finding or a name asks the map to highlight those people; "Show on map"
lights up the warm path. The panel only shows an ``AccountAnalysis``; the tab runs
the analysis (off the UI thread for big accounts) and hands it over.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from abm_planner.dmu.records import AMBER, GREEN, RED, AccountAnalysis

TOP_RANKED = 5
IDS_ROLE = Qt.ItemDataRole.UserRole
STATUS_COLOURS = {RED: "#c62828", AMBER: "#b86e00", GREEN: "#2e7d32"}
_STATUS_NAMES = {RED: "Red", AMBER: "Amber", GREEN: "Green"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("FindingsPanel", text)


def _dot(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class FindingsPanel(QFrame):
    """Status, findings, influence ranking and warm path of one account."""

    people_chosen = Signal(object)  # ids to highlight on the map (empty: clear)
    path_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dmuFindingsPanel")
        self.setMinimumWidth(220)
        self.analysis: AccountAnalysis | None = None

        self.status_badge = QLabel(self)
        self.status_badge.setObjectName("dmuStatusBadge")
        self.status_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_badge.setMinimumWidth(64)
        self.status_text = QLabel(self)
        self.status_text.setObjectName("dmuStatusText")
        self.status_text.setWordWrap(True)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.status_text, 1)

        self.findings_list = self._list("dmuFindings", _tr("Findings"))
        self.findings_list.setWordWrap(True)
        self.findings_list.itemClicked.connect(self._on_item_clicked)
        self.ranking_list = self._list("dmuRanking", _tr("Most influential"))
        self.ranking_list.itemClicked.connect(self._on_item_clicked)
        self.ranking_list.setFixedHeight(self.ranking_list.fontMetrics().height() * TOP_RANKED)

        self.path_label = QLabel(self)
        self.path_label.setObjectName("dmuWarmPath")
        self.path_label.setWordWrap(True)
        self.path_button = QPushButton(_tr("Show on map"), self)
        self.path_button.setObjectName("dmuShowPath")
        self.path_button.setCheckable(True)
        self.path_button.toggled.connect(self._on_path_toggled)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(status_row)
        self.findings_heading = _heading(_tr("Findings"), self)
        layout.addWidget(self.findings_heading)
        layout.addWidget(self.findings_list, 1)
        layout.addWidget(_heading(_tr("Most influential"), self))
        layout.addWidget(self.ranking_list)
        layout.addWidget(_heading(_tr("Warm path to the economic buyer"), self))
        layout.addWidget(self.path_label)
        layout.addWidget(self.path_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(0)
        self.show_analysis(None)

    def _list(self, name: str, title: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setObjectName(name)
        widget.setAccessibleName(title)
        widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        widget.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        return widget

    # -- showing -------------------------------------------------------------------------
    def show_busy(self) -> None:
        """The analysis is running: say so instead of showing stale findings."""
        self.status_badge.setText("…")
        self.status_badge.setStyleSheet("")
        self.status_text.setText(_tr("Analysing the decision-making unit…"))

    def show_analysis(self, analysis: AccountAnalysis | None) -> None:
        self.analysis = analysis
        self.findings_list.clear()
        self.ranking_list.clear()
        self.path_button.blockSignals(True)
        self.path_button.setChecked(False)
        self.path_button.setText(_tr("Show on map"))
        self.path_button.blockSignals(False)
        if analysis is None:
            self.status_badge.setText("")
            self.status_badge.setStyleSheet("")
            self.status_text.setText("")
            self.path_label.setText("")
            self.path_button.setEnabled(False)
            return
        self._show_status(analysis)
        decisive = set(analysis.reasons)
        colour = STATUS_COLOURS.get(analysis.status, "#777777")
        for finding in analysis.findings:
            item = QListWidgetItem(finding.message)
            item.setData(IDS_ROLE, list(finding.stakeholder_ids))
            item.setToolTip(f"{finding.message}\n[{finding.code}]")
            if finding.message in decisive:
                item.setIcon(_dot(colour))
                font = QFont(self.findings_list.font())
                font.setBold(True)
                item.setFont(font)
            else:
                item.setIcon(_dot(STATUS_COLOURS[AMBER]))
            self.findings_list.addItem(item)
        self.findings_heading.setVisible(bool(analysis.findings))
        self.findings_list.setVisible(bool(analysis.findings))
        for number, person in enumerate(analysis.influence_ranking[:TOP_RANKED], start=1):
            item = QListWidgetItem(f"{number}. {person.name} — {person.score:.0%}")
            item.setData(IDS_ROLE, [person.id])
            item.setToolTip(
                _tr("Share of the account's influence: {score:.1%}").format(score=person.score)
            )
            self.ranking_list.addItem(item)
        self._show_path(analysis)
        rows = max(self.ranking_list.count(), 1)
        height = self.ranking_list.sizeHintForRow(0) if self.ranking_list.count() else 18
        self.ranking_list.setFixedHeight(height * rows + 2 * self.ranking_list.frameWidth() + 4)

    def _show_status(self, analysis: AccountAnalysis) -> None:
        status = analysis.status
        self.status_badge.setText(_tr(_STATUS_NAMES.get(status, status)).upper())
        self.status_badge.setStyleSheet(
            f"background: {STATUS_COLOURS.get(status, '#777777')}; color: white;"
            " font-weight: bold; border-radius: 4px; padding: 3px 8px;"
        )
        count = len(analysis.findings)
        if status == GREEN:
            text = _tr("No gaps found in the decision-making unit.")
        elif len(analysis.reasons) == count:
            text = _tr("Because of the {n} findings below.").format(n=count)
            if count == 1:
                text = _tr("Because of the finding below.")
        elif len(analysis.reasons) == 1:
            text = _tr("Because of the marked finding ({total} in all).").format(total=count)
        else:
            text = _tr("Because of the {n} marked findings ({total} in all).").format(
                n=len(analysis.reasons), total=count
            )
        self.status_text.setText(text)
        self.status_badge.setToolTip("\n".join(analysis.reasons))
        self.status_text.setToolTip("\n".join(analysis.reasons))

    def _show_path(self, analysis: AccountAnalysis) -> None:
        path = analysis.warm_path
        if path is None:
            self.path_label.setText(_tr("None: no supporter is linked to the economic buyer."))
            self.path_button.setEnabled(False)
        elif len(path) == 1:
            self.path_label.setText(
                _tr("{name} is the economic buyer and on our side.").format(name=path[0])
            )
            self.path_button.setEnabled(True)
        else:
            self.path_label.setText(" → ".join(path))
            self.path_button.setEnabled(True)

    # -- reacting ------------------------------------------------------------------------
    @property
    def warm_path_ids(self) -> list[uuid.UUID]:
        if self.analysis is None or self.analysis.warm_path_ids is None:
            return []
        return list(self.analysis.warm_path_ids)

    def clear_choice(self) -> None:
        for widget in (self.findings_list, self.ranking_list):
            widget.clearSelection()
        if self.path_button.isChecked():
            self.path_button.setChecked(False)

    def _on_path_toggled(self, on: bool) -> None:
        self.path_button.setText(_tr("Hide on map") if on else _tr("Show on map"))
        self.path_toggled.emit(on)

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        other = self.ranking_list if item.listWidget() is self.findings_list else self.findings_list
        other.clearSelection()
        if self.path_button.isChecked():  # the map now shows these people instead
            self.path_button.blockSignals(True)
            self.path_button.setChecked(False)
            self.path_button.setText(_tr("Show on map"))
            self.path_button.blockSignals(False)
        ids = item.data(IDS_ROLE) or []
        self.people_chosen.emit(list(ids))
