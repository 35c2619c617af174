"""The parts ABM Planner runs on and their licences, read from the installed package metadata.

One list for two readers: the About dialog shows it, and the PyInstaller spec copies the
same distributions' metadata into the bundle, so a bundle and a pip install show the same
parts. The list is the closure of the app's run-time requirements (extras left out) that
are installed, so it never names a part that is not there.
"""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from importlib.metadata import Distribution as _Distribution
from importlib.metadata import PackageNotFoundError, distribution
from typing import Any

APP_DISTRIBUTION = "abm-planner"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_LICENCE_CLASSIFIER = "License :: "
_SHORT_LICENCE_FIELD = 60  # longer License fields hold the whole licence text


@dataclass(frozen=True, slots=True)
class Part:
    """One bundled part: its distribution name, version and licence (an SPDX id if known)."""

    name: str
    version: str
    licence: str


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _find(name: str) -> _Distribution | None:
    try:
        return distribution(name)
    except PackageNotFoundError:
        return None


def _requirements(found: _Distribution) -> list[str]:
    """Names of the run-time requirements: entries behind an ``extra ==`` marker are options."""
    names = []
    for requirement in found.requires or []:
        _spec, _, marker = requirement.partition(";")
        if "extra" in marker:
            continue
        match = _NAME.match(requirement)
        if match:
            names.append(match.group(1))
    return names


def runtime_distributions(root: str = APP_DISTRIBUTION) -> list[str]:
    """The installed distributions ``root`` needs at run time, ``root`` itself left out."""
    seen: dict[str, str] = {}
    queue = [root]
    while queue:
        name = queue.pop()
        key = _canonical(name)
        if key in seen:
            continue
        found = _find(name)
        if found is None:
            continue  # a requirement for another platform or Python version
        seen[key] = found.name or name
        queue += _requirements(found)
    seen.pop(_canonical(root), None)
    return sorted(seen.values(), key=str.lower)


def licence_of(found: _Distribution) -> str:
    """The licence as the metadata states it: SPDX expression, short field, or classifier."""
    # An email.message.Message: .get() answers None for a field that is not there, where
    # [] warns on newer Pythons; typeshed's PackageMetadata protocol does not declare it.
    metadata: Any = found.metadata
    expression = metadata.get("License-Expression")
    if expression:
        return str(expression)
    field = str(metadata.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= _SHORT_LICENCE_FIELD:
        return field
    classifiers = [
        c.split(" :: ")[-1]
        for c in metadata.get_all("Classifier") or []
        if c.startswith(_LICENCE_CLASSIFIER)
    ]
    if classifiers:
        return ", ".join(classifiers)
    return "see its metadata"


def bundled_parts() -> list[Part]:
    """Python, then every run-time distribution with its version and licence."""
    parts = [Part("Python", platform.python_version(), "PSF-2.0")]
    for name in runtime_distributions():
        found = _find(name)
        if found is not None:
            parts.append(Part(name, found.version, licence_of(found)))
    return parts


def app_licence() -> str:
    """The app's own licence (from its metadata; "unknown" in a checkout never installed)."""
    found = _find(APP_DISTRIBUTION)
    return licence_of(found) if found is not None else "unknown"
