"""Fuzz: whatever bytes a parser is given, it returns a ParsedFile or raises
ImportFileError with a one-line message, never anything else; and whatever it returns
passes the notebook's own field checks, so a row it calls valid can be imported.

Three kinds of input: arbitrary bytes; the fixtures mutated (bytes cut, inserted,
replaced, lines doubled, the file cut short); and files put together from the
fixtures' own lines shuffled with arbitrary text, which get past the first checks and
reach the row and card readers.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathfinder.services.contact_fields import clean_email, clean_fields
from pathfinder.services.import_google import parse_google
from pathfinder.services.import_linkedin import parse_linkedin
from pathfinder.services.import_rows import ImportFileError, ParsedFile
from pathfinder.services.import_vcard import _CONTENT_LINE, parse_vcard
from pathfinder.services.validation import SHORT_TEXT_LIMIT

Parser = Callable[[Path], ParsedFile]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
FORMATS: dict[str, tuple[Parser, str, list[str]]] = {
    "linkedin": (
        parse_linkedin,
        "Connections.csv",
        ["linkedin_connections.csv", "linkedin_old.csv"],
    ),
    "google": (parse_google, "contacts.csv", ["google_current.csv", "google_legacy.csv"]),
    "vcard": (
        parse_vcard,
        "contacts.vcf",
        ["vcard21_phone.vcf", "vcard30_apple.vcf", "vcard40.vcf", "vcard_several.vcf"],
    ),
}
FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def check_outcome(kind: str, path: Path) -> None:
    parse = FORMATS[kind][0]
    try:
        parsed = parse(path)
    except ImportFileError as error:
        assert error.message.startswith(path.name)
        assert "\n" not in error.message and "Traceback" not in error.message
        return
    assert (parsed.kind, parsed.file_name) == (kind, path.name)
    for person in parsed.people:
        assert person.line >= 1
        assert len(person.organisation) <= SHORT_TEXT_LIMIT
        assert all(0 < len(tag) <= 60 for tag in person.tags)
        for email in person.other_emails:
            assert clean_email(email) == email
        if person.valid:
            assert person.name
            fields = {
                name: getattr(person, name)
                for name in ("name", "title", "email", "phone", "linkedin_url", "location", "notes")
            }
            clean_fields(fields)  # raises ValidationError if a parser let a bad value through
        else:
            assert person.problem


# -- arbitrary bytes ------------------------------------------------------------------


@pytest.mark.parametrize("kind", FORMATS)
@FUZZ
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes(tmp_path: Path, kind: str, data: bytes) -> None:
    path = tmp_path / FORMATS[kind][1]
    path.write_bytes(data)
    check_outcome(kind, path)


# -- mutated fixtures -------------------------------------------------------------------

Edit = tuple[str, float, float, bytes]
edits = st.lists(
    st.tuples(
        st.sampled_from(["cut", "insert", "replace", "double_line", "truncate"]),
        st.floats(0, 1),
        st.floats(0, 1),
        st.binary(max_size=12)
        | st.sampled_from(
            [b"\r\n", b'"', b",", b";", b":", b"=", b" ::: ", b"\x00", b"\xff", b"\xc3", b"END:"]
        ),
    ),
    min_size=1,
    max_size=6,
)


def mutate(data: bytes, changes: list[Edit]) -> bytes:
    for action, where, extent, piece in changes:
        start = int(where * len(data))
        end = min(len(data), start + 1 + int(extent * 40))
        if action == "cut":
            data = data[:start] + data[end:]
        elif action == "insert":
            data = data[:start] + piece + data[start:]
        elif action == "replace":
            data = data[:start] + piece + data[end:]
        elif action == "double_line":
            lines = data.split(b"\n")
            index = int(where * (len(lines) - 1))
            lines.insert(index, lines[index])
            data = b"\n".join(lines)
        else:
            data = data[:start]
    return data


@pytest.mark.parametrize("kind", FORMATS)
@FUZZ
@given(choice=st.integers(0, 3), changes=edits)
def test_mutated_fixtures(tmp_path: Path, kind: str, choice: int, changes: list[Edit]) -> None:
    _parse, name, fixtures = FORMATS[kind]
    path = tmp_path / name
    path.write_bytes(mutate(read(fixtures[choice % len(fixtures)]), changes))
    check_outcome(kind, path)


# -- files made of real lines and arbitrary text ------------------------------------------


def lines_of(kind: str) -> list[str]:
    lines: list[str] = []
    for name in FORMATS[kind][2]:
        lines += read(name).decode("utf-8", errors="replace").replace("\r\n", "\n").split("\n")
    return lines


@pytest.mark.parametrize("kind", FORMATS)
@FUZZ
@given(data=st.data())
def test_real_lines_shuffled_with_arbitrary_text(
    tmp_path: Path, kind: str, data: st.DataObject
) -> None:
    known = lines_of(kind)
    header = [known[0]] if kind != "linkedin" else [known[3]]
    parts = data.draw(
        st.lists(st.sampled_from(known) | st.text(max_size=40), min_size=1, max_size=30)
    )
    newline = data.draw(st.sampled_from(["\n", "\r\n", "\r"]))
    path = tmp_path / FORMATS[kind][1]
    path.write_text(newline.join(header + parts), encoding="utf-8", newline="")
    check_outcome(kind, path)


# -- the LinkedIn export zip ------------------------------------------------------------


def export_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("export/messages.csv", "FROM,TO\nx,y\n")
        archive.writestr("export/Connections.csv", read("linkedin_connections.csv"))
    return buffer.getvalue()


@FUZZ
@given(changes=edits)
def test_a_mutated_export_zip(tmp_path: Path, changes: list[Edit]) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(mutate(export_zip(), changes))
    check_outcome("linkedin", path)


# -- vobject's line pattern ----------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(head=st.text(alphabet='a;=,":. ', max_size=14))
def test_the_line_guard_accepts_exactly_the_lines_vobject_does(head: str) -> None:
    for line in (head, head + ":value"):
        assert (_CONTENT_LINE.match(line) is None) == (vobject.base.line_re.match(line) is None)


def test_a_line_that_would_make_vobject_backtrack_for_ever_is_refused_at_once(
    tmp_path: Path,
) -> None:
    # Unguarded, vobject takes minutes on 25 of these parameters; here there are 5,000.
    path = tmp_path / "slow.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ok\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN;" + "a=b;" * 5000 + ":x\nEND:VCARD\n",
        encoding="utf-8",
    )
    started = time.perf_counter()

    ok, slow = parse_vcard(path).people

    assert time.perf_counter() - started < 2
    assert ok.valid
    assert slow.problem.startswith("Line 7: this card can't be read (a line that isn't NAME:VALUE")


@pytest.mark.parametrize(
    "cell",
    ["1" + " " * 100_000 + "z", "a" * 100_000 + "@" + "b." * 100_000, "http://" + "a" * 300_000],
)
def test_long_cells_are_checked_in_linear_time(tmp_path: Path, cell: str) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(
        "First Name,Last Name,Labels,E-mail 1 - Value,Phone 1 - Value,Website 1 - Value\n"
        f'Ana,Ruiz,,"{cell}","{cell}","{cell}"\n',
        encoding="utf-8",
    )
    started = time.perf_counter()

    (ana,) = parse_google(path).people

    assert time.perf_counter() - started < 2
    assert ana.valid and (ana.email, ana.phone, ana.website) == ("", "", "")
    assert len(ana.warnings) == 3
