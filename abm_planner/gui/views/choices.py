"""Filling and reading combo boxes whose items carry record ids.

``QComboBox.findData`` compares Python objects by identity, so an equal UUID read
again from the plan would not be found; these helpers compare with ``==``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

from abm_planner.services.lookups import Term

Choice = tuple[str, uuid.UUID]
# Marks the item of a retired term added only because the record shown holds it.
RETIRED_ROLE = Qt.ItemDataRole.UserRole + 40


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


def retired_label(label: str) -> str:
    """A retired term's label where it is still shown ("Coach (retired)")."""
    return QCoreApplication.translate("Choices", "{label} (retired)").format(label=label)


def term_choices(terms: Iterable[Term]) -> tuple[list[Choice], dict[uuid.UUID, str]]:
    """The terms to offer (active ones) and, by id, the retired ones a record may still hold."""
    offered: list[Choice] = []
    retired: dict[uuid.UUID, str] = {}
    for term in terms:
        if term.active:
            offered.append((term.label, term.id))
        else:
            retired[term.id] = retired_label(term.label)
    return offered, retired


def keep_retired(combo: QComboBox, value: Any, retired: Mapping[Any, str]) -> None:
    """Show a retired term in ``combo`` only while the record shown holds it.

    Nobody picks a retired term anew, but a record that has one must not look empty
    (and must not lose it by an unrelated edit).
    """
    combo.blockSignals(True)
    for index in reversed(range(combo.count())):
        if combo.itemData(index, RETIRED_ROLE) and combo.itemData(index) != value:
            combo.removeItem(index)
    if value is not None and value in retired and find_choice(combo, value) < 0:
        combo.addItem(retired[value], value)
        combo.setItemData(combo.count() - 1, True, RETIRED_ROLE)
    combo.blockSignals(False)
