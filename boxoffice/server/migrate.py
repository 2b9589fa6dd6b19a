"""Bring a server database to the newest schema (Alembic, server history)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from boxoffice import alembic_tools
from boxoffice.server.db import ServerStore

MIGRATIONS = Path(__file__).with_name("migrations")


VERSION_TABLE = "server_alembic_version"


def alembic_config(url: str | None = None) -> Config:
    return alembic_tools.alembic_config(MIGRATIONS, **({"db_url": url} if url else {}))


def head_revision() -> str:
    return alembic_tools.head_revision(MIGRATIONS)


def current_revision(store: ServerStore) -> str | None:
    with store.engine.connect() as conn:
        return alembic_tools.current_revision(conn, VERSION_TABLE)


def upgrade(store: ServerStore, revision: str = "head") -> None:
    """Migrate; several server processes starting at once take turns (PG advisory lock)."""
    cfg = alembic_config(store.url)
    with store.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(724201)")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
