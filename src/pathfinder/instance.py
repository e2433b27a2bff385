"""One Pathfinder per data folder.

A `QLockFile` in the data folder marks the running instance; Qt treats the lock
of a process that no longer exists as stale, so a killed Pathfinder never
blocks the next start. The running instance also listens on a local socket (a
Unix socket or named pipe, never the network) so a second launch can ask it to
bring its window forward.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE_REQUEST = b"raise\n"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir).encode("utf-8")).hexdigest()[:16]
    return f"pathfinder-{digest}"


class InstanceLock:
    """The lock on one data folder; `acquire()` is False if another instance holds it."""

    def __init__(self, lock_path: Path) -> None:
        self._path = lock_path
        self._lock = QLockFile(str(lock_path))
        # Never treat a live lock as stale because of its age; dead owners are detected.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        if not self._lock.tryLock(100):
            return False
        with contextlib.suppress(OSError):
            os.chmod(self._path, 0o600)
        return True

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


def ask_running_instance_to_raise(data_dir: Path, patience_s: float = 8.0) -> bool:
    """Tell the instance that owns `data_dir` to show its window; True if it heard.

    The other instance may still be starting (it takes the lock before it listens),
    so keep trying for a few seconds.
    """
    deadline = time.monotonic() + patience_s
    while True:
        socket = QLocalSocket()
        socket.connectToServer(server_name(data_dir))
        if socket.waitForConnected(500):
            socket.write(RAISE_REQUEST)
            heard = bool(socket.waitForBytesWritten(1500))
            socket.disconnectFromServer()
            return heard
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)


class RaiseListener(QObject):
    """Listens for a second launch and emits `raise_requested`."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(data_dir)
        # A server left behind by a killed instance would block listening.
        QLocalServer.removeServer(name)
        self._server.newConnection.connect(self._on_connection)
        self.listening = self._server.listen(name)

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._on_ready(c))
            connection.disconnected.connect(connection.deleteLater)

    def _on_ready(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).startswith(RAISE_REQUEST.strip()):
            self.raise_requested.emit()
