"""Seeing every version of the why and comparing two side by side."""

from __future__ import annotations

from datetime import timedelta

from pathfinder.paths import Paths
from pathfinder.services.why import save_why
from pathfinder.views.compass.why_history import WhyHistoryView


def test_before_any_why_the_history_explains_itself(notebook: Paths, qtbot, clock) -> None:
    view = WhyHistoryView(clock)
    qtbot.addWidget(view)
    assert view.currentWidget() is view.empty
    with qtbot.waitSignal(view.write_requested, timeout=10_000):
        view.empty.button.click()


def test_both_versions_are_listed_and_compared(notebook: Paths, qtbot, clock) -> None:
    first_day = clock()
    save_why("Teaching", "UX research at a school", "people", now=first_day)
    clock.advance(days=7)
    save_why("Teaching", "Learning design at a school", "people", now=clock())
    view = WhyHistoryView(clock)
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() == 2
    newest = model.data(model.index(0))
    oldest = model.data(model.index(1))
    assert newest.endswith("(current)")
    assert "7 days ago" in oldest

    older_text = view.comparison.older_view.toPlainText()
    newer_text = view.comparison.newer_view.toPlainText()
    assert "UX research at a school" in older_text
    assert "Learning design at a school" in newer_text
    assert "<s" in view.comparison.older_view.toHtml() or "line-through" in (
        view.comparison.older_view.toHtml()
    )
    assert "taken out" in view.comparison.legend.text()


def test_picking_any_two_versions_compares_them(notebook: Paths, qtbot, clock) -> None:
    for number, text in enumerate(["One", "Two", "Three"]):
        save_why("", text, "", now=clock() + timedelta(days=7 * number))
    view = WhyHistoryView(clock)
    qtbot.addWidget(view)
    view.comparison.older_combo.setCurrentIndex(2)  # "One"
    view.comparison.newer_combo.setCurrentIndex(0)  # "Three"
    assert "One" in view.comparison.older_view.toPlainText()
    assert "Three" in view.comparison.newer_view.toPlainText()
    # Picking a version in the list compares it with the one before it.
    view.list_view.setCurrentIndex(view.model.index(1))
    assert "One" in view.comparison.older_view.toPlainText()
    assert "Two" in view.comparison.newer_view.toPlainText()


def test_a_single_version_says_how_to_get_a_comparison(notebook: Paths, qtbot, clock) -> None:
    save_why("Teaching", "UX research", "", now=clock())
    view = WhyHistoryView(clock)
    qtbot.addWidget(view)
    assert "only one version" in view.comparison.legend.text()
