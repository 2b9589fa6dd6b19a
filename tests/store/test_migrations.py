"""Migrations: upgrade an empty store, match the models, downgrade, keep a copy aside."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

import boxoffice.store.models  # noqa: F401
from boxoffice.store import Store, open_store
from boxoffice.store.base import Base
from boxoffice.store.migrate import current_revision, downgrade, head_revision, upgrade
from boxoffice.store.opening import HEAD_REVISION


def test_empty_store_upgrades_to_head_and_matches_models(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite3")
    assert current_revision(store) == head_revision()
    with store.write_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"
    store.dispose()


def test_constraints_have_names(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite3")
    insp = inspect(store.write_engine)
    for table in ("seats", "prices", "users"):
        for fk in insp.get_foreign_keys(table):
            assert fk["name"] and fk["name"].startswith("fk_"), (table, fk)
        for uq in insp.get_unique_constraints(table):
            assert uq["name"] and uq["name"].startswith("uq_"), (table, uq)
    store.dispose()


def test_downgrade_to_base_and_back(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite3")
    downgrade(store, "base")
    assert current_revision(store) is None
    tables = set(inspect(store.write_engine).get_table_names()) - {"alembic_version"}
    assert tables == set()
    upgrade(store)
    assert current_revision(store) == head_revision()
    assert "seats" in inspect(store.write_engine).get_table_names()
    store.dispose()


def test_store_is_copied_aside_before_a_migration(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = open_store(path)
    assert list(tmp_path.glob("*.bak")) == []  # a new store has nothing to keep
    downgrade(store, "base")
    for old in tmp_path.glob("*.bak"):
        old.unlink()
    with store.write() as session:  # data from before the schema existed
        session.execute(text("create table legacy (note text)"))
        session.execute(text("insert into legacy values ('sold seat A1')"))
    copy = upgrade(store)
    store.dispose()
    assert copy is not None and copy.exists()
    backup = Store(copy)
    with backup.read() as session:
        assert session.execute(text("select note from legacy")).scalar() == "sold seat A1"
        assert "seats" not in inspect(backup.read_engine).get_table_names()
    backup.dispose()


def test_upgrade_at_head_does_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite3")
    assert upgrade(store) is None
    assert list(tmp_path.glob("*.bak")) == []
    store.dispose()


def test_a_store_at_head_opens_without_alembic_and_an_older_one_is_upgraded(
    tmp_path: Path,
) -> None:
    """The client's cold start skips Alembic when the store is current; never when it is not."""
    assert head_revision() == HEAD_REVISION  # a new migration must move HEAD_REVISION too
    path = tmp_path / "box office #1 (50%).sqlite3"  # characters a URI or a config misreads
    open_store(path).dispose()
    probe = (
        "import sys; from boxoffice.store import open_store; "
        f"open_store({str(path)!r}).dispose(); print('alembic' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
    store = open_store(path)
    downgrade(store, "0006_sync")
    store.dispose()
    store = open_store(path)  # one revision behind: Alembic runs and upgrades it
    assert current_revision(store) == head_revision()
    assert len(list(tmp_path.glob("*.bak"))) == 2  # before the downgrade, before the upgrade
    store.dispose()


def test_upgrade_from_first_schema_keeps_data(tmp_path: Path) -> None:
    """A store written by the first release upgrades with its data intact."""
    store = Store(tmp_path / "old.sqlite3")
    upgrade(store, "0001")
    with store.write() as session:
        session.execute(
            text(
                "insert into venues (name, city, timezone, currency) "
                "values ('Lyceum', '', 'UTC', 'EUR')"
            )
        )
    copy = upgrade(store)
    assert copy is not None and copy.exists()
    assert current_revision(store) == head_revision()
    with store.read() as session:
        assert session.execute(text("select name from venues")).scalar() == "Lyceum"
        assert session.execute(text("select count(*) from tickets")).scalar() == 0
    store.dispose()


def test_migrations_run_with_foreign_keys_off_so_rebuilds_keep_children(tmp_path: Path) -> None:
    """Batch mode rebuilds a table by dropping it; with enforcement on, children would go too."""
    import sqlalchemy as sa
    from alembic.operations import Operations

    from boxoffice.store.engine import make_engine

    store = open_store(tmp_path / "s.sqlite3")
    with store.write() as session:
        session.execute(text("insert into roles (name, description) values ('clerk', '')"))
        session.execute(
            text(
                "insert into users (username, display_name, role_id, secret_hash, secret_kind, "
                "active, failed_attempts, created_at) values ('ann', '', 1, 'x', 'pin', 1, 0, "
                "'2026-01-01 00:00:00')"
            )
        )
        session.execute(
            text(
                "insert into grants (user_id, permission, expires_at, granted_by, reason, "
                "created_at)"
                " values (1, 'refund', '2030-01-01 00:00:00', 'sue', 'rush', '2026-01-01 00:00:00')"
            )
        )
    store.dispose()
    engine = make_engine(store.path, migration=True)  # what migrate._run uses
    with engine.begin() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 0
        op = Operations(MigrationContext.configure(conn, opts={"render_as_batch": True}))
        with op.batch_alter_table("users", recreate="always") as batch:
            batch.add_column(sa.Column("email", sa.String(200), nullable=True))
    engine.dispose()
    with store.read() as session:
        assert session.execute(text("select count(*) from grants")).scalar() == 1
    store.dispose()
