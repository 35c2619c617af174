"""What a person sees when they open something that is not a plan, and what a plan looks like.

Every refusal must leave the file exactly as it was and say, in one sentence, which
file was refused.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from abm_planner.errors import PlanFileError, UserError
from abm_planner.services.plans import Plan, create_plan, open_plan
from abm_planner.services.summary import plan_summary
from abm_planner.store import schema
from abm_planner.store.models import TeamMember
from abm_planner.store.plan_file import APPLICATION_ID

PAGE = 4096
SIDE_FILE_SUFFIXES = ("-journal", "-wal", "-shm")


def side_files(path: Path) -> list[Path]:
    return [
        Path(f"{path}{suffix}") for suffix in SIDE_FILE_SUFFIXES if Path(f"{path}{suffix}").exists()
    ]


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def assert_one_sentence_naming(message: str, path: Path) -> None:
    assert path.name in message
    assert "\n" not in message
    assert message.endswith(".")
    assert "Traceback" not in message
    # One sentence: apart from the file name itself, no full stop ends a sentence early.
    assert ". " not in message.replace(str(path), "FILE").replace(path.name, "FILE")


# Hostile files, each made by a function of (folder, a real plan's bytes).


def _empty(folder: Path, _plan: bytes) -> Path:
    path = folder / "empty.abmplan"
    path.write_bytes(b"")
    return path


def _text(folder: Path, _plan: bytes) -> Path:
    path = folder / "notes.abmplan"
    path.write_text("Meeting notes\nAgree the key accounts with sales.\n" * 10, encoding="utf-8")
    return path


def _png(folder: Path, _plan: bytes) -> Path:
    path = folder / "logo.abmplan"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return path


def _someone_elses_database(folder: Path, _plan: bytes) -> Path:
    path = folder / "contacts.sqlite"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT, email TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('Ada', 'ada@example.com')")
        connection.commit()
    return path


def _newer_revision(folder: Path, plan: bytes) -> Path:
    path = folder / "from the future.abmplan"
    path.write_bytes(plan)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA user_version = 99")
        connection.commit()
    return path


def _truncated(folder: Path, plan: bytes) -> Path:
    path = folder / "cut off in the mail.abmplan"
    path.write_bytes(plan[:PAGE])
    return path


def _garbage_in_the_middle(folder: Path, plan: bytes) -> Path:
    pages = len(plan) // PAGE
    assert pages > 8, "the demo plan is expected to span many pages"
    damaged = bytearray(plan)
    noise = random.Random(20261123).randbytes(PAGE * (pages - 6))
    damaged[3 * PAGE : (pages - 3) * PAGE] = noise
    path = folder / "damaged.abmplan"
    path.write_bytes(bytes(damaged))
    return path


HOSTILE_FILES: dict[str, Callable[[Path, bytes], Path]] = {
    "empty file": _empty,
    "text file": _text,
    "PNG image": _png,
    "someone else's SQLite database": _someone_elses_database,
    "plan from a newer app": _newer_revision,
    "truncated plan": _truncated,
    "garbage in the middle pages": _garbage_in_the_middle,
}


@pytest.fixture(scope="module")
def plan_bytes(demo_plan_path: Path) -> bytes:
    return demo_plan_path.read_bytes()


def test_a_missing_path_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "no such plan.abmplan"
    with pytest.raises(PlanFileError) as refused:
        open_plan(missing)
    assert_one_sentence_naming(str(refused.value), missing)
    assert not missing.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "Q3 plans.abmplan"
    folder.mkdir()
    (folder / "inside.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(PlanFileError) as refused:
        open_plan(folder)
    assert_one_sentence_naming(str(refused.value), folder)
    assert [p.name for p in folder.iterdir()] == ["inside.txt"]


@pytest.mark.parametrize("read_only", [False, True], ids=["read-write", "read-only"])
@pytest.mark.parametrize("kind", list(HOSTILE_FILES))
def test_a_hostile_file_is_refused_and_left_untouched(
    tmp_path: Path, plan_bytes: bytes, kind: str, read_only: bool
) -> None:
    path = HOSTILE_FILES[kind](tmp_path, plan_bytes)
    before = snapshot(path)
    neighbours = sorted(p.name for p in tmp_path.iterdir())

    try:
        plan = open_plan(path, read_only=read_only)
    except PlanFileError as refused:
        message = str(refused)
    else:
        # SQLite may only notice damage when it reads the damaged pages.
        try:
            with pytest.raises(UserError) as refused_later:
                plan_summary(plan)
        finally:
            plan.close()
        message = str(refused_later.value)

    assert_one_sentence_naming(message, path)
    assert snapshot(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == neighbours, "no backup or side file"


def test_a_newer_plan_says_to_update_the_app(tmp_path: Path, plan_bytes: bytes) -> None:
    path = _newer_revision(tmp_path, plan_bytes)
    with pytest.raises(PlanFileError, match="newer version") as refused:
        open_plan(path)
    assert "update" in str(refused.value)


def _root_pages(plan: bytes, folder: Path, table: str) -> list[int]:
    """The b-tree root pages of ``table`` and of its indexes (1-based, as SQLite counts)."""
    probe = folder / "probe.abmplan"
    probe.write_bytes(plan)
    with closing(sqlite3.connect(f"{probe.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        rows = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE tbl_name = ? AND rootpage > 0", (table,)
        ).fetchall()
    probe.unlink()
    return [row[0] for row in rows]


@pytest.mark.parametrize("table", ["accounts", "stakeholder_lines", "plan_settings"])
def test_a_damaged_table_gives_a_one_sentence_user_error(
    tmp_path: Path, plan_bytes: bytes, table: str
) -> None:
    """Garbage where a table lives: refused on open or when read, in words, file untouched."""
    rng = random.Random(table)
    damaged = bytearray(plan_bytes)
    for page in _root_pages(plan_bytes, tmp_path, table):
        damaged[(page - 1) * PAGE : page * PAGE] = rng.randbytes(PAGE)
    path = tmp_path / f"damaged {table}.abmplan"
    path.write_bytes(bytes(damaged))
    before = snapshot(path)

    try:
        plan = open_plan(path)
    except UserError as refused:
        message = str(refused)
    else:
        try:
            with pytest.raises(UserError) as refused_later:
                plan_summary(plan)
        finally:
            plan.close()
        message = str(refused_later.value)

    assert_one_sentence_naming(message, path)
    assert "SELECT" not in message, "a person is not shown SQL"
    assert snapshot(path) == before


def test_a_new_plan_identifies_itself_in_its_header(tmp_path: Path) -> None:
    path = tmp_path / "Northwind FY27.abmplan"
    create_plan(path).close()

    header = path.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID == 0x41424D50
    assert int.from_bytes(header[60:64], "big") == schema.head_revision()
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.head_revision()
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_creating_a_plan_leaves_only_the_plan(tmp_path: Path) -> None:
    path = tmp_path / "Northwind FY27.abmplan"
    create_plan(path).close()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_creating_over_an_existing_file_is_refused_and_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "precious.abmplan"
    path.write_text("not mine to overwrite", encoding="utf-8")
    before = snapshot(path)
    with pytest.raises(PlanFileError) as refused:
        create_plan(path)
    assert_one_sentence_naming(str(refused.value), path)
    assert snapshot(path) == before


def test_no_side_file_is_left_after_a_write_or_after_closing(tmp_path: Path) -> None:
    path = tmp_path / "mail me.abmplan"
    plan = create_plan(path)
    try:
        assert side_files(path) == []
        with plan.write() as unit:
            unit.session.add(TeamMember(name="Ada Lovelace", function="marketing"))
        assert side_files(path) == [], "an idle open plan can be copied or mailed"
        with plan.read() as session:
            assert session.scalars(select(TeamMember.name)).all().count("Ada Lovelace") == 1
    finally:
        plan.close()
    assert side_files(path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_opening_and_closing_without_edits_does_not_touch_the_file(
    demo_plan_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "copy.abmplan"
    shutil.copyfile(demo_plan_path, path)
    before = snapshot(path)
    plan: Plan = open_plan(path)
    try:
        plan_summary(plan)
    finally:
        plan.close()
    assert snapshot(path) == before
    assert side_files(path) == []
