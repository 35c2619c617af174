"""The Agreement tab: one account against what sales and marketing agreed.

Shows the account's scores (editable 0-5 with a justification) and fit score, the
assigned tier against the one the score suggests (a disagreement is highlighted and
can be resolved with one click), the tier's rules of engagement in plain words, the
lead checklist, who owns the account on each side, the handoff stage and date, and
our commercial figures for it. Every edit is one undo command.
"""

from __future__ import annotations

import html
import uuid
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from abm_planner.agreements.metrics import PIPELINE_SOURCES, SOURCE_LABELS
from abm_planner.domain.fields import FieldKind, FieldSpec
from abm_planner.errors import NotFoundError, UserError
from abm_planner.gui import actions
from abm_planner.gui.commands import EditAccountCommand, push
from abm_planner.gui.commands.agreement_commands import commercials_command
from abm_planner.gui.models.lookups import LOOKUP_CHANGE_KINDS
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement.cell_editors import ScoreDelegate
from abm_planner.gui.views.agreement.handoff_panel import HandoffPanel
from abm_planner.gui.views.agreement.lead_checklist import LeadChecklistModel
from abm_planner.gui.views.agreement.score_table import (
    CRITERION,
    JUSTIFICATION,
    SCORE,
    WEIGHT,
    ScoreTableModel,
)
from abm_planner.gui.views.field_editors import ChoiceEditor, FieldEditor, make_editor
from abm_planner.services.agreements import AccountAgreement, account_agreement
from abm_planner.services.changes import Change

AGREEMENT_KINDS = frozenset(
    {"criterion", "criterion_score", "tier_rule", "lead_criterion", "lead_check", "handoff"}
)
COMMERCIAL_SPECS: tuple[FieldSpec, ...] = (
    FieldSpec("pipeline_value", "Pipeline value", FieldKind.MONEY),
    FieldSpec("won_revenue", "Revenue won", FieldKind.MONEY),
    FieldSpec("expected_margin_pct", "Expected margin %", FieldKind.MONEY),
    FieldSpec("pipeline_source", "Pipeline source", FieldKind.TERM),
)
DISAGREE_STYLE = (
    "QFrame#tierVerdict { background: rgba(240, 160, 0, 0.16); "
    "border: 1px solid rgba(240, 160, 0, 0.75); border-radius: 4px; }"
)
AGREE_STYLE = (
    "QFrame#tierVerdict { border: 1px solid rgba(128, 128, 128, 0.35); border-radius: 4px; }"
)


def _bullets(sentences: list[str]) -> str:
    items = "".join(f"<li>{html.escape(s)}</li>" for s in sentences)
    return f"<ul style='margin-left: -18px'>{items}</ul>"


