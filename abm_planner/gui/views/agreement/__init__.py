"""The sales–marketing agreement in the GUI: account tabs and plan-wide windows.

Cheap to import: the widgets load when first built. The workspace registers
``build_agreement_tab`` and ``build_objectives_tab``; the main window's menus call the
``open_*`` functions, which show one window per open plan and raise it if it is
already open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from abm_planner.gui.plan_context import PlanContext


def build_agreement_tab(context: PlanContext) -> QWidget:
    """The Agreement tab of the account workspace."""
    from abm_planner.gui.views.agreement.agreement_tab import AgreementTab

    return AgreementTab(context)


def build_objectives_tab(context: PlanContext) -> QWidget:
    """The Objectives and metrics tab of the account workspace."""
    from abm_planner.gui.views.agreement.objectives_tab import ObjectivesTab

    return ObjectivesTab(context)


def open_agreement_editor(context: PlanContext, parent: QWidget | None = None) -> QWidget:
    """Show the Agreement editor (rubric, tiers and rules, lead definition and handoff)."""
    from abm_planner.gui.views.agreement.editor import AgreementEditor
    from abm_planner.gui.views.agreement.windows import show_window

    return show_window(context, "agreement_editor", lambda: AgreementEditor(context, parent))


def open_portfolio_dashboard(context: PlanContext, parent: QWidget | None = None) -> QWidget:
    """Show the Portfolio dashboard (the shared metrics, sales and marketing side by side)."""
    from abm_planner.gui.views.agreement.dashboard import PortfolioDashboard
    from abm_planner.gui.views.agreement.windows import show_window

    return show_window(context, "portfolio_dashboard", lambda: PortfolioDashboard(context, parent))


def open_whitespace_map(context: PlanContext, parent: QWidget | None = None) -> QWidget:
    """Show the Whitespace map (accounts × our solutions)."""
    from abm_planner.gui.views.agreement.whitespace_map import WhitespaceMapWindow
    from abm_planner.gui.views.agreement.windows import show_window

    return show_window(context, "whitespace_map", lambda: WhitespaceMapWindow(context, parent))
