"""Editing the plan's lists: rename, add, order, retire and delete, with the rules' limits."""

from __future__ import annotations

import re
import uuid

import pytest

from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import UserError
from abm_planner.services import vocabularies
from abm_planner.services.accounts import create_account
from abm_planner.services.changes import Change
from abm_planner.services.lookups import offered, vocabulary
from abm_planner.services.plans import Plan
from abm_planner.services.stakeholders import create_stakeholder, get_stakeholder
from abm_planner.services.vocabulary_lookup import term_map
from abm_planner.store.models import VocabularyTerm


def _term(plan: Plan, kind: str, key: str) -> VocabularyTerm:
    with plan.read() as session:
        return term_map(session, kind)[key]


def _row(plan: Plan, kind: str, term_id: uuid.UUID) -> vocabularies.ListTerm:
    return next(r for r in vocabularies.list_terms(plan, kind) if r.id == term_id)


def _labels(plan: Plan, kind: str) -> list[str]:
    return [t.label for t in vocabularies.list_terms(plan, kind)]


def test_every_default_vocabulary_is_an_editable_list_with_a_name() -> None:
    kinds = [item.kind for item in vocabularies.LISTS]
    assert sorted(kinds) == sorted(vocab.DEFAULT_VOCABULARIES)
    assert all(item.name for item in vocabularies.LISTS)


def test_rename_keeps_the_key_trims_and_bumps_the_version(tmp_plan: Plan) -> None:
    buyer = _term(tmp_plan, vocab.ROLE, "economic_buyer")
    seen: list[list[Change]] = []
    tmp_plan.changes.subscribe(seen.append)
    old = vocabularies.rename_term(tmp_plan, buyer.id, "  Budget   owner ")
    assert old == "Economic Buyer"
    renamed = _term(tmp_plan, vocab.ROLE, "economic_buyer")
    assert (renamed.id, renamed.label) == (buyer.id, "Budget owner")
    assert renamed.version == buyer.version + 1
    assert seen == [[Change("vocabulary_term", (buyer.id,))]]


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("   ", "needs a name"),
        ("x" * 201, "at most 200 characters"),
        ("champion", "Buying roles already has “Champion”"),
    ],
)
def test_bad_labels_are_refused_with_one_sentence(tmp_plan: Plan, label: str, message: str) -> None:
    buyer = _term(tmp_plan, vocab.ROLE, "economic_buyer")
    with pytest.raises(UserError, match=message):
        vocabularies.rename_term(tmp_plan, buyer.id, label)
    with pytest.raises(UserError, match=message):
        vocabularies.add_term(tmp_plan, vocab.ROLE, label)
    assert _term(tmp_plan, vocab.ROLE, "economic_buyer").label == "Economic Buyer"


def test_the_same_word_in_another_list_is_fine(tmp_plan: Plan) -> None:
    vocabularies.add_term(tmp_plan, vocab.CHANNEL, "Champion")
    assert "Champion" in _labels(tmp_plan, vocab.CHANNEL)


def test_added_term_goes_last_with_a_unique_key_and_no_value(tmp_plan: Plan) -> None:
    first = vocabularies.add_term(tmp_plan, vocab.PLAY_TYPE, "Partner co-sell!")
    vocabularies.rename_term(tmp_plan, first, "Co-sell")
    second = vocabularies.add_term(tmp_plan, vocab.PLAY_TYPE, "Partner co-sell")
    rows = vocabularies.list_terms(tmp_plan, vocab.PLAY_TYPE)
    assert [r.id for r in rows[-2:]] == [first, second]
    assert [r.key for r in rows[-2:]] == ["partner_co_sell", "partner_co_sell_2"]
    assert rows[-1].value is None and not rows[-1].built_in and rows[-1].active


def test_scales_and_tiers_can_only_be_renamed(tmp_plan: Plan) -> None:
    mentor = _term(tmp_plan, vocab.ATTITUDE, "mentor")
    vocabularies.rename_term(tmp_plan, mentor.id, "Coach")
    assert _term(tmp_plan, vocab.ATTITUDE, "mentor").value == 2  # the analysis still sees +2
    with pytest.raises(UserError, match="Attitudes can be renamed but not added to"):
        vocabularies.add_term(tmp_plan, vocab.ATTITUDE, "Fan")
    with pytest.raises(UserError, match="Account tiers keep their order"):
        vocabularies.moved_order(tmp_plan, _term(tmp_plan, vocab.TIER, "scale").id, -1)
    with pytest.raises(UserError, match="“Coach” can be renamed but not retired: attitudes are"):
        vocabularies.set_active(tmp_plan, mentor.id, False)


