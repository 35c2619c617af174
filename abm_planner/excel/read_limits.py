"""The stated limits of reading untrusted spreadsheets; every refusal names the one it hit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReadLimits:
    max_file_bytes: int = 200 * 1024 * 1024
    max_zip_members: int = 10_000
    max_part_bytes: int = 1024 * 1024 * 1024
    max_unpacked_bytes: int = 1536 * 1024 * 1024
    max_rows: int = 1_048_576  # Excel's own
    max_columns: int = 16_384  # Excel's own
    max_cells: int = 25_000_000  # rows x columns of one sheet's used range
    max_sheets: int = 200
    max_seconds: float = 120.0  # reading one sheet
    max_cell_chars: int = 131_072


DEFAULT_LIMITS = ReadLimits()
