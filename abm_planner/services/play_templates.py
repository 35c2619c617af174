"""The play library: reusable play templates, listed, edited, added and deleted.

Deleting a template leaves the plays made from it in place (their link is set to
NULL by the database); the snapshot remembers those links so undo puts them back.
Workbook export and import of the library belong to the Excel services.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from abm_planner.domain.fields import field_map
from abm_planner.errors import NotFoundError, UserError
from abm_planner.plays.fields import LONGEST_PLAY_DAYS, TEMPLATE_FIELDS, check_lead_function
from abm_planner.plays.records import TemplateRecord
from abm_planner.services.plans import Plan
from abm_planner.services.record_fields import check_references, clean_changes, roles_of
from abm_planner.services.snapshots import Relink, Snapshot, restore
from abm_planner.store.base import utcnow
from abm_planner.store.models import (
    PlayAssignment,
    PlayTemplate,
    VocabularyTerm,
    play_template_roles,
    play_template_stages,
)

SPECS = field_map(TEMPLATE_FIELDS)
CHANGE_KIND = "play_template"
NO_ACCOUNT = uuid.UUID(int=0)  # snapshots carry an account; templates belong to the plan


@dataclass(frozen=True, slots=True)
class TemplateRow:
    """A template's values (ids for terms) with its id and the keys the checks use."""

    id: uuid.UUID
    values: dict[str, Any]
    play_type_key: str | None
    stage_keys: frozenset[str]
    role_keys: frozenset[str]
    uses: int = 0

    @property
    def name(self) -> str:
        return str(self.values["name"])

    def record(self) -> TemplateRecord:
        """The template as the play checks and suggestions read it."""
        return TemplateRecord(
            id=self.id,
            name=self.name,
            play_type=self.play_type_key,
            stages=self.stage_keys,
            target_roles=self.role_keys,
            lead_function=self.values["lead_function"],
            typical_touches=self.values["typical_touches"] or 0,
            duration_days=self.values["duration_days"] or 0,
            cost=self.values["cost"],
        )


def _row(template: PlayTemplate, type_keys: dict[uuid.UUID, str], uses: int) -> TemplateRow:
    values = {
        name: getattr(template, name) for name in SPECS if name not in ("stage_ids", "role_ids")
    }
    values["stage_ids"] = [t.id for t in template.stages]
    values["role_ids"] = [t.id for t in template.target_roles]
    return TemplateRow(
        template.id,
        values,
        type_keys.get(template.play_type_id) if template.play_type_id else None,
        frozenset(t.key for t in template.stages),
        frozenset(t.key for t in template.target_roles),
        uses,
    )


def _type_keys(session: Session) -> dict[uuid.UUID, str]:
    rows = session.execute(
        select(VocabularyTerm.id, VocabularyTerm.key).where(VocabularyTerm.kind == "play_type")
    )
    return {term_id: key for term_id, key in rows.all()}  # noqa: C416 - Row pairs


def list_templates(plan: Plan) -> list[TemplateRow]:
    """The whole library by name, with how many plays use each template."""
    with plan.read() as session:
        uses: dict[uuid.UUID, int] = dict(
            session.execute(  # type: ignore[arg-type]
                select(PlayAssignment.template_id, func.count())
                .where(PlayAssignment.template_id.is_not(None))
                .group_by(PlayAssignment.template_id)
            ).all()
        )
        types = _type_keys(session)
        templates = session.scalars(select(PlayTemplate).order_by(PlayTemplate.name))
        return [_row(t, types, uses.get(t.id, 0)) for t in templates]


def get_template(plan: Plan, template_id: uuid.UUID) -> TemplateRow:
    with plan.read() as session:
        template = session.get(PlayTemplate, template_id)
        if template is None:
            raise NotFoundError("That play template no longer exists.")
        uses = session.scalar(select(func.count()).where(PlayAssignment.template_id == template_id))
        return _row(template, _type_keys(session), uses or 0)


