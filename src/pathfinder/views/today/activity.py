"""Six months of activity: a small bar chart per week, conversation outcomes, and what was
given against what was received.

Drawn with QPainter, like the journal's mood chart: a row of bars needs no chart module,
and the palette's own colours follow light and dark by themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from pathfinder.services.today import Activity, activity
from pathfinder.views.widgets.headings import subheading


class WeekBars(QWidget):
    """One bar per week; the tallest week fills the height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks: tuple[tuple[date, int], ...] = ()
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Activity per week")

    def sizeHint(self) -> QSize:
        return QSize(520, 140)

    def set_weeks(self, weeks: tuple[tuple[date, int], ...]) -> None:
        self.weeks = weeks
        total = sum(count for _week, count in weeks)
        busiest = max((count for _week, count in weeks), default=0)
        self.setAccessibleDescription(
            f"{total} things over {len(weeks)} weeks; the busiest week had {busiest}"
        )
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        area = QRectF(self.rect()).adjusted(2, 4, -2, -18)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        if not self.weeks:
            return
        tallest = max(count for _week, count in self.weeks) or 1
        slot = area.width() / len(self.weeks)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        for index, (week, count) in enumerate(self.weeks):
            height = area.height() * count / tallest
            bar = QRectF(
                area.left() + index * slot + slot * 0.15,
                area.bottom() - height,
                slot * 0.7,
                height,
            )
            painter.fillRect(bar, highlight)
            if week.day <= 7:  # the first week of a month carries the month's name
                painter.drawText(
                    QRectF(area.left() + index * slot, area.bottom() + 2, slot * 4, 16),
                    Qt.AlignmentFlag.AlignLeft,
                    QLocale().monthName(week.month, QLocale.FormatType.ShortFormat),
                )


class ActivityView(QWidget):
    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 8, 0)
        layout.setSpacing(8)
        layout.addWidget(subheading("Activity, week by week"))
        self.bars = WeekBars()
        layout.addWidget(self.bars)
        self.caption = QLabel(
            "Interactions logged and journal entries written, per week, over the last six months."
        )
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        layout.addSpacing(8)
        layout.addWidget(subheading("Conversation outcomes"))
        self.outcomes = QLabel()
        self.outcomes.setWordWrap(True)
        layout.addWidget(self.outcomes)
        layout.addSpacing(8)
        layout.addWidget(subheading("Giving and receiving"))
        self.giving = QLabel()
        self.giving.setWordWrap(True)
        layout.addWidget(self.giving)
        layout.addStretch(1)
        self.shown: Activity | None = None

    def reload(self) -> None:
        figures = activity(self._clock().date())
        self.shown = figures
        self.bars.set_weeks(figures.weeks)
        busiest = max((count for _week, count in figures.weeks), default=0)
        total = sum(count for _week, count in figures.weeks)
        self.caption.setText(
            "Interactions logged and journal entries written, per week, over the last six "
            f"months: {total} in all, {busiest} in the busiest week."
        )
        fits = figures.outcomes.get("fits", 0)
        ruled_out = figures.outcomes.get("doesnt_fit", 0)
        unsure = figures.outcomes.get("not_sure", 0)
        if fits + ruled_out + unsure == 0:
            self.outcomes.setText(
                "No outcomes yet. After an informational interview, note whether the work "
                "fits you: both answers move you forward."
            )
        else:
            self.outcomes.setText(
                f"Fits me: {fits} · Doesn't fit me: {ruled_out}"
                + (" (each one a useful finding)" if ruled_out else "")
                + f" · Not sure yet: {unsure}"
            )
        gave, received = figures.giving.gave, figures.giving.received
        if gave + received == 0:
            self.giving.setText(
                "Nothing logged yet. Networking works both ways: an article, a congratulation "
                "or an introduction counts as giving."
            )
        else:
            balance = (
                "you give as much as you get"
                if gave >= received
                else "a small thank-you or an article would even it up"
            )
            self.giving.setText(f"You gave {gave} times and received {received}: {balance}.")