@pytest.mark.parametrize(
    ("kind", "key", "reason"),
    [
        (vocab.ROLE, "economic_buyer", "the DMU analysis looks for the economic buyer"),
        (vocab.PLAY_STATUS, "cancelled", "cancelled plays are left out"),
        (vocab.STAGE, "mqa", "it is a handoff stage in the agreement"),
        (vocab.WHITESPACE, "ours", "the whitespace totals count each status"),
    ],
)
def test_terms_the_rules_rely_on_refuse_retirement(
    tmp_plan: Plan, kind: str, key: str, reason: str
) -> None:
    term = _term(tmp_plan, kind, key)
    sentence = f"“{term.label}” can be renamed but not retired: {reason}"
    with pytest.raises(UserError, match=re.escape(sentence)):
        vocabularies.set_active(tmp_plan, term.id, False)
    assert _term(tmp_plan, kind, key).active
    row = next(r for r in vocabularies.list_terms(tmp_plan, kind) if r.key == key)
    assert row.kept_because.startswith(reason)


def test_retired_term_is_not_offered_but_still_shown_where_used(tmp_plan: Plan) -> None:
    account = create_account(tmp_plan, {"name": "Acme"})
    user = _term(tmp_plan, vocab.ROLE, "user")
    uses = _row(tmp_plan, vocab.ROLE, user.id).uses  # the play library's templates aim at users
    person = create_stakeholder(tmp_plan, account, {"name": "Ada", "role_ids": [user.id]})
    assert vocabularies.set_active(tmp_plan, user.id, False) is True
    terms = vocabulary(tmp_plan, vocab.ROLE)
    assert user.id in {t.id for t in terms}  # labels still resolve
    assert user.id not in {t.id for t in offered(terms)}
    assert user.id in {
        t.id for t in offered(terms, get_stakeholder(tmp_plan, person).values["role_ids"])
    }
    row = _row(tmp_plan, vocab.ROLE, user.id)
    assert (row.active, row.uses) == (False, uses + 1)
    vocabularies.set_active(tmp_plan, user.id, True)
    assert _term(tmp_plan, vocab.ROLE, "user").active


def test_delete_only_an_unused_term_the_team_added(tmp_plan: Plan) -> None:
    account = create_account(tmp_plan, {"name": "Acme"})
    added = vocabularies.add_term(tmp_plan, vocab.ROLE, "Budget owner")
    create_stakeholder(tmp_plan, account, {"name": "Ada", "role_ids": [added]})
    with pytest.raises(UserError, match="1 record uses “Budget owner”: retire it instead"):
        vocabularies.delete_term(tmp_plan, added)
    user = _term(tmp_plan, vocab.ROLE, "user")
    with pytest.raises(UserError, match="one of the built-in terms: retire it instead"):
        vocabularies.delete_term(tmp_plan, user.id)
    spare = vocabularies.add_term(tmp_plan, vocab.ROLE, "Spare")
    captured = vocabularies.delete_term(tmp_plan, spare)
    assert "Spare" not in _labels(tmp_plan, vocab.ROLE)
    vocabularies.restore_term(tmp_plan, captured)
    assert _labels(tmp_plan, vocab.ROLE)[-1] == "Spare"


def test_move_and_reorder_return_the_previous_order(tmp_plan: Plan) -> None:
    before = [t.id for t in vocabularies.list_terms(tmp_plan, vocab.CHANNEL)]
    order = vocabularies.moved_order(tmp_plan, before[1], -1)
    assert order[:2] == [before[1], before[0]]
    assert vocabularies.reorder_terms(tmp_plan, vocab.CHANNEL, order) == before
    assert [t.id for t in vocabularies.list_terms(tmp_plan, vocab.CHANNEL)] == order
    with pytest.raises(UserError, match="already first"):
        vocabularies.moved_order(tmp_plan, order[0], -1)
    with pytest.raises(UserError, match="changed meanwhile"):
        vocabularies.reorder_terms(tmp_plan, vocab.CHANNEL, [*order, uuid.uuid4()])


def test_a_list_that_does_not_exist_is_named(tmp_plan: Plan) -> None:
    with pytest.raises(UserError, match="no editable list called 'colour'"):
        vocabularies.list_terms(tmp_plan, "colour")
