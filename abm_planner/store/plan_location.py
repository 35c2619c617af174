"""Where a plan lives: a file path or a PostgreSQL URL, and how to show it safely.

Everywhere a plan path is accepted a server URL works too, so the one test for "is
this a URL" lives here. A URL may carry a password (libpq accepts one); it is used to
connect and never shown: every message, title, log line and recent-files entry uses
``display_location``, which drops it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from abm_planner.errors import PlanFileError

SERVER_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")
DRIVER = "postgresql+psycopg"

PlanLocation = Path | str

# Passwords typed at a prompt in this process, by password-less location. Memory only:
# never written anywhere, gone when the process ends.
_typed_passwords: dict[str, str] = {}


def is_server_url(text: object) -> bool:
    """True for a PostgreSQL URL (``postgresql://``, ``postgresql+psycopg://``, ``postgres://``)."""
    return isinstance(text, str) and text.strip().lower().startswith(SERVER_SCHEMES)


def plan_argument(text: str) -> PlanLocation:
    """A command-line plan argument: a URL stays text (``Path`` would fold its ``//``)."""
    return text.strip() if is_server_url(text) else Path(text)


def server_url(text: str, password: str | None = None) -> URL:
    """The SQLAlchemy URL for ``text`` on the psycopg driver, with ``password`` if given.

    ``postgres://`` (Heroku-style) and plain ``postgresql://`` mean the same server; a
    URL with no host uses libpq's defaults (socket, ``PGHOST``, a service file).
    """
    cleaned = text.strip()
    if cleaned.lower().startswith("postgres://"):
        cleaned = "postgresql://" + cleaned[len("postgres://") :]
    try:
        url = make_url(cleaned)
    except ArgumentError as error:
        raise PlanFileError(f"'{_without_password_text(cleaned)}' is not a valid URL.") from error
    if url.get_backend_name() != "postgresql":
        raise PlanFileError(f"{url.render_as_string()} is not a PostgreSQL URL.")
    if not url.database and "service" not in url.query:
        raise PlanFileError(
            f"{display_location(url)} names no database; add it after the server, "
            "as in postgresql://user@host/plan (a server holds one plan per database)."
        )
    url = url.set(drivername=DRIVER)
    if password is None:
        password = _typed_passwords.get(display_location(url))
    if password is not None:
        url = url.set(password=password)
    return url


def remember_typed_password(location: str, password: str) -> None:
    """Use ``password`` for the server plan at ``location`` for the rest of this process.

    A command such as ``copy`` or ``sync`` opens its server more than once; the user
    types the password once. It stays in this process's memory only.
    """
    _typed_passwords[location] = password


def forget_typed_passwords() -> None:
    """Drop every password typed in this process (tests; a long-lived caller)."""
    _typed_passwords.clear()


def display_location(location: PlanLocation | URL) -> str:
    """A plan's location fit to show or store: a path as is, a URL without its password."""
    if isinstance(location, URL):
        url = location
    elif is_server_url(location):
        try:
            url = make_url(str(location).strip())
        except ArgumentError:
            return _without_password_text(str(location))
    else:
        return str(location)
    # ``URL.set`` ignores None, so the password is dropped with the tuple's ``_replace``.
    shown = url.set(drivername="postgresql")._replace(password=None)
    return shown.render_as_string(hide_password=True)


def _without_password_text(text: str) -> str:
    """Best effort for a malformed URL: drop anything between ``user:`` and ``@``."""
    scheme, _, rest = text.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at:
        return text
    return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"
