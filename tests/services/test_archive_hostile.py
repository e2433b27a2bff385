"""Hostile and malformed archives are refused before anything is written, in one line
naming the file and the problem."""

from __future__ import annotations

import json
import os
import struct
import warnings
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from pathfinder.paths import Paths
from pathfinder.services import journal, people
from pathfinder.services.archive import MANIFEST, ArchiveError
from pathfinder.services.archive_read import read_archive
from pathfinder.services.archive_write import write_archive
from pathfinder.store.database import close_notebook, db, open_notebook
from pathfinder.store.migrations import LATEST_VERSION

NOW = datetime(2026, 3, 2, 19, 30)
Files = dict[str, bytes]


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Files:
    """The files of a small, valid archive."""
    folder = tmp_path_factory.mktemp("good")
    paths = Paths(folder / "data")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    try:
        ana = people.add_person("Ana Ruiz", now=NOW, organisation="Acme")
        journal.add_entry(NOW, title="Met Ana", body="Body", tags=["x"], links=[("person", ana.id)])
        written = write_archive(folder / "good.zip", data_dir=None, overwrite=False)
    finally:
        close_notebook()
        db.initialize(None)
    with zipfile.ZipFile(written.path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def make_zip(path: Path, files: Files) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def refused(path: Path, **options: Any) -> str:
    with pytest.raises(ArchiveError) as error:
        read_archive(path, **options)
    message = error.value.message
    assert "\n" not in message and "Traceback" not in message
    return message


def journal_name(files: Files) -> str:
    return next(name for name in files if name.endswith(".md"))


def changed(files: Files, member: str, edit: Callable[[Any], Any]) -> Files:
    """`files` with one JSON member edited."""
    return {**files, member: json.dumps(edit(json.loads(files[member]))).encode()}


def counted(files: Files) -> Files:
    """`files` with the manifest's counts made true to the data files."""
    manifest = json.loads(files[MANIFEST])
    for name, data in files.items():
        if name.startswith("data/"):
            manifest["counts"][name[5:-5]] = len(json.loads(data))
    return {**files, MANIFEST: json.dumps(manifest).encode()}


def with_row(files: Files, table: str, **fields: Any) -> Files:
    def edit(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rows[0].update(fields)
        return rows

    return changed(files, f"data/{table}.json", edit)


def test_the_good_archive_is_read(good: Files, tmp_path: Path) -> None:
    contents = read_archive(make_zip(tmp_path / "a.zip", good))
    assert len(contents.rows["contact"]) == 1 and len(contents.rows["journal_link"]) == 1


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("../evil.json", ".. points outside the archive"),
        ("data/../../evil.json", ".. points outside the archive"),
        ("/etc/cron.d/evil", "an absolute path"),
        ("C:/Windows/evil.json", "an absolute path"),
        ("data\\contact.json", "a backslash"),
        ("data//contact.json", "an empty or '.' part"),
    ],
)
def test_a_name_pointing_elsewhere_is_refused(
    good: Files, tmp_path: Path, name: str, problem: str
) -> None:
    message = refused(make_zip(tmp_path / "a.zip", {**good, name: b"[]"}))
    assert message.startswith(name) and problem in message


