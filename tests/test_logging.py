"""The log holds events, never the notebook's text: peewee's statement log (which quotes
the values saved) reaches no handler, even with the root logger at DEBUG."""

from __future__ import annotations

import logging

import pytest

from pathfinder.__main__ import _start_log, _stop_log
from pathfinder.paths import Paths


def test_peewee_statements_never_reach_a_handler(
    paths: Paths, caplog: pytest.LogCaptureFixture
) -> None:
    root = logging.getLogger()
    before = root.level
    root.setLevel(logging.DEBUG)
    _start_log(paths)
    try:
        with caplog.at_level(logging.DEBUG):
            logging.getLogger("peewee").debug("('INSERT INTO contact ...', ['Canary 7731'])")
            logging.getLogger("pathfinder").info("notebook opened")
    finally:
        _stop_log()
        root.setLevel(before)
        logging.getLogger("peewee").propagate = True
    assert "Canary 7731" not in caplog.text
    assert "notebook opened" in caplog.text
    assert "Canary 7731" not in (paths.logs_dir / "pathfinder.log").read_text(encoding="utf-8")
