"""Reading LinkedIn's `Connections.csv`, from "Get a copy of your data", or the whole
export .zip with `Connections.csv` somewhere inside.

The file starts with a byte-order mark and a `Notes:` line holding a privacy notice,
then a blank line and the header; older exports have no `URL` column and may have no
notice. Columns are found by name. Each row becomes one person: "First Last" as the
name, Company, Position, URL, Email Address (mostly empty) and Connected On
(`15 Mar 2024`). A blank row is skipped; a row with no name is invalid; a Connected On
that isn't a date leaves the person valid, without the date, with a warning (the date
only dates the "connected" interaction, and the person is still worth having).
"""

from __future__ import annotations

import lzma
import re
import stat
import zipfile
import zlib
from datetime import date
from pathlib import Path, PurePosixPath

from pathfinder.services import import_files
from pathfinder.services.import_files import (
    TextFile,
    decode_text,
    file_error,
    make_person,
    quoted,
    read_csv,
    read_text,
    too_big,
)
from pathfinder.services.import_rows import ImportedPerson, ParsedFile

MEMBER = "Connections.csv"
REQUIRED = ("First Name", "Last Name", "Company", "Position", "Connected On")
OPTIONAL = ("URL", "Email Address")
# The export zip holds messages and more besides; it is only listed, never unpacked whole.
MAX_ZIP_BYTES = 2 * 1024**3
MAX_ZIP_MEMBERS = 100_000
_CHUNK = 1 << 20
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
# Parsed by hand rather than with strptime, whose %b follows the computer's language.
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def is_linkedin_header(cells: list[str]) -> bool:
    names = {cell.casefold() for cell in cells}
    return all(column.casefold() in names for column in REQUIRED)


def parse_linkedin(path: Path) -> ParsedFile:
    """Everyone in the file (or zip) at `path`; raises ImportFileError if it can't be used."""
    if path.suffix.casefold() == ".zip" or _starts_like_zip(path):
        file = _connections_in_zip(path)
    else:
        file = read_text(path, expected="a CSV file")
    table = read_csv(
        file,
        is_header=is_linkedin_header,
        what="a LinkedIn Connections.csv",
        expected_columns=", ".join(REQUIRED),
    )
    people: list[ImportedPerson] = []
    for line, get, cells in table.rows():
        connected_on, warnings = _connected_on(get("Connected On"))
        name = " ".join(
            part for part in (get("First Name").strip(), get("Last Name").strip()) if part
        )
        people.append(
            make_person(
                line,
                name=name,
                nameless="This row has no first or last name.",
                organisation=get("Company"),
                title=get("Position"),
                emails=[get("Email Address")],
                urls=[get("URL")],
                connected_on=connected_on,
                warnings=warnings,
                problem=table.extra_cells_problem(cells),
            )
        )
    return ParsedFile("linkedin", path.name, tuple(people), file.notes)


def _connected_on(text: str) -> tuple[date | None, list[str]]:
    text = text.strip()
    if not text:
        return None, []
    found: date | None = None
    try:
        if match := _DAY_MONTH_YEAR.fullmatch(text):
            month = _MONTHS.get(match[2].casefold())
            if month:
                found = date(int(match[3]), month, int(match[1]))
        elif match := _ISO.fullmatch(text):
            found = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        found = None
    if found is None or not 1900 <= found.year <= 2200:
        return None, [f"Connected On {quoted(text)} isn't a date like 15 Mar 2024; left out."]
    return found, []


# -- the export zip ---------------------------------------------------------------


def _starts_like_zip(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == import_files.ZIP_MAGIC
    except OSError:
        return False  # read_text says why


def _connections_in_zip(path: Path) -> TextFile:
    """`Connections.csv` from the zip at `path` (the one nearest the top, if several),
    read in pieces so a member lying about its size is caught at MAX_FILE_BYTES too."""
    try:
        if path.stat().st_size > MAX_ZIP_BYTES:
            raise too_big(path.name, MAX_ZIP_BYTES)
        archive = zipfile.ZipFile(path)
    except OSError as error:
        raise file_error(path.name, f"can't be read ({error.strerror or error}).") from None
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as error:
        raise file_error(path.name, f"isn't a zip file that can be read ({error}).") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise file_error(path.name, f"holds more than {MAX_ZIP_MEMBERS:,} files; refused.")
        found = [info for info in infos if _is_connections(info)]
        if not found:
            raise file_error(
                path.name,
                f"has no {MEMBER} inside. In LinkedIn's data export, choose "
                "“Connections” (or the larger archive), then pick the zip it sends.",
            )
        info = min(found, key=lambda info: info.filename.count("/"))
        name = f"{path.name}, {info.filename}"
        if info.flag_bits & 0x1:
            raise file_error(name, "is encrypted; unzip it yourself and choose the file.")
        if info.file_size > import_files.MAX_FILE_BYTES:
            raise too_big(name, import_files.MAX_FILE_BYTES)
        data = _unpack(archive, info, name)
    return decode_text(data, name, expected="a CSV file")


def _is_connections(info: zipfile.ZipInfo) -> bool:
    parts = PurePosixPath(info.filename.replace("\\", "/")).parts
    return (
        bool(parts)
        and not info.is_dir()
        and parts[-1].casefold() == MEMBER.casefold()
        and "__MACOSX" not in parts
        and not stat.S_ISLNK(info.external_attr >> 16)
    )


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    pieces: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as handle:
            while piece := handle.read(_CHUNK):
                size += len(piece)
                if size > import_files.MAX_FILE_BYTES:
                    raise too_big(name, import_files.MAX_FILE_BYTES)
                pieces.append(piece)
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        ValueError,
        RuntimeError,
        NotImplementedError,
        zlib.error,
        lzma.LZMAError,
    ) as error:
        raise file_error(name, f"can't be unpacked ({error}).") from None
    return b"".join(pieces)
