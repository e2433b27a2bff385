"""Reading an import file without trusting it, shared by the three parsers
(`import_linkedin`, `import_google`, `import_vcard`).

- `read_text(path)` refuses, before anything is parsed: a file over `MAX_FILE_BYTES`
  (checked before it is read), an empty file, a binary one (a NUL byte), a zip, and an
  HTML page saved under another name. It decodes UTF-8 (with or without a byte-order
  mark, or UTF-16 with one) and falls back to Windows-1252 when the bytes aren't UTF-8,
  saying so in a note.
- `read_csv(...)` finds the header among the first `HEADER_SCAN_RECORDS` records
  (LinkedIn puts a notice before it), with a comma, semicolon or tab between cells (a
  spreadsheet may save either), and then hands over every record with its first line.
- `make_person(...)` tidies and checks one person the same way for every format.

Every problem is an ImportFileError of one line naming the file and, where there is
one, the line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path

from pathfinder.services.contact_fields import (
    NOTES_LIMIT,
    clean_email,
    clean_phone,
    clean_url,
    url_host,
)
from pathfinder.services.import_rows import ImportedPerson, ImportFileError
from pathfinder.services.tags import clean_tag
from pathfinder.services.validation import SHORT_TEXT_LIMIT, ValidationError

MAX_FILE_BYTES = 50 * 1024 * 1024  # far more than 30,000 connections (about 4 MB)
HEADER_SCAN_RECORDS = 20
URL_LIMIT = 2_000  # the longest web address every browser keeps
PHONE_LIMIT = 60  # clean_phone wants at most 20 digits; room for spaces and "ext."
ZIP_MAGIC = b"PK\x03\x04"
_DELIMITERS = (",", ";", "\t")
_CSV_FIELD_LIMIT = 2**31 - 1
_HTML = re.compile(r"<(!doctype\s+html|html|head|body|meta|title|script)\b", re.IGNORECASE)
# Control characters other than line breaks and tabs say nothing a person typed.
_CONTROLS: dict[int, None] = dict.fromkeys(
    c for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n"
)
_ANY_CONTROL = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029], "?")


def file_error(name: str, message: str, line: int | None = None) -> ImportFileError:
    name = name.translate(_ANY_CONTROL)  # a file may be named anything, but a message is one line
    where = f"{name}, line {line}" if line else name
    return ImportFileError(f"{where}: {message}")


def quoted(text: str, limit: int = 60) -> str:
    """`text` on one line, cut to `limit` characters, in quotation marks for a message."""
    one_line = " ".join(text.translate(_CONTROLS).split())
    if len(one_line) > limit:
        one_line = one_line[: limit - 1] + "…"
    return f"“{one_line}”"


# -- bytes and text ---------------------------------------------------------------


@dataclass(frozen=True)
class TextFile:
    name: str  # for messages: "Connections.csv", or "export.zip, Connections.csv"
    text: str  # without a byte-order mark; every line break is "\n"
    notes: tuple[str, ...] = ()


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The whole file, after checking its size on disk; `limit` defaults to MAX_FILE_BYTES."""
    cap = MAX_FILE_BYTES if limit is None else limit
    if path.is_dir():
        raise file_error(path.name, "is a folder, not a file.")
    try:
        if path.stat().st_size > cap:
            raise too_big(path.name, cap)
        with path.open("rb") as handle:
            data = handle.read(cap + 1)  # in case it grew, or isn't a plain file
    except OSError as error:
        raise file_error(path.name, f"can't be read ({error.strerror or error}).") from None
    if len(data) > cap:
        raise too_big(path.name, cap)
    return data


def too_big(name: str, cap: int) -> ImportFileError:
    return file_error(
        name, f"is larger than {cap / 2**20:g} MB, far more than any contacts export; refused."
    )


def read_text(path: Path, *, expected: str) -> TextFile:
    """The decoded text of the file at `path`; `expected` says what it should be
    ("a CSV file") for the message when it isn't."""
    data = read_bytes(path)
    if data.startswith(ZIP_MAGIC):
        raise file_error(
            path.name, f"is a zip archive, not {expected}; unzip it and choose the file inside."
        )
    return decode_text(data, path.name, expected=expected)


