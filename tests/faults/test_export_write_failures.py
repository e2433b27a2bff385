"""A write that fails partway through an export leaves the earlier file as it was.

Every writer is made to fail three ways: its file handle takes some of the bytes and then
reports a full disk (ENOSPC); the flush to the disk (fsync) reports a full disk; and, for
real, the kernel refuses to let the file grow past half its size (RLIMIT_FSIZE, EFBIG).
Each time the earlier file (or archive folder) must be byte-identical, with its mode, and
nothing else may be left in its folder.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import resource
import signal
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pathfinder import export_commands
from pathfinder.cli import parse_args
from pathfinder.paths import Paths
from pathfinder.report_commands import export_report
from pathfinder.services import archive_folder, files
from pathfinder.services.archive_write import write_archive
from pathfinder.services.files import ExportError

TODAY = date(2026, 3, 2)
EARLIER = b"the earlier export, which must survive\n"
MODES = ("handle", "fsync", "rlimit")


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every file and folder under `folder`: its mode, and a file's bytes."""
    found: dict[str, tuple[int, bytes | None]] = {}
    for root, folders, names in os.walk(folder):
        for name in folders:
            path = Path(root, name)
            found[str(path.relative_to(folder))] = (path.stat().st_mode, None)
        for name in names:
            path = Path(root, name)
            found[str(path.relative_to(folder))] = (path.stat().st_mode, path.read_bytes())
    return found


class FillingUp:
    """A binary file that takes `room` bytes in all, then fails like a full disk."""

    def __init__(self, real: Any, budget: list[int]) -> None:
        self._real = real
        self._budget = budget

    def write(self, data: Any) -> int:
        data = bytes(data)
        room = self._budget[0]
        if len(data) > room:
            self._real.write(data[:room])
            self._real.flush()  # the first bytes really are on the disk
            self._budget[0] = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._budget[0] -= len(data)
        return int(self._real.write(data))

    def __enter__(self) -> FillingUp:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


@contextlib.contextmanager
def disk_fills_up(
    monkeypatch: pytest.MonkeyPatch, mode: str, room: int, modules: tuple[Any, ...]
) -> Iterator[None]:
    """Make writing fail after `room` bytes ("handle", "rlimit") or at fsync ("fsync")."""
    if mode == "handle":
        budget = [room]

        def opened(*args: Any, **kwargs: Any) -> Any:
            handle = open(*args, **kwargs)  # noqa: SIM115 (closed by the wrapper)
            return FillingUp(handle, budget) if "b" in str(args[1:2] or "") else handle

        for module in modules:
            monkeypatch.setattr(module, "open", opened, raising=False)
        yield
    elif mode == "fsync":

        def full(_descriptor: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fsync", full)
        yield
    else:
        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (room, hard))
        try:
            yield
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
            signal.signal(signal.SIGXFSZ, previous)


# -- the writers: each writes `target` and returns what it said ---------------------------


def export_command(kind: str) -> Callable[[Paths, Path], object]:
    def write(paths: Paths, target: Path) -> object:
        command = getattr(export_commands, f"export_{kind}")
        return command(argparse.Namespace(output=str(target), force=True), paths)

    return write


def report_command(paths: Paths, target: Path) -> object:
    args = parse_args(
        [
            "export",
            "report",
            "--since",
            "2025-09-01",
            "--until",
            TODAY.isoformat(),
            "-o",
            str(target),
            "--force",
            "--data-dir",
            str(paths.data_dir),
        ]
    )
    return export_report(args, paths, today=TODAY)


def archive(paths: Paths, target: Path) -> object:
    try:
        return write_archive(target, data_dir=paths.data_dir, overwrite=True)
    except ExportError as error:
        return error


WRITERS: dict[str, tuple[Callable[[Paths, Path], object], str]] = {
    "vcard": (export_command("vcard"), "people.vcf"),
    "csv": (export_command("csv"), "people.csv"),
    "ics": (export_command("ics"), "follow-ups.ics"),
    "report-md": (report_command, "report.md"),
    "report-html": (report_command, "report.html"),
    "archive-zip": (archive, "notebook.zip"),
}


def failed(said: object) -> bool:
    return said == 1 or isinstance(said, ExportError)


