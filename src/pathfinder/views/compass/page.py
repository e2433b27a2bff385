"""The Compass section: the why, its history, target roles and goals, as four tabs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

from PySide6.QtCore import QEvent
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from pathfinder.services.conversation_figures import figures
from pathfinder.services.why import Why, current_why
from pathfinder.views.compass.goals import GOAL_KIND
from pathfinder.views.compass.roles import ROLE_KIND
from pathfinder.views.compass.why_editor import WhyEditor
from pathfinder.views.compass.why_history import WhyHistoryView
from pathfinder.views.icons import themed_icon
from pathfinder.views.widgets.record_page import RecordListPage
from pathfinder.views.widgets.section_tabs import keep_tab_if_unsaved, section_top, visit_tabs

WHY_TAB, HISTORY_TAB, ROLES_TAB, GOALS_TAB = range(4)
TAB_ICONS = ("why", "history", "role", "goal")


class CompassPage(QWidget):
    key = "compass"
    title = "Compass"
    icon = "compass"

    def __init__(
        self,
        undo_stack: QUndoStack,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout, (self.summary, self.figures), self.tabs = section_top(self, "Compass", lines=2)
        self._clock = clock
        self.why_editor = WhyEditor(clock, status)
        self.history = WhyHistoryView(clock)
        self.roles = RecordListPage(ROLE_KIND, undo_stack, clock, status)
        self.goals = RecordListPage(GOAL_KIND, undo_stack, clock, status)
        self.tabs.addTab(self.why_editor, "&Your why")
        self.tabs.addTab(self.history, "Hi&story")
        self.tabs.addTab(self.roles, "Target &roles")
        self.tabs.addTab(self.goals, "&Goals")
        self._paint_icons()
        self._tab = WHY_TAB
        self._status = status
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout.addWidget(self.tabs, 1)

        self.why_editor.saved.connect(self._on_why_saved)
        self.history.write_requested.connect(lambda: self.tabs.setCurrentIndex(WHY_TAB))
        self._show_summary(current_why())
        self._show_figures()

    def flush(self) -> bool:
        """Save anything typed and not yet saved; False if something could not be saved."""
        results = [self.why_editor.flush(), self.roles.flush(), self.goals.flush()]
        return all(results)

    def _show_figures(self) -> None:
        numbers = figures(self._clock().date(), months=3)
        if not numbers.total_met:
            self.figures.setText("")
            return
        months = ", ".join(
            f"{count} in {start.strftime('%B')}" for start, count in numbers.per_month
        )
        ruled_out = numbers.outcomes.get("doesnt_fit", 0)
        fits = numbers.outcomes.get("fits", 0)
        self.figures.setText(
            f"Informational interviews: {months}. {fits} found a fit, {ruled_out} ruled a role "
            f"out; {numbers.introductions} introduction"
            f"{'s' if numbers.introductions != 1 else ''} and {numbers.opportunities} "
            f"opportunit{'ies' if numbers.opportunities != 1 else 'y'} came from them."
        )

    def on_shown(self) -> None:
        self._show_figures()

    def show_place(self, place: str) -> None:
        """Open a tab by name ("why", "goals"), or start a goal ("new goal")."""
        tab = {"why": WHY_TAB, "goals": GOALS_TAB, "new goal": GOALS_TAB}.get(place)
        if tab is None:
            return
        self.tabs.setCurrentIndex(tab)
        if place == "new goal" and self.tabs.currentIndex() == GOALS_TAB:
            self.goals.add_record()

    def add_new(self) -> None:
        """File ▸ New (Ctrl+N): a goal on the Goals tab, otherwise a target role."""
        if self.tabs.currentIndex() == GOALS_TAB:
            self.goals.add_record()
        else:
            self.tabs.setCurrentIndex(ROLES_TAB)
            if self.tabs.currentIndex() == ROLES_TAB:
                self.roles.add_record()

    def show_unsaved(self) -> None:
        """Bring forward the tab whose change could not be saved, with its message."""
        for index, editor in self._saving_tabs().items():
            if not editor.flush():
                self.tabs.setCurrentIndex(index)
                return

    def _saving_tabs(self) -> dict[int, WhyEditor | RecordListPage]:
        return {WHY_TAB: self.why_editor, ROLES_TAB: self.roles, GOALS_TAB: self.goals}

    def visit(self) -> Iterator[str]:
        """Show each tab in turn (for --smoke)."""
        for visited in visit_tabs(self.tabs, self.key, WHY_TAB):
            yield visited.replace("&", "")

    def _paint_icons(self) -> None:
        for index, icon in enumerate(TAB_ICONS):
            self.tabs.setTabIcon(index, themed_icon(icon))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)

    def _on_tab_changed(self, index: int) -> None:
        """Leaving a tab saves it; a change that can't be saved keeps the tab in front."""
        leaving = self._saving_tabs().get(self._tab)
        if keep_tab_if_unsaved(
            self.tabs, self._tab, leaving.flush if leaving else None, self._status
        ):
            self._tab = index

    def _on_why_saved(self, why: Why) -> None:
        self._show_summary(why)
        self.history.reload()

    def _show_summary(self, why: Why | None) -> None:
        line = why.one_line() if why else ""
        self.summary.setText(
            f"Heading for: {line}"
            if line
            else "Where you are going and why: write it down, then explore the roles and set goals."
        )