def test_a_link_in_a_zip_is_refused(good: Files, tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", good)
    with zipfile.ZipFile(path, "a") as archive:
        link = zipfile.ZipInfo("data/link.json")
        link.create_system = 3
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
    assert refused(path) == "data/link.json: refused (a link)"


def test_a_member_twice_is_refused(good: Files, tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", good)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate it writes
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr("data/contact.json", b"[]")
    assert refused(path) == "data/contact.json: refused (it is in the zip twice)"


def test_a_zip_bomb_is_refused_before_it_is_unpacked(good: Files, tmp_path: Path) -> None:
    bomb = make_zip(tmp_path / "bomb.zip", {**good, "journal/bomb.md": bytes(8 << 20)})
    assert bomb.stat().st_size < 100_000
    assert "unpacks to more than 4,194,304 bytes" in refused(bomb, max_total_bytes=4 << 20)


def _patch_central_directory(path: Path, member: str, offset: int, value: int) -> None:
    """Overwrite a field of `member`'s central directory entry: its flags (offset 8, two
    bytes) or its unpacked size (offset 24, four bytes)."""
    with zipfile.ZipFile(path) as archive:
        start = archive.start_dir  # type: ignore[attr-defined]
    data = bytearray(path.read_bytes())
    while True:
        assert data[start : start + 4] == b"PK\x01\x02"
        name_length, extra, comment = struct.unpack_from("<HHH", data, start + 28)
        if data[start + 46 : start + 46 + name_length].decode() == member:
            break
        start += 46 + name_length + extra + comment
    struct.pack_into("<I" if offset == 24 else "<H", data, start + offset, value)
    path.write_bytes(bytes(data))


def test_a_member_lying_about_its_size_is_refused(good: Files, tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {**good, "journal/big.md": bytes(1 << 20)})
    _patch_central_directory(path, "journal/big.md", 24, 10)  # says 10 bytes unpacked
    message = refused(path)
    assert message.startswith("journal/big.md: ")


def test_an_encrypted_member_is_refused(good: Files, tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", good)
    _patch_central_directory(path, "data/contact.json", 8, 0x1)
    assert refused(path) == "data/contact.json: refused (it is encrypted)"


def test_what_isnt_an_archive_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert "not a folder or a zip file Pathfinder can read" in refused(text)
    assert refused(tmp_path / "missing.zip").endswith("there is no archive there")
    assert "manifest.json is missing" in refused(make_zip(tmp_path / "a.zip", {"x.md": b""}))


@pytest.mark.parametrize(
    ("manifest", "problem"),
    [
        (b"{not json", "manifest.json: not valid JSON (line 1, column 2"),
        (b"[]", "manifest.json: not a manifest"),
        (b'{"format": "something-else"}', "manifest.json: not a Pathfinder archive"),
        ({"schema_version": LATEST_VERSION + 1}, "written by a newer Pathfinder (notebook format"),
        ({"archive_version": 2}, "written by a newer Pathfinder (archive format 2"),
        ({"schema_version": "6"}, "schema_version must be a whole number"),
        ({"counts": {"spaceship": 1}}, "counts names 'spaceship'"),
        ({"sequences": {"contact": -1}}, "sequences of contact must be a whole number from 0"),
        ({"sequences": {"setting": 3}}, "sequences names 'setting'"),
        (
            {"sequences": {"contact": 2**63 - 1}},
            "sequences of contact must be a whole number from 0 to 9,007,199,254,740,992",
        ),
        (
            {"sequences": {"contact": 10**9}},
            "the sequences counter of contact is 1,000,000,000, but its highest id is 1",
        ),
        ({"exported_at": 5}, "exported_at and app_version must be text"),
    ],
)
def test_a_bad_manifest_is_refused(
    good: Files, tmp_path: Path, manifest: bytes | dict[str, Any], problem: str
) -> None:
    if isinstance(manifest, dict):
        data = json.dumps({**json.loads(good[MANIFEST]), **manifest}).encode()
    else:
        data = manifest
    message = refused(make_zip(tmp_path / "a.zip", {**good, MANIFEST: data}))
    assert message.startswith(MANIFEST) and problem in message


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (
            lambda good: {**good, "data/contact.json": b'[{"id": 1,'},
            "data/contact.json: not valid JSON",
        ),
        (
            lambda good: {**good, "data/contact.json": b"\xff\xfe"},
            "data/contact.json: not UTF-8 text",
        ),
        (
            lambda good: {**good, "data/contact.json": b"{}"},
            "data/contact.json: expected a JSON list",
        ),
        (
            lambda good: {**good, "data/contact.json": b"[1]"},
            "data/contact.json: row 1: a row must be",
        ),
        (lambda good: {**good, "data/contact.json": b'[{"id": NaN}]'}, "NaN is not allowed"),
        (lambda good: {**good, "data/tag.json": b'[{"id": 1, "id": 2}]'}, "'id' appears twice"),
        (
            lambda good: {**good, "data/spaceship.json": b"[]"},
            "data/spaceship.json: a Pathfinder notebook has",
        ),
        (lambda good: {**good, "data/journal_entry.json": b"[]"}, "no table 'journal_entry'"),
        (lambda good: {**good, "data/x/contact.json": b"[]"}, "data/x/contact.json: not part of"),
        (lambda good: {**good, "notes.txt": b"hi"}, "notes.txt: not part of a Pathfinder archive"),
        (
            lambda good: with_row(good, "contact", colour="red"),
            "the contact table has no column 'colour'",
        ),
        (lambda good: with_row(good, "contact", name=5), "the row with id 1: name must be text"),
        (lambda good: with_row(good, "contact", name=None), "name can't be null"),
        (
            lambda good: with_row(good, "contact", name="\ud800"),
            "name must be text without lone surrogates",
        ),
        (lambda good: with_row(good, "contact", level="3"), "level must be a whole number"),
        (lambda good: with_row(good, "contact", level=2**70), "level must be a whole number"),
        (lambda good: with_row(good, "contact", archived=2), "archived must be 0 or 1"),
        (lambda good: with_row(good, "contact", archived=True), "archived must be 0 or 1"),
        (
            lambda good: with_row(good, "contact", created_at="yesterday"),
            "created_at must be a date and time as YYYY-MM-DD HH:MM:SS",
        ),
        (
            lambda good: with_row(good, "contact", created_at="2026-03-01T21:05:00"),
            "created_at must be a date and time as YYYY-MM-DD HH:MM:SS",
        ),
        (
            lambda good: with_row(good, "contact", introduced_on="2026-01-01 10:00:00"),
            "introduced_on must be a date as YYYY-MM-DD",
        ),
        (
            lambda good: with_row(good, "contact", id=2**53 + 1),
            "the row with id 9007199254740993: id must be a whole number from 1 to 9,007,",
        ),
        (lambda good: with_row(good, "contact", id=0), "id must be a whole number from 1 to"),
        (
            lambda good: with_row(good, "contact", level=9),
            "data/contact.json: the row with id 1: level must be one of 1, 2, 3",
        ),
        (
            lambda good: with_row(good, "interaction_kind", counts_as="taken"),
            "counts_as must be one of '', 'gave', 'received'",
        ),
        (
            lambda good: with_row(good, "contact", name="x" * 100_001),
            "name must be at most 100,000 characters long (it has 100,001)",
        ),
        (
            lambda good: with_row(good, "contact", notes="x" * 2_000_001),
            "notes must be at most 2,000,000 characters long (it has 2,000,001)",
        ),
        (
            lambda good: changed(
                good,
                "data/interaction_kind.json",
                lambda rows: [rows[0], {**rows[1], "name": rows[0]["name"].upper()}, *rows[2:]],
            ),
            "data/interaction_kind.json: the row with id 2: another interaction_kind row has "
            "the same name",
        ),
        (
            lambda good: with_row(good, "contact", introduced_on="2026-02-30"),
            "introduced_on must be a real",
        ),
        (
            lambda good: with_row(good, "contact", organisation_id=99),
            "organisation_id 99 points to no",
        ),
        (
            lambda good: with_row(good, "contact", introduced_by_id=7),
            "introduced_by_id 7 points to no",
        ),
        (
            lambda good: counted(changed(good, "data/contact.json", lambda rows: rows + rows)),
            "data/contact.json: contact id 1 appears twice",
        ),
        (
            lambda good: changed(good, "data/contact.json", lambda rows: []),
            "manifest.json: says 1 contact rows, but data/contact.json holds 0",
        ),
        (
            lambda good: {k: v for k, v in good.items() if k != "data/organisation.json"},
            "says 1 organisation rows, but data/organisation.json holds 0",
        ),
    ],
)
def test_rows_that_dont_fit_are_refused(
    good: Files, tmp_path: Path, make: Callable[[Files], Files], problem: str
) -> None:
    message = refused(make_zip(tmp_path / "a.zip", make(good)))
    assert problem in message, message


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda text: text.removeprefix("---\n"), "broken front matter (the file must start"),
        (lambda text: text.split("\n---\n")[0] + "\n\n", "no closing --- line"),
        (lambda text: text.replace("mood: null", "mood null"), "line 5 (expected key: value)"),
        (lambda text: text.replace("mood: null", "mood: nul"), "line 5 (mood: Expecting value)"),
        (lambda text: text.replace("mood: null", "colour: 1"), "unknown front matter key"),
        (lambda text: text.replace("mood: null", "title: 1"), "'title' appears twice"),
        (lambda text: text.replace('tags: ["x"]', 'tags: "x"'), "tags must be a list of names"),
        (lambda text: text.replace('tags: ["x"]', "tags: [1]"), "tags: name must be text"),
        (lambda text: text.replace("links: [", "links: [1, "), "links must be a list of objects"),
        (lambda text: text.replace('"contact_id": 1', '"contact_id": 8'), "points to no contact"),
        (lambda text: text.replace('"entry_id": 1', '"entry_id": 2'), "belongs to another"),
        (lambda text: text.replace("shared: 0\n", ""), "the column 'shared' is missing"),
        (lambda text: text.replace("mood: null", "mood: 9"), "mood must be from 1 to 5"),
        (
            lambda text: text.replace('"conversation_id": null', '"conversation_id": 5'),
            "links: exactly one of contact_id, conversation_id, event_id must be set",
        ),
        (
            lambda text: text.replace('"contact_id": 1', '"contact_id": null'),
            "links: exactly one of contact_id, conversation_id, event_id must be set",
        ),
        (
            lambda text: text.replace('title: "Met Ana"', "title: " + "[" * 100_000),
            "broken front matter on line 4 (title: nested too deeply)",
        ),
        (
            lambda text: text + "x" * 100_001,
            "body must be at most 100,000 characters long",
        ),
    ],
)
def test_a_broken_journal_file_is_refused_by_name(
    good: Files, tmp_path: Path, edit: Callable[[str], str], problem: str
) -> None:
    name = journal_name(good)
    text = good[name].decode()
    edited = edit(text)
    assert edited != text
    message = refused(make_zip(tmp_path / "a.zip", {**good, name: edited.encode()}))
    assert message.startswith(name + ": ") and problem in message, message


