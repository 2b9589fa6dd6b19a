"""The Alembic plumbing both databases use: a config for a script folder, its head, a version.

The terminal's store (``store/migrate.py``: backups, foreign-key checks) and the
server (``server/migrate.py``: an advisory lock for processes starting together)
each add their own steps around these. A base module: it imports nothing from
``boxoffice``.
"""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection


def alembic_config(script_location: Path, **options: str) -> Config:
    """A config for the migrations in ``script_location``, with ``options`` set.

    Alembic's config interpolates "%": values are escaped, so a store named
    "50%.sqlite3" or a password with a "%" does not break it.
    """
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    for name, value in options.items():
        cfg.set_main_option(name, value.replace("%", "%%"))
    return cfg


def head_revision(script_location: Path) -> str:
    """The newest revision of the migrations in ``script_location``."""
    head = ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection, version_table: str | None = None) -> str | None:
    """The revision a database is at (``None``: never migrated)."""
    opts = {"version_table": version_table} if version_table else {}
    return MigrationContext.configure(conn, opts=opts).get_current_revision()
