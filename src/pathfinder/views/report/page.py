"""The Report section: choose a period and what to include, read exactly what will be
shared, then save it as Markdown, HTML or PDF, or copy the Markdown for an email."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pathfinder.report_pdf import pdf_bytes
from pathfinder.services.files import ExportError, check_destination, write_atomically
from pathfinder.services.report import period_words
from pathfinder.services.report_html import body_html
from pathfinder.services.report_log import last_report
from pathfinder.services.report_output import (
    DEFAULT_SUFFIX,
    Report,
    format_for_path,
    log_saved,
    make_report,
)
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.formatting import relative_time
from pathfinder.views.icons import themed_icon
from pathfinder.views.report.options import ReportOptionsPanel
from pathfinder.views.report.share import ShareGoalsTab
from pathfinder.views.widgets.headings import subheading
from pathfinder.views.widgets.section_tabs import section_top, visit_tabs

REPORT_TAB, SHARE_TAB = range(2)
FILTERS = {
    "md": "Markdown (*.md)",
    "html": "Web page (*.html)",
    "pdf": "PDF document (*.pdf)",
}
REFRESH_MS = 200
# The page's table and quote styles, without its fonts and widths (the window's own apply).
PREVIEW_STYLE = (
    "table { border-collapse: collapse; } th, td { border: 1px solid #9aa7b0; padding: 3px 6px; }"
    " blockquote { margin-left: 12px; }"
)


class ReportPage(QWidget):
    key = "report"
    title = "Report"
    icon = "report"

    def __init__(
        self,
        undo_stack: QUndoStack,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        data_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self._clock = clock
        self._status = status
        self._data_dir = data_dir
        self._folder: Path | None = None
        self._report: Report | None = None
        self._format = "md"  # the type last chosen in the save dialog
        self._built = False
        top, (self.summary,), self.tabs = section_top(self, "Report")
        self.tabs.addTab(self._build_report_tab(), "Mentor report")
        self.share_tab = ShareGoalsTab(status)
        self.tabs.addTab(self.share_tab, "Share my goals")
        top.addWidget(self.tabs, 1)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._paint_icons()

    def _today(self) -> date:
        return self._clock().date()

    def _build_report_tab(self) -> QWidget:
        tab = QWidget()
        layout = QHBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        self.options = ReportOptionsPanel(self._today, self._status)
        self.options.changed.connect(self._refresh_soon)
        scroll = QScrollArea()
        scroll.setWidget(self.options)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(300)
        splitter.addWidget(scroll)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        self.preview_tabs = QTabWidget()
        self.preview_tabs.setAccessibleName("Preview")
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.document().setDefaultStyleSheet(PREVIEW_STYLE)
        self.preview.setAccessibleName("The report as it will look")
        self.markdown_view = QPlainTextEdit()
        self.markdown_view.setReadOnly(True)
        self.markdown_view.setAccessibleName("The report's Markdown")
        self.preview_tabs.addTab(self.preview, "Preview")
        self.preview_tabs.addTab(self.markdown_view, "Markdown")
        right_layout.addWidget(self.preview_tabs, 1)

        right_layout.addWidget(subheading("What will be shared"))
        self.shared_label = QLabel()
        self.shared_label.setWordWrap(True)
        self.shared_label.setTextFormat(Qt.TextFormat.RichText)
        self.shared_label.setAccessibleName("What will be shared")
        right_layout.addWidget(self.shared_label)

        buttons = QHBoxLayout()
        self.save_button = QPushButton("&Save as…")
        self.save_button.setToolTip("Save as Markdown, a web page (HTML) or a PDF")
        self.save_button.clicked.connect(lambda: self.save_as())
        self.copy_button = QPushButton("Cop&y Markdown")
        self.copy_button.setToolTip("Copy the report to paste into an email")
        self.copy_button.clicked.connect(self.copy_markdown)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 700])
        layout.addWidget(splitter)
        return tab

    # -- the preview ---------------------------------------------------------

    def _refresh_soon(self) -> None:
        self._refresh_timer.start()

    def refresh(self) -> None:
        """Build the report for the options shown, and show it exactly as it will be saved."""
        self._refresh_timer.stop()
        self._update_summary()
        valid = self.options.dates_valid()
        self.save_button.setEnabled(valid)
        self.copy_button.setEnabled(valid)
        if not valid:
            self._report = None
            self.preview.setPlainText("Fix the dates on the left to see the report.")
            self.markdown_view.clear()
            self.shared_label.clear()
            return
        report = make_report(self.options.options(), self._today(), self._report)
        self._report = report
        for view, fill in (
            (self.preview, lambda: self.preview.setHtml(body_html(report.markdown))),
            (self.markdown_view, lambda: self.markdown_view.setPlainText(report.markdown)),
        ):
            scroll = view.verticalScrollBar().value()
            fill()
            view.verticalScrollBar().setValue(scroll)
        shared = "".join(f"<li>{_escape(line)}</li>" for line in report.shared)
        left_out = ", ".join(_escape(line).lower() for line in report.left_out)
        self.shared_label.setText(
            f"<ul style='margin:0'>{shared}</ul><p style='margin-top:4px'>Never included: "
            f"{left_out[:1].upper() + left_out[1:]}.</p>"
        )

    def current_report(self) -> Report | None:
        if self._refresh_timer.isActive() or self._report is None:
            self.refresh()
        return self._report if self.options.dates_valid() else None

    def _update_summary(self) -> None:
        last = last_report()
        if last is None:
            self.summary.setText(
                "A report for your mentor: what you did, whom you met and what you learned. "
                "You haven't saved one yet."
            )
            return
        saved = relative_time(last.saved_at, self._clock())
        self.summary.setText(
            f"Your last report covered {period_words(last.period_start, last.period_end)} "
            f"(saved {saved})."
        )

    # -- saving --------------------------------------------------------------

    def save_as(self, chosen: Path | None = None) -> Path | None:
        """Ask where (unless `chosen`), confirm replacing a file, save, and log the report."""
        report = self.current_report()
        if report is None:
            self._status("The period ends before it starts: fix the dates first.")
            return None
        if chosen is None:
            chosen = self._ask_path(report)
            if chosen is None:
                return None
        format = format_for_path(chosen, "")
        if not format:
            format = "md"
            chosen = chosen.with_name(chosen.name + DEFAULT_SUFFIX[format])
        try:
            check_destination(chosen, self._data_dir, overwrite=True)
        except ExportError as error:
            self._warn(error.message)
            return None
        if chosen.exists() and not self._confirm_replace(chosen):
            return None
        self._folder = chosen.parent
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = (
                pdf_bytes(report.markdown, report.title)
                if format == "pdf"
                else report.encoded(format)
            )
            written = write_atomically(chosen, data, data_dir=self._data_dir, overwrite=True)
        except ExportError as error:
            QGuiApplication.restoreOverrideCursor()
            self._warn(error.message)
            return None
        QGuiApplication.restoreOverrideCursor()
        self._log(report, format, written)
        self._status(f"Saved the report as {written.name}.")
        return written

    def _ask_path(self, report: Report) -> Path | None:
        folder = self._folder or _documents_folder()
        name, chosen_filter = QFileDialog.getSaveFileName(
            self,
            "Save the report",
            str(folder / report.file_name(self._format)),
            ";;".join(FILTERS.values()),
            FILTERS[self._format],
            QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return None
        # A type picked in the dialog wins over the name's ending; left as offered, an
        # ending typed in the name ("report.pdf") decides.
        offered = self._format
        picked = next((k for k, text in FILTERS.items() if text == chosen_filter), offered)
        path = Path(name)
        typed = format_for_path(path, "")
        kind = picked if picked != offered or not typed else typed
        if typed and typed != kind:
            path = path.with_suffix(DEFAULT_SUFFIX[kind])
        elif not typed:
            path = path.with_name(path.name + DEFAULT_SUFFIX[kind])
        self._format = kind
        return path

    def _confirm_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self,
            "Replace the file?",
            f"{path.name} exists already in {path.parent}. Replace it with this report?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self, "The report wasn't saved", message)

    def copy_markdown(self) -> None:
        report = self.current_report()
        if report is None:
            self._status("The period ends before it starts: fix the dates first.")
            return
        QGuiApplication.clipboard().setText(report.markdown)
        self._log(report, "copy", None)
        self._status("Copied the report: paste it into an email to your mentor.")

    def _log(self, report: Report, format: str, path: Path | None) -> None:
        try:
            log_saved(report, format, path, self._clock())
        except StorageWriteError as error:
            QMessageBox.warning(
                self,
                "The report wasn't noted",
                "The report was saved, but Pathfinder couldn't note it in your notebook, so "
                f"“Since my last report” won't start after it.\n\n{error.message}",
            )
        self._update_summary()

    # -- the section ---------------------------------------------------------

    def on_shown(self) -> None:
        if not self.isVisible():
            return
        self._report = None  # the notebook may have changed elsewhere: read it again
        self.options.reset_period()
        self.refresh()
        self.share_tab.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._built:
            self._built = True
            self.on_shown()

    def flush(self) -> bool:
        return self.options.flush() and self.share_tab.flush()

    def show_unsaved(self) -> None:
        self.tabs.setCurrentIndex(REPORT_TAB if not self.options.flush() else SHARE_TAB)

    def add_new(self) -> None:
        self.tabs.setCurrentIndex(REPORT_TAB)
        self.save_as()

    def visit(self) -> Iterator[str]:
        yield from visit_tabs(self.tabs, self.key)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._paint_icons()
        super().changeEvent(event)

    def _paint_icons(self) -> None:
        self.tabs.setTabIcon(REPORT_TAB, themed_icon("report"))
        self.tabs.setTabIcon(SHARE_TAB, themed_icon("people"))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _documents_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()
