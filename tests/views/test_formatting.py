"""Relative times as lists show them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pathfinder.views.formatting import relative_time

NOW = datetime(2026, 3, 2, 19, 30)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 3, 2, 8, 0), "today"),
        (date(2026, 3, 1), "yesterday"),
        (date(2026, 3, 3), "tomorrow"),
        (date(2026, 2, 25), "5 days ago"),
        (date(2026, 3, 23), "in 3 weeks"),
        (date(2026, 1, 1), "2 months ago"),
        (date(2024, 1, 1), "2 years ago"),
        (date(2026, 3, 31), "in 4 weeks"),
    ],
)
def test_relative_time(moment: date, expected: str) -> None:
    assert relative_time(moment, NOW) == expected
