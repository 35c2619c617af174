"""Undo commands and user actions, without a window: every edit undoes and redoes exactly."""

from __future__ import annotations

import uuid

import pytest

from abm_planner.errors import ReadOnlyPlanError, UserError
from abm_planner.gui import actions
from abm_planner.gui.commands import (
    CreateAccountCommand,
    CreateStakeholderCommand,
    DeleteAccountCommand,
    DeleteStakeholderCommand,
    EditAccountCommand,
    EditStakeholderCommand,
    base,
    push,
)
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services import accounts, stakeholders
from abm_planner.services.summary import plan_summary

pytestmark = pytest.mark.usefixtures("dialogs")


def _biggest_account(context: PlanContext) -> accounts.AccountRow:
    return max(accounts.list_accounts(context.plan), key=lambda row: row.stakeholders)


def test_edit_account_undo_redo(context: PlanContext) -> None:
    account = _biggest_account(context)
    stack = context.undo_stack
    push(stack, EditAccountCommand(context, account.id, {"name": "Renamed GmbH"}))
    assert stack.count() == 1
    assert stack.undoText() == "Rename account to Renamed GmbH"
    assert accounts.get_account(context.plan, account.id)["name"] == "Renamed GmbH"
    stack.undo()
    assert accounts.get_account(context.plan, account.id)["name"] == account.name
    stack.redo()
    assert accounts.get_account(context.plan, account.id)["name"] == "Renamed GmbH"


def test_edit_text_names_the_field(context: PlanContext) -> None:
    account = _biggest_account(context)
    push(context.undo_stack, EditAccountCommand(context, account.id, {"tier_id": None}))
    assert context.undo_stack.undoText() == f"Change tier of {account.name}"
    push(context.undo_stack, EditAccountCommand(context, account.id, {"crm_id": "X1"}))
    assert context.undo_stack.undoText() == f"Change CRM id of {account.name}"


def test_refused_edit_pushes_nothing(context: PlanContext) -> None:
    account = _biggest_account(context)
    with pytest.raises(UserError, match="Name cannot be empty"):
        push(context.undo_stack, EditAccountCommand(context, account.id, {"name": "  "}))
    with pytest.raises(UserError, match="whole number"):
        push(context.undo_stack, EditAccountCommand(context, account.id, {"employees": -3}))
    assert context.undo_stack.count() == 0
    assert accounts.get_account(context.plan, account.id)["name"] == account.name


def test_create_account_undo_and_redo_keep_the_id(context: PlanContext) -> None:
    command = CreateAccountCommand(context, {"name": "Fresh AG"})
    push(context.undo_stack, command)
    created = command.account_id
    assert created is not None
    assert accounts.account_row(context.plan, created) is not None
    context.undo_stack.undo()
    assert accounts.account_row(context.plan, created) is None
    context.undo_stack.redo()
    row = accounts.account_row(context.plan, created)
    assert row is not None
    assert row.name == "Fresh AG"


def test_delete_account_undo_restores_everything(context: PlanContext) -> None:
    account = _biggest_account(context)
    before = plan_summary(context.plan)
    push(context.undo_stack, DeleteAccountCommand(context, account.id))
    after = plan_summary(context.plan)
    assert after["accounts"] == before["accounts"] - 1
    assert after["stakeholders"] == before["stakeholders"] - account.stakeholders
    assert after["play_assignments"] < before["play_assignments"]
    assert context.undo_stack.undoText() == f"Delete account {account.name}"
    context.undo_stack.undo()
    assert plan_summary(context.plan) == before
    context.undo_stack.redo()
    assert plan_summary(context.plan) == after
    context.undo_stack.undo()
    assert plan_summary(context.plan) == before


def test_stakeholder_commands_undo_and_redo(context: PlanContext) -> None:
    account = _biggest_account(context)
    person = stakeholders.list_stakeholders(context.plan, account.id)[0]
    before = plan_summary(context.plan)
    stack = context.undo_stack

    push(stack, EditStakeholderCommand(context, person.id, {"title": "Chief Everything"}))
    assert stakeholders.get_stakeholder(context.plan, person.id).values["title"] == (
        "Chief Everything"
    )
    push(stack, DeleteStakeholderCommand(context, person.id))
    assert stack.undoText() == f"Delete stakeholder {person.values['name']}"
    create = CreateStakeholderCommand(context, account.id, {"name": "New Person"})
    push(stack, create)
    assert create.stakeholder_id is not None

    stack.undo()  # the creation
    stack.undo()  # the deletion
    restored = stakeholders.get_stakeholder(context.plan, person.id)
    assert restored.values["title"] == "Chief Everything"
    assert restored.values["role_ids"] == person.values["role_ids"]
    stack.undo()  # the edit
    assert stakeholders.get_stakeholder(context.plan, person.id).values == person.values
    assert plan_summary(context.plan) == before

    for _ in range(3):
        stack.redo()
    assert accounts.account_row(context.plan, account.id).stakeholders == account.stakeholders
    assert stakeholders.get_stakeholder(context.plan, create.stakeholder_id).values["name"] == (
        "New Person"
    )


