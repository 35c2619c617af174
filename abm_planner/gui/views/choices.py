"""Filling and reading combo boxes whose items carry record ids.

``QComboBox.findData`` compares Python objects by identity, so an equal UUID read
again from the plan would not be found; these helpers compare with ``==``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox

Choice = tuple[str, uuid.UUID]


def find_choice(combo: QComboBox, value: Any) -> int:
    """The index of the item whose data equals ``value``, or -1."""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            return index
    return -1


def fill_choices(combo: QComboBox, empty_label: str, choices: Iterable[Choice]) -> None:
    """Replace the items (an empty choice first), keeping the chosen id if it is still there.

    No signals are emitted: refilling is not a choice the user made.
    """
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(empty_label, None)
    for label, item_id in choices:
        combo.addItem(label, item_id)
    combo.setCurrentIndex(max(find_choice(combo, chosen), 0))
    combo.blockSignals(False)


def choose(combo: QComboBox, value: Any) -> None:
    """Show ``value`` (the empty choice if it is None or unknown) without signals."""
    combo.blockSignals(True)
    combo.setCurrentIndex(max(find_choice(combo, value), 0))
    combo.blockSignals(False)
