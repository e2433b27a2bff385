"""Where the data lives, and what happens when it can't live there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pathfinder.paths import ENV_DATA_DIR, Paths
from pathfinder.store.errors import DataFolderError


def test_the_command_line_wins_over_the_environment(tmp_path: Path) -> None:
    env = {ENV_DATA_DIR: str(tmp_path / "from-env")}
    assert Paths.resolve(str(tmp_path / "from-cli"), env).data_dir == tmp_path / "from-cli"
    assert Paths.resolve(None, env).data_dir == tmp_path / "from-env"


def test_the_default_is_the_platform_data_folder() -> None:
    resolved = Paths.resolve(None, {})
    assert resolved.data_dir.name == "Pathfinder"
    assert resolved.database.parent == resolved.data_dir


def test_a_file_in_the_way_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(DataFolderError, match="a file is in the way"):
        Paths(blocker).ensure()
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0,
    reason="root can write anywhere; permissions are not enforced",
)
def test_a_read_only_folder_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DataFolderError):
            Paths(folder / "data").ensure()
    finally:
        folder.chmod(0o700)


def test_a_folder_pathfinder_cannot_write_to_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root may write anywhere, so the refusal is simulated where the check is made.
    monkeypatch.setattr("pathfinder.paths.os.access", lambda *_args: False)
    with pytest.raises(DataFolderError, match="can't write to its data folder"):
        Paths(tmp_path / "data").ensure()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_data_folder_marked_read_only_is_refused_with_the_notebook_unchanged(
    tmp_path: Path,
) -> None:
    from pathfinder.store.database import close_notebook, open_notebook

    paths = Paths(tmp_path / "data")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    close_notebook()
    before = paths.database.read_bytes()
    paths.data_dir.chmod(0o500)
    try:
        with pytest.raises(DataFolderError, match="can't write to its data folder"):
            paths.ensure()
    finally:
        paths.data_dir.chmod(0o700)
    assert paths.database.read_bytes() == before
