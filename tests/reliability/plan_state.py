"""What a plan holds, as a digest that ignores random ids and clock times.

Two plans written by the same scripted edits have the same digest even though their
UUIDs and timestamps differ, so a killed run can be compared with a reference run
step by step: a half-applied unit of work gives a digest no step ever had.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from contextlib import closing
from pathlib import Path

_VOLATILE = re.compile(r"^(id|.*_id|created_at|updated_at|version|exported_at)$")
_SKIP_TABLES = {"alembic_version"}


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check``'s first line ("ok" for a sound file)."""
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def digest(path: Path) -> str:
    """A hash of every table's rows without ids and times (read-only)."""
    sha = hashlib.sha256()
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for table in tables:
            if table in _SKIP_TABLES:
                continue
            columns = [
                row[1]
                for row in connection.execute(f'PRAGMA table_info("{table}")')
                if not _VOLATILE.match(row[1])
            ]
            count = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            sha.update(f"{table}:{count}\n".encode())
            if not columns:
                continue
            listed = ", ".join(f'"{c}"' for c in columns)
            rows = sorted(
                repr(row) for row in connection.execute(f'SELECT {listed} FROM "{table}"')
            )
            sha.update("\n".join(rows).encode())
    return sha.hexdigest()
