"""A plain-text editor that refuses a paste larger than its field can hold.

Laying out a multi-megabyte paste would freeze the window for minutes, so the
paste is turned away before it reaches the document, with a message saying so.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class BoundedTextEdit(QPlainTextEdit):
    refused = Signal(str)

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.setTabChangesFocus(True)

    def insertFromMimeData(self, source: QMimeData) -> None:
        incoming = source.text() if source.hasText() else ""
        selected = len(self.textCursor().selectedText())
        resulting = len(self.toPlainText()) - selected + len(incoming)
        if resulting > self.limit:
            self.refused.emit(
                f"That paste is {len(incoming):,} characters; this field holds up to "
                f"{self.limit:,}. Nothing was pasted, and your text is as it was."
            )
            return
        super().insertFromMimeData(source)
