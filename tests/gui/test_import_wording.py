"""The GUI's summary after an import names every kind of record in words."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from abm_planner.excel.import_model import ImportResult
from abm_planner.gui.dialogs.import_dialog import describe_result


def test_the_summary_counts_sheet_records_in_words(qtbot: QtBot) -> None:
    del qtbot  # a QApplication for translate()
    result = ImportResult(
        {"whitespace": 1, "touch": 3, "account": 1},
        {"play": 1, "line": 2},
        {"objective": 1, "decision": 2, "action": 1},
        0,
        0.1,
    )
    text = describe_result(result, Path("backup.abmplan"), 0)
    assert text.startswith(
        "Imported: added 1 account, 3 touches, 1 whitespace cell; "
        "changed 2 relationship lines, 1 play; deleted 1 objective, 2 decisions, 1 action."
    )
    assert "(s)" not in text and "touchs" not in text
