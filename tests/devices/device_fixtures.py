"""Fixtures of the device tests: a TCP sink (a printer's port 9100), a free port, a pty.

Test modules bind them by name (``tcp_sink = device_fixtures.tcp_sink``); the
sales ``world`` is bound the same way where a sale is involved.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from collections.abc import Iterator

import pytest


class TcpSink:
    """A local TCP listener (a printer's port 9100): records every byte it receives."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received = bytearray()
        self.connections = 0
        self.got = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            self.connections += 1
            with conn:
                while chunk := conn.recv(4096):
                    self.received += chunk
            self.got.set()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.server.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        self.server.close()


@pytest.fixture
def tcp_sink() -> Iterator[TcpSink]:
    sink = TcpSink()
    yield sink
    sink.close()


@pytest.fixture
def free_port() -> int:
    """A local port where nothing listens (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def pty_pair() -> Iterator[tuple[int, str]]:
    """A pseudo-terminal: (master fd for the test, slave path for the device)."""
    import tty

    master, slave = os.openpty()
    tty.setraw(master)
    tty.setraw(slave)
    yield master, os.ttyname(slave)
    os.close(master)
    os.close(slave)
