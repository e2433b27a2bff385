"""How fast the Map section draws the large notebook (`python bench/map_bench.py`).

`measure_map(database)` times, per round, each stage of drawing the map and
their total, for three pictures of the large notebook (30,000 people):

- "level 1": the inner circle, 1,688 people (a filter the user can set), drawn
  person by person;
- "first 2,000": exactly 2,000 people drawn person by person: everyone is read
  (`map_data(MapFilter())`, about 29,000 people, so this read is the dearest
  there is), then the 2,000 added first (lowest ids, a stable choice) are kept
  with the introductions between them. No filter of the app gives exactly
  2,000 here (level 1 gives 1,688, "target field" 1,674, a tag about 1,000);
- "everyone": all 29,150 people who aren't archived, above the 2,000 mark, so
  each organisation on a ring is one circle (4,164 circles).

The stages: reading (`map_data`), placing (`layout`), building the scene
(`MapScene`, then `MapView.set_map`, which fits the map and places the names),
and painting it once offscreen (`viewport().grab()`). Target (issue 6): the
map of 2,000 people in under a second. Round 0 warms the caches and is not
kept. Each figure: median, min and max over the rounds.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from large_notebook import REFERENCE_DAY, cached_large_notebook  # noqa: E402

from pathfinder.paths import Paths  # noqa: E402
from pathfinder.services.network_layout import layout  # noqa: E402
from pathfinder.services.network_map import MapFilter, NetworkMap, map_data  # noqa: E402
from pathfinder.store.database import close_notebook, db, open_notebook  # noqa: E402

TARGET_MS = 1000.0
ROUNDS = 5
STAGES = ("read", "place", "scene", "paint")


def first_people(network: NetworkMap, count: int) -> NetworkMap:
    """The `count` people added first (lowest ids), with the introductions among them."""
    kept = network.people[:count]  # map_data gives people by id
    ids = {person.id for person in kept}
    introductions = tuple(
        pair
        for pair in network.introductions
        if pair.introducer_id in ids and pair.person_id in ids
    )
    return replace(network, people=kept, introductions=introductions)


PICTURES: dict[str, tuple[str, MapFilter, int | None]] = {
    "level 1": ("inner circle only (a filter the app offers)", MapFilter(level=1), None),
    "first 2,000": ("everyone read, the 2,000 added first kept", MapFilter(), 2000),
    "everyone": ("all who aren't archived; organisations grouped", MapFilter(), None),
}


def _application() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _draw_once(application: Any, wanted: MapFilter, keep: int | None) -> dict[str, Any]:
    """One picture, stage by stage: seconds per stage, and what was drawn."""
    from pathfinder.views.map.canvas import MapView
    from pathfinder.views.map.scene import MapScene

    seconds: dict[str, float] = {}
    start = time.perf_counter()
    network = map_data(wanted)
    if keep is not None:
        network = first_people(network, keep)
    seconds["read"] = time.perf_counter() - start

    start = time.perf_counter()
    placed = layout(network)
    seconds["place"] = time.perf_counter() - start

    view = MapView(lambda: datetime.combine(REFERENCE_DAY, datetime.min.time()))
    view.resize(900, 640)
    view.show()
    application.processEvents()
    start = time.perf_counter()
    scene = MapScene(placed, view.palette(), view.font())
    view.set_map(scene, keep_view=False)
    seconds["scene"] = time.perf_counter() - start

    start = time.perf_counter()
    view.viewport().grab()
    seconds["paint"] = time.perf_counter() - start
    drawn = {
        "people": placed.people,
        "introductions": placed.introductions,
        "circles": len(placed.nodes),
        "names shown": len(scene.visible_label_texts()),
        "collapsed": placed.collapsed,
    }
    view.close()
    view.deleteLater()
    scene.deleteLater()
    application.processEvents()
    return {"seconds": seconds, "drawn": drawn}


def _summary(samples: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(samples) * 1000, 1),
        "min_ms": round(min(samples) * 1000, 1),
        "max_ms": round(max(samples) * 1000, 1),
    }


def measure_map(paths_or_db: Paths | Path, rounds: int = ROUNDS) -> dict[str, Any]:
    """Time the three pictures, interleaved round by round, on the notebook at
    `paths_or_db` (a Paths or the database file). Returns, per picture: what it
    shows, the per-stage and total seconds of every kept round, their median, min
    and max, what was drawn, and the target."""
    database = paths_or_db.database if isinstance(paths_or_db, Paths) else paths_or_db
    application = _application()
    samples: dict[str, dict[str, list[float]]] = {
        name: {stage: [] for stage in (*STAGES, "total")} for name in PICTURES
    }
    drawn: dict[str, dict[str, Any]] = {}
    open_notebook(database, database.parent / "backups")
    try:
        for round_number in range(rounds + 1):  # round 0 warms up and is not kept
            for name, (_what, wanted, keep) in PICTURES.items():
                gc.collect()
                result = _draw_once(application, wanted, keep)
                if round_number == 0:
                    continue
                for stage, value in result["seconds"].items():
                    samples[name][stage].append(value)
                samples[name]["total"].append(sum(result["seconds"].values()))
                drawn[name] = result["drawn"]
    finally:
        close_notebook()
        db.initialize(None)
    figures: dict[str, Any] = {}
    for name, (what, _wanted, _keep) in PICTURES.items():
        total = samples[name]["total"]
        figures[name] = {
            "what": what,
            **_summary(total),
            "samples_s": total,
            "stages": {stage: _summary(samples[name][stage]) for stage in STAGES},
            "drawn": drawn[name],
            "target_ms": TARGET_MS if not drawn[name]["collapsed"] else None,
        }
        if figures[name]["target_ms"] is not None:
            figures[name]["met"] = figures[name]["median_ms"] <= TARGET_MS
    return {"rounds": rounds, "figures": figures}


def main() -> int:
    database = cached_large_notebook()
    print(f"Large notebook: {database}")
    results = measure_map(database)
    print(f"\n{results['rounds']} runs each (after one to warm up); milliseconds.\n")
    header = (
        f"{'picture':<12} {'people':>7} {'circles':>8} {'median':>8} {'min':>8} {'max':>8}  "
        + "  ".join(f"{stage:>6}" for stage in STAGES)
        + "  target"
    )
    print(header)
    print("-" * len(header))
    for name, figure in results["figures"].items():
        stages = "  ".join(f"{figure['stages'][s]['median_ms']:>6.0f}" for s in STAGES)
        target = ""
        if figure["target_ms"] is not None:
            target = f"<= {figure['target_ms']:.0f} {'met' if figure['met'] else 'MISSED'}"
        print(
            f"{name:<12} {figure['drawn']['people']:>7,} {figure['drawn']['circles']:>8,} "
            f"{figure['median_ms']:>8.0f} {figure['min_ms']:>8.0f} {figure['max_ms']:>8.0f}  "
            f"{stages}  {target}"
        )
    print("\nStages (medians): read = map_data, place = layout, scene = MapScene + set_map")
    print("(fit and names), paint = one offscreen paint of the view.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
