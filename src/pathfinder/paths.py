"""Every folder and file Pathfinder uses, in one frozen object passed around.

Nothing here is global: the object is built once from the command line and the
environment and handed to whatever needs a path.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from pathfinder.store.errors import DataFolderError

ENV_DATA_DIR = "PATHFINDER_DATA_DIR"
DATA_DIR_MODE = 0o700


@dataclass(frozen=True)
class Paths:
    """The data folder and everything inside it."""

    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "pathfinder.sqlite3"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def ui_state_file(self) -> Path:
        """Window geometry and other remembered UI state (QSettings, INI format)."""
        return self.data_dir / "window-state.ini"

    @property
    def unsaved_file(self) -> Path:
        """Journal text typed but not yet saved, kept in case Pathfinder is killed."""
        return self.data_dir / "unsaved-entry.json"

    @property
    def backup_state_file(self) -> Path:
        """How the notebook file looked after its last backup (to see if it changed since)."""
        return self.data_dir / "backup-state.json"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "pathfinder.lock"

    @classmethod
    def resolve(cls, data_dir: str | None, environ: Mapping[str, str] | None = None) -> Paths:
        """`--data-dir` wins over PATHFINDER_DATA_DIR, which wins over the OS default."""
        env = os.environ if environ is None else environ
        chosen = (
            data_dir
            or env.get(ENV_DATA_DIR)
            or platformdirs.user_data_dir("Pathfinder", appauthor=False)
        )
        return cls(Path(chosen).expanduser().absolute())

    def ensure(self) -> None:
        """Create the data folder (mode 0700) and its sub-folders; check it is writable."""
        for folder in (self.data_dir, self.backups_dir, self.logs_dir):
            _make_private_dir(folder)
        # The owner's write bit too: root may write anyway, but a folder marked read-only
        # was meant to stay as it is.
        read_only = self.data_dir.stat().st_mode & 0o200 == 0
        if read_only or not os.access(self.data_dir, os.W_OK | os.X_OK):
            raise DataFolderError(
                f"Pathfinder can't write to its data folder:\n{self.data_dir}\n\n"
                "Nothing was changed. Check that the folder is yours and not read-only, "
                "or start Pathfinder with --data-dir pointing to a folder you can write to."
            )


def _make_private_dir(folder: Path) -> None:
    if folder.is_dir():
        return
    try:
        folder.mkdir(parents=True, mode=DATA_DIR_MODE)
        # mkdir's mode is filtered by the umask; set it exactly.
        os.chmod(folder, DATA_DIR_MODE)
    except FileExistsError:
        if folder.is_dir():  # another Pathfinder starting at the same moment made it
            return
        raise DataFolderError(
            f"Pathfinder wanted a folder here, but a file is in the way:\n{folder}\n\n"
            "Nothing was changed. Move that file, or choose another data folder with --data-dir."
        ) from None
    except OSError as error:
        raise DataFolderError(
            f"Pathfinder can't create its data folder:\n{folder}\n({error.strerror})\n\n"
            "Nothing was changed. Choose a folder you can write to with --data-dir."
        ) from None
