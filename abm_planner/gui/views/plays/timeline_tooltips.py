"""What hovering the timeline explains: a play's dates, lead, owners; a day's touches."""

from __future__ import annotations

from collections.abc import Sequence

from abm_planner.gui.views.plays.timeline_style import tr
from abm_planner.services.play_timeline import TimelineBar, TimelineTouch

LANE_NAMES = {"marketing": "Marketing", "sales": "Sales", "joint": "Joint"}


def play_tooltip(bar: TimelineBar, *, owners: Sequence[str], clashing: bool, writable: bool) -> str:
    """A bar's tooltip (rich text)."""
    lines = [
        f"<b>{bar.name}</b>",
        tr("{start} to {end} ({days} days)").format(
            start=bar.start_on.isoformat(),
            end=bar.end_on.isoformat(),
            days=(bar.end_on - bar.start_on).days + 1,
        ),
        tr("Lead: {lead} · Status: {status}").format(
            lead=tr(LANE_NAMES.get(bar.lead_function, bar.lead_function)),
            status=bar.status_label or tr("not set"),
        ),
    ]
    if owners:
        lines.append(tr("Owners: {names}").format(names=", ".join(owners)))
    if clashing:
        lines.append(tr("Clashes with another play on the same person this week."))
    if writable:
        lines.append(f"<i>{tr('Drag to move; drag an end to change the dates.')}</i>")
    return "<br>".join(lines)


def touches_tooltip(touches: Sequence[TimelineTouch]) -> str:
    """One day's touch dots: who was touched, how and by which side (empty: no touch)."""
    if not touches:
        return ""
    lines = [f"<b>{touches[0].occurred_on.isoformat()}</b>"]
    for touch in touches:
        function = tr(LANE_NAMES.get(touch.function, touch.function))
        detail = " · ".join(x for x in (touch.channel, function) if x)
        lines.append(f"{touch.stakeholder} ({detail})")
    return "<br>".join(lines)
