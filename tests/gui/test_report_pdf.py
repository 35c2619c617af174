"""The PDF handout: ``abm-planner report`` and File ▸ Export ▸ PDF handout.

Each PDF is read back with poppler's ``pdftotext`` (page by page, split at form
feeds), so the tests see what a reader selecting text would: the account names,
the DMU findings, the people on the map, decisions and actions, page numbers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from abm_planner.cli import main
from abm_planner.gui.main_window import MainWindow
from abm_planner.gui.report import report_export, report_pages
from abm_planner.gui.report.report_data import plan_date
from abm_planner.gui.report.report_sections import long_date
from abm_planner.gui.settings import Settings
from abm_planner.services.decisions import add_action, add_decision
from abm_planner.services.dmu_analysis import (
    accounts_by_name,
    analyse_accounts,
    load_account_dmu,
)
from abm_planner.services.lookups import team_members
from abm_planner.services.plans import open_plan

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

WAIT_MS = 60_000
OFFSCREEN_WINDOW_WARNINGS = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


def pages_text(pdf: Path) -> list[str]:
    """The text of each page, whitespace folded (wrapped lines read as one)."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [" ".join(page.split()) for page in pages]


def folded(text: str) -> str:
    return " ".join(text.split())


def section_starts(pages: list[str], names: list[str]) -> dict[str, int]:
    """Account name -> index of the page where its section starts; every page that
    starts a section must belong to one of ``names``."""
    starts = {}
    for n, page in enumerate(pages):
        if not page.startswith("ACCOUNT PLAN ") or page.startswith("ACCOUNT PLAN HANDOUT"):
            continue
        (name,) = [m for m in names if page.startswith(f"ACCOUNT PLAN {m} ")]
        assert name not in starts, f"{name} has two sections"
        starts[name] = n
    return starts


def demo_names(path: Path) -> list[str]:
    plan = open_plan(path, read_only=True)
    try:
        return [name for _id, name in accounts_by_name(plan)]
    finally:
        plan.close()


