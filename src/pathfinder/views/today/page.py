"""Today: the why in a line, what needs doing now, this week against the goals, and a tab
of activity over the last six months."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services import followups
from pathfinder.services.followups import FollowUpRecord
from pathfinder.services.records import RecordNotFound
from pathfinder.services.today import TodayView, today_view
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.formatting import full_date, relative_time
from pathfinder.views.icons import themed_icon
from pathfinder.views.today.activity import ActivityView
from pathfinder.views.widgets.empty_state import EmptyState
from pathfinder.views.widgets.headings import subheading
from pathfinder.views.widgets.lines_model import PAYLOAD_ROLE, LinesModel
from pathfinder.views.widgets.section_tabs import section_top, visit_tabs
from pathfinder.views.widgets.undo import AlreadyDoneCommand

NOW_TAB, ACTIVITY_TAB = range(2)
FIRST_RUN = (
    "Start with the people you already know: add the first three (a former colleague, "
    "a classmate, a friend who works somewhere interesting). Today fills up from there."
)


class _TodayLines(LinesModel):
    """A Today list's lines; a line without a record ("… and 3 more") is a note, shown
    greyed, that the keyboard steps over and the buttons can't act on."""

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if index.isValid() and self.lines[index.row()][2] is None:
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index)


class TodayList(QWidget):
    """A heading, a short list (or one sentence when it is empty) and its buttons."""

    def __init__(self, heading: str, name: str, empty: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.heading = subheading(heading)
        layout.addWidget(self.heading)
        self.model = _TodayLines(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(name)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(1)
        self.view.setMinimumHeight(140)
        self.empty = QLabel(empty)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.setContentsMargins(4, 4, 4, 4)
        empty_layout.addWidget(self.empty)
        self.empty_button = QPushButton()
        self.empty_button.hide()
        empty_layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)
        self.stack.addWidget(empty_page)
        layout.addWidget(self.stack, 1)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)

    def add_button(self, button: QPushButton) -> QPushButton:
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        return button

    def set_lines(self, lines: list[tuple[str, str, object]]) -> None:
        self.model.set_lines(lines)
        self.stack.setCurrentIndex(0 if lines else 1)
        for index in range(self.buttons.count()):
            widget = self.buttons.itemAt(index).widget()
            if widget is not None:
                widget.setEnabled(bool(lines))
        if lines:
            # The first is what the buttons act on, without five lists all highlighted.
            self.view.selectionModel().setCurrentIndex(
                self.model.index(0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def current(self) -> object:
        index = self.view.currentIndex()
        return self.model.data(index, PAYLOAD_ROLE) if index.isValid() else None

    def offer(self, text: str, action: Callable[[], object]) -> None:
        """The button under the empty sentence: the next step."""
        self.empty_button.setText(text)
        self.empty_button.clicked.connect(action)
        self.empty_button.show()


class TodayPage(QWidget):
    key = "today"
    title = "Today"
    icon = "today"
    open_person = Signal(int)
    open_conversation = Signal(int)
    go_to = Signal(str)  # another section, by key
    add_person_requested = Signal()

    def __init__(
        self,
        undo_stack: QUndoStack,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._undo_stack = undo_stack
        self._clock = clock
        self._status = status
        layout, (self.why, self.week), self.tabs = section_top(self, "Today", lines=2)
        self.why.setTextFormat(Qt.TextFormat.RichText)
        self.why.linkActivated.connect(lambda _link: self.go_to.emit("compass/why"))
        # One line, cut short with "…" when it is long; the whole why is in the tooltip.
        self.why.setWordWrap(False)
        self.why.setMinimumWidth(200)
        self._why_text = ""
        self.why.setToolTip("Your why, in a line: click to open Compass")

        self.now = QStackedWidget()
        self.first_run = EmptyState("people", FIRST_RUN, "&Add a person")
        self.first_run.button.clicked.connect(self.add_person_requested)
        self.now.addWidget(self.first_run)
        self.now.addWidget(self._build_lists())
        self.activity = ActivityView(clock)
        self.tabs.addTab(self.now, "&Now")
        self.tabs.addTab(self.activity, "A&ctivity")
        self.tabs.currentChanged.connect(lambda _index: self.reload())
        layout.addWidget(self.tabs, 1)
        self._paint_icons()
        self.view: TodayView | None = None
        self.reload()

    def _build_lists(self) -> QWidget:
        grid_page = QWidget()
        grid = QGridLayout(grid_page)
        grid.setContentsMargins(0, 12, 8, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(16)

        self.follow_ups = TodayList(
            "Follow-ups due",
            "Follow-ups due and overdue",
            "Nothing is due. When you promise to get back to someone, add a follow-up on "
            "their page in People.",
        )
        self.follow_ups.offer("Go to People", lambda: self.go_to.emit("people"))
        self.done_button = self.follow_ups.add_button(QPushButton("&Done"))
        self.done_button.clicked.connect(self.mark_done)
        self.snooze_button = self.follow_ups.add_button(QPushButton("&Snooze"))
        snooze = QMenu(self.snooze_button)
        snooze.addAction("A day", lambda: self.snooze(1))
        snooze.addAction("A week", lambda: self.snooze(7))
        snooze.addAction("Until a date…", self.snooze_until)
        self.snooze_button.setMenu(snooze)
        self.follow_up_person = self.follow_ups.add_button(QPushButton("&Open person"))
        self.follow_up_person.clicked.connect(lambda: self._open_person_of(self.follow_ups))
        self.follow_ups.view.activated.connect(lambda _i: self._open_person_of(self.follow_ups))

        self.thank_yous = TodayList(
            "Thank-you notes owed",
            "Thank-you notes owed",
            "No thank-yous owed. After a conversation, a short note within two days "
            "makes people glad they helped.",
        )
        self.thank_yous.offer("Go to Conversations", lambda: self.go_to.emit("conversations"))
        self.thank_you_open = self.thank_yous.add_button(QPushButton("Open conversation"))
        self.thank_you_open.clicked.connect(self._open_thank_you)
        self.thank_yous.view.activated.connect(lambda _i: self._open_thank_you())

        self.going_cold = TodayList(
            "Going cold",
            "People going cold",
            "Nobody is going cold. Give people a stay-in-touch rhythm on their page, and "
            "they show up here when it lapses.",
        )
        self.going_cold.offer("Go to People", lambda: self.go_to.emit("people"))
        self.cold_person = self.going_cold.add_button(QPushButton("Open person"))
        self.cold_person.clicked.connect(lambda: self._open_person_of(self.going_cold))
        self.going_cold.view.activated.connect(lambda _i: self._open_person_of(self.going_cold))

        self.contact_next = TodayList(
            "Who to contact next",
            "Who to contact next",
            "Everyone has a plan already. Add people to your network and they appear here, "
            "the most useful first.",
        )
        self.contact_next.offer("Add a person", self.add_person_requested.emit)
        self.next_person = self.contact_next.add_button(QPushButton("Open person"))
        self.next_person.clicked.connect(lambda: self._open_person_of(self.contact_next))
        self.contact_next.view.activated.connect(lambda _i: self._open_person_of(self.contact_next))

        self.goals = TodayList(
            "Goals",
            "Goals and how they are going",
            "No goals yet. A goal such as “two conversations a week” shows here with how "
            "it's going.",
        )
        self.goals.offer("Set a &goal", lambda: self.go_to.emit("compass/new goal"))
        self.goals_open = self.goals.add_button(QPushButton("Open Com&pass"))
        self.goals_open.clicked.connect(lambda: self.go_to.emit("compass/goals"))
        self.goals.view.activated.connect(lambda _i: self.go_to.emit("compass/goals"))

        grid.addWidget(self.follow_ups, 0, 0)
        grid.addWidget(self.thank_yous, 0, 1)
        grid.addWidget(self.going_cold, 1, 0)
        grid.addWidget(self.contact_next, 1, 1)
        grid.addWidget(self.goals, 2, 0, 1, 2)
        for column in (0, 1):
            grid.setColumnStretch(column, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(grid_page)
        return scroll

    # -- showing -------------------------------------------------------------

    def reload(self) -> None:
        now = self._clock()
        today = now.date()
        view = today_view(today)
        self.view = view
        self._why_text = view.why
        if view.why:
            self._show_why()
        else:
            self.why.setText(
                "No why yet. <a href='compass'>Write it in Compass</a>: a few lines on where "
                "you are heading, and why."
            )
        self.week.setText("This week: " + " · ".join(figure.words for figure in view.week) + ".")
        self.now.setCurrentIndex(0 if view.people == 0 else 1)

        more = view.follow_ups_due - len(view.follow_ups)
        self.follow_ups.heading.setText(
            f"Follow-ups due ({view.follow_ups_due})" if view.follow_ups_due else "Follow-ups due"
        )
        self.follow_ups.set_lines(
            [
                (
                    # When first, so a long reason can't push it out of sight.
                    (
                        "Due today"
                        if item.due_on == today
                        else f"Due {relative_time(item.due_on, now)} (overdue)"
                    )
                    + f" · {item.person_name}: {item.reason or 'follow up'}",
                    f"Due {full_date(item.due_on)}",
                    item,
                )
                for item in view.follow_ups
            ]
            + ([(f"… and {more} more, the oldest first above", "", None)] if more > 0 else [])
        )
        owed_more = view.thank_yous_owed - len(view.thank_yous)
        self.thank_yous.set_lines(
            [
                (
                    f"{talk.person_name}: met {relative_time(talk.met_on, now)}"
                    + (" · overdue" if talk.thank_you_overdue(today) else "")
                    if talk.met_on
                    else talk.person_name,
                    talk.title,
                    talk,
                )
                for talk in view.thank_yous
            ]
            + ([(f"… and {owed_more} more, in Conversations", "", None)] if owed_more > 0 else [])
        )
        self.going_cold.set_lines(
            [
                (
                    f"{person.name}"
                    + (f" ({person.organisation})" if person.organisation else "")
                    + f" · {person.reason}",
                    "",
                    person.person_id,
                )
                for person in view.going_cold
            ]
        )
        self.contact_next.set_lines(
            [
                (
                    f"{person.name}"
                    + (f" ({person.organisation})" if person.organisation else "")
                    + f" · {person.reason}",
                    "",
                    person.person_id,
                )
                for person in view.contact_next
            ]
        )
        self.goals.set_lines(
            [(f"{p.goal.title}: {p.words}", p.goal.kind_label, p.goal.id) for p in view.goals]
        )
        if self.tabs.currentIndex() == ACTIVITY_TAB:
            self.activity.reload()

    def _show_why(self) -> None:
        room = max(100, self.why.width() - self.fontMetrics().horizontalAdvance("Heading for: "))
        short = self.why.fontMetrics().elidedText(self._why_text, Qt.TextElideMode.ElideRight, room)
        self.why.setText(f"Heading for: <a href='compass'>{html.escape(short)}</a>")
        self.why.setToolTip(f"{self._why_text}\n\nClick to open Compass")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._why_text:
            self._show_why()

    # -- follow-ups ------------------------------------------------------------

    def _follow_up(self) -> FollowUpRecord | None:
        item = self.follow_ups.current()
        return item if isinstance(item, FollowUpRecord) else None

    def mark_done(self) -> None:
        item = self._follow_up()
        if item is None:
            return
        today = self._clock().date()
        self._act(
            f"Done: {item.reason or 'follow up'} ({item.person_name})",
            lambda: followups.mark_done(item.id, today),
            lambda: followups.reopen(item.id),
            f"Done. {item.person_name} is off today's list.",
        )

    def snooze(self, days: int) -> None:
        item = self._follow_up()
        if item is None:
            return
        today = self._clock().date()
        self._act(
            f"Snooze {item.person_name}'s follow-up",
            lambda: followups.snooze_by(item.id, today, days),
            lambda: followups.snooze(item.id, item.due_on),
            f"Snoozed for {'a day' if days == 1 else f'{days} days'}.",
        )

    def snooze_until(self) -> None:
        item = self._follow_up()
        if item is None:
            return
        tomorrow = self._clock().date() + timedelta(days=1)
        from pathfinder.views.people import dialogs  # a dialog: not needed to start

        until = dialogs.ask_for_date(self, "Snooze until", tomorrow, earliest=tomorrow)
        if until is None:
            return
        self._act(
            f"Snooze {item.person_name}'s follow-up",
            lambda: followups.snooze(item.id, until),
            lambda: followups.snooze(item.id, item.due_on),
            f"Snoozed until {full_date(until)}.",
        )

    def _act(self, text: str, do: Callable[[], None], undo: Callable[[], None], done: str) -> None:
        try:
            do()
        except (StorageWriteError, RecordNotFound) as error:
            self._status(getattr(error, "message", "That follow-up is gone.").split("\n")[0])
            self.reload()
            return
        self._undo_stack.push(
            AlreadyDoneCommand(text, self._undo_stack, do, undo, self.reload, self._status)
        )
        self.reload()
        self._status(f"{done} Edit → Undo takes it back.")

    # -- opening -----------------------------------------------------------------

    def _open_person_of(self, which: TodayList) -> None:
        item = which.current()
        if isinstance(item, FollowUpRecord):
            self.open_person.emit(item.person_id)
        elif isinstance(item, int):
            self.open_person.emit(item)

    def _open_thank_you(self) -> None:
        talk = self.thank_yous.current()
        talk_id = getattr(talk, "id", None)
        if talk_id is not None:
            self.open_conversation.emit(talk_id)

    # -- the section -------------------------------------------------------------

    def on_shown(self) -> None:
        self.reload()

    def add_new(self) -> None:
        self.add_person_requested.emit()

    def flush(self) -> bool:
        return True  # nothing here is typed

    def show_unsaved(self) -> None:
        pass

    def visit(self) -> Iterator[str]:
        yield from visit_tabs(self.tabs, self.key, NOW_TAB)

    def _paint_icons(self) -> None:
        for index, icon in enumerate(("today", "history")):
            self.tabs.setTabIcon(index, themed_icon(icon))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)
