"""The plan's play templates as an import compares them, and how many plays use each.

Read in three bulk queries (templates, their stages and roles, uses), keyed by
id and by name (names are unique in the library), values in the form the store
keeps them (term ids), so the Play library sheet compares like with like.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from abm_planner.domain import vocabularies as vocab
from abm_planner.excel.plan_index import RecordState, name_key
from abm_planner.plays.fields import TEMPLATE_FIELDS
from abm_planner.store.models import (
    PlayAssignment,
    PlayTemplate,
    play_template_roles,
    play_template_stages,
)

SPECS = {spec.name: spec for spec in TEMPLATE_FIELDS}
TERM_LISTS = {"stage_ids": vocab.STAGE, "role_ids": vocab.ROLE}


@dataclass(slots=True)
class TemplateIndex:
    """The plan's templates as the import compares them, and how many plays use each."""

    states: dict[uuid.UUID, RecordState] = field(default_factory=dict)
    uses: dict[uuid.UUID, int] = field(default_factory=dict)
    by_name: dict[str, uuid.UUID] = field(default_factory=dict)


def load_templates(session: Session) -> TemplateIndex:
    index = TemplateIndex()
    links: dict[uuid.UUID, dict[str, list[uuid.UUID]]] = defaultdict(lambda: defaultdict(list))
    for table, name, column in (
        (play_template_stages, "stage_ids", play_template_stages.c.stage_id),
        (play_template_roles, "role_ids", play_template_roles.c.role_id),
    ):
        for template_id, term_id in session.execute(select(table.c.template_id, column)):
            links[template_id][name].append(term_id)
    plain = [n for n in SPECS if n not in TERM_LISTS]
    t = PlayTemplate
    base = (t.id, t.version, t.created_at, t.updated_at)
    for row in session.execute(select(*base, *(getattr(t, n) for n in plain))):
        values = dict(zip(plain, row[4:], strict=True))
        for name in TERM_LISTS:
            values[name] = sorted(links[row[0]][name], key=str)
        state = RecordState(row[0], row[1], row[2], row[3], values["name"], "", values)
        index.states[state.id] = state
        index.by_name[name_key(state.name)] = state.id
    index.uses = dict(
        session.execute(  # type: ignore[arg-type]
            select(PlayAssignment.template_id, func.count())
            .where(PlayAssignment.template_id.is_not(None))
            .group_by(PlayAssignment.template_id)
        ).all()
    )
    return index
