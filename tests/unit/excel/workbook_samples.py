"""The exports that must open without a repair prompt: demo, per account with a map, hostile, empty.

The hostile plan is the demo with text a person (or a CRM import) can put in a
plan file: formula prefixes, control characters, text over Excel's 32,767
characters, emoji, right-to-left script, names that look like formulas, cell or
sheet references, duplicate account names, and vocabulary labels, criteria and
solutions that become table headers, drop-down lists and highlight formulas.
Values go in with plain UPDATEs, past the services' trimming, because an older
version, a sync or an import may have stored them that way.
"""

from __future__ import annotations

import shutil
import struct
import uuid
import zlib
from pathlib import Path

from sqlalchemy import select, update

from abm_planner.services.accounts import create_account
from abm_planner.services.excel_io import export_plan
from abm_planner.services.plans import Plan, create_plan, open_plan
from abm_planner.store.models import (
    Account,
    Criterion,
    Objective,
    PlanSettings,
    PlayAssignment,
    Solution,
    Stakeholder,
    TeamMember,
    Touch,
    VocabularyTerm,
)

CONTROL = "bell\x07 nul\x00 esc\x1b vt\x0b ff\x0c us\x1f del\x7f nonchar\ufffe\uffff end"
LONG = "Long notes. " * 3_000  # 36,000 characters
LONG_EMOJI = "🚀" * 17_000  # 34,000 UTF-16 units in 17,000 characters
TEXTS = [
    '=HYPERLINK("http://evil","x")',
    "+1+2",
    "-3+4",
    "@SUM(A1)",
    "\tTab first",
    "\rCR first",
    "=cmd|' /C calc'!A0",
    CONTROL,
    "Emoji 👩🏽‍💼 🚀 and flags 🇳🇱",
    "שלום עולם مرحبا بالعالم",
    "Sheet1!A1",
    "'Accounts'!$A$1",
    "A1",
    "R1C1",
    "list_tier",
    "History",
    "[Book1]Sheet1!A1",
    "_x0041_ looks escaped",
    "  spaces around  ",
    "quotes \" and ' and <tags> & ampersands",
]
CRITERIA = ["Strategic fit", "strategic  FIT", "Line\nbreak", "ctrl\x01char", "x" * 300]
SOLUTIONS = [  # the Whitespace sheet's headers, next to "Account" and "Account id"
    "Account id",
    "ACCOUNT",
    "_x0041_ escaped?",
    "",
    "ctrl\x02\x1b",
    "y" * 300,
    "=1+1",
    "[#Headers]",
]
ACCOUNT_NAMES = [
    "=Dup & Co",
    "=Dup & Co",
    "History",
    "Sheet1!A1",
    "[x]:*?/\\ name that is far too long for a sheet tab",
    "ctrl\x01\x1fname",
    "'quoted'",
    "שלום RTL 🚀",
]
LABELS = {  # vocabulary labels: drop-down lists and highlight formulas
    "attitude": ['Enemy "quoted"', "ctrl\x02label", "N" * 300, "=Supporter", "Mentor;Coach"],
    "play_status": ["Planned,comma", "+Active", "L" * 260, "Done\nnewline"],
}


def png(width: int, height: int) -> bytes:
    """A real RGB PNG of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80\x40\x20" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _rename(unit: object, model: type, names: list[str]) -> None:
    session = unit.session  # type: ignore[attr-defined]
    ids = session.scalars(select(model.id).order_by(model.id)).all()  # type: ignore[attr-defined]
    for row_id, name in zip(ids, names, strict=False):
        session.execute(update(model).where(model.id == row_id).values(name=name))  # type: ignore[attr-defined]


def make_hostile(plan: Plan) -> list[uuid.UUID]:
    """Fill ``plan`` (a demo copy) with hostile text; returns the hostile accounts' ids."""
    ids = [create_account(plan, {"name": f"Hostile {n}"}) for n in range(len(ACCOUNT_NAMES))]
    with plan.write() as unit:
        session = unit.session
        for account_id, name in zip(ids, ACCOUNT_NAMES, strict=True):
            session.execute(update(Account).where(Account.id == account_id).values(name=name))
        accounts = session.scalars(select(Account.id).order_by(Account.name)).all()
        for n, account_id in enumerate(accounts):
            text = TEXTS[n % len(TEXTS)]
            session.execute(
                update(Account)
                .where(Account.id == account_id)
                .values(
                    region=text,
                    notes=LONG if n == 0 else text,
                    needs=LONG_EMOJI if n == 1 else text,
                )
            )
        people = session.scalars(select(Stakeholder.id).order_by(Stakeholder.id)).all()
        for n, person in enumerate(people):
            text = TEXTS[n % len(TEXTS)]
            session.execute(
                update(Stakeholder).where(Stakeholder.id == person).values(title=text, notes=text)
            )
        plays = session.scalars(select(PlayAssignment.id).order_by(PlayAssignment.id)).all()
        for n, play in enumerate(plays):
            session.execute(
                update(PlayAssignment)
                .where(PlayAssignment.id == play)
                .values(name=TEXTS[n % len(TEXTS)], outcome=LONG if n == 0 else "")
            )
        touches = session.scalars(select(Touch.id).order_by(Touch.id)).all()
        for n, touch in enumerate(touches):
            session.execute(
                update(Touch).where(Touch.id == touch).values(notes=TEXTS[n % len(TEXTS)])
            )
        _rename(unit, Criterion, CRITERIA)
        _rename(unit, Solution, SOLUTIONS)
        _rename(unit, TeamMember, TEXTS)
        session.execute(update(PlanSettings).values(name=CONTROL, description=LONG))
        numbers = session.scalars(select(Objective.id).order_by(Objective.id)).all()
        for objective, value in zip(
            numbers, (float("inf"), float("-inf"), 1e308, -0.0), strict=False
        ):
            session.execute(
                update(Objective)
                .where(Objective.id == objective)
                .values(target=value, actual=value)
            )
        session.execute(update(Account).where(Account.id == ids[0]).values(annual_revenue=1e300))
        for kind, labels in LABELS.items():
            terms = session.scalars(
                select(VocabularyTerm.id)
                .where(VocabularyTerm.kind == kind)
                .order_by(VocabularyTerm.sort_order)
            ).all()
            for term, label in zip(terms, labels, strict=False):
                session.execute(
                    update(VocabularyTerm).where(VocabularyTerm.id == term).values(label=label)
                )
    return ids


def build_exports(demo: Path, folder: Path) -> dict[str, Path]:
    """The four workbooks: ``demo``, ``account_map``, ``hostile`` (with maps), ``empty``."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {name: folder / f"{name}.xlsx" for name in ("demo", "account_map", "hostile", "empty")}
    plan = open_plan(demo, read_only=True)
    try:
        export_plan(plan, out["demo"])
        with plan.read() as session:
            first = session.scalars(select(Account).order_by(Account.name)).first()
            assert first is not None
            account_id, name = first.id, first.name
        export_plan(plan, out["account_map"], [name], images={account_id: png(640, 400)})
    finally:
        plan.close()
    copy = folder / "hostile.abmplan"
    shutil.copyfile(demo, copy)
    plan = open_plan(copy)
    try:
        hostile = make_hostile(plan)
        images = {account_id: png(8, 6) for account_id in hostile}
        export_plan(plan, out["hostile"], images=images)
    finally:
        plan.close()
    empty = create_plan(folder / "empty.abmplan")
    try:
        export_plan(empty, out["empty"])
    finally:
        empty.close()
    return out
