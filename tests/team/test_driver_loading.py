"""psycopg loads where Python's ssl module is missing, as in the app bundle."""

from __future__ import annotations

import subprocess
import sys

_WITHOUT_SSL = """
import sys
class NoSsl:
    def find_spec(self, name, path=None, target=None):
        if name in ("ssl", "_ssl"):
            raise ImportError("left out of this build")
sys.meta_path.insert(0, NoSsl())
from abm_planner.store.server import load_driver
load_driver()
import psycopg
assert psycopg.pq.__impl__ in ("binary", "c"), psycopg.pq.__impl__
assert "ssl" not in sys.modules  # the stand-in was only lent for psycopg's import
print("ok")
"""


def test_psycopg_loads_without_python_ssl() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_SSL], capture_output=True, text=True, check=False
    )
    assert done.stdout.strip() == "ok", done.stderr
