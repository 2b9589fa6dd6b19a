"""Push a terminal's outbox to the server in small batches: the child the kill test SIGKILLs.

``python -m tests.sync.push_child STORE KEYRING_FILE [--batch N]`` prints
``start`` and then ``done <pushed>`` when the backlog is empty.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run by path: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from boxoffice.store import open_store
from boxoffice.sync import terminal
from boxoffice.sync.worker import SyncWorker
from tests.sync.harness import file_keyring


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("store", type=Path)
    parser.add_argument("keyring", type=Path)
    parser.add_argument("--batch", type=int, default=5)
    args = parser.parse_args()
    store = open_store(args.store)
    client = terminal.client_for(store, backend=file_keyring(args.keyring))
    assert client is not None
    worker = SyncWorker(
        store, client, terminal=terminal.terminal_name(store), batch_size=args.batch
    )
    print("start", flush=True)
    pushed = worker.push_backlog()
    print(f"done {pushed}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
