"""Undoable edits: one ``QUndoCommand`` per user action, each calling a service and its inverse."""

from __future__ import annotations

from abm_planner.gui.commands.accounts import (
    CreateAccountCommand,
    DeleteAccountCommand,
    EditAccountCommand,
)
from abm_planner.gui.commands.base import ServiceCommand, push, push_all
from abm_planner.gui.commands.stakeholders import (
    CreateStakeholderCommand,
    DeleteStakeholderCommand,
    EditStakeholderCommand,
)

__all__ = [
    "CreateAccountCommand",
    "CreateStakeholderCommand",
    "DeleteAccountCommand",
    "DeleteStakeholderCommand",
    "EditAccountCommand",
    "EditStakeholderCommand",
    "ServiceCommand",
    "push",
    "push_all",
]
