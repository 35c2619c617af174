"""Counts of records in words: "1 play", "3 whitespace cells", "1 account added".

The CLI's summary after an import and the preview's counts (terminal and GUI)
name every kind of record an import can add, change or delete; each kind has
its singular and plural here, the returning sheets' taken from their
``RecordSheet`` entry, so a new sheet is counted in words without another list.
"""

from __future__ import annotations

from abm_planner.excel.round_trip_sheets import SHEETS

NOUNS: dict[str, tuple[str, str]] = {
    "account": ("account", "accounts"),
    "stakeholder": ("stakeholder", "stakeholders"),
    "term": ("industry", "industries"),
    "play_template": ("play template", "play templates"),
    "contact": ("contact", "contacts"),  # rows of a CRM contacts file
    **{s.kind: (s.one, s.plural) for s in SHEETS},
    "line": ("relationship line", "relationship lines"),  # "1 line" alone says too little
}
# the preview's counts begin with a plural: "plays added", "account rows", "conflicts"
_ONE_OF = {many: one for one, many in NOUNS.values()} | {
    "lines": "line",
    "account rows": "account row",
    "contact rows": "contact row",
    "contacts": "contact",
    "conflicts": "conflict",
}
_LONGEST_FIRST = sorted(_ONE_OF, key=len, reverse=True)


def count_of(kind: str, number: int) -> str:
    """``number`` records of ``kind`` (a ``RecordChange.kind``): "1 play", "2,000 touches"."""
    one, many = NOUNS.get(kind, (kind.replace("_", " "), kind.replace("_", " ") + "s"))
    return f"{number:,} {one if number == 1 else many}"


def count_text(key: str, number: int) -> str:
    """One of the preview's counts in words: ("plays added", 1) -> "1 play added".

    A count whose name starts with no known noun reads as before ("key 3").
    """
    for many in _LONGEST_FIRST:
        if key == many or key.startswith(many + " "):
            noun = _ONE_OF[many] if number == 1 else many
            return f"{number:,} {noun}{key[len(many) :]}"
    return f"{key} {number:,}"
