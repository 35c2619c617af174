"""Team plans on a PostgreSQL server: opening one, upgrading its schema, granting access.

A server holds one plan per database. Opening never changes the server: an older
schema is refused with the command that upgrades it (``abm-planner server upgrade``,
run by the database's owner), a newer one with the advice to update the app. The
connected role's grants decide whether the plan opens read-only.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from abm_planner.errors import PlanFileError, UserError
from abm_planner.services.plans import Plan
from abm_planner.store import schema, server
from abm_planner.store.plan_location import display_location, server_url


@dataclass(frozen=True, slots=True)
class ServerUpgrade:
    """What ``server upgrade`` did: revisions before and after; created a new plan?"""

    location: str
    before: int
    after: int
    created: bool


def open_server_plan(text: str, *, read_only: bool = False, password: str | None = None) -> Plan:
    """Open the team plan at URL ``text``; refuse a database that is not one at this revision."""
    url = server_url(text, password)
    where = display_location(url)
    engine = server.make_server_engine(url, read_only=read_only)
    try:
        state = server.server_state(engine)
        check_revision(state, where)
        if not read_only and not state.can_write:
            # The server decides: reconnect so every transaction is read-only too.
            engine.dispose()
            engine = server.make_server_engine(url, read_only=True)
    except BaseException:
        engine.dispose()
        raise
    reason = (
        None
        if state.can_write
        else f"your database role '{state.role}' may read this team plan but not change it"
    )
    return Plan(
        engine,
        path=None,
        read_only=read_only or not state.can_write,
        read_only_reason=reason or "it was opened for reading only",
    )


def check_revision(state: server.ServerState, where: str) -> None:
    """Refuse a database that holds no plan, or one at another schema revision."""
    head = schema.head_revision()
    if state.revision == 0:
        if state.is_empty:
            raise PlanFileError(
                f"The database {where} is empty: put a plan there with 'abm-planner copy "
                f"PLAN {where}' or start one with 'abm-planner server upgrade {where}'."
            )
        raise PlanFileError(
            f"The database {where} holds other tables but no ABM Planner plan (a server "
            "holds one plan per database); use an empty database for the plan."
        )
    if state.revision > head:
        raise PlanFileError(
            f"The team plan at {where} was upgraded by a newer version of ABM Planner "
            f"(plan format {state.revision}, this app knows up to {head}); update the app."
        )
    if state.revision < head:
        raise PlanFileError(
            f"The team plan at {where} is in an older plan format ({state.revision}, this "
            f"app uses {head}); its owner upgrades it with 'abm-planner server upgrade {where}'."
        )


def upgrade_server(text: str, *, plan_name: str | None = None) -> ServerUpgrade:
    """Create the plan schema in an empty database (with the defaults), or upgrade it.

    Runs in one transaction under an advisory lock: PostgreSQL's DDL is transactional,
    so a failed upgrade leaves the database exactly as it was (no backup needed).
    """
    from abm_planner.services.defaults import seed_defaults

    url = server_url(text)
    where = display_location(url)
    head = schema.head_revision()
    engine = server.make_server_engine(url)
    try:
        with engine.begin() as connection:
            server.lock_for_upgrade(connection)
            state = server.inspect_state(connection)
            if state.revision > head:
                check_revision(state, where)
            if state.revision == 0 and not state.is_empty:
                check_revision(state, where)
            if state.revision == head:
                return ServerUpgrade(where, head, head, created=False)
            schema.upgrade_connection(connection)
            server.track_editors(connection)
            if state.is_empty:
                session = Session(bind=connection)
                seed_defaults(session, plan_name or url.database or "Team plan")
                session.flush()
                session.close()
    except OperationalError as error:
        raise server.connection_problem(error, url) from error
    except DBAPIError as error:
        raise PlanFileError(
            f"The team plan at {where} could not be upgraded and was left as it was "
            f"({_first_line(error)}); run it as the role that owns the plan's tables."
        ) from error
    finally:
        engine.dispose()
    return ServerUpgrade(where, state.revision, head, created=state.is_empty)


def grant(text: str, role: str, *, edit: bool) -> str:
    """Let ``role`` read (or edit) the team plan at ``text``; returns a sentence saying so."""
    url = server_url(text)
    where = display_location(url)
    engine = server.make_server_engine(url)
    try:
        with engine.begin() as connection:
            state = server.inspect_state(connection)
            check_revision(state, where)
            if not server.owns_plan(connection):
                raise UserError(
                    f"Only the owner of the team plan at {where} can change who may use it; "
                    f"your role '{state.role}' does not own its tables."
                )
            if not server.role_exists(connection, role):
                raise UserError(
                    f"There is no role '{role}' on the server of {where}; create it first "
                    f'(CREATE ROLE "{role}" LOGIN).'
                )
            server.grant_access(connection, role, edit=edit)
    except (OperationalError, ProgrammingError) as error:
        raise server.connection_problem(error, url) from error
    finally:
        engine.dispose()
    rights = "read and edit" if edit else "read (not change)"
    return f"Role '{role}' may now {rights} the team plan at {where}."


def _first_line(error: DBAPIError) -> str:
    lines = str(error.orig or error).strip().splitlines()
    return lines[0] if lines else error.__class__.__name__
