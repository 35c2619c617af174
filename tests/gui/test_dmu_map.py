"""The DMU map tab: cards and lines, edits on the canvas through the undo stack, findings,
view switch, the worker for big accounts, and export.

Mouse gestures are sent to the view's viewport as a person makes them; modal dialogs
(message boxes, the person chooser, file and print dialogs, the stakeholder form) are
replaced, and the worker is waited for with signals, never with sleeps.
"""

from __future__ import annotations

import random
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from abm_planner.dmu.records import INFLUENCE_MAP, ORG_CHART
from abm_planner.gui.commands import EditStakeholderCommand, push
from abm_planner.gui.dialogs.record_forms import StakeholderFormDialog
from abm_planner.gui.models.stakeholders import StakeholderTableModel
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views import account_workspace
from abm_planner.gui.views.dmu_map import DmuMapTab, map_export
from abm_planner.gui.views.dmu_map.card_item import CardItem
from abm_planner.services import accounts, stakeholder_lines
from abm_planner.services.dmu_analysis import load_account_dmu
from abm_planner.services.plans import create_plan, open_plan
from abm_planner.services.stakeholders import get_stakeholder
from abm_planner.store.models import Stakeholder, StakeholderLine

pytestmark = [
    pytest.mark.usefixtures("dialogs"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

BIG_ACCOUNT = "Ahrenberg Antriebstechnik GmbH"
RED_ACCOUNT = "Groupe Hospitalier Valcour"
LEFT = Qt.MouseButton.LeftButton


def account_named(context: PlanContext, name: str) -> uuid.UUID:
    return next(a.id for a in accounts.list_accounts(context.plan) if a.name.startswith(name))


def open_tab(qtbot: QtBot, context: PlanContext, account_id: uuid.UUID | None) -> DmuMapTab:
    tab = DmuMapTab(context)
    qtbot.addWidget(tab)
    tab.resize(1300, 820)
    tab.show()
    qtbot.waitExposed(tab)
    tab.show_account(account_id)
    return tab


@pytest.fixture
def tab(qtbot: QtBot, context: PlanContext) -> Iterator[DmuMapTab]:
    widget = open_tab(qtbot, context, account_named(context, BIG_ACCOUNT))
    yield widget
    widget.wait_for_jobs()
    QApplication.processEvents()


def viewport_point(tab: DmuMapTab, scene_point: QPointF) -> QPoint:
    return tab.view.mapFromScene(scene_point)


def drag(qtbot: QtBot, tab: DmuMapTab, start: QPointF, end: QPointF, **keys: Any) -> None:
    """Press on ``start``, move in steps to ``end``, release (scene coordinates)."""
    viewport = tab.view.viewport()
    modifiers = keys.get("modifiers", Qt.KeyboardModifier.NoModifier)
    a, b = viewport_point(tab, start), viewport_point(tab, end)
    qtbot.mousePress(viewport, LEFT, modifiers, a)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, a + (b - a) * step / 5)
    qtbot.mouseRelease(viewport, LEFT, modifiers, b)


def menu_action(menu: Any, name: str) -> Any:
    return next(a for a in menu.actions() if a.objectName() == name)


def leaves_and_managers(tab: DmuMapTab) -> tuple[list[uuid.UUID], dict[uuid.UUID, uuid.UUID]]:
    """People nobody reports to, and each person's solid-line manager."""
    managers = {
        line.row.source_id: line.row.target_id
        for line in tab.scene.lines.values()
        if line.kind == "reports_to" and not line.row.dotted
    }
    bosses = {line.row.target_id for line in tab.scene.lines.values() if line.kind == "reports_to"}
    leaves = [i for i in tab.scene.cards if i not in bosses]
    return sorted(leaves, key=lambda i: tab.scene.cards[i].info.name), managers


# --------------------------------------------------------------------------- showing
def test_cards_and_lines_appear_for_a_demo_account(tab: DmuMapTab, context: PlanContext) -> None:
    account = account_named(context, BIG_ACCOUNT)
    dmu = load_account_dmu(context.plan, account)
    assert set(tab.scene.cards) == {p.id for p in dmu.people}
    assert len(tab.scene.cards) == 25
    rows = stakeholder_lines.list_lines(context.plan, account)
    assert set(tab.scene.lines) == {row.id for row in rows}
    kinds = {line.kind for line in tab.scene.lines.values()}
    assert kinds == {"reports_to", "influences", "conflicts_with"}
    # every card is placed, no two on the same spot
    assert len(set(tab.scene.positions().values())) == 25
    ceo = next(c for c in tab.scene.cards.values() if c.info.title == "Chief Executive Officer")
    assert ceo.info.name == "Dr. Katharina Ahrenberg"
    assert ceo.info.inner_circle
    assert ceo.info.badges  # roles as badges
    assert any(c.info.owners for c in tab.scene.cards.values())  # owner initials
    assert "Attitude:" in ceo.toolTip()
    # the findings panel shows the analysis
    assert tab.analysis is not None
    assert tab.panel.status_badge.text() == tab.analysis.status.upper()
    assert tab.panel.ranking_list.count() == 5


def test_the_tab_is_registered_in_the_workspace(qtbot: QtBot, context: PlanContext) -> None:
    titles = [spec.title for spec in account_workspace.WORKSPACE_TABS]
    assert "DMU map" in titles
    workspace = account_workspace.AccountWorkspace(context)
    qtbot.addWidget(workspace)
    workspace.show()
    tab = next(t for t in workspace.tabs if isinstance(t, DmuMapTab))
    assert tab.account_id is None  # nothing loads until the tab is opened
    account = account_named(context, BIG_ACCOUNT)
    workspace.show_account(account)
    workspace.setCurrentWidget(tab)
    assert tab.account_id == account
    assert len(tab.scene.cards) == 25


def test_an_account_without_people_says_how_to_start(qtbot: QtBot, context: PlanContext) -> None:
    empty = accounts.create_account(context.plan, {"name": "Nobody Yet Ltd"})
    tab = open_tab(qtbot, context, empty)
    assert not tab.scene.cards
    assert tab.notice.isVisible()
    assert "Stakeholders tab" in tab.notice.text()
    tab.show_account(None)
    assert not tab.scene.cards


def test_switching_views(qtbot: QtBot, tab: DmuMapTab) -> None:
    org = tab.scene.positions()
    reports = next(line for line in tab.scene.lines.values() if line.kind == "reports_to")
    assert reports.elbow
    with qtbot.waitSignal(tab.layout_ready):
        tab.toolbar.influence.trigger()
    assert tab.view_name == INFLUENCE_MAP
    assert tab.toolbar.influence.isChecked()
    assert not tab.toolbar.org_chart.isChecked()
    assert not reports.elbow
    influence = tab.scene.positions()
    assert influence != org
    rects = [card.scene_rect() for card in tab.scene.cards.values()]
    overlapping = [(a, b) for n, a in enumerate(rects) for b in rects[n + 1 :] if a.intersects(b)]
    assert not overlapping
    tab.toolbar.org_chart.trigger()
    assert tab.scene.positions() == org


# --------------------------------------------------------------------------- managers
def test_dragging_a_card_onto_another_makes_it_the_manager(
    qtbot: QtBot, tab: DmuMapTab, context: PlanContext
) -> None:
    tab.view.fit()
    leaves, managers = leaves_and_managers(tab)
    person = next(i for i in leaves if i in managers)
    old_manager = managers[person]
    target = next(i for i in leaves if i not in (person, old_manager))
    card, target_card = tab.scene.cards[person], tab.scene.cards[target]
    start = card.pos()
    viewport = tab.view.viewport()

    a, b = viewport_point(tab, card.pos()), viewport_point(tab, target_card.pos())
    qtbot.mousePress(viewport, LEFT, pos=a)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, a + (b - a) * step / 5)
    assert target_card.drop_target  # highlighted while hovering
    assert card.opacity() < 1.0  # the target shows through the dragged card
    qtbot.mouseRelease(viewport, LEFT, pos=b)

    assert not target_card.drop_target
    assert card.opacity() == 1.0
    assert stakeholder_lines.manager_of(context.plan, person) == target
    stack = context.undo_stack
    assert stack.count() == 1
    assert "report to" in stack.undoText()
    # the map follows: a reporting line from the person to the new manager
    assert any(
        line.row.source_id == person and line.row.target_id == target and line.kind == "reports_to"
        for line in tab.scene.lines.values()
    )
    assert card.pos() != start  # the org chart put them under their new manager
    # no hand-set position was stored by the drop
    assert not load_account_dmu(context.plan, account_named(context, BIG_ACCOUNT)).positions

    stack.undo()
    assert stakeholder_lines.manager_of(context.plan, person) == old_manager
    assert card.pos() == start
    stack.redo()
    assert stakeholder_lines.manager_of(context.plan, person) == target


