"""The Map section, as a person uses it: the picture, its filters, a click that opens
someone, and saving the map as PNG and SVG."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette, QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog, QToolTip

from pathfinder.paths import Paths
from pathfinder.services import interactions, people
from pathfinder.services.network_layout import layout
from pathfinder.services.network_map import (
    Introduction,
    MapPerson,
    NetworkMap,
)
from pathfinder.views.map.canvas import describe
from pathfinder.views.map.labels import LabelBox, visible_labels
from pathfinder.views.map.page import MapPage
from pathfinder.views.map.scene import MapScene

ADDED = datetime(2026, 1, 5, 9, 0)


def make_page(qtbot, clock, *, show: bool = True) -> tuple[MapPage, list[str]]:
    messages: list[str] = []
    page = MapPage(QUndoStack(), clock, messages.append)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    if show:
        page.show()
        qtbot.waitExposed(page)
    return page, messages


def add(name: str, **fields) -> int:
    return people.add_person(name, now=ADDED, **fields).id


def few_people() -> dict[str, int]:
    coffee = interactions.kind_id("coffee")
    ids = {
        "ana": add("Ana Ruiz", level=1, source="friend_family", organisation="Sparkwell"),
        "ben": add("Ben Okafor", level=2, source="introduction", organisation="Sparkwell"),
        "cleo": add("Cleo Marsh", level=2, source="introduction", organisation="Acme Health"),
        "dev": add("Dev Patel", level=3, source="event", tags=["climate"]),
    }
    interactions.introduce(ids["ana"], ids["ben"], on=date(2026, 1, 10))
    interactions.introduce(ids["ana"], ids["cleo"], on=date(2026, 1, 12))
    interactions.log_interaction(ids["ana"], coffee, on=date(2026, 2, 23), now=datetime(2026, 3, 1))
    return ids


def person_keys(page: MapPage) -> set[str]:
    scene = page.view.map_scene()
    assert scene is not None
    return {key for key, node in scene.nodes.items() if node.kind != "you"}


def test_the_map_is_built_when_first_shown(notebook: Paths, qtbot, clock) -> None:
    ids = few_people()
    page, _messages = make_page(qtbot, clock, show=False)
    assert page.view.map_scene() is None  # opening the window costs nothing
    page.on_shown()
    scene = page.view.map_scene()
    assert scene is not None
    assert person_keys(page) == {f"person:{person_id}" for person_id in ids.values()}
    assert len(scene.circles) == 5  # and you
    assert page.summary.text() == "4 people, 2 introductions."
    assert page.legend.texts()[:3] == [
        "Colour: how you know them",
        "Friend or family · 1",
        "Event · 1",
    ]
    assert "You" in scene.visible_label_texts()
    assert "Inner circle" in scene.visible_label_texts()
    assert list(page.visit()) == ["map/Network"]


def test_showing_the_section_builds_it_after_the_window_paints(
    notebook: Paths, qtbot, clock
) -> None:
    few_people()
    page, _messages = make_page(qtbot, clock)
    qtbot.waitUntil(lambda: page.view.map_scene() is not None)
    assert page.inner_stack.currentIndex() == 1


def test_showing_again_redraws_only_what_changed(notebook: Paths, qtbot, clock) -> None:
    few_people()
    page, _messages = make_page(qtbot, clock)
    page.on_shown()
    scene = page.view.map_scene()
    page.on_shown()
    assert page.view.map_scene() is scene  # nothing changed: the same picture, same zoom
    newcomer = add("Nia Mensah", level=3)
    page.on_shown()
    assert page.view.map_scene() is not scene
    assert f"person:{newcomer}" in person_keys(page)


def test_a_click_on_a_person_opens_them(notebook: Paths, qtbot, clock) -> None:
    ids = few_people()
    page, _messages = make_page(qtbot, clock)
    page.on_shown()
    scene = page.view.map_scene()
    assert scene is not None
    ben = scene.nodes[f"person:{ids['ben']}"]
    spot = page.view.mapFromScene(QPointF(ben.x, ben.y))
    with qtbot.waitSignal(page.open_person) as opened:
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert opened.args == [ids["ben"]]
    # A click on empty space opens no one.
    with qtbot.assertNotEmitted(page.open_person):
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=spot + spot)


def test_the_keyboard_chooses_and_opens_people(notebook: Paths, qtbot, clock) -> None:
    ids = few_people()
    page, _messages = make_page(qtbot, clock)
    page.on_shown()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Right)  # the first person on the inner ring
    with qtbot.waitSignal(page.open_person) as opened:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened.args == [ids["ana"]]
    qtbot.keyClick(page.view, Qt.Key.Key_Left)  # round to the last one
    with qtbot.waitSignal(page.open_person) as opened:
        qtbot.keyClick(page.view, Qt.Key.Key_Enter)
    assert opened.args == [ids["dev"]]


def test_hovering_tells_who_where_and_when(notebook: Paths, qtbot, clock) -> None:
    ids = few_people()
    page, _messages = make_page(qtbot, clock)
    page.on_shown()
    scene = page.view.map_scene()
    assert scene is not None
    ana = scene.nodes[f"person:{ids['ana']}"]
    words = describe(ana, "source", clock())
    assert words == (
        "Ana Ruiz\nSparkwell · Inner circle\nFriend or family · "
        "In touch 1 time, most recently 7 days ago"
    )
    dev = scene.nodes[f"person:{ids['dev']}"]
    assert describe(dev, "source", clock()).splitlines()[1:] == [
        "No organisation · New contact",
        "Event · Nothing logged yet",
    ]
    spot = page.view.mapFromScene(QPointF(ana.x, ana.y))
    hover = QHelpEvent(QEvent.Type.ToolTip, spot, page.view.viewport().mapToGlobal(spot))
    QApplication.sendEvent(page.view.viewport(), hover)
    assert QToolTip.text() == words
    QToolTip.hideText()


def test_zoom_buttons_and_fit(notebook: Paths, qtbot, clock) -> None:
    few_people()
    page, _messages = make_page(qtbot, clock)
    page.on_shown()
    fitted = page.view.zoom()
    page.zoom_in.click()
    assert page.view.zoom() == fitted * 1.25
    page.zoom_out.click()
    page.zoom_out.click()
    assert math.isclose(page.view.zoom(), fitted * 0.8)
    page.fit_button.click()
    assert page.view.zoom() == fitted


def test_filters_and_colours(notebook: Paths, qtbot, clock) -> None:
    ids = few_people()
    page, _messages = make_page(qtbot, clock)
    page.on_shown()
    page.level_filter.setCurrentIndex(page.level_filter.findData(2))
    assert person_keys(page) == {f"person:{ids['ben']}", f"person:{ids['cleo']}"}
    assert page.summary.text() == "2 people, 0 introductions (of 4 people, filtered)."
    page.level_filter.setCurrentIndex(0)
    page.tag_filter.select("climate")
    assert person_keys(page) == {f"person:{ids['dev']}"}
    page.source_filter.setCurrentIndex(page.source_filter.findData("professor"))
    assert page.inner_stack.currentWidget() is page.no_match
    assert page.summary.text() == "None of your 4 people match these filters."
    page.no_match.button.click()
    assert len(person_keys(page)) == 4
    page.target_filter.setChecked(True)
    assert page.inner_stack.currentWidget() is page.no_match
    page.target_filter.setChecked(False)

    page.zoom_in.click()
    zoom = page.view.zoom()
    page.colour_by.setCurrentIndex(page.colour_by.findData("relationship"))
    assert page.legend.texts()[:2] == ["Colour: relationship", "Other · 4"]
    assert page.view.zoom() == zoom  # the same people stay where they were


def test_many_people_are_grouped_by_organisation(notebook: Paths, qtbot, clock) -> None:
    ids = few_people()
    page, _messages = make_page(qtbot, clock)
    page.collapse_above = 3
    page.on_shown()
    scene = page.view.map_scene()
    assert scene is not None
    # Ben and Cleo are on one ring at two organisations: each stays a person.
    assert person_keys(page) == {f"person:{person_id}" for person_id in ids.values()}
    add("Bea Sol", level=2, organisation="Sparkwell")
    page.on_shown()
    keys = person_keys(page)
    group = next(key for key in keys if key.startswith("group:2:"))
    assert page.view.map_scene().nodes[group].label == "Sparkwell (2)"
    assert "each organisation on a ring is one circle" in page.summary.text()
    # A click on an organisation looks closer instead of opening anyone.
    node = page.view.map_scene().nodes[group]
    zoom = page.view.zoom()
    with qtbot.assertNotEmitted(page.open_person):
        spot = page.view.mapFromScene(QPointF(node.x, node.y))
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert page.view.zoom() == zoom * 2
    assert "Thick edge: an organisation" in page.legend.texts()


def test_a_new_palette_redraws_the_map_in_its_colours(notebook: Paths, qtbot, clock) -> None:
    few_people()
    page, _messages = make_page(qtbot, clock)
    page.on_shown()
    page.zoom_in.click()
    zoom = page.view.zoom()
    dark = QPalette(page.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    page.setPalette(dark)
    scene = page.view.map_scene()
    assert scene is not None
    assert scene.backgroundBrush().color() == QColor("#1e1e1e")
    assert page.view.zoom() == zoom


def test_an_empty_notebook_invites_the_first_person(notebook: Paths, qtbot, clock) -> None:
    page, _messages = make_page(qtbot, clock)
    page.on_shown()
    assert page.stack.currentWidget() is page.empty
    assert "people you already know" in page.empty.sentence.text()
    with qtbot.waitSignal(page.add_person_requested):
        page.empty.button.click()
    with qtbot.waitSignal(page.add_person_requested):
        page.add_new()
    assert page.flush()


def answer_save_dialog(monkeypatch, chosen: Path) -> list[str]:
    asked: list[str] = []

    def fake(parent, caption, suggested, formats):
        asked.append(suggested)
        return str(chosen), formats

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return asked


def test_saving_as_png_and_svg(notebook: Paths, qtbot, clock, monkeypatch, tmp_path: Path) -> None:
    few_people()
    page, messages = make_page(qtbot, clock)
    page.on_shown()
    shown_before = page.view.map_scene().visible_label_texts()
    folder = tmp_path / "pictures"
    folder.mkdir()

    asked = answer_save_dialog(monkeypatch, folder / "my network")
    png = page.save_as("png")
    assert png == folder / "my network.png"
    assert asked[0].endswith("network-map-2026-03-02.png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 1000
    assert messages[-1] == "Saved the map as my network.png."

    answer_save_dialog(monkeypatch, folder / "map.svg")
    svg = page.save_as("svg")
    assert svg == folder / "map.svg"
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = svg.read_text(encoding="utf-8")
    assert "Ana Ruiz" in text and "Friend or family" in text and "4 people" in text
    assert sorted(path.name for path in folder.iterdir()) == ["map.svg", "my network.png"]
    # The names on screen are those of the screen's zoom again.
    assert page.view.map_scene().visible_label_texts() == shown_before


def test_a_failed_save_says_so_and_leaves_nothing(
    notebook: Paths, qtbot, clock, monkeypatch, tmp_path: Path
) -> None:
    few_people()
    page, messages = make_page(qtbot, clock)
    page.on_shown()
    answer_save_dialog(monkeypatch, tmp_path / "missing" / "map.png")
    assert page.save_as("png") is None
    assert messages[-1].startswith("The map couldn't be saved as map.png")
    assert not (tmp_path / "missing").exists()


def crowd(count: int) -> NetworkMap:
    members = tuple(
        MapPerson(
            n, f"Person {n}", n % 40, f"Org {n % 40}", 1 + n % 3, "other", "other", n % 9, None
        )
        for n in range(1, count + 1)
    )
    return NetworkMap(members, (Introduction(1, 2),), count)


def test_names_never_overlap_each_other_or_the_circles(qtbot) -> None:
    placed = layout(crowd(600))
    scene = MapScene(placed, QApplication.palette(), QApplication.font())
    boxes = scene.label_boxes
    circles = [(node.x, node.y, node.radius) for node in placed.nodes]
    for scale in (0.2, 0.6, 1.5):
        chosen = visible_labels(boxes, circles, scale)
        rects = []
        for box, place in zip(boxes, chosen, strict=True):
            if place < 0:
                continue
            x, y, dx, dy = box.places[place]
            rects.append((x * scale + dx, y * scale + dy, box.width, box.height, box.always))
        assert rects
        for i, (left, top, width, height, _always) in enumerate(rects):
            for other in rects[i + 1 :]:
                apart = (
                    left + width <= other[0]
                    or other[0] + other[2] <= left
                    or top + height <= other[1]
                    or other[1] + other[3] <= top
                )
                assert apart
            if not _always:
                for cx, cy, radius in circles:
                    r = max(radius * scale, 1.5)
                    assert (
                        left + width <= cx * scale - r
                        or cx * scale + r <= left
                        or top + height <= cy * scale - r
                        or cy * scale + r <= top
                    )
        # Zooming in makes room for more names.
    assert sum(p >= 0 for p in visible_labels(boxes, circles, 1.5)) > sum(
        p >= 0 for p in visible_labels(boxes, circles, 0.2)
    )


def test_a_name_moves_aside_rather_than_cover_a_circle() -> None:
    first = LabelBox(((0.0, 0.0, 0.0, 0.0),), 50.0, 10.0)
    second = LabelBox(((0.0, 0.0, 0.0, 0.0), (0.0, 100.0, 0.0, 0.0)), 50.0, 10.0)
    covered = LabelBox(((200.0, 0.0, 0.0, 0.0),), 50.0, 10.0)
    assert visible_labels([first, second, covered], [(220.0, 5.0, 3.0)], 1.0) == [0, 1, -1]
