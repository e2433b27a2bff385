"""Two Pathfinders started at the same moment on one folder, twenty times: exactly one
opens the notebook, the other says "already open" and exits 1, and neither ever meets
"database is locked". Half the rounds use a fresh folder (the race while the folder and
the notebook are being created), half an existing notebook.

The loser asks the survivor to come forward and waits up to 8 s for it to listen; on a
machine so busy that the survivor takes longer to start, the loser shows its "already
open" message box instead, which nobody can answer offscreen. Such a round is still
checked (one survivor, the loser said "already open", nothing was locked), and the loser
is then ended by the test.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="uses POSIX signals")

ROUNDS = 20
AT_ONCE = 2  # rounds run side by side, each on its own folder (the suite's time budget)
PATIENCE_S = 60.0
LOSER_PATIENCE_S = 20.0  # longer than the loser's own 8 s wait for the survivor


class Launch:
    """`python -m pathfinder --data-dir DATA`, with what it prints collected as it comes."""

    def __init__(self, data: Path) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("PATHFINDER_DATA_DIR", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pathfinder", "--data-dir", str(data)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        self.out: list[str] = []
        self.err: list[str] = []
        assert self.process.stdout is not None and self.process.stderr is not None
        self.readers = [
            threading.Thread(target=self._read, args=(stream, sink), daemon=True)
            for stream, sink in ((self.process.stdout, self.out), (self.process.stderr, self.err))
        ]
        for reader in self.readers:
            reader.start()

    @staticmethod
    def _read(stream: object, sink: list[str]) -> None:
        for line in stream:  # type: ignore[attr-defined]
            sink.append(line)

    def running(self) -> bool:
        return self.process.poll() is None

    def said_already_open(self) -> bool:
        return "already open" in "".join(self.err)

    def finish(self, timeout: float) -> int:
        """Wait for it to end (killing it after `timeout`); its exit status."""
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        for reader in self.readers:
            reader.join(timeout=10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        return self.process.returncode

    def text(self) -> str:
        return "".join(self.out + self.err)


def listening(data: Path) -> Path:
    """Where the survivor's local socket appears once it is fully up (the SIGTERM handler
    is installed just before it listens)."""
    from pathfinder.instance import server_name

    return Path(tempfile.gettempdir()) / server_name(data.absolute())


class Round:
    def __init__(self, number: int, data: Path) -> None:
        self.number = number
        self.data = data
        self.pair = [Launch(data), Launch(data)]
        self.slow = False

    def loser_known(self, deadline: float) -> None:
        """Wait until one of the two has lost: it exited, or said "already open"."""
        while all(each.running() and not each.said_already_open() for each in self.pair):
            if time.monotonic() > deadline:
                raise AssertionError(f"round {self.number}: neither lost: {self.said()}")
            time.sleep(0.02)

    def terminate_survivor(self) -> None:
        losers = [each for each in self.pair if each.said_already_open() or not each.running()]
        assert len(losers) == 1, f"round {self.number}: {self.said()}"
        self.loser = losers[0]
        self.survivor = next(each for each in self.pair if each is not self.loser)
        socket = listening(self.data)
        deadline = time.monotonic() + PATIENCE_S
        while not socket.exists():
            assert self.survivor.running(), f"round {self.number}: {self.said()}"
            assert time.monotonic() < deadline, f"round {self.number}: never listened"
            time.sleep(0.02)
        # The survivor must still be running a moment after the loser has left.
        loser_status = self.loser.finish(LOSER_PATIENCE_S)
        time.sleep(0.1)
        assert self.survivor.running(), f"round {self.number}: {self.said()}"
        assert self.loser.said_already_open(), f"round {self.number}: {self.said()}"
        if loser_status == -signal.SIGKILL:
            self.slow = True  # it sat in its message box: see the module's docstring
        else:
            assert loser_status == 1, f"round {self.number}: {self.said()}"
        self.survivor.process.send_signal(signal.SIGTERM)

    def check_closed(self) -> None:
        status = self.survivor.finish(30)
        assert status == 0, f"round {self.number}: {self.said()}"
        for each in self.pair:
            assert "locked" not in each.text().lower(), f"round {self.number}: {self.said()}"
            assert "Traceback" not in each.text(), f"round {self.number}: {self.said()}"
        assert (self.data / "pathfinder.sqlite3").is_file()
        assert not (self.data / "pathfinder.lock").exists()  # it closed properly

    def said(self) -> list[tuple[int | None, str]]:
        return [(each.process.poll(), each.text()) for each in self.pair]

    def stop(self) -> None:
        for each in self.pair:
            each.finish(0 if each.running() else 10)


def test_two_starts_at_once_open_exactly_one_twenty_times(tmp_path: Path) -> None:
    shared = [tmp_path / f"shared-{lane}" for lane in range(AT_ONCE)]
    slow = 0
    for number in range(0, ROUNDS, AT_ONCE):
        rounds: list[Round] = []
        try:
            for lane in range(AT_ONCE):
                index = number + lane
                fresh = (index // AT_ONCE) % 2 == 0
                rounds.append(Round(index, tmp_path / f"fresh-{index}" if fresh else shared[lane]))
            deadline = time.monotonic() + PATIENCE_S
            for each in rounds:
                each.loser_known(deadline)
            for each in rounds:
                each.terminate_survivor()
            for each in rounds:
                each.check_closed()
                slow += each.slow
        finally:
            for each in rounds:
                each.stop()
    assert slow < ROUNDS  # at least one round went the usual way, without the message box
