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


class StorageWriteError(StoreError):
    """A save failed because of the disk (full, read-only, failing)."""

    title = "Pathfinder couldn't save"


class UpgradeError(StoreError):
    """Creating, backing up or upgrading the notebook failed because of the environment."""
