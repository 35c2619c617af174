"""Which library plays fit a gap: the account's journey stage and the people's roles.

A template fits when

- it suits the account's stage (it names that stage, or names no stage at all, or
  the account's stage is not recorded), and
- it targets at least one wanted role; when no role is wanted (a gap about the
  account as a whole, like being single-threaded), it is of a wanted play type.

Templates aimed at blockers (the detractor turnarounds) are only suggested when a
gap is about someone against us, i.e. when the blocker role is wanted.

Fitting templates are ranked by: of a wanted play type first, then the most wanted
roles targeted, then naming the stage explicitly, then by name — so the list is the
same every time for the same library.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from abm_planner.plays.records import Id, Suggestion, TemplateRecord

DEFAULT_LIMIT = 3
BLOCKER = "blocker"


def fits_stage(template: TemplateRecord, stage: str | None) -> bool:
    return stage is None or not template.stages or stage in template.stages


def suggest_templates(
    templates: Iterable[TemplateRecord],
    *,
    stage: str | None,
    roles: Collection[str] = (),
    play_types: Collection[str] = (),
    exclude: Collection[Id] = (),
    limit: int = DEFAULT_LIMIT,
) -> tuple[Suggestion, ...]:
    """Up to ``limit`` templates fitting ``stage`` and ``roles`` (or ``play_types``)."""
    wanted_roles = frozenset(roles)
    wanted_types = frozenset(play_types)
    ranked: list[tuple[tuple[object, ...], Suggestion]] = []
    for template in templates:
        if template.id in exclude or not fits_stage(template, stage):
            continue
        if BLOCKER in template.target_roles and BLOCKER not in wanted_roles:
            continue
        matched = template.target_roles & wanted_roles
        type_fit = template.play_type in wanted_types
        if wanted_roles and not matched:
            continue
        if not wanted_roles and wanted_types and not type_fit:
            continue
        named_stage = stage is not None and stage in template.stages
        rank = (not type_fit, -len(matched), not named_stage, template.name.casefold())
        suggestion = Suggestion(template.id, template.name, tuple(sorted(matched)), named_stage)
        ranked.append((rank, suggestion))
    ranked.sort(key=lambda item: item[0])
    return tuple(suggestion for _, suggestion in ranked[: max(limit, 0)])
