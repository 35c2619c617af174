"""The lead definition and handoff of one account: owners, stage, handoff, checklist.

Part of the Agreement tab: who owns the account on each side, its journey stage, the
agreed handoff and the date it was handed off, where it stands (with warnings for odd
combinations), and the lead checklist whose boxes are undoable edits.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QListView, QVBoxLayout, QWidget

from abm_planner.gui.views.agreement.lead_checklist import LeadChecklistModel
from abm_planner.services.agreements import AccountAgreement

WARNING_STYLE = "color: #c77700;"
CHECK_OUTLINE = "#9aa0a8"


class HandoffPanel(QGroupBox):
    def __init__(self, checklist: LeadChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Lead definition and handoff"))
        form = QFormLayout()
        self.facts: dict[str, QLabel] = {}
        for key, label in (
            ("sales_owner", self.tr("Sales owner")),
            ("marketing_owner", self.tr("Marketing owner")),
            ("stage", self.tr("Journey stage")),
            ("handoff", self.tr("Agreed handoff")),
            ("handed_off_on", self.tr("Handed off on")),
        ):
            value = QLabel(self)
            value.setObjectName(f"{key}Fact")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.facts[key] = value
        self.state = QLabel(self)
        self.state.setObjectName("handoffState")
        self.state.setWordWrap(True)
        self.warnings = QLabel(self)
        self.warnings.setObjectName("handoffWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.summary = QLabel(self)
        self.summary.setObjectName("checklistSummary")
        self.view = QListView(self)
        self.view.setObjectName("leadChecklist")
        self.view.setAccessibleName(self.tr("Lead definition checklist"))
        self.view.setModel(checklist)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setSpacing(2)
        self.view.setMinimumHeight(self.view.fontMetrics().height() * 7)
        # Fusion outlines a check box in the Window colour made darker, which vanishes on
        # the dark theme's Base; a mid grey here outlines it visibly on both themes.
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(CHECK_OUTLINE))
        self.view.setPalette(palette)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addWidget(self.warnings)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def show_agreement(self, agreement: AccountAgreement | None) -> None:
        """Fill in the account's handoff (or clear everything for no account)."""
        if agreement is None:
            for label in (*self.facts.values(), self.state, self.warnings, self.summary):
                label.setText("")
            return
        none = self.tr("—")
        self.facts["sales_owner"].setText(agreement.sales_owner or none)
        self.facts["marketing_owner"].setText(agreement.marketing_owner or none)
        self.facts["stage"].setText(agreement.stage or none)
        if agreement.handoff_from and agreement.handoff_to:
            self.facts["handoff"].setText(f"{agreement.handoff_from} → {agreement.handoff_to}")
        else:
            self.facts["handoff"].setText(self.tr("not agreed"))
        when = agreement.handed_off_on
        self.facts["handed_off_on"].setText(when.isoformat() if when else none)
        self.state.setText(agreement.handoff.message)
        self.warnings.setText("\n".join(agreement.handoff.warnings))
        self.warnings.setVisible(bool(agreement.handoff.warnings))
        self.summary.setText(agreement.checklist.summary())
