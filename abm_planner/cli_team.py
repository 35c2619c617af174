"""The team-plan commands: ``server upgrade``, ``server grant`` and ``copy``.

Kept beside ``cli.py`` so the shared command file only registers them. A URL's
password is never printed: every message names the plan by its password-less form.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from abm_planner.store.plan_location import display_location, plan_argument

EXIT_OK = 0


def _progress(noun: str) -> Callable[[int, int], None] | None:
    """Rows done of rows in all, on one rewritten stderr line (terminals only)."""
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> None:
        print(f"\r  {done:,} / {total:,} {noun}", end="", file=sys.stderr, flush=True)

    return report


def _cmd_server_upgrade(args: argparse.Namespace) -> int:
    from abm_planner.services.server_plans import upgrade_server

    result = upgrade_server(args.url, plan_name=args.name)
    if result.created:
        print(f"Created a new plan at {result.location} (plan format {result.after}).")
    elif result.before == result.after:
        print(f"The team plan at {result.location} is up to date (plan format {result.after}).")
    else:
        print(
            f"Upgraded the team plan at {result.location} from plan format {result.before} "
            f"to {result.after}."
        )
    return EXIT_OK


def _cmd_server_grant(args: argparse.Namespace) -> int:
    from abm_planner.services.server_plans import grant

    print(grant(args.url, args.role, edit=args.edit))
    return EXIT_OK


def _cmd_copy(args: argparse.Namespace) -> int:
    from abm_planner.services.plan_copy import copy_location

    report = _progress("records")
    result = copy_location(args.source, args.destination, replace=args.replace, progress=report)
    if report:
        print(file=sys.stderr)
    print(
        f"Copied {result.total:,} records from {display_location(args.source)} to "
        f"{display_location(args.destination)} in {result.seconds:.1f} s."
    )
    return EXIT_OK


def _server_url(text: str) -> str:
    location = plan_argument(text)
    if not isinstance(location, str):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a PostgreSQL URL (postgresql://user@host/database)"
        )
    return location


def add_team_commands(commands: Any) -> None:
    """Register ``server`` (upgrade, grant) and ``copy`` on the main command parser."""
    server = commands.add_parser("server", help="set up a team plan on a PostgreSQL server")
    actions = server.add_subparsers(
        dest="server_command", metavar="ACTION", parser_class=type(server), required=True
    )
    upgrade = actions.add_parser(
        "upgrade",
        help="create the plan in an empty database, or upgrade it to this app's plan format",
    )
    upgrade.add_argument("url", type=_server_url, metavar="URL")
    upgrade.add_argument("--name", help="a new plan's name (default: the database name)")
    upgrade.set_defaults(handler=_cmd_server_upgrade)

    grant = actions.add_parser(
        "grant", help="let a PostgreSQL role read, or read and edit, the team plan"
    )
    grant.add_argument("url", type=_server_url, metavar="URL")
    grant.add_argument("role", metavar="ROLE")
    rights = grant.add_mutually_exclusive_group(required=True)
    rights.add_argument("--read-only", dest="edit", action="store_false", help="read only")
    rights.add_argument("--edit", dest="edit", action="store_true", help="read and edit")
    grant.set_defaults(handler=_cmd_server_grant)

    copy = commands.add_parser(
        "copy", help="copy a whole plan between a file and a server (either way)"
    )
    copy.add_argument("source", type=plan_argument, metavar="SRC", help="plan file or URL")
    copy.add_argument("destination", type=plan_argument, metavar="DST", help="plan file or URL")
    copy.add_argument(
        "--replace",
        action="store_true",
        help="overwrite an existing plan file, or every record of the plan in the database",
    )
    copy.set_defaults(handler=_cmd_copy)
