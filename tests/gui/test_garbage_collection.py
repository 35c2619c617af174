"""Collection runs on the UI thread only, when the collector's thresholds say so."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QApplication

from abm_planner.gui.garbage_collection import UiThreadCollector


def test_the_collector_switches_automatic_collection_off_and_back_on(qapp: QApplication) -> None:
    collector = UiThreadCollector(qapp)
    gc.enable()
    collector.start()
    try:
        assert not gc.isenabled()
    finally:
        collector.stop()
    assert gc.isenabled()


def test_a_due_generation_is_collected(qapp: QApplication) -> None:
    collector = UiThreadCollector(qapp)
    threshold = gc.get_threshold()
    try:
        gc.set_threshold(5, 10, 10)
        cycles = []
        for _ in range(50):
            node: list[object] = []
            node.append(node)
            cycles.append(node)
        del cycles, node
        assert collector.collect_if_due() > 0
        gc.set_threshold(1_000_000, 10, 10)
        gc.collect()
        assert collector.collect_if_due() == 0, "nothing is due below the thresholds"
    finally:
        gc.set_threshold(*threshold)
