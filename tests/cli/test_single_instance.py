"""One Pathfinder per data folder, and a killed one does not block the next."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="uses POSIX signals")


def launch(data: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "pathfinder", "--data-dir", str(data), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
    )


def wait_for_exit(processes: list[subprocess.Popen[str]], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and all(p.poll() is None for p in processes):
        time.sleep(0.1)


def test_two_launches_on_one_folder_open_exactly_one(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first, second = launch(data), launch(data)
    try:
        wait_for_exit([first, second], 30)
        time.sleep(1.0)  # the survivor must still be running after the loser has gone
        exited = [p for p in (first, second) if p.poll() is not None]
        running = [p for p in (first, second) if p.poll() is None]
        assert len(exited) == 1 and len(running) == 1
        loser = exited[0]
        assert loser.returncode == 1
        _out, err = loser.communicate(timeout=10)
        assert "already open" in err
    finally:
        for process in (first, second):
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            process.communicate(timeout=10)

    # The survivor was killed and left its lock behind; the next start is not blocked.
    assert (data / "pathfinder.lock").exists()
    third = launch(data, "--smoke")
    out, err = third.communicate(timeout=60)
    assert third.returncode == 0, err
    assert "smoke: ok" in out


def test_a_different_folder_is_a_different_notebook(tmp_path: Path) -> None:
    first = launch(tmp_path / "one")
    try:
        deadline = time.monotonic() + 30
        while not (tmp_path / "one" / "pathfinder.lock").exists():
            assert time.monotonic() < deadline and first.poll() is None
            time.sleep(0.1)
        other = launch(tmp_path / "two", "--smoke")
        _out, err = other.communicate(timeout=60)
        assert other.returncode == 0, err
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=10)


def test_a_terminated_pathfinder_closes_properly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    process = launch(data)
    try:
        deadline = time.monotonic() + 30
        while not (data / "pathfinder.lock").exists():
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.1)
        time.sleep(1.0)
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=10)
    assert process.returncode == 0, err
    # Closing the window saved its state and released the lock.
    assert (data / "window-state.ini").exists()
    assert not (data / "pathfinder.lock").exists()
