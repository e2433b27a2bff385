"""Opening an archive to import, a .zip or a folder, without trusting it.

`read_members(path)` returns every file of the archive by its name inside it
(`data/contact.json`), after refusing, before anything is read into the
notebook:

- a name that is absolute, has a drive letter, a backslash, a `..` or an empty
  part, appears twice, or lies more than `MAX_DEPTH` folders deep (the format
  needs two, `journal/2026/`, and one more for a top folder);
- a link (a symlink in the folder, or a zip member whose Unix mode says link),
  or anything that isn't a plain file or folder;
- an encrypted zip member, or one zipfile can't unpack;
- more than `max_total_bytes` unpacked in all (a zip bomb), or more than
  `MAX_MEMBERS` files. A zip's declared sizes are checked first, and every member
  is then unpacked in small pieces and counted, so a member lying about its size
  is caught without unpacking more than the cap.

Files some systems add when a person merely looks at a folder (`.DS_Store`,
`Thumbs.db`, `desktop.ini`, a zip's `__MACOSX/`) are skipped. When everything sits
in one top folder (a person zipped the exported folder), that folder is the
archive. Every problem is an ArchiveError of one line naming the file.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
import zlib
from pathlib import Path

from pathfinder.services.archive import MANIFEST, ArchiveError

# Everything is held in memory while it is checked: 512 MiB unpacked, four times the
# 30,000-person notebook's 128 MB. (Each value has its own limit too: `archive_rules`.)
MAX_TOTAL_BYTES = 512 << 20
MAX_MEMBERS = 1_000_000
MAX_DEPTH = 8
CHUNK = 1 << 20
SKIPPED_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
SKIPPED_FOLDERS = frozenset({"__MACOSX"})
_DRIVE = re.compile(r"[A-Za-z]:")


def shown(name: str) -> str:
    """`name` on one line, with control characters escaped."""
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in name
    )


def check_name(name: str) -> list[str]:
    """The parts of a member's name, or an ArchiveError if it could point anywhere else."""
    if "\\" in name or "\x00" in name:
        raise ArchiveError(f"{shown(name)}: refused (a name with a backslash or a NUL)")
    if name.startswith("/") or _DRIVE.match(name):
        raise ArchiveError(f"{shown(name)}: refused (an absolute path)")
    parts = name.removesuffix("/").split("/")
    if ".." in parts:
        raise ArchiveError(f"{shown(name)}: refused (.. points outside the archive)")
    if any(part in ("", ".") for part in parts):
        raise ArchiveError(f"{shown(name)}: refused (an empty or '.' part in the name)")
    if len(parts) > MAX_DEPTH + 1:
        start = name if len(name) <= 100 else name[:100] + "..."
        raise ArchiveError(f"{shown(start)}: refused (more than {MAX_DEPTH} folders deep)")
    return parts


def _skipped(parts: list[str]) -> bool:
    return parts[0] in SKIPPED_FOLDERS or parts[-1] in SKIPPED_NAMES


def read_members(path: Path, *, max_total_bytes: int = MAX_TOTAL_BYTES) -> dict[str, bytes]:
    """Every file in the archive at `path` (a folder, or else a zip), by name."""
    if path.is_dir():
        members = _read_folder(path, max_total_bytes)
    elif path.exists():
        members = _read_zip(path, max_total_bytes)
    else:
        raise ArchiveError(f"{path}: there is no archive there")
    return _without_top_folder(members)


def _without_top_folder(members: dict[str, bytes]) -> dict[str, bytes]:
    if MANIFEST in members or not members:
        return members
    tops = {name.split("/", 1)[0] for name in members}
    if len(tops) == 1 and all("/" in name for name in members):
        top = tops.pop()
        if f"{top}/{MANIFEST}" in members:
            return {name[len(top) + 1 :]: data for name, data in members.items()}
    return members


def _too_big(where: str, cap: int) -> ArchiveError:
    return ArchiveError(
        f"{where}: refused (it unpacks to more than {cap:,} bytes, more than any notebook needs)"
    )


# -- a zip ----------------------------------------------------------------------


