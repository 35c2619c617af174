"""``abm-planner --self-test``: the Qt-free orchestrator, its one line and its exit status."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from abm_planner import cli, self_test
from abm_planner.self_test import (
    CORE_CHECKS,
    EXIT_FAILED,
    EXIT_PASSED,
    Check,
    Outcome,
    SelfTestError,
    Workspace,
    run_checks,
    run_self_test,
    summary_line,
)


def passes(_workspace: Workspace) -> None:
    """A check that finds nothing wrong."""


def breaks(_workspace: Workspace) -> None:
    raise SelfTestError("the play library is empty")


def test_a_clean_run_is_one_line_on_stdout_and_exit_0() -> None:
    out, err = io.StringIO(), io.StringIO()
    checks = (Check("resources", passes), Check("demo plan", passes))
    assert run_self_test(out, err, checks=checks) == EXIT_PASSED
    assert err.getvalue() == ""
    (line,) = out.getvalue().splitlines()
    assert line.startswith("self-test passed: resources, demo plan in ")
    assert line.endswith(" s")


def test_a_failure_is_named_with_what_it_kept_from_running() -> None:
    out, err = io.StringIO(), io.StringIO()
    checks = (
        Check("resources", breaks),
        Check("demo plan", passes),
        Check("main window", passes, ("resources",)),
        Check("DMU map", passes, ("main window",)),
    )
    assert run_self_test(out, err, checks=checks) == EXIT_FAILED
    assert out.getvalue() == ""
    first, *details = err.getvalue().splitlines()
    assert first == (
        "self-test FAILED: resources (the play library is empty); not run: main window, "
        f"DMU map (1 of 4 passed in {first.rsplit(' in ', 1)[1]}"
    )
    assert "resources:" in details
    assert any("SelfTestError: the play library is empty" in line for line in details)


def test_skipped_checks_blame_the_check_that_failed_first() -> None:
    outcomes = run_checks(
        (
            Check("Qt plugins", breaks),
            Check("main window", passes, ("Qt plugins",)),
            Check("DMU map", passes, ("main window",)),
        ),
        Workspace(Path("unused")),
    )
    assert [o.skipped_for for o in outcomes] == [None, "Qt plugins", "Qt plugins"]


def test_an_unexpected_error_is_reported_by_its_root_cause_in_a_few_words() -> None:
    try:
        try:
            raise OSError("libscipy_openblas.so: ELF load command not page-aligned")
        except OSError as cause:
            raise ImportError("\n\nIMPORTANT: PLEASE READ THIS\n" + "x" * 500) from cause
    except ImportError as error:
        line = summary_line([Outcome("big DMU on SciPy", error=error)], 1.25)
    assert line == (
        "self-test FAILED: big DMU on SciPy (OSError: libscipy_openblas.so: ELF load command "
        "not page-aligned) (0 of 1 passed in 1.2 s)"
    )
    long = summary_line([Outcome("x", error=ValueError("y" * 400))], 0.0)
    assert len(long) < 250 and "…" in long


def test_the_temporary_folder_is_removed_or_kept_on_request(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folders: list[Path] = []
    closed: list[str] = []

    def writes(workspace: Workspace) -> None:
        folders.append(workspace.folder)
        (workspace.folder / "made.txt").write_text("x", encoding="utf-8")
        workspace.cleanups.append(lambda: closed.append("window"))

    monkeypatch.delenv(self_test.KEEP_VARIABLE, raising=False)
    run_self_test(io.StringIO(), io.StringIO(), checks=(Check("writes", writes),))
    assert not folders[0].exists()
    assert closed == ["window"]
    monkeypatch.setenv(self_test.KEEP_VARIABLE, str(tmp_path / "kept"))
    run_self_test(io.StringIO(), io.StringIO(), checks=(Check("writes", writes),))
    assert (tmp_path / "kept" / "made.txt").read_text(encoding="utf-8") == "x"


def test_the_qt_free_checks_pass_on_this_installation() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run_self_test(out, err, checks=CORE_CHECKS) == EXIT_PASSED, err.getvalue()
    assert "migrations" in out.getvalue() and "Excel round trip" in out.getvalue()


ORCHESTRATOR_WITHOUT_QT = """
import json, sys
from abm_planner import self_test
code = self_test.run_self_test(checks=self_test.CORE_CHECKS)
loaded = sorted(name for name in sys.modules if name.split(".")[0] in {"PySide6", "shiboken6"})
print(json.dumps({"code": code, "qt": loaded}), file=sys.stderr)
"""


def test_the_orchestrator_and_its_core_checks_never_load_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", ORCHESTRATOR_WITHOUT_QT],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stderr.splitlines()[-1])
    assert report == {"code": EXIT_PASSED, "qt": []}, result.stderr
    assert result.stdout.startswith("self-test passed: ")


def test_the_cli_flag_runs_the_self_test_and_returns_its_status(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []

    def fake_run() -> int:
        calls.append("ran")
        return EXIT_FAILED

    monkeypatch.setattr(self_test, "run_self_test", fake_run)
    assert cli.main(["--self-test"]) == EXIT_FAILED
    assert calls == ["ran"]


def test_the_cli_help_offers_the_self_test(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "--self-test" in capsys.readouterr().out
