"""Plan ▸ Team and solutions…: our people (the owners everywhere) and our solutions
(the columns of the whitespace map), edited in one window.

Two tables, edited in place; add, delete and (for solutions) move up or down with
the buttons. Every change is one undo command on the plan's stack, and the tables
follow the plan's change signal, so undo, redo and edits elsewhere show here too.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.commands.base import ServiceCommand, push
from abm_planner.gui.commands.team_commands import (
    add_member_command,
    add_solution_command,
    delete_member_command,
    delete_solution_command,
    edit_member_command,
    edit_solution_command,
    move_solution_command,
)
from abm_planner.gui.dialogs.record_forms import TeamMemberFormDialog
from abm_planner.gui.models.record_table import ID_ROLE, VALUE_ROLE, Column
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement.cell_editors import FixedChoiceDelegate
from abm_planner.gui.views.agreement.editing import EDIT, EditableTable
from abm_planner.gui.views.record_table import (
    add_delete_action,
    lay_out_buttons_over_table,
    make_record_table,
    push_button,
    select_row,
)
from abm_planner.services import team
from abm_planner.services.changes import Change
from abm_planner.services.team import SolutionRow, TeamMemberRow

FUNCTION_LABELS = {"sales": "Sales", "marketing": "Marketing", "other": "Other"}
EXTRAS_KEY = "team_and_solutions"


def _plural(n: int, one: str, many: str) -> str:
    return f"1 {one}" if n == 1 else f"{n} {many}"


class _PlanTable(EditableTable[Any]):
    """Rows read from the plan, read again when a change of ``kinds`` is announced."""

    kinds: frozenset[str] = frozenset()
    extra_roles = frozenset({EDIT, VALUE_ROLE})

    def __init__(self, context: PlanContext, columns: list[Column[Any]], parent: QObject) -> None:
        super().__init__(context, columns, lambda r: r.id, parent)
        self.set_records(self.read())
        context.events.changed.connect(self._on_changed)

    def read(self) -> list[Any]:
        raise NotImplementedError

    def edit_command(self, record: Any, changes: dict[str, Any]) -> ServiceCommand:
        raise NotImplementedError

    def extra_data(self, record: Any, column: Column[Any], role: int) -> Any:
        if role in (EDIT, VALUE_ROLE) and column.field is not None:
            return getattr(record, column.field)
        return None

    def setData(  # noqa: N802
        self, index: Any, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        name = self.columns[index.column()].field if index.isValid() else None
        if name is None or role != EDIT or self.context.read_only:
            return False
        record = self.record(index.row())
        if isinstance(value, str):
            value = value.strip()
        if value == getattr(record, name):
            return True
        return self.push(self.edit_command(record, {name: value}))

    def _on_changed(self, changes: list[Change]) -> None:
        if any(change.kind in self.kinds for change in changes):
            self.sync(self.read())


class MemberTable(_PlanTable):
    kinds = frozenset({"plan", "team_member"})
    editable_fields = frozenset({"name", "email", "title", "function"})

    def __init__(self, context: PlanContext, parent: QObject) -> None:
        columns: list[Column[TeamMemberRow]] = [
            Column("Name", lambda r: r.name, field="name"),
            Column("Email", lambda r: r.email, field="email"),
            Column("Title", lambda r: r.title, field="title"),
            Column(
                "Function", lambda r: FUNCTION_LABELS.get(r.function, r.function), field="function"
            ),
        ]
        super().__init__(context, columns, parent)

    def read(self) -> list[TeamMemberRow]:
        return team.list_team_members(self.context.plan)

    def edit_command(self, record: TeamMemberRow, changes: dict[str, Any]) -> ServiceCommand:
        return edit_member_command(self.context, record.id, record.name, changes)


class SolutionTable(_PlanTable):
    kinds = frozenset({"plan", "solution"})
    editable_fields = frozenset({"name", "description"})

    def __init__(self, context: PlanContext, parent: QObject) -> None:
        columns: list[Column[SolutionRow]] = [
            Column("Name", lambda r: r.name, field="name"),
            Column("Description", lambda r: r.description.replace("\n", " "), field="description"),
        ]
        super().__init__(context, columns, parent)

    def read(self) -> list[SolutionRow]:
        return team.list_solutions(self.context.plan)

    def edit_command(self, record: SolutionRow, changes: dict[str, Any]) -> ServiceCommand:
        return edit_solution_command(self.context, record.id, record.name, changes)


class TeamAndSolutionsWindow(QDialog):
    """Our team members and our solutions, in a tool window of their own."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamAndSolutionsWindow")
        self.setWindowTitle(self.tr("Team and solutions"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self._context = context
        self.members = MemberTable(context, self)
        self.solutions = SolutionTable(context, self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._members_box())
        splitter.addWidget(self._solutions_box())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        for model in (self.members, self.solutions):
            model.edit_failed.connect(self._report_later)
            for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
                signal.connect(lambda *_: self._update_controls())
        self._update_controls()
        self.resize(760, 620)

    def _members_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Team members"), self)
        self.add_member_button = push_button(
            box, self.tr("Add team member…"), "addTeamMember", self.add_member
        )
        self.delete_member_button = push_button(
            box, self.tr("Delete team member"), "deleteTeamMember", self.delete_member
        )
        self.member_count = QLabel(box)
        self.member_table = make_record_table(
            box, self.members, "teamMemberTable", accessible_name=self.tr("Team members")
        )
        choices = [(self.tr(FUNCTION_LABELS[key]), key) for key in vocab.TEAM_FUNCTIONS]
        self._function_delegate = FixedChoiceDelegate(lambda _index: choices, self.member_table)
        self.member_table.setItemDelegateForColumn(3, self._function_delegate)
        for column, width in enumerate((180, 200, 160)):
            self.member_table.horizontalHeader().resizeSection(column, width)
        add_delete_action(self.member_table, self.tr("Delete team member"), self.delete_member)
        self.member_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_controls()
        )
        lay_out_buttons_over_table(
            box,
            [self.add_member_button, self.delete_member_button],
            self.member_count,
            self.member_table,
        )
        return box

    def _solutions_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Solutions (the columns of the whitespace map, in order)"), self)
        self.add_solution_button = push_button(
            box, self.tr("Add solution…"), "addSolution", self.add_solution
        )
        self.delete_solution_button = push_button(
            box, self.tr("Delete solution"), "deleteSolution", self.delete_solution
        )
        self.up_button = push_button(box, self.tr("Move up"), "moveSolutionUp", self.move_up)
        self.down_button = push_button(
            box, self.tr("Move down"), "moveSolutionDown", self.move_down
        )
        self.solution_count = QLabel(box)
        self.solution_table = make_record_table(
            box, self.solutions, "solutionTable", accessible_name=self.tr("Solutions")
        )
        self.solution_table.horizontalHeader().resizeSection(0, 220)
        add_delete_action(self.solution_table, self.tr("Delete solution"), self.delete_solution)
        self.solution_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_controls()
        )
        buttons = [
            self.add_solution_button,
            self.delete_solution_button,
            self.up_button,
            self.down_button,
        ]
        lay_out_buttons_over_table(box, buttons, self.solution_count, self.solution_table)
        return box

    # -- selection ------------------------------------------------------------------------

    @staticmethod
    def _selected(table: QTableView) -> uuid.UUID | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def selected_member(self) -> TeamMemberRow | None:
        member_id = self._selected(self.member_table)
        return None if member_id is None else self.members.record_by_id(member_id)

    def selected_solution(self) -> SolutionRow | None:
        solution_id = self._selected(self.solution_table)
        return None if solution_id is None else self.solutions.record_by_id(solution_id)

    def select(self, table: QTableView, model: _PlanTable, record_id: uuid.UUID) -> None:
        row = model.row_of(record_id)
        if row is not None:
            select_row(table, model.index(row, 0))

    # -- actions --------------------------------------------------------------------------

    def _push(self, command: ServiceCommand) -> bool:
        try:
            push(self._context.undo_stack, command)
        except UserError as error:
            actions.show_user_error(self, error)
            return False
        return True

    def add_member(self) -> None:
        if self._context.read_only:
            return
        dialog = TeamMemberFormDialog(self)
        dialog.setWindowTitle(self.tr("Add team member"))
        try:
            if not dialog.exec():
                return
            values = dialog.values()
        except UserError as error:
            actions.show_user_error(self, error)
            return
        finally:
            dialog.deleteLater()
        command = add_member_command(self._context, values)
        if self._push(command) and command.record_id is not None:
            self.select(self.member_table, self.members, command.record_id)

    def delete_member(self) -> None:
        member = self.selected_member()
        if member is None or self._context.read_only:
            return
        owned = team.member_ownership(self._context.plan, member.id)
        parts = [
            _plural(owned.accounts, "account", "accounts"),
            _plural(owned.stakeholders, "stakeholder", "stakeholders"),
            _plural(owned.plays, "play", "plays"),
        ]
        text = self.tr("Delete team member {name}?").format(name=member.name)
        if owned.total:
            text += " " + self.tr(
                "They own {parts}{other}; those will have no owner (Undo puts them back)."
            ).format(
                parts=", ".join(parts),
                other=self.tr(" and {n} other records").format(n=owned.other)
                if owned.other
                else "",
            )
        else:
            text += " " + self.tr("They own no accounts, stakeholders or plays.")
        if not actions.confirm(self, self.tr("Delete team member"), text):
            return
        self._push(delete_member_command(self._context, member.id, member.name))

    def add_solution(self) -> None:
        if self._context.read_only:
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Add solution"),
            self.tr("Name of the solution (the description can be set in the table):"),
            QLineEdit.EchoMode.Normal,
            "",
        )
        if not ok:
            return
        command = add_solution_command(self._context, {"name": name})
        if self._push(command) and command.record_id is not None:
            self.select(self.solution_table, self.solutions, command.record_id)

    def delete_solution(self) -> None:
        solution = self.selected_solution()
        if solution is None or self._context.read_only:
            return
        cells = team.solution_cell_count(self._context.plan, solution.id)
        text = self.tr("Delete solution {name}?").format(name=solution.name)
        if cells:
            text += " " + self.tr(
                "Its {cells} on the whitespace map will be deleted too (Undo puts them back)."
            ).format(cells=_plural(cells, "cell", "cells"))
        else:
            text += " " + self.tr("No account has a whitespace cell for it.")
        if not actions.confirm(self, self.tr("Delete solution"), text):
            return
        self._push(delete_solution_command(self._context, solution.id, solution.name))

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, offset: int) -> None:
        solution = self.selected_solution()
        if solution is None or self._context.read_only:
            return
        try:
            command = move_solution_command(self._context, solution.id, solution.name, offset)
        except UserError as error:
            actions.show_user_error(self, error)
            return
        if self._push(command):
            self.select(self.solution_table, self.solutions, solution.id)

    def _update_controls(self) -> None:
        editable = not self._context.read_only
        self.add_member_button.setEnabled(editable)
        self.add_solution_button.setEnabled(editable)
        self.delete_member_button.setEnabled(editable and self.selected_member() is not None)
        solution = self.selected_solution()
        row = -1 if solution is None else (self.solutions.row_of(solution.id) or 0)
        self.delete_solution_button.setEnabled(editable and solution is not None)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < self.solutions.rowCount() - 1)
        members, solutions = self.members.rowCount(), self.solutions.rowCount()
        self.member_count.setText(_plural(members, "team member", "team members"))
        self.solution_count.setText(_plural(solutions, "solution", "solutions"))

    def _report_later(self, error: UserError) -> None:
        QTimer.singleShot(0, self, lambda: actions.show_user_error(self, error))


def open_team_and_solutions(context: PlanContext, parent: QWidget | None) -> TeamAndSolutionsWindow:
    """Show Plan ▸ Team and solutions…; raise the window if it is already open."""
    existing = context.extras.get(EXTRAS_KEY)
    if isinstance(existing, TeamAndSolutionsWindow):
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    window = TeamAndSolutionsWindow(context, parent)
    context.extras[EXTRAS_KEY] = window
    window.destroyed.connect(lambda: context.extras.pop(EXTRAS_KEY, None))
    window.show()
    return window
