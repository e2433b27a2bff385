"""A Pathfinder that types into a new journal entry and then waits to be killed.

Run by tests/views/test_killed_while_typing.py: `python typing_child.py DATA_DIR TEXT`.
It prints "typed" once the keys are in the editor (and before the autosave pause ends).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtTest import QTest

from pathfinder.app import application
from pathfinder.paths import Paths
from pathfinder.store.database import open_notebook


def main() -> None:
    paths = Paths(Path(sys.argv[1]))
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    app = application()
    from pathfinder.views.main_window import MainWindow

    window = MainWindow(paths)
    window.remember_state = False
    window.show()
    window.new_journal_entry()
    editor = window.journal_page.editor
    QTest.keyClicks(editor.text_edit, sys.argv[2])
    # Stand still inside the pause before the autosave, however slowly the parent kills us.
    editor._autosaver._timer.stop()
    print("typed", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
