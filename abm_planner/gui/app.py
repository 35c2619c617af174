"""The desktop app's entry point: ``abm-planner`` and ``abm-planner PLAN`` end up here.

Start-up is kept short (first paint with a 5,000-account plan under a second).
Dialogs, the demo writer and other rarely used modules load when first used. The
core (SQLAlchemy, Alembic, the services) is imported *before* PySide6: once PySide6
is loaded, its import hook reads the source of every module imported after it
(``shibokensupport.feature``), which costs a third of the start-up time when the
core comes second.

Environment variables for tests and scripts:

- ``ABM_PLANNER_SETTINGS``: keep settings in this INI file (see ``settings.py``).
- ``ABM_PLANNER_LOG_DIR``: write the log here instead of the platform's log folder.
- ``ABM_PLANNER_NO_START_DIALOG=1``: never block on the start dialog; with no plan to
  open, show the window's empty state instead.
- ``ABM_PLANNER_EXIT_AFTER_PAINT=1``: quit once the window has painted, printing the
  time since ``main()`` was entered (the start-up benchmark).
"""

from __future__ import annotations

import importlib
import time

CORE_MODULES = (
    "abm_planner.services.plans",
    "abm_planner.services.accounts",
    "abm_planner.services.stakeholders",
    "abm_planner.services.lookups",
)


def main(argv: list[str]) -> int:
    """Run the app; ``argv`` is what follows the program name (an optional plan path)."""
    started = time.perf_counter()
    for name in CORE_MODULES:
        importlib.import_module(name)
    from abm_planner.gui.session import run

    return run(argv, started)
