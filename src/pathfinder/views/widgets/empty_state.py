"""What an empty list shows instead: an icon, one sentence of why, and the button to start."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pathfinder.views.icons import themed_icon


class EmptyState(QWidget):
    def __init__(
        self,
        icon: str,
        sentence: str,
        button_text: str,
        parent: QWidget | None = None,
        *,
        width: int = 440,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addStretch(1)
        self._icon = icon
        self.icon_label = QLabel()
        self.icon_label.setPixmap(themed_icon(icon).pixmap(48, 48))
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.icon_label)
        self.sentence = QLabel(sentence)
        self.sentence.setWordWrap(True)
        self.sentence.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A wrapped label placed with an alignment flag gets its one-line height and is
        # cut off; centring it between stretches keeps its height-for-width.
        self.sentence.setFixedWidth(width)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.sentence)
        row.addStretch(1)
        layout.addLayout(row)
        self.button = QPushButton(button_text)
        self.button.setDefault(False)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.icon_label.setPixmap(themed_icon(self._icon).pixmap(48, 48))
        super().changeEvent(event)
