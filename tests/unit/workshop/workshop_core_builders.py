"""What the workshop tests share besides fixtures."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Room:
    """A running workshop and the records the tests talk about."""

    workshop_id: uuid.UUID
    account_id: uuid.UUID
    account_name: str
    people: list[tuple[uuid.UUID, str]]  # stakeholder id, name (by name)
    seller: uuid.UUID
    marketer: uuid.UUID