# What the person is told, for each way of failing.
REASONS = {"handle": "the disk is full", "fsync": "the disk is full", "rlimit": "File too large"}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_failed_export_leaves_the_earlier_file(
    demo: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    writer: str,
    mode: str,
) -> None:
    write, name = WRITERS[writer]
    # A good run first, for the size (and so the vCard's key is already kept in the notebook).
    reference = tmp_path / "reference" / name
    reference.parent.mkdir()
    assert not failed(write(demo, reference))
    size = reference.stat().st_size
    assert size > 2_000

    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / name
    target.write_bytes(EARLIER)
    target.chmod(0o640)
    before = snapshot(folder)
    capsys.readouterr()
    with disk_fills_up(monkeypatch, mode, size // 2, (files,)):
        said = write(demo, target)
    assert failed(said), said
    told = said.message if isinstance(said, ExportError) else capsys.readouterr().err
    assert REASONS[mode] in told
    assert snapshot(folder) == before  # the earlier file, its mode, and no temporary


@pytest.mark.parametrize("mode", MODES)
def test_a_failed_archive_folder_leaves_the_earlier_archive(
    demo: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    target = tmp_path / "exports" / "notebook"
    target.parent.mkdir()
    write_archive(target, data_dir=demo.data_dir, overwrite=False)
    (target / "manifest.json").write_bytes(  # mark the earlier archive as the earlier one
        (target / "manifest.json").read_bytes().replace(b'"exported_at"', b'"exported_at" ')
    )
    largest = max((path for path in target.rglob("*") if path.is_file()), key=os.path.getsize)
    room = largest.stat().st_size // 2
    before = snapshot(target.parent)
    if mode == "fsync":
        # A folder is flushed with one os.sync(), which can't fail. Instead the rename of
        # the new archive into place fails, after the earlier one was moved aside.
        rename = os.rename
        renames: list[object] = []

        def second_fails(source: Any, destination: Any) -> None:
            renames.append(source)
            if len(renames) == 2:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            rename(source, destination)

        monkeypatch.setattr(os, "rename", second_fails)
        context: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
    else:
        context = disk_fills_up(monkeypatch, mode, room, (archive_folder,))
    with context, pytest.raises(ExportError) as refused:
        write_archive(target, data_dir=demo.data_dir, overwrite=True)
    assert REASONS[mode] in refused.value.message
    assert snapshot(target.parent) == before


def test_a_report_pdf_that_fails_partway_leaves_the_earlier_file(
    demo: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    # The PDF writer sets QT_QPA_PLATFORM for the process; keep it to this test.
    monkeypatch.setenv("QT_QPA_PLATFORM", os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    reference = tmp_path / "reference.pdf"
    assert report_command(demo, reference) == 0
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "report.pdf"
    target.write_bytes(EARLIER)
    before = snapshot(folder)
    with disk_fills_up(monkeypatch, "handle", reference.stat().st_size // 2, (files,)):
        assert report_command(demo, target) == 1
    assert snapshot(folder) == before


def map_scene() -> Any:
    from PySide6.QtWidgets import QApplication

    from pathfinder.services.network_layout import layout
    from pathfinder.services.network_map import Introduction, MapPerson, NetworkMap
    from pathfinder.views.map.scene import MapScene

    members = tuple(
        MapPerson(
            n, f"Person {n}", n % 40, f"Org {n % 40}", 1 + n % 3, "other", "other", n % 9, None
        )
        for n in range(1, 120)
    )
    placed = layout(NetworkMap(members, (Introduction(1, 2),), len(members)))
    return MapScene(placed, QApplication.palette(), QApplication.font())


@pytest.mark.parametrize(
    "kind",
    ["png", "svg"],
)
def test_a_map_picture_that_cant_be_written_whole_leaves_the_earlier_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any, kind: str
) -> None:
    from PySide6.QtWidgets import QApplication

    from pathfinder.views.map.export import save_png, save_svg

    save = save_png if kind == "png" else save_svg
    scene = map_scene()

    def draw(path: Path) -> None:
        save(path, scene, QApplication.palette(), QApplication.font(), "A caption", 1.0)

    reference = tmp_path / f"reference.{kind}"
    draw(reference)
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / f"map.{kind}").write_bytes(EARLIER)
    before = snapshot(folder)
    with (
        disk_fills_up(monkeypatch, "rlimit", reference.stat().st_size // 2, ()),
        pytest.raises(OSError),
    ):
        draw(folder / f"map.{kind}")
    assert snapshot(folder) == before