@pytest.fixture
def plan_file(demo_plan_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "Northwind.abmplan"
    path.parent.mkdir()
    shutil.copyfile(demo_plan_path, path)
    return path


@pytest.fixture(scope="module")
def whole_handout(
    qapp, demo_plan_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[str]]:
    """The handout of every demo account, written by the command."""
    del qapp
    out = tmp_path_factory.mktemp("handout") / "handout.pdf"
    assert main(["report", str(demo_plan_path), str(out)]) == 0
    return out, pages_text(out)


def test_every_account_has_its_section_with_its_findings(
    whole_handout: tuple[Path, list[str]], demo_plan_path: Path
):
    pdf, pages = whole_handout
    plan = open_plan(demo_plan_path, read_only=True)
    try:
        names = [name for _id, name in accounts_by_name(plan)]
        analyses = {a.account: a for a in analyse_accounts(plan)}
    finally:
        plan.close()
    starts = section_starts(pages, names)
    assert sorted(starts) == sorted(names)  # one section per account
    order = sorted(starts.values())
    assert list(starts.values()) == order  # sections in name order
    for name, first in starts.items():
        following = [n for n in order if n > first]
        section = " ".join(pages[first : following[0] if following else len(pages)])
        findings = analyses[name].findings
        if not findings:
            assert "No gaps found in the decision-making unit." in section
        for finding in findings:
            assert folded(finding.message) in section, (name, finding.message)
    # the cover lists every account with the page its section starts on
    assert pages[0].startswith("ACCOUNT PLAN HANDOUT")
    cover = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.splitlines()
    for name, first in starts.items():
        (row,) = [line for line in cover if line.strip().startswith(name)]
        assert row.split()[-1] == str(first + 1), row


def test_the_map_is_text_and_every_page_is_numbered(
    whole_handout: tuple[Path, list[str]], demo_plan_path: Path
):
    _pdf, pages = whole_handout
    plan = open_plan(demo_plan_path, read_only=True)
    try:
        footer = f"{plan.name} · {long_date(plan_date(plan))}"
        (account_id, name), *_rest = accounts_by_name(plan)
        people = load_account_dmu(plan, account_id).people
    finally:
        plan.close()
    total = len(pages)
    for n, page in enumerate(pages, start=1):
        assert page.endswith(f"Page {n} of {total}"), page[-80:]
        assert footer in page
    first = section_starts(pages, demo_names(demo_plan_path))[name]
    map_page = pages[first]
    # the cards' names and job titles are text in the PDF, not pixels (long ones are
    # elided on the cards, as on screen)
    short = [person for person in people if len(person.name) <= 15 and len(person.title) <= 20]
    assert len(short) >= 5
    for person in short:
        assert person.name in map_page and person.title in map_page, person.name


def test_account_filter_decisions_and_open_actions(qapp, plan_file: Path, tmp_path: Path, capsys):
    del qapp
    plan = open_plan(plan_file)
    try:
        accounts = {name: i for i, name in accounts_by_name(plan)}
        kestrel = accounts["Kestrel Telecom Ltd"]
        owner = team_members(plan)[0]
        with plan.write() as unit:
            add_decision(
                unit,
                text="Lead with the network analytics pilot\nBoth sides agreed in the workshop.",
                account_id=kestrel,
                decided_by="Sales and marketing",
            )
            add_action(
                unit,
                text="Book the CIO briefing for the pilot",
                account_id=kestrel,
                owner_id=owner.id,
                due_on=date(2026, 12, 15),
            )
            add_action(unit, text="Already finished action", account_id=kestrel, status="done")
    finally:
        plan.close()
    out = tmp_path / "two accounts.pdf"
    code = main(
        ["report", str(plan_file), str(out), "--account", "kestrel", "--account", "Meridian"]
    )
    assert code == 0
    assert "2 accounts" in capsys.readouterr().out
    pages = pages_text(out)
    starts = section_starts(pages, list(accounts))
    assert sorted(starts) == ["Kestrel Telecom Ltd", "Meridian Pharma AG"]
    text = " ".join(pages)
    assert "Ahrenberg" not in text
    start, end = starts["Kestrel Telecom Ltd"], starts["Meridian Pharma AG"]
    kestrel_text = " ".join(pages[start:end])
    assert "Lead with the network analytics pilot" in kestrel_text
    assert "Both sides agreed in the workshop." in kestrel_text
    assert "Book the CIO briefing for the pilot" in kestrel_text
    assert owner.name in kestrel_text and "15 Dec 2026" in kestrel_text
    assert "Already finished action" not in text  # open actions only
    assert "Book the CIO briefing" not in " ".join(pages[end:])


def test_unknown_account_is_one_sentence_and_no_file(
    qapp, demo_plan_path: Path, tmp_path: Path, capsys
):
    del qapp
    out = tmp_path / "handout.pdf"
    code = main(["report", str(demo_plan_path), str(out), "--account", "No Such Account"])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err == f"abm-planner: error: No account is called 'No Such Account' in {demo_plan_path}."
    assert not out.exists()


def test_missing_folder_is_one_sentence_and_no_file(
    qapp, demo_plan_path: Path, tmp_path: Path, capsys
):
    del qapp
    out = tmp_path / "not there" / "handout.pdf"
    assert main(["report", str(demo_plan_path), str(out), "--account", "Tejo"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "does not exist" in err[0] and "not there" in err[0]
    assert not out.parent.exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_folder_is_one_sentence(qapp, demo_plan_path: Path, tmp_path: Path, capsys):
    del qapp
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert (
            main(["report", str(demo_plan_path), str(folder / "h.pdf"), "--account", "Tejo"]) == 2
        )
        assert "cannot be written to" in capsys.readouterr().err
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_failure_while_writing_keeps_the_existing_file(
    qapp, demo_plan_path: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
):
    del qapp
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"last week's handout")

    def broken(*_args, **_kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(report_pages.Flow, "add", broken)
    assert main(["report", str(demo_plan_path), str(out), "--account", "Tejo"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "could not be written" in err[0] and "No space left" in err[0]
    assert out.read_bytes() == b"last week's handout"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]  # no temporary file left


# -- the app --------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, plan_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    window = MainWindow(Settings(), tmp_path / "abm-planner.log")
    qtbot.addWidget(window)
    assert window.open_plan_file(plan_file)
    yield window
    window.close()


@OFFSCREEN_WINDOW_WARNINGS
def test_export_menu_writes_the_ticked_accounts_in_a_worker(
    qtbot, window: MainWindow, plan_file: Path, monkeypatch: pytest.MonkeyPatch
):
    menu = window.commands.export_menu
    assert [a.text() for a in menu.actions()] == ["&Excel workbook…", "&PDF handout…"]
    assert window.commands.export_pdf.isEnabled()
    suggested: list[str] = []
    target = plan_file.parent / "workshop handout"  # the .pdf is added

    def save_name(_parent, _title, suggestion, _filter):
        suggested.append(suggestion)
        return str(target), ""

    def tick_two(dialog: report_export.HandoutDialog) -> QDialog.DialogCode:
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            if item.text() in ("Polar Cold Chain Oy", "Tejo Embalagens S.A."):
                item.setCheckState(item.checkState().Checked)
        assert dialog.chosen_radio.isChecked()  # ticking chooses "These accounts"
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(report_export.HandoutDialog, "exec", tick_two)
    window.commands.export_pdf.trigger()
    job = window.export_job
    assert job is not None
    with qtbot.waitSignal(job.succeeded, timeout=WAIT_MS):
        pass
    assert suggested[0].endswith(f" handout {date.today().isoformat()}.pdf")
    written = target.with_name("workshop handout.pdf")
    pages = pages_text(written)
    starts = section_starts(pages, demo_names(plan_file))
    assert sorted(starts) == ["Polar Cold Chain Oy", "Tejo Embalagens S.A."]
    assert "workshop handout.pdf" in window.status.info_label.text()


@OFFSCREEN_WINDOW_WARNINGS
def test_the_selected_account_is_offered_and_nothing_chosen_is_refused(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    assert window.portfolio is not None and window.context is not None
    plan = window.context.plan
    (first_id, first_name), *_rest = accounts_by_name(plan)
    window.portfolio.select_account(first_id)
    warnings: list[str] = []
    monkeypatch.setattr(
        report_export.actions, "show_user_error", lambda _p, error: warnings.append(str(error))
    )

    def untick(dialog: report_export.HandoutDialog) -> QDialog.DialogCode:
        assert dialog.selected_radio.isChecked() and first_name in dialog.selected_radio.text()
        assert dialog.chosen_ids([]) == [first_id]
        dialog.chosen_radio.setChecked(True)
        for row in range(dialog.list.count()):
            dialog.list.item(row).setCheckState(dialog.list.item(row).checkState().Unchecked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(report_export.HandoutDialog, "exec", untick)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "x.pdf"), ""))
    window.commands.export_pdf.trigger()
    assert warnings == ["Tick at least one account for the handout."]
    assert not (tmp_path / "x.pdf").exists()
