"""Export then import is the identity, whatever people typed, on every data sheet.

Hypothesis builds small plans with unicode (emoji, RTL, control characters),
long text, text that looks like a formula, and empty fields; the exported
workbook, read back, must show no change at all, and the cells calamine reads
must be exactly the stored text.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import python_calamine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from abm_planner.domain import vocabularies as vocab
from abm_planner.services.accounts import create_account
from abm_planner.services.excel_io import export_plan, preview_import
from abm_planner.services.lookups import team_members, vocabulary
from abm_planner.services.plans import create_plan, open_plan
from abm_planner.services.stakeholders import create_stakeholder, update_stakeholder
from abm_planner.store.models import (
    Account,
    ActionItem,
    Decision,
    Objective,
    PlayAssignment,
    Solution,
    Stakeholder,
    StakeholderLine,
    TeamMember,
    Touch,
    Whitespace,
    play_targets,
)

INJECTION = st.sampled_from(
    ["=SUM(A1)", "+1", "-2", "@cmd", "@SUM(A1)", "+x", '=HYPERLINK("x")', "=1+1"]
)
CHARS = st.characters(exclude_categories=("Cs",))
TEXT = st.one_of(
    st.text(CHARS, max_size=40),
    INJECTION,
    st.builds(lambda a, b: a + b, INJECTION, st.text(CHARS, max_size=10)),
)
LONG = st.one_of(TEXT, st.text(CHARS, min_size=200, max_size=3000))
NAME = TEXT.map(str.strip).filter(bool)
MONEY = st.one_of(st.none(), st.integers(0, 10**14).map(lambda cents: cents / 100))
COUNT = st.one_of(st.none(), st.integers(0, 10**9))
DAY = st.one_of(st.none(), st.dates(date(1950, 1, 1), date(2100, 12, 31)))


def short(limit: int) -> Any:
    return TEXT.map(lambda t: t.strip()[:limit])


PERSON = st.fixed_dictionaries(
    {
        "name": NAME.map(lambda t: t[:300]),
        "title": short(300),
        "email": short(320),
        "phone": short(100),
        "needs": LONG,
        "notes": LONG,
        "roles": st.sets(st.integers(0, 10), max_size=3),
        "attitude": st.one_of(st.none(), st.integers(0, 4)),
        "inner_circle": st.booleans(),
        "owner": st.one_of(st.none(), st.integers(0, 1)),
    }
)
ACCOUNT = st.fixed_dictionaries(
    {
        "name": NAME.map(lambda t: t[:300]),
        "region": short(100),
        "country": short(100),
        "website": short(300),
        "crm_id": short(100),
        "annual_revenue": MONEY,
        "employees": COUNT,
        "handed_off_on": DAY,
        "needs": LONG,
        "notes": LONG,
        "tier": st.one_of(st.none(), st.integers(0, 3)),
        "people": st.lists(PERSON, max_size=3),
    }
)


_TEMPLATE: list[Path] = []


def fresh_plan(folder: Path) -> Any:
    """A new plan, copied from one made once (migrations take most of a plan's creation)."""
    if not _TEMPLATE:
        keep = Path(tempfile.mkdtemp(prefix="excel-property-"))
        atexit.register(shutil.rmtree, keep, ignore_errors=True)
        create_plan(keep / "template.abmplan").close()
        _TEMPLATE.append(keep / "template.abmplan")
    shutil.copyfile(_TEMPLATE[0], folder / "p.abmplan")
    return open_plan(folder / "p.abmplan")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ACCOUNT, min_size=1, max_size=3))
