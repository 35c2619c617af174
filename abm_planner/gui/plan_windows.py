"""The plan-wide windows (agreement, dashboard, whitespace, portfolio timeline) as a menu.

Each capability offers an opener ``open_x(context, parent)`` and, because its
windows hold the plan, a closer the main window calls before the plan closes. They
are declared here once; the window builds the "Plan" menu from this list and imports
a capability only when its window is first opened.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from abm_planner.gui.plan_context import PlanContext


@dataclass(frozen=True, slots=True)
class PlanWindowSpec:
    title: str
    tip: str
    module: str
    opener: str
    closer: str | None
    shortcut: str | None = None


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanWindows", text)


PLAN_WINDOWS: tuple[PlanWindowSpec, ...] = (
    PlanWindowSpec(
        "&Agreement…",
        "Key-account criteria, tier thresholds, rules of engagement, lead definition, handoff",
        "abm_planner.gui.views.agreement",
        "open_agreement_editor",
        "abm_planner.gui.views.agreement.windows:close_windows",
        "Ctrl+Shift+A",
    ),
    PlanWindowSpec(
        "Portfolio &dashboard",
        "Pipeline, funnel and coverage for sales and marketing side by side",
        "abm_planner.gui.views.agreement",
        "open_portfolio_dashboard",
        "abm_planner.gui.views.agreement.windows:close_windows",
        "Ctrl+Shift+D",
    ),
    PlanWindowSpec(
        "&Whitespace map",
        "Accounts × our solutions",
        "abm_planner.gui.views.agreement",
        "open_whitespace_map",
        "abm_planner.gui.views.agreement.windows:close_windows",
        "Ctrl+Shift+W",
    ),
    PlanWindowSpec(
        "Portfolio &timeline",
        "Every account's plays on one timeline, filtered by owner, tier and function",
        "abm_planner.gui.views.plays.portfolio_timeline",
        "open_portfolio_timeline",
        None,
        "Ctrl+Shift+T",
    ),
    PlanWindowSpec(
        "DMU &health…",
        "Every account's DMU analysed: red, amber or green, with the finding that matters most",
        "abm_planner.gui.views.dmu_portfolio",
        "open_dmu_health",
        None,
        "Ctrl+Shift+H",
    ),
    PlanWindowSpec(
        "Team and &solutions…",
        "Our team members (the owners everywhere) and our solutions (the whitespace columns)",
        "abm_planner.gui.views.team_and_solutions",
        "open_team_and_solutions",
        None,
    ),
    PlanWindowSpec(
        "&Lists…",
        "The plan's own words: buying roles, stages, play types, channels and the other lists",
        "abm_planner.gui.dialogs.lists_dialog",
        "open_lists_dialog",
        None,
    ),
)


def _resolve(path: str) -> Callable[..., object]:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def build_plan_menu(
    menu: QMenu, context_of: Callable[[], PlanContext | None], parent: QWidget
) -> list[QAction]:
    """Fill ``menu`` with one action per plan window; they open for the current plan."""
    actions = []
    for spec in PLAN_WINDOWS:
        action = QAction(_tr(spec.title), menu)
        action.setStatusTip(_tr(spec.tip))
        action.setToolTip(_tr(spec.tip))
        if spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))

        def open_window(_checked: bool = False, spec: PlanWindowSpec = spec) -> None:
            context = context_of()
            if context is not None:
                _resolve(f"{spec.module}:{spec.opener}")(context, parent)

        action.triggered.connect(open_window)
        menu.addAction(action)
        actions.append(action)
    return actions


def close_plan_windows(context: PlanContext) -> None:
    """Close every window that holds ``context`` (they keep it in ``context.extras``)."""
    closers = {spec.closer for spec in PLAN_WINDOWS if spec.closer}
    for closer in sorted(closers):
        module = closer.partition(":")[0]
        if module in sys.modules:
            _resolve(closer)(context)
    for value in list(context.extras.values()):
        windows = value.values() if isinstance(value, dict) else [value]
        for window in list(windows):
            if isinstance(window, QWidget):
                window.close()
