"""The first sheet of an export: what the plan is and what both sides agreed.

A person opening the workbook should see, before any table, the plan's name, when
it was exported, the agreement (criteria and weights, tiers with thresholds and
rules of engagement, the lead definition, the handoff) and what each sheet holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from abm_planner.excel.export_data import FUNCTION_LABELS
from abm_planner.excel.safe_cells import needs_quote_prefix
from abm_planner.excel.sheet_styles import CellKind
from abm_planner.store.models import (
    Criterion,
    LeadCriterion,
    PlanSettings,
    TeamMember,
    TierRule,
    VocabularyTerm,
)

COVER_SHEET = "Summary"


@dataclass(frozen=True, slots=True)
class SheetLine:
    """One line of the cover's table of contents."""

    sheet: str
    rows: int | None
    about: str


WIDTHS = (30, 14, 60, 44, 34, 50)
LINE_HEIGHT = 13.0


class _Cover:
    """Writes the cover top to bottom; table rows get a height for their longest cell."""

    def __init__(self, sheet: Any, styles: Any) -> None:
        self.sheet = sheet
        self.styles = styles
        self.row = 0

    def text(self, column: int, value: Any, style: Any = None, *, wrap: bool = False) -> None:
        if value is None or value == "":
            return
        if isinstance(value, str):
            quoted = needs_quote_prefix(value)
            if style is None:
                style = self.styles.text_format(
                    CellKind.LONG_TEXT if wrap else CellKind.TEXT, quoted
                )
            elif quoted:
                style = self.styles.label_quoted
            self.sheet.write_string(self.row, column, value, style)
        else:
            self.sheet.write_number(self.row, column, value, style or self.styles.number)

    def line(self, *values: Any, style: Any = None, wrap: bool = False) -> None:
        if wrap:
            lines = max(
                (_lines(str(v), WIDTHS[c]) for c, v in enumerate(values) if isinstance(v, str)),
                default=1,
            )
            if lines > 1:
                self.sheet.set_row(self.row, LINE_HEIGHT * lines)
        for column, value in enumerate(values):
            self.text(column, value, style, wrap=wrap)
        self.row += 1

    def section(self, title: str) -> None:
        self.row += 1
        self.text(0, title, self.styles.section)
        self.row += 1

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        self.line(*headers, style=self.styles.header)
        for values in rows:
            self.line(*values, wrap=True)


def _lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes in a column ``width`` characters wide."""
    per_line = max(int(width * 1.15), 1)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def write_cover(
    sheet: Any,
    styles: Any,
    session: Session,
    *,
    scope: str,
    exported_at: datetime,
    contents: Sequence[SheetLine],
) -> None:
    """Fill the cover sheet (rows are written top to bottom: the sheet streams)."""
    settings = session.scalars(select(PlanSettings)).first()
    labels = dict(session.execute(select(VocabularyTerm.id, VocabularyTerm.label)).all())
    for column, width in enumerate(WIDTHS):
        sheet.set_column(column, column, width)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)  # printed: all columns on the page width
    cover = _Cover(sheet, styles)
    cover.line(settings.name if settings else "Plan", style=styles.title)
    cover.line(
        f"Exported from ABM Planner on {exported_at:%Y-%m-%d %H:%M} · {scope}",
        style=styles.subtitle,
    )
    if settings and settings.description:
        cover.line(settings.description)

    cover.section("What this workbook holds")
    cover.table(
        ("Sheet", "Rows", "What it is"),
        [(line.sheet, line.rows, line.about) for line in contents],
    )
    cover.line()
    cover.line(
        "Changes to Accounts and Stakeholders can come back: keep the hidden id and version "
        "columns, add or delete rows, then import this file into the plan (File ▸ Import)."
    )

    cover.section("Agreement: key-account criteria (each scored 0-5; fit score 0-100)")
    criteria = session.scalars(select(Criterion).order_by(Criterion.sort_order, Criterion.name))
    cover.table(
        ("Criterion", "Weight", "Meaning"),
        [(c.name, c.weight, c.description) for c in criteria],
    )

    cover.section("Tiers and rules of engagement")
    rules = session.execute(
        select(TierRule, VocabularyTerm.sort_order)
        .join(VocabularyTerm, VocabularyTerm.id == TierRule.tier_id)
        .order_by(VocabularyTerm.sort_order)
    ).all()
    cover.table(
        ("Tier", "Min. fit score", "Service level", "Who leads", "Play types", "Rules"),
        [
            (
                labels.get(rule.tier_id, ""),
                rule.min_fit_score,
                rule.service_level,
                FUNCTION_LABELS.get(rule.lead_function, rule.lead_function),
                rule.allowed_play_types.replace(",", ", "),
                rule.rules,
            )
            for rule, _order in rules
        ],
    )

    cover.section("Lead definition (all must be met)")
    items = session.scalars(select(LeadCriterion).order_by(LeadCriterion.sort_order))
    for number, item in enumerate(items, start=1):
        cover.line(f"{number}.", None, item.text, wrap=True)

    cover.section("Handoff")
    if settings:
        start = labels.get(settings.handoff_from_id, "") if settings.handoff_from_id else ""
        end = labels.get(settings.handoff_to_id, "") if settings.handoff_to_id else ""
        cover.line("Marketing hands over", f"{start} → {end}" if start or end else "not agreed")
        cover.line("Touches before a viable lead", settings.touch_threshold)
        cover.line("Most touches per person a week", settings.max_touches_per_week)

    team = session.scalars(select(TeamMember).order_by(TeamMember.function, TeamMember.name))
    cover.section("Our team")
    cover.table(
        ("Name", "Function", "Title", "Email"),
        [(m.name, FUNCTION_LABELS.get(m.function, m.function), m.title, m.email) for m in team],
    )
