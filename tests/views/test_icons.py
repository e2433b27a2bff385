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


def test_icons_are_found_through_importlib_inside_a_zip(qtbot, tmp_path, monkeypatch) -> None:
    from pathfinder.views import icons

    archive = tmp_path / "pathfinder.pyz"
    archive.write_bytes(b"PK")  # a path through a file: NotADirectoryError, not missing
    monkeypatch.setattr(icons, "_ICONS", archive / "pathfinder" / "resources" / "icons")
    icons._svg_source.cache_clear()
    try:
        assert "<svg" in icons._svg_source("people")
    finally:
        icons._svg_source.cache_clear()


def test_changing_a_copy_of_an_icon_keeps_both_drawing() -> None:
    # Qt copies the drawing engine when a shared icon is changed; a copy Python let go of
    # would be deleted under Qt and crash the process, so this runs in a child process.
    import subprocess
    import sys

    child = (
        "import gc\n"
        "from PySide6.QtGui import QIcon, QPixmap\n"
        "from pathfinder.app import application\n"
        "application()\n"
        "from pathfinder.views.icons import themed_icon\n"
        "shared = themed_icon('today')\n"
        "changed = QIcon(shared)\n"
        "changed.addPixmap(QPixmap(4, 4))\n"
        "gc.collect()\n"
        "print(shared.pixmap(16, 16).width(), changed.pixmap(32, 32).width())\n"
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["16", "32"]


def test_icons_are_sized_as_qt_rounds_and_selected_ones_are_tinted(qtbot) -> None:
    from pathfinder.views.icons import themed_icon

    icon = themed_icon("people")
    assert icon.pixmap(QSize(22, 22), 1.75).width() == 39  # 38.5 rounds half up in Qt
    normal = icon.pixmap(24, 24).toImage()
    selected = icon.pixmap(24, 24, QIcon.Mode.Selected).toImage()
    assert selected.size() == normal.size() and selected != normal
