"""A network printer on a local TCP port that speaks ESC/POS or FGL status at the byte level.

ESC/POS: answers each ``DLE EOT 4`` with the scripted paper-sensor byte
(``None``: says nothing, like many USB-to-network adapters). FGL: answers
each ``<p>`` (a ticket printed and cut) with the next scripted status byte,
then with ``default``; ``push()`` sends an unprompted byte (a jam while idle).
"""

from __future__ import annotations

import socket
import threading
import time
from collections import deque


class PrinterSim:
    def __init__(
        self,
        protocol: str,
        *,
        paper: int | None = 0x12,
        script: list[int | None] | None = None,
        default: int | None = 0x06,
    ) -> None:
        self.protocol = protocol
        self.paper = paper
        self.script: deque[int | None] = deque(script or [])
        self.default = default
        self.received = bytearray()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._conn: socket.socket | None = None
        self._stop = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self._server.settimeout(0.1)
        while not self._stop:
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._conn = conn
            conn.settimeout(0.1)
            seen_cuts = 0
            seen_queries = 0
            while not self._stop:
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not chunk:
                    break
                with self._lock:
                    self.received += chunk
                    data = bytes(self.received)
                if self.protocol == "escpos":
                    queries = data.count(b"\x10\x04\x04")
                    for _ in range(queries - seen_queries):
                        if self.paper is not None:
                            conn.sendall(bytes([self.paper]))
                    seen_queries = queries
                else:
                    cuts = data.count(b"<p>")
                    for _ in range(cuts - seen_cuts):
                        reply = self.script.popleft() if self.script else self.default
                        if reply is not None:
                            conn.sendall(bytes([reply]))
                    seen_cuts = cuts
            conn.close()

    def push(self, byte: int) -> None:
        deadline = time.monotonic() + 3
        while self._conn is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert self._conn is not None, "nobody connected to the printer"
        self._conn.sendall(bytes([byte]))

    def close(self) -> None:
        self._stop = True
        self._server.close()
        self._thread.join(2)


def wait_for(predicate, timeout: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return bool(predicate())


def closed_port() -> int:
    """A local port with nothing listening (bound, then released)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