def test_failed_undo_is_reported_and_dropped(
    context: PlanContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[UserError] = []
    monkeypatch.setattr(base, "report_failure", reported.append)
    account = _biggest_account(context)
    push(context.undo_stack, EditAccountCommand(context, account.id, {"region": "Mars"}))
    accounts.delete_account(context.plan, account.id)  # behind the stack's back
    context.undo_stack.undo()
    assert len(reported) == 1
    assert "no longer exists" in str(reported[0])
    assert context.undo_stack.count() == 0


def test_read_only_plan_refuses_commands(read_only_context: PlanContext) -> None:
    account = accounts.list_accounts(read_only_context.plan)[0]
    with pytest.raises(ReadOnlyPlanError):
        push(
            read_only_context.undo_stack,
            EditAccountCommand(read_only_context, account.id, {"name": "Nope"}),
        )
    assert read_only_context.undo_stack.count() == 0


# -- actions ---------------------------------------------------------------------------


def test_new_account_asks_for_a_name(context: PlanContext, dialogs) -> None:
    dialogs.text = ("Brand New Ltd", True)
    created = actions.new_account(context, None)
    assert isinstance(created, uuid.UUID)
    assert accounts.get_account(context.plan, created)["name"] == "Brand New Ltd"
    assert context.undo_stack.undoText() == "New account Brand New Ltd"


def test_new_account_cancelled_or_empty(context: PlanContext, dialogs) -> None:
    count = len(accounts.list_accounts(context.plan))
    dialogs.text = ("Ignored", False)
    assert actions.new_account(context, None) is None
    dialogs.text = ("   ", True)
    assert actions.new_account(context, None) is None
    assert dialogs.warnings == ["Name cannot be empty."]
    assert len(accounts.list_accounts(context.plan)) == count
    assert context.undo_stack.count() == 0


def test_delete_account_confirms_with_counts(context: PlanContext, dialogs) -> None:
    account = _biggest_account(context)
    plays = accounts.attached_counts(context.plan, account.id)["plays"]
    before = plan_summary(context.plan)

    dialogs.answer = actions.QMessageBox.StandardButton.Cancel
    assert actions.delete_account(context, account.id, None) is False
    assert plan_summary(context.plan) == before

    dialogs.answer = actions.QMessageBox.StandardButton.Yes
    assert actions.delete_account(context, account.id, None) is True
    question = dialogs.questions[-1]
    assert account.name in question
    assert f"{account.stakeholders} stakeholders" in question
    assert f"{plays} plays" in question or (plays == 1 and "1 play" in question)
    assert plan_summary(context.plan)["accounts"] == before["accounts"] - 1
    context.undo_stack.undo()
    assert plan_summary(context.plan) == before


def test_delete_several_stakeholders_is_one_undo_step(context: PlanContext, dialogs) -> None:
    account = _biggest_account(context)
    ids = [row.id for row in stakeholders.list_stakeholders(context.plan, account.id)[:3]]
    before = plan_summary(context.plan)
    assert actions.delete_stakeholders(context, ids, None) is True
    assert "Delete 3 stakeholders?" in dialogs.questions[-1]
    assert plan_summary(context.plan)["stakeholders"] == before["stakeholders"] - 3
    assert context.undo_stack.count() == 1
    assert context.undo_stack.undoText() == "Delete 3 stakeholders"
    context.undo_stack.undo()
    assert plan_summary(context.plan) == before


def test_new_stakeholder_action(context: PlanContext, dialogs) -> None:
    account = _biggest_account(context)
    dialogs.text = ("Dana Scully", True)
    created = actions.new_stakeholder(context, account.id, None)
    assert created is not None
    assert stakeholders.get_stakeholder(context.plan, created).account_id == account.id


def test_actions_on_a_read_only_plan_explain_and_do_nothing(
    read_only_context: PlanContext, dialogs
) -> None:
    account = accounts.list_accounts(read_only_context.plan)[0]
    assert actions.new_account(read_only_context, None) is None
    assert actions.delete_account(read_only_context, account.id, None) is False
    assert dialogs.prompts == []
    assert dialogs.questions == []
    assert len(dialogs.warnings) == 2
    assert all("read-only" in text for text in dialogs.warnings)


def test_show_user_error_is_one_sentence_in_a_warning(dialogs) -> None:
    actions.show_user_error(None, UserError("That will not do."))
    assert dialogs.warnings == ["That will not do."]
