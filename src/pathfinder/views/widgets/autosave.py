"""Save a second after typing pauses, and at once when asked (switching away, closing).

A change stays pending until a save succeeds: a refused or failed save keeps it,
so whoever asks next (a selection change, closing the window) knows it is unsaved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

PAUSE_MS = 1000


class Autosaver(QObject):
    def __init__(
        self, save: Callable[[], bool], parent: QObject | None = None, pause_ms: int = PAUSE_MS
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(pause_ms)
        self._timer.timeout.connect(self.flush)
        self._pending = False
        self._saving = False

    @property
    def pending(self) -> bool:
        return self._pending

    def touch(self) -> None:
        """Something changed: save when typing pauses."""
        self._pending = True
        self._timer.start()

    def mark(self) -> None:
        """Something changed that should be saved when the user moves on, not on a pause
        (a name still being typed would otherwise be saved half-written)."""
        self._pending = True

    def flush(self) -> bool:
        """Save now if anything is waiting; False if a change is still unsaved."""
        self._timer.stop()
        if self._saving:  # a save that reloads its page asks again; the first answer stands
            return not self._pending
        self._saving = True
        try:
            if self._pending and self._save():
                self._pending = False
        finally:
            self._saving = False
        return not self._pending

    def cancel(self) -> None:
        self._timer.stop()
        self._pending = False
