"""Caches shared between sessions, invalidated by version counters in the store.

A sale reads the same price table, performance, seats, price types,
settings and role permissions as the sale before it. Reading them again is
most of a sale's cost, so they are kept in this process between sessions,
each stamped with the versions of the tables it was read from.

How a cache can never serve stale data:

* **Every write bumps a counter.** For each watched table an SQLite trigger
  (``AFTER INSERT/UPDATE/DELETE``) adds one to that table's row in
  ``data_versions``, in the writer's own transaction: services, raw SQL, the
  admin CLI in another process, sync: nothing can change a watched table
  without it. Counters start at random values, and ``_epoch`` (part of
  every stamp) is drawn anew each time a store is opened, so a re-created,
  copied or restored store file never matches a stamp cached from another.
* **Every use compares stamps.** A cached value is used only if the versions
  read *in the current transaction* equal its stamp. SQLite gives each
  transaction one snapshot, so the stamp and the data agree.
* **Only clean transactions fill the cache.** A transaction that has written
  anything (the driver's ``total_changes`` moved since ``BEGIN``) may see a
  version bumped by its own uncommitted change, which a rollback would reuse;
  it reads from the database and stores nothing.
* **Pending ORM changes bypass the cache.** If the session holds unflushed
  new, changed or deleted objects of a table a cache depends on, the cache
  is not used (the database, not the cache, is then behind the session).
* **Triggers are checked at every open.** ``arm`` (called by ``open_store``)
  creates missing triggers, bumps every counter if any was missing, and
  records SQLite's ``schema_version``; any later DDL (a migration rebuilding
  a table drops its triggers) changes ``schema_version``, and until the store
  is armed again no cache is used at all. A store opened without ``arm`` in
  this process never uses the caches.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

#: Tables whose contents the sale path caches.
WATCHED = (
    "performances",
    "prices",
    "price_types",
    "price_zones",
    "seats",
    "ga_areas",
    "discounts",
    "settings",
    "users",
    "roles",
    "role_permissions",
    "grants",
)
_OPS = ("INSERT", "UPDATE", "DELETE")
_READ = (
    "SELECT name, version FROM data_versions "
    "UNION ALL SELECT '_schema_now', schema_version FROM pragma_schema_version"
)

#: Store files (engine URLs) armed by this process.
_ARMED: set[str] = set()
#: (store url, cache name) -> (stamp, value)
_CACHES: dict[tuple[str, str], tuple[tuple[int, ...], Any]] = {}
_lock = threading.Lock()


def _trigger(table: str, op: str) -> str:
    return f"dv_{table}_{op.lower()}"


def arm(engine: Engine) -> None:
    """Create missing triggers and counters; record the schema they belong to.

    If the store cannot be armed now (another process holds the write lock
    for longer than the busy timeout), it works without these caches.
    """
    url = str(engine.url)
    _ARMED.discard(url)
    try:
        _arm(engine)
    except (OperationalError, _NotMigrated):
        return
    _ARMED.add(url)
    with _lock:
        for key in [k for k in _CACHES if k[0] == url]:
            del _CACHES[key]


class _NotMigrated(Exception):
    """The store predates ``data_versions``."""


def _arm(engine: Engine) -> None:
    with engine.begin() as conn:
        tables = {
            name
            for (name,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        }
        if "data_versions" not in tables:
            raise _NotMigrated
        triggers = {
            name
            for (name,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            )
        }
        watched = [t for t in WATCHED if t in tables]
        created = False
        for table in watched:
            for op in _OPS:
                if _trigger(table, op) not in triggers:
                    conn.exec_driver_sql(
                        f'CREATE TRIGGER "{_trigger(table, op)}" AFTER {op} ON "{table}" '
                        f"BEGIN UPDATE data_versions SET version = version + 1 "
                        f"WHERE name = '{table}'; END"
                    )
                    created = True
        present = {n for (n,) in conn.exec_driver_sql("SELECT name FROM data_versions")}
        # A new epoch at every open: a copied or restored store file never
        # matches what a process cached from the file it replaced.
        conn.exec_driver_sql("DELETE FROM data_versions WHERE name = '_epoch'")
        present.discard("_epoch")
        for name in ("_epoch", *watched):
            if name not in present:
                conn.exec_driver_sql(
                    "INSERT INTO data_versions (name, version) VALUES (?, ?)",
                    (name, secrets.randbelow(1 << 60)),
                )
        if created:
            conn.exec_driver_sql("UPDATE data_versions SET version = version + 1")
        schema = conn.exec_driver_sql("PRAGMA schema_version").scalar()
        conn.exec_driver_sql(
            "INSERT INTO data_versions (name, version) VALUES ('_schema', ?) "
            "ON CONFLICT (name) DO UPDATE SET version = excluded.version",
            (schema,),
        )


def watch(engine: Engine) -> None:
    """Note, at each ``BEGIN``, how many rows the connection had changed so far."""

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        raw = connection.connection.driver_connection
        info = connection.info
        info["dv_txn"] = info.get("dv_txn", 0) + 1
        info["dv_changes_at_begin"] = getattr(raw, "total_changes", None)


def _connection(session: Session) -> tuple[str, sqlite3.Connection, dict[Any, Any]] | None:
    """(store url, driver connection, connection info) of the session's transaction."""
    txn = session.get_transaction()
    memo = session.info.get("dv_connection")
    if txn is not None and memo is not None and memo[0] is txn:
        return memo[1]  # type: ignore[no-any-return]
    url = str(session.get_bind().url)
    conn = session.connection()
    raw = conn.connection.driver_connection
    found = None
    if url in _ARMED and isinstance(raw, sqlite3.Connection) and "dv_txn" in conn.info:
        found = (url, raw, conn.info)
    session.info["dv_connection"] = (session.get_transaction(), found)
    return found


