"""The local store is durable and serialises writers as the design requires."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, StatementError

from boxoffice.store import Store
from boxoffice.store.models import SeatMap, Setting, Venue


def test_pragmas_on_every_connection(store: Store) -> None:
    for engine in (store.write_engine, store.read_engine):
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_write_transactions_take_the_lock_up_front(store: Store) -> None:
    """BEGIN IMMEDIATE: a second writer cannot start while the first is open."""
    import sqlite3

    with store.write() as session:
        session.add(Setting(key="a", value="1"))
        session.flush()
        other = sqlite3.connect(store.path, timeout=0.05, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_write_rolls_back_everything_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write() as session:
        session.add(Venue(name="Half-made", currency="EUR"))
        session.flush()
        raise RuntimeError("boom")
    with store.read() as session:
        assert session.scalar(text("select count(*) from venues")) == 0


def test_savepoint_rolls_back_only_its_part(store: Store) -> None:
    with store.write() as session:
        session.add(Venue(name="Kept", currency="EUR"))
        session.flush()
        with pytest.raises(IntegrityError), session.begin_nested():
            session.add(Venue(name="Kept", currency="EUR"))
            session.flush()
    with store.read() as session:
        assert [v.name for v in session.query(Venue)] == ["Kept"]


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(IntegrityError), store.write() as session:
        session.execute(
            text(
                "insert into seat_maps (venue_id, name, width, height, source_format, imported_at)"
                " values (999, 'x', 0, 0, 'own', '2026-01-01 00:00:00')"
            )
        )


def test_times_are_stored_utc_and_naive_times_refused(store: Store) -> None:
    shanghai = timezone(timedelta(hours=8))
    with store.write() as session:
        venue = Venue(name="Hall", currency="CNY")
        session.add(venue)
        session.flush()
        session.add(
            SeatMap(
                venue_id=venue.id, name="m", imported_at=datetime(2026, 1, 1, 20, tzinfo=shanghai)
            )
        )
    with store.read() as session:
        got = session.scalars(select(SeatMap)).one()
        assert got.imported_at == datetime(2026, 1, 1, 12, tzinfo=UTC)
        assert got.imported_at.tzinfo is not None
    with pytest.raises(StatementError, match="naive datetime"), store.write() as session:
        session.add(SeatMap(venue_id=1, name="n", imported_at=datetime(2026, 1, 1, 20)))
        session.flush()


def test_concurrent_writers_from_threads_all_commit(store: Store) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(20):
                with store.write() as session:
                    session.add(Setting(key=f"k{n}-{i}", value=str(i)))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with store.read() as session:
        assert session.scalar(text("select count(*) from settings")) == 80
