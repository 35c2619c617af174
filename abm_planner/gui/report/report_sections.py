"""What each part of the handout says: the cover and one account's blocks.

``report_pages`` decides where they go; this module only turns the plain data of
``report_data`` into blocks, in the order a workshop walks through an account: who
it is, who decides, what is missing, what we aim for, what we run, what was agreed
and what is still to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from abm_planner.gui.report.report_blocks import (
    Block,
    Cell,
    Column,
    Context,
    Gap,
    Heading,
    StatusLine,
    TableRow,
    Text,
    table,
)
from abm_planner.gui.report.report_data import AccountSection, ReportData
from abm_planner.gui.report.report_style import ACCENT, INK, MUTED, RULE, STATUS, pt, tr
from abm_planner.gui.report.report_timeline import timeline_blocks

_LEFT_TOP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
STATUS_LABELS = {"red": "Red", "amber": "Amber", "green": "Green"}
FACT_SHARES = (1.35, 1.2, 0.65, 1.05, 1.05)  # tier, stage, fit score, the two owners
KINDS = {"customer": "Customer goal", "ours": "Our goal", "relationship": "Relationship"}


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def short_date(day: date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def _status_label(status: str) -> str:
    return tr(STATUS_LABELS.get(status, status.title()))


@dataclass(slots=True)
class AccountHeader(Block):
    """The account's name, what it is, and its key facts in a row of five."""

    section: AccountSection

    def _facts(self) -> list[tuple[str, str, str]]:
        a = self.section.account
        tier_note = ""
        if a.suggested_tier and a.suggested_tier != a.tier:
            tier_note = tr("fit suggests {tier}").format(tier=a.suggested_tier)
        fit = "—" if a.fit_score is None else f"{a.fit_score:.0f}"
        return [
            (tr("Tier"), a.tier or "—", tier_note),
            (tr("Stage"), a.stage or "—", ""),
            (tr("Fit score"), fit, tr("of 100") if a.fit_score is not None else ""),
            (tr("Sales owner"), a.sales_owner or "—", ""),
            (tr("Marketing owner"), a.marketing_owner or "—", ""),
        ]

    def _subtitle(self) -> str:
        a = self.section.account
        return " · ".join(p for p in (a.industry, a.region, a.country) if p)

    def height(self, ctx: Context, width: float) -> float:
        f, m = ctx.fonts, ctx.measure
        title = ctx.text_height(f.title, width, self.section.name)
        return (
            m(f.label).height()
            + pt(4)
            + title
            + m(f.body).height()
            + pt(12)
            + m(f.label).height()
            + m(f.bold).height()
            + m(f.small).height()
            + pt(14)
        )

    def paint(self, painter: QPainter, ctx: Context, rect: QRectF) -> None:
        f, m = ctx.fonts, ctx.measure
        y = rect.top()
        painter.setFont(f.label)
        painter.setPen(ACCENT)
        painter.drawText(
            QRectF(rect.left(), y, rect.width(), m(f.label).height()), _LEFT_TOP, tr("ACCOUNT PLAN")
        )
        y += m(f.label).height() + pt(4)
        title = ctx.text_height(f.title, rect.width(), self.section.name)
        painter.setFont(f.title)
        painter.setPen(INK)
        painter.drawText(
            QRectF(rect.left(), y, rect.width(), title),
            _LEFT_TOP | Qt.TextFlag.TextWordWrap,
            self.section.name,
        )
        y += title
        painter.setFont(f.body)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(rect.left(), y, rect.width(), m(f.body).height()), _LEFT_TOP, self._subtitle()
        )
        y += m(f.body).height() + pt(8)
        painter.setPen(QPen(RULE, pt(0.8)))
        painter.drawLine(QLineF(rect.left(), y, rect.right(), y))
        y += pt(5)
        facts = self._facts()
        x = rect.left()
        for (label, value, note), share in zip(facts, FACT_SHARES, strict=True):
            width = rect.width() * share / sum(FACT_SHARES)
            cell = QRectF(x, y, width - pt(8), m(f.label).height())
            painter.setFont(f.label)
            painter.setPen(MUTED)
            painter.drawText(cell, _LEFT_TOP, label.upper())
            painter.setFont(f.bold)
            painter.setPen(INK)
            value_rect = QRectF(x, cell.bottom() + pt(1), width - pt(8), m(f.bold).height())
            painter.drawText(
                value_rect,
                _LEFT_TOP,
                m(f.bold).elidedText(value, Qt.TextElideMode.ElideRight, width - pt(8)),
            )
            if note:
                painter.setFont(f.small)
                painter.setPen(MUTED)
                painter.drawText(
                    QRectF(x, value_rect.bottom(), width - pt(8), m(f.small).height()),
                    _LEFT_TOP,
                    note,
                )
            x += width
        bottom = rect.bottom() - pt(4)
        painter.setPen(QPen(RULE, pt(0.8)))
        painter.drawLine(QLineF(rect.left(), bottom, rect.right(), bottom))