def _versions(session: Session) -> tuple[str, dict[str, int], bool] | None:
    """Store url, this transaction's versions, whether it is clean; ``None``: no caching."""
    found = _connection(session)
    if found is None:
        return None
    url, raw, info = found
    txn = info["dv_txn"]
    changes = raw.total_changes
    memo = info.get("dv_memo")
    if memo is not None and memo[0] == txn and memo[1] == changes:
        versions = memo[2]
    else:
        versions = dict(raw.execute(_READ).fetchall())
        info["dv_memo"] = (txn, changes, versions)
    if versions.get("_schema") != versions.get("_schema_now"):
        return None  # DDL since the store was armed: triggers may be gone
    return url, versions, changes == info.get("dv_changes_at_begin")


def _pending_tables(session: Session) -> set[str]:
    objects: Iterable[Any] = (*session.new, *session.dirty, *session.deleted)
    return {getattr(type(o), "__tablename__", "") for o in objects}


def _stamp(session: Session, tables: tuple[str, ...]) -> tuple[str, tuple[int, ...], bool] | None:
    found = _versions(session)
    if found is None:
        return None
    url, versions, clean = found
    try:
        stamp = (versions["_epoch"], *(versions[t] for t in tables))
    except KeyError:
        return None
    if (session.new or session.dirty or session.deleted) and _pending_tables(session) & set(tables):
        return None
    return url, stamp, clean


def cached(session: Session, name: str, tables: tuple[str, ...], load: Callable[[], T]) -> T:
    """``load()``'s result, reused while none of ``tables`` changed.

    The value must be immutable (tuples, frozen dataclasses, mappings nobody
    mutates): it is shared by every session of this process.
    """
    found = _stamp(session, tables)
    if found is None:
        return load()
    url, stamp, clean = found
    key = (url, name)
    hit = _CACHES.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]  # type: ignore[no-any-return]
    value = load()
    if clean:
        with _lock:
            _CACHES[key] = (stamp, value)
    return value


def cached_items(
    session: Session,
    name: str,
    tables: tuple[str, ...],
    keys: Iterable[K],
    load: Callable[[list[K]], Mapping[K, V]],
) -> dict[K, V]:
    """``{key: value}`` for ``keys``; the ones not cached yet are read with ``load(missing)``.

    For big tables read piecemeal (seats, performances): the cache grows by
    what was asked for, under one stamp. Keys ``load`` does not return are
    simply absent (and asked again next time).
    """
    wanted = list(dict.fromkeys(keys))
    found = _stamp(session, tables)
    if found is None:
        return dict(load(wanted))
    url, stamp, clean = found
    key = (url, name)
    hit = _CACHES.get(key)
    known: dict[K, V] = hit[1] if hit is not None and hit[0] == stamp else {}
    missing = [k for k in wanted if k not in known]
    result = {k: known[k] for k in wanted if k in known}
    if missing:
        loaded = load(missing)
        result.update(loaded)
        if clean:
            with _lock:
                current = _CACHES.get(key)
                if current is not None and current[0] == stamp:
                    current[1].update(loaded)  # readers only look keys up: safe to grow
                else:
                    _CACHES[key] = (stamp, dict(loaded))
    return result


def clear() -> None:
    """Forget every cached value (tests; never needed for correctness)."""
    with _lock:
        _CACHES.clear()
