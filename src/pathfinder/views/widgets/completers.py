"""Completers for lines that hold more than one value."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QCompleter, QLineEdit


class LastPieceCompleter(QCompleter):
    """Completes the last comma-separated piece of a line ("edtech, men" → "edtech, mentors")."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        completion = str(index.data())
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        if "," not in text:
            return completion
        return f"{text.rsplit(',', 1)[0]}, {completion}"
