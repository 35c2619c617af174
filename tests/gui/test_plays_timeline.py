"""The timelines: drag to move or resize a play with undo, zoom, painting only what shows."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.plays.portfolio_timeline import (
    PortfolioTimeline,
    month_window,
    open_portfolio_timeline,
    quarter_window,
)
from abm_planner.gui.views.plays.timeline_geometry import GUTTER_WIDTH, HEADER_HEIGHT, ZOOMS
from abm_planner.gui.views.plays.timeline_tab import TimelineTab
from abm_planner.gui.views.plays.timeline_view import TimelineView
from abm_planner.services import plays
from abm_planner.services.accounts import list_accounts
from abm_planner.services.lookups import team_members
from abm_planner.services.play_timeline import TimelineAccount, TimelineBar, TimelineData

pytestmark = [
    pytest.mark.usefixtures("dialogs"),
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]
PX_PER_DAY = int(ZOOMS["weeks"])


@pytest.fixture
def account(context: PlanContext) -> uuid.UUID:
    return next(a.id for a in list_accounts(context.plan) if a.name.startswith("Ahrenberg Antrieb"))


@pytest.fixture
def tab(qtbot: QtBot, context: PlanContext, account: uuid.UUID) -> TimelineTab:
    widget = TimelineTab(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    with qtbot.waitExposed(widget):
        widget.show()
    widget.show_account(account)
    return widget


def running_play(context: PlanContext, account: uuid.UUID, name: str) -> plays.AssignmentRow:
    return next(r for r in plays.list_assignments(context.plan, account) if r.name == name)


def drag(qtbot: QtBot, view: TimelineView, start: QPoint, end: QPoint) -> None:
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, start.y())
    qtbot.mouseMove(viewport, middle)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def settle(qtbot: QtBot, tab: TimelineTab) -> None:
    qtbot.waitUntil(lambda: not tab.reload_pending, timeout=2000)


def test_drag_a_play_a_week_later_then_undo_and_redo(
    qtbot: QtBot, tab: TimelineTab, context: PlanContext, account: uuid.UUID
) -> None:
    before = running_play(context, account, "Executive Briefing")
    rect = tab.view.bar_rect(before.id)
    assert rect is not None and rect.width() > 40
    start = rect.center()
    drag(qtbot, tab.view, start, start + QPoint(7 * PX_PER_DAY, 0))
    settle(qtbot, tab)
    moved = running_play(context, account, "Executive Briefing")
    assert moved.start_on == before.start_on + timedelta(days=7)  # type: ignore[operator]
    assert moved.end_on == before.end_on + timedelta(days=7)  # type: ignore[operator]
    assert context.undo_stack.undoText() == "Move play Executive Briefing"
    new_rect = tab.view.bar_rect(before.id)
    assert new_rect is not None and new_rect.left() == rect.left() + 7 * PX_PER_DAY
    context.undo_stack.undo()
    settle(qtbot, tab)
    back = running_play(context, account, "Executive Briefing")
    assert (back.start_on, back.end_on) == (before.start_on, before.end_on)
    assert tab.view.bar_rect(before.id) == rect
    context.undo_stack.redo()
    settle(qtbot, tab)
    assert running_play(context, account, "Executive Briefing").start_on == moved.start_on


def test_drag_the_end_of_a_play_to_make_it_longer(
    qtbot: QtBot, tab: TimelineTab, context: PlanContext, account: uuid.UUID
) -> None:
    before = running_play(context, account, "Executive Briefing")
    rect = tab.view.bar_rect(before.id)
    assert rect is not None
    grip = QPoint(rect.right() - 1, rect.center().y())
    drag(qtbot, tab.view, grip, grip + QPoint(3 * PX_PER_DAY, 0))
    settle(qtbot, tab)
    after = running_play(context, account, "Executive Briefing")
    assert after.start_on == before.start_on
    assert after.end_on == before.end_on + timedelta(days=3)  # type: ignore[operator]
    assert context.undo_stack.undoText() == "Resize play Executive Briefing"
    context.undo_stack.undo()
    settle(qtbot, tab)
    assert running_play(context, account, "Executive Briefing").end_on == before.end_on


def test_the_start_cannot_be_dragged_past_the_end(
    qtbot: QtBot, tab: TimelineTab, context: PlanContext, account: uuid.UUID
) -> None:
    before = running_play(context, account, "Executive Briefing")
    rect = tab.view.bar_rect(before.id)
    assert rect is not None
    grip = QPoint(rect.left() + 1, rect.center().y())
    drag(qtbot, tab.view, grip, grip + QPoint(60 * PX_PER_DAY, 0))
    settle(qtbot, tab)
    after = running_play(context, account, "Executive Briefing")
    assert after.start_on == after.end_on == before.end_on


def test_a_click_selects_without_moving_and_escape_cancels_a_drag(
    qtbot: QtBot, tab: TimelineTab, context: PlanContext, account: uuid.UUID
) -> None:
    before = running_play(context, account, "Executive Briefing")
    rect = tab.view.bar_rect(before.id)
    assert rect is not None
    with qtbot.waitSignal(tab.view.selection_changed) as selected:
        qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert selected.args == [before.id]
    assert context.undo_stack.count() == 0
    viewport = tab.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseMove(viewport, rect.center() + QPoint(5 * PX_PER_DAY, 0))
    qtbot.keyClick(tab.view, Qt.Key.Key_Escape)
    qtbot.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(5 * PX_PER_DAY, 0)
    )
    assert context.undo_stack.count() == 0
    assert running_play(context, account, "Executive Briefing").start_on == before.start_on


def test_read_only_plans_cannot_be_rescheduled(
    qtbot: QtBot, read_only_context: PlanContext
) -> None:
    account = next(
        a.id
        for a in list_accounts(read_only_context.plan)
        if a.name.startswith("Ahrenberg Antrieb")
    )
    widget = TimelineTab(read_only_context)
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    widget.show()
    widget.show_account(account)
    row = running_play(read_only_context, account, "Executive Briefing")
    rect = widget.view.bar_rect(row.id)
    assert rect is not None
    drag(qtbot, widget.view, rect.center(), rect.center() + QPoint(7 * PX_PER_DAY, 0))
    assert running_play(read_only_context, account, "Executive Briefing").start_on == row.start_on
    assert not widget.view.reschedule(row.id, date(2026, 1, 5), date(2026, 1, 9))


def test_the_tab_marks_clashes_and_the_handoff(
    tab: TimelineTab, context: PlanContext, account: uuid.UUID
) -> None:
    assert "2 plays clash" in tab.zoom.info.text()
    assert "Handoff: Marketing-qualified (MQA) → Opportunity" in tab.zoom.info.text()
    assert "handed off on" in tab.zoom.info.text()
    pov = running_play(context, account, "Proof of Value Workshop")
    assert "Clashes with another play" in tab.view.tooltip_for(pov.id)


def test_zoom_keeps_the_middle_date(qtbot: QtBot, tab: TimelineTab) -> None:
    view = tab.view
    middle = view.visible_middle()
    tab.zoom.months.click()
    assert view.zoom == "months"
    assert view.geometry_.px_per_day == ZOOMS["months"]
    assert abs((view.visible_middle() - middle).days) <= 1
    tab.zoom.weeks.click()
    assert view.zoom == "weeks"


def test_today_is_in_view_after_showing_an_account(tab: TimelineTab) -> None:
    view = tab.view
    x = view.geometry_.x_of(view.today) - view.horizontalScrollBar().value()
    assert 0 < x < view.viewport().width()


# --------------------------------------------------------------------------- painting
def synthetic(accounts: int, per_account: int, today: date) -> TimelineData:
    data = TimelineData(handoff_from="MQA", handoff_to="Opportunity")
    leads = ("marketing", "sales", "joint")
    for a in range(accounts):
        account_id = uuid.UUID(int=a + 1)
        data.accounts.append(
            TimelineAccount(account_id, f"Account {a:05d}", "Strategic", 0, "Aware", None)
        )
        for n in range(per_account):
            start = today + timedelta(days=(a * 7 + n * 23) % 300 - 150)
            data.bars.append(
                TimelineBar(uuid.uuid4(), account_id, f"Play {n}", leads[n % 3], start,
                            start + timedelta(days=14 + n % 30), "running", "Running", None, None)
            )  # fmt: skip
    return data


def test_only_the_visible_bars_are_painted(qtbot: QtBot) -> None:
    view = TimelineView(None)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    with qtbot.waitExposed(view):
        view.show()
    data = synthetic(1000, 10, view.today)
    view.set_data(data, scroll_to_today=True)
    assert view.geometry_.bar_count == 10_000
    view.viewport().repaint()
    first = view.painted_bars
    assert 0 < first < 400
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    view.viewport().repaint()
    assert 0 < view.painted_bars < 400
    blocks = list(view.geometry_.visible_blocks(view.verticalScrollBar().value(), 900))
    assert blocks[0].account.name.startswith("Account 00")  # found by bisection, mid-list
    assert len(blocks) < 20


# --------------------------------------------------------------------------- portfolio
def test_the_portfolio_timeline_filters(qtbot: QtBot, context: PlanContext) -> None:
    widget = PortfolioTimeline(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    everything = widget.view.geometry_.bar_count
    assert everything > 0
    assert "plays in" in widget.status.text()
    widget.set_filter(function="marketing")
    leads = {p.bar.lead_function for b in widget.view.geometry_.blocks for p in b.bars}
    assert leads <= {"marketing", "joint"}
    me = team_members(context.plan)[0]
    widget.set_filter(owner_id=me.id, function="marketing")
    assert widget.view.geometry_.bar_count <= everything
    widget.set_window(*month_window(widget.view.today))
    criteria = widget.criteria()
    assert criteria.start is not None and criteria.start.day == 1
    assert criteria.owner_id == me.id and criteria.function == "marketing"


def test_the_portfolio_follows_a_change_in_one_account(
    qtbot: QtBot, context: PlanContext, account: uuid.UUID
) -> None:
    widget = PortfolioTimeline(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    row = running_play(context, account, "Executive Briefing")
    assert widget.view.reschedule(
        row.id, row.start_on + timedelta(days=7), row.end_on + timedelta(days=7)
    )  # type: ignore[operator]
    qtbot.waitUntil(
        lambda: (
            widget.view.geometry_.placed(row.id)[1].bar.start_on == row.start_on + timedelta(days=7)
        ),
        timeout=2000,
    )  # type: ignore[index,operator]
    context.undo_stack.undo()
    qtbot.waitUntil(
        lambda: widget.view.geometry_.placed(row.id)[1].bar.start_on == row.start_on, timeout=2000
    )  # type: ignore[index]


def test_window_helpers() -> None:
    assert month_window(date(2026, 11, 23)) == (date(2026, 11, 1), date(2026, 11, 30))
    assert quarter_window(date(2026, 11, 23)) == (date(2026, 10, 1), date(2026, 12, 31))
    assert quarter_window(date(2027, 2, 3)) == (date(2027, 1, 1), date(2027, 3, 31))


def test_open_portfolio_timeline_once_per_plan(qtbot: QtBot, context: PlanContext) -> None:
    window = open_portfolio_timeline(context, None)
    qtbot.addWidget(window)
    assert open_portfolio_timeline(context, None) is window
    assert window.windowTitle() == "Portfolio timeline"


def test_the_account_tab_shows_its_touches_as_dots(tab: TimelineTab, context: PlanContext) -> None:
    (block,) = tab.view.geometry_.blocks
    assert block.touches, "Ahrenberg's touches are on its timeline"
    touch = max(block.touches, key=lambda t: t.occurred_on)
    x = tab.view.geometry_.x_of(touch.occurred_on) + tab.view.geometry_.px_per_day / 2
    y = block.touch_strip_top + 5
    found = tab.view.geometry_.touches_at(x, y)
    assert touch in found
    point = QPoint(
        int(x) - tab.view.horizontalScrollBar().value() + GUTTER_WIDTH,
        int(y) - tab.view.verticalScrollBar().value() + HEADER_HEIGHT,
    )
    text = tab.view.tooltip_at(point)
    assert touch.stakeholder in text
    assert touch.occurred_on.isoformat() in text
