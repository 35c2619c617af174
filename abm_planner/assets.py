"""The one way to find shipped data files (play library, demo plan, icons, styles).

They live in the top-level ``resources/`` folder, shipped as the package
``abm_planner._resources``; ``importlib.resources`` finds them the same way in a
checkout, an installed wheel and a frozen bundle.
"""

from __future__ import annotations

import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

_PACKAGE = "abm_planner._resources"


def resource(*parts: str) -> Traversable:
    """A shipped file or folder, e.g. ``resource("icons", "account.svg")``."""
    node: Traversable = files(_PACKAGE)
    for part in parts:
        node = node / part
    return node


def read_json(*parts: str) -> Any:
    """Parse a shipped JSON file."""
    return json.loads(resource(*parts).read_text(encoding="utf-8"))
