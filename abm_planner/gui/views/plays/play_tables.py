"""The Plays tab's two tables: the account's plays, and touches per stakeholder.

Both are ``RecordTableModel`` s with their columns declared as data; the records come
straight from the services (``AssignmentRow``, ``PersonTouches``). Touches against
the threshold are drawn as a small progress bar by ``ThresholdDelegate``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from abm_planner.gui.models.record_table import (
    CENTER,
    RECORD_ROLE,
    RIGHT,
    Column,
    RecordTableModel,
    text_key,
)
from abm_planner.services.plays import AssignmentRow
from abm_planner.services.touches import PersonTouches

LEADS = {"marketing": "Marketing", "sales": "Sales", "joint": "Joint"}
MUTED = QColor(140, 140, 140)
REACHED = QColor("#43a047")
PROGRESS = QColor("#fb8c00")

TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value


def _day(value: Any) -> str:
    return value.isoformat() if value else ""


def _money(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


PLAY_COLUMNS: tuple[Column[AssignmentRow], ...] = (
    Column("Play", lambda r: r.name, lambda r: text_key(r.name)),
    Column("Lead", lambda r: LEADS.get(r.lead_function, r.lead_function)),
    Column("Status", lambda r: r.status, lambda r: text_key(r.status)),
    Column("Start", lambda r: _day(r.start_on), lambda r: _day(r.start_on) or "9999"),
    Column("End", lambda r: _day(r.end_on), lambda r: _day(r.end_on) or "9999"),
    Column("Targets", lambda r: ", ".join(r.targets), lambda r: len(r.targets)),
    Column("Sales owner", lambda r: r.sales_owner, lambda r: text_key(r.sales_owner)),
    Column("Marketing owner", lambda r: r.marketing_owner, lambda r: text_key(r.marketing_owner)),
    Column("Budget", lambda r: _money(r.budget), lambda r: r.budget or 0.0, RIGHT),
    Column(
        "Touches",
        lambda r: f"{r.touches} / {r.expected_touches}",
        lambda r: (r.touches, r.expected_touches),
        RIGHT,
    ),
    Column("Outcome", lambda r: r.outcome.replace("\n", " "), lambda r: text_key(r.outcome)),
)


class PlayTableModel(RecordTableModel[AssignmentRow]):
    """The account's plays; done and cancelled ones are muted, long cells have tooltips."""

    translation_context = "PlayTableModel"
    extra_roles = frozenset({TOOLTIP, FOREGROUND})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(PLAY_COLUMNS, lambda r: r.id, parent)

    def extra_data(self, record: AssignmentRow, column: Column[AssignmentRow], role: int) -> Any:
        if role == FOREGROUND:
            return MUTED if record.status_key in ("done", "cancelled") else None
        if role == TOOLTIP and column.title in ("Targets", "Outcome"):
            text = column.getter(record)
            return text or None
        return None


PEOPLE_COLUMNS: tuple[Column[PersonTouches], ...] = (
    Column("Stakeholder", lambda p: p.name, lambda p: text_key(p.name)),
    Column("Key", lambda p: "★" if p.key_player else "", lambda p: not p.key_player, CENTER),
    Column(
        "Touches",
        lambda p: f"{p.tally.total} / {p.tally.threshold}",
        lambda p: (p.tally.total, p.name),
    ),
    Column("Last 90 days", lambda p: str(p.tally.recent), lambda p: p.tally.recent, RIGHT),
    Column("Marketing", lambda p: str(p.tally.marketing), lambda p: p.tally.marketing, RIGHT),
    Column("Sales", lambda p: str(p.tally.sales), lambda p: p.tally.sales, RIGHT),
    Column("Last touch", lambda p: _day(p.tally.last_on), lambda p: _day(p.tally.last_on)),
)
TOUCHES_COLUMN = 2


class TouchTallyModel(RecordTableModel[PersonTouches]):
    """Each stakeholder's touches against the threshold for a viable lead."""

    translation_context = "TouchTallyModel"
    extra_roles = frozenset({TOOLTIP})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(PEOPLE_COLUMNS, lambda p: p.stakeholder_id, parent)

    def extra_data(self, record: PersonTouches, column: Column[PersonTouches], role: int) -> Any:
        del column
        if role == TOOLTIP:
            tally = record.tally
            if tally.reached:
                return self.tr("{name} has reached the {n} touches of a viable lead.").format(
                    name=record.name, n=tally.threshold
                )
            return self.tr("{missing} more touches until a viable lead ({total} of {n}).").format(
                missing=tally.missing, total=tally.total, n=tally.threshold
            )
        return None


class ThresholdDelegate(QStyledItemDelegate):
    """Touches as a bar filling towards the threshold (green once reached) with the count."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        record = index.data(RECORD_ROLE)
        if not isinstance(record, PersonTouches):
            super().paint(painter, option, index)
            return
        style_option = QStyleOptionViewItem(option)
        self.initStyleOption(style_option, index)
        style_option.text = ""
        widget: QWidget | None = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, style_option, painter, widget)
        tally = record.tally
        rect = QRectF(option.rect).adjusted(4, 5, -56, -5)  # type: ignore[attr-defined]
        share = min(tally.total / tally.threshold, 1.0) if tally.threshold else 1.0
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = option.palette.color(QPalette.ColorRole.Mid)  # type: ignore[attr-defined]
        track.setAlpha(70)
        painter.setBrush(track)
        painter.drawRoundedRect(rect, 3, 3)
        if share > 0:
            painter.setBrush(REACHED if tally.reached else PROGRESS)
            painter.drawRoundedRect(
                QRectF(rect.left(), rect.top(), rect.width() * share, rect.height()), 3, 3
            )
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))  # type: ignore[attr-defined]
        text_rect = QRectF(option.rect).adjusted(0, 0, -4, 0)  # type: ignore[attr-defined]
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            f"{tally.total} / {tally.threshold}",
        )
        painter.restore()


def record_table_view(parent: QWidget, name: str, accessible: str) -> QTableView:
    """A read-only, sortable table of whole rows, as every list of the Plays tab shows."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setSortingEnabled(True)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setStretchLastSection(True)
    return table
