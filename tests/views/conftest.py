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
