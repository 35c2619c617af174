"""The lead checklist and where an account stands against the agreed handoff."""

from __future__ import annotations

import uuid
from datetime import date

from abm_planner.agreements.handoff import (
    BEFORE,
    HANDED_OFF,
    NO_AGREEMENT,
    NO_STAGE,
    READY,
    WAITING,
    StagePoint,
    checklist,
    handoff,
)

ITEMS = [(uuid.UUID(int=n), f"item {n}") for n in range(1, 4)]
ALL = [item_id for item_id, _text in ITEMS]
ENGAGED, MQA, OPPORTUNITY, CUSTOMER = (
    StagePoint(2, "Engaged"),
    StagePoint(3, "MQA"),
    StagePoint(4, "Opportunity"),
    StagePoint(5, "Customer"),
)


def test_the_checklist_counts_what_is_met() -> None:
    items = checklist(ITEMS, ALL[:2])
    assert (items.met, items.total, items.complete) == (2, 3, False)
    assert items.open_items == ["item 3"]
    assert items.summary() == "Lead definition: 2 of 3 items met."
    assert checklist(ITEMS, ALL).summary() == "Lead definition met: all 3 items."


def test_an_empty_definition_is_never_met() -> None:
    items = checklist([], [])
    assert not items.complete
    assert items.summary() == "No lead definition is agreed yet."


def test_before_the_handoff_marketing_leads() -> None:
    state = handoff(ENGAGED, MQA, OPPORTUNITY, checklist(ITEMS, ALL), None)
    assert (state.state, state.leading) == (BEFORE, "marketing")
    assert state.message == "Marketing leads until the account reaches MQA."
    assert state.warnings == ()


def test_at_the_handoff_stage_the_checklist_decides() -> None:
    ready = handoff(MQA, MQA, OPPORTUNITY, checklist(ITEMS, ALL), None)
    assert ready.state == READY
    assert "Ready to hand off to sales" in ready.message
    waiting = handoff(MQA, MQA, OPPORTUNITY, checklist(ITEMS, ALL[:1]), None)
    assert waiting.state == WAITING
    assert "2 lead definition item(s) are still open" in waiting.message


def test_past_the_handoff_sales_leads_with_the_date() -> None:
    state = handoff(CUSTOMER, MQA, OPPORTUNITY, checklist(ITEMS, ALL), date(2026, 3, 2))
    assert (state.state, state.leading) == (HANDED_OFF, "sales")
    assert state.message == "Handed off to sales on 2026-03-02."
    assert state.warnings == ()


def test_odd_handoffs_are_warned_about() -> None:
    open_items = handoff(OPPORTUNITY, MQA, OPPORTUNITY, checklist(ITEMS, ALL[:2]), None)
    assert open_items.message == "Handed off to sales (no handoff date recorded)."
    assert open_items.warnings == (
        "Handed off although 1 lead definition item(s) are not met.",
        "Record the date the account was handed off.",
    )
    early = handoff(ENGAGED, MQA, OPPORTUNITY, checklist(ITEMS, []), date(2026, 1, 5))
    assert early.state == BEFORE
    assert "is recorded, but the account is still before Opportunity" in early.warnings[0]


def test_missing_stage_or_agreement() -> None:
    assert handoff(None, MQA, OPPORTUNITY, checklist(ITEMS, []), None).state == NO_STAGE
    assert handoff(MQA, None, None, checklist(ITEMS, []), None).state == NO_AGREEMENT
