"""The team plan's side of a sync: one consistent view of it, and losing it politely.

A sync compares against the server in one read-only ``REPEATABLE READ`` transaction,
so every table is seen as of one moment however long the comparison takes. A lost
connection at any point is one sentence (``ServerUnreachableError``) and nothing
changed on either side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, OperationalError

from abm_planner.errors import UserError
from abm_planner.services.plans import Plan


class ServerUnreachableError(UserError):
    """The team plan could not be reached; nothing was changed."""


@contextmanager
def server_snapshot(server_plan: Plan) -> Iterator[Connection]:
    """One consistent view of the team plan for the whole comparison."""
    try:
        connection = server_plan.engine.connect()
    except (OperationalError, DBAPIError) as error:
        raise unreachable(server_plan.location, error) from error
    try:
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        with connection.begin():
            yield connection
    finally:
        connection.close()


def guarded(server_plan: Plan, read: Callable[[], Any]) -> Any:
    """Run a read that touches the team plan; a lost connection is one sentence."""
    try:
        return read()
    except (OperationalError, DBAPIError) as error:
        if isinstance(error, OperationalError) or error.connection_invalidated:
            raise unreachable(server_plan.location, error) from error
        raise


def unreachable(location: str, error: Exception) -> ServerUnreachableError:
    detail = str(getattr(error, "orig", None) or error).strip().splitlines()
    reason = detail[0][:160] if detail else error.__class__.__name__
    return ServerUnreachableError(
        f"The team plan at {location} cannot be reached ({reason}); nothing was changed."
    )
