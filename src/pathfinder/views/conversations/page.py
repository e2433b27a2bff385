"""The Conversations section: informational interviews, events, the question bank and
outreach drafts, as four tabs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

from PySide6.QtCore import QEvent
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from pathfinder.services import conversation_figures, conversations
from pathfinder.views.conversations.drafts import DraftsView
from pathfinder.views.conversations.events import EventsView
from pathfinder.views.conversations.interviews import InterviewsView
from pathfinder.views.conversations.question_bank import QuestionBankView
from pathfinder.views.icons import themed_icon
from pathfinder.views.widgets.section_tabs import keep_tab_if_unsaved, section_top, visit_tabs

INTERVIEWS_TAB, EVENTS_TAB, QUESTIONS_TAB, DRAFTS_TAB = range(4)
CONTEXT = (
    "One informational interview in about twelve leads to a job offer, against about one "
    "résumé in two hundred (LiveCareer's figures). Each conversation counts."
)


class ConversationsPage(QWidget):
    key = "conversations"
    title = "Conversations"
    icon = "why"

    def __init__(
        self,
        undo_stack: QUndoStack,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._status = status
        layout, (self.summary,), self.tabs = section_top(self, "Conversations")
        self.interviews = InterviewsView(undo_stack, clock, status)
        self.events = EventsView(undo_stack, clock, status)
        self.questions = QuestionBankView(clock, status)
        self.drafts = DraftsView(clock, status)
        self.tabs.addTab(self.interviews, "Interviews")
        self.tabs.addTab(self.events, "Events")
        self.tabs.addTab(self.questions, "Question bank")
        self.tabs.addTab(self.drafts, "Drafts")
        self.interviews.draft_requested.connect(self.open_draft)
        self.interviews.detail.changed.connect(lambda _id: self._show_summary())
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._tab = INTERVIEWS_TAB
        layout.addWidget(self.tabs, 1)
        self._paint_icons()
        self.interviews.reload()
        self._show_summary()

    def _show_summary(self) -> None:
        today = self._clock().date()
        numbers = conversation_figures.figures(today, months=3)
        owed = [c for c in conversations.thank_yous_owed() if c.thank_you_overdue(today)]
        this_month = numbers.per_month[-1][1]
        parts = [
            f"{this_month} conversation{'s' if this_month != 1 else ''} this month",
            f"{numbers.total_met} in all",
            f"{numbers.introductions} introductions",
            f"{numbers.opportunities} opportunit{'ies' if numbers.opportunities != 1 else 'y'}",
        ]
        if numbers.outcomes.get("doesnt_fit"):
            ruled_out = numbers.outcomes["doesnt_fit"]
            parts.append(
                f"{ruled_out} role{'s' if ruled_out != 1 else ''} ruled out (a useful finding)"
            )
        if owed:
            parts.append(f"{len(owed)} thank-you{'s' if len(owed) != 1 else ''} overdue")
        self.summary.setText(" · ".join(parts) + ".\n" + CONTEXT)

    def open_draft(self, person_id: int, target_role_id: int | None) -> None:
        self.tabs.setCurrentIndex(DRAFTS_TAB)
        self.drafts.prepare(person_id, target_role_id)

    def show_conversation(self, conversation_id: int) -> None:
        self.tabs.setCurrentIndex(INTERVIEWS_TAB)
        if self.tabs.currentIndex() == INTERVIEWS_TAB:
            self.interviews.show_conversation(conversation_id)

    def show_event(self, event_id: int) -> None:
        self.tabs.setCurrentIndex(EVENTS_TAB)
        if self.tabs.currentIndex() == EVENTS_TAB:
            self.events.reload(select_id=event_id)

    def start_with(self, person_id: int) -> None:
        """Coming from a person: start a conversation with them."""
        self.tabs.setCurrentIndex(INTERVIEWS_TAB)
        self.interviews.new_conversation(person_id)

    def _tab_widgets(self) -> list[QWidget]:
        return [self.interviews, self.events, self.questions, self.drafts]

    def _on_tab_changed(self, index: int) -> None:
        leaving = self._tab_widgets()[self._tab]
        flush = getattr(leaving, "flush", None)
        if not keep_tab_if_unsaved(self.tabs, self._tab, flush, self._status):
            return
        self._tab = index
        arriving = self._tab_widgets()[index]
        reload = getattr(arriving, "reload", None)
        if reload is not None:
            reload()
        self._show_summary()

    def on_shown(self) -> None:
        if self.tabs.currentIndex() == INTERVIEWS_TAB:
            self.interviews.reload()
        self._show_summary()

    def add_new(self) -> None:
        if self.tabs.currentIndex() == EVENTS_TAB:
            self.events.add_record()
        else:
            self.tabs.setCurrentIndex(INTERVIEWS_TAB)
            self.interviews.new_conversation()

    def flush(self) -> bool:
        results = [self.interviews.flush(), self.events.flush()]
        return all(results)

    def show_unsaved(self) -> None:
        if not self.interviews.flush():
            self.tabs.setCurrentIndex(INTERVIEWS_TAB)
        elif not self.events.flush():
            self.tabs.setCurrentIndex(EVENTS_TAB)

    def visit(self) -> Iterator[str]:
        yield from visit_tabs(self.tabs, self.key, INTERVIEWS_TAB)

    def _paint_icons(self) -> None:
        for index, icon in enumerate(("why", "people", "history", "role")):
            self.tabs.setTabIcon(index, themed_icon(icon))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)
