"""Where each play sits on the timeline: its lane and the track inside it.

Every account gets a marketing lane above a sales lane; joint plays sit in a band
between them and are drawn across the line where the two lanes meet, so they
visibly belong to both. Inside a lane, plays that overlap in time go on separate
tracks (greedy interval partitioning by start date: the fewest tracks possible);
a play may start the day after another ends on the same track.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from abm_planner.plays.records import MARKETING, SALES

MARKETING_LANE = 0
JOINT_BAND = 1
SALES_LANE = 2


class Scheduled(Protocol):
    """What the layout reads from a bar."""

    @property
    def lead_function(self) -> str: ...

    @property
    def start_on(self) -> date: ...

    @property
    def end_on(self) -> date: ...


def band_of(lead_function: str) -> int:
    if lead_function == MARKETING:
        return MARKETING_LANE
    if lead_function == SALES:
        return SALES_LANE
    return JOINT_BAND


@dataclass(frozen=True, slots=True)
class LaneLayout:
    """Tracks per band and, for each bar (in input order), its band and track.

    The marketing and sales lanes always have at least one track, so an account with
    no plays still shows both lanes; the joint band has as many as it needs (none
    when there is no joint play).
    """

    marketing_tracks: int
    joint_tracks: int
    sales_tracks: int
    placements: tuple[tuple[int, int], ...]

    @property
    def tracks(self) -> int:
        return self.marketing_tracks + self.joint_tracks + self.sales_tracks

    def row_of(self, band: int, track: int) -> int:
        """The track's row from the top of the account's block."""
        if band == MARKETING_LANE:
            return track
        if band == JOINT_BAND:
            return self.marketing_tracks + track
        return self.marketing_tracks + self.joint_tracks + track


def pack(bars: Sequence[Scheduled]) -> LaneLayout:
    """Place ``bars`` (start and end dates set, end not before start) on tracks."""
    order = sorted(range(len(bars)), key=lambda i: (bars[i].start_on, bars[i].end_on))
    ends: dict[int, list[date]] = {MARKETING_LANE: [], JOINT_BAND: [], SALES_LANE: []}
    placements: list[tuple[int, int]] = [(0, 0)] * len(bars)
    for index in order:
        bar = bars[index]
        band = band_of(bar.lead_function)
        tracks = ends[band]
        end = max(bar.end_on, bar.start_on)
        for track, last in enumerate(tracks):
            if last < bar.start_on:
                tracks[track] = end
                placements[index] = (band, track)
                break
        else:
            tracks.append(end)
            placements[index] = (band, len(tracks) - 1)
    return LaneLayout(
        max(len(ends[MARKETING_LANE]), 1),
        len(ends[JOINT_BAND]),
        max(len(ends[SALES_LANE]), 1),
        tuple(placements),
    )
