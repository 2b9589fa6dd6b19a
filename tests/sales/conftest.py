"""A small box office for the sales tests, built once and copied per test.

Two performances of one show in a ~1,030-seat theatre with a 20-place
standing area, prices in EUR, a clerk (ann, PIN 1234) and a supervisor
(sue, PIN 2468), this terminal's signing key, and a fixed ``now``. Both
have a shift open at the terminal (a sale needs one), with ``FLOAT`` counted in.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from boxoffice.actor import Actor, system_actor
from boxoffice.auth import roles, users
from boxoffice.catalogue import events, performances, prices, venues
from boxoffice.demo import THEATRE_PRICES, theatre_plan
from boxoffice.money import Money
from boxoffice.sales.payment_terminal import SimulatedTerminal
from boxoffice.sales.signer import Signer, open_signer, register
from boxoffice.seatmaps.plan import GAAreaPlan
from boxoffice.seatmaps.save import save_plan
from boxoffice.shifts.drawer import open_shift
from boxoffice.store import Store, open_store
from boxoffice.store.models import GAArea, OutboxEntry, PerformanceStatus, Seat, User

#: "Now" in every sales test; the performances are ten and twelve days later.
NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)
TERMINAL = "Window 1"
OTHER_TERMINAL = "Window 2"
#: The opening float of each test shift: 100.00 EUR in notes and coins.
FLOAT = {"EUR": {2000: 2, 1000: 3, 500: 4, 200: 2, 100: 2, 50: 4, 10: 20}}


@dataclass
class World:
    store: Store
    signer: Signer
    clerk: Actor
    supervisor: Actor
    performance: int  # on sale, NOW + 10 days
    other_performance: int  # on sale, NOW + 12 days
    seats: dict[str, int]  # guid → seat id (e.g. "S-A-14")
    standing: int  # GA area id, 20 places
    terminal: SimulatedTerminal
    now: datetime = NOW
    #: (username, terminal) → open shift id, for ann and sue at Window 1 and Window 2.
    shifts: dict[tuple[str, str], int] = field(default_factory=dict)


def settle_outbox(session: Session) -> None:
    """Forget what opening the test shifts queued (as if delivered long ago and pruned),
    so that each test's outbox holds exactly what the test did."""
    session.execute(delete(OutboxEntry))


def open_test_shifts(session: Session, ids: dict[str, int]) -> dict[tuple[str, str], int]:
    """Open a shift with ``FLOAT`` for ann and sue at both windows (a sale needs one)."""
    return {
        (name, terminal): open_shift(
            session, Actor(ids[name], name, terminal), FLOAT, now=NOW - timedelta(hours=2)
        ).id
        for name in ("ann", "sue")
        for terminal in (TERMINAL, OTHER_TERMINAL)
    }


@pytest.fixture(scope="session")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sales-template") / "template.sqlite3"
    store = open_store(path)
    admin = system_actor("setup")
    with store.write() as s:
        roles.ensure_roles(s)
        prices.ensure_standard_price_types(s)
        users.create_user(s, admin, "ann", "clerk", "1234", display_name="Ann Clerk")
        users.create_user(s, admin, "sue", "supervisor", "2468", display_name="Sue Supervisor")
        venue = venues.get_or_create(s, admin, "Lyceum", currency="EUR")
        plan = theatre_plan()
        plan.ga_areas.append(GAAreaPlan("Standing", 20, "Standard"))
        seat_map = save_plan(s, admin, venue, plan, "own")
        event = events.add_event(s, admin, "Hamlet", duration_minutes=170)
        for days in (10, 12):
            p = performances.add_performance(
                s,
                admin,
                event,
                seat_map,
                NOW + timedelta(days=days),
                status=PerformanceStatus.ON_SALE,
            )
            for zone, by_type in THEATRE_PRICES.items():
                for code, amount in by_type.items():
                    prices.set_price(s, admin, p, zone, code, Money.of(amount, "EUR"), "5")
    store.dispose()
    return path


@pytest.fixture
def world(_template: Path, tmp_path: Path) -> Iterator[World]:
    path = tmp_path / "boxoffice.sqlite3"
    shutil.copy(_template, path)
    store = open_store(path)
    signer = open_signer(path)
    with store.write() as s:
        register(s, signer, TERMINAL)
        ids = {u.username: u.id for u in s.scalars(select(User))}
        seats = dict(s.execute(select(Seat.guid, Seat.id)).all())
        standing = s.scalar(select(GAArea.id))
        assert standing is not None
        shifts = open_test_shifts(s, ids)
        settle_outbox(s)
    yield World(
        store=store,
        signer=signer,
        clerk=Actor(ids["ann"], "ann", TERMINAL),
        supervisor=Actor(ids["sue"], "sue", TERMINAL),
        performance=1,
        other_performance=2,
        seats=seats,
        standing=standing,
        terminal=SimulatedTerminal(),
        shifts=shifts,
    )
    store.dispose()
