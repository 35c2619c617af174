"""The one exception family for problems a person can fix.

Its message is written for that person: one sentence, no traceback, naming the file
or record and what to do. The CLI prints it and exits 2; the GUI shows it in a box.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix; ``str(error)`` is the sentence to show them."""


class PlanFileError(UserError):
    """A file that cannot be opened or created as a plan; the file is left untouched."""


class ReadOnlyPlanError(UserError):
    """A write was attempted on a plan opened read-only."""


class NotFoundError(UserError):
    """A record named by the user does not exist (any more)."""


class PasswordRequiredError(PlanFileError):
    """A team plan's server asked for a password that libpq could not find.

    The message points at libpq's conventions. The CLI asks for the password when it
    runs at a terminal (as psql does) and the GUI always asks; either tries again with
    it, for the connection only, never stored or shown.
    """

    def __init__(self, location: str, *, wrong_password: bool = False) -> None:
        self.location = location
        self.wrong_password = wrong_password
        problem = "refused the password" if wrong_password else "asks for a password"
        super().__init__(
            f"The server of the team plan {location} {problem}; give it through ~/.pgpass, "
            "a service file or PGPASSWORD (the app never stores passwords)."
        )


class EditConflictError(UserError):
    """Someone saved the same record first: this edit was not saved, nothing was lost.

    Raised instead of overwriting a newer version (optimistic locking on each record's
    version). ``fields`` lists what the other person changed since this session read
    the record; ``mine`` and ``theirs`` hold those fields' values here and on the
    server, so a dialog can offer keep mine / take theirs / merge. ``changed_by`` is
    the database role that saved last when the server records it, else None.
    """

    def __init__(
        self,
        *,
        table: str,
        record_id: object,
        label: str,
        fields: tuple[str, ...],
        mine: dict[str, object],
        theirs: dict[str, object],
        changed_at: object,
        changed_by: str | None,
        deleted: bool = False,
    ) -> None:
        self.table = table
        self.record_id = record_id
        self.label = label
        self.fields = fields
        self.mine = mine
        self.theirs = theirs
        self.changed_at = changed_at
        self.changed_by = changed_by
        self.deleted = deleted
        super().__init__(self._sentence())

    def _sentence(self) -> str:
        who = self.changed_by or "someone else"
        when = f" at {self.changed_at:%Y-%m-%d %H:%M} UTC" if self.changed_at else ""
        if self.deleted:
            return f"{self.label} was deleted by {who}{when}; your edit was not saved."
        what = ", ".join(self.fields) if self.fields else "it"
        return (
            f"{self.label} was changed by {who}{when} ({what}) after you opened it; "
            "your edit was not saved, reload it and make the edit again."
        )
