"""The why's versions and the comparison of two of them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pathfinder.paths import Paths
from pathfinder.services.validation import ValidationError
from pathfinder.services.why import (
    WHY_PART_LIMIT,
    compare_texts,
    compare_versions,
    current_why,
    save_why,
    why_history,
)

MONDAY = datetime(2026, 3, 2, 19, 30)


def test_nothing_is_written_at_first(notebook: Paths) -> None:
    assert current_why() is None
    assert why_history() == []
    assert save_why("", "  ", "\n", now=MONDAY) is None
    assert why_history() == []


def test_changes_on_the_same_day_revise_that_days_version(notebook: Paths) -> None:
    save_why("Teaching", "UX research", "I like people", now=MONDAY)
    save_why("Teaching science", "UX research", "I like people", now=MONDAY.replace(hour=22))
    history = why_history()
    assert len(history) == 1
    assert history[0].coming_from == "Teaching science"
    assert history[0].written_at == MONDAY
    assert history[0].updated_at == MONDAY.replace(hour=22)


def test_a_change_a_week_later_keeps_the_old_version(notebook: Paths) -> None:
    save_why("Teaching", "UX research", "I like people", now=MONDAY)
    later = MONDAY + timedelta(days=7)
    save_why("Teaching", "Learning design", "I like people", now=later)
    history = why_history()
    assert [why.going_to for why in history] == ["Learning design", "UX research"]
    assert [why.written_at for why in history] == [later, MONDAY]
    current = current_why()
    assert current is not None and current.going_to == "Learning design"


def test_asking_for_a_new_version_keeps_todays_one(notebook: Paths) -> None:
    save_why("Teaching", "UX research", "", now=MONDAY)
    save_why("Teaching", "Product research", "", now=MONDAY.replace(hour=21), new_version=True)
    assert [why.going_to for why in why_history()] == ["Product research", "UX research"]


def test_saving_the_same_text_again_changes_nothing(notebook: Paths) -> None:
    first = save_why("Teaching", "UX research", "", now=MONDAY)
    again = save_why(" Teaching ", "UX research\n", "", now=MONDAY + timedelta(days=3))
    assert again == first
    assert len(why_history()) == 1


def test_an_oversized_paste_is_refused_and_nothing_changes(notebook: Paths) -> None:
    save_why("Teaching", "UX research", "", now=MONDAY)
    with pytest.raises(ValidationError) as raised:
        save_why("Teaching", "x" * (10 * 1024 * 1024), "", now=MONDAY + timedelta(days=1))
    assert raised.value.field == "going_to"
    assert "10,485,760 characters" in raised.value.message
    assert [why.going_to for why in why_history()] == ["UX research"]
    longest = save_why("Teaching", "y" * WHY_PART_LIMIT, "", now=MONDAY + timedelta(days=1))
    assert longest is not None and len(longest.going_to) == WHY_PART_LIMIT


def test_one_line_prefers_where_they_want_to_go(notebook: Paths) -> None:
    why = save_why("Teaching", "  UX research\n in edtech ", "people", now=MONDAY)
    assert why is not None and why.one_line() == "UX research in edtech"
    only_reason = save_why("", "", "Because", now=MONDAY, new_version=True)
    assert only_reason is not None and only_reason.one_line() == "Because"


def test_compare_marks_removed_and_added_words() -> None:
    left, right = compare_texts("I want to teach children", "I want to research how children learn")
    assert [(c.text, c.kind) for c in left if c.kind != "same"] == [("teach", "removed")]
    assert [(c.text, c.kind) for c in right if c.kind != "same"] == [
        ("research how", "added"),
        (" learn", "added"),
    ]


def test_compare_versions_covers_every_part(notebook: Paths) -> None:
    old = save_why("Teaching", "UX research", "people", now=MONDAY)
    new = save_why("Teaching", "Learning design", "people", now=MONDAY + timedelta(days=7))
    assert old is not None and new is not None
    parts = compare_versions(old, new)
    assert [part.name for part in parts] == ["coming_from", "going_to", "reason"]
    assert [part.changed for part in parts] == [False, True, False]


@given(st.text(max_size=200), st.text(max_size=200))
def test_comparison_sides_rebuild_each_version(older: str, newer: str) -> None:
    left, right = compare_texts(older, newer)
    assert "".join(c.text for c in left) == older
    assert "".join(c.text for c in right) == newer
    assert all(c.kind in ("same", "removed") for c in left)
    assert all(c.kind in ("same", "added") for c in right)
    if older == newer:
        assert all(c.kind == "same" for c in left + right)
