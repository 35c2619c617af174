"""The core runs without Qt: a server, a script or a CI box never needs PySide6."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

IMPORT_THE_CORE_AND_RUN_SUMMARY = """
import importlib, json, sys
from pathlib import Path

import abm_planner

package = Path(abm_planner.__file__).parent
# Every Qt-free layer of ARCHITECTURE.md that exists so far.
for layer in ("domain", "store", "services", "dmu", "plays", "agreements", "excel"):
    for source in sorted((package / layer).rglob("*.py")):
        parts = source.relative_to(package.parent).with_suffix("").parts
        if "migrations" in parts and parts[-1] != "__init__":
            continue  # env.py and the revisions run only inside Alembic
        if parts[-1] == "__init__":
            parts = parts[:-1]
        importlib.import_module(".".join(parts))
for module in ("abm_planner.cli", "abm_planner.assets", "abm_planner.errors"):
    importlib.import_module(module)

from abm_planner.cli import main

status = main(["summary", sys.argv[1], "--json"])
loaded = sorted(
    name for name in sys.modules
    if name.split(".")[0] in {"PySide6", "shiboken6"} or name.startswith("abm_planner.gui")
)
print(json.dumps({"status": status, "qt_modules": loaded}), file=sys.stderr)
"""


def test_the_core_and_the_summary_command_never_load_qt(demo_plan_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_THE_CORE_AND_RUN_SUMMARY, str(demo_plan_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report == {"status": 0, "qt_modules": []}
    assert json.loads(result.stdout)["accounts"] > 0


def lint_imports_command() -> str:
    beside_python = Path(sys.executable).parent / "lint-imports"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("lint-imports")
    assert found, "import-linter is a dev dependency: pip install -e '.[dev]'"
    return found


def test_the_import_contracts_hold() -> None:
    """pyproject.toml's contracts: no Qt in the core; gui > services > store > domain."""
    result = subprocess.run(
        [lint_imports_command(), "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
