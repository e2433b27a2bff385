"""The bare PySide6 process Pathfinder's start is measured against (bench/startup_bench.py):
an empty QMainWindow, shown; a zero-delay timer queued after show() prints the marker once
the event loop has run what was queued before it, then the window closes."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

MARKER = "bare: shown and idle"


def main() -> int:
    application = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.show()

    def idle() -> None:
        print(MARKER, flush=True)
        window.close()

    QTimer.singleShot(0, idle)
    return application.exec()


if __name__ == "__main__":
    sys.exit(main())
