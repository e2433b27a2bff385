"""Remembered window state (geometry, splitters, last section) in a QSettings INI file.

It lives in the data folder, so each notebook remembers its own window, and
tests never touch the user's real settings.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget


class UiState:
    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def value(self, key: str, default: object = None) -> object:
        return self._settings.value(key, default)

    def set_value(self, key: str, value: object) -> None:
        self._settings.setValue(key, value)

    def save_splitters(self, root: QWidget) -> None:
        for splitter in root.findChildren(QSplitter):
            if splitter.objectName():
                self._settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())

    def restore_splitters(self, root: QWidget) -> None:
        for splitter in root.findChildren(QSplitter):
            state = self._settings.value(f"splitters/{splitter.objectName()}")
            if splitter.objectName() and isinstance(state, QByteArray):
                splitter.restoreState(state)

    def sync(self) -> None:
        self._settings.sync()
        # Only the owner should read even window positions; the folder is 0700 too.
        with contextlib.suppress(OSError):
            os.chmod(self._settings.fileName(), 0o600)
