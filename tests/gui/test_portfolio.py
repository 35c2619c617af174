"""The portfolio panel: search, filters, sorting, and following the plan's changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from abm_planner.gui.commands import DeleteAccountCommand, EditAccountCommand, push
from abm_planner.gui.models.portfolio import (
    FIT_SCORE,
    NAME,
    STAKEHOLDERS,
    TIER,
    PortfolioFilterModel,
    PortfolioModel,
)
from abm_planner.gui.models.record_table import RECORD_ROLE
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.choices import find_choice
from abm_planner.gui.views.portfolio_panel import PortfolioPanel
from abm_planner.services import accounts, lookups, stakeholders

pytestmark = [
    pytest.mark.usefixtures("dialogs"),
    # the offscreen platform says so whenever a top-level widget is shown
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


@pytest.fixture
def panel(qtbot: QtBot, context: PlanContext) -> PortfolioPanel:
    widget = PortfolioPanel(context)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


def shown_names(panel: PortfolioPanel) -> list[str]:
    model = panel.model
    return [model.record_at(row).name for row in range(model.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester, context: PlanContext) -> None:
    source = PortfolioModel(context)
    qtmodeltester.check(source)
    proxy = PortfolioFilterModel()
    proxy.setSourceModel(source)
    proxy.set_search_text("a")
    qtmodeltester.check(proxy)


def test_lists_every_account_with_its_columns(panel: PortfolioPanel, context: PlanContext) -> None:
    rows = accounts.list_accounts(context.plan)
    assert panel.model.rowCount() == len(rows) == 12
    model = panel.model
    assert model.headerData(FIT_SCORE, Qt.Orientation.Horizontal) == "Fit score"
    first = model.index(0, NAME).data(RECORD_ROLE)
    assert model.index(0, STAKEHOLDERS).data() == first.stakeholders
    assert shown_names(panel) == sorted(shown_names(panel), key=str.casefold)
    assert panel.search_field.placeholderText() == "Search accounts…"
    assert panel.table.accessibleName() == "Accounts"


def test_search_as_you_type(qtbot: QtBot, panel: PortfolioPanel, context: PlanContext) -> None:
    rows = accounts.list_accounts(context.plan)
    target = rows[3]
    word = target.name.split()[0]
    expected = sorted(
        (r.name for r in rows if word.casefold() in r.name.casefold()), key=str.casefold
    )
    with qtbot.waitSignal(panel.counts_changed) as counted:
        qtbot.keyClicks(panel.search_field, word)
    assert counted.args == [len(expected), len(rows)] or panel.model.rowCount() == len(expected)
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(expected))
    assert shown_names(panel) == expected
    # several words must all match, in any column (here: a country code)
    panel.search_field.setText(f"{target.country} {word}")
    qtbot.waitUntil(lambda: target.name in shown_names(panel))
    assert all(word.casefold() in name.casefold() for name in shown_names(panel))
    panel.search_field.setText("no such account anywhere")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    panel.search_field.clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(rows))


def test_filter_by_tier_stage_industry_and_owner(
    qtbot: QtBot, panel: PortfolioPanel, context: PlanContext
) -> None:
    rows = accounts.list_accounts(context.plan)
    strategic = next(t for t in lookups.vocabulary(context.plan, "tier") if t.key == "strategic")
    tier_combo = panel.filter_combo("tier_id")
    with qtbot.waitSignal(panel.counts_changed):
        tier_combo.setCurrentIndex(tier_combo.findText(strategic.label))
    expected = {r.name for r in rows if r.tier_id == strategic.id}
    assert set(shown_names(panel)) == expected
    assert len(expected) == 4

    owner = rows[0].sales_owner_id
    owner_combo = panel.filter_combo("owner_id")
    owner_combo.setCurrentIndex(find_choice(owner_combo, owner))
    expected = {
        r.name
        for r in rows
        if r.tier_id == strategic.id and owner in (r.sales_owner_id, r.marketing_owner_id)
    }
    assert set(shown_names(panel)) == expected

    panel.clear_filters()
    assert panel.model.rowCount() == len(rows)
    stage_combo = panel.filter_combo("stage_id")
    stage_combo.setCurrentIndex(stage_combo.findText(rows[0].stage))
    assert set(shown_names(panel)) == {r.name for r in rows if r.stage_id == rows[0].stage_id}
    panel.clear_filters()
    industry_combo = panel.filter_combo("industry_id")
    industry_combo.setCurrentIndex(industry_combo.findText(rows[0].industry))
    assert set(shown_names(panel)) == {r.name for r in rows if r.industry_id == rows[0].industry_id}


def test_sort_by_fit_score_and_by_tier_order(qtbot: QtBot, panel: PortfolioPanel) -> None:
    header = panel.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(FIT_SCORE) + 5, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert header.sortIndicatorSection() == FIT_SCORE
    model = panel.model
    scores = [model.record_at(row).fit_score for row in range(model.rowCount())]
    ordered = [s for s in scores if s is not None]
    assert ordered in (sorted(ordered), sorted(ordered, reverse=True))
    panel.table.sortByColumn(FIT_SCORE, Qt.SortOrder.DescendingOrder)
    scores = [model.record_at(row).fit_score for row in range(model.rowCount())]
    assert scores == sorted(scores, key=lambda s: -1 if s is None else s, reverse=True)
    panel.table.sortByColumn(TIER, Qt.SortOrder.AscendingOrder)
    ranks = [model.record_at(row).tier_rank for row in range(model.rowCount())]
    assert ranks == sorted(ranks)


def test_selection_signal_and_select_account(
    qtbot: QtBot, panel: PortfolioPanel, context: PlanContext
) -> None:
    rows = accounts.list_accounts(context.plan)
    with qtbot.waitSignal(panel.account_selected) as selected:
        panel.select_account(rows[5].id)
    assert selected.args == [rows[5].id]
    assert panel.selected_account_id() == rows[5].id
    # a search that hides the account is cleared when it is selected from elsewhere
    panel.search_field.setText("zzz nothing")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert panel.selected_account_id() is None
    panel.select_account(rows[7].id)
    assert panel.selected_account_id() == rows[7].id
    assert panel.search_field.text() == ""
    assert panel.model.rowCount() == len(rows)


def test_an_edit_refreshes_only_its_row_and_keeps_the_selection(
    qtbot: QtBot, panel: PortfolioPanel, context: PlanContext
) -> None:
    rows = accounts.list_accounts(context.plan)
    panel.select_account(rows[2].id)
    source = panel.model.source_model()
    resets: list[bool] = []
    source.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(source.dataChanged) as changed:
        push(context.undo_stack, EditAccountCommand(context, rows[0].id, {"country": "IS"}))
    top_left, bottom_right = changed.args[:2]
    assert top_left.row() == bottom_right.row() == source.row_of(rows[0].id)
    assert resets == []
    assert source.record_by_id(rows[0].id).country == "IS"
    assert panel.selected_account_id() == rows[2].id
    # a rename re-sorts the row into place
    push(context.undo_stack, EditAccountCommand(context, rows[0].id, {"name": "Zz Last"}))
    assert shown_names(panel)[-1] == "Zz Last"
    assert panel.selected_account_id() == rows[2].id
    context.undo_stack.undo()
    assert "Zz Last" not in shown_names(panel)


def test_created_and_deleted_accounts_come_and_go_row_by_row(
    qtbot: QtBot, panel: PortfolioPanel, context: PlanContext, dialogs
) -> None:
    rows = accounts.list_accounts(context.plan)
    victim = max(rows, key=lambda r: r.stakeholders)
    keep = next(r for r in rows if r.id != victim.id)
    panel.select_account(keep.id)
    source = panel.model.source_model()
    resets: list[bool] = []
    source.modelReset.connect(lambda: resets.append(True))

    with qtbot.waitSignal(panel.counts_changed) as counted:
        push(context.undo_stack, DeleteAccountCommand(context, victim.id))
    assert counted.args == [len(rows) - 1, len(rows) - 1]
    assert victim.name not in shown_names(panel)
    assert panel.selected_account_id() == keep.id
    with qtbot.waitSignal(panel.counts_changed) as counted:
        context.undo_stack.undo()
    assert counted.args == [len(rows), len(rows)]
    assert victim.name in shown_names(panel)
    assert source.record_by_id(victim.id).stakeholders == victim.stakeholders

    dialogs.text = ("Aardvark Holdings", True)
    from abm_planner.gui import actions

    with qtbot.waitSignal(source.rowsInserted):
        created = actions.new_account(context, panel)
    assert shown_names(panel)[0] == "Aardvark Holdings"
    assert panel.selected_account_id() == keep.id
    assert resets == []
    # a stakeholder added elsewhere updates the count column
    stakeholders.create_stakeholder(context.plan, created, {"name": "First Contact"})
    assert source.record_by_id(created).stakeholders == 1


def test_deleting_the_selected_account_moves_the_selection_on(
    qtbot: QtBot, panel: PortfolioPanel, context: PlanContext
) -> None:
    rows = accounts.list_accounts(context.plan)
    panel.select_account(rows[1].id)
    announced: list[object] = []
    panel.account_selected.connect(announced.append)
    with qtbot.waitSignal(panel.account_selected) as selected:
        push(context.undo_stack, DeleteAccountCommand(context, rows[1].id))
    assert selected.args[0] != rows[1].id
    assert selected.args[0] == panel.selected_account_id()
    # with nothing left to move to, "no account" is announced
    for row in rows:
        if row.id != rows[1].id:
            accounts.delete_account(context.plan, row.id)
    assert panel.model.rowCount() == 0
    assert panel.selected_account_id() is None
    assert announced[-1] is None


def test_header_state_round_trips(qtbot: QtBot, context: PlanContext) -> None:
    first = PortfolioPanel(context)
    qtbot.addWidget(first)
    first.table.sortByColumn(FIT_SCORE, Qt.SortOrder.DescendingOrder)
    first.table.horizontalHeader().resizeSection(NAME, 333)
    state = first.save_state()
    assert isinstance(state, bytes)
    second = PortfolioPanel(context)
    qtbot.addWidget(second)
    assert second.restore_state(state)
    assert second.table.horizontalHeader().sectionSize(NAME) == 333
    scores = [second.model.record_at(r).fit_score or 0 for r in range(second.model.rowCount())]
    assert scores == sorted(scores, reverse=True)
    assert not second.restore_state(b"")


def test_focus_search(qtbot: QtBot, panel: PortfolioPanel) -> None:
    panel.activateWindow()
    panel.focus_search()
    qtbot.waitUntil(panel.search_field.hasFocus)


def test_emitting_many_signals_does_not_crash_the_app() -> None:
    """PySide6 6.12.0 dropped a reference to True per emit; on Python 3.11 the app aborted.

    That is why PySide6 is pinned to 6.11.3; this guards a future bump. It runs in a
    subprocess because the failure is an interpreter abort, not an exception.
    """
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class Probe(QObject):\n"
        "    fired = Signal(int)\n"
        "probe = Probe()\n"
        "probe.fired.connect(lambda value: None)\n"
        "before = sys.getrefcount(True)\n"
        "for i in range(20_000):\n"
        "    probe.fired.emit(i)\n"
        "assert sys.getrefcount(True) >= before - 10, (before, sys.getrefcount(True))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
