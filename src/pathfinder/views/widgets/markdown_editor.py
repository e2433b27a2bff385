"""A Markdown editor beside its rendered preview (sanitised; links open only on a click)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QSplitter, QTextBrowser, QWidget

from pathfinder.services.markdown_text import SAFE_SCHEMES, to_safe_html
from pathfinder.views.widgets.bounded_text import BoundedTextEdit

PREVIEW_PAUSE_MS = 300


class MarkdownEditor(QSplitter):
    textChanged = Signal()

    def __init__(
        self,
        limit: int,
        name: str,
        parent: QWidget | None = None,
        *,
        editor: BoundedTextEdit | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor or BoundedTextEdit(limit)
        self.editor.setAccessibleName(name)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(f"{name}, as it reads")
        self.preview.setOpenLinks(False)
        # Headings a little larger than the text, not posters.
        self.preview.document().setDefaultStyleSheet(
            "h1 { font-size: x-large; } h2 { font-size: large; } "
            "h3, h4, h5, h6 { font-size: medium; }"
        )
        self.preview.anchorClicked.connect(self._open_link)
        self.addWidget(self.editor)
        self.addWidget(self.preview)
        self.setChildrenCollapsible(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_PAUSE_MS)
        self._timer.timeout.connect(self.render)
        self.editor.textChanged.connect(self._timer.start)
        self.editor.textChanged.connect(self.textChanged)

    def toPlainText(self) -> str:
        return self.editor.toPlainText()

    def setPlainText(self, text: str) -> None:
        self.editor.setPlainText(text)
        self.render()

    def setPlaceholderText(self, text: str) -> None:
        self.editor.setPlaceholderText(text)

    def blockSignals(self, block: bool) -> bool:
        self.editor.blockSignals(block)
        return super().blockSignals(block)

    def render(self) -> None:
        self._timer.stop()
        self.preview.setHtml(to_safe_html(self.editor.toPlainText()))

    def _open_link(self, url: QUrl) -> None:
        if url.toString().lower().startswith(SAFE_SCHEMES):
            QDesktopServices.openUrl(url)
