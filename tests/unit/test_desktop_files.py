"""Desktop integration (packaging/linux): valid files, one id and one version, a working installer.

The validators are the freedesktop tools (Debian: desktop-file-utils, appstream,
shared-mime-info); CI installs them, and a test that needs one skips, saying so, where
it is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

from abm_planner import APP_ID

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.xml"
INSTALLER = LINUX / "install-desktop.sh"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(
            f"{name} is not installed (Debian: apt-get install desktop-file-utils appstream)"
        )
    return path


def run(*command: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(c) for c in command], capture_output=True, text=True, check=False, env=env
    )


def desktop_entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def project_version() -> str:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    result = run(tool("desktop-file-validate"), DESKTOP)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_metainfo_passes_appstreamcli_validate() -> None:
    result = run(tool("appstreamcli"), "validate", "--no-net", METAINFO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_mime_type_is_accepted_by_update_mime_database(tmp_path: Path) -> None:
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}  # else it notes the folder is unused
    result = run(tool("update-mime-database"), tmp_path / "mime", env=env)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    generated = ET.parse(tmp_path / "mime" / "application" / "x-abmplan.xml").getroot()
    assert generated.find("m:glob", MIME_NS).get("pattern") == "*.abmplan"


def test_one_id_and_one_version_everywhere() -> None:
    entry = desktop_entry(DESKTOP)
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "abm-planner %f"
    assert "application/x-abmplan;" in entry["MimeType"]
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    assert component.findtext("provides/mediatype") == "application/x-abmplan"
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == project_version()
    mime_type = ET.parse(MIME).getroot().find("m:mime-type", MIME_NS)
    assert mime_type is not None and mime_type.get("type") == "application/x-abmplan"
    spec = (REPO / "packaging" / "abm-planner.spec").read_text(encoding="utf-8")
    assert "bundle_identifier=abm_planner.APP_ID" in spec
    # The Makefile reads the id from the package with this pattern.
    source = (REPO / "abm_planner" / "__init__.py").read_text(encoding="utf-8")
    assert re.findall(r'^APP_ID = "(.*)"$', source, re.MULTILINE) == [APP_ID]


def test_the_mime_magic_matches_the_plan_header() -> None:
    from abm_planner.store import plan_file

    match = ET.parse(MIME).getroot().find("m:mime-type/m:magic/m:match/m:match", MIME_NS)
    assert match is not None and match.get("offset") == "68"
    assert int(match.get("value", ""), 16) == plan_file.APPLICATION_ID


@pytest.fixture
def share(tmp_path: Path) -> Path:
    """The share/ folder `make bundle` puts beside the program (icons stand in as files)."""
    share = tmp_path / "bundle" / "share"
    for source, target in (
        (DESKTOP, f"applications/{APP_ID}.desktop"),
        (METAINFO, f"metainfo/{APP_ID}.metainfo.xml"),
        (MIME, f"mime/packages/{APP_ID}.xml"),
        (REPO / "resources" / "app.svg", f"icons/hicolor/scalable/apps/{APP_ID}.svg"),
        (REPO / "resources" / "app.svg", f"icons/hicolor/48x48/apps/{APP_ID}.png"),
    ):
        (share / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, share / target)
    return share


def test_install_desktop_puts_everything_in_the_users_data_folder_and_takes_it_out(
    tmp_path: Path, share: Path
) -> None:
    program = tmp_path / "My Apps" / 'ABM "Planner"' / "abm-planner"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    data = tmp_path / "data"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "HOME": str(tmp_path)}

    installed = run("sh", INSTALLER, "--exec", program, "--share", share, env=env)
    assert installed.returncode == 0, installed.stderr
    desktop = data / "applications" / f"{APP_ID}.desktop"
    exec_line = desktop_entry(desktop)["Exec"]
    assert exec_line == '"' + str(program).replace('"', '\\\\"') + '" %f'
    for path in (
        data / "metainfo" / f"{APP_ID}.metainfo.xml",
        data / "mime" / "packages" / f"{APP_ID}.xml",
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        data / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png",
    ):
        assert path.is_file(), path
    if shutil.which("desktop-file-validate"):
        checked = run("desktop-file-validate", desktop)
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    if shutil.which("update-mime-database"):
        assert (data / "mime" / "application" / "x-abmplan.xml").is_file()

    removed = run("sh", INSTALLER, "--uninstall", env=env)
    assert removed.returncode == 0, removed.stderr
    left = [p for p in data.rglob("*") if p.is_file() and APP_ID in p.name]
    assert left == []
    assert not desktop.exists()


def test_a_plain_program_path_is_written_unquoted(tmp_path: Path, share: Path) -> None:
    """xdg-open's own launcher takes Exec's first word as it is, quotes and all."""
    program = tmp_path / "bundle" / "abm-planner"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    result = run("sh", INSTALLER, "--exec", program, "--share", share, env=env)
    assert result.returncode == 0, result.stderr
    desktop = tmp_path / "data" / "applications" / f"{APP_ID}.desktop"
    assert desktop_entry(desktop)["Exec"] == f"{program} %f"


def test_install_desktop_refuses_a_program_that_is_not_there(tmp_path: Path, share: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    result = run("sh", INSTALLER, "--exec", tmp_path / "missing", "--share", share, env=env)
    assert result.returncode == 1
    assert "is not a program" in result.stderr
    assert not (tmp_path / "data" / "applications").exists()
