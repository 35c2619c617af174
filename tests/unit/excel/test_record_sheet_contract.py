"""A new round-trip sheet that forgets how to read a row fails when it is written, not on import."""

from __future__ import annotations

import pytest

from abm_planner.excel.record_sheet import RecordSheet


def test_a_sheet_read_row_by_row_without_row_values_is_refused_when_defined() -> None:
    with pytest.raises(TypeError, match="needs row_values"):

        class Forgetful(RecordSheet):
            sheet = "Meetings"
