"""Check the default play library and the demo portfolio for consistency.

Run from the repository root:  python3 resources/demo/check_demo.py  [-v]

It checks that every vocabulary key is a known default key, that every reference
(team member, stakeholder, solution, criterion, play template, play index) resolves,
that the demo data is internally consistent (tiers match fit scores, play dates
match statuses, touches fall inside their play's dates, ...) and that each
deliberate gap the DMU analysis should find is present in exactly the account
meant to carry it. Exits non-zero and lists every problem when something is off.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]  # the repository root (…/main)
sys.path.insert(0, str(ROOT))

from abm_planner.domain.vocabularies import (  # noqa: E402
    ATTITUDE,
    CHANNEL,
    COVERAGE,
    DEFAULT_VOCABULARIES,
    INDUSTRY,
    INFLUENCE,
    LEAD_FUNCTIONS,
    LINE_KINDS,
    OBJECTIVE_KINDS,
    OBJECTIVE_STATUS,
    PLAY_STATUS,
    PLAY_TYPE,
    RELATIONSHIP,
    ROLE,
    STAGE,
    TEAM_FUNCTIONS,
    TIER,
    TOUCH_FUNCTIONS,
    WHITESPACE,
)

PLAY_LIBRARY = ROOT / "resources" / "play_library.json"
PORTFOLIO = HERE / "portfolio.json"

KEYS = {vocab: [t.key for t in terms] for vocab, terms in DEFAULT_VOCABULARIES.items()}
VALUE = {vocab: {t.key: t.value for t in terms} for vocab, terms in DEFAULT_VOCABULARIES.items()}

REQUIRED_PLAYS = (
    "New-Account Awareness Programme",
    "Executive Briefing",
    "Intent Surge Follow-Up",
    "Stalled-Deal Rescue",
    "Competitive Displacement",
    "Expansion / Cross-Sell",
    "Customer Advocacy Programme",
)

# Each deliberate gap and the one account meant to carry it.
EXPECTED_GAPS = {
    "no economic buyer identified": "Castleford Retail Group plc",
    "economic buyer without owner and coverage none": "Aurelia Energia S.p.A.",
    "single-threaded (one stakeholder at Multiple or better)": "Kestrel Telecom Ltd",
    "high-influence enemy/non-supporter without owner": "Meridian Pharma AG",
    "key player last touched 120+ days ago": "Stadtwerke Elmshagen AöR",
    "no champion": "Groupe Hospitalier Valcour",
    "reports-to cycle": "Ahrenberg Automation AG",
    "isolated stakeholder (no lines)": "Polar Cold Chain Oy",
    "two plays target one person in the same week": "Ahrenberg Antriebstechnik GmbH",
    "five touches on one person in one week": "Nordhavn Logistics A/S",
}
ACCENTED_NAME = "Zoë Müller-Lüdenscheidt"

problems: list[str] = []


def check(cond: object, msg: str) -> None:
    if not cond:
        problems.append(msg)


def valid(vocab: str, key: object, where: str) -> None:
    check(key in KEYS[vocab], f"{where}: {key!r} is not a {vocab} key")


# --------------------------------------------------------------------------- library
def check_library(plays: list[dict]) -> dict[str, dict]:
    check(isinstance(plays, list) and len(plays) >= 14, "play library: fewer than 14 plays")
    names = [p.get("name") for p in plays]
    check(len(names) == len(set(names)), "play library: duplicate play names")
    for name in REQUIRED_PLAYS:
        check(name in names, f"play library: required play {name!r} missing")
    for p in plays:
        w = f"play {p.get('name')!r}"
        valid(PLAY_TYPE, p.get("play_type"), w)
        check(p.get("lead_function") in LEAD_FUNCTIONS, f"{w}: bad lead_function")
        check(p.get("stages"), f"{w}: no stages")
        for s in p.get("stages", []):
            valid(STAGE, s, w)
        check(p.get("target_roles"), f"{w}: no target roles")
        for r in p.get("target_roles", []):
            valid(ROLE, r, w)
        steps = p.get("steps", [])
        check(4 <= len(steps) <= 7, f"{w}: needs 4-7 steps")
        for s in steps:
            check(
                s.split(":")[0]
                in ("Marketing", "Sales", "Marketing and sales", "Sales and marketing"),
                f"{w}: step does not say who acts: {s[:40]!r}",
            )
        for f in ("trigger", "success_criteria", "description"):
            check(isinstance(p.get(f), str) and p[f].strip(), f"{w}: empty {f}")
        for f in ("typical_touches", "duration_days"):
            check(isinstance(p.get(f), int) and p[f] > 0, f"{w}: {f} must be a positive int")
        check(isinstance(p.get("cost"), (int, float)) and p["cost"] >= 0, f"{w}: bad cost")
    leads = Counter(p.get("lead_function") for p in plays)
    check(
        all(leads[f] >= 2 for f in LEAD_FUNCTIONS),
        f"play library: lead functions unbalanced {dict(leads)}",
    )
    return {p["name"]: p for p in plays}


# --------------------------------------------------------------------------- gaps
def reports_cycle(acc: dict) -> bool:
    boss = {
        ln["from"]: ln["to"]
        for ln in acc["lines"]
        if ln["kind"] == "reports_to" and not ln.get("dotted")
    }
    for start in boss:
        seen, cur = set(), start
        while cur in boss:
            if cur in seen:
                return True
            seen.add(cur)
            cur = boss[cur]
    return False


def gaps_of(acc: dict) -> set[str]:
    sh = acc["stakeholders"]
    found: set[str] = set()
    ebs = [s for s in sh if "economic_buyer" in s["roles"]]
    if not ebs:
        found.add("no economic buyer identified")
    if any(
        not s["sales_owner"] and not s["marketing_owner"] and s["coverage"] == "none" for s in ebs
    ):
        found.add("economic buyer without owner and coverage none")
    if (
        sum(1 for s in sh if VALUE[COVERAGE].get(s["coverage"], -1) >= VALUE[COVERAGE]["multiple"])
        == 1
    ):
        found.add("single-threaded (one stakeholder at Multiple or better)")
    if any(
        s["influence"] == "high"
        and (VALUE[ATTITUDE].get(s["attitude"]) or 0) < 0
        and not s["sales_owner"]
        and not s["marketing_owner"]
        for s in sh
    ):
        found.add("high-influence enemy/non-supporter without owner")
    days: dict[str, list[int]] = {}
    for t in acc["touches"]:
        days.setdefault(t["stakeholder"], []).append(t["days_ago"])
    for s in sh:
        if (
            (s["influence"] == "high" or s["inner_circle"])
            and days.get(s["key"])
            and min(days[s["key"]]) >= 120
        ):
            found.add("key player last touched 120+ days ago")
    if not any("champion" in s["roles"] for s in sh):
        found.add("no champion")
    if reports_cycle(acc):
        found.add("reports-to cycle")
    in_lines = {ln["from"] for ln in acc["lines"]} | {ln["to"] for ln in acc["lines"]}
    if any(s["key"] not in in_lines for s in sh):
        found.add("isolated stakeholder (no lines)")
    live = [p for p in acc["plays"] if p["status"] != "cancelled"]
    for i, a in enumerate(live):
        for b in live[i + 1 :]:
            if abs(a["start_offset_days"] - b["start_offset_days"]) < 7 and set(a["targets"]) & set(
                b["targets"]
            ):
                found.add("two plays target one person in the same week")
    if max_touches_in_week(acc) >= 5:
        found.add("five touches on one person in one week")
    return found


def max_touches_in_week(acc: dict) -> int:
    best = 0
    days: dict[str, list[int]] = {}
    for t in acc["touches"]:
        days.setdefault(t["stakeholder"], []).append(t["days_ago"])
    for ds in days.values():
        for d in ds:
            best = max(best, sum(1 for e in ds if d <= e <= d + 6))
    return best


# --------------------------------------------------------------------------- portfolio
def check_portfolio(doc: dict, library: dict[str, dict]) -> dict[str, int]:
    plan = doc["plan"]
    valid(STAGE, plan["handoff_from"], "plan.handoff_from")
    valid(STAGE, plan["handoff_to"], "plan.handoff_to")
    lead_def = plan["lead_definition"]
    check(5 <= len(lead_def) <= 6, "plan: lead_definition needs 5-6 items")
    stage_idx = {k: i for i, k in enumerate(KEYS[STAGE])}
    handoff_idx = stage_idx[plan["handoff_to"]]

    team = {m["key"]: m for m in doc["team"]}
    check(len(team) == len(doc["team"]), "team: duplicate keys")
    check(8 <= len(team) <= 10, "team: needs 8-10 people")
    for m in doc["team"]:
        check(m["function"] in TEAM_FUNCTIONS, f"team {m['key']}: bad function")
        check("@" in m["email"], f"team {m['key']}: bad email")

    def team_ref(key: object, function: str, where: str, nullable: bool = False) -> None:
        if key is None and nullable:
            return
        check(key in team, f"{where}: unknown team member {key!r}")
        if key in team:
            check(team[key]["function"] == function, f"{where}: {key} is not {function}")

    solutions = [s["name"] for s in doc["solutions"]]
    check(len(solutions) == 6 and len(set(solutions)) == 6, "solutions: need 6 distinct")
    criteria = {c["name"]: c["weight"] for c in doc["criteria"]}
    check(len(criteria) == 5, "criteria: need 5")
    check(
        all(isinstance(w, int) and 1 <= w <= 5 for w in criteria.values()),
        "criteria: weights must be 1-5",
    )

    rules = {r["tier"]: r for r in doc["tier_rules"]}
    check(
        sorted(rules) == sorted(KEYS[TIER]) and len(doc["tier_rules"]) == len(KEYS[TIER]),
        "tier_rules: need exactly one rule per tier key",
    )
    for r in doc["tier_rules"]:
        check(r["lead_function"] in LEAD_FUNCTIONS, f"tier rule {r['tier']}: bad lead_function")
        for t in r["allowed_play_types"]:
            valid(PLAY_TYPE, t, f"tier rule {r['tier']}")
    by_threshold = sorted(rules.values(), key=lambda r: -r["min_fit_score"])

    accounts = doc["accounts"]
    check(len(accounts) == 12, "accounts: need 12")
    check(len({a["name"] for a in accounts}) == len(accounts), "accounts: duplicate names")
    check(len({a["industry"] for a in accounts}) >= 5, "accounts: too few industries")

    counts = Counter()
    email_accounts: dict[str, set[str]] = {}
    gap_carriers: dict[str, set[str]] = {g: set() for g in EXPECTED_GAPS}
    for acc in accounts:
        w = acc["name"]
        valid(INDUSTRY, acc["industry"], w)
        valid(TIER, acc["tier"], w)
        valid(STAGE, acc["stage"], w)
        team_ref(acc["sales_owner"], "sales", f"{w} sales_owner")
        team_ref(acc["marketing_owner"], "marketing", f"{w} marketing_owner")
        check(
            len(acc["lead_checks"]) == len(lead_def)
            and all(isinstance(b, bool) for b in acc["lead_checks"]),
            f"{w}: lead_checks must be {len(lead_def)} booleans",
        )
        past_handoff = stage_idx[acc["stage"]] >= handoff_idx
        check(
            (acc["handed_off_days_ago"] is not None) == past_handoff,
            f"{w}: handed_off_days_ago must be set exactly for stages from {plan['handoff_to']} on",
        )
        if past_handoff:
            check(all(acc["lead_checks"]), f"{w}: handed off but not every lead check is met")

        # our commercial figures (pipeline is not the customer's annual revenue)
        money = acc["pipeline"]
        check(
            money["source"] in ("", "marketing_sourced", "marketing_influenced", "sales_sourced"),
            f"{w}: bad pipeline source {money['source']!r}",
        )
        check(bool(money["source"]) == (money["value"] is not None), f"{w}: source without value")
        for key in ("value", "won_revenue"):
            check(money[key] is None or money[key] > 0, f"{w}: pipeline {key} must be positive")
        margin = money["margin_pct"]
        check(margin is None or 0 <= margin <= 100, f"{w}: margin_pct must be 0-100")

        # scores and tier
        check(set(acc["scores"]) == set(criteria), f"{w}: scores must cover exactly the criteria")
        total = 0
        for name, (score, why) in acc["scores"].items():
            check(isinstance(score, int) and 0 <= score <= 5 and why, f"{w}: bad score for {name}")
            total += criteria.get(name, 0) * score
        fit = 100 * total / (5 * sum(criteria.values()))
        expected_tier = next(r["tier"] for r in by_threshold if fit >= r["min_fit_score"])
        check(
            acc["tier"] == expected_tier,
            f"{w}: fit {fit:.1f} implies tier {expected_tier}, not {acc['tier']}",
        )

        # stakeholders
        sh = acc["stakeholders"]
        keys = [s["key"] for s in sh]
        check(len(keys) == len(set(keys)), f"{w}: duplicate stakeholder keys")
        check(6 <= len(sh) <= 25, f"{w}: needs 6-25 stakeholders")
        skeys = set(keys)
        for s in sh:
            sw = f"{w} / {s['key']}"
            check(1 <= len(s["roles"]) <= 2, f"{sw}: needs 1-2 roles")
            for r in s["roles"]:
                valid(ROLE, r, sw)
            valid(ATTITUDE, s["attitude"], sw)
            valid(INFLUENCE, s["influence"], sw)
            valid(COVERAGE, s["coverage"], sw)
            valid(RELATIONSHIP, s["relationship"], sw)
            check(isinstance(s["inner_circle"], bool), f"{sw}: inner_circle must be bool")
            team_ref(s["sales_owner"], "sales", f"{sw} sales_owner", nullable=True)
            team_ref(s["marketing_owner"], "marketing", f"{sw} marketing_owner", nullable=True)
            check("@" in s["email"], f"{sw}: bad email")
            for f in ("name", "title", "department", "needs", "priorities"):
                check(isinstance(s[f], str) and s[f].strip(), f"{sw}: empty {f}")
            email_accounts.setdefault(s["email"].lower(), set()).add(w)

        # lines: a proper org tree apart from the deliberate gaps
        solid_boss: Counter = Counter()
        dotted = 0
        for ln in acc["lines"]:
            check(ln["kind"] in LINE_KINDS, f"{w}: bad line kind {ln['kind']!r}")
            check(
                ln["from"] in skeys and ln["to"] in skeys,
                f"{w}: line {ln['from']}->{ln['to']} does not resolve",
            )
            check(ln["from"] != ln["to"], f"{w}: self line on {ln['from']}")
            if ln["kind"] == "reports_to":
                check(isinstance(ln["dotted"], bool), f"{w}: reports_to needs dotted bool")
                if ln["dotted"]:
                    dotted += 1
                else:
                    solid_boss[ln["from"]] += 1
            elif ln["kind"] == "influences":
                check(ln.get("strength") in (1, 2, 3), f"{w}: influence strength must be 1-3")
        check(all(n == 1 for n in solid_boss.values()), f"{w}: someone has two solid managers")
        check(dotted <= 2, f"{w}: more than two dotted lines")
        if len(sh) >= 15:
            check(dotted >= 1, f"{w}: a big account should have a dotted line")
        in_lines = {ln["from"] for ln in acc["lines"]} | {ln["to"] for ln in acc["lines"]}
        roots = [k for k in keys if k not in solid_boss and k in in_lines]
        check(len(roots) == 1, f"{w}: org tree needs exactly one top person, found {roots}")

        # plays
        check(2 <= len(acc["plays"]) <= 5, f"{w}: needs 2-5 plays")
        allowed = set(rules[acc["tier"]]["allowed_play_types"]) if acc["tier"] in rules else set()
        for i, p in enumerate(acc["plays"]):
            pw = f"{w} play #{i}"
            tpl = library.get(p["template"])
            check(tpl is not None, f"{pw}: unknown template {p['template']!r}")
            valid(PLAY_STATUS, p["status"], pw)
            team_ref(p["sales_owner"], "sales", f"{pw} sales_owner")
            team_ref(p["marketing_owner"], "marketing", f"{pw} marketing_owner")
            check(
                p["targets"] and set(p["targets"]) <= skeys,
                f"{pw}: targets must be known stakeholders",
            )
            start, end = p["start_offset_days"], p["start_offset_days"] + p["duration_days"]
            check(
                p["duration_days"] > 0 and p["budget"] >= 0 and p["expected_touches"] > 0,
                f"{pw}: bad numbers",
            )
            status_ok = {
                "planned": start > 0,
                "running": start <= 0 < end,
                "done": end <= 0,
                "cancelled": True,
            }.get(p["status"], False)
            check(status_ok, f"{pw}: status {p['status']} does not match days {start}..{end}")
            check(
                bool(p["outcome"]) == (p["status"] == "done"),
                f"{pw}: outcome only (and always) for done plays",
            )
            if tpl:
                check(
                    tpl["play_type"] in allowed,
                    f"{pw}: {tpl['play_type']} not allowed for tier {acc['tier']}",
                )
                if p["status"] in ("planned", "running"):
                    check(
                        acc["stage"] in tpl["stages"],
                        f"{pw}: template does not suit stage {acc['stage']}",
                    )

        # touches
        check(5 <= len(acc["touches"]) <= 30, f"{w}: needs 5-30 touches")
        for t in acc["touches"]:
            tw = f"{w} touch {t['stakeholder']}@{t['days_ago']}"
            check(t["stakeholder"] in skeys, f"{tw}: unknown stakeholder")
            check(
                isinstance(t["days_ago"], int) and 0 <= t["days_ago"] <= 200,
                f"{tw}: days_ago 0-200",
            )
            valid(CHANNEL, t["channel"], tw)
            check(t["function"] in TOUCH_FUNCTIONS, f"{tw}: bad function")
            check(
                t["by"] in team and team[t["by"]]["function"] == t["function"],
                f"{tw}: 'by' and function disagree",
            )
            if t["play"] is not None:
                check(
                    isinstance(t["play"], int) and 0 <= t["play"] < len(acc["plays"]),
                    f"{tw}: bad play index",
                )
                if isinstance(t["play"], int) and 0 <= t["play"] < len(acc["plays"]):
                    p = acc["plays"][t["play"]]
                    day = -t["days_ago"]
                    check(
                        p["start_offset_days"]
                        <= day
                        <= p["start_offset_days"] + p["duration_days"],
                        f"{tw}: outside the dates of play #{t['play']}",
                    )

        # objectives, whitespace, decisions
        check(2 <= len(acc["objectives"]) <= 4, f"{w}: needs 2-4 objectives")
        for o in acc["objectives"]:
            ow = f"{w} objective {o['title']!r}"
            check(o["kind"] in OBJECTIVE_KINDS, f"{ow}: bad kind")
            valid(OBJECTIVE_STATUS, o["status"], ow)
            check(o["owner"] in team, f"{ow}: unknown owner")
            if o["kind"] == "relationship":
                check(
                    o["stakeholder"] in skeys, f"{ow}: relationship objective needs a stakeholder"
                )
            else:
                check(
                    o["stakeholder"] is None,
                    f"{ow}: only relationship objectives name a stakeholder",
                )
        check(
            set(acc["whitespace"]) == set(solutions), f"{w}: whitespace must cover every solution"
        )
        for sol, status in acc["whitespace"].items():
            valid(WHITESPACE, status, f"{w} whitespace {sol}")
        check(len(acc["decisions"]) <= 3, f"{w}: at most 3 decisions")

        try:
            for g in gaps_of(acc):
                gap_carriers[g].add(w)
        except (KeyError, TypeError) as exc:  # malformed data is already reported above
            problems.append(f"{w}: gap analysis failed on malformed data ({exc!r})")
        counts["stakeholders"] += len(sh)
        counts["lines"] += len(acc["lines"])
        counts["plays"] += len(acc["plays"])
        counts["touches"] += len(acc["touches"])
        counts["objectives"] += len(acc["objectives"])
        counts["decisions"] += len(acc["decisions"])

    check(
        150 <= counts["stakeholders"] <= 180,
        f"stakeholders: {counts['stakeholders']} not in 150-180",
    )
    for gap, account in EXPECTED_GAPS.items():
        check(
            gap_carriers[gap] == {account},
            f"gap {gap!r}: expected only in {account}, found in {sorted(gap_carriers[gap])}",
        )
    shared = {e: a for e, a in email_accounts.items() if len(a) > 1}
    check(
        any(e.startswith("info@") for e in shared),
        "no info@ address shared by stakeholders of two accounts",
    )
    names = [s["name"] for acc in accounts for s in acc["stakeholders"]]
    check(ACCENTED_NAME in names, f"accented name {ACCENTED_NAME!r} missing")
    counts["shared_emails"] = len(shared)
    counts["team"] = len(team)
    counts["accounts"] = len(accounts)
    return counts


def main() -> int:
    library = json.loads(PLAY_LIBRARY.read_text(encoding="utf-8"))
    portfolio = json.loads(PORTFOLIO.read_text(encoding="utf-8"))
    templates = check_library(library)
    counts = check_portfolio(portfolio, templates)
    if problems:
        print(f"FAILED: {len(problems)} problem(s)")
        for p in problems:
            print(" -", p)
        return 1
    c = counts
    print(
        f"OK: {len(templates)} play templates; {c['accounts']} accounts, "
        f"{c['team']} team members, {c['stakeholders']} stakeholders, {c['lines']} lines, "
        f"{c['plays']} play assignments, {c['touches']} touches, {c['objectives']} objectives, "
        f"{c['decisions']} decisions; {len(EXPECTED_GAPS)} deliberate gaps in place, "
        f"{c['shared_emails']} shared email(s)"
    )
    if "-v" in sys.argv[1:]:
        for gap, account in EXPECTED_GAPS.items():
            print(f"  {gap}: {account}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