def findings_blocks(section: AccountSection) -> list[Block]:
    count = len(section.findings)
    summary = (
        tr("No gaps found in the decision-making unit.")
        if not count
        else tr("1 gap to close")
        if count == 1
        else tr("{n} gaps to close").format(n=count)
    )
    blocks: list[Block] = [
        Heading(tr("DMU findings")),
        StatusLine(section.status, _status_label(section.status), summary),
    ]
    blocks += [Text(message, bullet="•", after=2.5) for message in section.findings]
    blocks.append(Gap(3))
    if section.influencers:
        blocks.append(
            Text(
                tr("Most influential: ") + ", ".join(section.influencers),
                "small",
                color=MUTED,
                after=1.5,
            )
        )
    if section.warm_path is None:
        path = tr("Warm path to the economic buyer: none yet.")
    elif len(section.warm_path) == 1:
        path = tr("Warm path: {name} is the economic buyer and on our side.").format(
            name=section.warm_path[0]
        )
    else:
        path = tr("Warm path to the economic buyer: ") + " → ".join(section.warm_path)
    blocks.append(Text(path, "small", color=MUTED))
    return blocks


def objective_blocks(section: AccountSection) -> list[Block]:
    blocks: list[Block] = [Heading(tr("Objectives and metrics"), _count(len(section.objectives)))]
    if not section.objectives:
        return [*blocks, _none(tr("No objectives recorded yet."))]
    right = Qt.AlignmentFlag.AlignRight
    columns = (
        Column(tr("Objective"), 2.8),
        Column(tr("Metric"), 1.9),
        Column(tr("Target"), 1.45, right),
        Column(tr("Actual"), 1.25, right),
        Column(tr("Owner"), 1.5),
        Column(tr("Due"), 1.45),
        Column(tr("Status"), 1.05),
    )
    rows = [
        (
            Cell(o.title, "bold", note=tr(KINDS.get(o.kind, o.kind.title()))),
            Cell(o.metric, note=tr("in {unit}").format(unit=o.unit) if o.unit else ""),
            Cell(o.target),
            Cell(o.actual),
            Cell(o.owner),
            Cell(short_date(o.due_on)),
            Cell(o.status),
        )
        for o in section.objectives
    ]
    return blocks + table(columns, rows)


def play_blocks(section: AccountSection, as_of: date) -> list[Block]:
    blocks: list[Block] = [Heading(tr("Plays"), _count(len(section.plays)))]
    if not section.plays:
        return [*blocks, _none(tr("No plays are scheduled for this account."))]
    return blocks + timeline_blocks(section.plays, as_of)


def decision_blocks(section: AccountSection) -> list[Block]:
    blocks: list[Block] = [Heading(tr("Decisions"), _count(len(section.decisions)))]
    if not section.decisions:
        return [*blocks, _none(tr("No decisions recorded yet."))]
    columns = (Column(tr("Date"), 1.2), Column(tr("Decision"), 6.0), Column(tr("Taken by"), 2.2))
    rows = [
        (
            Cell(short_date(d.decided_on)),
            Cell(d.title or d.text, "bold", note=d.text if d.title and d.text != d.title else ""),
            Cell(d.decided_by, note=d.workshop_title or ""),
        )
        for d in section.decisions
    ]
    return blocks + table(columns, rows)


