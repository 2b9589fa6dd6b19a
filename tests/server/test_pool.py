"""PostgreSQL connections: a dropped one is replaced before a request uses it."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, text

from boxoffice.server import db
from boxoffice.server.db import ServerStore


def _backend_pid(store: ServerStore) -> int:
    with store.lookup() as s:
        return int(s.execute(text("select pg_backend_pid()")).scalar_one())


def test_a_connection_dropped_while_idle_is_replaced_not_handed_out(
    pg_url: str, pg_schema_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 0.2)
    store = ServerStore(pg_schema_url, pool_size=1)
    try:
        first = _backend_pid(store)
        assert _backend_pid(store) == first  # reused at once, without a ping
        admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:  # as a database restart or a dropped socket would
            conn.execute(text("select pg_terminate_backend(:p)"), {"p": first})
        admin.dispose()
        time.sleep(0.3)
        # The request neither fails nor sees the dead connection: it gets a new one.
        assert _backend_pid(store) != first
        with store.session() as s:
            assert s.execute(text("select 1")).scalar_one() == 1
    finally:
        store.dispose()
