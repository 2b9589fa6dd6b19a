"""Engine and sessions for the local SQLite store.

Durability settings follow SQLAlchemy's SQLite dialect notes: pysqlite's own
transaction handling is switched off (``isolation_level = None`` on connect)
so that SQLAlchemy's ``begin`` event can emit ``BEGIN IMMEDIATE`` itself.
That takes the write lock up front, so two writers never deadlock half-way and
savepoints and transactional DDL work. WAL lets readers carry on during a
write; ``synchronous=FULL`` makes a commit survive power loss (with NORMAL a
committed sale can roll back).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from boxoffice.store import versions

BUSY_TIMEOUT_MS = 5000

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)
#: For migrations only: SQLite cannot switch foreign keys off inside a
#: transaction, and Alembic's batch mode rebuilds a table by dropping it,
#: which with enforcement on would cascade-delete its children's rows.
MIGRATION_PRAGMAS = tuple(p.replace("foreign_keys=ON", "foreign_keys=OFF") for p in PRAGMAS)


def _configure(engine: Engine, begin: str, pragmas: tuple[str, ...] = PRAGMAS) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in pragmas:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)


def make_engine(path: Path | str, *, write: bool = True, migration: bool = False) -> Engine:
    """An engine on ``path`` whose transactions begin IMMEDIATE (write) or DEFERRED."""
    engine = create_engine(f"sqlite:///{path}", future=True)
    _configure(
        engine, "BEGIN IMMEDIATE" if write else "BEGIN", MIGRATION_PRAGMAS if migration else PRAGMAS
    )
    return engine


def _keep_alive(session: Session, instance: object) -> None:
    """Hold loaded objects strongly for the session's life.

    The identity map is weak: without this, a performance or user looked up
    twice in one sale is read twice, and each miss forces a flush first.
    Sessions here are short (one transaction), so this costs little memory.
    """
    session.info.setdefault("_loaded", []).append(instance)


class Store:
    """One SQLite file: a write engine (one writer at a time) and a read engine.

    Use ``write()`` for anything that changes data and ``read()`` for queries;
    both commit or roll back as a unit.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.write_engine = make_engine(self.path, write=True)
        self.read_engine = make_engine(self.path, write=False)
        self._writer = sessionmaker(self.write_engine, expire_on_commit=False)
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)
        for factory in (self._writer, self._reader):
            event.listen(factory, "loaded_as_persistent", _keep_alive)
        for engine in (self.write_engine, self.read_engine):
            versions.watch(engine)
        # SQLite serialises writers anyway; this keeps threads of one process
        # from spinning on busy_timeout against each other.
        self._write_lock = threading.RLock()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one ``BEGIN IMMEDIATE`` transaction; commits on success."""
        with self._write_lock, self._writer() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; closing it ends the (deferred) transaction.

        Objects loaded here stay readable after the block (closing detaches
        them without expiring them); nothing is committed.
        """
        with self._reader() as session:
            yield session

    def dispose(self) -> None:
        self.write_engine.dispose()
        self.read_engine.dispose()
