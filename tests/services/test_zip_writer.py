"""The archive's zip writer: readable by zipfile and unzip, the same bytes however the
work is split, zip64 when it is needed, and errors raised in the caller."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from pathfinder.services import zip_writer
from pathfinder.services.archive import ZIP_DATE

MEMBERS = [
    ("manifest.json", b'{"format": "x"}\n'),
    ("journal/2026/2026-03-02-1-coffee.md", b"---\nid: 1\n---\n" + b"Coffee chat. " * 300),
    ("journal/2026/caf\u00e9-\u65e5\u672c.md", "Accents: é ø 日本".encode()),
    ("data/empty.json", b""),
    ("data/big.json", bytes(range(256)) * 4000),
]


def written(members: list[tuple[str, bytes]]) -> bytes:
    handle = io.BytesIO()
    zip_writer.write_zip(handle, iter(members), level=1, mode=0o600)
    return handle.getvalue()


def check_reads_back(data: bytes, members: list[tuple[str, bytes]], tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert [(info.filename, archive.read(info)) for info in archive.infolist()] == members
        for info in archive.infolist():
            assert info.date_time == ZIP_DATE
            assert info.create_system == 3 and info.external_attr >> 16 == 0o100600
    if shutil.which("unzip"):
        path = tmp_path / "check.zip"
        path.write_bytes(data)
        tested = subprocess.run(["unzip", "-tq", str(path)], capture_output=True, text=True)
        assert tested.returncode == 0, tested.stdout + tested.stderr


def test_members_read_back_in_order_with_date_and_mode(tmp_path: Path) -> None:
    check_reads_back(written(MEMBERS), MEMBERS, tmp_path)


def test_an_empty_zip_is_the_one_zipfile_writes() -> None:
    handle = io.BytesIO()
    with zipfile.ZipFile(handle, "w"):
        pass
    assert written([]) == handle.getvalue()


def test_the_bytes_do_not_depend_on_how_the_work_was_split(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    together = written(MEMBERS)
    monkeypatch.setattr(zip_writer, "BATCH_BYTES", 1)  # one member per task
    monkeypatch.setattr(zip_writer, "PENDING_BYTES", 1)  # written as soon as possible
    assert written(MEMBERS) == together
    monkeypatch.setattr(zip_writer, "WORKERS", 1)
    assert written(MEMBERS) == together


@pytest.mark.parametrize("limit_32", [10, 100_000])
def test_zip64_records_when_counts_sizes_or_offsets_overflow(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, limit_32: int
) -> None:
    # The real limits are 4 GiB and 65,535 members; lowered, the same code paths run.
    monkeypatch.setattr(zip_writer, "LIMIT_16", 3)
    monkeypatch.setattr(zip_writer, "LIMIT_32", limit_32)
    data = written(MEMBERS)
    assert b"PK\x06\x06" in data and b"PK\x06\x07" in data  # the zip64 end records
    check_reads_back(data, MEMBERS, tmp_path)


def test_an_error_making_a_member_is_raised_and_stops_the_rest() -> None:
    made: list[str] = []

    def members() -> Iterator[tuple[str, bytes]]:
        for name, data in MEMBERS[:2]:
            made.append(name)
            yield name, data
        raise ValueError("broken row")

    with pytest.raises(ValueError, match="broken row"):
        zip_writer.write_zip(io.BytesIO(), members(), level=1, mode=0o600)
    assert len(made) == 2


class FullDisk(io.BytesIO):
    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.tell() + len(data) > 5_000:
            raise OSError(28, "No space left on device")
        return super().write(data)


def test_a_full_disk_is_raised_in_the_caller_and_no_more_is_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(zip_writer, "BATCH_BYTES", 1)
    monkeypatch.setattr(zip_writer, "PENDING_BYTES", 1)
    asked: list[int] = []

    def members() -> Iterator[tuple[str, bytes]]:
        for number in range(1_000):
            asked.append(number)
            yield f"m{number}", bytes(range(256)) * 8

    with pytest.raises(OSError, match="No space"):
        zip_writer.write_zip(FullDisk(), members(), level=1, mode=0o600)
    assert len(asked) < 50
