"""The centre of the window: one account, seen through a row of tabs.

Each later capability (DMU map, Plays, Objectives, Whitespace) adds its tab with one
line in ``WORKSPACE_TABS``; a tab is any widget with ``show_account(account_id)``.
Only the visible tab is told about a new account at once — the others catch up
when they are opened, so a heavy tab (the DMU map) costs nothing until it is used.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from abm_planner.gui.plan_context import PlanContext
from abm_planner.services.accounts import account_row
from abm_planner.services.changes import Change


@runtime_checkable
class WorkspaceTab(Protocol):
    """What a workspace tab is: a QWidget that can show one account (or none)."""

    def show_account(self, account_id: uuid.UUID | None) -> None: ...


@dataclass(frozen=True, slots=True)
class TabSpec:
    """A workspace tab: its (untranslated) title and how to build it for a plan."""

    title: str
    factory: Callable[[PlanContext], QWidget]


def _overview(context: PlanContext) -> QWidget:
    from abm_planner.gui.views.overview_tab import OverviewTab

    return OverviewTab(context)


def _stakeholders(context: PlanContext) -> QWidget:
    from abm_planner.gui.views.stakeholders_tab import StakeholdersTab

    return StakeholdersTab(context)


def _dmu_map(context: PlanContext) -> QWidget:
    from abm_planner.gui.views.dmu_map import DmuMapTab

    return DmuMapTab(context)


def _agreement(context: PlanContext) -> QWidget:
    from abm_planner.gui.views.agreement import build_agreement_tab

    return build_agreement_tab(context)


def _objectives(context: PlanContext) -> QWidget:
    from abm_planner.gui.views.agreement import build_objectives_tab

    return build_objectives_tab(context)


def _plays(context: PlanContext) -> QWidget:
    from abm_planner.gui.views.plays.plays_tab import PlaysTab

    return PlaysTab(context)


def _timeline(context: PlanContext) -> QWidget:
    from abm_planner.gui.views.plays.timeline_tab import TimelineTab

    return TimelineTab(context)


WORKSPACE_TABS: list[TabSpec] = [
    TabSpec("Overview", _overview),
    TabSpec("Stakeholders", _stakeholders),
    TabSpec("DMU map", _dmu_map),
    TabSpec("Agreement", _agreement),
    TabSpec("Objectives and metrics", _objectives),
    TabSpec("Plays", _plays),
    TabSpec("Timeline", _timeline),
]


class _TabSlot(QWidget):
    """The page a tab occupies; the tab itself is built the first time it is needed.

    Building every capability's tab (and importing its module) at start-up would cost
    a tenth of a second before the window first paints, for tabs nobody opened yet.
    """

    def __init__(self, spec: TabSpec, context: PlanContext, title: str) -> None:
        super().__init__()
        self._spec, self._context, self._title = spec, context, title
        self._tab: QWidget | None = None
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> QWidget | None:
        return self._tab

    def tab(self) -> QWidget:
        if self._tab is None:
            tab = self._spec.factory(self._context)
            if not isinstance(tab, WorkspaceTab):
                raise TypeError(f"{self._spec.title} tab has no show_account(account_id)")
            tab.setAccessibleName(self._title)
            layout = self.layout()
            assert layout is not None  # set in __init__
            layout.addWidget(tab)
            self._tab = tab
        return self._tab


class EmptyWorkspace(QWidget):
    """Shown instead of the tabs while no account is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyWorkspace")
        label = QLabel(
            self.tr("Select an account in the portfolio, or create one with Account ▸ New account"),
            self,
        )
        label.setObjectName("emptyWorkspaceMessage")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setEnabled(False)  # drawn in the palette's muted text colour
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addStretch(1)
        self.message = label


class AccountWorkspace(QTabWidget):
    """The registered tabs for one account, or a friendly empty state."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountWorkspace")
        self.setAccessibleName(self.tr("Account workspace"))
        self.setDocumentMode(True)
        self._context = context
        self._account_id: uuid.UUID | None = None
        self._delivered: dict[int, uuid.UUID | None] = {}
        self._last_tab = 0
        self._tabs: list[_TabSlot] = []
        for spec in WORKSPACE_TABS:
            title = QCoreApplication.translate("AccountWorkspace", spec.title)
            slot = _TabSlot(spec, context, title)
            self.addTab(slot, title)
            self._tabs.append(slot)
        self._empty = EmptyWorkspace(self)
        self._empty_index = self.addTab(self._empty, "")
        self.currentChanged.connect(self._on_current_changed)
        context.events.changed.connect(self._on_plan_changed)
        self.show_account(None)

    @property
    def account_id(self) -> uuid.UUID | None:
        return self._account_id

    @property
    def tabs(self) -> list[QWidget]:
        """The registered tabs, in ``WORKSPACE_TABS`` order (building any not yet built)."""
        return [slot.tab() for slot in self._tabs]

    @property
    def empty_state(self) -> EmptyWorkspace:
        return self._empty

    def currentWidget(self) -> QWidget:  # noqa: N802 - Qt's name
        """The current tab itself (not the page that holds it)."""
        page = super().currentWidget()
        if isinstance(page, _TabSlot):
            return page.tab()
        return page

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt's name
        """Accept a tab itself as well as the page that holds it."""
        for index, slot in enumerate(self._tabs):
            if widget is slot or widget is slot.built:
                self.setCurrentIndex(index)
                return
        super().setCurrentWidget(widget)

    def selected_stakeholder_ids(self) -> list[uuid.UUID]:
        """The stakeholders selected in the Stakeholders tab (Account ▸ Delete stakeholder)."""
        from abm_planner.gui.views.stakeholders_tab import StakeholdersTab

        for slot in self._tabs:
            tab = slot.built
            if isinstance(tab, StakeholdersTab) and tab.account_id == self._account_id:
                return tab.selected_ids()
        return []

    def show_account(self, account_id: uuid.UUID | None) -> None:
        """Show ``account_id`` in the current tab (the others when opened), or the empty state."""
        self._account_id = account_id
        has_account = account_id is not None
        # Hiding the current tab makes Qt pick another; nothing should load meanwhile.
        self.blockSignals(True)
        self.tabBar().setVisible(has_account)
        for index in range(len(self._tabs)):
            self.setTabVisible(index, has_account)
        self.setTabVisible(self._empty_index, not has_account)
        self.setCurrentIndex(self._last_tab if has_account else self._empty_index)
        self.blockSignals(False)
        if has_account:
            self._deliver(self.currentIndex())
        else:
            for index, shown in list(self._delivered.items()):
                if shown is not None:
                    self._deliver(index)

    def _on_current_changed(self, index: int) -> None:
        if 0 <= index < len(self._tabs):
            self._last_tab = index
        self._deliver(index)

    def _deliver(self, index: int) -> None:
        if not 0 <= index < len(self._tabs):
            return
        if index in self._delivered and self._delivered[index] == self._account_id:
            return
        self._delivered[index] = self._account_id
        tab = self._tabs[index].tab()
        assert isinstance(tab, WorkspaceTab)
        tab.show_account(self._account_id)

    def _on_plan_changed(self, changes: list[Change]) -> None:
        # An account deleted elsewhere (or by undoing its creation) leaves nothing to show.
        account_id = self._account_id
        if account_id is None:
            return
        touched = any(c.kind == "account" and account_id in c.ids for c in changes)
        if touched and account_row(self._context.plan, account_id) is None:
            self.show_account(None)
