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


def test_a_long_log_is_set_aside_at_start_and_the_new_one_is_private(paths: Paths) -> None:
    from pathfinder.__main__ import LOG_LIMIT

    log = paths.logs_dir / "pathfinder.log"
    older = paths.logs_dir / "pathfinder.log.1"
    log.write_text("x" * (LOG_LIMIT + 1), encoding="utf-8")
    older.write_text("older", encoding="utf-8")
    _start_log(paths)
    try:
        logging.getLogger("pathfinder").info("notebook opened")
    finally:
        _stop_log()
    assert older.read_text(encoding="utf-8") == "x" * (LOG_LIMIT + 1)
    assert (paths.logs_dir / "pathfinder.log.2").read_text(encoding="utf-8") == "older"
    assert "notebook opened" in log.read_text(encoding="utf-8")
    assert log.stat().st_mode & 0o777 == 0o600
    _start_log(paths)  # a short log stays where it is
    _stop_log()
    assert "notebook opened" in log.read_text(encoding="utf-8")


def test_a_command_beside_the_window_never_sets_its_log_aside(paths: Paths) -> None:
    from pathfinder.__main__ import LOG_LIMIT

    log = paths.logs_dir / "pathfinder.log"
    log.write_text("x" * (LOG_LIMIT + 1), encoding="utf-8")
    _start_log(paths, set_aside=False)
    try:
        logging.getLogger("pathfinder").info("searched")
    finally:
        _stop_log()
    assert not (paths.logs_dir / "pathfinder.log.1").exists()
    assert log.read_text(encoding="utf-8").endswith("searched\n")
