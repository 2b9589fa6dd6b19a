"""Server fixtures: a migrated server database on SQLite and on PostgreSQL.

PostgreSQL tests get a fresh schema each (``search_path``), dropped
afterwards, so they work on a database shared with other tests.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from boxoffice.server import catalogue, migrate
from boxoffice.server.app import create_app
from boxoffice.server.db import ServerStore
from tests.server import helpers


@pytest.fixture
def pg_schema_url(request: pytest.FixtureRequest) -> Iterator[str]:
    base = request.getfixturevalue("pg_url")
    schema = f"srv_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.sqlite3'}"
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server.sqlite3'}"


def _open(url: str) -> ServerStore:
    store = ServerStore(url)
    migrate.upgrade(store)
    with store.session() as s:
        catalogue.import_tables(s, helpers.small_catalogue())
    return store


@pytest.fixture
def server_store(db_url: str) -> Iterator[ServerStore]:
    store = _open(db_url)
    yield store
    store.dispose()


@pytest.fixture
def sqlite_store(sqlite_url: str) -> Iterator[ServerStore]:
    store = _open(sqlite_url)
    yield store
    store.dispose()


@pytest.fixture
def client(server_store: ServerStore) -> Iterator[TestClient]:
    with TestClient(create_app(server_store)) as c:
        yield c


@pytest.fixture
def sqlite_client(sqlite_store: ServerStore) -> Iterator[TestClient]:
    with TestClient(create_app(sqlite_store)) as c:
        yield c


def enrol(client: TestClient, store: ServerStore, name: str, prefix: str) -> dict:
    code = helpers.make_code(store, name, prefix)
    _key, public = helpers.new_key()
    r = client.post("/api/v1/enrol", json={"code": code, "public_key": public})
    assert r.status_code == 201, r.text
    return r.json()


@pytest.fixture
def terminal(client: TestClient, server_store: ServerStore) -> dict:
    """An enrolled terminal "Window 1" (prefix W1): its enrolment answer, token included."""
    return enrol(client, server_store, "Window 1", "W1")
