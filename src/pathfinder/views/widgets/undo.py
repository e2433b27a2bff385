"""Undo for actions that have already happened (a bulk edit, a delete).

The action runs first, outside the stack, so its errors reach the user before
anything is pushed; the command then only knows how to undo and redo it. If
the disk refuses an undo or a redo, nothing changes and the stack steps back,
so the same step can be tried again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from pathfinder.services.records import RecordNotFound
from pathfinder.store.errors import StorageWriteError


class AlreadyDoneCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        stack: QUndoStack,
        redo: Callable[[], None],
        undo: Callable[[], None],
        after: Callable[[], None],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._stack = stack
        self._redo = redo
        self._undo = undo
        self._after = after
        self._report = report
        self._done = True  # pushing calls redo(); the action has happened already

    def redo(self) -> None:
        if not self._done and self._attempt(self._redo, "redo", self._stack.undo):
            self._done = True

    def undo(self) -> None:
        if self._done and self._attempt(self._undo, "undo", self._stack.redo):
            self._done = False

    def _attempt(self, step: Callable[[], None], name: str, step_back: Callable[[], None]) -> bool:
        try:
            step()
        except (StorageWriteError, RecordNotFound) as error:
            QTimer.singleShot(0, step_back)
            reason = getattr(error, "message", "").split("\n")[0]
            self._report(f"Couldn't {name} “{self.text()}”. {reason} Nothing changed.".strip())
            self._after()
            return False
        self._after()
        return True
