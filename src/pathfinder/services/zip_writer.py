"""A zip file written member by member, compressed by worker threads (for the archive).

Python's `zipfile` compresses each member in the thread that writes it, and spends
about as long again on its own bookkeeping per member; the archive of a large
notebook holds 20,000 small journal files, so that alone took a second. Here the
members are deflated in batches by two worker threads (zlib lets go of Python's
interpreter lock while it works), while the caller goes on making the next ones,
and each is written in order as soon as it is ready: the same bytes whatever the
timing.

Every member gets a fixed date and the same Unix mode, so equal files give an equal
zip. Zip64 records are written only when a size, an offset or the number of members
needs them (4 GiB, 65,535 members), as `zipfile` does; `zipfile`, `unzip` and the
systems' own archive tools read the result.
"""

from __future__ import annotations

import struct
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO

BATCH_BYTES = 256 * 1024  # members deflated together in one task, about this much
PENDING_BYTES = 64 * 1024 * 1024  # handed to the workers before the oldest must be written
WORKERS = 2

LIMIT_32 = 0xFFFFFFFF  # a size or an offset at or above this needs zip64
LIMIT_16 = 0xFFFF  # as many members needs zip64
_SEE_64_32, _SEE_64_16 = 0xFFFFFFFF, 0xFFFF  # in place of a value held by zip64 records
_DEFLATED = 8
_VERSION = 20  # 2.0: deflate
_VERSION_64 = 45  # 4.5: zip64
_MADE_BY_UNIX = 3 << 8
_UTF8_NAME = 0x800
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00:00


@dataclass(frozen=True)
class _Deflated:
    name: bytes
    flags: int
    crc: int
    size: int
    data: bytes


def _deflate(batch: list[tuple[str, bytes]], level: int) -> list[_Deflated]:
    done = []
    for name, data in batch:
        flags = 0 if name.isascii() else _UTF8_NAME
        packed = zlib.compress(data, level, -15)  # raw deflate, as zip holds it
        done.append(_Deflated(name.encode("utf-8"), flags, zlib.crc32(data), len(data), packed))
    return done


def _batches(members: Iterable[tuple[str, bytes]]) -> Iterator[list[tuple[str, bytes]]]:
    batch: list[tuple[str, bytes]] = []
    size = 0
    for member in members:
        batch.append(member)
        size += len(member[1])
        if size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def write_zip(
    handle: BinaryIO, members: Iterable[tuple[str, bytes]], *, level: int, mode: int
) -> None:
    """Write `members` (name, bytes), in order, as a deflated zip to `handle` (a new
    file, at its start); every member gets the regular-file `mode` (0o600, say).

    An error making a member or writing the file stops the rest and is raised here.
    """
    writer = _Writer(handle, mode)
    pending: deque[tuple[Future[list[_Deflated]], int]] = deque()
    pending_bytes = 0
    with ThreadPoolExecutor(WORKERS, thread_name_prefix="zip") as pool:
        try:
            for batch in _batches(members):
                size = sum(len(data) for _, data in batch)
                pending.append((pool.submit(_deflate, batch, level), size))
                pending_bytes += size
                while pending and (pending[0][0].done() or pending_bytes > PENDING_BYTES):
                    future, size = pending.popleft()
                    writer.add(future.result())
                    pending_bytes -= size
            while pending:
                writer.add(pending.popleft()[0].result())
        finally:
            for future, _ in pending:
                future.cancel()
    writer.finish()


class _Writer:
    def __init__(self, handle: BinaryIO, mode: int) -> None:
        self._handle = handle
        self._attributes = (0o100000 | mode) << 16
        self._offset = 0
        self._directory: list[bytes] = []

    def _write(self, data: bytes) -> None:
        self._handle.write(data)
        self._offset += len(data)

    def add(self, deflated: list[_Deflated]) -> None:
        for member in deflated:
            self._add(member)

    def _add(self, member: _Deflated) -> None:
        offset = self._offset
        sizes_64 = member.size >= LIMIT_32 or len(member.data) >= LIMIT_32
        # From the flags to the name's length, the local header and the directory agree.
        common = struct.pack(
            "<HHHHIIIH",
            member.flags,
            _DEFLATED,
            _DOS_TIME,
            _DOS_DATE,
            member.crc,
            _SEE_64_32 if sizes_64 else len(member.data),
            _SEE_64_32 if sizes_64 else member.size,
            len(member.name),
        )
        local_extra = (
            struct.pack("<HHQQ", 1, 16, member.size, len(member.data)) if sizes_64 else b""
        )
        version = _VERSION_64 if sizes_64 else _VERSION
        self._write(struct.pack("<IH", 0x04034B50, version) + common)
        self._write(struct.pack("<H", len(local_extra)) + member.name + local_extra)
        self._write(member.data)
        # The directory's zip64 field holds, in this order, only what overflows.
        wide = [value for value in (member.size, len(member.data)) if sizes_64]
        if offset >= LIMIT_32:
            wide.append(offset)
        extra = struct.pack(f"<HH{len(wide)}Q", 1, 8 * len(wide), *wide) if wide else b""
        version = _VERSION_64 if wide else _VERSION
        self._directory.append(
            struct.pack("<IHH", 0x02014B50, _MADE_BY_UNIX | version, version)
            + common
            + struct.pack(
                "<HHHHII",
                len(extra),
                0,  # no comment
                0,  # disk
                0,  # internal attributes
                self._attributes,
                _SEE_64_32 if offset >= LIMIT_32 else offset,
            )
            + member.name
            + extra
        )

    def finish(self) -> None:
        start = self._offset
        for record in self._directory:
            self._write(record)
        size = self._offset - start
        count = len(self._directory)
        zip64 = count >= LIMIT_16 or size >= LIMIT_32 or start >= LIMIT_32
        if zip64:
            end_64 = self._offset
            self._write(
                struct.pack(
                    "<IQHHIIQQQQ", 0x06064B50, 44, _VERSION_64, _VERSION_64, 0, 0,
                    count, count, size, start,
                )
            )  # fmt: skip
            self._write(struct.pack("<IIQI", 0x07064B50, 0, end_64, 1))
        self._write(
            struct.pack(
                "<IHHHHIIH",
                0x06054B50,
                0,
                0,
                _SEE_64_16 if zip64 else count,
                _SEE_64_16 if zip64 else count,
                _SEE_64_32 if zip64 else size,
                _SEE_64_32 if zip64 else start,
                0,
            )
        )
