"""UI test fixtures: a demo store seeded once per session, and a running client.

Seeding the demo (a 20,000-seat arena among others) takes seconds, so it is
done once; each test gets its own copy because signing in writes to the
store (lockout counters, audit entries).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from boxoffice import demo
from boxoffice.actor import system_actor
from boxoffice.store import open_store

#: How long a test waits for store work (open, sign in, a 20,000-seat map).
#: Generous on purpose: CI runs the suite on a loaded 2-core machine, and a
#: wait that ends early proves nothing but the machine's load.
STORE_WAIT_MS = 60_000


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    store = open_store(path)
    with store.write() as session:
        demo.seed(session, system_actor("test-setup"))
    store.dispose()
    return path


@pytest.fixture
def demo_db(seeded_db: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded demo store (SQLite's backup API: WAL included)."""
    target = tmp_path / "boxoffice.sqlite3"
    source = sqlite3.connect(seeded_db)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target


@pytest.fixture
def app(qapp):  # type: ignore[no-untyped-def]
    """The QApplication in English with our style sheet, collecting garbage as the client does."""
    from boxoffice.ui.common.workers import MainThreadGarbageCollector
    from boxoffice.ui.shell.app import create_app

    application = create_app("en")
    collector = MainThreadGarbageCollector()
    yield application
    collector.stop()
    create_app("en")


@pytest.fixture
def client(app, qtbot, demo_db: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The client started on a demo store, waiting at a ready login screen."""
    from boxoffice.ui.shell.app import ClientApp, Options

    client = ClientApp(Options(db=demo_db, terminal="Test till"))
    qtbot.addWidget(client.login)
    client.start()
    qtbot.waitUntil(lambda: client.ready, timeout=STORE_WAIT_MS)
    yield client
    client.shut_down()  # waits for the running store job before anything is deleted
    client.deleteLater()
