"""Under the usual umask 022 (files 0644, folders 0755 unless a program says otherwise),
everything Pathfinder keeps in its data folder is private: folders 0700, files 0600."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from pathfinder.paths import Paths
from pathfinder.services import journal, unsaved
from pathfinder.services.import_plan import ImportDefaults, commit_import, plan_import
from pathfinder.services.import_rows import ImportedPerson, ParsedFile
from pathfinder.store.database import close_notebook, db, open_notebook

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")

NOW = datetime(2026, 3, 2, 19, 30)
VCARDS = Path(__file__).resolve().parent.parent / "fixtures" / "imports" / "vcard_several.vcf"


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def not_private(folder: Path) -> dict[str, str]:
    """Everything under `folder` (itself included) that others could read or enter."""
    wrong = {}
    for path in [folder, *folder.rglob("*")]:
        wanted = 0o700 if path.is_dir() else 0o600
        if mode(path) != wanted:
            wrong[str(path.relative_to(folder))] = oct(mode(path))
    return wrong


def test_a_new_notebook_and_everything_beside_it_is_private(tmp_path: Path) -> None:
    from pathfinder.__main__ import _start_log, _stop_log
    from pathfinder.crashreport import write_report
    from pathfinder.instance import InstanceLock

    paths = Paths(tmp_path / "data")
    logger = logging.getLogger("pathfinder")
    level = logger.level  # _start_log sets INFO
    with umask(0o022):
        paths.ensure()
        lock = InstanceLock(paths.lock_file)
        assert lock.acquire()
        _start_log(paths)
        try:
            open_notebook(paths.database, paths.backups_dir)
            try:
                journal.add_entry(NOW, title="Private", body="Only mine")
                plan = plan_import(
                    ParsedFile("vcard", "a.vcf", (ImportedPerson(1, "Ana Ruiz"),)),
                    ImportDefaults(),
                )
                assert commit_import(plan, now=NOW, backups_dir=paths.backups_dir).backup
                unsaved.keep(
                    paths.unsaved_file,
                    unsaved.UnsavedText(None, "", "typed", NOW.isoformat(), NOW.isoformat()),
                )
                assert write_report("a crash report", paths.logs_dir) is not None
                # While the notebook is open, with its journal and shared memory beside it.
                side_files = [
                    paths.database.with_name(paths.database.name + suffix)
                    for suffix in ("-wal", "-shm")
                ]
                assert all(side.exists() for side in side_files)
                assert not_private(paths.data_dir) == {}
                assert mode(paths.data_dir) == 0o700
                assert mode(paths.database) == 0o600
                assert [mode(side) for side in side_files] == [0o600, 0o600]
                assert mode(paths.logs_dir / "pathfinder.log") == 0o600
                assert mode(paths.lock_file) == 0o600
            finally:
                close_notebook()
                db.initialize(None)
        finally:
            _stop_log()
            logger.setLevel(level)
            lock.release()
    assert not_private(paths.data_dir) == {}


def test_the_command_line_makes_a_private_folder_too(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PATHFINDER_DATA_DIR", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pathfinder",
            "--data-dir",
            str(data),
            "import",
            "vcard",
            str(VCARDS),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env=env,
        preexec_fn=lambda: os.umask(0o022),  # the child's own umask, before it runs
    )
    assert result.returncode == 0, result.stderr
    assert (data / "pathfinder.sqlite3").exists() and (data / "logs" / "pathfinder.log").exists()
    assert list((data / "backups").iterdir())  # the import made a backup first
    assert not_private(data) == {}


def test_a_backups_or_logs_folder_made_again_later_is_private(tmp_path: Path) -> None:
    from pathfinder.crashreport import write_report

    paths = Paths(tmp_path / "data")
    with umask(0o022):
        paths.ensure()
        open_notebook(paths.database, paths.backups_dir)
        try:
            # Removed while Pathfinder runs (a clean-up tool, or by hand).
            shutil.rmtree(paths.backups_dir)
            shutil.rmtree(paths.logs_dir)
            plan = plan_import(
                ParsedFile("vcard", "a.vcf", (ImportedPerson(1, "Ana Ruiz"),)), ImportDefaults()
            )
            assert commit_import(plan, now=NOW, backups_dir=paths.backups_dir).backup
            assert write_report("a crash report", paths.logs_dir) is not None
        finally:
            close_notebook()
            db.initialize(None)
    assert not_private(paths.data_dir) == {}
