"""The parts the app ships with and their licences, as the About dialog and the bundle list them."""

from __future__ import annotations

from email.message import Message
from typing import Any

from abm_planner import bundled_parts
from abm_planner.bundled_parts import Part, licence_of, runtime_distributions


class FakeDistribution:
    """Just enough of importlib.metadata.Distribution for licence_of."""

    def __init__(self, **fields: Any) -> None:
        self.metadata = Message()
        for name, value in fields.items():
            for item in value if isinstance(value, list) else [value]:
                self.metadata[name.replace("_", "-")] = item


def test_the_runtime_closure_holds_the_dependencies_and_no_development_tools() -> None:
    names = {name.lower().replace("_", "-") for name in runtime_distributions()}
    assert {"pyside6-essentials", "shiboken6", "sqlalchemy", "alembic", "mako"} <= names
    assert {"networkx", "numpy", "scipy", "openpyxl", "xlsxwriter", "python-calamine"} <= names
    assert not names & {"pytest", "pytest-qt", "hypothesis", "ruff", "mypy", "pyinstaller"}
    assert "abm-planner" not in names


def test_every_part_has_a_version_and_a_licence() -> None:
    parts = bundled_parts.bundled_parts()
    assert parts[0].name == "Python" and parts[0].licence == "PSF-2.0"
    for part in parts:
        assert part.version and part.licence, part
    qt = next(p for p in parts if p.name.lower().startswith("pyside6"))
    assert qt.licence.startswith("LGPL-3.0-only")
    assert bundled_parts.app_licence() == "MIT"


def test_the_licence_comes_from_the_best_field_the_metadata_has() -> None:
    assert licence_of(FakeDistribution(License_Expression="BSD-3-Clause")) == "BSD-3-Clause"  # type: ignore[arg-type]
    assert licence_of(FakeDistribution(License="MIT")) == "MIT"  # type: ignore[arg-type]
    whole_text = FakeDistribution(
        License="Copyright (c) 2001, the authors.\nRedistribution and use ...",
        Classifier=["Programming Language :: Python", "License :: OSI Approved :: BSD License"],
    )
    assert licence_of(whole_text) == "BSD License"  # type: ignore[arg-type]
    assert licence_of(FakeDistribution()) == "see its metadata"  # type: ignore[arg-type]


def test_a_requirement_for_another_platform_is_left_out(monkeypatch) -> None:
    class Root:
        name = "root"
        requires = ("present>=1", 'colorama; sys_platform == "win32"', 'pytest; extra == "dev"')

    class Present:
        name = "present"
        requires = None

    found = {"root": Root, "present": Present}
    monkeypatch.setattr(bundled_parts, "_find", found.get)
    assert runtime_distributions("root") == ["present"]
    assert Part("a", "1", "MIT") == Part("a", "1", "MIT")
