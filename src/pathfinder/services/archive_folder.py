"""Writing the archive as a folder, and replacing an earlier one (see `archive_write`).

The files go into a folder under a temporary name beside the destination, which is
renamed into place once every file is in it. They are flushed with one `os.sync()`
before the rename instead of 20,000 separate fsyncs.

An existing destination is replaced only with `overwrite`, and only when it is an
empty folder or an earlier archive holding nothing but an archive's own files
(`manifest.json`, `data/<table>.json`, `journal/YYYY/YYYY-MM-DD-<id>[-slug].md`,
and the `.DS_Store` a file browser leaves). Then the earlier archive is moved
aside and exactly the files found in it are removed, never the folder as a whole.
So a mistyped `--force`, or an archive unzipped into the Documents folder beside
the person's own files, can never throw anything else away; and a folder that
holds Pathfinder's data folder is never replaced at all.

Files are 0600 and folders 0700, as the notebook's are.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pathfinder.services.archive import (
    DATA_FOLDER,
    FORMAT_NAME,
    JOURNAL_FOLDER,
    MANIFEST,
    TABLES,
)
from pathfinder.services.archive_source import SKIPPED_NAMES, shown
from pathfinder.services.files import (
    DestinationError,
    ExportError,
    FileExists,
    check_outside_data_folder,
    failure_message,
    fsync_folder,
    is_inside,
)

FILE_MODE = 0o600
FOLDER_MODE = 0o700
# The files an earlier archive may hold, besides the manifest and the data files (an
# entry's file name as `journal_file_name` gives it, or in journal/undated/ as an earlier
# Pathfinder named an entry without a readable date).
_JOURNAL_MEMBER = re.compile(
    r"journal/(?:(\d{4})/\1-\d{2}-\d{2}-|undated/)\d+(?:-[a-z0-9-]+)?\.md", re.ASCII
)

Member = tuple[str, bytes]  # a file's name inside the archive, and its bytes


@dataclass(frozen=True)
class _Earlier:
    """What an existing destination folder holds, by name inside it: all of it is an
    archive's own (so it may be replaced)."""

    files: list[str]
    folders: list[str]


def _is_member_file(name: str) -> bool:
    if name == MANIFEST or _JOURNAL_MEMBER.fullmatch(name):
        return True
    if name.rsplit("/", 1)[-1] in SKIPPED_NAMES:
        return True  # left by a file browser that showed the folder
    folder, _, file_name = name.partition("/")
    table = file_name.removesuffix(".json")
    return folder == DATA_FOLDER and file_name == f"{table}.json" and table in TABLES


def _is_member_folder(name: str) -> bool:
    parts = name.split("/")
    if len(parts) == 1:
        return name in (DATA_FOLDER, JOURNAL_FOLDER)
    return (
        len(parts) == 2
        and parts[0] == JOURNAL_FOLDER
        and (parts[1] == "undated" or re.fullmatch(r"\d{4}", parts[1], re.ASCII) is not None)
    )


def _earlier_archive(target: Path) -> _Earlier:
    """What the folder `target` holds, when it is empty or an earlier archive and nothing
    else; else a DestinationError naming what doesn't belong."""
    not_archive = DestinationError(
        f"{target} is a folder that doesn't hold a Pathfinder archive, so it is not "
        "replaced. Choose a new folder name."
    )
    found = _Earlier([], [])
    waiting = [""]
    try:
        while waiting:
            prefix = waiting.pop()
            with os.scandir(target / prefix if prefix else target) as listing:
                entries = list(listing)
            for entry in entries:
                name = prefix + entry.name
                if entry.is_dir(follow_symlinks=False) and _is_member_folder(name):
                    found.folders.append(name)
                    waiting.append(name + "/")
                elif entry.is_file(follow_symlinks=False) and _is_member_file(name):
                    found.files.append(name)
                elif MANIFEST not in found.files and not (target / MANIFEST).is_file():
                    raise not_archive
                else:
                    raise DestinationError(
                        f"{target} holds {shown(name)}, which isn't part of a Pathfinder "
                        "archive, so the folder is not replaced. Choose a new folder name."
                    )
        if found.files or found.folders:
            with open(target / MANIFEST, "rb") as handle:
                manifest = handle.read(4096)
            if f'"{FORMAT_NAME}"'.encode() not in manifest:
                raise not_archive
    except OSError:
        raise not_archive from None
    return found


