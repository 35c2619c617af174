"""Moving one item of a list the team orders by hand (solutions, vocabulary terms)."""

from __future__ import annotations

import uuid

from abm_planner.errors import UserError


def moved(order: list[uuid.UUID], item_id: uuid.UUID, offset: int, noun: str) -> list[uuid.UUID]:
    """``order`` with ``item_id`` moved ``offset`` places (-1: up); refused past either end."""
    position = order.index(item_id)
    target = position + offset
    if not 0 <= target < len(order):
        where = "first" if offset < 0 else "last"
        raise UserError(f"That {noun} is already {where}.")
    result = list(order)
    result.insert(target, result.pop(position))
    return result
