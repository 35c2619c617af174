"""Workshop ▸ Snapshots & changes: the plan's named snapshots and what changed since one.

Choose a snapshot and the right side lists, per account, the records added and
removed and every field changed (old → new) since it was taken, as
``services.plan_changes.changes_since`` reports them. Comparing reads the whole
snapshot, so it runs in a worker (``gui.workers``); while the window is open, later
edits re-run the comparison, so the list is "what changed" right now.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.models.record_table import RIGHT, Column, RecordTableModel
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.workers import Job, start_job
from abm_planner.services.changes import Change
from abm_planner.services.plan_snapshots import SnapshotInfo, list_snapshots, take_snapshot

EXTRAS_KEY = "workshop.snapshots"
PLAN_WIDE = "—"
RECOMPUTE_DELAY_MS = 400


def _tr(text: str) -> str:
    return QCoreApplication.translate("SnapshotsWindow", text)


def local_time(moment: datetime) -> str:
    """A stored UTC time as the reader's local time, to the minute."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


KIND_LABELS = {
    "manual": "By hand",
    "workshop_start": "Workshop start",
    "workshop_end": "Workshop end",
}

SNAPSHOT_COLUMNS: tuple[Column[SnapshotInfo], ...] = (
    Column("Snapshot", lambda s: s.label, lambda s: s.label.casefold()),
    Column("Taken", lambda s: local_time(s.taken_at), lambda s: s.taken_at),
    Column("Kind", lambda s: _tr(KIND_LABELS.get(s.kind, s.kind))),
    Column("Records", lambda s: f"{s.record_count:,}", lambda s: s.record_count, RIGHT),
)


def value_text(value: Any) -> str:
    if value is None or value == "":
        return _tr("(empty)")
    if isinstance(value, float):
        return f"{value:g}"
    text = str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def field_text(name: str) -> str:
    """A stored column name as words ("attitude_id" → "attitude")."""
    return name.removesuffix("_id").replace("_", " ")


