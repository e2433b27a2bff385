"""Fixtures for the fault tests: the demo notebook, built once and copied for each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pathfinder.demo import build_demo_notebook
from pathfinder.paths import Paths
from pathfinder.store.database import close_notebook, db, open_notebook

DEMO_DAY = date(2026, 3, 2)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo notebook, built once per run."""
    paths = Paths(tmp_path_factory.mktemp("demo") / "data")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    try:
        build_demo_notebook(DEMO_DAY)
    finally:
        close_notebook()  # the last connection moves the journal into the file
        db.initialize(None)
    return paths.database


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Paths]:
    """An open copy of the demo notebook in this test's own data folder."""
    paths = Paths(tmp_path / "data")
    paths.ensure()
    shutil.copyfile(demo_file, paths.database)
    open_notebook(paths.database, paths.backups_dir)
    yield paths
    close_notebook()
    db.initialize(None)
