"""Export then import is the identity, whatever people typed.

Hypothesis builds small plans with unicode (emoji, RTL, control characters),
long text, text that looks like a formula, and empty fields; the exported
workbook, read back, must show no change at all, and the cells calamine reads
must be exactly the stored text.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import python_calamine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from abm_planner.domain import vocabularies as vocab
from abm_planner.services.accounts import create_account
from abm_planner.services.excel_io import export_plan, preview_import
from abm_planner.services.lookups import team_members, vocabulary
from abm_planner.services.plans import create_plan, open_plan
from abm_planner.services.stakeholders import create_stakeholder, update_stakeholder
from abm_planner.store.models import TeamMember

INJECTION = st.sampled_from(["=SUM(A1)", "+1", "-2", "@cmd", '=HYPERLINK("x")', "=1+1"])
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
