"""Disks that fill up and files that cannot be written, made on purpose.

A full disk is a small tmpfs mounted for the test (root only) and then filled to the
last byte; without root the tests that need one are skipped and ``test_file_size_limit``
covers the same ground with ``RLIMIT_FSIZE``. Read-only files and folders use the
immutable attribute as root (root ignores permission bits) and ``chmod`` otherwise.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

FILLER = "filler.bin"


def can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@contextlib.contextmanager
def small_disk(folder: Path, size_kb: int = 8192) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` at ``folder``, unmounted afterwards (skips without root)."""
    if not can_mount():
        pytest.skip("a full disk needs root to mount a tmpfs; RLIMIT_FSIZE tests cover it")
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk of ``folder`` until only ``leave`` bytes (rounded to blocks) are free."""
    filler = folder / FILLER
    chunk = b"\0" * 65536
    with filler.open("ab") as handle:
        try:
            while True:
                free = shutil.disk_usage(folder).free
                if free <= leave:
                    break
                handle.write(chunk[: max(1, min(len(chunk), free - leave))])
                handle.flush()
        except OSError as error:
            if error.errno != errno.ENOSPC:
                raise
    return filler


def free_up(folder: Path) -> None:
    (folder / FILLER).unlink(missing_ok=True)


def leftovers(folder: Path) -> list[str]:
    """Temporary or side files a failed write left in ``folder``."""
    return sorted(
        p.name
        for p in folder.iterdir()
        if p.name.endswith((".tmp", "-journal", "-wal", "-shm")) or p.name.startswith(".")
    )


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[Path]:
    """``path`` (a file or a folder) cannot be written while the block runs."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
        try:
            yield path
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        try:
            yield path
        finally:
            path.chmod(mode)
