"""Start a workshop: ask with the start dialog, then call the service (start snapshot included).

Starting is not an undoable edit: it takes a snapshot of the plan, which is a record
of the moment rather than a change to it. Ending the workshop (or deleting it) is how
a workshop is undone.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QDialog, QWidget

from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.dialogs.workshop_start_dialog import StartWorkshopDialog, WorkshopRequest
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services.accounts import account_row
from abm_planner.services.agreements import account_ids_by_name
from abm_planner.services.lookups import team_members
from abm_planner.services.workshops import DEFAULT_AGENDA, start_workshop


def make_dialog(
    context: PlanContext, account_id: uuid.UUID | None, parent: QWidget | None
) -> StartWorkshopDialog:
    """The start dialog for the plan, the selected account and its owners ticked."""
    plan = context.plan
    dialog = StartWorkshopDialog(
        account_ids_by_name(plan), team_members(plan), list(DEFAULT_AGENDA), account_id, parent
    )
    row = account_row(plan, account_id) if account_id is not None else None
    if row is not None:
        owners = {row.sales_owner_id: "sales", row.marketing_owner_id: "marketing"}
        dialog.check_participants({k: v for k, v in owners.items() if k is not None})
    return dialog


def start_from(context: PlanContext, request: WorkshopRequest) -> uuid.UUID:
    """Start the workshop the dialog asked for; raises ``UserError`` when refused."""
    return start_workshop(
        context.plan,
        title=request.title,
        held_on=request.held_on,
        account_ids=request.account_ids,
        participants=request.participants,
        agenda=request.agenda,
    )


def ask_and_start(
    context: PlanContext, account_id: uuid.UUID | None, parent: QWidget | None
) -> tuple[uuid.UUID, str] | None:
    """Ask, then start; the new workshop's id and the chosen screen, or None."""
    dialog = make_dialog(context, account_id, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    request = dialog.request()
    try:
        workshop_id = start_from(context, request)
    except UserError as error:
        actions.show_user_error(parent, error)
        return None
    return workshop_id, request.screen_name
