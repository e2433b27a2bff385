"""Pathfinder never opens a network socket: a `--smoke` run (every section, search and the
report) is traced for the sockets it makes (local Unix sockets are fine), and it runs to
the end in a network namespace with no network at all."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="strace and unshare are Linux")

SMOKE = [sys.executable, "-m", "pathfinder", "--smoke"]
_SOCKET = re.compile(r"\bsocket\((AF_[A-Z0-9]+|PF_[A-Z0-9]+|\d+)")


def environment() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PATHFINDER_DATA_DIR", None)
    return env


def traced(command: list[str], trace: Path) -> subprocess.CompletedProcess[str]:
    """Run `command` under strace, noting every socket() and connect() of every process."""
    strace = shutil.which("strace")
    assert strace is not None
    return subprocess.run(
        [
            strace,
            "-f",
            "--seccomp-bpf",
            "-qq",
            "-e",
            "trace=socket,connect",
            "-o",
            str(trace),
            *command,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env=environment(),
    )


def families(trace: Path) -> set[str]:
    return set(_SOCKET.findall(trace.read_text(encoding="utf-8", errors="replace")))


@pytest.fixture(scope="module")
def strace_works(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Skip unless strace is there and may trace (ptrace can be forbidden in containers);
    and prove the trace would show a network socket if one were made."""
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed")
    trace = tmp_path_factory.mktemp("probe") / "trace"
    probe = traced(
        [sys.executable, "-c", "import socket; socket.socket(socket.AF_INET).close()"], trace
    )
    if probe.returncode != 0 or not trace.exists():
        pytest.skip(f"strace can't trace here: {probe.stderr.strip()[:200]}")
    assert "AF_INET" in families(trace)


def test_a_smoke_run_opens_no_network_socket(strace_works: None, tmp_path: Path) -> None:
    trace = tmp_path / "trace"
    result = traced([*SMOKE, "--data-dir", str(tmp_path / "data")], trace)
    assert result.returncode == 0, result.stderr
    assert "smoke: ok" in result.stdout
    # Local sockets (AF_UNIX) and the kernel's own (AF_NETLINK) are not the network.
    found = families(trace)
    assert not found & {"AF_INET", "AF_INET6", "PF_INET", "PF_INET6", "AF_PACKET"}, found


def test_a_smoke_run_works_with_no_network_at_all(tmp_path: Path) -> None:
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare is not installed")
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True, text=True, timeout=30)
    if probe.returncode != 0:
        pytest.skip(f"unshare -n is not permitted here: {probe.stderr.strip()[:200]}")
    result = subprocess.run(
        [unshare, "-n", *SMOKE, "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env=environment(),
    )
    assert result.returncode == 0, result.stderr
    assert "smoke: ok" in result.stdout
