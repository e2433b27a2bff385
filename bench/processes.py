"""Timing whole processes for `make bench`: the environment they run in, a run timed
until the process prints a marker line, and a run timed until it ends.

Every child gets the same environment: Qt's offscreen platform on a desktop-sized
virtual screen, and compiled bytecode cached in bench/.cache/pycache
(PYTHONPYCACHEPREFIX). An installed Pathfinder, like an installed jrnl, runs from
bytecode that pip compiled; a checkout run with PYTHONDONTWRITEBYTECODE=1 would
compile every module at every start instead, which no user ever pays. The first
round of every figure is a warm-up that is not kept, so the cache is filled
before anything is timed.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
CACHE = BENCH_DIR / ".cache"
SCREEN = BENCH_DIR / "offscreen-screen.json"  # 1920x1200, as the tests use
TIMEOUT_S = 600


class ChildFailed(RuntimeError):
    """A timed child process failed; the message ends with what it wrote to stderr."""


def child_environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PATHFINDER_DATA_DIR", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
    env.update(extra or {})
    return env


def _failure(command: Sequence[str], why: str, stderr: Path) -> ChildFailed:
    try:
        said = stderr.read_text(encoding="utf-8", errors="replace")[-2000:]
    except OSError:
        said = ""
    return ChildFailed(f"{' '.join(map(str, command))}: {why}\n{said}")


def time_until_marker(
    command: Sequence[str], marker: str, env: Mapping[str, str], cwd: Path | None = None
) -> float:
    """Seconds from starting `command` until it prints the line `marker`; then let it
    end (not timed) and check that it ended well."""
    with tempfile.TemporaryDirectory(prefix="pathfinder-bench-") as scratch:
        stderr = Path(scratch) / "stderr"
        with stderr.open("wb") as errors:
            start = time.perf_counter()
            process = subprocess.Popen(
                list(command), env=dict(env), cwd=cwd, stdout=subprocess.PIPE, stderr=errors
            )
            assert process.stdout is not None
            seconds = None
            for line in process.stdout:
                if line.decode("utf-8", "replace").strip() == marker:
                    seconds = time.perf_counter() - start
                    break
            try:
                process.communicate(timeout=TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
                raise _failure(command, "did not end", stderr) from None
        if process.returncode != 0:
            raise _failure(command, f"exit status {process.returncode}", stderr)
        if seconds is None:
            raise _failure(command, f"never printed {marker!r}", stderr)
        return seconds


def time_run(
    command: Sequence[str], env: Mapping[str, str], stdout: Path, cwd: Path | None = None
) -> float:
    """Seconds from starting `command` until it ends (its output goes to `stdout`).

    The wait blocks in waitpid: `Popen.wait(timeout)` would poll instead, sleeping up to
    50 ms between looks, which would add up to 50 ms to a run. A timer kills a child
    that hangs.
    """
    stderr = stdout.with_name(stdout.name + ".stderr")
    with stdout.open("wb") as out, stderr.open("wb") as errors:
        start = time.perf_counter()
        process = subprocess.Popen(list(command), env=dict(env), cwd=cwd, stdout=out, stderr=errors)
        watchdog = threading.Timer(TIMEOUT_S, process.kill)
        watchdog.start()
        try:
            returncode = process.wait()
        finally:
            watchdog.cancel()
        seconds = time.perf_counter() - start
    if returncode != 0:
        raise _failure(command, f"exit status {returncode}", stderr)
    return seconds
