"""File ▸ Import and File ▸ Undo import: choose a file, preview it, import, say what
happened (with a way to undo straight away)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from pathfinder.import_commands import parse_file
from pathfinder.paths import Paths
from pathfinder.services.import_plan import ImportPlan, commit_import, plan_import
from pathfinder.services.import_rows import ImportFileError
from pathfinder.services.import_undo import undo_costs, undo_import, undoable_import
from pathfinder.store.errors import StoreError
from pathfinder.views.import_dialog import KIND_NAMES, ImportDialog

FILTERS = {
    "linkedin": "LinkedIn export (Connections.csv *.zip);;CSV files (*.csv);;All files (*)",
    "google": "Google Contacts CSV (*.csv);;All files (*)",
    "vcard": "vCard files (*.vcf *.vcard);;All files (*)",
}


def _downloads() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def import_people(
    parent: QWidget, paths: Paths, kind: str, clock: Callable[[], datetime], path: Path | None
) -> bool:
    """Ask for the file (unless `path`), show the preview, import. True if anything changed."""
    if path is None:
        chosen, _filter = QFileDialog.getOpenFileName(
            parent, f"Import from {KIND_NAMES[kind]}", _downloads(), FILTERS[kind]
        )
        if not chosen:
            return False
        path = Path(chosen)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        parsed = parse_file(kind, path)
        plan = plan_import(parsed)
    except ImportFileError as error:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, "This file can't be imported", error.message)
        return False
    QGuiApplication.restoreOverrideCursor()
    dialog = ImportDialog(plan, parent)
    if dialog.exec() != ImportDialog.DialogCode.Accepted:
        return False
    return _commit(parent, paths, dialog.plan, clock)


def _commit(parent: QWidget, paths: Paths, plan: ImportPlan, clock: Callable[[], datetime]) -> bool:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = commit_import(plan, now=clock(), backups_dir=paths.backups_dir)
    except (StoreError, OSError) as error:
        QGuiApplication.restoreOverrideCursor()
        reason = getattr(error, "reason", "")
        message = (
            f"The import couldn't be saved because {reason}. Free some space, then try again."
            if reason
            else getattr(error, "message", str(error))
        )
        QMessageBox.warning(
            parent, "Nothing was imported", f"{message}\n\nYour notebook is as it was."
        )
        return False
    QGuiApplication.restoreOverrideCursor()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Import finished")
    box.setText(
        f"Added {result.added} {'person' if result.added == 1 else 'people'} and filled in "
        f"{result.filled}. You'll find them in People."
    )
    box.setInformativeText("Changed your mind? Undo import takes exactly this back out.")
    undo = box.addButton("&Undo import", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if box.clickedButton() is undo:
        undo_last_import(parent, paths, clock, confirm=False)
    return True


def undo_last_import(
    parent: QWidget, paths: Paths, clock: Callable[[], datetime], *, confirm: bool = True
) -> bool:
    batch = undoable_import()
    if batch is None:
        QMessageBox.information(
            parent, "Undo import", "There is no import to undo (only the last one can be)."
        )
        return False
    if confirm:
        answer = QMessageBox.question(
            parent,
            "Undo import",
            f"Take back the import of {batch.file_name} ({batch.summary}, "
            f"{batch.imported_at:%d %B %Y at %H:%M})?\n\n{_costs_in_words(batch.id)} "
            "Fields it filled in are emptied again unless you changed them since. "
            "A backup is made first.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    try:
        removed = undo_import(batch.id, now=clock(), backups_dir=paths.backups_dir)
    except (StoreError, OSError) as error:
        QMessageBox.warning(
            parent, "The import wasn't undone", getattr(error, "message", str(error))
        )
        return False
    QMessageBox.information(
        parent,
        "Undo import",
        f"The import is undone: {removed} {'person' if removed == 1 else 'people'} removed.",
    )
    return True


def _costs_in_words(batch_id: int) -> str:
    costs = undo_costs(batch_id)
    people = costs["people"]
    removed = f"{people} {'person' if people == 1 else 'people'} it added will be removed"
    since = [
        f"{count} {word if count == 1 else words}"
        for key, word, words in (
            ("interactions", "interaction", "interactions"),
            ("conversations", "conversation", "conversations"),
            ("follow-ups", "follow-up", "follow-ups"),
            ("entries", "journal link", "journal links"),
        )
        if (count := costs[key])
    ]
    if since:
        return f"{removed}, with what you added to them since: {', '.join(since)}."
    return f"{removed}."
