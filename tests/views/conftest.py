"""Helpers for view tests: patch modal dialogs so they run without a person."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pathfinder.views.widgets.record_form import CreateDialog, RecordForm


@pytest.fixture
def fill_create_dialog(monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[CreateDialog]]:
    """Make CreateDialog.exec fill its form with `fill(form)` and press Save."""
    opened: list[CreateDialog] = []

    def install(fill: Callable[[RecordForm], None]) -> list[CreateDialog]:
        def fake_exec(dialog: CreateDialog) -> int:
            opened.append(dialog)
            fill(dialog.form)
            dialog.save()
            return int(dialog.result())

        monkeypatch.setattr(CreateDialog, "exec", fake_exec)
        return opened

    return install


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the test run: fail at once instead.

    A test that expects a dialog patches it itself (its patch replaces this one).
    """
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def opened(*args, **kwargs):  # type: ignore[no-untyped-def]
            raise AssertionError(f"a modal dialog opened without an answer: {name}{args[1:3]}")

        return opened

    for owner, names in (
        (QMessageBox, ("question", "warning", "information", "critical", "exec")),
        (QFileDialog, ("getSaveFileName", "getOpenFileName", "getExistingDirectory")),
        (QInputDialog, ("getText", "getItem", "getInt")),
    ):
        for name in names:
            monkeypatch.setattr(owner, name, refuse(f"{owner.__name__}.{name}"))
