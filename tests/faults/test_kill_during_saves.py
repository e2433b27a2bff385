"""kill -9 at random moments while the store saves: the notebook stays whole, and every save
that was acknowledged (its transaction had returned) is there with exactly its text.

The saver (tests/helpers/fault_saver.py) is one process per round, forked from a helper
that has imported the store once; 50 rounds share one data folder, so the notebook grows.
Every fifth round is killed while it starts (opening the notebook, or in the first round
creating it); the others a random moment after their first acknowledged save.
"""

from __future__ import annotations

import importlib.util
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork are POSIX")

HELPER = Path(__file__).resolve().parent.parent / "helpers" / "fault_saver.py"
ROUNDS = 50
SEED = 20260302
EARLY_EVERY = 5
CREATION_ROUNDS = 10
PATIENCE_S = 30.0


def _load_helper() -> object:
    spec = importlib.util.spec_from_file_location("fault_saver", HELPER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


entry_text = _load_helper().entry_text  # type: ignore[attr-defined]


class Savers:
    """The helper process, and the lines its savers print."""

    def __init__(self, data: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HELPER), str(data)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.errors: list[str] = []
        assert self.process.stdout is not None and self.process.stderr is not None
        self.readers = [
            threading.Thread(target=self._read, args=(stream, sink), daemon=True)
            for stream, sink in ((self.process.stdout, self.lines.put), (self.process.stderr, None))
        ]
        for reader in self.readers:
            reader.start()

    def _read(self, stream: IO[str], sink: object) -> None:
        for line in stream:
            if sink is None:
                self.errors.append(line)
            else:
                self.lines.put(line)

    def next_line(self, what: str) -> list[str]:
        try:
            line = self.lines.get(timeout=PATIENCE_S)
        except queue.Empty:
            raise AssertionError(f"nothing from the saver while {what}: {self.errors}") from None
        assert line.endswith("\n"), line
        return line.split()

    def run_round(
        self,
        round_number: int,
        rng: random.Random,
        *,
        early: bool = False,
        data: Path | None = None,
        wait: tuple[float, float] = (0.01, 0.15),
    ) -> list[tuple[int, int]]:
        """One saver (in `data`, else the helper's folder), killed with SIGKILL while it
        starts (`early`) or a moment after its first acknowledged save; the (id, n) of the
        saves it acknowledged."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"go {round_number}{f' {data}' if data else ''}\n")
        self.process.stdin.flush()
        saved: list[tuple[int, int]] = []
        pid = None
        while pid is None:
            words = self.next_line("starting")
            if words[0] == "started":
                pid = int(words[2])
            else:
                saved.append(self._saved(words, round_number))
        if early:
            time.sleep(rng.uniform(0.0, 0.08))  # while it opens (or creates) the notebook
        else:
            while not saved:
                words = self.next_line("waiting for the first save")
                assert words[0] == "saved", f"round {round_number}: {words} {self.errors}"
                saved.append(self._saved(words, round_number))
            time.sleep(rng.uniform(*wait))  # the loop is steady: any moment is as good
        os.kill(pid, signal.SIGKILL)
        while True:
            words = self.next_line("waiting for the end")
            if words[0] == "ended":
                assert words[1:] == [str(round_number), str(-signal.SIGKILL)], (
                    f"round {round_number}: {words} {self.errors}"
                )
                return saved
            saved.append(self._saved(words, round_number))

    @staticmethod
    def _saved(words: list[str], round_number: int) -> tuple[int, int]:
        assert words[0] == "saved" and int(words[2]) == round_number, words
        return int(words[1]), int(words[3])

    def stop(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=30)
            for reader in self.readers:
                reader.join(timeout=30)
            for stream in (self.process.stdout, self.process.stderr):
                if stream is not None:
                    stream.close()


def check_notebook(database: Path, acknowledged: dict[int, tuple[int, int]]) -> int:
    """Integrity, every acknowledged save, and no torn entry; the number of entries."""
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        entries = {
            entry_id: (title, body)
            for entry_id, title, body in connection.execute(
                "SELECT id, title, body FROM journal_entry"
            )
        }
        tags = dict(connection.execute("SELECT entry_id, name FROM journal_tag"))
    finally:
        connection.close()
    for entry_id, (round_number, n) in acknowledged.items():
        assert entries.get(entry_id) == entry_text(round_number, n), f"entry {entry_id}"
        assert tags.get(entry_id) == f"r{round_number}", f"tag of entry {entry_id}"
    # A save the kill cut short of its acknowledgement is whole or absent, never torn:
    # every entry has the text its title names, and its tag (saved in one transaction).
    for entry_id, (title, body) in entries.items():
        words = title.split()
        round_number, n = int(words[1]), int(words[4])
        assert (title, body) == entry_text(round_number, n), f"entry {entry_id}"
        assert tags.get(entry_id) == f"r{round_number}", f"tag of entry {entry_id}"
    return len(entries)


def test_kill_9_at_random_moments_loses_no_acknowledged_save(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    data = tmp_path / "data"  # one folder for every round: the notebook grows
    database = data / "pathfinder.sqlite3"
    acknowledged: dict[int, tuple[int, int]] = {}
    savers = Savers(data)
    try:
        for round_number in range(ROUNDS):
            early = round_number % EARLY_EVERY == 0
            for entry_id, n in savers.run_round(round_number, rng, early=early):
                assert entry_id not in acknowledged, f"id {entry_id} handed out twice"
                acknowledged[entry_id] = (round_number, n)
            if database.exists():
                assert check_notebook(database, acknowledged) >= len(acknowledged)
                # A half-made notebook is only ever left under its temporary name.
                assert not (data / "pathfinder.sqlite3.new").exists()
            else:
                assert not acknowledged  # killed before the notebook was made
    finally:
        savers.stop()
    rounds_that_saved = {round_number for round_number, _n in acknowledged.values()}
    assert len(rounds_that_saved) >= ROUNDS - ROUNDS // EARLY_EVERY
    assert len(acknowledged) > ROUNDS  # the kills did land among saves
    assert savers.errors == []


def test_kill_9_while_a_notebook_is_created_leaves_none_or_a_whole_one(tmp_path: Path) -> None:
    """Killed at a random moment of its first start, in a fresh folder each time: the next
    start opens (or creates) the notebook and saves, and nothing half-made is left."""
    rng = random.Random(SEED + 1)
    savers = Savers(tmp_path / "unused")
    try:
        for round_number in range(CREATION_ROUNDS):
            data = tmp_path / f"fresh-{round_number}"
            database = data / "pathfinder.sqlite3"
            savers.run_round(round_number, rng, early=True, data=data)
            if database.exists():
                check_notebook(database, {})
            saved = savers.run_round(round_number, rng, data=data, wait=(0.0, 0.02))
            assert saved
            check_notebook(database, {entry_id: (round_number, n) for entry_id, n in saved})
            assert not database.with_name("pathfinder.sqlite3.new").exists()
    finally:
        savers.stop()
