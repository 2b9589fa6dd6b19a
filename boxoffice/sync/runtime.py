"""Start the sync worker for a store, if a central server is configured.

The desktop app calls ``start_for(store, bus=...)`` after opening the store; the worker
publishes ``ChangeSet(sync=True)`` on that bus when its state changes and
the status-bar indicator reads ``worker.status`` then; the admin CLI
runs single rounds instead (``boxoffice-admin sync now``).
"""

from __future__ import annotations

from keyring.backend import KeyringBackend

from boxoffice.bus import EventBus
from boxoffice.store import Store
from boxoffice.sync import terminal
from boxoffice.sync.worker import SyncWorker


def start_for(
    store: Store, *, backend: KeyringBackend | None = None, bus: EventBus | None = None
) -> SyncWorker | None:
    """A running worker for the configured server, or ``None`` when working alone."""
    client = terminal.client_for(store, backend=backend)
    if client is None:
        return None
    worker = SyncWorker(store, client, terminal=terminal.terminal_name(store), bus=bus)
    worker.start()
    return worker
