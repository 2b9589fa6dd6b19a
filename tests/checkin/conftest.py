"""Door tests run in the sales tests' small box office (``World``), at the door."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from boxoffice.actor import Actor, system_actor
from boxoffice.auth import users
from boxoffice.catalogue import events, performances, prices
from boxoffice.checkin.door import Door
from boxoffice.clock import utc_now
from boxoffice.money import Money
from boxoffice.sales import checkout
from boxoffice.sales.cart import Cart, CartItem, CustomerDetails
from boxoffice.store.models import Performance, PerformanceStatus, SeatMap, Ticket
from tests.sales.conftest import World, _template, world  # noqa: F401  (fixtures reused here)
from tests.sales.helpers import cart, eur


@dataclass
class DoorWorld:
    world: World
    doorman: Actor
    #: Half an hour before the first performance starts: doors are open.
    at_door: datetime

    def door(self, *performances: int, name: str = "Main door", actor: Actor | None = None) -> Door:
        return Door(
            self.world.store,
            actor or self.doorman,
            list(performances) or [self.world.performance],
            name,
        )

    def sell(
        self,
        *guids: str,
        price_type: str = "adult",
        performance: int = 0,
        customer: CustomerDetails | None = None,
    ) -> list[Ticket]:
        w = self.world
        c = cart(w, *guids, price_type=price_type, performance=performance)
        with w.store.write() as s:
            sale = checkout.sell(
                s,
                w.clerk,
                c,
                [checkout.Cash(eur("10000.00"))],
                w.signer,
                now=w.now,
                customer=customer,
            )
            return list(sale.order.tickets)


def codes(tickets: Sequence[Ticket]) -> list[str]:
    return [t.barcode or "" for t in tickets]


@pytest.fixture
def dw(world: World) -> DoorWorld:  # noqa: F811
    with world.store.write() as s:
        user = users.create_user(s, system_actor("setup"), "dora", "door", "1357")
        starts = s.scalars(
            select(Performance.starts_at).where(Performance.id == world.performance)
        ).one()
    return DoorWorld(world, Actor(user.id, "dora", "Door 1"), starts - timedelta(minutes=30))


@pytest.fixture
def tonight(dw: DoorWorld) -> tuple[int, list[str]]:
    """A performance starting in 30 minutes (the CLI scans at the real clock) and 2 tickets."""
    w = dw.world
    admin = system_actor("setup")
    now = utc_now()
    with w.store.write() as s:
        seat_map = s.scalars(select(SeatMap)).first()
        assert seat_map is not None
        event = events.add_event(s, admin, "Tonight's show", duration_minutes=90)
        p = performances.add_performance(
            s, admin, event, seat_map, now + timedelta(minutes=30), status=PerformanceStatus.ON_SALE
        )
        prices.set_price(s, admin, p, "Premium", "adult", Money.of("20.00", "EUR"), "5")
        items = [CartItem(p.id, "adult", seat_id=w.seats[g]) for g in ("S-A-14", "S-A-15")]
        sale = checkout.sell(
            s, w.clerk, Cart(items), [checkout.Cash(eur("40.00"))], w.signer, now=now
        )
        return p.id, [t.barcode or "" for t in sale.order.tickets]
