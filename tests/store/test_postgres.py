"""The catalogue models also run on PostgreSQL, which the central server will use.

Runs against the database named by BOXOFFICE_TEST_PG, in a schema of its own
that is dropped afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import boxoffice.store.models  # noqa: F401
from boxoffice.actor import system_actor
from boxoffice.catalogue import events, performances, prices, venues
from boxoffice.money import Money
from boxoffice.seatmaps.plan import RowPlan, SeatMapPlan, SeatPlan, SectionPlan, ZonePlan
from boxoffice.seatmaps.save import save_plan
from boxoffice.store.base import Base

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg(pg_url: str) -> Iterator[Engine]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_url)
    with admin.begin() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    engine = create_engine(pg_url, connect_args={"options": f"-csearch_path={schema}"})
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.execute(text(f'drop schema "{schema}" cascade'))
    admin.dispose()


def test_catalogue_on_postgres(pg: Engine) -> None:
    actor = system_actor()
    plan = SeatMapPlan(
        "House",
        100,
        100,
        [ZonePlan("Stalls")],
        [
            SectionPlan(
                "Stalls",
                [RowPlan("A", [SeatPlan(f"A-{i}", str(i), i, 0, "Stalls") for i in range(1, 101)])],
            )
        ],
    )
    with Session(pg) as session, session.begin():
        prices.ensure_standard_price_types(session)
        venue = venues.get_or_create(session, actor, "Arena", currency="CNY")
        seat_map = save_plan(session, actor, venue, plan, "own")
        event = events.add_event(session, actor, "Gala")
        p = performances.add_performance(
            session, actor, event, seat_map, datetime(2026, 12, 31, 12, tzinfo=UTC)
        )
        prices.set_price(session, actor, p, "Stalls", "adult", Money.of("880.00", "CNY"), "6")
        pid = p.id
    with Session(pg) as session:
        [row] = prices.price_table(session, pid)
        assert row.price == Money(88000, "CNY") and row.tax == Money(4981, "CNY")
        assert session.execute(text("select count(*) from seats")).scalar() == 100
        starts = performances.get_performance(session, pid).starts_at
        assert starts == datetime(2026, 12, 31, 12, tzinfo=UTC)


def test_postgres_enforces_the_named_constraints(pg: Engine) -> None:
    with (
        pytest.raises(IntegrityError, match="uq_venues_name"),
        Session(pg) as session,
        session.begin(),
    ):
        session.execute(
            text(
                "insert into venues (name, city, timezone, currency) "
                "values ('A', '', 'UTC', 'EUR'), ('A', '', 'UTC', 'EUR')"
            )
        )
