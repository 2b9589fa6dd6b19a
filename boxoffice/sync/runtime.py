"""Start the sync worker for a store, if a central server is configured.

The desktop app calls ``start_for(store)`` after opening the store and gives
``worker.status`` (a getter) to the main window's indicator; the admin CLI
runs single rounds instead (``boxoffice-admin sync now``).
"""

from __future__ import annotations

from keyring.backend import KeyringBackend

from boxoffice.store import Store
from boxoffice.sync import terminal
from boxoffice.sync.worker import SyncWorker


def start_for(store: Store, *, backend: KeyringBackend | None = None) -> SyncWorker | None:
    """A running worker for the configured server, or ``None`` when working alone."""
    client = terminal.client_for(store, backend=backend)
    if client is None:
        return None
    worker = SyncWorker(store, client, terminal=terminal.terminal_name(store))
    worker.start()
    return worker
