"""Screenshot the app on the demo plan, the way the README shows it.

Runs the real app (settings and log in a temporary folder, so the user's own are
untouched), opens a fresh copy of the demo plan, selects an account and grabs the
screen. Needs a display; on a headless machine run it under Xvfb:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/screenshot.py \\
        --theme dark --out docs/screenshots/main-dark.png

``make screenshots`` does this for both themes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 1360, 820
SETTLE_MS = 800
PRESENTER_PAGES = (
    "criteria_tier",
    "dmu",
    "needs_objectives",
    "plays_timeline",
    "actions",
    "estimates",
    "reveal",
)


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--out", type=Path, required=True, help="PNG file to write")
    parser.add_argument("--account", default="Nordhavn Logistics A/S", help="account to select")
    parser.add_argument("--tab", type=int, default=0, help="workspace tab to show (0 = first)")
    parser.add_argument(
        "--presenter",
        choices=PRESENTER_PAGES,
        help="grab the workshop presenter view on this agenda step (or the estimates reveal) "
        "full screen, instead of the main window",
    )
    parser.add_argument(
        "--zoom",
        type=int,
        default=0,
        help="with --presenter: press Ctrl+= this many times (Ctrl+- if negative) first",
    )
    parser.add_argument(
        "--workshop-account",
        help="with --presenter: start a workshop on this account instead of showing the "
        "demo's own workshop",
    )
    return parser.parse_args()


def main() -> int:
    arguments = parse_arguments()
    # A fixed folder, so the plan path in the status bar is the same on every run.
    work = Path(tempfile.gettempdir()) / "ABM Planner screenshots"
    work.mkdir(exist_ok=True)
    settings_file = work / "settings.ini"
    settings_file.write_text(f"[appearance]\ntheme={arguments.theme}\n", encoding="utf-8")
    os.environ["ABM_PLANNER_SETTINGS"] = str(settings_file)
    os.environ["ABM_PLANNER_LOG_DIR"] = str(work)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from abm_planner.gui.logging_setup import setup_logging
    from abm_planner.gui.session import Session, application
    from abm_planner.services.demo import create_demo_plan

    plan_path = work / "Northwind demo.abmplan"
    create_demo_plan(plan_path, overwrite=True).close()
    app = application([])
    session = Session(app, setup_logging(work))
    window = session.window
    window.setGeometry(40, 30, WIDTH, HEIGHT)
    if not session.start(plan_path, start_dialog=False):
        return 1
    portfolio = window.portfolio
    assert portfolio is not None
    model = portfolio.model
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == arguments.account:
            portfolio.table.selectRow(row)
            break
    if window.workspace is not None:
        window.workspace.setCurrentIndex(arguments.tab)
    shown = (
        show_presenter(window, arguments.presenter, arguments.zoom, arguments.workshop_account)
        if arguments.presenter
        else window
    )

    def grab() -> None:
        frame = shown.frameGeometry()
        screen = QApplication.primaryScreen()
        image = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        arguments.out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(arguments.out), "PNG", 0):
            sys.stderr.write(f"could not write {arguments.out}\n")
        else:
            sys.stdout.write(f"{arguments.out}: {image.width()}×{image.height()}\n")
        shown.close()
        window.close()
        app.quit()

    QTimer.singleShot(SETTLE_MS, grab)
    code = app.exec()
    session.finish()
    return code


def show_presenter(window: Any, page: str, zoom: int = 0, account: str | None = None) -> Any:
    """The demo workshop's presenter, full screen, on ``page`` (a step kind or "reveal").

    With ``account``, a new workshop on that account (the demo's own one is ended).
    """
    from abm_planner.gui.views.workshop.presenter_window import present
    from abm_planner.services.workshops import list_workshops, workshop_view

    context = window.context
    with context.plan.read() as session:
        workshop = list_workshops(session)[0]
    if account is not None:
        workshop_id = start_on(context, account)
        with context.plan.read() as session:
            workshop = workshop_view(session, workshop_id)
    presenter = present(context, workshop.id, window)
    if page in ("estimates", "reveal"):
        presenter.toggle_estimates()
        panel = presenter.current_view()
        panel.choose_side("sales")
        if page == "reveal":
            panel.show_reveal()
    else:
        steps = [step.step for step in workshop.agenda]
        presenter.go_to_step(steps.index(page))
    if zoom:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(SETTLE_MS // 2, lambda: presenter.zoom(zoom))
    return presenter


def start_on(context: Any, account: str) -> Any:
    """End the running workshops and start one on ``account`` with the default agenda."""
    from datetime import date

    from abm_planner.services.accounts import list_accounts
    from abm_planner.services.workshops import end_workshop, running_workshop, start_workshop

    account_id = next(a.id for a in list_accounts(context.plan) if a.name == account)
    with context.plan.read() as session:
        running = running_workshop(session)
    if running is not None:
        end_workshop(context.plan, running.id)
    return start_workshop(
        context.plan,
        title="Account planning workshop",
        held_on=date.today(),
        account_ids=[account_id],
        participants=[],
    )


if __name__ == "__main__":
    sys.exit(main())
