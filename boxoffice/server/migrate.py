"""Bring a server database to the newest schema (Alembic, server history)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from boxoffice.server.db import ServerStore

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("db_url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(store: ServerStore) -> str | None:
    with store.engine.connect() as conn:
        return MigrationContext.configure(
            conn, opts={"version_table": "server_alembic_version"}
        ).get_current_revision()


def upgrade(store: ServerStore, revision: str = "head") -> None:
    """Migrate; several server processes starting at once take turns (PG advisory lock)."""
    cfg = alembic_config(store.url)
    with store.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(724201)")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
