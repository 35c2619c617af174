"""Asking for a team plan's password at the terminal, as psql does.

libpq's own conventions (``~/.pgpass``, a service file, ``PGPASSWORD``) come first;
only when the server still asks, and the command runs at a terminal, the user types
the password (not echoed). A script or a pipe gets the one-sentence error instead of
a prompt that would hang it. The password is kept in this process's memory only, for
the command's other connections to the same server.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable

from abm_planner.errors import PasswordRequiredError
from abm_planner.store.plan_location import remember_typed_password

TRIES = 3


def can_prompt() -> bool:
    """A person at a terminal can answer: stdin and stderr are both a terminal."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def run_asking_for_passwords(command: Callable[[], int]) -> int:
    """Run ``command``; when a server asks for a password, ask the user and run it again.

    Connecting comes before any write in every command, so running it again is safe.
    Up to three tries per command, then the server's refusal is the error; an empty
    answer gives up at once.
    """
    tries = 0
    while True:
        try:
            return command()
        except PasswordRequiredError as error:
            if tries >= TRIES or not can_prompt():
                raise
            tries += 1
            password = _ask(error)
            if not password:
                raise
            remember_typed_password(error.location, password)


def _ask(error: PasswordRequiredError) -> str:
    if error.wrong_password:
        print(f"The server refused the password for {error.location}.", file=sys.stderr)
    return getpass.getpass(f"Password for {error.location}: ", stream=sys.stderr)