def test_export_then_import_changes_nothing(accounts: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        plan = fresh_plan(Path(folder))
        try:
            with plan.write() as unit:
                unit.session.add_all([TeamMember(name="Ann Owner"), TeamMember(name="Ben Owner")])
            roles = [t.id for t in vocabulary(plan, vocab.ROLE)]
            attitudes = [t.id for t in vocabulary(plan, vocab.ATTITUDE)]
            tiers = [t.id for t in vocabulary(plan, vocab.TIER)]
            members = [m.id for m in team_members(plan)]
            for item in accounts:
                values = {k: v for k, v in item.items() if k not in ("tier", "people")}
                values["tier_id"] = None if item["tier"] is None else tiers[item["tier"]]
                account = create_account(plan, values)
                for person in item["people"]:
                    fields = {
                        k: v for k, v in person.items() if k not in ("roles", "attitude", "owner")
                    }
                    fields["attitude_id"] = (
                        None if person["attitude"] is None else attitudes[person["attitude"]]
                    )
                    fields["sales_owner_id"] = (
                        None if person["owner"] is None else members[person["owner"]]
                    )
                    person_id = create_stakeholder(plan, account, fields)
                    # Roles separately: create_stakeholder with roles autoflushes a nameless row.
                    update_stakeholder(
                        plan, person_id, {"role_ids": [roles[i] for i in person["roles"]]}
                    )
            out = Path(folder) / "export.xlsx"
            export_plan(plan, out, include_findings=False)
            preview = preview_import(plan, [out])
            assert preview.round_trip
            assert preview.errors == []
            assert preview.changes == []
            cells = python_calamine.CalamineWorkbook.from_path(str(out)).get_sheet_by_name(
                "Accounts"
            )
            rows = cells.to_python()
            notes = rows[0].index("Notes")
            assert sorted(r[notes] for r in rows[1:]) == sorted(
                a["notes"].strip() for a in accounts
            )
        finally:
            plan.close()


# ---------------------------------------------------------------------- every data sheet
STRIPPED = TEXT.map(str.strip)
PREFIXED = st.builds(  # tab and CR inside text, right after a formula-looking start
    lambda a, b: f"{a}\t{b}\r\n{a}".strip(), INJECTION, st.text(CHARS, max_size=8)
)
NOTE = st.one_of(LONG.map(str.strip), PREFIXED, st.just(""))
NUMBER = st.one_of(st.none(), st.floats(-1e9, 1e9, allow_nan=False).map(lambda f: round(f, 3)))
ACTIVITY = st.fixed_dictionaries(
    {
        "name": NAME.map(lambda t: t[:300]),
        "people": st.lists(NAME.map(lambda t: t[:300]), min_size=2, max_size=4),
        "lines": st.lists(
            st.tuples(st.integers(0, 3), st.integers(0, 3), st.sampled_from(vocab.LINE_KINDS)),
            max_size=4,
        ),
        "plays": st.lists(
            st.fixed_dictionaries(
                {
                    "name": NAME.map(lambda t: t[:200]),
                    "outcome": NOTE,
                    "budget": MONEY.map(lambda m: None if m is None else min(m, 10**10)),
                    "start": DAY,
                    "days": st.integers(0, 300),
                    "targets": st.sets(st.integers(0, 3), max_size=3),
                    "lead": st.sampled_from(vocab.LEAD_FUNCTIONS),
                }
            ),
            max_size=2,
        ),
        "touches": st.lists(
            st.tuples(st.integers(0, 3), st.one_of(st.none(), st.integers(0, 1)), NOTE, DAY),
            max_size=3,
        ),
        "objectives": st.lists(
            st.tuples(
                NAME.map(lambda t: t[:300]),
                STRIPPED.map(lambda t: t[:200]),
                STRIPPED.map(lambda t: t[:40]),
                NUMBER,
                NUMBER,
                st.one_of(st.none(), st.integers(0, 3)),
                st.booleans(),
            ),
            max_size=2,
        ),
        "whitespace": st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=2, max_size=2),
        "workshop": st.lists(  # a decision and an action each: text, title, day, owner, status
            st.tuples(
                NOTE.filter(bool),
                NAME.map(lambda t: t[:300]),
                DAY,
                st.one_of(st.none(), st.integers(0, 1)),
                st.sampled_from(("open", "done", "dropped")),
                st.booleans(),
            ),
            max_size=2,
        ),
    }
)


