"""Lanes and tracks of the timeline: marketing above, joint between, sales below."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from abm_planner.plays.timeline import JOINT_BAND, MARKETING_LANE, SALES_LANE, band_of, pack


@dataclass(frozen=True)
class Bar:
    lead_function: str
    start_on: date
    end_on: date


def bar(lead: str, start: str, end: str) -> Bar:
    return Bar(lead, date.fromisoformat(start), date.fromisoformat(end))


def test_an_account_without_plays_still_has_both_lanes() -> None:
    layout = pack([])
    assert (layout.marketing_tracks, layout.joint_tracks, layout.sales_tracks) == (1, 0, 1)
    assert layout.tracks == 2


def test_lead_functions_choose_the_band() -> None:
    assert band_of("marketing") == MARKETING_LANE
    assert band_of("sales") == SALES_LANE
    assert band_of("joint") == JOINT_BAND
    assert band_of("something else") == JOINT_BAND


def test_overlapping_plays_get_their_own_tracks_and_back_to_back_ones_share() -> None:
    bars = [
        bar("marketing", "2026-03-02", "2026-03-20"),
        bar("marketing", "2026-03-10", "2026-03-12"),  # overlaps the first
        bar("marketing", "2026-03-21", "2026-03-31"),  # starts the day after the first ends
        bar("sales", "2026-03-02", "2026-03-05"),
        bar("joint", "2026-03-02", "2026-03-05"),
        bar("joint", "2026-03-05", "2026-03-09"),  # shares a day with the other joint play
    ]
    layout = pack(bars)
    assert (layout.marketing_tracks, layout.joint_tracks, layout.sales_tracks) == (2, 2, 1)
    assert layout.placements == (
        (MARKETING_LANE, 0),
        (MARKETING_LANE, 1),
        (MARKETING_LANE, 0),
        (SALES_LANE, 0),
        (JOINT_BAND, 0),
        (JOINT_BAND, 1),
    )
    # Rows from the top: two marketing tracks, two joint, one sales.
    assert [layout.row_of(*p) for p in layout.placements] == [0, 1, 0, 4, 2, 3]
