"""Alembic environment for the server store (its own history, not the terminal's)."""

from __future__ import annotations

from alembic import context

import boxoffice.server.models  # noqa: F401  (fills the metadata)
from boxoffice.server.db import ServerBase, make_engine

config = context.config
target_metadata = ServerBase.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        version_table="server_alembic_version",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("db_url") or "sqlite://")
    with engine.connect() as conn:
        _run(conn)


run_migrations_online()
