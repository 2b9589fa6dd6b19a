"""Bring a store to the newest schema, copying it aside first.

Following Vorta's habit: before any migration runs on a store that holds
data, a consistent copy (SQLite's online backup, which includes the WAL) is
written next to it, so a failed or regretted upgrade loses nothing.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config

from boxoffice import alembic_tools
from boxoffice.store.engine import Store, make_engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(store: Store | None = None) -> Config:
    # "%" in a store's name ("50%.sqlite3") is escaped by alembic_tools.
    options = {"store_path": str(store.path)} if store is not None else {}
    return alembic_tools.alembic_config(MIGRATIONS, **options)


def head_revision() -> str:
    return alembic_tools.head_revision(MIGRATIONS)


def current_revision(store: Store) -> str | None:
    with store.write_engine.connect() as conn:
        return alembic_tools.current_revision(conn)


def backup(store: Store, label: str) -> Path | None:
    """Copy the store aside with SQLite's backup API; ``None`` if there is nothing to keep."""
    if not store.path.exists() or store.path.stat().st_size == 0:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = store.path.with_name(f"{store.path.name}.{label}-{stamp}.bak")
    src = sqlite3.connect(store.path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _has_tables(store: Store) -> bool:
    with store.write_engine.connect() as conn:
        return bool(conn.exec_driver_sql("select count(*) from sqlite_master").scalar())


def _run(store: Store, fn: str, revision: str) -> None:
    """Run on a connection with foreign keys off, and check them before committing."""
    cfg = alembic_config(store)
    engine = make_engine(store.path, migration=True)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            getattr(command, fn)(cfg, revision)
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(
                    f"migration {fn} to {revision} would leave {len(broken)} rows pointing at "
                    f"nothing (first: {broken[0]}); nothing was changed"
                )
    finally:
        engine.dispose()
        # Pooled connections opened before the migration hold the old schema.
        store.dispose()


def upgrade(store: Store, revision: str = "head") -> Path | None:
    """Upgrade to ``revision``; returns the backup path when one was made."""
    current = current_revision(store)
    target = head_revision() if revision == "head" else revision
    if current == target:
        return None
    copy = backup(store, f"pre-{target}") if _has_tables(store) else None
    _run(store, "upgrade", revision)
    return copy


def downgrade(store: Store, revision: str) -> Path | None:
    copy = backup(store, f"pre-downgrade-{revision}")
    _run(store, "downgrade", revision)
    return copy
