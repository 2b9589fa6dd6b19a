"""Alembic environment for the local store.

Run through ``boxoffice.store.migrate``, which hands over a connection; batch
mode is on because SQLite can only alter tables by copying them.
"""

from __future__ import annotations

from alembic import context

import boxoffice.store.models  # noqa: F401  (fills the metadata)
from boxoffice.store.base import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from boxoffice.store.engine import make_engine

        engine = make_engine(config.get_main_option("store_path") or ":memory:")
        with engine.connect() as connection:
            _run(connection)
        return
    _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