def _read_zip(path: Path, cap: int) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise ArchiveError(
            f"{path.name}: not a folder or a zip file Pathfinder can read ({error})"
        ) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ArchiveError(f"{path.name}: refused (more than {MAX_MEMBERS:,} files)")
        wanted: list[zipfile.ZipInfo] = []
        seen: set[str] = set()
        for info in infos:
            parts = check_name(info.filename)
            mode = info.external_attr >> 16
            kind = stat.S_IFMT(mode)
            if stat.S_ISLNK(mode):
                raise ArchiveError(f"{shown(info.filename)}: refused (a link)")
            if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
                raise ArchiveError(f"{shown(info.filename)}: refused (not a plain file)")
            if info.filename in seen:
                raise ArchiveError(f"{shown(info.filename)}: refused (it is in the zip twice)")
            seen.add(info.filename)
            if info.flag_bits & 0x1:
                raise ArchiveError(f"{shown(info.filename)}: refused (it is encrypted)")
            if info.is_dir() or _skipped(parts):
                continue
            wanted.append(info)
        if sum(info.file_size for info in wanted) > cap:
            raise _too_big(path.name, cap)
        members: dict[str, bytes] = {}
        left = cap
        for info in wanted:
            data = _unpack(archive, info, left, cap)
            left -= len(data)
            members[info.filename.removesuffix("/")] = data
    return members


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, left: int, cap: int) -> bytes:
    limit = min(info.file_size, left)
    pieces: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as handle:
            while True:
                piece = handle.read(CHUNK)
                if not piece:
                    break
                size += len(piece)
                if size > limit:
                    if size > left:
                        raise _too_big(shown(info.filename), cap)
                    raise ArchiveError(
                        f"{shown(info.filename)}: refused (it unpacks to more than it says)"
                    )
                pieces.append(piece)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as error:
        raise ArchiveError(f"{shown(info.filename)}: can't be unpacked ({error})") from None
    return b"".join(pieces)


# -- a folder ---------------------------------------------------------------------


def _read_folder(root: Path, cap: int) -> dict[str, bytes]:
    files = _walk(root)
    if len(files) > MAX_MEMBERS:
        raise ArchiveError(f"{root.name}: refused (more than {MAX_MEMBERS:,} files)")
    if sum(size for _name, _path, size in files) > cap:
        raise _too_big(root.name, cap)
    members: dict[str, bytes] = {}
    left = cap
    for name, path, _size in files:
        data = _read_file(name, path, left, cap)
        left -= len(data)
        members[name] = data
    return members


def _walk(root: Path) -> list[tuple[str, Path, int]]:
    """Every file under `root`: its name in the archive, its path and its size.

    With a list of folders still to read rather than recursion, so no depth of
    folders can exhaust the stack (`check_name` stops at MAX_DEPTH anyway).
    """
    files: list[tuple[str, Path, int]] = []
    waiting = [(root, "")]
    while waiting and len(files) <= MAX_MEMBERS:
        folder, prefix = waiting.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            where = shown(prefix.removesuffix("/")) or root.name
            raise ArchiveError(f"{where}: can't be read ({error.strerror})") from None
        for entry in entries:
            name = prefix + entry.name
            parts = check_name(name)
            if entry.is_symlink():
                raise ArchiveError(f"{shown(name)}: refused (a link)")
            if entry.is_dir(follow_symlinks=False):
                waiting.append((Path(entry.path), name + "/"))
            elif entry.is_file(follow_symlinks=False):
                if not _skipped(parts):
                    size = entry.stat(follow_symlinks=False).st_size
                    files.append((name, Path(entry.path), size))
            else:
                raise ArchiveError(f"{shown(name)}: refused (not a plain file)")
    return files


def _read_file(name: str, path: Path, left: int, cap: int) -> bytes:
    try:
        # O_NOFOLLOW: a file swapped for a link after the walk is still refused.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(descriptor, "rb") as handle:
            data = handle.read(left + 1)
    except OSError as error:
        raise ArchiveError(f"{shown(name)}: can't be read ({error.strerror})") from None
    if len(data) > left:
        raise _too_big(shown(name), cap)
    return data