def action_blocks(section: AccountSection) -> list[Block]:
    blocks: list[Block] = [Heading(tr("Open actions"), _count(len(section.actions)))]
    if not section.actions:
        return [*blocks, _none(tr("No open actions."))]
    columns = (
        Column(tr("Action"), 5.6),
        Column(tr("Owner"), 1.8),
        Column(tr("Due"), 1.2),
        Column(tr("From"), 1.8),
    )
    rows = [
        (
            Cell(a.text),
            Cell(a.owner_name or "—"),
            Cell(short_date(a.due_on) or "—"),
            Cell(a.workshop_title or "", "small", color=MUTED),
        )
        for a in section.actions
    ]
    return blocks + table(columns, rows)


def _count(n: int) -> str:
    return str(n) if n else ""


def _none(text: str) -> Text:
    return Text(text, "small", color=MUTED, after=2)


# -- the cover ----------------------------------------------------------------------------


@dataclass(slots=True)
class CoverTitle(Block):
    plan_name: str
    subtitle: str

    def height(self, ctx: Context, width: float) -> float:
        f, m = ctx.fonts, ctx.measure
        return (
            pt(60)
            + m(f.label).height()
            + pt(8)
            + ctx.text_height(f.cover, width, self.plan_name)
            + pt(6)
            + m(f.body).height()
            + pt(30)
        )

    def paint(self, painter: QPainter, ctx: Context, rect: QRectF) -> None:
        f, m = ctx.fonts, ctx.measure
        painter.fillRect(QRectF(rect.left(), rect.top(), pt(40), pt(4)), ACCENT)
        y = rect.top() + pt(60)
        painter.setFont(f.label)
        painter.setPen(ACCENT)
        painter.drawText(
            QRectF(rect.left(), y, rect.width(), m(f.label).height()),
            _LEFT_TOP,
            tr("ACCOUNT PLAN HANDOUT"),
        )
        y += m(f.label).height() + pt(8)
        height = ctx.text_height(f.cover, rect.width(), self.plan_name)
        painter.setFont(f.cover)
        painter.setPen(INK)
        painter.drawText(
            QRectF(rect.left(), y, rect.width(), height),
            _LEFT_TOP | Qt.TextFlag.TextWordWrap,
            self.plan_name,
        )
        y += height + pt(6)
        painter.setFont(f.body)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(rect.left(), y, rect.width(), m(f.body).height()), _LEFT_TOP, self.subtitle
        )


def cover_blocks(data: ReportData) -> tuple[list[Block], list[TableRow]]:
    """The cover's blocks, and its table rows, whose last cell (the page) is filled in
    once the pages are known."""
    n = len(data.sections)
    accounts = tr("1 account") if n == 1 else tr("{n} accounts").format(n=n)
    subtitle = f"{tr('As of')} {long_date(data.as_of)}  ·  {accounts}"
    right = Qt.AlignmentFlag.AlignRight
    columns = (
        Column(tr("Account"), 4.2),
        Column(tr("Tier"), 2.0),
        Column(tr("Stage"), 1.8),
        Column(tr("Fit"), 0.7, right),
        Column(tr("DMU"), 1.1),
        Column(tr("Actions"), 1.2, right),
        Column(tr("Page"), 0.8, right),
    )
    rows = [
        (
            Cell(s.name, "bold", note=s.account.industry),
            Cell(s.account.tier or "—"),
            Cell(s.account.stage or "—"),
            Cell("—" if s.account.fit_score is None else f"{s.account.fit_score:.0f}"),
            Cell(_status_label(s.status), "bold", color=STATUS.get(s.status, MUTED)),
            Cell(str(len(s.actions))),
            Cell("00"),
        )
        for s in data.sections
    ]
    blocks = [CoverTitle(data.plan_name, subtitle), Heading(tr("Accounts"), accounts)]
    body = table(columns, rows)
    return blocks + body, [b for b in body if isinstance(b, TableRow)]
