"""Writing the files people take away (reports, archives): whole or not at all.

A file is written under a temporary name beside its destination, flushed to the
disk, then renamed over it in one step, so a failure (a full disk, a pulled USB
stick, no permission) leaves any earlier file byte-identical. Nothing is ever
written into Pathfinder's own data folder, where it could be mistaken for, or
overwrite, the notebook and its backups.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO


class ExportError(Exception):
    """A file could not be written; `message` says why, in words for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DestinationError(ExportError):
    """The destination can't be used at all (a folder, missing, inside the data folder)."""


class FileExists(DestinationError):
    """The destination exists and replacing it was not allowed."""


def check_destination(destination: Path, data_dir: Path | None, *, overwrite: bool) -> Path:
    """The absolute destination, or an ExportError saying why it can't be used."""
    target = Path(os.path.abspath(destination.expanduser()))
    if target.is_symlink():  # replace what the link points to, and keep the link
        target = Path(os.path.realpath(target))
    check_outside_data_folder(target, data_dir)
    if target.is_dir():
        raise DestinationError(f"{target} is a folder. Give a file name to save to.")
    if not target.parent.is_dir():
        raise DestinationError(f"The folder {target.parent} does not exist.")
    if target.exists() and not overwrite:
        raise FileExists(f"{target} exists already.")
    return target


def check_outside_data_folder(target: Path, data_dir: Path | None) -> None:
    """A DestinationError when `target` is Pathfinder's data folder or lies inside it."""
    if data_dir is not None and is_inside(target, data_dir):
        raise DestinationError(
            f"{target} is inside Pathfinder's own data folder. Choose another folder, "
            "for example your Documents folder: files saved beside the notebook could be "
            "confused with it or its backups."
        )


def is_inside(path: Path, folder: Path) -> bool:
    """True when `path` is `folder` or lies within it, through links and, on systems
    whose file names ignore case, however the name is spelled."""
    if not folder.exists():
        return False
    resolved = Path(os.path.realpath(path))
    for candidate in (resolved, *resolved.parents):
        try:
            if candidate.exists() and os.path.samefile(candidate, folder):
                return True
        except OSError:
            continue
    return False


def write_atomically(
    destination: Path,
    data: bytes | Callable[[BinaryIO], None],
    *,
    data_dir: Path | None,
    overwrite: bool,
    mode: int | None = None,
) -> Path:
    """Write `data` (bytes, or a function writing to a binary file) to `destination`.

    Returns the absolute path written. Raises FileExists when the file exists and
    `overwrite` is false, and ExportError for anything else; either way an earlier
    file at `destination` is left as it was. The file gets `mode` when given (0o600
    for a private one); else a replaced file keeps its mode, and a new one gets the
    usual mode of the person's files.
    """
    target = check_destination(destination, data_dir, overwrite=overwrite)
    with temporary_beside(target) as temporary:
        try:
            with open(temporary, "wb") as handle:
                if callable(data):
                    data(handle)
                else:
                    handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temporary, _mode_for(target) if mode is None else mode)
            os.replace(temporary, target)
        except OSError as error:
            raise ExportError(failure_message(target, error)) from None
    fsync_folder(target.parent)
    return target


@contextlib.contextmanager
def temporary_beside(target: Path) -> Iterator[Path]:
    """A fresh temporary path in `target`'s folder, removed afterwards if still there."""
    try:
        # The name's start only: a chosen name near the 255-byte limit must still work.
        descriptor, name = tempfile.mkstemp(prefix=f".{_short(target.name)}.", dir=target.parent)
    except OSError as error:
        raise ExportError(failure_message(target, error)) from None
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _short(name: str) -> str:
    """At most 40 characters of `name` (for temporary names beside it)."""
    return name[:40]


def failure_message(target: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    if error.errno is not None and error.errno == 28:  # ENOSPC
        reason = "the disk is full"
    elif isinstance(error, PermissionError):
        reason = (
            "you don't have permission to write there, or the file is open in another "
            "program (close it and try again)"
        )
    return (
        f"{target.name} could not be saved: {reason}. "
        f"Nothing was changed in {target.parent}; any earlier {target.name} is as it was."
    )


def _read_umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


_UMASK = _read_umask()  # read once, at import, before any other thread could create a file


def _mode_for(target: Path) -> int:
    """A replaced file keeps its permissions (a private report stays private); a new one
    gets the usual ones for the person's files."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_UMASK


def fsync_folder(folder: Path) -> None:
    """Flush `folder`'s entries (a file renamed into it) to the disk, where that is
    possible; a failure is ignored, as the files themselves are already flushed."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
