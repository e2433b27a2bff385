"""The Map section: the network drawn, with you in the centre, a ring per level and
people grouped by organisation; filters, zoom, a legend, and saving as PNG or SVG.

The picture is built the first time the section is shown, not when the window
opens, and again each time it is shown (the people may have changed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services.contact_fields import LEVEL_LABELS, SOURCE_LABELS
from pathfinder.services.network_layout import (
    COLLAPSE_ABOVE,
    Layout,
    layout,
)
from pathfinder.services.network_map import (
    MapFilter,
    NetworkMap,
    map_data,
    notebook_changes,
)
from pathfinder.services.tags import all_tags
from pathfinder.views.icons import themed_icon
from pathfinder.views.map.canvas import MapView
from pathfinder.views.map.export import save_png, save_svg
from pathfinder.views.map.legend import COLOUR_BY_WORDS, Legend
from pathfinder.views.map.scene import MapScene
from pathfinder.views.widgets.empty_state import EmptyState
from pathfinder.views.widgets.long_choice import LongChoice
from pathfinder.views.widgets.section_tabs import section_top, visit_tabs

SIDE_WIDTH = 240
FORMATS = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)"}


def _plural(count: int, word: str, words: str) -> str:
    return f"{count:,} {word if count == 1 else words}"


class MapPage(QWidget):
    key = "map"
    title = "Map"
    icon = "map"
    open_person = Signal(int)
    add_person_requested = Signal()

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
        self.collapse_above = COLLAPSE_ABOVE
        self._network: NetworkMap | None = None
        self._read: tuple[MapFilter, int] | None = None  # what _network was read for
        self._plan: tuple[NetworkMap, str, int] | None = None  # what the picture shows
        self.current_layout: Layout | None = None
        self._built = False
        self._folder: Path | None = None
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        self._build_timer.timeout.connect(self._build_if_needed)
        top, (self.summary,), self.tabs = section_top(self, "Map")
        self.tabs.addTab(self._build_network_tab(), "Network")
        self.tabs.setTabIcon(0, themed_icon("map"))
        top.addWidget(self.tabs, 1)
        self.summary.setText(
            "Your network drawn: you in the centre, the people closest to you on the nearest ring."
        )

    # -- building ------------------------------------------------------------

    def _build_network_tab(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 8, 0, 0)
        self.stack = QStackedWidget()
        self.empty = EmptyState(
            "map",
            "Your map draws itself from the people you add. Start with people you already "
            "know — former colleagues, classmates, professors, friends.",
            "Add a person",
        )
        self.empty.button.clicked.connect(self.add_person_requested)
        self.stack.addWidget(self.empty)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addLayout(self._build_filters())
        self.inner_stack = QStackedWidget()
        self.no_match = EmptyState("search", "No one matches these filters.", "Show everyone")
        self.no_match.button.clicked.connect(self.clear_filters)
        self.inner_stack.addWidget(self.no_match)
        drawing = QWidget()
        row = QHBoxLayout(drawing)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.view = MapView(self._clock)
        self.view.person_activated.connect(self.open_person)
        row.addWidget(self.view, 1)
        row.addWidget(self._build_side())
        self.inner_stack.addWidget(drawing)
        column.addWidget(self.inner_stack, 1)
        self.stack.addWidget(content)
        outer.addWidget(self.stack, 1)
        return page

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.tag_filter = LongChoice("Any tag", refresh=self._fill_tags)
        self.tag_filter.setAccessibleName("Tag")
        self.level_filter = QComboBox()
        self.level_filter.setAccessibleName("Level")
        self.level_filter.addItem("Every level", None)
        self.source_filter = QComboBox()
        self.source_filter.setAccessibleName("How you know them")
        self.source_filter.addItem("Any way you met", None)
        for level, words in LEVEL_LABELS.items():
            self.level_filter.addItem(words, level)
        for source, words in SOURCE_LABELS.items():
            self.source_filter.addItem(words, source)
        self.target_filter = QCheckBox("Target field only")
        self.target_filter.setToolTip("Only the people who work in the field you are heading for")
        self.colour_by = QComboBox()
        self.colour_by.setAccessibleName("Colour by")
        for key, words in COLOUR_BY_WORDS.items():
            self.colour_by.addItem(f"Colour: {words.lower()}", key)
        for combo in (self.tag_filter, self.level_filter, self.source_filter, self.colour_by):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(7)
            # The combos share the row's width: whole words when there is room, and
            # the window can still be narrow.
            if combo is not self.colour_by:
                combo.currentIndexChanged.connect(self.reload)
                row.addWidget(combo, 1)
        self.target_filter.toggled.connect(self.reload)
        row.addWidget(self.target_filter)
        row.addSpacing(12)
        self.colour_by.currentIndexChanged.connect(lambda _index: self._draw())
        row.addWidget(self.colour_by, 1)
        return row

    def _build_side(self) -> QWidget:
        side = QWidget()
        side.setBackgroundRole(QPalette.ColorRole.Base)
        side.setAutoFillBackground(True)
        column = QVBoxLayout(side)
        column.setContentsMargins(8, 8, 12, 12)
        column.setSpacing(6)
        self.legend = Legend()
        column.addWidget(self.legend)
        column.addStretch(1)
        hint = QLabel(
            "Drag to move, scroll to zoom; click a person to open them, or an organisation "
            "to look closer."
        )
        hint.setWordWrap(True)
        column.addWidget(hint)
        zoom = QHBoxLayout()
        self.zoom_out = QPushButton("−")
        self.zoom_out.setToolTip("Zoom out (-)")
        self.zoom_out.setAccessibleName("Zoom out")
        self.zoom_in = QPushButton("+")
        self.zoom_in.setToolTip("Zoom in (+)")
        self.zoom_in.setAccessibleName("Zoom in")
        self.fit_button = QPushButton("F&it")
        self.fit_button.setToolTip("Show the whole map (0)")
        for button in (self.zoom_out, self.zoom_in, self.fit_button):
            zoom.addWidget(button)
        self.zoom_out.clicked.connect(lambda: self.view.zoom_by(0.8))
        self.zoom_in.clicked.connect(lambda: self.view.zoom_by(1.25))
        self.fit_button.clicked.connect(self.view.fit)
        column.addLayout(zoom)
        self.png_button = QPushButton("Save as &PNG…")
        self.svg_button = QPushButton("Save as &SVG…")
        self.png_button.clicked.connect(lambda: self.save_as("png"))
        self.svg_button.clicked.connect(lambda: self.save_as("svg"))
        column.addWidget(self.png_button)
        column.addWidget(self.svg_button)
        side.setFixedWidth(SIDE_WIDTH)
        self.side = side
        return side

    def _fill_tags(self) -> None:
        self.tag_filter.set_choices([(tag, tag) for tag in all_tags()])

    # -- the picture ---------------------------------------------------------

    def current_filter(self) -> MapFilter:
        tag = self.tag_filter.value()
        return MapFilter(
            tag=str(tag) if tag else None,
            level=self.level_filter.currentData(),
            source=self.source_filter.currentData(),
            target_field=self.target_filter.isChecked(),
        )

    def reload(self) -> None:
        """Read the people again and redraw (keeping the zoom when nobody moved).

        Nothing is read when neither the filters nor the notebook changed since."""
        self._built = True
        wanted = self.current_filter()
        read = (wanted, notebook_changes())
        if read != self._read or self._network is None:
            self._network = map_data(wanted)
            self._read = read
        self._draw()

    def _draw(self, repaint: bool = False) -> None:
        """Show the network; `repaint` draws it again even if nothing moved (new colours)."""
        network = self._network
        if network is None:
            return
        if network.everyone == 0:
            self.current_layout = None
            self.stack.setCurrentWidget(self.empty)
            self._set_summary()
            return
        self.stack.setCurrentIndex(1)
        if not network.people:
            self.current_layout = None
            self.inner_stack.setCurrentWidget(self.no_match)
            self._set_summary()
            return
        self.inner_stack.setCurrentIndex(1)
        colour_by = str(self.colour_by.currentData())
        scene = self.view.map_scene()
        plan = (network, colour_by, self.collapse_above)
        drawn = self._plan
        unchanged = drawn is not None and drawn[0] is network and drawn[1:] == plan[1:]
        if scene is not None and unchanged and not repaint:
            return  # the same network, drawn the same way
        new = layout(network, self.collapse_above, colour_by)
        self._plan = plan
        if new == self.current_layout and scene is not None and not repaint:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            same_people = self.current_layout is not None and [node.key for node in new.nodes] == [
                node.key for node in self.current_layout.nodes
            ]
            self.current_layout = new
            self.view.set_map(MapScene(new, self.palette(), self.font()), keep_view=same_people)
            self.legend.show_layout(new)
            self.side.setFixedWidth(max(SIDE_WIDTH, self.legend.sizeHint().width() + 20))
        finally:
            QApplication.restoreOverrideCursor()
        self._set_summary()

    def _set_summary(self) -> None:
        network = self._network
        if network is None or network.everyone == 0:
            self.summary.setText(
                "Your network drawn: you in the centre, the people closest to you on the "
                "nearest ring."
            )
            return
        shown = len(network.people)
        if not shown:
            self.summary.setText(
                f"None of your {_plural(network.everyone, 'person', 'people')} match these filters."
            )
            return
        introductions = _plural(len(network.introductions), "introduction", "introductions")
        words = f"{_plural(shown, 'person', 'people')}, {introductions}"
        if shown < network.everyone:
            words += f" (of {network.everyone:,} people, filtered)"
        words += "."
        if self.current_layout is not None and self.current_layout.collapsed:
            words += (
                f" With more than {self.collapse_above:,} people, each organisation on a ring "
                "is one circle; narrow the filters to see each person."
            )
        self.summary.setText(words)

    def caption(self) -> str:
        return f"{self.summary.text()} Drawn by Pathfinder on {self._clock():%d %B %Y}."

    def clear_filters(self) -> None:
        for combo in (self.tag_filter, self.level_filter, self.source_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.target_filter.blockSignals(True)
        self.target_filter.setChecked(False)
        self.target_filter.blockSignals(False)
        self.reload()

    # -- saving --------------------------------------------------------------

    def save_as(self, kind: str) -> Path | None:
        """Ask where, then save the map as `kind` ("png" or "svg")."""
        scene = self.view.map_scene()
        if scene is None or self.current_layout is None:
            self._status(
                "Nobody matches these filters, so there is no map to save: show everyone first."
                if self.inner_stack.currentWidget() is self.no_match
                else "There is no map to save yet: add a few people first."
            )
            return None
        folder = self._folder or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
            or Path.home()
        )
        suggested = folder / f"network-map-{self._clock():%Y-%m-%d}.{kind}"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, f"Save the map as {kind.upper()}", str(suggested), FORMATS[kind]
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        self._folder = path.parent
        save = save_png if kind == "png" else save_svg
        try:
            save(path, scene, self.palette(), self.font(), self.caption(), self.view.zoom())
        except OSError as error:
            self._status(
                f"The map couldn't be saved as {path.name} ({error.strerror or error}). "
                "Nothing was changed there; try another folder."
            )
            return None
        self._status(f"Saved the map as {path.name}.")
        return path

    # -- the section ---------------------------------------------------------

    def on_shown(self) -> None:
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._built:
            self._build_timer.start(0)  # the window paints first; the map a moment later

    def _build_if_needed(self) -> None:
        self._build_timer.stop()
        if not self._built:
            self.reload()

    def flush(self) -> bool:
        return True  # nothing typed here waits to be saved

    def show_unsaved(self) -> None:
        pass

    def add_new(self) -> None:
        """File ▸ New: a person (the map draws them on the next look)."""
        self.add_person_requested.emit()

    def visit(self) -> Iterator[str]:
        """Show the tab (for --smoke), building the map if it isn't yet."""
        self._build_if_needed()
        yield from visit_tabs(self.tabs, self.key)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.tabs.setTabIcon(0, themed_icon("map"))
            if self.current_layout is not None:
                self._draw(repaint=True)
        super().changeEvent(event)
