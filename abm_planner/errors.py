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