def test_a_long_note_the_services_allow_is_read(good: Files, tmp_path: Path) -> None:
    contents = read_archive(
        make_zip(tmp_path / "a.zip", with_row(good, "contact", notes="x" * 2_000_000))
    )
    assert len(contents.rows["contact"]) == 1


def test_an_entry_in_two_files_is_refused(good: Files, tmp_path: Path) -> None:
    name = journal_name(good)
    copy = good[name].decode().replace("mood: null", "mood: 3").encode()
    manifest = json.loads(good[MANIFEST])
    for table in ("journal_entry", "journal_tag", "journal_link"):
        manifest["counts"][table] *= 2
    files = {**good, "journal/copy.md": copy, MANIFEST: json.dumps(manifest).encode()}
    message = refused(make_zip(tmp_path / "a.zip", files))
    assert message.endswith(": journal_entry id 1 appears twice")


def test_a_journal_file_that_isnt_utf8_is_refused(good: Files, tmp_path: Path) -> None:
    name = journal_name(good)
    path = make_zip(tmp_path / "a.zip", {**good, name: good[name] + b"\xff"})
    assert refused(path).startswith(f"{name}: not UTF-8 text")


def test_files_a_system_adds_are_skipped_and_a_top_folder_is_allowed(
    good: Files, tmp_path: Path
) -> None:
    extra = {".DS_Store": b"\x00", "__MACOSX/._manifest.json": b"\x00", "data/Thumbs.db": b"x"}
    read_archive(make_zip(tmp_path / "a.zip", {**good, **extra}))
    nested = {f"pathfinder-archive/{name}": data for name, data in good.items()}
    assert len(read_archive(make_zip(tmp_path / "b.zip", nested)).rows["contact"]) == 1


