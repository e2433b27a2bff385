"""Pathfinder's icons: drawn when asked at the size asked, greyed when disabled, in the
palette's colour (and again when it changes), found wherever the package is."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from pathfinder.paths import Paths
from pathfinder.views.main_window import MainWindow


def make_window(qtbot, paths: Paths, clock) -> MainWindow:
    window = MainWindow(paths, clock)
    qtbot.addWidget(window)
    return window


def _ink(icon: QIcon) -> set[str]:
    image = icon.pixmap(24, 24).toImage()
    return {
        image.pixelColor(x, y).name()
        for x in range(24)
        for y in range(24)
        if image.pixelColor(x, y).alpha() == 255
    }


def test_icons_follow_a_switch_to_a_dark_palette(notebook: Paths, qtbot, clock) -> None:
    window = make_window(qtbot, notebook, clock)
    app = QApplication.instance()
    before = _ink(window.navigation.item(0).icon())
    light = app.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    try:
        app.setPalette(dark)
        QApplication.processEvents()
        after = _ink(window.navigation.item(0).icon())
        tab_ink = _ink(window.sections[1].tabs.tabIcon(0))
    finally:
        app.setPalette(light)
    assert before == {light.color(QPalette.ColorRole.WindowText).name()}
    assert after == {"#eeeeee"}
    assert tab_ink == {"#eeeeee"}


def test_an_icon_is_drawn_at_the_size_asked_and_greyed_when_disabled(qtbot) -> None:
    from pathfinder.views.icons import ICON_SIZES, app_icon, themed_icon

    icon = themed_icon("today")
    assert [size.width() for size in icon.availableSizes()] == list(ICON_SIZES)
    for size in (16, 22, 37, 96):
        pixmap = icon.pixmap(size, size)
        assert (pixmap.width(), pixmap.height()) == (size, size)
    sharp = icon.pixmap(QSize(22, 22), 2.0)
    assert sharp.width() == 44 and sharp.devicePixelRatio() == 2.0
    normal = _ink(icon)
    greyed = icon.pixmap(24, 24, QIcon.Mode.Disabled).toImage()
    drawn = {
        greyed.pixelColor(x, y).name()
        for x in range(24)
        for y in range(24)
        if greyed.pixelColor(x, y).alpha() == 255
    }
    assert drawn and drawn != normal
    copy = QIcon(icon)  # a copy keeps drawing after the original is gone
    del icon
    assert copy.pixmap(16, 16).width() == 16
    assert app_icon().pixmap(64, 64).width() == 64


def test_icons_are_found_through_importlib_when_not_beside_the_modules(
    qtbot, tmp_path, monkeypatch
) -> None:
    from pathfinder.views import icons

    monkeypatch.setattr(icons, "_ICONS", tmp_path / "nowhere")
    icons._svg_source.cache_clear()
    try:
        assert "<svg" in icons._svg_source("journal")
    finally:
        icons._svg_source.cache_clear()