def test_a_drop_that_would_close_a_circle_is_refused(
    tab: DmuMapTab, context: PlanContext, dialogs: Any
) -> None:
    _, managers = leaves_and_managers(tab)
    person, boss = next(iter(managers.items()))
    tab.scene.drop_cards([boss], person)  # the boss would report to their own report
    assert dialogs.warnings
    assert "directly or through others" in dialogs.warnings[-1]
    assert context.undo_stack.count() == 0
    assert stakeholder_lines.manager_of(context.plan, person) == boss


def test_menu_sets_and_removes_a_manager(
    tab: DmuMapTab, context: PlanContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    leaves, managers = leaves_and_managers(tab)
    person = next(i for i in leaves if i in managers)
    other = next(i for i in leaves if i not in (person, managers[person]))
    other_name = tab.scene.cards[other].info.name

    def choose(_parent: Any, _title: str, _label: str, items: list[str], *_args: Any) -> Any:
        return next(i for i in items if i.startswith(other_name)), True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    menu_action(tab.editing.card_menu(person), "setManager").trigger()
    assert stakeholder_lines.manager_of(context.plan, person) == other

    remove = menu_action(tab.editing.card_menu(person), "removeManager")
    assert remove.isEnabled()
    remove.trigger()
    assert stakeholder_lines.manager_of(context.plan, person) is None
    assert not menu_action(tab.editing.card_menu(person), "removeManager").isEnabled()
    context.undo_stack.undo()
    assert stakeholder_lines.manager_of(context.plan, person) == other


# --------------------------------------------------------------------------- lines
def test_add_and_remove_an_influence_line_with_undo(
    qtbot: QtBot, tab: DmuMapTab, context: PlanContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    leaves, _ = leaves_and_managers(tab)
    source, target = leaves[0], leaves[-1]
    target_name = tab.scene.cards[target].info.name
    monkeypatch.setattr(
        QInputDialog,
        "getItem",
        lambda _p, _t, _l, items, *_a: (next(i for i in items if i.startswith(target_name)), True),
    )
    before = set(tab.scene.lines)
    menu_action(tab.editing.card_menu(source), "addInfluence").trigger()
    (new,) = set(tab.scene.lines) - before
    line = tab.scene.lines[new]
    assert (line.row.source_id, line.row.target_id, line.kind) == (source, target, "influences")
    assert context.undo_stack.undoText().startswith("Add influence line from")

    # select it and press Delete
    tab.scene.select_only([line])
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert new not in tab.scene.lines
    assert new not in {r.id for r in stakeholder_lines.list_lines(context.plan, tab.account_id)}
    context.undo_stack.undo()  # the delete
    assert new in tab.scene.lines
    context.undo_stack.undo()  # the add
    assert set(tab.scene.lines) == before
    context.undo_stack.redo()
    context.undo_stack.redo()
    assert new not in tab.scene.lines


def test_shift_drag_draws_influence_and_the_mode_draws_conflict(
    qtbot: QtBot, tab: DmuMapTab, context: PlanContext
) -> None:
    tab.view.fit()
    leaves, _ = leaves_and_managers(tab)
    a, b, c = (tab.scene.cards[i] for i in leaves[:3])
    before = set(tab.scene.lines)
    drag(qtbot, tab, a.pos(), b.pos(), modifiers=Qt.KeyboardModifier.ShiftModifier)
    (first,) = set(tab.scene.lines) - before
    assert tab.scene.lines[first].kind == "influences"
    assert a.pos() == tab.scene.cards[leaves[0]].pos()  # the card did not move

    tab.toolbar.draw_conflict.trigger()
    assert tab.scene.connect_kind == "conflicts_with"
    drag(qtbot, tab, b.pos(), c.pos())
    (second,) = set(tab.scene.lines) - before - {first}
    assert tab.scene.lines[second].kind == "conflicts_with"
    tab.toolbar.draw_conflict.trigger()  # off again
    assert tab.scene.connect_kind is None
    # a duplicate is refused with a sentence and nothing is pushed
    count = context.undo_stack.count()
    tab.editing.add_line(leaves[0], leaves[1], "influences")
    assert context.undo_stack.count() == count


# --------------------------------------------------------------------------- positions
def test_moving_a_card_stores_its_place_and_auto_layout_clears_it(
    qtbot: QtBot, tab: DmuMapTab, context: PlanContext
) -> None:
    tab.view.fit()
    account = account_named(context, BIG_ACCOUNT)
    leaves, _ = leaves_and_managers(tab)
    card = tab.scene.cards[leaves[0]]
    start = QPointF(card.pos())
    empty_spot = tab.scene.content_rect().bottomLeft() + QPointF(150, 150)
    drag(qtbot, tab, start, empty_spot)
    moved = (card.x(), card.y())
    assert moved != (start.x(), start.y())
    stored = load_account_dmu(context.plan, account).positions[ORG_CHART]
    assert stored == {card.card_id: pytest.approx(moved)}
    assert context.undo_stack.count() == 1  # one command for the whole drag
    assert context.undo_stack.undoText().startswith("Move ")
    assert (card.x(), card.y()) == moved  # the reload keeps it there

    tab.toolbar.auto_layout.trigger()
    assert not load_account_dmu(context.plan, account).positions
    assert card.pos() == start
    context.undo_stack.undo()
    assert load_account_dmu(context.plan, account).positions[ORG_CHART] == stored
    assert (card.x(), card.y()) == pytest.approx(moved)
    context.undo_stack.undo()
    assert card.pos() == start


def test_auto_layout_without_hand_positions_pushes_nothing(
    tab: DmuMapTab, context: PlanContext
) -> None:
    tab.auto_layout()
    assert context.undo_stack.count() == 0


# --------------------------------------------------------------------------- findings
def test_clicking_a_finding_highlights_its_people(qtbot: QtBot, context: PlanContext) -> None:
    tab = open_tab(qtbot, context, account_named(context, RED_ACCOUNT))
    assert tab.analysis is not None
    assert tab.analysis.status == "red"
    assert tab.panel.status_badge.text() == "RED"
    panel = tab.panel.findings_list
    row = next(n for n, f in enumerate(tab.analysis.findings) if f.stakeholder_ids)
    finding = tab.analysis.findings[row]
    item = panel.item(row)
    assert item.text() == finding.message
    qtbot.mouseClick(panel.viewport(), LEFT, pos=panel.visualItemRect(item).center())
    assert tab.scene.highlighted_ids == set(finding.stakeholder_ids)
    for card_id, card in tab.scene.cards.items():
        assert card.highlighted == (card_id in finding.stakeholder_ids)
        assert (card.opacity() == 1.0) == (card_id in finding.stakeholder_ids)

    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Escape)
    assert not tab.scene.highlighted_ids
    assert all(card.opacity() == 1.0 for card in tab.scene.cards.values())

    # the ranking highlights one person, the warm path button its people and lines
    top = tab.panel.ranking_list.item(0)
    qtbot.mouseClick(
        tab.panel.ranking_list.viewport(),
        LEFT,
        pos=tab.panel.ranking_list.visualItemRect(top).center(),
    )
    assert tab.scene.highlighted_ids == {tab.analysis.influence_ranking[0].id}
    assert tab.analysis.warm_path_ids
    tab.panel.path_button.click()
    path = list(tab.analysis.warm_path_ids)
    assert {i for i, c in tab.scene.cards.items() if c.on_path} == set(path)
    assert any(line.on_path for line in tab.scene.lines.values()) == (len(path) > 1)
    tab.panel.path_button.click()
    assert not any(c.on_path for c in tab.scene.cards.values())


# --------------------------------------------------------------------------- both ways
def test_edits_elsewhere_show_on_the_map_and_deletes_reach_the_table(
    qtbot: QtBot, tab: DmuMapTab, context: PlanContext, dialogs: Any
) -> None:
    account = account_named(context, BIG_ACCOUNT)
    table = StakeholderTableModel(context)
    table.set_account(account)
    person = next(iter(tab.scene.cards))
    push(context.undo_stack, EditStakeholderCommand(context, person, {"name": "Renamed Person"}))
    assert tab.scene.cards[person].info.name == "Renamed Person"

    tab.scene.select_only([tab.scene.cards[person]])
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert dialogs.questions and "Renamed Person" in dialogs.questions[-1]
    assert person not in tab.scene.cards
    assert table.row_of(person) is None
    assert table.rowCount() == 24
    context.undo_stack.undo()
    assert person in tab.scene.cards
    assert table.row_of(person) is not None


def test_double_click_edits_the_stakeholder(
    qtbot: QtBot, tab: DmuMapTab, context: PlanContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = next(iter(tab.scene.cards.values()))
    seen: dict[str, str] = {}

    def exec_form(dialog: StakeholderFormDialog) -> int:
        seen["name"] = dialog.ui.nameEdit.text()
        dialog.ui.titleEdit.setText("Chief Map Reader")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(StakeholderFormDialog, "exec", exec_form)
    tab.view.centerOn(card)
    qtbot.mouseDClick(tab.view.viewport(), LEFT, pos=viewport_point(tab, card.pos()))
    assert seen["name"] == card.info.name  # the form opened filled in
    assert get_stakeholder(context.plan, card.card_id).values["title"] == "Chief Map Reader"
    assert card.info.title == "Chief Map Reader"
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert card.info.title != "Chief Map Reader"


def test_a_hidden_tab_catches_up_when_shown(tab: DmuMapTab, context: PlanContext) -> None:
    person = next(iter(tab.scene.cards))
    tab.hide()
    push(context.undo_stack, EditStakeholderCommand(context, person, {"name": "Later Name"}))
    assert tab.scene.cards[person].info.name != "Later Name"
    tab.show()
    assert tab.scene.cards[person].info.name == "Later Name"


def test_line_kinds_can_be_hidden(tab: DmuMapTab) -> None:
    influence = [line for line in tab.scene.lines.values() if line.kind == "influences"]
    tab.toolbar.show_lines["influences"].trigger()
    assert not any(line.isVisible() for line in influence)
    assert all(x.isVisible() for x in tab.scene.lines.values() if x.kind != "influences")
    tab.toolbar.show_lines["influences"].trigger()
    assert all(line.isVisible() for line in influence)


def test_the_map_follows_the_theme(tab: DmuMapTab) -> None:
    from abm_planner.gui.theme import dark_palette

    assert not tab.scene.theme.dark
    tab.setPalette(dark_palette())
    assert tab.scene.theme.dark
    assert tab.scene.backgroundBrush().color() == tab.scene.theme.canvas


# --------------------------------------------------------------------------- zoom
def test_zoom_keys_and_ctrl_wheel(qtbot: QtBot, tab: DmuMapTab) -> None:
    view = tab.view
    view.set_zoom(1.0)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom == pytest.approx(1.25)
    assert tab.toolbar.zoom_label.text() == "125 %"
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom == pytest.approx(0.8)
    qtbot.keyClick(view, Qt.Key.Key_0)
    whole = tab.scene.content_rect()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(whole)
    before = view.zoom
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == pytest.approx(before * 1.25)


def test_read_only_plan_shows_the_map_but_offers_no_edits(
    qtbot: QtBot, read_only_context: PlanContext
) -> None:
    tab = open_tab(qtbot, read_only_context, account_named(read_only_context, BIG_ACCOUNT))
    card = next(iter(tab.scene.cards.values()))
    assert not card.flags() & CardItem.GraphicsItemFlag.ItemIsMovable
    assert not tab.toolbar.auto_layout.isEnabled()
    menu = tab.editing.card_menu(card.card_id).actions()
    actions = {a.objectName(): a.isEnabled() for a in menu if not a.isSeparator()}
    assert actions.pop("editStakeholder")
    assert not any(actions.values())


# --------------------------------------------------------------------------- export
def test_export_png_svg_pdf_and_print(
    tab: DmuMapTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    targets = iter([tmp_path / "map.png", tmp_path / "map", tmp_path / "map.pdf"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(next(targets)), ""))
    png = tab.export_file("png")
    assert png == tmp_path / "map.png"
    image = QImage(str(png))
    assert not image.isNull()
    assert image.size() == map_export.png_size(tab.scene)
    expected = map_export.export_rect(tab.scene)
    assert image.width() == pytest.approx(expected.width() * map_export.PNG_SCALE, abs=1)

    svg = tab.export_file("svg")
    assert svg == tmp_path / "map.svg"  # the suffix is added
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = svg.read_text(encoding="utf-8")
    assert "Ahrenberg Antriebstechnik GmbH: DMU org chart" in text  # the title
    shortest = min((card.info.name for card in tab.scene.cards.values()), key=len)
    assert f">{shortest}</text>" in text  # names stay text, not pictures

    pdf = tab.export_file("pdf")
    assert pdf is not None
    assert pdf.read_bytes().startswith(b"%PDF")

    printed = tmp_path / "printed.pdf"

    class FakePrintDialog:
        def __init__(self, printer: Any, _parent: Any) -> None:
            printer.setOutputFormat(printer.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed))

        def exec(self) -> Any:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(map_export, "QPrintDialog", FakePrintDialog)
    assert tab.print_map()
    assert printed.read_bytes().startswith(b"%PDF")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
    assert tab.export_file("png") is None  # cancelled


# --------------------------------------------------------------------------- big accounts
def write_big_account(path: Path, count: int = 300) -> uuid.UUID:
    """A plan with one account of ``count`` people: an org tree plus influence lines."""
    rng = random.Random(5)
    plan = create_plan(path)
    try:
        account = accounts.create_account(plan, {"name": "Very Big Account"})
        ids = [uuid.UUID(int=rng.getrandbits(128)) for _ in range(count)]
        with plan.write() as unit:
            unit.session.add_all(
                Stakeholder(id=i, account_id=account, name=f"Person {n:03d}", title="Manager")
                for n, i in enumerate(ids)
            )
            unit.session.flush()
            lines = [(ids[n], ids[(n - 1) // 4], "reports_to") for n in range(1, count)]
            lines += [(*rng.sample(ids, 2), "influences") for _ in range(count // 2)]
            unit.session.add_all(
                StakeholderLine(account_id=account, source_id=s, target_id=t, kind=k)
                for s, t, k in lines
            )
    finally:
        plan.close()
    return account


def test_a_big_influence_view_is_laid_out_off_the_ui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "big.abmplan"
    account = write_big_account(path)
    context = PlanContext.open(open_plan(path))
    try:
        tab = open_tab(qtbot, context, None)
        tab.set_view(INFLUENCE_MAP)
        with (
            qtbot.waitSignal(tab.layout_ready, timeout=30000),
            qtbot.waitSignal(tab.analysis_ready, timeout=30000),
        ):
            tab.show_account(account)
            assert tab.busy  # the UI thread came back at once
            assert tab.notice.isVisible()
            assert len(tab.scene.cards) == 300  # shown meanwhile, in org chart places
        assert not tab.busy
        assert not tab.notice.isVisible()
        assert tab.analysis is not None
        assert tab.panel.ranking_list.count() == 5
        rects = [card.scene_rect() for card in tab.scene.cards.values()]
        rects.sort(key=lambda r: r.left())
        for n, a in enumerate(rects):
            for b in rects[n + 1 :]:
                if b.left() > a.right():
                    break
                assert not a.intersects(b)
        tab.wait_for_jobs()
    finally:
        QApplication.processEvents()
        context.close()
