"""Counts read as words: "1 whitespace cell", "3 touches", never "1 whitespace(s)".

The CLI's summary after an import, the dry-run preview's counts and the GUI's
name every kind a round trip or CRM import writes with its own singular and
plural.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from round_trip_helpers import edit, export, set_cell, values

from abm_planner.cli import main
from abm_planner.excel.change_nouns import NOUNS, count_of, count_text
from abm_planner.excel.preview_text import applied_text, conflicts_text, skipped_text
from abm_planner.excel.round_trip_sheets import KIND_LABELS
from abm_planner.services.plans import open_plan


@pytest.mark.parametrize(
    ("kind", "one", "three"),
    [
        ("whitespace", "1 whitespace cell", "3 whitespace cells"),
        ("play", "1 play", "3 plays"),
        ("touch", "1 touch", "3 touches"),
        ("line", "1 relationship line", "3 relationship lines"),
        ("objective", "1 objective", "3 objectives"),
        ("decision", "1 decision", "3 decisions"),
        ("action", "1 action", "3 actions"),
        ("play_template", "1 play template", "3 play templates"),
        ("term", "1 industry", "3 industries"),
        ("account", "1 account", "3 accounts"),
        ("stakeholder", "1 stakeholder", "3 stakeholders"),
    ],
)
def test_every_kind_counts_in_words(kind: str, one: str, three: str) -> None:
    assert count_of(kind, 1) == one
    assert count_of(kind, 3) == three


def test_every_kind_the_preview_names_has_its_nouns() -> None:
    assert set(KIND_LABELS) <= set(NOUNS)
    assert count_of(kind="whitespace", number=12_000) == "12,000 whitespace cells"


def test_the_previews_counts_read_as_words() -> None:
    assert count_text("whitespace cells added", 1) == "1 whitespace cell added"
    assert count_text("whitespace cells added", 2) == "2 whitespace cells added"
    assert count_text("play templates changed", 1) == "1 play template changed"
    assert count_text("plays deleted", 1) == "1 play deleted"
    assert count_text("lines added", 1) == "1 line added"
    assert count_text("account rows", 1) == "1 account row"
    assert count_text("contacts skipped", 1) == "1 contact skipped"
    assert count_text("conflicts", 0) == "0 conflicts"
    assert count_text("something else", 4) == "something else 4"


def test_the_summary_after_an_import_reads_as_words() -> None:
    assert applied_text({"whitespace": 1, "play": 3}, {}, {"touch": 1}) == (
        "added 1 whitespace cell, 3 plays; deleted 1 touch"
    )
    assert applied_text({}, {}, {}) == "nothing to change"
    assert skipped_text(1) == "1 contact without a known account was skipped."
    assert conflicts_text(1).startswith("1 change conflicting with edits made in the plan")
    assert "were left out" in conflicts_text(2)


def test_the_cli_names_one_whitespace_cell(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = open_plan(demo_copy)
    try:
        source = export(plan, tmp_path / "e.xlsx")
    finally:
        plan.close()

    def change(book: Any) -> None:
        sheet = book["Whitespace"]
        header = sheet.cell(1, 2).value
        now = values(sheet, 2)[header]
        set_cell(sheet, 2, header, "Competitor" if now != "Competitor" else "Ours")

    edited = edit(source, tmp_path / "edited.xlsx", change)
    assert main(["import", str(demo_copy), str(edited), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "1 whitespace cell changed" in printed and "(s)" not in printed
    assert main(["import", str(demo_copy), str(edited)]) == 0
    printed = capsys.readouterr().out
    assert ": changed 1 whitespace cell." in printed and "(s)" not in printed
