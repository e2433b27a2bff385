"""File ▸ Export archive: everything in the notebook, as a .zip the person chooses.

The window only asks where (a .zip, suggested in the Documents folder) and shows
what happened; `services.archive_write` does the work. A name typed without
".zip" gets it, and if that file exists the person is asked before it is
replaced (the save dialog only asked about the name as typed).
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import peewee
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from pathfinder.paths import Paths
from pathfinder.services.archive import plural
from pathfinder.services.archive_write import write_archive
from pathfinder.services.files import ExportError

TITLE = "Export archive"


def suggested_path(today: date) -> Path:
    """pathfinder-archive-YYYY-MM-DD.zip in the Documents folder (else the home folder)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    return folder / f"pathfinder-archive-{today:%Y-%m-%d}.zip"


def export_archive(parent: QWidget, paths: Paths) -> None:
    """Ask where, write the archive there with a busy cursor, then say what happened."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, TITLE, str(suggested_path(date.today())), "Zip archives (*.zip)"
    )
    if not chosen:
        return
    destination = Path(chosen)
    confirmed = True  # the dialog asked about replacing the name it returned
    if destination.suffix.lower() != ".zip":
        destination = destination.with_name(destination.name + ".zip")
        confirmed = False
    if destination.exists() and not confirmed:
        answer = QMessageBox.question(
            parent,
            TITLE,
            f"{destination.name} exists already in {destination.parent}. Replace it?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = write_archive(destination, data_dir=paths.data_dir, overwrite=True)
    except ExportError as error:  # FileExists and DestinationError are ExportErrors
        failure = error.message
    except (peewee.DatabaseError, sqlite3.DatabaseError) as error:
        failure = f"Pathfinder couldn't read your notebook ({error}). Nothing was written."
    else:
        failure = ""
    finally:
        QApplication.restoreOverrideCursor()
    if failure:
        QMessageBox.warning(parent, TITLE, failure)
        return
    people = written.counts.get("contact", 0)
    entries = written.counts.get("journal_entry", 0)
    QMessageBox.information(
        parent,
        TITLE,
        f"Pathfinder wrote the archive of your notebook to\n{written.path}\n\n"
        f"It holds {plural(people, 'person', 'people')}, "
        f"{plural(entries, 'journal entry', 'journal entries')} and everything else, as "
        "Markdown and JSON files. The command “pathfinder import archive” reads it back.",
    )
