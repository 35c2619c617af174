"""The Overview tab: every field of one account, edited in place.

Each finished edit (Enter, leaving the field, picking from a list) is one
``EditAccountCommand`` on the plan's undo stack. A refusal from the service is
shown in red under the field and the stored value comes back, so the form never
shows something the plan file does not hold.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from abm_planner.domain.fields import ACCOUNT_FIELDS, FieldKind, FieldSpec
from abm_planner.errors import NotFoundError, UserError
from abm_planner.gui.commands import EditAccountCommand, push
from abm_planner.gui.models.lookups import LOOKUP_CHANGE_KINDS, PlanLookups
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.choices import Choice, term_choices
from abm_planner.gui.views.field_editors import ChoiceEditor, FieldEditor, make_editor
from abm_planner.services.accounts import account_timestamps, get_account
from abm_planner.services.changes import Change

# Which fields sit together; a field missing here still appears, in the last section.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Account",
        (
            "name",
            "industry_id",
            "region",
            "country",
            "website",
            "crm_id",
            "annual_revenue",
            "employees",
        ),
    ),
    (
        "Engagement",
        ("tier_id", "stage_id", "sales_owner_id", "marketing_owner_id", "handed_off_on"),
    ),
    ("Needs and notes", ("needs", "notes")),
)


def _section_fields() -> list[tuple[str, list[FieldSpec]]]:
    specs = {spec.name: spec for spec in ACCOUNT_FIELDS}
    placed: list[tuple[str, list[FieldSpec]]] = []
    for title, names in SECTIONS:
        placed.append((title, [specs.pop(name) for name in names if name in specs]))
    placed[-1][1].extend(specs.values())
    return placed


def _local_time(moment: datetime | None) -> str:
    """A stored UTC time in the user's time zone, written like the date fields."""
    if moment is None:
        return ""
    local = moment.replace(tzinfo=UTC).astimezone()
    moment_qt = QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute, local.second, local.microsecond // 1000),
    )
    return moment_qt.toString("yyyy-MM-dd HH:mm")


class OverviewTab(QScrollArea):
    """All account fields as a form; one undo command per finished edit."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewTab")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._context = context
        kinds = tuple({spec.vocabulary for spec in ACCOUNT_FIELDS if spec.vocabulary})
        self._lookups = PlanLookups(context.plan, kinds)
        self._account_id: uuid.UUID | None = None
        self.editors: dict[str, FieldEditor] = {}

        page = QWidget(self)
        columns = QHBoxLayout()
        below = QVBoxLayout()
        for number, (title, specs) in enumerate(_section_fields()):
            box = QGroupBox(self._tr(title), page)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for spec in specs:
                editor = make_editor(spec, box)
                editor.committed.connect(self._commit)
                label = QLabel(self._tr(spec.label), box)
                label.setBuddy(editor.widget)
                form.addRow(label, editor.container)
                self.editors[spec.name] = editor
            if title == "Engagement":
                self.fit_score = QLabel(box)
                self.fit_score.setObjectName("fitScore")
                self.fit_score.setAccessibleName(self._tr("Fit score"))
                self.fit_score.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(self._tr("Fit score"), self.fit_score)
            (columns if number < 2 else below).addWidget(box, 1)
        self.timestamps = QLabel(page)
        self.timestamps.setObjectName("accountTimestamps")
        font = self.timestamps.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        self.timestamps.setFont(font)
        self.timestamps.setEnabled(False)  # muted text
        layout = QVBoxLayout(page)
        layout.addLayout(columns)
        layout.addLayout(below)
        layout.addWidget(self.timestamps)
        layout.addStretch(1)
        self.setWidget(page)

        self._fill_choices()
        context.events.changed.connect(self._on_changed)
        self.show_account(None)

    @staticmethod
    def _tr(text: str) -> str:
        return QCoreApplication.translate("OverviewTab", text)

    @property
    def account_id(self) -> uuid.UUID | None:
        return self._account_id

    def show_account(self, account_id: uuid.UUID | None) -> None:
        """Show ``account_id``'s fields, first saving a half-finished edit of the last one."""
        if account_id != self._account_id:
            self.flush()
        self._account_id = account_id
        for editor in self.editors.values():
            editor.clear_error()
        self._refresh()

    def flush(self) -> None:
        """Commit any edit still being typed (its field still has the focus)."""
        for editor in self.editors.values():
            if editor.widget.hasFocus() and editor.is_modified():
                editor.commit()

    def _fill_choices(self) -> None:
        for editor in self.editors.values():
            if isinstance(editor, ChoiceEditor):
                editor.set_choices(*self._choices(editor.spec))

    def _choices(self, spec: FieldSpec) -> tuple[list[Choice], dict[uuid.UUID, str]]:
        """What the editor offers, and the retired terms it shows only where used."""
        if spec.kind is FieldKind.MEMBER:
            return [(member.name, member.id) for member in self._lookups.members], {}
        assert spec.vocabulary is not None
        return term_choices(self._lookups.terms(spec.vocabulary))

    def _refresh(self) -> None:
        values: dict[str, Any] = {}
        times: tuple[datetime | None, datetime | None] = (None, None)
        if self._account_id is not None:
            try:
                values = get_account(self._context.plan, self._account_id)
                times = account_timestamps(self._context.plan, self._account_id)
            except NotFoundError:
                self._account_id = None
        editable = self._account_id is not None and not self._context.read_only
        for name, editor in self.editors.items():
            editor.load(values.get(name))
            editor.set_editable(editable)
        score = values.get("fit_score")
        score_text = (
            "" if score is None else self._tr("{score} of 100").format(score=f"{score:.0f}")
        )
        self.fit_score.setText(score_text)
        created, updated = times
        self.timestamps.setText(
            self._tr("Created {created} · Updated {updated}").format(
                created=_local_time(created), updated=_local_time(updated)
            )
            if created
            else ""
        )

    def _commit(self, name: str, value: Any) -> None:
        editor = self.editors[name]
        if self._account_id is None:
            editor.show_stored()
            return
        command = EditAccountCommand(self._context, self._account_id, {name: value})
        try:
            push(self._context.undo_stack, command)
        except UserError as error:
            editor.show_error(str(error))
            editor.show_stored()
            return
        editor.clear_error()
        editor.show_stored()

    def _on_changed(self, changes: list[Change]) -> None:
        if any(change.kind in LOOKUP_CHANGE_KINDS for change in changes):
            self._lookups.reload()
            self._fill_choices()
            self._refresh()
            return
        if self._account_id is not None and any(
            change.kind == "account" and self._account_id in change.ids for change in changes
        ):
            self._refresh()
