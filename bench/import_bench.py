"""How fast a 30,000-row LinkedIn Connections.csv is previewed and imported
(`python bench/import_bench.py`).

Each round writes nothing new: the same generated file (LinkedIn's connection limit,
30,000 rows, seeded) goes into a fresh empty notebook, timed in three stages: reading
the file (`parse_linkedin`), the preview's plan (`plan_import`), and the import itself
(`commit_import`, one transaction, without the backup of an empty notebook). Then the
same file again, which must change nothing (a plan of 30,000 "already there").
Target (issue 8): previewed and imported in at most 5 s. Round 0 warms up, not kept.
"""

from __future__ import annotations

import gc
import random
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from pathfinder.services.import_linkedin import parse_linkedin  # noqa: E402
from pathfinder.services.import_plan import commit_import, plan_import  # noqa: E402
from pathfinder.store.database import close_notebook, db, open_notebook  # noqa: E402

ROWS = 30_000
TARGET_MS = 5000.0
FIRST = ("Ana", "Bo", "Chidi", "Dana", "Élodie", "Farid", "Greta", "Hiro", "Ines", "Jonas")
LAST = ("Ruiz", "Lind", "Okafor", "Berg", "Nowak", "Sato", "Costa", "Meyer", "Haddad", "Ng")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def write_connections(path: Path, rows: int = ROWS) -> None:
    pick = random.Random(7)
    lines = [
        "\ufeffNotes:",
        '"When exporting your connection data, some email addresses may be missing."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    for number in range(rows):
        first, last = pick.choice(FIRST), pick.choice(LAST)
        company = (
            f'"Company {number % 2500}, Ltd"' if number % 7 == 0 else f"Company {number % 2500}"
        )
        email = f"{first.lower()}.{number}@example.org" if number % 10 == 0 else ""
        lines.append(
            f"{first},{last} {number},https://www.linkedin.com/in/{first.lower()}-{number},"
            f"{email},{company},Role {number % 300},"
            f"{pick.randint(1, 28):02d} {pick.choice(MONTHS)} {pick.randint(2012, 2026)}"
        )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))


def measure_linkedin_import(_database: Path | None = None, rounds: int = 3) -> dict[str, Any]:
    stages: dict[str, list[float]] = {"read": [], "plan": [], "import": [], "again": []}
    total: list[float] = []
    with tempfile.TemporaryDirectory(prefix="pathfinder-import-bench-") as scratch:
        folder = Path(scratch)
        connections = folder / "Connections.csv"
        write_connections(connections)
        for round_number in range(rounds + 1):
            notebook = folder / f"round-{round_number}"
            notebook.mkdir()
            open_notebook(notebook / "pathfinder.sqlite3", notebook / "backups")
            try:
                gc.collect()
                start = time.perf_counter()
                parsed = parse_linkedin(connections)
                read = time.perf_counter()
                plan = plan_import(parsed)
                planned = time.perf_counter()
                commit_import(plan, now=datetime(2026, 3, 2, 20), backups_dir=None)
                done = time.perf_counter()
                again = plan_import(parse_linkedin(connections))
                replanned = time.perf_counter()
                assert again.counts()["unchanged"] == ROWS, again.counts()
            finally:
                close_notebook()
                db.initialize(None)
            if round_number:
                stages["read"].append(read - start)
                stages["plan"].append(planned - read)
                stages["import"].append(done - planned)
                stages["again"].append(replanned - done)
                total.append(done - start)
    figures: dict[str, Any] = {
        "30,000 LinkedIn rows: preview + import": {
            "what": "parse_linkedin + plan_import + commit_import into an empty notebook",
            "samples_s": total,
            "target_ms": TARGET_MS,
            "rows": ROWS,
        }
    }
    for stage, what in (
        ("read", "parse_linkedin: read and check the file"),
        ("plan", "plan_import: match everyone (the preview)"),
        ("import", "commit_import: one transaction"),
        ("again", "the same file again: read and plan, all already there"),
    ):
        figures[f"  {stage}"] = {"what": what, "samples_s": stages[stage], "rows": ROWS}
    return {"figures": figures}


if __name__ == "__main__":
    for name, figure in measure_linkedin_import()["figures"].items():
        samples = sorted(figure["samples_s"])
        print(f"{name}: median {samples[len(samples) // 2] * 1000:.0f} ms")
