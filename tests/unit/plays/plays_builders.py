"""Hand-made play data for the plays tests: short names, small int ids."""

from __future__ import annotations

from datetime import date, timedelta

from abm_planner.plays.records import (
    AccountPlays,
    FindingRef,
    PlayPerson,
    PlayRecord,
    TemplateRecord,
    TouchRecord,
)

TODAY = date(2026, 11, 23)  # a Monday
STAGES = ("qualified", "aware", "engaged", "mqa", "opportunity", "customer")
STAGE_ORDER = {key: n for n, key in enumerate(STAGES)}


def day(text: str) -> date:
    return date.fromisoformat(text)


def play(
    play_id: object,
    start: str | None,
    end: str | None,
    targets: tuple[object, ...] = ("p1",),
    *,
    status: str | None = "planned",
    template: object = None,
    name: str | None = None,
    lead: str = "joint",
) -> PlayRecord:
    return PlayRecord(
        play_id,
        name or f"Play {play_id}",
        status,
        day(start) if start else None,
        day(end) if end else None,
        targets,
        template,
        lead,
    )


def person(
    person_id: object, *roles: str, key: bool = False, why: str = "high influence"
) -> PlayPerson:
    return PlayPerson(person_id, f"Person {person_id}", frozenset(roles), key, why if key else "")


def template(
    template_id: object,
    name: str,
    *,
    play_type: str | None = "engagement",
    stages: tuple[str, ...] = (),
    roles: tuple[str, ...] = (),
) -> TemplateRecord:
    return TemplateRecord(template_id, name, play_type, frozenset(stages), frozenset(roles))


def touches(
    person_id: object, first: str, count: int, *, every_days: int = 0, function: str = "sales"
) -> list[TouchRecord]:
    start = day(first)
    return [
        TouchRecord(person_id, start + timedelta(days=n * every_days), function)
        for n in range(count)
    ]


def account(
    *,
    people: tuple[PlayPerson, ...] = (),
    plays: tuple[PlayRecord, ...] = (),
    touch_log: tuple[TouchRecord, ...] = (),
    findings: tuple[FindingRef, ...] = (),
    templates: tuple[TemplateRecord, ...] = (),
    stage: str | None = "engaged",
    threshold: int = 8,
    weekly_limit: int = 3,
) -> AccountPlays:
    return AccountPlays(
        account_id="a1",
        account="Account",
        people=people,
        plays=plays,
        touches=touch_log,
        findings=findings,
        templates=templates,
        stage=stage,
        stage_order=STAGE_ORDER,
        handoff_to="opportunity",
        touch_threshold=threshold,
        max_touches_per_week=weekly_limit,
    )
