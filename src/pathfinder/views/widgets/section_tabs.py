"""What every section does with its tabs: visit them all, and keep a tab in front while
a change on it can't be saved."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QTabWidget


def visit_tabs(tabs: QTabWidget, key: str, home: int = 0) -> Iterator[str]:
    """Show each tab in turn (for --smoke), then go back to `home`."""
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        yield f"{key}/{tabs.tabText(index)}"
    tabs.setCurrentIndex(home)


def keep_tab_if_unsaved(
    tabs: QTabWidget, previous: int, flush: Callable[[], bool] | None, status: Callable[[str], None]
) -> bool:
    """Save the tab being left; if that fails, put it back in front and say so.

    True when the move may go ahead.
    """
    if flush is None or flush():
        return True
    tabs.blockSignals(True)
    tabs.setCurrentIndex(previous)
    tabs.blockSignals(False)
    status("This tab has a change that isn't saved yet: see the message on it.")
    return False
