"""Opening the local store: create it if new, migrate it if behind.

Apart from ``engine`` (which knows sessions and pragmas, not schemas) so that
``migrate`` can build on the engine without the engine importing it back.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from boxoffice.store import versions
from boxoffice.store.engine import Store

#: The newest migration's revision. A store already there opens without
#: importing Alembic (about a tenth of a second of the client's cold start);
#: a test keeps this equal to the head of ``migrations/versions``.
HEAD_REVISION = "0007_perf"


def _stored_revision(path: Path) -> str | None:
    """The store's Alembic revision, read with plain sqlite3 (``None``: new or unknown)."""
    if not path.exists():
        return None
    try:
        # as_uri() escapes "?", "#" and "%" in the path; read-only, so nothing is created.
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            rows = conn.execute("select version_num from alembic_version").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return rows[0][0] if len(rows) == 1 else None


def open_store(path: Path | str, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the store at ``path``, migrated to the newest schema."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(path)
    if migrate and _stored_revision(path) != HEAD_REVISION:
        from boxoffice.store.migrate import upgrade

        upgrade(store)
    versions.arm(store.write_engine)
    return store
