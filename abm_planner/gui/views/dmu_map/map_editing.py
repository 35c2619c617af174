"""What editing on the map does: drops, drawn lines, menus, Delete and double-click.

Each edit is pushed as an undo command; a refusal (a circle of managers, a line that
already exists, a read-only plan) is shown as the service's sentence and nothing
reaches the stack. People are chosen from a list (``QInputDialog.getItem``) for the
menu entries "Set manager…", "Add influence line to…" and friends.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu

from abm_planner.dmu.records import CONFLICTS_WITH, INFLUENCES, REPORTS_TO
from abm_planner.errors import ReadOnlyPlanError, UserError
from abm_planner.gui import actions
from abm_planner.gui.commands import push, push_all
from abm_planner.gui.commands.base import ServiceCommand
from abm_planner.gui.commands.dmu_commands import (
    AddLineCommand,
    DeleteLineCommand,
    SetManagerCommand,
)
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.dmu_map.stakeholder_editor import edit_stakeholder

if TYPE_CHECKING:
    from abm_planner.gui.views.dmu_map.map_tab import DmuMapTab


def _tr(text: str) -> str:
    return QCoreApplication.translate("DmuMap", text)


class MapEditing(QObject):
    """The tab's edit handlers, kept apart from loading and showing."""

    def __init__(self, tab: DmuMapTab) -> None:
        super().__init__(tab)
        self.tab = tab
        scene, view = tab.scene, tab.view
        scene.reparent_requested.connect(self.set_manager)
        scene.line_requested.connect(self.add_line)
        scene.card_activated.connect(self.edit)
        scene.card_menu_requested.connect(self._exec_card_menu)
        scene.line_menu_requested.connect(self._exec_line_menu)
        view.delete_requested.connect(self.delete_selection)
        view.edit_requested.connect(self._edit_selected)

    @property
    def context(self) -> PlanContext:
        return self.tab.context

    def run(self, command: ServiceCommand) -> bool:
        """Push ``command``; report a refusal. True when the change was made."""
        if self.context.read_only:
            self.tab.report(
                ReadOnlyPlanError(
                    _tr(
                        "This plan is open read-only (it is open in another window); "
                        "close it there to edit it here."
                    )
                )
            )
            return False
        try:
            push(self.context.undo_stack, command)
        except UserError as error:
            self.tab.report(error)
            return False
        return True

    def run_all(self, text: str, commands: Iterable[ServiceCommand]) -> bool:
        """Push ``commands`` as one undo step named ``text``; report a refusal."""
        refusal = push_all(self.context.undo_stack, text, commands)
        if refusal is not None:
            self.tab.report(refusal)
            return False
        return True

    # -- edits ---------------------------------------------------------------------------
    def set_manager(self, ids: list[uuid.UUID], manager_id: uuid.UUID | None) -> bool:
        """Give these people a new solid-line manager (or none); one undo step."""
        if len(ids) == 1:
            return self.run(SetManagerCommand(self.context, ids[0], manager_id))
        return self.run_all(
            _tr("Set the manager of {n} people").format(n=len(ids)),
            (SetManagerCommand(self.context, person, manager_id) for person in ids),
        )

    def add_line(
        self, source: uuid.UUID, target: uuid.UUID, kind: str, dotted: bool = False
    ) -> bool:
        account = self.tab.account_id
        if account is None:
            return False
        return self.run(AddLineCommand(self.context, account, source, target, kind, dotted=dotted))

    def delete_lines(self, line_ids: list[uuid.UUID]) -> bool:
        if not line_ids or self.context.read_only:
            return False
        if len(line_ids) == 1:
            return self.run(DeleteLineCommand(self.context, line_ids[0]))
        return self.run_all(
            _tr("Delete {n} lines").format(n=len(line_ids)),
            (DeleteLineCommand(self.context, line_id) for line_id in line_ids),
        )

    def delete_selection(self) -> None:
        """Delete: the selected people (after asking), else the selected lines."""
        scene = self.tab.scene
        people = scene.selected_card_ids()
        lines = scene.selected_line_ids()
        if people:
            ends = {
                line_id
                for line_id in lines
                if {scene.lines[line_id].row.source_id, scene.lines[line_id].row.target_id}
                & set(people)
            }
            if actions.delete_stakeholders(self.context, people, self.tab):
                self.delete_lines([i for i in lines if i not in ends and i in scene.lines])
        elif lines:
            self.delete_lines(lines)

    def edit(self, stakeholder_id: uuid.UUID) -> bool:
        return edit_stakeholder(self.context, stakeholder_id, self.tab)

    def _edit_selected(self) -> None:
        chosen = self.tab.scene.selected_card_ids()
        if len(chosen) == 1:
            self.edit(chosen[0])

    # -- choosing a person ---------------------------------------------------------------
    def choose_person(self, exclude: uuid.UUID, title: str, label: str) -> uuid.UUID | None:
        """Ask for one of the account's other people; None if cancelled."""
        dmu = self.tab.dmu
        if dmu is None:
            return None
        options: dict[str, uuid.UUID] = {}
        for person in dmu.ordered_people:
            if person.id == exclude:
                continue
            text = f"{person.name} — {person.title}" if person.title else person.name
            while text in options:
                text += " "
            options[text] = person.id
        if not options:
            return None
        names = list(options)
        chosen, ok = QInputDialog.getItem(self.tab, title, label, names, 0, False)
        return options.get(chosen) if ok else None

    def _ask_then(self, person: uuid.UUID, kind: str, dotted: bool = False) -> None:
        name = self.tab.scene.cards[person].info.name
        titles = {
            INFLUENCES: (_tr("Add influence line"), _tr("Whom does {name} influence?")),
            CONFLICTS_WITH: (_tr("Add conflict"), _tr("Who is in conflict with {name}?")),
            REPORTS_TO: (_tr("Add dotted-line manager"), _tr("{name} also reports to:")),
        }
        title, label = titles[kind]
        other = self.choose_person(person, title, label.format(name=name))
        if other is not None:
            self.add_line(person, other, kind, dotted)

    def _ask_manager(self, person: uuid.UUID) -> None:
        name = self.tab.scene.cards[person].info.name
        label = _tr("Whom does {name} report to?").format(name=name)
        manager = self.choose_person(person, _tr("Set manager"), label)
        if manager is not None:
            self.set_manager([person], manager)

    # -- menus ---------------------------------------------------------------------------
    def card_menu(self, person: uuid.UUID) -> QMenu:
        """The context menu of a card (built fresh; ``exec`` it or trigger its actions)."""
        menu = QMenu(self.tab)
        writable = not self.context.read_only
        chosen = self.tab.scene.selected_card_ids() or [person]
        has_manager = any(
            line.row.kind == REPORTS_TO and not line.row.dotted and line.row.source_id == person
            for line in self.tab.scene.cards[person].lines
        )
        entries: list[tuple[str, str, object, bool]] = [
            ("editStakeholder", _tr("Edit…"), lambda: self.edit(person), True),
            ("setManager", _tr("Set manager…"), lambda: self._ask_manager(person), writable),
            (
                "removeManager",
                _tr("Remove manager"),
                lambda: self.set_manager([person], None),
                writable and has_manager,
            ),
            (
                "addDottedManager",
                _tr("Add dotted-line manager…"),
                lambda: self._ask_then(person, REPORTS_TO, dotted=True),
                writable,
            ),
            (
                "addInfluence",
                _tr("Add influence line to…"),
                lambda: self._ask_then(person, INFLUENCES),
                writable,
            ),
            (
                "addConflict",
                _tr("Add conflict with…"),
                lambda: self._ask_then(person, CONFLICTS_WITH),
                writable,
            ),
            (
                "deleteStakeholder",
                _tr("Delete stakeholder…")
                if len(chosen) == 1
                else _tr("Delete {n} stakeholders…").format(n=len(chosen)),
                lambda: actions.delete_stakeholders(self.context, chosen, self.tab),
                writable,
            ),
        ]
        for number, (name, text, slot, enabled) in enumerate(entries):
            if number in (1, 6):
                menu.addSeparator()
            action = QAction(text, menu)
            action.setObjectName(name)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
            menu.addAction(action)
        return menu

    def line_menu(self, line_id: uuid.UUID) -> QMenu:
        menu = QMenu(self.tab)
        chosen = self.tab.scene.selected_line_ids() or [line_id]
        text = _tr("Delete line") if len(chosen) == 1 else _tr("Delete {n} lines")
        action = QAction(text.format(n=len(chosen)), menu)
        action.setObjectName("deleteLine")
        action.setEnabled(not self.context.read_only)
        action.triggered.connect(lambda: self.delete_lines(chosen))
        menu.addAction(action)
        return menu

    def _exec_card_menu(self, person: uuid.UUID, where: QPoint) -> None:
        menu = self.card_menu(person)
        menu.exec(where)
        menu.deleteLater()

    def _exec_line_menu(self, line_id: uuid.UUID, where: QPoint) -> None:
        menu = self.line_menu(line_id)
        menu.exec(where)
        menu.deleteLater()
