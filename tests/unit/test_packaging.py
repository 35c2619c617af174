"""A wheel or bundle carries every package and data file the checkout has."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from abm_planner import assets

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "abm_planner"
# Alembic loads revision files by path; the folder is shipped but is no import package.
LOADED_BY_PATH = {PACKAGE / "store" / "migrations" / "versions"}


def pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def listed_packages() -> set[str]:
    return set(pyproject()["tool"]["setuptools"]["packages"])


def source_folders() -> list[Path]:
    """Folders under abm_planner/ that hold Python code (not caches)."""
    return sorted(
        {source.parent for source in PACKAGE.rglob("*.py") if "__pycache__" not in source.parts}
    )


def dotted(folder: Path) -> str:
    return ".".join(folder.relative_to(REPO).parts)


def test_every_package_is_listed_for_the_wheel() -> None:
    packages = sorted(
        dotted(init.parent)
        for init in PACKAGE.rglob("__init__.py")
        if "__pycache__" not in init.parts
    )
    missing = sorted(set(packages) - listed_packages())
    assert missing == [], f"add to [tool.setuptools] packages in pyproject.toml: {missing}"


def test_every_folder_of_code_is_a_package() -> None:
    """A folder without __init__.py is a namespace package: linters and bundlers miss it."""
    without_init = [
        dotted(folder)
        for folder in source_folders()
        if folder not in LOADED_BY_PATH and not (folder / "__init__.py").exists()
    ]
    assert without_init == []


def test_every_listed_package_exists() -> None:
    package_dirs = pyproject()["tool"]["setuptools"].get("package-dir", {})
    for name in listed_packages():
        folder = REPO / package_dirs.get(name, name.replace(".", "/"))
        assert folder.is_dir(), name


def test_the_play_library_is_found_as_package_data() -> None:
    library = assets.resource("play_library.json")
    assert library.is_file()
    plays = json.loads(library.read_text(encoding="utf-8"))
    assert len(plays) >= 7
    assert all(play["name"] and play["lead_function"] for play in plays)


def test_the_demo_portfolio_is_found_as_package_data() -> None:
    assert assets.read_json("demo", "portfolio.json")["accounts"]


def test_data_files_are_matched_by_the_package_data_patterns() -> None:
    patterns = pyproject()["tool"]["setuptools"]["package-data"]["abm_planner._resources"]
    resources = REPO / "resources"
    shipped = {path for pattern in patterns for path in resources.glob(pattern)}
    data_files = {
        path
        for path in resources.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    }
    assert sorted(map(str, data_files - shipped)) == []
