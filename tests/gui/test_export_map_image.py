"""``abm-planner export --with-map``: the DMU map picture drawn off screen, Qt only then."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl

from abm_planner.excel.export_images import map_sheet_name, png_size
from abm_planner.services.accounts import list_accounts
from abm_planner.services.plans import open_plan

SCRIPT = """
import sys
from abm_planner.cli import main
code = main(sys.argv[1:])
print("qt:", any(name.startswith("PySide6") for name in sys.modules))
sys.exit(code)
"""


def _export(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)  # the command sets it when there is no display
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, "export", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_cli_export_with_map_adds_the_picture_and_without_it_stays_qt_free(
    demo_plan_path: Path, tmp_path: Path
):
    plan = open_plan(demo_plan_path, read_only=True)
    try:
        name = list_accounts(plan)[0].name
    finally:
        plan.close()
    plain = tmp_path / "plain.xlsx"
    done = _export(str(demo_plan_path), str(plain), "--account", name, "--no-findings")
    assert done.returncode == 0, done.stderr
    assert "qt: False" in done.stdout
    with zipfile.ZipFile(plain) as package:
        assert not [n for n in package.namelist() if n.startswith("xl/media/")]

    mapped = tmp_path / "mapped.xlsx"
    done = _export(
        str(demo_plan_path), str(mapped), "--account", name, "--no-findings", "--with-map"
    )
    assert done.returncode == 0, done.stderr
    assert "qt: True" in done.stdout
    workbook = openpyxl.load_workbook(mapped, read_only=True)
    try:
        assert map_sheet_name(name, []) in workbook.sheetnames
    finally:
        workbook.close()
    with zipfile.ZipFile(mapped) as package:
        (picture,) = [n for n in package.namelist() if n.startswith("xl/media/")]
        width, height = png_size(package.read(picture))
    assert width > 200 and height > 100


def test_cli_with_map_needs_an_account(demo_plan_path: Path, tmp_path: Path):
    done = _export(str(demo_plan_path), str(tmp_path / "x.xlsx"), "--with-map")
    assert done.returncode != 0
    assert "--with-map needs --account" in done.stderr
    assert not (tmp_path / "x.xlsx").exists()