def decode_text(data: bytes, name: str, *, expected: str) -> TextFile:
    notes: list[str] = []
    if not data.strip(b" \t\r\n\x0c\xef\xbb\xbf\xff\xfe"):
        raise file_error(name, "is empty.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise file_error(
                name, "starts like UTF-16 text but isn't.", _line_at(data, error.start)
            ) from None
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise file_error(
                name, f"is a binary file, not {expected} (a NUL byte).", _line_at(data, nul)
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            first = _line_at(data, error.start)
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as again:
                raise file_error(
                    name, "is neither UTF-8 nor Windows-1252 text.", _line_at(data, again.start)
                ) from None
            notes.append(
                f"{name} isn't UTF-8 (line {first} first), so it was read as Windows-1252: "
                "check accented letters in the preview."
            )
    if "\x00" in text:
        raise file_error(name, f"is a binary file, not {expected} (a NUL character).")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise file_error(name, "is empty.")
    if text.lstrip().startswith("<") and _HTML.search(text[:4096]):
        raise file_error(
            name,
            f"is a web page (HTML), not {expected}; it was perhaps saved from the browser. "
            "Download the export again.",
        )
    return TextFile(name, text, tuple(notes))


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


# -- CSV ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CsvTable:
    header: tuple[str, ...]  # stripped, as written
    records: Iterator[tuple[int, list[str]]]  # (first line, cells), after the header

    def rows(self) -> Iterator[tuple[int, Callable[[str], str], list[str]]]:
        """Every record that isn't blank, with a way to read its cells by column name
        (folded to lower case; "" for a column the file or the row lacks)."""
        positions: dict[str, int] = {}
        for position, name in enumerate(self.header):
            positions.setdefault(name.casefold(), position)  # the first of twins
        for line, cells in self.records:
            if not any(cell.strip() for cell in cells):
                continue

            def get(column: str, cells: list[str] = cells) -> str:
                position = positions.get(column.casefold())
                return cells[position] if position is not None and position < len(cells) else ""

            yield line, get, cells

    def extra_cells_problem(self, cells: list[str]) -> str:
        if any(cell.strip() for cell in cells[len(self.header) :]):
            return (
                f"This row has {len(cells)} cells but the header has {len(self.header)} "
                "(a comma outside quotation marks?)."
            )
        return ""


def read_csv(
    file: TextFile,
    *,
    is_header: Callable[[list[str]], bool],
    what: str,
    expected_columns: str,
) -> CsvTable:
    """The table of `file`, from the first record `is_header` accepts (its cells are
    stripped); `what` names the format ("a LinkedIn Connections.csv")."""
    for delimiter in _DELIMITERS:
        records = _records(file, delimiter)
        for _line, cells in islice(records, HEADER_SCAN_RECORDS):
            header = [cell.strip() for cell in cells]
            if is_header(header):
                return CsvTable(tuple(header), records)
    raise _wrong_header(file, what, expected_columns)


def _records(file: TextFile, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    # csv refuses a cell over 128 KB, which would refuse a whole file for one long note;
    # no cell can be longer than the file, so the limit goes up to what files can hold,
    # and a long cell makes its row invalid instead (make_person). The limit is the
    # process's, and only ever raised; 2**31 - 1 fits a C long everywhere.
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(file.text, newline=""), delimiter=delimiter)
    line = 1
    try:
        for cells in reader:
            yield line, cells
            line = reader.line_num + 1
    except csv.Error as error:  # not expected with strict=False, no NULs and that limit
        raise file_error(file.name, f"can't be read as CSV ({error}).", line) from None


def _wrong_header(file: TextFile, what: str, expected: str) -> ImportFileError:
    lines = file.text.split("\n")
    first = next((n for n, line in enumerate(lines, 1) if line.strip()), 1)
    reads = quoted(lines[first - 1])
    looks = _looks_like(file.text)
    hint = f" It looks like {looks}; choose that kind of import instead." if looks else ""
    scanned = lines[: HEADER_SCAN_RECORDS * 5]
    if not any(sep in line for line in scanned for sep in _DELIMITERS):
        return file_error(
            file.name, f"isn't a CSV file (no commas between cells); it reads {reads}.{hint}", first
        )
    return file_error(
        file.name,
        f"isn't {what}: none of its first {HEADER_SCAN_RECORDS} lines is the header with "
        f"the columns {expected}; it starts with {reads}.{hint}",
        first,
    )


def _looks_like(text: str) -> str:
    start = text[:8192].casefold()
    if "begin:vcard" in start:
        return "a vCard file"
    if "first name" in start and "connected on" in start:
        return "a LinkedIn Connections.csv"
    if ("first name" in start and "labels" in start) or "group membership" in start:
        return "a Google Contacts export"
    return ""


# -- one person -----------------------------------------------------------------------


def one_line(text: str) -> str:
    return " ".join(text.translate(_CONTROLS).split())


def _paragraphs(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS).strip()


_FIELD_LIMITS = (
    ("name", "The name is", SHORT_TEXT_LIMIT),
    ("organisation", "The organisation is", SHORT_TEXT_LIMIT),
    ("title", "The job title is", SHORT_TEXT_LIMIT),
    ("location", "The location is", SHORT_TEXT_LIMIT),
    ("notes", "The notes are", NOTES_LIMIT),
)


def make_person(
    line: int,
    *,
    name: str,
    nameless: str,
    organisation: str = "",
    title: str = "",
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    urls: Iterable[str] = (),
    location: str = "",
    notes: str = "",
    tags: Iterable[str] = (),
    connected_on: date | None = None,
    warnings: Iterable[str] = (),
    problem: str = "",
) -> ImportedPerson:
    """One person, tidied: one-line fields on one line, control characters out, every
    text within the notebook's limits (else the row is invalid: cutting a name or a
    title would import something the person never wrote). An email, phone or web
    address that isn't one is left out with a warning; the row stays valid."""
    texts = {
        "name": one_line(name),
        "organisation": one_line(organisation),
        "title": one_line(title),
        "location": one_line(location),
        "notes": _paragraphs(notes),
    }
    notes_left: list[str] = list(warnings)
    if not problem:
        problem = _too_long(texts) or ("" if texts["name"] else nameless)
    good_emails = _checked(emails, _email, "an email address", notes_left)
    good_phones = _checked(phones, _phone, "a phone number", notes_left)
    if len(good_phones) > 1:
        notes_left.append(
            f"Only the first phone number is kept ({len(good_phones) - 1} more in the file)."
        )
    linkedin: list[str] = []
    websites: list[str] = []
    for url in _checked(urls, _url, "a web address", notes_left):
        host = url_host(url)
        is_linkedin = host == "linkedin.com" or host.endswith(".linkedin.com")
        (linkedin if is_linkedin else websites).append(url)
    return ImportedPerson(
        line=line,
        name=texts["name"],
        organisation=texts["organisation"],
        title=texts["title"],
        email=good_emails[0] if good_emails else "",
        other_emails=tuple(good_emails[1:]),
        phone=good_phones[0] if good_phones else "",
        linkedin_url=linkedin[0] if linkedin else "",
        website=websites[0] if websites else "",
        location=texts["location"],
        notes=texts["notes"],
        tags=_tags(tags),
        connected_on=connected_on,
        problem=problem,
        warnings=tuple(dict.fromkeys(notes_left)),
    )


def _too_long(texts: dict[str, str]) -> str:
    for key, label, limit in _FIELD_LIMITS:
        if len(texts[key]) > limit:
            return f"{label} {len(texts[key]):,} characters; Pathfinder keeps up to {limit:,}."
    return ""


def _checked(
    values: Iterable[str], clean: Callable[[str], str], kind: str, warnings: list[str]
) -> list[str]:
    """The values `clean` accepts, each once (ignoring case); a warning for each other."""
    seen: dict[str, str] = {}
    for value in values:
        text = one_line(value)
        if not text:
            continue
        try:
            cleaned = clean(text)
        except ValidationError:
            warnings.append(f"Left out {quoted(text)}: not {kind}.")
            continue
        seen.setdefault(cleaned.casefold(), cleaned)
    return list(seen.values())


# Each length is checked before the pattern: contact_fields' patterns are fine for what
# a person types, but the phone one takes quadratic time on a long cell of spaces.


def _email(text: str) -> str:
    if len(text) > SHORT_TEXT_LIMIT:
        raise ValidationError("email", "too long")
    return clean_email(text.removeprefix("mailto:").removeprefix("MAILTO:"))


def _phone(text: str) -> str:
    if len(text) > PHONE_LIMIT:
        raise ValidationError("phone", "too long")
    return clean_phone(text.removeprefix("tel:").removeprefix("TEL:"))


def _url(text: str) -> str:
    if len(text) > URL_LIMIT:
        raise ValidationError("website", "too long")
    return clean_url("website", text)


def _tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tidied by `clean_tag` as everywhere in Pathfinder (so cut at its length), each once."""
    seen: dict[str, str] = {}
    for tag in tags:
        cleaned = clean_tag(one_line(tag))
        if cleaned:
            seen.setdefault(cleaned.casefold(), cleaned)
    return tuple(seen.values())
