"""The ``abm-planner`` command as a person or a script uses it: exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

import abm_planner
from abm_planner.cli import EXIT_OK, EXIT_USER_ERROR, main
from abm_planner.services.plans import Plan, open_plan
from abm_planner.store.models import Account

SUMMARY_KEYS = {
    "accounts",
    "stakeholders",
    "team_members",
    "play_templates",
    "play_assignments",
    "touches",
    "objectives",
    "lines",
    "tiers",
    "roles",
}
LINE_KINDS = {"reports_to", "influences", "conflicts_with"}


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The command exactly as the shell runs it, in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "abm_planner", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def assert_one_error_line(stderr: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("abm-planner: error: ")
    assert "Traceback" not in stderr


@pytest.fixture
def a_text_file(tmp_path: Path) -> Path:
    path = tmp_path / "minutes.abmplan"
    path.write_text("Minutes of the account review\n", encoding="utf-8")
    return path


@pytest.fixture
def unwritable_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody can create files in (for root, who ignores permissions: /proc)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        try:
            (folder / "probe").touch()
        except OSError:
            yield folder
        else:
            (folder / "probe").unlink()
            if not Path("/proc/self").is_dir():
                pytest.skip("no folder here refuses new files to this user")
            yield Path("/proc")
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "{plan}", "--colour"],
        ["demo", "{folder}/new.abmplan", "--sacle", "3"],
        ["--no-such-option"],
        ["summary", "{folder}/missing.abmplan"],
        ["summary", "{text}"],
        ["summary", "{folder}"],
        ["new", "{plan}"],
        ["new", "{text}"],
        ["demo", "{plan}", "--scale", "2"],
        ["new", "{folder}/no such folder/plan.abmplan"],
        ["demo", "{folder}/new.abmplan", "--scale", "0"],
        ["demo", "{folder}/new.abmplan", "--scale", "-4"],
        ["demo", "{folder}/new.abmplan", "--scale", "abc"],
        ["demo", "{folder}/new.abmplan", "--seed", "x"],
        ["summary"],
    ],
    ids=[
        "unknown option",
        "misspelt option",
        "unknown global option",
        "missing plan",
        "not a plan",
        "a folder",
        "new over a plan",
        "new over a file",
        "demo over a plan",
        "folder does not exist",
        "scale 0",
        "negative scale",
        "scale abc",
        "seed x",
        "no plan given",
    ],
)
def test_a_mistake_is_one_error_line_and_exit_2(
    args: list[str],
    tmp_path: Path,
    tmp_plan: Plan,
    a_text_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    plan = tmp_path / "Test plan.abmplan"
    files_before = {p: p.read_bytes() for p in (plan, a_text_file)}
    argv = [a.format(plan=plan, folder=tmp_path, text=a_text_file) for a in args]

    assert main(argv) == EXIT_USER_ERROR

    captured = capsys.readouterr()
    assert captured.out == ""
    assert_one_error_line(captured.err)
    assert {p: p.read_bytes() for p in files_before} == files_before
    assert not (tmp_path / "new.abmplan").exists()


@pytest.mark.parametrize("command", ["new", "demo"])
def test_a_folder_that_cannot_be_written_is_a_user_error(
    command: str, unwritable_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = ["--scale", "1"] if command == "demo" else []
    assert main([command, str(unwritable_folder / "plan.abmplan"), *extra]) == EXIT_USER_ERROR
    assert_one_error_line(capsys.readouterr().err)


def test_errors_from_the_real_command_line(tmp_path: Path, a_text_file: Path) -> None:
    for args in (
        ["summary", tmp_path / "missing.abmplan"],
        ["summary", a_text_file],
        ["demo", tmp_path / "x.abmplan", "--scale", "abc"],
        ["summary", tmp_path / "x.abmplan", "--bogus"],
    ):
        result = run_cli(*args)
        assert result.returncode == EXIT_USER_ERROR, result.stderr
        assert result.stdout == ""
        assert_one_error_line(result.stderr)


def test_version_is_printed_and_exits_0() -> None:
    result = run_cli("--version")
    assert result.returncode == EXIT_OK
    assert result.stdout.strip() == f"abm-planner {abm_planner.__version__}"
    assert result.stderr == ""


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == EXIT_OK
    out = capsys.readouterr().out
    for command in ("new", "demo", "summary"):
        assert command in out


def test_new_creates_a_plan_that_opens(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "Q3.abmplan"
    assert main(["new", str(path), "--name", "Q3 key accounts"]) == EXIT_OK
    assert str(path) in capsys.readouterr().out

    assert main(["summary", str(path), "--json"]) == EXIT_OK
    summary = json.loads(capsys.readouterr().out)
    assert summary["plan"] == "Q3 key accounts"
    assert summary["accounts"] == 0
    assert summary["play_templates"] > 0


def test_new_with_force_replaces_a_file(
    tmp_path: Path, a_text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", str(a_text_file), "--force"]) == EXIT_OK
    assert main(["summary", str(a_text_file)]) == EXIT_OK
    assert "Accounts" in capsys.readouterr().out


def test_summary_json_has_the_stable_keys(
    demo_plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary", str(demo_plan_path), "--json"]) == EXIT_OK
    summary = json.loads(capsys.readouterr().out)

    assert set(summary) >= SUMMARY_KEYS
    assert set(summary["lines"]) == LINE_KINDS
    for key in SUMMARY_KEYS - {"lines", "tiers", "roles"}:
        assert isinstance(summary[key], int), key
    for key in ("lines", "tiers", "roles"):
        assert all(isinstance(count, int) for count in summary[key].values()), key
    assert sum(summary["tiers"].values()) == summary["accounts"]
    assert "Economic Buyer" in summary["roles"]


def test_summary_text_is_for_people(
    demo_plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary", str(demo_plan_path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Accounts" in out
    assert "Stakeholders by buying role" in out


def test_scale_demo_through_the_entry_point(tmp_path: Path) -> None:
    path = tmp_path / "scale.abmplan"
    made = run_cli("demo", path, "--scale", "2", "--quiet")
    assert made.returncode == EXIT_OK, made.stderr
    assert made.stdout == ""

    result = run_cli("summary", path, "--json")
    assert result.returncode == EXIT_OK, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["accounts"], summary["stakeholders"]) == (2, 40)


def test_the_scale_demo_is_the_same_for_the_same_seed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    summaries, accounts = [], []
    for name in ("first.abmplan", "second.abmplan"):
        path = tmp_path / name
        assert main(["demo", str(path), "--scale", "3", "--seed", "7", "--quiet"]) == EXIT_OK
        assert main(["summary", str(path), "--json"]) == EXIT_OK
        summary = json.loads(capsys.readouterr().out)
        summary.pop("location")
        summaries.append(summary)
        plan = open_plan(path, read_only=True)
        try:
            with plan.read() as session:
                accounts.append(session.execute(select(Account.id, Account.name)).all())
        finally:
            plan.close()

    first, second = summaries
    assert first == second
    assert accounts[0] == accounts[1]
    assert first["accounts"] == 3
    assert first["stakeholders"] == 60
    assert first["play_assignments"] == 120


def test_a_different_seed_gives_a_different_portfolio(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = []
    for seed in ("7", "8"):
        path = tmp_path / f"seed{seed}.abmplan"
        assert main(["demo", str(path), "--scale", "3", "--seed", seed, "--quiet"]) == EXIT_OK
        plan = open_plan(path, read_only=True)
        try:
            with plan.read() as session:
                names.append(session.scalars(select(Account.name).order_by(Account.name)).all())
        finally:
            plan.close()
    assert names[0] != names[1]
    assert capsys.readouterr().out == ""
