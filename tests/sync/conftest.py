"""Sync tests: the sales ``World`` as the terminal, and a real server on SQLite or PostgreSQL.

The PostgreSQL server gets a fresh database per test (created from the
``BOXOFFICE_TEST_PG`` URL, dropped afterwards), so tests never see each
other's rows even when the database server is shared.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from sqlalchemy import create_engine, text

from tests.sales.conftest import _template, world  # noqa: F401
from tests.sync.harness import RunningServer, file_keyring


def _fresh_pg_database(base_url: str) -> tuple[str, str]:
    name = f"sync_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return base_url.rsplit("/", 1)[0] + "/" + name, name


def _drop_pg_database(base_url: str, name: str) -> None:
    engine = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def server_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A server database URL: an SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.sqlite3'}"
        return
    base = request.getfixturevalue("pg_url")
    url, name = _fresh_pg_database(base)
    try:
        yield url
    finally:
        _drop_pg_database(base, name)


@pytest.fixture
def server(server_db: str) -> Iterator[RunningServer]:
    running = RunningServer(server_db)
    yield running
    running.close()


@pytest.fixture
def ring(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real file-backed keyring (keyrings.alt PlaintextKeyring) in the test's directory."""
    return file_keyring(tmp_path / "keyring.cfg")


@pytest.fixture
def default_ring(ring):  # type: ignore[no-untyped-def]
    """The test's file keyring as the process default, as the OS keyring is for the app."""
    before = keyring.get_keyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)
