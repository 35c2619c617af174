"""The notices behind the live windows, without a window: what is sent, who hears it.

Qt-free (``services/team_notify.py``); the GUI tests build on these guarantees.
"""

from __future__ import annotations

import uuid

from team_gui_support import add_many_accounts, other_person, seed_accounts, wait_without_events

from abm_planner.services.accounts import update_account
from abm_planner.services.changes import Change
from abm_planner.services.team_notify import (
    MAX_CHANGES_BYTES,
    Notice,
    NoticeListener,
    decode_notice,
    encode_changes,
    merge_notices,
)


def _payload(changes: str, client: str = "abc", user: str = "anna") -> str:
    return f'{{"c": "{client}", "u": "{user}", "ch": {changes}}}'


def test_changes_travel_compactly_and_come_back_the_same() -> None:
    account, person = uuid.uuid4(), uuid.uuid4()
    changes = [Change("stakeholder", (person,), account), Change("plan")]
    notice = decode_notice(_payload(encode_changes(changes)))
    assert notice == Notice("abc", "anna", tuple(changes))
    assert not notice.everything


def test_a_unit_of_work_too_big_for_a_notice_means_everything_changed() -> None:
    many = [Change("account", tuple(uuid.uuid4() for _ in range(400)))]
    encoded = encode_changes(many)
    assert encoded == "null"
    assert decode_notice(_payload(encoded)).everything
    assert len(encode_changes([Change("account", (uuid.uuid4(),))])) < 100
    assert MAX_CHANGES_BYTES < 8000  # PostgreSQL's payload limit


def test_an_unreadable_notice_refreshes_everything_instead_of_failing() -> None:
    assert decode_notice("not json").everything
    assert decode_notice(_payload('[["account", ["zz"], null]]')).everything


def test_a_burst_of_notices_is_one_list_and_everything_wins() -> None:
    first = Notice("a", "anna", (Change("account", (uuid.uuid4(),)),))
    second = Notice("b", "ben", (Change("objective", (uuid.uuid4(),)),))
    assert merge_notices([first, second]) == [*first.changes, *second.changes]  # type: ignore[misc]
    assert merge_notices([first, Notice("c", "cat", None)]) == [Change("plan")]


def test_a_listener_hears_the_others_and_not_its_own_plan(server_plan_url: str) -> None:
    ids = seed_accounts(server_plan_url, ["Acme"])
    heard: list[Notice] = []
    with other_person(server_plan_url) as mine, other_person(server_plan_url) as theirs:
        listener = NoticeListener(mine.engine, mine.client_id, heard.append)
        listener.start()
        try:
            assert listener.wait_listening(5.0)
            update_account(mine, ids["Acme"], {"region": "mine"})  # not announced to itself
            update_account(theirs, ids["Acme"], {"region": "theirs"})
            add_many_accounts(theirs, 300)
            wait_without_events(lambda: len(heard) >= 2)
        finally:
            listener.stop()
    assert heard[0].user == "postgres"
    assert heard[0].changes == (Change("account", (ids["Acme"],), ids["Acme"]),)
    assert heard[1].everything
    assert all(notice.client_id != mine.client_id for notice in heard)
