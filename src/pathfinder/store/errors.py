"""Errors of the environment around the notebook file.

Each carries a message written for the person using Pathfinder: what happened,
what was kept safe, and what to do next. Bugs are not StoreErrors.
"""

from __future__ import annotations


class StoreError(Exception):
    """A problem with the data folder or the notebook file, not a bug."""

    title = "Pathfinder can't open your notebook"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DataFolderError(StoreError):
    title = "Pathfinder can't use its data folder"


class ForeignDatabaseError(StoreError):
    pass


class NewerDatabaseError(StoreError):
    pass


class DamagedDatabaseError(StoreError):
    pass


class EmptyNotebookError(DamagedDatabaseError):
    """The notebook file is there but holds nothing (0 bytes)."""


class ReadOnlyNotebookError(StoreError):
    title = "Pathfinder can't write to your notebook"


class MissingNotebookError(StoreError):
    """No notebook file, but backups of one: never start an empty notebook unasked."""

    title = "Your notebook file is missing"


class StorageWriteError(StoreError):
    """A save failed because of the disk (full, read-only, failing). `reason` is the
    cause on its own ("the disk is full"), for callers that word the rest themselves."""

    title = "Pathfinder couldn't save"

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


class UpgradeError(StoreError):
    """Creating, backing up or upgrading the notebook failed because of the environment."""


class UpgradeFailedBeforeError(UpgradeError):
    """The same upgrade of the same file failed at an earlier start; not tried again."""

    title = "Pathfinder's upgrade of your notebook failed before"

    def __init__(self, earlier: str) -> None:
        super().__init__(
            "Last time, upgrading your notebook for this version of Pathfinder failed, so "
            "Pathfinder has not tried again by itself. What it said then:\n\n" + earlier
        )
