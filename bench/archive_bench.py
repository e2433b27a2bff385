"""How fast the whole notebook is archived (`python bench/archive_bench.py`).

`measure_archive(database, rounds)` opens the notebook file (as bench/run.py opens
the large notebook), then times, round by round, the whole of
`services.archive_write.write_archive` to a new .zip in a temporary folder:
reading every table in one transaction, turning 20,000 journal entries into
Markdown and the rest into JSON, and writing the zip through a temporary file.
Round 0 warms the caches and is not kept. Target (issue 7): the archive of the
large notebook "in a few seconds", held here to 5 s.

`measure_import(database, rounds)` times the way back, in the same shape: the
archive of that notebook read and checked (`archive_read.read_archive`) and put
into a new, empty notebook (`archive_restore.restore_archive`), whose creation is
not timed. Issue 7 sets no target for it; `IMPORT_TARGET_MS` marks a regression.
"""

from __future__ import annotations

import gc
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from pathfinder.services.archive_read import read_archive  # noqa: E402
from pathfinder.services.archive_restore import restore_archive  # noqa: E402
from pathfinder.services.archive_write import write_archive  # noqa: E402
from pathfinder.store.database import close_notebook, db, open_notebook  # noqa: E402

TARGET_MS = 5000.0
IMPORT_TARGET_MS = 30_000.0
ROUNDS = 3


def measure_archive(database: Path, rounds: int = ROUNDS) -> dict[str, Any]:
    """Time writing the archive of the notebook at `database` to a .zip, `rounds` times.

    Returns the seconds of every kept round, their median, min and max in
    milliseconds, the zip's size, how many files it holds, the rows per table,
    and the target.
    """
    samples: list[float] = []
    written = None
    size = 0
    open_notebook(database, database.parent / "backups")
    try:
        with tempfile.TemporaryDirectory(prefix="pathfinder-archive-bench-") as scratch:
            for round_number in range(rounds + 1):  # round 0 warms up and is not kept
                destination = Path(scratch) / f"archive-{round_number}.zip"
                gc.collect()
                start = time.perf_counter()
                written = write_archive(destination, data_dir=database.parent, overwrite=False)
                seconds = time.perf_counter() - start
                size = destination.stat().st_size
                destination.unlink()
                if round_number:
                    samples.append(seconds)
    finally:
        close_notebook()
        db.initialize(None)
    assert written is not None
    median_ms = statistics.median(samples) * 1000
    return {
        "what": "write_archive of the whole notebook to a new .zip",
        "rounds": rounds,
        "samples_s": samples,
        "median_ms": round(median_ms, 1),
        "min_ms": round(min(samples) * 1000, 1),
        "max_ms": round(max(samples) * 1000, 1),
        "zip_bytes": size,
        "files": written.members,
        "rows": written.counts,
        "target_ms": TARGET_MS,
        "met": median_ms <= TARGET_MS,
    }


def measure_import(database: Path, rounds: int = ROUNDS) -> dict[str, Any]:
    """Time importing the archive of the notebook at `database` into a new, empty
    notebook, `rounds` times; the same keys as `measure_archive`."""
    samples: list[float] = []
    imported = None
    with tempfile.TemporaryDirectory(prefix="pathfinder-import-bench-") as scratch:
        open_notebook(database, database.parent / "backups")
        try:
            written = write_archive(
                Path(scratch) / "archive.zip", data_dir=database.parent, overwrite=False
            )
        finally:
            close_notebook()
            db.initialize(None)
        for round_number in range(rounds + 1):  # round 0 warms up and is not kept
            folder = Path(scratch) / f"notebook-{round_number}"
            folder.mkdir()
            open_notebook(folder / "pathfinder.sqlite3", folder / "backups")
            try:
                gc.collect()
                start = time.perf_counter()
                contents = read_archive(written.path)
                imported = restore_archive(contents, merge=False, backups_dir=folder / "backups")
                seconds = time.perf_counter() - start
            finally:
                close_notebook()
                db.initialize(None)
            shutil.rmtree(folder)
            if round_number:
                samples.append(seconds)
        size = written.path.stat().st_size
    assert imported is not None
    median_ms = statistics.median(samples) * 1000
    return {
        "what": "read_archive and restore_archive of the whole notebook's .zip, into a new one",
        "figure": "whole notebook's .zip into a new notebook",  # its name in bench/run.py
        "rounds": rounds,
        "samples_s": samples,
        "median_ms": round(median_ms, 1),
        "min_ms": round(min(samples) * 1000, 1),
        "max_ms": round(max(samples) * 1000, 1),
        "zip_bytes": size,
        "files": written.members,
        "rows": imported.added,
        "target_ms": IMPORT_TARGET_MS,
        "met": median_ms <= IMPORT_TARGET_MS,
    }


def main() -> int:
    from large_notebook import cached_large_notebook

    database = cached_large_notebook()
    print(f"Large notebook: {database}")
    result = measure_archive(database)
    print(
        f"Archive to .zip: median {result['median_ms']:.0f} ms (min {result['min_ms']:.0f}, "
        f"max {result['max_ms']:.0f}) over {result['rounds']} runs; {result['files']:,} files, "
        f"{result['zip_bytes'] / 1e6:.1f} MB; target <= {TARGET_MS:.0f} ms "
        + ("met" if result["met"] else "MISSED")
    )
    result = measure_import(database, rounds=1)
    print(
        f"Import of that .zip into a new notebook: median {result['median_ms']:.0f} ms over "
        f"{result['rounds']} run; target <= {IMPORT_TARGET_MS:.0f} ms "
        + ("met" if result["met"] else "MISSED")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
