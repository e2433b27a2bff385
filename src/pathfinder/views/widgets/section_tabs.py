"""What every section does with its tabs: visit them all, and keep a tab in front while
a change on it can't be saved."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from pathfinder.views.widgets.headings import section_title


def visit_tabs(tabs: QTabWidget, key: str, home: int = 0) -> Iterator[str]:
    """Show each tab in turn (for --smoke), then go back to `home`."""
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        yield f"{key}/{tabs.tabText(index).replace('&', '')}"
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


def section_top(
    page: QWidget, title: str, lines: int = 1
) -> tuple[QVBoxLayout, list[QLabel], QTabWidget]:
    """The top of every section: its title, `lines` labels for its figures, and its tabs
    (which the caller fills and adds to the layout)."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(16, 16, 16, 8)
    layout.setSpacing(4)
    layout.addWidget(section_title(title))
    labels = []
    for _line in range(lines):
        label = QLabel()
        label.setWordWrap(True)
        layout.addWidget(label)
        labels.append(label)
    layout.addSpacing(8)
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.setAccessibleName(title)
    return layout, labels, tabs
