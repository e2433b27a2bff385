"""How fast the mentor report is made from the large notebook (`python bench/report_bench.py`).

`measure_report(database, rounds)` times, per round, the 90-day report ending on the
large notebook's reference day: gathering and writing the Markdown (`make_report`,
what the preview and `export report` do), then the standalone HTML page from it.
Target (issue 7): the 90-day report in at most 200 ms. Round 0 warms the caches and
is not kept.
"""

from __future__ import annotations

import gc
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from large_notebook import REFERENCE_DAY, cached_large_notebook  # noqa: E402

from pathfinder.services.report import ReportOptions  # noqa: E402
from pathfinder.services.report_output import make_report  # noqa: E402
from pathfinder.store.database import close_notebook, db, open_notebook  # noqa: E402

TARGET_MS = 200.0
DAYS = 90


def measure_report(database: Path, rounds: int = 5) -> dict[str, Any]:
    options = ReportOptions(start=REFERENCE_DAY - timedelta(days=DAYS - 1), end=REFERENCE_DAY)
    made: list[float] = []
    html: list[float] = []
    size: dict[str, int] = {}
    open_notebook(database, database.parent / "backups")
    try:
        for round_number in range(rounds + 1):
            gc.collect()
            start = time.perf_counter()
            report = make_report(options, REFERENCE_DAY)
            middle = time.perf_counter()
            page = report.html()
            end = time.perf_counter()
            if round_number:
                made.append(middle - start)
                html.append(end - middle)
            size = {"markdown_chars": len(report.markdown), "html_chars": len(page)}
    finally:
        close_notebook()
        db.initialize(None)
    return {
        "figures": {
            f"{DAYS}-day report": {
                "what": "make_report: gather the period and write its Markdown",
                "samples_s": made,
                "target_ms": TARGET_MS,
            },
            f"{DAYS}-day report as HTML": {
                "what": "Report.html(): render and sanitise the Markdown into a page",
                "samples_s": html,
                "target_ms": None,
            },
        },
        "size": size,
    }


if __name__ == "__main__":
    result = measure_report(cached_large_notebook())
    for name, figure in result["figures"].items():
        samples = sorted(figure["samples_s"])
        print(f"{name}: median {samples[len(samples) // 2] * 1000:.1f} ms")
    print(result["size"])
