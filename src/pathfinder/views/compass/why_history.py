"""Every version of the why, and any two of them side by side with the changes marked."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services.why import Chunk, Why, compare_versions, why_history
from pathfinder.views.formatting import full_date_at_time, relative_time, short_date_time
from pathfinder.views.widgets.empty_state import EmptyState

ModelIndex = QModelIndex | QPersistentModelIndex


class WhyHistoryModel(QAbstractListModel):
    """The why's versions, newest first."""

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.versions: list[Why] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.versions = why_history()
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.versions)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        why = self.versions[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            label = short_date_time(why.written_at)
            if index.row() == 0:
                return f"{label} (current)"
            return f"{label} ({relative_time(why.written_at, self._clock())})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return why.one_line()
        return None


def _blend(base: QColor, tint: QColor, amount: float) -> str:
    red = base.redF() * (1 - amount) + tint.redF() * amount
    green = base.greenF() * (1 - amount) + tint.greenF() * amount
    blue = base.blueF() * (1 - amount) + tint.blueF() * amount
    return QColor.fromRgbF(red, green, blue).name()


def chunks_to_html(chunks: list[Chunk], palette: QPalette) -> str:
    """Removed words struck through and dimmed; added words bold on a soft highlight."""
    added_background = _blend(
        palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight), 0.3
    )
    dimmed = palette.color(QPalette.ColorRole.PlaceholderText).name()
    parts = []
    for chunk in chunks:
        text = html.escape(chunk.text).replace("\n", "<br>")
        if chunk.kind == "removed":
            parts.append(f'<s style="color:{dimmed}">{text}</s>')
        elif chunk.kind == "added":
            parts.append(f'<b style="background-color:{added_background}">{text}</b>')
        else:
            parts.append(text)
    return "".join(parts) or "<i>(empty)</i>"


class WhyComparison(QWidget):
    """Two versions side by side."""

    def __init__(self, model: WhyHistoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        pickers = QHBoxLayout()
        older_label = QLabel("&Compare")
        self.older_combo = QComboBox()
        self.older_combo.setModel(model)
        self.older_combo.setAccessibleName("Older version")
        older_label.setBuddy(self.older_combo)
        newer_label = QLabel("&with")
        self.newer_combo = QComboBox()
        self.newer_combo.setModel(model)
        self.newer_combo.setAccessibleName("Newer version")
        newer_label.setBuddy(self.newer_combo)
        for widget in (older_label, self.older_combo, newer_label, self.newer_combo):
            pickers.addWidget(widget)
        pickers.addStretch(1)
        layout.addLayout(pickers)

        panes = QHBoxLayout()
        panes.setSpacing(12)
        self.older_view = QTextBrowser()
        self.older_view.setAccessibleName("Older version, with removed words struck through")
        self.newer_view = QTextBrowser()
        self.newer_view.setAccessibleName("Newer version, with added words in bold")
        for view in (self.older_view, self.newer_view):
            view.setOpenLinks(False)
            panes.addWidget(view)
        layout.addLayout(panes, 1)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.older_combo.currentIndexChanged.connect(self.render)
        self.newer_combo.currentIndexChanged.connect(self.render)

    def show_pair(self, older_row: int, newer_row: int) -> None:
        for combo, row in ((self.older_combo, older_row), (self.newer_combo, newer_row)):
            combo.blockSignals(True)
            combo.setCurrentIndex(row)
            combo.blockSignals(False)
        self.render()

    def render(self) -> None:
        versions = self._model.versions
        older_row, newer_row = self.older_combo.currentIndex(), self.newer_combo.currentIndex()
        if not (0 <= older_row < len(versions) and 0 <= newer_row < len(versions)):
            self.older_view.clear()
            self.newer_view.clear()
            return
        older, newer = versions[older_row], versions[newer_row]
        if older.written_at > newer.written_at:
            older, newer = newer, older
        palette = self.palette()
        left, right = [], []
        for part in compare_versions(older, newer):
            heading = f"<p><b>{html.escape(part.label)}</b></p>"
            left.append(heading + f"<p>{chunks_to_html(part.older, palette)}</p>")
            right.append(heading + f"<p>{chunks_to_html(part.newer, palette)}</p>")
        self.older_view.setHtml(f"<h3>{full_date_at_time(older.written_at)}</h3>" + "".join(left))
        self.newer_view.setHtml(f"<h3>{full_date_at_time(newer.written_at)}</h3>" + "".join(right))
        if older.id == newer.id:
            self.legend.setText(
                "There is only one version so far. Change your why on another day, or use "
                "“Start a new version”, and you can compare them here."
                if len(versions) == 1
                else "Both sides show the same version."
            )
        else:
            self.legend.setText(
                "Words struck through on the left were taken out; words in bold on the "
                "right were added."
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.render()
        super().changeEvent(event)


class WhyHistoryView(QStackedWidget):
    """The list of versions beside the comparison; an empty state before the first why."""

    write_requested = Signal()

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = WhyHistoryModel(clock, self)
        self.empty = EmptyState(
            "history",
            "Each version of your why will be kept here with its date, so you can look "
            "back and see how your direction has grown.",
            "&Write my why",
        )
        self.empty.button.clicked.connect(self.write_requested)
        self.addWidget(self.empty)

        content = QWidget()
        layout = QHBoxLayout(content)
        layout.setContentsMargins(16, 16, 16, 16)
        splitter = QSplitter()
        splitter.setObjectName("compass.history")
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setAccessibleName("Versions of your why")
        self.list_view.setMinimumWidth(150)
        self.list_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.comparison = WhyComparison(self.model)
        splitter.addWidget(self.list_view)
        splitter.addWidget(self.comparison)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 770])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter)
        self.addWidget(content)
        self.list_view.selectionModel().currentChanged.connect(self._on_version_picked)
        self.reload()

    def reload(self) -> None:
        self.model.reload()
        count = len(self.model.versions)
        self.setCurrentIndex(0 if count == 0 else 1)
        if count:
            self.list_view.setCurrentIndex(self.model.index(0))
            self.comparison.show_pair(min(1, count - 1), 0)

    def _on_version_picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = current.row()
        older = min(row + 1, len(self.model.versions) - 1)
        self.comparison.show_pair(older, row)