class AgreementTab(QScrollArea):
    """The agreement as it applies to the shown account."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementTab")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._context = context
        self._account_id: uuid.UUID | None = None
        self._dirty = False
        self.agreement: AccountAgreement | None = None
        self.scores = ScoreTableModel(context, self)
        self.checklist = LeadChecklistModel(context, self)
        for model in (self.scores, self.checklist):
            model.edit_failed.connect(self._report_later)

        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self._build_header(page))
        layout.addWidget(self._build_scores(page))
        columns = QGridLayout()
        columns.addWidget(self._build_rules(page), 0, 0)
        columns.addWidget(self._build_commercials(page), 1, 0)
        columns.addWidget(self._build_handoff(page), 0, 1, 2, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        columns.setRowStretch(0, 1)
        layout.addLayout(columns, 1)
        self.setWidget(page)
        context.events.changed.connect(self._on_changed)
        self.show_account(None)

    # -- building ------------------------------------------------------------------------

    def _build_header(self, page: QWidget) -> QWidget:
        header = QWidget(page)
        row = QHBoxLayout(header)
        row.setContentsMargins(0, 0, 0, 0)
        self.fit_score = QLabel(header)
        self.fit_score.setObjectName("agreementFitScore")
        font = self.fit_score.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.fit_score.setFont(font)
        self.fit_detail = QLabel(header)
        self.fit_detail.setEnabled(False)
        scores = QVBoxLayout()
        scores.addWidget(self.fit_score)
        scores.addWidget(self.fit_detail)
        row.addLayout(scores)
        self.verdict_frame = QFrame(header)
        self.verdict_frame.setObjectName("tierVerdict")
        verdict = QHBoxLayout(self.verdict_frame)
        self.verdict = QLabel(self.verdict_frame)
        self.verdict.setObjectName("tierVerdictText")
        self.verdict.setWordWrap(True)
        self.use_suggested = QPushButton(self.verdict_frame)
        self.use_suggested.setObjectName("useSuggestedTier")
        self.use_suggested.clicked.connect(self.use_suggested_tier)
        verdict.addWidget(self.verdict, 1)
        verdict.addWidget(self.use_suggested)
        row.addSpacing(16)
        row.addWidget(self.verdict_frame, 1)
        return header

    def _build_scores(self, page: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Key-account criteria"), page)
        table = QTableView(box)
        table.setObjectName("scoreTable")
        table.setAccessibleName(self.tr("Scores by criterion"))
        table.setModel(self.scores)
        table.setItemDelegateForColumn(SCORE, ScoreDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(CRITERION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WEIGHT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SCORE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(JUSTIFICATION, QHeaderView.ResizeMode.Stretch)
        rows = table.verticalHeader()
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        self.score_table = table
        for signal in (self.scores.modelReset, self.scores.rowsInserted, self.scores.rowsRemoved):
            signal.connect(self._fit_score_table)
        self._fit_score_table()
        note = QLabel(
            self.tr(
                "Score each criterion from 0 to 5 and say why. Criteria left unscored "
                "are left out of the fit score."
            ),
            box,
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        layout = QVBoxLayout(box)
        layout.addWidget(table)
        layout.addWidget(note)
        return box

    def _build_commercials(self, page: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Pipeline and revenue (ours)"), page)
        form = QFormLayout(box)
        self.editors: dict[str, FieldEditor] = {}
        for spec in COMMERCIAL_SPECS:
            editor = make_editor(spec, box)
            editor.committed.connect(self._commit_commercials)
            label = QLabel(self.tr(spec.label), box)
            label.setBuddy(editor.widget)
            form.addRow(label, editor.container)
            self.editors[spec.name] = editor
        source = self.editors["pipeline_source"]
        assert isinstance(source, ChoiceEditor)
        # A choice carries any value; here the stored source key, not a record id.
        sources: list[Any] = [(self.tr(SOURCE_LABELS[key]), key) for key in PIPELINE_SOURCES]
        source.set_choices(sources)
        return box

    def _build_rules(self, page: QWidget) -> QGroupBox:
        self.rules_box = QGroupBox(self.tr("Rules of engagement"), page)
        self.rules = QLabel(self.rules_box)
        self.rules.setObjectName("rulesOfEngagement")
        self.rules.setWordWrap(True)
        self.rules.setTextFormat(Qt.TextFormat.RichText)
        self.rules.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.rules.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self.rules_box)
        layout.addWidget(self.rules, 1)
        return self.rules_box

    def _build_handoff(self, page: QWidget) -> QGroupBox:
        self.handoff = HandoffPanel(self.checklist, page)
        return self.handoff

    def _fit_score_table(self) -> None:
        """As tall as its rows: the page scrolls, the table never does."""
        table = self.score_table
        rows = max(self.scores.rowCount(), 1)
        height = table.verticalHeader().defaultSectionSize() * rows
        table.setFixedHeight(
            height + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
        )

    # -- showing -------------------------------------------------------------------------

    @property
    def account_id(self) -> uuid.UUID | None:
        return self._account_id

    def show_account(self, account_id: uuid.UUID | None) -> None:
        self._account_id = account_id
        self.scores.set_account(account_id)
        self.checklist.set_account(account_id)
        for editor in self.editors.values():
            editor.clear_error()
        self._refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self._refresh()

    def _refresh(self) -> None:
        self._dirty = False
        agreement = None
        if self._account_id is not None:
            try:
                agreement = account_agreement(self._context.plan, self._account_id)
            except NotFoundError:
                agreement = None
        self.agreement = agreement
        editable = agreement is not None and not self._context.read_only
        for editor in self.editors.values():
            editor.set_editable(editable)
        if agreement is None:
            self._show_nothing()
            return
        self._show_scores(agreement)
        self._show_verdict(agreement)
        tier = agreement.verdict.assigned
        self.rules_box.setTitle(
            self.tr("Rules of engagement · {tier}").format(tier=tier.label)
            if tier
            else self.tr("Rules of engagement")
        )
        self.rules.setText(_bullets(agreement.rules))
        self.handoff.show_agreement(agreement)
        figures = agreement.commercials
        for name, editor in self.editors.items():
            value = getattr(figures, name)
            editor.load(value if value != "" else None)

    def _show_nothing(self) -> None:
        self.fit_score.setText("")
        self.fit_detail.setText("")
        self.verdict.setText("")
        self.use_suggested.hide()
        self.rules.setText("")
        self.handoff.show_agreement(None)
        for editor in self.editors.values():
            editor.load(None)

    def _show_scores(self, agreement: AccountAgreement) -> None:
        if agreement.fit_score is None:
            self.fit_score.setText(self.tr("Fit score: not assessed"))
        else:
            self.fit_score.setText(
                self.tr("Fit score {score} of 100").format(score=f"{agreement.fit_score:.0f}")
            )
        self.fit_detail.setText(
            self.tr("Scored on {scored} of {total} criteria").format(
                scored=agreement.scored, total=len(agreement.scores)
            )
        )

    def _show_verdict(self, agreement: AccountAgreement) -> None:
        judged = agreement.verdict
        assigned = judged.assigned.label if judged.assigned else self.tr("no tier")
        suggested = judged.suggested
        self.use_suggested.setVisible(judged.disagrees and not self._context.read_only)
        if judged.direction == "agrees":
            text = self.tr("Tier {tier} — the fit score agrees.").format(tier=assigned)
        elif judged.disagrees and suggested is not None:
            text = (
                self.tr(
                    "Assigned tier {tier}, but the fit score suggests a higher tier: {suggested}."
                )
                if judged.direction == "higher"
                else self.tr(
                    "Assigned tier {tier}, but the fit score suggests a lower tier: {suggested}."
                )
            ).format(tier=assigned, suggested=suggested.label)
            self.use_suggested.setText(self.tr("Use {tier}").format(tier=suggested.label))
        elif suggested is not None:
            text = self.tr("No tier assigned; the fit score suggests {suggested}.").format(
                suggested=suggested.label
            )
        elif agreement.fit_score is None:
            text = self.tr(
                "Tier {tier}; score the criteria to see which tier they suggest."
            ).format(tier=assigned)
        else:
            text = self.tr("Tier {tier}; the fit score is below every tier's minimum.").format(
                tier=assigned
            )
        self.verdict.setText(text)
        self.verdict_frame.setProperty("disagrees", judged.disagrees)
        self.verdict_frame.setStyleSheet(DISAGREE_STYLE if judged.disagrees else AGREE_STYLE)

    # -- editing -------------------------------------------------------------------------

    def use_suggested_tier(self) -> None:
        agreement = self.agreement
        if agreement is None or agreement.verdict.suggested is None:
            return
        command = EditAccountCommand(
            self._context, agreement.account_id, {"tier_id": agreement.verdict.suggested.tier_id}
        )
        try:
            push(self._context.undo_stack, command)
        except UserError as error:
            actions.show_user_error(self, error)

    def _commit_commercials(self, name: str, value: Any) -> None:
        editor = self.editors[name]
        agreement = self.agreement
        if agreement is None:
            editor.show_stored()
            return
        command = commercials_command(
            self._context, agreement.account_id, agreement.name, {name: value}
        )
        try:
            push(self._context.undo_stack, command)
        except UserError as error:
            editor.show_error(str(error))
            editor.show_stored()
            return
        editor.clear_error()

    def _report_later(self, error: UserError) -> None:
        # After the cell editor has closed: a message box must not steal its focus.
        QTimer.singleShot(0, lambda: actions.show_user_error(self, error))

    def _on_changed(self, changes: list[Change]) -> None:
        account_id = self._account_id
        if account_id is None:
            return
        relevant = any(
            change.kind in AGREEMENT_KINDS
            or change.kind in LOOKUP_CHANGE_KINDS
            or (change.kind == "account" and account_id in change.ids)
            for change in changes
        )
        if not relevant:
            return
        if self.isVisible():
            self._refresh()
        else:
            self._dirty = True
