"""A short message under a form field: a warning icon and the words, no hard-coded colour."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget


class FieldMessage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self._icon = QLabel()  # its picture is drawn for the first message (a form has many)
        layout.addWidget(self._icon, 0)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        layout.addWidget(self.text_label, 1)
        self.hide()

    def show_message(self, text: str) -> None:
        if self._icon.pixmap().isNull():
            size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self._icon.setPixmap(icon.pixmap(size, size))
        self.text_label.setText(text)
        self.setAccessibleDescription(text)
        self.show()

    def clear(self) -> None:
        self.text_label.clear()
        self.hide()

    def text(self) -> str:
        return self.text_label.text() if self.isVisibleTo(self.parentWidget()) else ""
