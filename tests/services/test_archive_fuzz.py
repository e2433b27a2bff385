"""A fuzz of the archive reader and its import: whatever a damaged or doctored archive
holds, the answer is an ArchiveError (one line) or a clean import, never another
exception, and a refused archive leaves the notebook exactly as it was."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathfinder.paths import Paths
from pathfinder.services import journal, people
from pathfinder.services.archive import ArchiveError
from pathfinder.services.archive_read import read_archive
from pathfinder.services.archive_restore import restore_archive
from pathfinder.services.archive_write import write_archive
from pathfinder.store.database import close_notebook, db, open_notebook

NOW = datetime(2026, 3, 2, 19, 30)
Files = dict[str, bytes]
FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Files:
    folder = tmp_path_factory.mktemp("fuzz-good")
    paths = Paths(folder / "data")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    try:
        ana = people.add_person("Ana Ruiz", now=NOW, organisation="Acme", tags=["mentor"])
        people.add_person("Ben Okafor", now=NOW, organisation="Brightpath")
        journal.add_entry(NOW, title="Met Ana", body="Body", tags=["x"], links=[("person", ana.id)])
        written = write_archive(folder / "good.zip", data_dir=None, overwrite=False)
    finally:
        close_notebook()
        db.initialize(None)
    with zipfile.ZipFile(written.path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def holding(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A notebook that already holds someone, copied afresh for each example."""
    folder = tmp_path_factory.mktemp("fuzz-holding")
    paths = Paths(folder / "data")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    people.add_person("Chen Wei", now=NOW, organisation="Acme")
    close_notebook()
    db.initialize(None)
    return paths.database


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def import_into_copy(archive: Path, holding: Path, folder: Path) -> None:
    """Read `archive` and merge it into a copy of `holding`; check the outcome."""
    paths = Paths(folder / "data")
    paths.ensure()
    paths.database.write_bytes(holding.read_bytes())
    before = dump(paths.database)
    try:
        contents = read_archive(archive)
    except ArchiveError as error:
        assert "\n" not in error.message and error.message
        assert dump(paths.database) == before
        return
    open_notebook(paths.database, paths.backups_dir)
    try:
        restore_archive(contents, merge=True, backups_dir=paths.backups_dir, now=NOW)
        refused = False
    except ArchiveError as error:
        assert "\n" not in error.message
        refused = True
    finally:
        close_notebook()
        db.initialize(None)
    if refused:
        assert dump(paths.database) == before
    else:
        with sqlite3.connect(paths.database) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def write_zip(path: Path, files: Files) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


@FUZZ
@given(data=st.data())
def test_any_field_of_any_row_set_to_anything(
    good: Files, holding: Path, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    members = sorted(name for name in good if name.startswith("data/") and json.loads(good[name]))
    member = data.draw(st.sampled_from(members))
    rows: list[dict[str, Any]] = json.loads(good[member])
    row = data.draw(st.integers(0, len(rows) - 1))
    field = data.draw(st.sampled_from([*sorted(rows[row]), "unexpected"]))
    rows[row][field] = data.draw(values)
    folder = tmp_path_factory.mktemp("fuzz")
    archive = write_zip(folder / "a.zip", {**good, member: json.dumps(rows).encode()})
    import_into_copy(archive, holding, folder)


@FUZZ
@given(data=st.data())
def test_any_bytes_of_any_member_changed(
    good: Files, holding: Path, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    member = data.draw(st.sampled_from(sorted(good)))
    content = bytearray(good[member])
    for _ in range(data.draw(st.integers(1, 4))):
        if not content:
            break
        at = data.draw(st.integers(0, len(content) - 1))
        content[at] = data.draw(st.integers(0, 255))
    folder = tmp_path_factory.mktemp("fuzz")
    archive = write_zip(folder / "a.zip", {**good, member: bytes(content)})
    import_into_copy(archive, holding, folder)


@FUZZ
@given(cut=st.integers(0, 10_000), flips=st.lists(st.integers(0, 10_000), max_size=4))
def test_a_damaged_zip_file(
    good: Files,
    holding: Path,
    tmp_path_factory: pytest.TempPathFactory,
    cut: int,
    flips: list[int],
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    archive = write_zip(folder / "a.zip", good)
    raw = bytearray(archive.read_bytes())
    for at in flips:
        raw[at % len(raw)] ^= 0xFF
    archive.write_bytes(bytes(raw[: max(1, len(raw) - cut % len(raw))]))
    import_into_copy(archive, holding, folder)
