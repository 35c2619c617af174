"""``abm-planner --self-test``: does this installation work? One line of answer, in seconds.

It exists to catch what installs and bundles typically lose: a hidden import, a data
file, a Qt plugin, the Alembic scripts, the package metadata. Each check runs the app's
own code on files in a temporary folder — the demo plan, an upgrade from the first plan
format, an Excel export read back and edited — and the GUI part renders the main window
and the DMU map offscreen, so nothing of the user's (plans, settings, log) is read or
changed and no window appears.

This module stays free of Qt: the GUI checks live in ``abm_planner.gui.offscreen_checks``,
which loads when the self-test runs, never on import (a Qt that cannot load is itself
reported as a failed check). A check that fails is named with its error; the checks that
needed it are skipped and named too.
``ABM_PLANNER_SELF_TEST_KEEP=DIR`` keeps the files it made (plans, workbook, images) in DIR.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

EXIT_PASSED = 0
EXIT_FAILED = 1
KEEP_VARIABLE = "ABM_PLANNER_SELF_TEST_KEEP"
REASON_LENGTH = 160
BIG_DMU = 520  # over networkx's 500-node switch to SciPy's optimiser in spring_layout


@dataclass(slots=True)
class Workspace:
    """The temporary folder the checks share, what earlier checks left for later ones, and
    what to close before the folder is deleted (the GUI's window and plan)."""

    folder: Path
    made: dict[str, Any] = field(default_factory=dict)
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        while self.cleanups:
            self.cleanups.pop()()

    @property
    def demo_plan(self) -> Path:
        return self.folder / "Self-test demo.abmplan"


@dataclass(frozen=True, slots=True)
class Check:
    """One thing that must work; ``run`` raises if it does not."""

    name: str
    run: Callable[[Workspace], None]
    needs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Outcome:
    name: str
    error: BaseException | None = None
    skipped_for: str | None = None  # the failed check this one needed

    @property
    def passed(self) -> bool:
        return self.error is None and self.skipped_for is None


class SelfTestError(Exception):
    """A check ran but found something wrong (as opposed to crashing)."""


def expect(condition: object, message: str) -> None:
    if not condition:
        raise SelfTestError(message)


# -- Qt-free checks ---------------------------------------------------------------------------


def check_version_and_parts(_workspace: Workspace) -> None:
    """The package metadata made it: a version, and the parts the About dialog lists."""
    from abm_planner import __version__
    from abm_planner.bundled_parts import bundled_parts

    expect(not __version__.startswith("0.0.0"), f"no package metadata (version {__version__})")
    names = {part.name.lower().replace("-", "_") for part in bundled_parts()}
    for needed in ("pyside6_essentials", "sqlalchemy", "networkx"):
        expect(needed in names, f"no metadata for {needed}")


def check_resources(_workspace: Workspace) -> None:
    from abm_planner import assets

    plays = assets.read_json("play_library.json")
    expect(isinstance(plays, list) and plays, "the play library is empty")
    expect(assets.read_json("demo", "portfolio.json")["accounts"], "the demo has no accounts")
    expect(assets.resource("styles", "app.qss").read_text(encoding="utf-8"), "no style sheet")
    for name in ("app.svg", "icons/app.svg"):
        text = assets.resource(*name.split("/")).read_text(encoding="utf-8")
        expect("<svg" in text, f"{name} is not an SVG")


def check_migrations(workspace: Workspace) -> None:
    """A plan in the first format is backed up and upgraded by Alembic's scripts."""
    from abm_planner.store import plan_file, schema

    path = workspace.folder / "First format.abmplan"
    plan_file.create_empty_file(path)
    engine = plan_file.make_engine(path)
    try:
        schema.upgrade(engine, "0001")
    finally:
        engine.dispose()
    backup = schema.check_and_upgrade(path, read_only=False)
    expect(backup is not None and backup.is_file(), "no backup was written before upgrading")
    engine = plan_file.make_engine(path, read_only=True)
    try:
        revision = schema.database_revision(engine)
    finally:
        engine.dispose()
    head = schema.head_revision()
    expect(revision == head, f"upgraded to revision {revision}, not {head}")


def check_demo_plan(workspace: Workspace) -> None:
    from abm_planner import assets
    from abm_planner.services.demo import create_demo_plan
    from abm_planner.services.summary import plan_summary

    plan = create_demo_plan(workspace.demo_plan)
    try:
        accounts = plan_summary(plan)["accounts"]
    finally:
        plan.close()
    expected = len(assets.read_json("demo", "portfolio.json")["accounts"])
    expect(accounts == expected, f"the demo plan has {accounts} accounts, not {expected}")


def check_dmu_analysis(workspace: Workspace) -> None:
    from abm_planner.services.dmu_analysis import analyse_accounts
    from abm_planner.services.plans import open_plan

    plan = open_plan(workspace.demo_plan, read_only=True)
    try:
        analyses = analyse_accounts(plan)
    finally:
        plan.close()
    expect(analyses, "no account was analysed")
    expect(any(a.findings for a in analyses), "the demo's deliberate DMU gaps were not found")


def _big_dmu() -> Any:
    from abm_planner.dmu.records import INFLUENCES, REPORTS_TO, AccountDMU, Line, Person

    people = tuple(
        Person(uuid.UUID(int=n + 1), f"Person {n:03d}", influence=1 + n % 3) for n in range(BIG_DMU)
    )
    lines = [Line(p.id, people[(n - 1) // 4].id, REPORTS_TO) for n, p in enumerate(people) if n]
    lines += [
        Line(p.id, people[(n * 7 + 3) % BIG_DMU].id, INFLUENCES) for n, p in enumerate(people)
    ]
    return AccountDMU(uuid.UUID(int=0), "Self-test big account", people, tuple(lines))


def check_big_dmu(_workspace: Workspace) -> None:
    """A DMU of 520 people: networkx's PageRank and spring layout on SciPy (loaded lazily)."""
    from abm_planner.dmu.analysis import analyse_dmu
    from abm_planner.dmu.layout import influence_layout

    dmu = _big_dmu()
    analysis = analyse_dmu(dmu, date.today())
    expect(len(analysis.influence_ranking) == BIG_DMU, "the big DMU was not ranked")
    positions = influence_layout(dmu, iterations=2)
    expect(len(positions) == BIG_DMU, f"{len(positions)} of {BIG_DMU} people were laid out")


def check_excel(workspace: Workspace) -> None:
    """Export the demo, read it back unchanged, then read back one edited cell."""
    import openpyxl

    from abm_planner.services.excel_io import apply_import, export_plan, preview_import
    from abm_planner.services.plans import open_plan

    workbook = workspace.folder / "Self-test export.xlsx"
    edited = workspace.folder / "Self-test export, edited.xlsx"
    note = "Edited by the self-test"
    plan = open_plan(workspace.demo_plan)
    try:
        export_plan(plan, workbook)
        same = preview_import(plan, [workbook])
        expect(same.round_trip, "the export was not recognised as this plan's workbook")
        expect(not same.changes, f"reading the export back changes {len(same.changes)} records")
        book = openpyxl.load_workbook(workbook)
        sheet = book["Accounts"]
        header = [cell.value for cell in sheet[1]]
        sheet.cell(2, header.index("Notes") + 1).value = note
        book.save(edited)
        preview = preview_import(plan, [edited])
        kinds = [(c.action, c.kind) for c in preview.changes]
        expect(kinds == [("change", "account")], f"one edited cell read back as {kinds}")
        result = apply_import(plan, preview)
        expect(result.changed == {"account": 1}, f"the import changed {result.changed}")
    finally:
        plan.close()


CORE_CHECKS: tuple[Check, ...] = (
    Check("version and licences", check_version_and_parts),
    Check("resources", check_resources),
    Check("migrations", check_migrations),
    Check("demo plan", check_demo_plan),
    Check("DMU analysis", check_dmu_analysis, ("demo plan",)),
    Check("big DMU on SciPy", check_big_dmu),
    Check("Excel round trip", check_excel, ("demo plan",)),
)


# -- running ----------------------------------------------------------------------------------


def all_checks() -> tuple[Check, ...]:
    """The Qt-free checks, then the offscreen GUI checks (Qt loads only here)."""
    try:
        from abm_planner.gui.offscreen_checks import GUI_CHECKS
    except Exception as error:  # noqa: BLE001 - Qt itself failing to load is the finding
        failure = error

        def qt_loads(_workspace: Workspace) -> None:
            raise failure

        return (*CORE_CHECKS, Check("Qt", qt_loads))
    return (*CORE_CHECKS, *GUI_CHECKS)


def run_checks(checks: tuple[Check, ...], workspace: Workspace) -> list[Outcome]:
    outcomes: dict[str, Outcome] = {}
    for check in checks:
        broken = next((n for n in check.needs if n in outcomes and not outcomes[n].passed), None)
        if broken is not None:
            blame = outcomes[broken].skipped_for or broken
            outcomes[check.name] = Outcome(check.name, skipped_for=blame)
            continue
        try:
            check.run(workspace)
        except Exception as error:  # noqa: BLE001 - every failure is reported by name
            outcomes[check.name] = Outcome(check.name, error=error)
        else:
            outcomes[check.name] = Outcome(check.name)
    return list(outcomes.values())


def _reason(error: BaseException) -> str:
    """What broke, in a few words: the root cause's first line (details follow the line)."""
    if isinstance(error, SelfTestError):
        return str(error)
    while error.__cause__ is not None:
        error = error.__cause__
    first = next((line.strip() for line in str(error).splitlines() if line.strip()), "")
    if len(first) > REASON_LENGTH:
        first = first[: REASON_LENGTH - 1] + "…"
    return f"{type(error).__name__}: {first}" if first else type(error).__name__


def summary_line(outcomes: list[Outcome], seconds: float) -> str:
    """The one line: what passed, or what broke and what it kept from running."""
    failed = [o for o in outcomes if o.error is not None]
    skipped = [o for o in outcomes if o.skipped_for is not None]
    if not failed and not skipped:
        names = ", ".join(o.name for o in outcomes)
        return f"self-test passed: {names} in {seconds:.1f} s"
    parts = [f"{o.name} ({_reason(o.error)})" for o in failed if o.error is not None]
    text = "self-test FAILED: " + "; ".join(parts)
    if skipped:
        text += "; not run: " + ", ".join(o.name for o in skipped)
    passed = sum(o.passed for o in outcomes)
    return f"{text} ({passed} of {len(outcomes)} passed in {seconds:.1f} s)"


@contextmanager
def _workspace() -> Iterator[Workspace]:
    folder = Path(tempfile.mkdtemp(prefix="abm-planner-self-test-"))
    workspace = Workspace(folder)
    try:
        yield workspace
    finally:
        try:
            workspace.close()
        finally:
            keep = os.environ.get(KEEP_VARIABLE)
            if keep:
                shutil.copytree(folder, keep, dirs_exist_ok=True)
            shutil.rmtree(folder, ignore_errors=True)


def run_self_test(
    out: TextIO | None = None,
    err: TextIO | None = None,
    *,
    checks: tuple[Check, ...] | None = None,
) -> int:
    """Run every check; print one line (details of failures follow on ``err``); 0 or 1."""
    out = out or sys.stdout
    err = err or sys.stderr
    started = time.perf_counter()
    with _workspace() as workspace:
        outcomes = run_checks(all_checks() if checks is None else checks, workspace)
    line = summary_line(outcomes, time.perf_counter() - started)
    failed = [o for o in outcomes if o.error is not None]
    if not failed and all(o.passed for o in outcomes):
        print(line, file=out)
        return EXIT_PASSED
    print(line, file=err)
    for outcome in failed:
        assert outcome.error is not None
        print(f"\n{outcome.name}:", file=err)
        traceback.print_exception(outcome.error, file=err)
    return EXIT_FAILED
