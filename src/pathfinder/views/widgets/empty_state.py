"""What an empty list shows instead: an icon, one sentence of why, and the button to start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from pathfinder.views.icons import themed_icon


class EmptyState(QWidget):
    def __init__(self, icon: str, sentence: str, button_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addStretch(1)
        self.icon_label = QLabel()
        self.icon_label.setPixmap(themed_icon(icon).pixmap(48, 48))
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon_label.setAccessibleName("")
        layout.addWidget(self.icon_label)
        self.sentence = QLabel(sentence)
        self.sentence.setWordWrap(True)
        self.sentence.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sentence.setMaximumWidth(420)
        layout.addWidget(self.sentence, 0, Qt.AlignmentFlag.AlignHCenter)
        self.button = QPushButton(button_text)
        self.button.setDefault(False)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