def write_folder(root: Path, files: Files) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


@pytest.mark.skipif(os.name != "posix", reason="symlinks and FIFOs")
def test_links_and_special_files_in_a_folder_are_refused(good: Files, tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text("[]")
    folder = write_folder(tmp_path / "one", good)
    (folder / "data" / "contact.json").unlink()
    (folder / "data" / "contact.json").symlink_to(secret)
    assert refused(folder) == "data/contact.json: refused (a link)"

    folder = write_folder(tmp_path / "two", good)
    (folder / "journal" / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    assert refused(folder) == "journal/elsewhere: refused (a link)"

    folder = write_folder(tmp_path / "three", good)
    os.mkfifo(folder / "data" / "pipe.json")
    assert refused(folder) == "data/pipe.json: refused (not a plain file)"

    folder = write_folder(tmp_path / "four", good)
    assert "unpacks to more than 100 bytes" in refused(folder, max_total_bytes=100)
    assert len(read_archive(folder).rows["journal_tag"]) == 1


def test_folders_nested_too_deep_are_refused_in_one_line(good: Files, tmp_path: Path) -> None:
    name = "journal/" + "a/" * 20 + "x.md"
    path = make_zip(tmp_path / "a.zip", {**good, name: good[journal_name(good)]})
    assert refused(path) == f"{name}: refused (more than 8 folders deep)"

    folder = write_folder(tmp_path / "deep", good)
    deepest = folder / "journal"
    for _ in range(1_100):  # deeper than Python's recursion limit
        deepest = deepest / "a"
        deepest.mkdir()
    try:
        assert refused(folder) == "journal" + "/a" * 9 + ": refused (more than 8 folders deep)"
    finally:
        while deepest != folder / "journal":  # rmtree would recurse as deep
            deepest.rmdir()
            deepest = deepest.parent
