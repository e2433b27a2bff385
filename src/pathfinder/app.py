"""QApplication wiring: application identity, crash handling, the window, smoke runs."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox

from pathfinder import APP_NAME, __version__
from pathfinder.crashreport import build_report, write_report
from pathfinder.paths import Paths
from pathfinder.store.backups import BackupSession

if TYPE_CHECKING:
    from pathfinder.views.main_window import MainWindow

# For `make bench` only (bench/startup_bench.py): with this set to 1, the window prints
# IDLE_MARKER and closes as soon as it is shown and the start-up work queued behind it
# has run, so a benchmark can time a whole start. Nothing else reads it.
BENCH_EXIT_WHEN_IDLE = "PATHFINDER_BENCH_EXIT_WHEN_IDLE"
IDLE_MARKER = "pathfinder: shown and idle"


def application() -> QApplication:
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.pathfinder_journal.Pathfinder")  # the .desktop file's id
    from pathfinder.views.icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def show_startup_message(title: str, message: str) -> None:
    application()
    box = QMessageBox(QMessageBox.Icon.Warning, title, message)
    box.exec()


class WindowHost(QObject):
    """Holds the main window, and replaces it with a fresh one after a restore (every
    section then reads the restored notebook from scratch)."""

    def __init__(self, paths: Paths, demo: bool, backups: BackupSession | None) -> None:
        super().__init__()
        self._paths, self._demo, self._backups = paths, demo, backups
        self.window = self._make_window()

    def _make_window(self) -> MainWindow:
        from pathfinder.views.main_window import MainWindow

        window = MainWindow(self._paths, demo=self._demo, backups=self._backups)
        window.notebook_replaced.connect(self._replace)
        return window

    def bring_forward(self) -> None:
        self.window.bring_forward()

    def _replace(self, message: str) -> None:
        old = self.window
        old.save_state()
        old.remember_state = False
        old.ask_before_losing = False
        self.window = self._make_window()
        self.window.show_section(old.stack.currentIndex())  # where the person was
        self.window.show()
        self.window.auto_backup.timer.start()
        old.close()
        old.deleteLater()
        self.window.show_status(message)
        QMessageBox.information(self.window, "Backup restored", message)


def run_app(
    paths: Paths, *, smoke: bool = False, demo: bool = False, backups: BackupSession | None = None
) -> int:
    app = application()
    from pathfinder.instance import RaiseListener

    host = WindowHost(paths, demo, backups)
    if smoke:
        return run_smoke(app, host.window)
    _close_on_terminate(app, host)
    listener = RaiseListener(paths.data_dir, host)
    listener.raise_requested.connect(host.bring_forward)
    host.window.show()
    host.window.auto_backup.start()
    QTimer.singleShot(0, host.window.offer_unsaved_text)
    QTimer.singleShot(0, host.window.remind_at_start)
    if os.environ.get(BENCH_EXIT_WHEN_IDLE) == "1":
        QTimer.singleShot(0, lambda: _exit_when_idle(host.window))
    return app.exec()


def _exit_when_idle(window: MainWindow) -> None:
    """The bench hook: queued after the start-up work, so this runs once the event loop
    has shown the window and run that work. Say so, then close as a person would."""
    print(IDLE_MARKER, flush=True)
    window.close()


def _smoke_report(window: MainWindow) -> None:
    """Make the mentor report as Markdown and as a PDF in a temporary folder (not logged,
    not kept), so an installed bundle proves its PDF writer works."""
    import tempfile
    from pathlib import Path

    from pathfinder.report_pdf import pdf_bytes

    report = window.report_page.current_report()
    if report is None:
        raise RuntimeError("smoke: the report section made no report")
    with tempfile.TemporaryDirectory(prefix="pathfinder-smoke-") as folder:
        markdown_file = Path(folder) / report.file_name("md")
        markdown_file.write_text(report.markdown, encoding="utf-8")
        pdf = pdf_bytes(report.markdown, report.title)
        if not pdf.startswith(b"%PDF-"):
            raise RuntimeError("smoke: the PDF writer made no PDF")
        print(
            f"smoke: report written, {len(report.markdown):,} characters of Markdown, "
            f"a PDF of {len(pdf):,} bytes"
        )


def run_smoke(app: QApplication, window: MainWindow) -> int:
    """Show the window offscreen, visit every section and each of its tabs, then quit."""
    window.show()
    app.processEvents()
    for key in window.visit_everything():
        print(f"smoke: visited {key}")
        app.processEvents()
    window.search_box.setText("the")
    window.search_box.refresh()
    found = sum(len(group.hits) for group in window.search_box.last_groups)
    print(f"smoke: searched, {found} results")
    window.search_box.hide_results()
    _smoke_report(window)
    if window.auto_backup.start_if_due():
        window.auto_backup.wait()
        print("smoke: backup made")
    window.remember_state = False  # a smoke run must not move the user's window
    window.close()
    app.processEvents()
    print("smoke: ok")
    return 0


def _close_on_terminate(app: QApplication, host: WindowHost) -> None:
    """On SIGTERM or Ctrl+C (a logout, a kill), close the window properly so typing is saved.

    Python runs signal handlers only when it gets control, so a timer hands it
    control a few times a second while Qt's event loop runs.
    """

    def close(_signum: int, _frame: object) -> None:
        host.window.ask_before_losing = False
        host.window.close()
        app.quit()

    signal.signal(signal.SIGTERM, close)
    signal.signal(signal.SIGINT, close)
    timer = QTimer(host)
    timer.timeout.connect(lambda: None)
    timer.start(300)


def install_crash_handler(logs_dir: Path, *, show_dialog: bool) -> None:
    """From here on, a bug writes a crash report to `logs_dir` and, in the window, shows it."""

    def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report = build_report(exc_type, exc, tb, qt_version=qVersion())
        saved_to = write_report(report, logs_dir)
        print(report, file=sys.stderr)
        if show_dialog:
            from pathfinder.views.dialogs.crash import CrashDialog

            application()
            CrashDialog(report, saved_to, parent=QApplication.activeWindow()).exec()

    sys.excepthook = handle
