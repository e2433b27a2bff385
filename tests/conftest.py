"""Shared fixtures: a headless Qt platform, a fresh notebook per test, a settable clock."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

# Headless, on a desktop-sized virtual screen (the offscreen default is 800x800,
# smaller than the window's minimum size).
_SCREEN = Path(__file__).with_name("offscreen-screen.json")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ.pop("PATHFINDER_DATA_DIR", None)

import pytest  # noqa: E402

from pathfinder.paths import Paths  # noqa: E402
from pathfinder.store.database import close_notebook, db, open_notebook  # noqa: E402


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    result = Paths(tmp_path / "data")
    result.ensure()
    return result


@pytest.fixture
def notebook(paths: Paths) -> Iterator[Paths]:
    """An open, empty notebook in a temporary data folder."""
    open_notebook(paths.database, paths.backups_dir)
    yield paths
    close_notebook()
    db.initialize(None)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 19, 30))


@pytest.fixture
def model_drift() -> Callable[[], object]:
    """What `playhouse.schema_diff` finds between the open notebook and the models, less the
    indexes the models declare as raw SQL (partial, or on expressions), which it can't read
    and so would always report as dropped; the full SQL of those is compared elsewhere."""
    from peewee import SQL
    from playhouse.schema_diff import diff_models

    from pathfinder.store.models import ALL_MODELS

    raw = {
        re.match(r"CREATE INDEX (\w+)", index.sql)[1]  # type: ignore[index]
        for model in ALL_MODELS
        for index in model._meta.indexes
        if isinstance(index, SQL)
    }

    def drift() -> object:
        difference = diff_models(db.obj, ALL_MODELS)
        kept = [index for index in difference.drop_indexes if index.name not in raw]
        return difference._replace(drop_indexes=kept)

    return drift