def group_by_account(report: Any) -> dict[str, list[tuple[str, str]]]:
    """The report's lines per account name (plan-wide records under "—"), each (kind, text)."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for account, group in report.by_account().items():
        lines = grouped.setdefault(account or PLAN_WIDE, [])
        lines += [
            ("added", _tr("Added {type} {name}").format(type=i["type"], name=i["name"]))
            for i in group["added"]
        ]
        lines += [
            ("removed", _tr("Removed {type} {name}").format(type=i["type"], name=i["name"]))
            for i in group["removed"]
        ]
        lines += [
            (
                "changed",
                _tr("{type} {name}: {field} {old} → {new}").format(
                    type=i["type"],
                    name=i["name"],
                    field=field_text(i["field"]),
                    old=value_text(i["old"]),
                    new=value_text(i["new"]),
                ),
            )
            for i in group["changed"]
        ]
    return grouped


class SnapshotsWindow(QWidget):
    """Snapshots on the left; the changes since the chosen one on the right."""

    changes_shown = Signal()  # the tree shows the report for the chosen snapshot

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("snapshotsWindow")
        self.setWindowTitle(_tr("Snapshots and changes — {plan}").format(plan=context.plan.name))
        self.context = context
        self.job: Job | None = None
        self.report: Any = None
        self._pending_label: str | None = None
        self.model: RecordTableModel[SnapshotInfo] = RecordTableModel(
            SNAPSHOT_COLUMNS, lambda s: s.id, self
        )
        self.table = QTableView(self)
        self.table.setObjectName("snapshotTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.compare())
        self.take_button = QPushButton(_tr("Take snapshot…"), self)
        self.take_button.setObjectName("takeSnapshot")
        self.take_button.clicked.connect(self.ask_and_take)
        self.take_button.setEnabled(not context.read_only)
        self.summary = QLabel(_tr("Choose a snapshot to see what changed since."), self)
        self.summary.setObjectName("changesSummary")
        self.summary.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(_tr("Filter accounts"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("changesTree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self._lay_out()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_DELAY_MS)
        self._timer.timeout.connect(self.compare)
        context.events.changed.connect(self._on_changed)
        self.reload()
        self.resize(1100, 640)

    def _lay_out(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.table, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.filter)
        right_layout.addWidget(self.tree, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([460, 640])
        QVBoxLayout(self).addWidget(splitter)

    # -- snapshots -----------------------------------------------------------------------

    def reload(self) -> None:
        chosen = self.chosen_label()
        with self.context.plan.read() as session:
            snapshots = list_snapshots(session)
        self.model.set_records(reversed(snapshots))  # newest first
        if chosen is not None:
            self.choose(chosen)

    def chosen_label(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()).label if rows else None

    def choose(self, label: str) -> None:
        for row, info in enumerate(self.model.records):
            if info.label == label:
                self.table.selectRow(row)
                return

    def ask_and_take(self) -> SnapshotInfo | None:
        label, ok = QInputDialog.getText(
            self, _tr("Take snapshot"), _tr("Name of the snapshot:"), QLineEdit.EchoMode.Normal, ""
        )
        if not ok:
            return None
        return self.take(label)

    def take(self, label: str) -> SnapshotInfo | None:
        try:
            info = take_snapshot(self.context.plan, label)
        except UserError as error:
            actions.show_user_error(self, error)
            return None
        self.reload()
        self.choose(info.label)
        return info

    # -- changes -------------------------------------------------------------------------

    def compare(self) -> None:
        """Compare the plan with the chosen snapshot, in a worker."""
        label = self.chosen_label()
        if label is None:
            self.tree.clear()
            return
        if self.job is not None and self.job.running:
            self._pending_label = label
            return
        from abm_planner.services.plan_changes import changes_since

        plan = self.context.plan
        self.summary.setText(_tr("Comparing with “{label}”…").format(label=label))
        self.job = start_job(
            lambda _progress, _cancelled: changes_since(plan, label),
            self,
            title=_tr("What changed"),
            label=_tr("Comparing the plan with “{label}”…").format(label=label),
            cancellable=False,
        )
        self.job.succeeded.connect(lambda report: self._show_report(label, report))
        self.job.finished.connect(self._after_job)

    def _after_job(self) -> None:
        if self._pending_label is not None:
            self._pending_label = None
            QTimer.singleShot(0, self, self.compare)

    def _show_report(self, label: str, report: Any) -> None:
        if label != self.chosen_label():
            return
        self.report = report
        self.tree.clear()
        counts = (len(report.added), len(report.removed), len(report.changed))
        if not any(counts):
            self.summary.setText(_tr("Nothing changed since “{label}”.").format(label=label))
        else:
            self.summary.setText(
                _tr("Since “{label}”: {a} added · {r} removed · {c} changed").format(
                    label=label, a=counts[0], r=counts[1], c=counts[2]
                )
            )
        marks = {"added": "＋", "removed": "－", "changed": "✎"}
        for account, lines in group_by_account(report).items():
            name = account if account != PLAN_WIDE else _tr("Plan-wide records")
            top = QTreeWidgetItem(self.tree, [f"{name}  ({len(lines)})"])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for kind, text in lines:
                child = QTreeWidgetItem(top, [f"{marks[kind]}  {text}"])
                child.setData(0, Qt.ItemDataRole.UserRole, kind)
                child.setToolTip(0, text)
            top.setExpanded(True)
        self._apply_filter(self.filter.text())
        self.changes_shown.emit()

    def lines(self) -> list[str]:
        """Every change line shown (for tests and copying)."""
        shown: list[str] = []
        for top in self._accounts():
            children = (top.child(n) for n in range(top.childCount()))
            shown.extend(child.text(0) for child in children if child is not None)
        return shown

    def _accounts(self) -> list[QTreeWidgetItem]:
        count = self.tree.topLevelItemCount()
        return [item for n in range(count) if (item := self.tree.topLevelItem(n)) is not None]

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self._accounts():
            item.setHidden(bool(needle) and needle not in item.text(0).casefold())

    # -- staying current -----------------------------------------------------------------

    def _on_changed(self, changes: list[Change]) -> None:
        if any(c.kind == "snapshot" for c in changes):
            self.reload()
        if self.chosen_label() is not None and self.isVisible():
            self._timer.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._timer.stop()
        event.accept()


def open_snapshots(context: PlanContext, parent: QWidget) -> SnapshotsWindow:
    """Show the plan's snapshots window (one per plan; raised when open)."""
    window = context.extras.get(EXTRAS_KEY)
    if not isinstance(window, SnapshotsWindow):
        window = SnapshotsWindow(context, parent)
        context.extras[EXTRAS_KEY] = window
    else:
        window.reload()
    window.show()
    window.raise_()
    window.activateWindow()
    return window
