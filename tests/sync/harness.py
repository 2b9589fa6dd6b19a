"""A real central server for the sync tests: uvicorn in a thread on a free port.

The server (``boxoffice.server``) runs on SQLite or a fresh PostgreSQL
database, with its catalogue imported from the test terminal's own store (so
the ids match, as after a catalogue pull). It can be stopped and started
again on the same port and database, to take the network away and give it
back.
"""

from __future__ import annotations

import base64
import socket
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from keyrings.alt.file import PlaintextKeyring

from boxoffice.actor import system_actor
from boxoffice.catalogue_export import export_store
from boxoffice.sales import signing_keys
from boxoffice.server import catalogue as server_catalogue
from boxoffice.server import enrolment
from boxoffice.server import migrate as server_migrate
from boxoffice.server.app import create_app
from boxoffice.server.db import ServerStore
from boxoffice.store import Store
from boxoffice.sync import terminal
from boxoffice.sync.client import ServerClient
from boxoffice.sync.config import ServerConfig
from boxoffice.sync.credentials import TokenStore

ADMIN = system_actor("sync-test")


def sync_until(worker: Any, done: Any, timeout: float = 15.0) -> None:
    """Sync rounds until ``done()``: on PostgreSQL the feed shows an event only
    once every older transaction in the cluster has finished, so a busy
    database (another test run, a benchmark) can hold it back a moment."""
    deadline = time.monotonic() + timeout
    while True:
        worker.sync_once()
        if done():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"the change feed did not deliver within {timeout} s")
        time.sleep(0.1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def file_keyring(path: Path) -> PlaintextKeyring:
    """keyrings.alt's plaintext file backend, kept under the test's tmp directory."""
    ring = PlaintextKeyring()
    ring.file_path = str(path)  # type: ignore[misc]
    return ring


class RunningServer:
    def __init__(self, db_url: str, *, ssl: dict[str, str] | None = None) -> None:
        self.store = ServerStore(db_url)
        server_migrate.upgrade(self.store)
        self.port = free_port()
        self.ssl = ssl or {}
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.start()

    @property
    def url(self) -> str:
        scheme = "https" if self.ssl else "http"
        host = "localhost" if self.ssl else "127.0.0.1"
        return f"{scheme}://{host}:{self.port}"

    def start(self) -> None:
        config = uvicorn.Config(
            create_app(self.store),
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="off",
            timeout_graceful_shutdown=1,
            **self.ssl,  # type: ignore[arg-type]
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        """Take the server away (connections refused from now on)."""
        if self._server is not None:
            self._server.should_exit = True
            assert self._thread is not None
            self._thread.join(10)
            self._server = None

    def close(self) -> None:
        self.stop()
        self.store.dispose()

    # -- administration, as boxoffice-server would do it ------------------------
    def import_catalogue(self, store: Store) -> None:
        tables = export_store(store.path)
        with self.store.session() as s:
            server_catalogue.import_tables(s, tables)

    def enrol_code(self, name: str, prefix: str | None = None) -> str:
        with self.store.session() as s:
            code, _row = enrolment.create_code(s, name, prefix=prefix)
        return code

    def query(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        from sqlalchemy import text

        with self.store.session() as s:
            return [tuple(r) for r in s.execute(text(sql), params)]


def link(
    store: Store,
    server: RunningServer,
    ring: PlaintextKeyring,
    signer: Any,
    *,
    name: str = "Window 1",
    prefix: str = "W1",
    transport: httpx.BaseTransport | None = None,
) -> ServerClient:
    """Configure, enrol and return a client for ``store``: what an installer does."""
    terminal.configure(store, ADMIN, server.url)
    client = terminal.client_for(store, backend=ring, transport=transport)  # type: ignore[arg-type]
    assert client is not None
    terminal.enrol(store, ADMIN, client, server.enrol_code(name, prefix), signer)
    return client


def other_terminal(server: RunningServer, ring: PlaintextKeyring, name: str) -> ServerClient:
    """A second enrolled terminal (its own key and token), for racing the first."""
    client = ServerClient(
        ServerConfig(server.url), TokenStore(server.url, f"/elsewhere/{name}", ring)
    )
    key = signing_keys.generate()
    client.enrol(server.enrol_code(name), base64.b64encode(signing_keys.public_bytes(key)).decode())
    return client