def _clean(session: Session, changes: dict[str, Any], own_id: uuid.UUID | None) -> dict[str, Any]:
    clean = clean_changes(SPECS, changes)
    if "lead_function" in clean:
        clean["lead_function"] = check_lead_function(clean["lead_function"] or "joint")
    if "duration_days" in clean:
        days = clean["duration_days"] or 0
        if not 1 <= days <= LONGEST_PLAY_DAYS:
            raise UserError(f"Duration must be between 1 and {LONGEST_PLAY_DAYS} days.")
    check_references(session, SPECS, clean)
    if "name" in clean:
        taken = session.scalar(
            select(PlayTemplate.id).where(
                func.lower(PlayTemplate.name) == clean["name"].casefold(),
                PlayTemplate.id != own_id if own_id else PlayTemplate.id.is_not(None),
            )
        )
        if taken is not None:
            raise UserError(f"The library already has a play called '{clean['name']}'.")
    return clean


def _apply(session: Session, template: PlayTemplate, clean: dict[str, Any]) -> dict[str, Any]:
    old: dict[str, Any] = {}
    for name, value in clean.items():
        if name == "stage_ids":
            old[name] = [t.id for t in template.stages]
            template.stages = roles_of(session, value)
        elif name == "role_ids":
            old[name] = [t.id for t in template.target_roles]
            template.target_roles = roles_of(session, value)
        else:
            old[name] = getattr(template, name)
            setattr(template, name, value)
    return old


def create_template(
    plan: Plan, values: dict[str, Any], template_id: uuid.UUID | None = None
) -> uuid.UUID:
    """Add a template to the library; ``template_id`` lets redo reuse the same id."""
    with plan.write() as unit:
        clean = _clean(unit.session, {"name": values.get("name", "")} | values, template_id)
        template = PlayTemplate(id=template_id or uuid.uuid4(), name=clean["name"])
        unit.session.add(template)
        _apply(unit.session, template, clean)
        unit.session.flush()
        unit.changed(CHANGE_KIND, template.id)
        return template.id


def update_template(plan: Plan, template_id: uuid.UUID, changes: dict[str, Any]) -> dict[str, Any]:
    """Apply checked changes; return the old values (for undo)."""
    with plan.write() as unit:
        template = unit.session.get(PlayTemplate, template_id)
        if template is None:
            raise NotFoundError("That play template no longer exists.")
        clean = _clean(unit.session, changes, template_id)
        old = _apply(unit.session, template, clean)
        if {"stage_ids", "role_ids"} & set(clean):
            template.updated_at = utcnow()  # stages and roles live in other tables
        unit.changed(CHANGE_KIND, template_id)
    return old


def delete_template(plan: Plan, template_id: uuid.UUID) -> Snapshot:
    """Delete a template; plays made from it stay (unlinked). Undo restores the links."""
    with plan.write() as unit:
        session = unit.session
        if session.get(PlayTemplate, template_id) is None:
            raise NotFoundError("That play template no longer exists.")
        snapshot = Snapshot(CHANGE_KIND, template_id, NO_ACCOUNT)
        for table, condition in (
            (PlayTemplate.__table__, PlayTemplate.id == template_id),
            (play_template_stages, play_template_stages.c.template_id == template_id),
            (play_template_roles, play_template_roles.c.template_id == template_id),
        ):
            snapshot.capture(session, table, condition)
        plays = list(
            session.scalars(
                select(PlayAssignment.id).where(PlayAssignment.template_id == template_id)
            )
        )
        if plays:
            snapshot.relinks.append(
                Relink(PlayAssignment.__table__, "template_id", template_id, plays)  # type: ignore[arg-type]
            )
        session.execute(delete(PlayTemplate).where(PlayTemplate.id == template_id))
        unit.changed(CHANGE_KIND, template_id)
    return snapshot


def restore_template(plan: Plan, snapshot: Snapshot) -> None:
    """Undo a delete: the template, its stages and roles, and its plays' links."""
    with plan.write() as unit:
        restore(unit.session, snapshot)
        unit.changed(CHANGE_KIND, snapshot.record_id)


def unique_name(plan: Plan, wanted: str) -> str:
    """``wanted``, or ``wanted (2)``, ``(3)``… whichever the library does not have yet."""
    with plan.read() as session:
        names = {n.casefold() for n in session.scalars(select(PlayTemplate.name))}
    candidate, number = wanted, 2
    while candidate.casefold() in names:
        candidate = f"{wanted} ({number})"
        number += 1
    return candidate
