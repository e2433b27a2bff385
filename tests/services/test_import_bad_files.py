"""A file an import can't use is refused with one line naming the file and the first bad
line; a file that is merely odd (Windows-1252, too-long fields) is read and says so."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from pathfinder.services import import_files, import_linkedin
from pathfinder.services.contact_fields import NOTES_LIMIT
from pathfinder.services.import_google import parse_google
from pathfinder.services.import_linkedin import parse_linkedin
from pathfinder.services.import_rows import ImportFileError, ParsedFile
from pathfinder.services.import_vcard import parse_vcard

Parser = Callable[[Path], ParsedFile]
PARSERS = [
    pytest.param(parse_linkedin, "Connections.csv", id="linkedin"),
    pytest.param(parse_google, "contacts.csv", id="google"),
    pytest.param(parse_vcard, "contacts.vcf", id="vcard"),
]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def refused(parse: Parser, path: Path) -> str:
    with pytest.raises(ImportFileError) as error:
        parse(path)
    message = error.value.message
    assert message == str(error.value)
    assert message.startswith(path.name)
    assert "\n" not in message and "Traceback" not in message
    return message


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("parse", "name"), PARSERS)
@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"  \r\n\r\n\t", b"\xff\xfe"])
def test_an_empty_file_is_refused(tmp_path: Path, parse: Parser, name: str, data: bytes) -> None:
    assert refused(parse, write(tmp_path, name, data)) == f"{name}: is empty."


@pytest.mark.parametrize(("parse", "name"), PARSERS)
def test_a_binary_file_is_refused_naming_the_line(tmp_path: Path, parse: Parser, name: str) -> None:
    data = b"First Name,Last Name\r\nAda,Lee\r\n\x89PNG\x00\x00\x00\rIHDR"

    message = refused(parse, write(tmp_path, name, data))

    assert message.startswith(f"{name}, line 3: is a binary file, not a")


@pytest.mark.parametrize(("parse", "name"), PARSERS)
def test_an_html_page_saved_under_the_exports_name_is_refused(
    tmp_path: Path, parse: Parser, name: str
) -> None:
    page = b"\n<!DOCTYPE html>\n<html lang='en'><head><title>Sign in</title></head></html>\n"

    message = refused(parse, write(tmp_path, name, page))

    assert "is a web page (HTML)" in message
    assert "Download the export again." in message


@pytest.mark.parametrize(("parse", "name"), PARSERS)
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, parse: Parser, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:  # sparse: 60 MB on paper, nothing on disk
        handle.truncate(60 * 2**20)
    reads: list[int] = []
    real_open = Path.open

    class Counted:
        """A file handle noting how much is asked of it."""

        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def read(self, size=-1):
            reads.append(size)
            return self.handle.read(size)

    monkeypatch.setattr(Path, "open", lambda self, *a, **k: Counted(real_open(self, *a, **k)))

    message = refused(parse, path)

    assert message == (f"{name}: is larger than 50 MB, far more than any contacts export; refused.")
    assert all(0 <= size <= 4 for size in reads)  # at most a look at the first bytes


@pytest.mark.parametrize(("parse", "name"), PARSERS)
def test_the_size_limit_is_one_constant(
    tmp_path: Path, parse: Parser, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_files, "MAX_FILE_BYTES", 1000)
    small = write(tmp_path, name, b"x" * 999 + b"\n")
    big = write(tmp_path, "big-" + name, b"x" * 1001)

    assert "larger than" not in refused(parse, small)
    assert "larger than" in refused(parse, big)


@pytest.mark.parametrize(("parse", "name"), PARSERS[:2])
def test_a_csv_with_the_wrong_header_names_the_columns_it_expected(
    tmp_path: Path, parse: Parser, name: str
) -> None:
    data = b"\r\nDate,Amount,Payee\r\n2024-01-02,12.50,Corner Shop\r\n"

    message = refused(parse, write(tmp_path, name, data))

    assert message.startswith(f"{name}, line 2: isn't a ")
    assert "none of its first 20 lines is the header" in message
    assert "First Name, Last Name" in message
    assert "it starts with “Date,Amount,Payee”" in message


def test_the_wrong_kind_of_export_is_named(tmp_path: Path) -> None:
    google = refused(parse_google, write(tmp_path, "c.csv", (LINKEDIN_HEADER + "\n").encode()))
    linkedin = refused(parse_linkedin, FIXTURES / "google_current.csv")
    vcard_as_csv = refused(parse_google, FIXTURES / "vcard40.vcf")

    assert "It looks like a LinkedIn Connections.csv; choose that kind of import" in google
    assert "It looks like a Google Contacts export" in linkedin
    assert "It looks like a vCard file" in vcard_as_csv


@pytest.mark.parametrize(("parse", "name"), PARSERS[:2])
def test_a_file_that_isnt_csv_at_all(tmp_path: Path, parse: Parser, name: str) -> None:
    data = b"Dear Ana\n\nthank you for the coffee.\n"

    message = refused(parse, write(tmp_path, name, data))

    assert message.startswith(f"{name}, line 1: isn't a CSV file (no commas between cells)")


def test_a_file_that_isnt_a_vcard(tmp_path: Path) -> None:
    message = refused(parse_vcard, write(tmp_path, "x.vcf", b"\nName: Ana\nPhone: 123\n"))

    assert message == "x.vcf, line 2: isn't a vCard file: there is no BEGIN:VCARD line in it."


def test_a_vcard_file_whose_only_card_is_broken_is_refused_naming_the_line(
    tmp_path: Path,
) -> None:
    data = (
        b'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\nEMAIL;TYPE="work:ana@x.org\r\nEND:VCARD\r\n'
    )

    message = refused(parse_vcard, write(tmp_path, "ana.vcf", data))

    assert message.startswith("ana.vcf, line 4: no card in it can be read; this card can't be")


def test_a_vcard_file_cut_short_in_its_only_card_is_refused(tmp_path: Path) -> None:
    message = refused(parse_vcard, write(tmp_path, "c.vcf", b"BEGIN:VCARD\nVERSION:3.0\nFN:A"))

    assert message == (
        "c.vcf, line 1: no card in it can be read; "
        "this card has no END:VCARD line (the file may be cut short)."
    )


def test_windows_1252_is_read_when_the_file_isnt_utf8_and_a_note_says_so(
    tmp_path: Path,
) -> None:
    text = LINKEDIN_HEADER + "\r\nZoë,Müller,,,Café “Noir”,Barista,1 Feb 2020\r\n"
    path = write(tmp_path, "Connections.csv", text.encode("cp1252"))

    parsed = parse_linkedin(path)

    (zoe,) = parsed.people
    assert (zoe.name, zoe.organisation) == ("Zoë Müller", "Café “Noir”")
    assert parsed.notes == (
        "Connections.csv isn't UTF-8 (line 2 first), so it was read as Windows-1252: "
        "check accented letters in the preview.",
    )


def test_bytes_that_are_neither_utf8_nor_windows_1252_are_refused(tmp_path: Path) -> None:
    data = (LINKEDIN_HEADER + "\nAna,Ruiz,,,Acme,X,1 Feb 2020\nB\x81,C,,,,,\n").encode("latin-1")

    message = refused(parse_linkedin, write(tmp_path, "Connections.csv", data))

    assert message == "Connections.csv, line 3: is neither UTF-8 nor Windows-1252 text."


def test_a_zip_given_to_a_parser_that_reads_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "takeout.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Contacts/contacts.vcf", "BEGIN:VCARD\n")

    assert "is a zip archive, not a vCard file; unzip it" in refused(parse_vcard, path)
    assert "is a zip archive, not a CSV file" in refused(parse_google, path)


@pytest.mark.parametrize(("parse", "name"), PARSERS)
def test_a_missing_file_or_a_folder_is_refused(tmp_path: Path, parse: Parser, name: str) -> None:
    (tmp_path / "folder").mkdir()

    assert "can't be read" in refused(parse, tmp_path / name)
    assert refused(parse, tmp_path / "folder") == "folder: is a folder, not a file."


def test_a_cell_over_csvs_own_field_limit_makes_only_its_row_invalid(tmp_path: Path) -> None:
    data = LINKEDIN_HEADER + '\nAna,Ruiz,,,Acme,X,1 Feb 2020\nBo,Lind,,,,"' + "x" * 200_000
    data += '",\nCy,Moss,,,,,\n'

    ana, bo, cy = parse_linkedin(write(tmp_path, "Connections.csv", data.encode())).people

    assert ana.valid and cy.valid
    assert bo.problem == "The job title is 200,000 characters; Pathfinder keeps up to 300."


def test_texts_over_the_notebooks_limits_make_the_row_invalid_and_tags_are_cut(
    tmp_path: Path,
) -> None:
    header = "First Name,Last Name,Organization Name,Organization Title,Notes,Labels\n"
    rows = [
        f"{'A' * 301},,,,,",
        f"Bo,Lind,{'B' * 301},,,",
        f"Cy,Moss,,{'C' * 301},,",
        f"Di,Ng,,,{'D' * (NOTES_LIMIT + 1)},",
        f"Ed,Ho,Acme,Chief,Short notes,{'T' * 80} ::: Team",
    ]
    path = write(tmp_path, "contacts.csv", (header + "\n".join(rows) + "\n").encode())

    long_name, long_org, long_title, long_notes, ed = parse_google(path).people

    assert long_name.problem == "The name is 301 characters; Pathfinder keeps up to 300."
    assert long_org.problem == "The organisation is 301 characters; Pathfinder keeps up to 300."
    assert long_title.problem == "The job title is 301 characters; Pathfinder keeps up to 300."
    assert long_notes.problem == (
        f"The notes are {NOTES_LIMIT + 1:,} characters; Pathfinder keeps up to {NOTES_LIMIT:,}."
    )
    assert ed.valid and ed.tags == ("T" * 60, "Team")


def test_control_characters_are_taken_out_and_one_line_fields_stay_on_one_line(
    tmp_path: Path,
) -> None:
    data = LINKEDIN_HEADER + '\n"Ana\x1b[31m","Ru\x07iz",,,"Acme\u2028Health",Boss\x7f,\n'

    (ana,) = parse_linkedin(write(tmp_path, "Connections.csv", data.encode())).people

    assert (ana.name, ana.organisation, ana.title) == ("Ana[31m Ruiz", "Acme Health", "Boss")


# -- hostile zips ---------------------------------------------------------------------


def test_a_zip_whose_connections_csv_unpacks_too_large_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_files, "MAX_FILE_BYTES", 2**20)
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", LINKEDIN_HEADER + "\n" + "a," * 600_000)
    assert path.stat().st_size < 10_000

    message = refused(parse_linkedin, path)

    assert message == (
        "bomb.zip, Connections.csv: is larger than 1 MB, far more than any contacts "
        "export; refused."
    )


def test_a_zip_member_that_lies_about_its_size_is_not_unpacked_beyond_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_files, "MAX_FILE_BYTES", 2**20)
    path = tmp_path / "liar.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", LINKEDIN_HEADER + "\n" + "a," * 600_000)
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")  # "100 bytes unpacked"
    path.write_bytes(bytes(data))

    message = refused(parse_linkedin, path)

    assert message.startswith("liar.zip, Connections.csv: can't be unpacked (")


def test_an_encrypted_connections_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Connections.csv", LINKEDIN_HEADER + "\n")
    data = bytearray(path.read_bytes())
    data[data.index(b"PK\x01\x02") + 8] |= 0x1  # the central directory's "encrypted" flag
    path.write_bytes(bytes(data))

    assert refused(parse_linkedin, path) == (
        "locked.zip, Connections.csv: is encrypted; unzip it yourself and choose the file."
    )


def test_an_enormous_zip_or_one_with_too_many_files_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(5):
            archive.writestr(f"file{number}.csv", "a,b\n")
        archive.writestr("Connections.csv", LINKEDIN_HEADER + "\n")

    monkeypatch.setattr(import_linkedin, "MAX_ZIP_MEMBERS", 5)
    assert "holds more than 5 files" in refused(parse_linkedin, path)
    monkeypatch.setattr(import_linkedin, "MAX_ZIP_BYTES", 100)
    assert "is larger than" in refused(parse_linkedin, path)


def test_a_file_named_zip_that_isnt_one_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "export.zip", b"PK\x03\x04 but nothing after")

    assert refused(parse_linkedin, path).startswith(
        "export.zip: isn't a zip file that can be read ("
    )


def test_file_and_member_names_with_line_breaks_stay_on_one_line(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as error:
        parse_google(write(tmp_path, "bad\nname.csv", b""))
    assert error.value.message == "bad?name.csv: is empty."

    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("odd\r\n/Connections.csv", "no header here\n")
    with pytest.raises(ImportFileError) as error:
        parse_linkedin(path)
    assert error.value.message.startswith("export.zip, odd??/Connections.csv, line 1: isn't a")
    assert "\n" not in error.value.message and "\r" not in error.value.message
