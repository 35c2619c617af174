"""The main window's actions, menus and toolbar, declared in one place.

Every command a user can reach is a ``QAction`` here, with its standard shortcut
(``QKeySequence`` standard keys, so each platform gets its own conventions), icon
and status tip; the window connects them to its slots and enables them by state.
Only commands that work are listed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from abm_planner.gui.icons import icon

_Key = QKeySequence.StandardKey
_Role = QAction.MenuRole


class WindowActions(QObject):
    """All actions of the main window; ``install`` puts them in menus and the toolbar."""

    def __init__(self, window: QMainWindow, undo_group: QUndoGroup) -> None:
        super().__init__(window)
        tr = self.tr
        self.new_plan = self._action(
            tr("&New plan…"), "new", _Key.New, tr("Create an empty plan file")
        )
        self.open_plan = self._action(tr("&Open…"), "open", _Key.Open, tr("Open a plan file"))
        self.open_team_plan = self._action(
            tr("Open &team plan…"),
            None,
            "Ctrl+Shift+O",
            tr("Open the plan your team shares on a PostgreSQL server"),
        )
        self.open_demo = self._action(
            tr("Open &demo plan"), "demo", None, tr("Open your copy of the demo plan")
        )
        self.clear_recent = self._action(
            tr("&Clear list"), None, None, tr("Forget the recently opened plans")
        )
        self.save_copy = self._action(
            tr("Save a &copy as…"),
            "save-copy",
            _Key.SaveAs,
            tr("Write a copy of this plan to another file"),
        )
        self.restore_backup = self._action(
            tr("&Restore from backup…"),
            None,
            None,
            tr("Go back to one of the backups ABM Planner keeps of this plan"),
        )
        self.sync_plan = self._action(
            tr("S&ync with team plan…"),
            None,
            None,
            tr("Send this offline copy's edits to its team plan and bring in the team's"),
        )
        self.sync_plan.setEnabled(False)  # on for offline copies (sync_conflicts_flow)
        self.import_files = self._action(
            tr("&Import…"),
            "import",
            "Ctrl+I",
            tr("Add accounts and contacts from CSV or Excel files, or bring back an edited export"),
        )
        self.export_workbook = self._action(
            tr("&Excel workbook…"),
            "export",
            "Ctrl+E",
            tr("Write the plan as an Excel workbook"),
        )
        self.export_pdf = self._action(
            tr("&PDF handout…"),
            None,
            None,
            tr("Write a handout for the workshop: a PDF with a section per account"),
        )
        self.export_menu = QMenu(tr("&Export"), window)
        self.export_menu.setIcon(icon("export"))
        self.close_plan = self._action(
            tr("&Close"), "close", _Key.Close, tr("Close this plan (every edit is already saved)")
        )
        self.quit = self._action(tr("&Quit"), None, _Key.Quit, tr("Quit ABM Planner"))
        self.quit.setMenuRole(_Role.QuitRole)

        self.undo = undo_group.createUndoAction(self, tr("&Undo"))
        self.undo.setIcon(icon("undo"))
        self.undo.setShortcuts(QKeySequence.keyBindings(_Key.Undo))
        self.undo.setStatusTip(tr("Undo the last change"))
        self.redo = undo_group.createRedoAction(self, tr("&Redo"))
        self.redo.setIcon(icon("redo"))
        self.redo.setShortcuts(QKeySequence.keyBindings(_Key.Redo))
        self.redo.setStatusTip(tr("Redo the change you undid"))
        self.find = self._action(
            tr("&Find account"), "search", _Key.Find, tr("Search the portfolio")
        )
        self.settings = self._action(
            tr("&Settings…"),
            "settings",
            _Key.Preferences,
            tr("Appearance, default owner, recent plans"),
        )
        if self.settings.shortcut().isEmpty():
            self.settings.setShortcut(QKeySequence("Ctrl+,"))
            _describe(self.settings, self.settings.statusTip())
        self.settings.setMenuRole(_Role.PreferencesRole)

        self.new_account = self._action(
            tr("&New account…"),
            "account-add",
            "Ctrl+Shift+N",
            tr("Add an account to the portfolio"),
        )
        self.delete_account = self._action(
            tr("&Delete account…"),
            "account-delete",
            None,
            tr("Delete the selected account and its records"),
        )
        self.new_stakeholder = self._action(
            tr("New &stakeholder…"),
            "person-add",
            "Ctrl+Shift+K",
            tr("Add a person to the selected account"),
        )
        self.delete_stakeholder = self._action(
            tr("Delete s&takeholder…"),
            "person-delete",
            None,
            tr("Delete the selected stakeholders"),
        )

        self.about = self._action(
            tr("&About ABM Planner"),
            "about",
            None,
            tr("Version, and where the plan and the log are"),
        )
        self.about.setMenuRole(_Role.AboutRole)
        self.recent_menu = QMenu(tr("Open &recent"), window)
        self.recent_menu.setIcon(icon("open"))

    def _action(
        self, text: str, icon_name: str | None, shortcut: _Key | str | None, tip: str
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if isinstance(shortcut, str):
            action.setShortcut(QKeySequence(shortcut))
        elif shortcut is not None:
            action.setShortcuts(QKeySequence.keyBindings(shortcut))
        action.setStatusTip(tip)
        _describe(action, tip)
        return action

    def fill_recent_menu(self, recent: list[Path], open_plan: Callable[[Path], object]) -> None:
        """Rebuild Open recent ▸ just before it shows (files that vanished are gone)."""
        menu = self.recent_menu
        menu.clear()
        for number, path in enumerate(recent, start=1):
            prefix = f"&{number} " if number < 10 else ""
            action = menu.addAction(f"{prefix}{path.stem}")
            action.setStatusTip(str(path))
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: open_plan(p))
        if not recent:
            menu.addAction(self.tr("No recent plans")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.clear_recent)
        self.clear_recent.setEnabled(bool(recent))

    def plan_actions(self) -> list[QAction]:
        """Actions that need an open plan."""
        return [
            self.save_copy,
            self.restore_backup,
            self.export_workbook,
            self.export_pdf,
            self.close_plan,
            self.find,
        ]

    def edit_actions(self) -> list[QAction]:
        """Actions that change the plan: off when it is read-only."""
        return [
            self.new_account,
            self.delete_account,
            self.new_stakeholder,
            self.delete_stakeholder,
            self.import_files,
        ]

    def install(self, window: QMainWindow) -> QToolBar:
        bar = window.menuBar()
        bar.setAccessibleName(self.tr("Menu bar"))
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_plan, self.open_plan, self.open_team_plan])
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.open_demo)
        file_menu.addSeparator()
        file_menu.addActions([self.save_copy, self.restore_backup])
        file_menu.addAction(self.sync_plan)
        file_menu.addSeparator()
        file_menu.addAction(self.import_files)
        self.export_menu.addActions([self.export_workbook, self.export_pdf])
        file_menu.addMenu(self.export_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.close_plan, self.quit])

        edit_menu = self.edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        self.history_slot = edit_menu.addSeparator()  # Edit ▸ History goes before it
        edit_menu.addAction(self.find)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings)

        account_menu = bar.addMenu(self.tr("&Account"))
        account_menu.addActions([self.new_account, self.delete_account])
        account_menu.addSeparator()
        account_menu.addActions([self.new_stakeholder, self.delete_stakeholder])

        self.plan_menu = bar.addMenu(self.tr("&Plan"))
        self.plan_menu.setAccessibleName(self.tr("Plan windows"))

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about)

        toolbar = QToolBar(self.tr("Main toolbar"), window)
        toolbar.setObjectName("mainToolBar")
        toolbar.setAccessibleName(self.tr("Main toolbar"))
        toolbar.setIconSize(QSize(22, 22))
        toolbar.setMovable(False)
        toolbar.addActions([self.new_plan, self.open_plan, self.save_copy])
        toolbar.addSeparator()
        toolbar.addActions([self.undo, self.redo])
        toolbar.addSeparator()
        toolbar.addActions([self.new_account, self.delete_account])
        toolbar.addActions([self.new_stakeholder, self.delete_stakeholder])
        toolbar.addSeparator()
        toolbar.addActions([self.find, self.settings])
        window.addToolBar(toolbar)
        return toolbar


def _describe(action: QAction, tip: str) -> None:
    """Tooltip: the command, its shortcut, and what it does."""
    name = action.text().replace("&", "").rstrip("…")
    key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{name} ({key})\n{tip}" if key else f"{name}\n{tip}")