def _activity_plan(plan: Any, accounts: list[dict[str, Any]]) -> None:
    """Accounts with people (names may repeat), lines, plays, touches, objectives, whitespace."""
    with plan.write() as unit:
        session = unit.session
        session.add_all([TeamMember(name="Ann Owner"), TeamMember(name="Ben Owner")])
        session.add_all([Solution(name="=Edge", sort_order=1), Solution(name="Edge", sort_order=2)])
    statuses = [t.id for t in vocabulary(plan, vocab.WHITESPACE)]
    channels = [t.id for t in vocabulary(plan, vocab.CHANNEL)]
    members = [m.id for m in team_members(plan)]
    with plan.write() as unit:
        session = unit.session
        solutions = list(session.scalars(select(Solution.id).order_by(Solution.sort_order)))
        for item in accounts:
            account = Account(name=item["name"])
            session.add(account)
            session.flush()
            people = [Stakeholder(account_id=account.id, name=n) for n in item["people"]]
            session.add_all(people)
            session.flush()
            pairs: set[tuple[Any, ...]] = set()
            for first, second, kind in item["lines"]:
                source, target = first % len(people), second % len(people)
                key = (kind, *sorted((source, target))) if kind != "reports_to" else (kind,)
                if source == target or key in pairs:
                    continue  # one reports-to line per account: never a circle
                pairs.add(key)
                session.add(
                    StakeholderLine(
                        account_id=account.id,
                        source_id=people[source].id,
                        target_id=people[target].id,
                        kind=kind,
                    )
                )
            plays = []
            for spec in item["plays"]:
                start = spec["start"]
                play = PlayAssignment(
                    account_id=account.id,
                    name=spec["name"],
                    outcome=spec["outcome"],
                    budget=spec["budget"],
                    lead_function=spec["lead"],
                    start_on=start,
                    end_on=start + timedelta(days=spec["days"]) if start else None,
                    sales_owner_id=members[0],
                )
                session.add(play)
                session.flush()
                plays.append(play)
                targets = {people[t % len(people)].id for t in spec["targets"]}
                if targets:
                    session.execute(
                        play_targets.insert(),
                        [{"assignment_id": play.id, "stakeholder_id": t} for t in targets],
                    )
            for person, play_number, notes, day in item["touches"]:
                session.add(
                    Touch(
                        account_id=account.id,
                        stakeholder_id=people[person % len(people)].id,
                        assignment_id=(
                            plays[play_number % len(plays)].id
                            if plays and play_number is not None
                            else None
                        ),
                        occurred_on=day or date(2026, 1, 1),
                        channel_id=channels[0],
                        by_member_id=members[1],
                        notes=notes,
                    )
                )
            for title, metric, unit_text, target, actual, who, plan_wide in item["objectives"]:
                session.add(
                    Objective(
                        account_id=None if plan_wide else account.id,
                        title=title,
                        metric=metric,
                        unit=unit_text,
                        target=target,
                        actual=actual,
                        stakeholder_id=(
                            None if plan_wide or who is None else people[who % len(people)].id
                        ),
                    )
                )
            for solution, status in zip(solutions, item["whitespace"], strict=True):
                if status is not None:
                    session.add(
                        Whitespace(
                            account_id=account.id, solution_id=solution, status_id=statuses[status]
                        )
                    )
            for text, title, day, owner, status, plan_wide in item["workshop"]:
                scope = None if plan_wide else account.id
                session.add(
                    Decision(
                        account_id=scope,
                        decided_on=day or date(2026, 1, 1),
                        title=title,
                        text=text,
                        decided_by=title,
                    )
                )
                session.add(
                    ActionItem(
                        account_id=scope,
                        text=text,
                        owner_id=None if owner is None else members[owner],
                        due_on=day,
                        status=status,
                    )
                )


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ACTIVITY, min_size=1, max_size=2))
def test_every_data_sheet_comes_back_unchanged(accounts: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        plan = fresh_plan(Path(folder))
        try:
            _activity_plan(plan, accounts)
            out = Path(folder) / "export.xlsx"
            export_plan(plan, out, include_findings=False)
            preview = preview_import(plan, [out])
            assert preview.round_trip
            assert preview.errors == []
            assert [
                (c.kind, c.action, [(f.label, f.old, f.new) for f in c.fields])
                for c in preview.changes
            ] == []
            book = python_calamine.CalamineWorkbook.from_path(str(out))
            rows = book.get_sheet_by_name("Touches").to_python()
            notes = rows[0].index("Notes")
            assert sorted(r[notes] for r in rows[1:]) == sorted(
                t[2] for a in accounts for t in a["touches"]
            )
        finally:
            plan.close()
