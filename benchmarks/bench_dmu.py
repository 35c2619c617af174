"""DMU engine benchmarks: one big account, the map's layouts, and a whole portfolio.

``run.py`` registers these with ``bench_dmu.register_dmu_benchmarks(sys.modules[__name__])``
(the runner module is passed in, not imported, because ``run.py`` runs as
``__main__``). Alone, ``python benchmarks/bench_dmu.py [run.py options]`` runs just
these three through the same runner.

- ``dmu-account``: analysing one account of 500 stakeholders, in memory and loaded from
  a plan (median of warm runs, as the GUI sees it after its first analysis), and the
  first analysis in a fresh process (imports of networkx and numpy included).
- ``dmu-layout``: the org chart and the force-directed view of 300 cards (median).
- ``dmu-portfolio``: ``abm-planner analyze PLAN --json`` over the whole scale plan in a
  fresh process: wall time and peak memory.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

ACCOUNT_PEOPLE = 500
LAYOUT_PEOPLE = 300
WARM_RUNS = 7
NAMES = ("dmu-account", "dmu-layout", "dmu-portfolio")
ROLES = ("decision_maker", "technical_evaluator", "user", "influencer", "procurement")


def synthetic_dmu(count: int, seed: int = 1) -> Any:
    """A realistic big DMU: an org tree with dotted lines and one reporting cycle,
    about one influence line per person, a few conflicts, two economic buyers."""
    from abm_planner.dmu.records import AccountDMU, Line, Owner, Person

    rng = random.Random(seed)
    today = date.today()
    owners = [Owner(uuid.UUID(int=i + 1), f"Owner {i}") for i in range(8)]
    people = []
    for n in range(count):
        roles = {rng.choice(ROLES)}
        if n in (0, 7):
            roles = {"economic_buyer"}
        elif n % 40 == 5:
            roles.add("champion")
        owner = rng.choice(owners).id if rng.random() < 0.6 else None
        touched = rng.randrange(0, 200) if rng.random() < 0.7 else None
        people.append(
            Person(
                id=uuid.UUID(int=rng.getrandbits(128)),
                name=f"Person {n:04d}",
                roles=frozenset(roles),
                attitude=rng.randint(-2, 2),
                influence=rng.randint(1, 3),
                inner_circle=n < 5,
                coverage=rng.randint(-1, 3),
                sales_owner_id=owner,
                last_touched=None if touched is None else today - timedelta(days=touched),
            )
        )
    lines = [Line(p.id, people[(i - 1) // 4].id, "reports_to") for i, p in enumerate(people) if i]
    for i in rng.sample(range(1, count), count // 10):
        boss = rng.choice([j for j in rng.sample(range(count), 2) if j != i])
        lines.append(Line(people[i].id, people[boss].id, "reports_to", dotted=True))
    lines.append(Line(people[1].id, people[count - 1].id, "reports_to"))  # one cycle
    for _ in range(count):
        a, b = rng.sample(people, 2)
        lines.append(Line(a.id, b.id, "influences", strength=rng.randint(1, 3)))
    for _ in range(count // 20):
        a, b = rng.sample(people, 2)
        lines.append(Line(a.id, b.id, "conflicts_with"))
    return AccountDMU(
        uuid.UUID(int=rng.getrandbits(128)),
        "Synthetic Big Account",
        tuple(people),
        tuple(lines),
        {o.id: o for o in owners},
    )


def _median_seconds(action: Callable[[], object], runs: int = WARM_RUNS) -> float:
    action()  # warm-up: imports, caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def write_account_plan(path: Path, dmu: Any) -> uuid.UUID:
    """A plan holding ``dmu`` as its only account; returns the account id."""
    from abm_planner.domain import vocabularies as vocab
    from abm_planner.services.plans import create_plan
    from abm_planner.services.vocabulary_lookup import term_ids
    from abm_planner.store.models import (
        Account,
        Stakeholder,
        StakeholderLine,
        Touch,
        stakeholder_roles,
    )

    path.unlink(missing_ok=True)
    plan = create_plan(path)
    try:
        with plan.write() as unit:
            session = unit.session
            terms = {kind: term_ids(session, kind) for kind in vocab.DEFAULT_VOCABULARIES}
            value_key = {
                kind: {t.value: t.key for t in vocab.DEFAULT_VOCABULARIES[kind]}
                for kind in (vocab.ATTITUDE, vocab.INFLUENCE, vocab.COVERAGE)
            }

            def term(kind: str, value: int | None) -> uuid.UUID | None:
                return None if value is None else terms[kind][value_key[kind][value]]

            account = Account(id=dmu.account_id, name=dmu.account)
            session.add(account)
            session.flush()
            for person in dmu.people:
                session.add(
                    Stakeholder(
                        id=person.id,
                        account_id=account.id,
                        name=person.name,
                        attitude_id=term(vocab.ATTITUDE, person.attitude),
                        influence_id=term(vocab.INFLUENCE, person.influence),
                        inner_circle=person.inner_circle,
                        coverage_id=term(vocab.COVERAGE, person.coverage),
                    )
                )
            session.flush()
            session.execute(
                stakeholder_roles.insert(),
                [
                    {"stakeholder_id": p.id, "role_id": terms[vocab.ROLE][role]}
                    for p in dmu.people
                    for role in p.roles
                ],
            )
            session.add_all(
                StakeholderLine(
                    account_id=account.id,
                    source_id=line.source_id,
                    target_id=line.target_id,
                    kind=line.kind,
                    dotted=line.dotted,
                    strength=line.strength,
                )
                for line in dmu.lines
            )
            session.add_all(
                Touch(account_id=account.id, stakeholder_id=p.id, occurred_on=p.last_touched)
                for p in dmu.people
                if p.last_touched is not None
            )
    finally:
        plan.close()
    return dmu.account_id


def register_dmu_benchmarks(runner: ModuleType) -> None:
    """Add the DMU benchmarks to ``runner`` (the ``run.py`` module) unless already there."""
    if any(b.name in NAMES for b in runner.BENCHMARKS):
        return
    measurement = runner.Measurement

    @runner.register("dmu-account")
    def account(context: Any) -> list[Any]:
        from abm_planner.dmu.analysis import analyse_dmu
        from abm_planner.services.dmu_analysis import analyse_account
        from abm_planner.services.plans import open_plan

        dmu = synthetic_dmu(ACCOUNT_PEOPLE)
        today = date.today()
        # A fresh copy each time: a DMU caches its orderings after the first analysis.
        in_memory = _median_seconds(lambda: analyse_dmu(replace(dmu), today))
        path = context.out / f"dmu-{ACCOUNT_PEOPLE}.abmplan"
        account_id = write_account_plan(path, dmu)
        plan = open_plan(path, read_only=True)
        try:
            from_plan = _median_seconds(lambda: analyse_account(plan, account_id))
        finally:
            plan.close()
        fresh = runner.run_measured(context.command("analyze", path, "--json"))
        if fresh.returncode != 0:
            raise runner.BenchmarkError(f"analyze failed:\n{fresh.stderr}")
        label = f"DMU analysis of {ACCOUNT_PEOPLE} stakeholders"
        return [
            measurement(f"{label}, in memory (median)", in_memory * 1000, 100.0, "ms"),
            measurement(f"{label}, loaded from the plan (median)", from_plan * 1000, 100.0, "ms"),
            measurement("analyze --json of that account, fresh process", fresh.seconds, 3.0, "s"),
        ]

    @runner.register("dmu-layout")
    def layout(_context: Any) -> list[Any]:
        from abm_planner.dmu.layout import influence_layout, org_chart_layout

        dmu = synthetic_dmu(LAYOUT_PEOPLE, seed=2)
        org = _median_seconds(lambda: org_chart_layout(replace(dmu)), runs=5)
        spring = _median_seconds(lambda: influence_layout(replace(dmu)), runs=3)
        return [
            measurement(f"org chart of {LAYOUT_PEOPLE} cards (median)", org * 1000, 300.0, "ms"),
            measurement(
                f"influence view of {LAYOUT_PEOPLE} cards (median)", spring * 1000, 1000.0, "ms"
            ),
        ]

    @runner.register("dmu-portfolio")
    def portfolio(context: Any) -> list[Any]:
        context.build_plan()
        finished = runner.run_measured(context.command("analyze", context.plan_path, "--json"))
        if finished.returncode != 0:
            raise runner.BenchmarkError(f"analyze failed:\n{finished.stderr}")
        analysed = len(json.loads(finished.stdout))
        if analysed != context.scale:
            raise runner.BenchmarkError(
                f"analyze reported {analysed} accounts, not {context.scale}"
            )
        label = f"analyze --json ({context.scale:,} accounts)"
        return [
            measurement(f"{label}: wall time", finished.seconds, 30.0, "s"),
            measurement(f"{label}: peak RSS", finished.peak_rss_mb, 500.0, "MB"),
        ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import run

    register_dmu_benchmarks(run)
    options = sys.argv[1:]
    if not any(option.startswith("--only") for option in options):
        options += [f"--only={name}" for name in NAMES]
    sys.exit(run.main(options))
