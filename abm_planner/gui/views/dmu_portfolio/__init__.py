"""DMU health of all accounts: the portfolio analysis in a window of its own.

Plan ▸ DMU health… runs ``analyse_accounts`` for every account in the thread pool
(``gui.workers.Job``: a progress dialog with Cancel after a moment, the UI thread
never waits) and lists the outcome: account, red/amber/green status, the number of
findings, the finding that matters most and whether a warm path to the economic
buyer exists. Filter by status or name, sort by any column (status sorts
red > amber > green), and double-click or press Enter on an account to select it
in the main window and open its DMU map. Edits to the plan do not re-run the
analysis; a hint offers Refresh instead. One window per open plan.
"""

from __future__ import annotations

from abm_planner.gui.views.dmu_portfolio.model import COLUMNS, DmuHealthFilter, DmuHealthModel
from abm_planner.gui.views.dmu_portfolio.window import DmuHealthWindow, open_dmu_health

__all__ = ["COLUMNS", "DmuHealthFilter", "DmuHealthModel", "DmuHealthWindow", "open_dmu_health"]
