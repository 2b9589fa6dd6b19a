"""The server's database: engines for SQLite (embedded default) and PostgreSQL.

The server store is separate from a terminal's local store: it has its own
metadata, tables and Alembic history (``boxoffice/server/migrations``). On
SQLite every transaction begins ``IMMEDIATE`` (one writer at a time, taken up
front, so two writers never deadlock half-way); on PostgreSQL transactions
run at READ COMMITTED and correctness comes from row locks and unique
constraints, so any number of server processes may share one database.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import BigInteger, Engine, Integer, MetaData, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from boxoffice.sqltypes import NAMING_CONVENTION

#: A big integer id that is still SQLite's rowid alias (autoincrementing).
BigId = BigInteger().with_variant(Integer, "sqlite")

SQLITE_BUSY_MS = 30000


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def normalise_url(url: str) -> str:
    """Accept a bare file path as SQLite; PostgreSQL must name the psycopg driver."""
    if "://" not in url:
        return f"sqlite:///{url}"
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() != "psycopg":
        return str(parsed.set(drivername="postgresql+psycopg").render_as_string(False))
    return url


def make_engine(url: str, *, pool_size: int = 10, write: bool = True) -> Engine:
    """An engine; on SQLite ``write=False`` begins DEFERRED: readers do not queue for writers."""
    url = normalise_url(url)
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None
            cur = dbapi_connection.cursor()
            for pragma in (
                "PRAGMA journal_mode=WAL",
                "PRAGMA synchronous=FULL",
                "PRAGMA foreign_keys=ON",
                f"PRAGMA busy_timeout={SQLITE_BUSY_MS}",
            ):
                cur.execute(pragma)
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    if backend == "postgresql":
        engine = create_engine(url, pool_size=pool_size, max_overflow=2 * pool_size)
        _ping_when_idle(engine)
        # A batch's receipts, tickets, payments and events go as multi-row INSERTs
        # (SQLAlchemy's "insertmanyvalues"), not as psycopg's executemany, which sends
        # and executes one statement per row: several times the CPU on both sides.
        engine.dialect.use_insertmanyvalues_wo_returning = True
        return engine
    raise ValueError(f"unsupported database {backend!r}: use sqlite:/// or postgresql+psycopg://")


#: A pooled PostgreSQL connection unused for this long is pinged before it is handed out.
PING_AFTER_IDLE_S = 1.0


def _ping_when_idle(engine: Engine) -> None:
    """``pool_pre_ping``, but only for connections that sat idle.

    Pinging on every checkout costs a round trip per request (two with the
    token check) while the connection was in use a millisecond ago. A
    connection that has been idle (where a database restart or a dropped
    socket would show) is still pinged, and a dead one is replaced before
    the request sees it.
    """

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since < PING_AFTER_IDLE_S:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            # The pool discards this connection and checks out (or opens) another.
            raise DisconnectionError(f"pooled connection is gone: {exc}") from exc


def is_postgres(session_or_engine: Session | Engine) -> bool:
    bind = (
        session_or_engine.get_bind()
        if isinstance(session_or_engine, Session)
        else session_or_engine
    )
    return bind.dialect.name == "postgresql"


class ServerStore:
    """One server database: ``session()`` is one transaction, committed on success."""

    def __init__(self, url: str, *, pool_size: int = 10) -> None:
        self.url = normalise_url(url)
        self.engine = make_engine(self.url, pool_size=pool_size)
        self.read_engine = (
            make_engine(self.url, write=False)
            if self.engine.dialect.name == "sqlite"
            else self.engine
        )
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._factory() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A transaction for queries only (on SQLite it does not take the write lock)."""
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def lookup(self) -> Iterator[Session]:
        """A single read outside any transaction (PostgreSQL: autocommit, one round trip).

        For the token check every request makes; on SQLite it is ``read()``.
        """
        if self.dialect != "postgresql":
            with self.read() as session:
                yield session
            return
        with self.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            with Session(bind=conn, expire_on_commit=False) as session:
                yield session

    def dispose(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()
