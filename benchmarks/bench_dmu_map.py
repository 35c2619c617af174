"""DMU map benchmarks: a 300-card org chart opened and painted, panned, and laid out
as an influence view off the UI thread.

``run.py`` registers these with ``bench_dmu_map.register_dmu_map_benchmarks(runner)``
(the runner module is passed in, as for ``bench_dmu``). Alone,
``python benchmarks/bench_dmu_map.py [run.py options]`` runs just this one.

Unlike the other benchmarks this one runs in the runner's own process: it needs a
``QApplication`` (the offscreen platform unless a display is set) and the real tab.

- open: ``DmuMapTab.show_account`` on the 300-person account (load from the plan, org
  chart layout, 300 cards and their lines built and placed) plus the first paint of
  the view: the first time in the process (imports, fonts), then the median of warm
  runs (switching between two accounts, so each run builds every card again).
- whole map: painting the view with all 300 cards in it (Fit), median.
- panning: one 40-pixel scroll step and its repaint, median and worst of 60 steps.
- influence view: from switching views until the worker's layout is on screen, and
  how long the UI thread was busy within that (the switch itself).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

MAP_PEOPLE = 300
WARM_RUNS = 7
PAN_STEPS = 60
NAMES = ("dmu-map",)


def _ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def _application() -> Any:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    import abm_planner.gui.models  # noqa: F401 - applies the PySide6 work-arounds

    return QApplication.instance() or QApplication([])


def _opening(app: Any, tab: Any, account: Any, other: Any) -> dict[str, float]:
    viewport = tab.view.viewport()

    def idle() -> None:
        tab.wait_for_jobs()
        app.processEvents()

    def open_and_paint() -> None:
        tab.show_account(account)
        viewport.repaint()

    first = _ms(open_and_paint)  # imports, fonts: the first time in a session
    idle()
    warm = []
    for _ in range(WARM_RUNS):
        tab.show_account(other)
        idle()
        warm.append(_ms(open_and_paint))
        idle()
    tab.view.fit()
    whole = statistics.median(_ms(viewport.repaint) for _ in range(WARM_RUNS))
    return {"first": first, "open": statistics.median(warm), "whole": whole}


def _panning(tab: Any) -> dict[str, float]:
    viewport = tab.view.viewport()
    tab.view.set_zoom(1.0)
    bar = tab.view.horizontalScrollBar()
    bar.setValue(bar.minimum())
    viewport.repaint()
    steps = [
        _ms(lambda: (bar.setValue(bar.value() + 40), viewport.repaint())) for _ in range(PAN_STEPS)
    ]
    return {"pan": statistics.median(steps), "pan_worst": max(steps)}


def _influence(tab: Any) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop, QTimer

    from abm_planner.dmu.records import INFLUENCE_MAP, ORG_CHART

    loop = QEventLoop()
    tab.layout_ready.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    started = time.perf_counter()
    switch = _ms(lambda: tab.set_view(INFLUENCE_MAP))
    if tab.busy:
        loop.exec()
    on_screen = (time.perf_counter() - started) * 1000
    tab.set_view(ORG_CHART)
    return {"switch": switch, "influence": on_screen}


def measure_map(out: Path) -> dict[str, float]:
    """Every number of this benchmark, in milliseconds."""
    app = _application()
    from bench_dmu import synthetic_dmu, write_account_plan

    from abm_planner.gui.plan_context import PlanContext
    from abm_planner.gui.views.dmu_map import DmuMapTab
    from abm_planner.services.accounts import create_account
    from abm_planner.services.plans import open_plan

    path = out / f"dmu-map-{MAP_PEOPLE}.abmplan"
    account = write_account_plan(path, synthetic_dmu(MAP_PEOPLE, seed=3))
    context = PlanContext.open(open_plan(path))
    other = create_account(context.plan, {"name": "Small other account"})
    tab = DmuMapTab(context)
    tab.resize(1280, 800)
    tab.show()
    app.processEvents()
    try:
        results = _opening(app, tab, account, other)
        results |= _panning(tab)
        results |= _influence(tab)
    finally:
        tab.wait_for_jobs()
        tab.close()
        tab.deleteLater()
        app.processEvents()
        context.close()
    return results


def register_dmu_map_benchmarks(runner: ModuleType) -> None:
    """Add the DMU map benchmark to ``runner`` (the ``run.py`` module) unless already there."""
    if any(b.name in NAMES for b in runner.BENCHMARKS):
        return
    measurement = runner.Measurement

    @runner.register("dmu-map")
    def dmu_map(context: Any) -> list[Any]:
        numbers = measure_map(context.out)
        label = f"DMU map, {MAP_PEOPLE}-card org chart"
        return [
            measurement(f"{label}: first open in a session", numbers["first"], 600.0, "ms"),
            measurement(f"{label}: open, lay out and paint (median)", numbers["open"], 300.0, "ms"),
            measurement(f"{label}: paint the whole map (median)", numbers["whole"], 300.0, "ms"),
            measurement(f"{label}: pan one step (median)", numbers["pan"], 16.0, "ms"),
            measurement(f"{label}: pan one step (worst)", numbers["pan_worst"], 50.0, "ms"),
            measurement(
                f"DMU map, {MAP_PEOPLE}-card influence view: UI thread busy on switching",
                numbers["switch"],
                300.0,
                "ms",
            ),
            measurement(
                f"DMU map, {MAP_PEOPLE}-card influence view: on screen (worker)",
                numbers["influence"],
                1500.0,
                "ms",
            ),
        ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import run

    register_dmu_map_benchmarks(run)
    options = sys.argv[1:]
    if not any(option.startswith("--only") for option in options):
        options += [f"--only={name}" for name in NAMES]
    sys.exit(run.main(options))
