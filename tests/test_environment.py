"""The libraries Pathfinder stands on behave: a broken release is caught here, not by a
person whose window closes in the middle of an evening's notes."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_qt_calls_do_not_leak_references_to_none(qtbot) -> None:
    # PySide6 6.12.0 dropped a reference to None on each call returning nothing; on
    # Python 3.11 that ends in "Fatal Python error: none_dealloc" after a few thousand.
    assert QApplication.instance() is not None
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 10
