"""The local store: SQLite through SQLAlchemy 2.x, migrated by Alembic."""

from boxoffice.store.engine import Store
from boxoffice.store.opening import open_store

__all__ = ["Store", "open_store"]