def check_folder_destination(
    destination: Path, data_dir: Path | None, *, overwrite: bool
) -> tuple[Path, _Earlier | None]:
    """The absolute folder to write, and what an earlier archive there holds (None if
    there is none); a DestinationError when it can't be used."""
    target = Path(os.path.abspath(destination.expanduser()))
    check_outside_data_folder(target, data_dir)
    if data_dir is not None and is_inside(data_dir, target):
        raise DestinationError(
            f"{target} holds Pathfinder's own data folder ({data_dir}), so it is never "
            "replaced. Choose a new folder name."
        )
    if not target.parent.is_dir():
        raise DestinationError(f"The folder {target.parent} does not exist.")
    if not (target.exists() or target.is_symlink()):
        return target, None
    if not overwrite:
        raise FileExists(f"{target} exists already.")
    if target.is_symlink() or not target.is_dir():
        raise DestinationError(
            f"{target} is a file, not an archive folder. Choose another name, or end "
            "it in .zip to write a zip file."
        )
    return target, _earlier_archive(target)


def write_folder(
    destination: Path, members: Iterable[Member], data_dir: Path | None, *, overwrite: bool
) -> Path:
    target, earlier = check_folder_destination(destination, data_dir, overwrite=overwrite)
    try:
        temporary = Path(tempfile.mkdtemp(prefix=f".{target.name[:40]}.", dir=target.parent))
    except OSError as error:
        raise ExportError(failure_message(target, error)) from None
    try:
        _fill_folder(temporary, members)
        if hasattr(os, "sync"):
            os.sync()  # everything on the disk before the rename makes it visible
        _move_into_place(temporary, target, earlier)
    except OSError as error:
        raise ExportError(failure_message(target, error)) from None
    finally:
        shutil.rmtree(temporary, ignore_errors=True)  # only ours, still there if it failed
    fsync_folder(target.parent)
    return target


def _private_file(path: str, flags: int) -> int:
    return os.open(path, flags, FILE_MODE)


def _fill_folder(folder: Path, members: Iterable[Member]) -> None:
    """Write the members into `folder` (made private by mkdtemp): files 0600, folders 0700."""
    made: set[str] = set()
    for name, data in members:
        parts = name.split("/")
        for depth in range(1, len(parts)):
            sub_folder = "/".join(parts[:depth])
            if sub_folder not in made:
                os.mkdir(os.path.join(folder, *parts[:depth]), FOLDER_MODE)
                made.add(sub_folder)
        with open(os.path.join(folder, *parts), "wb", opener=_private_file) as handle:
            handle.write(data)


def _move_into_place(temporary: Path, target: Path, earlier: _Earlier | None) -> None:
    """Rename `temporary` to `target`. An earlier archive there is moved aside first, and
    then only the files found in it are removed, and its folders once they are empty."""
    if earlier is None:
        os.rename(temporary, target)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name[:40]}.old.", dir=target.parent))
    aside.rmdir()
    os.rename(target, aside)
    try:
        os.rename(temporary, target)
    except OSError:
        os.rename(aside, target)
        raise
    for name in earlier.files:
        with contextlib.suppress(OSError):
            os.unlink(aside.joinpath(*name.split("/")))
    for name in sorted(earlier.folders, key=lambda folder: -folder.count("/")):
        with contextlib.suppress(OSError):
            os.rmdir(aside.joinpath(*name.split("/")))
    with contextlib.suppress(OSError):
        os.rmdir(aside)  # left in place if something appeared in it meanwhile
