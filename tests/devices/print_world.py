"""Tickets sold in the sales tests' world, for the printing tests (Latin and Chinese)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import pytest
from sqlalchemy import select

from boxoffice.actor import system_actor
from boxoffice.catalogue import events, performances, prices
from boxoffice.demo import THEATRE_PRICES
from boxoffice.devices.printing import ticket_data
from boxoffice.devices.printing.ticket_data import TicketData
from boxoffice.money import Money
from boxoffice.sales import barcodes, checkout, signer
from boxoffice.sales.cart import Cart, CartItem, CustomerDetails
from boxoffice.store.models import PerformanceStatus, SeatMap, Ticket
from tests.sales.conftest import World

CHINESE_EVENT = "茶馆（北京人艺）"


@pytest.fixture
def chinese_performance(world: World) -> int:
    """A Chinese play, priced in CNY with 6% tax, in the world's theatre."""
    admin = system_actor("setup")
    with world.store.write() as s:
        seat_map = s.scalars(select(SeatMap)).one()
        event = events.add_event(s, admin, CHINESE_EVENT, duration_minutes=150)
        p = performances.add_performance(
            s,
            admin,
            event,
            seat_map,
            world.now + timedelta(days=20),
            currency="CNY",
            status=PerformanceStatus.ON_SALE,
        )
        for zone, by_type in THEATRE_PRICES.items():
            for code, amount in by_type.items():
                prices.set_price(s, admin, p, zone, code, Money.of(amount, "CNY") * 4, "6")
        return p.id


def sell(
    world: World,
    guids: Sequence[str],
    *,
    performance: int = 0,
    customer: str = "",
    price_type: str = "adult",
) -> list[int]:
    """Sell seats for cash; returns the new ticket ids."""
    perf = performance or world.performance
    cart = Cart([CartItem(perf, price_type, seat_id=world.seats[g]) for g in guids])
    if customer:
        cart.customer = CustomerDetails(name=customer)
    with world.store.write() as s:
        total = Money.of("100000", "CNY" if performance else "EUR")
        sale = checkout.sell(
            s, world.clerk, cart, [checkout.Cash(total)], world.signer, now=world.now
        )
        return [t.id for t in s.scalars(select(Ticket).where(Ticket.order_id == sale.order.id))]


def snapshots(world: World, ticket_ids: Sequence[int]) -> list[TicketData]:
    with world.store.read() as s:
        return [ticket_data.load(s, t) for t in ticket_ids]


def verify_code(world: World, code: str) -> barcodes.Verification:
    """What a door scanner with this store's public keys says about ``code``."""
    with world.store.read() as s:
        trusted = signer.trusted_keys(s)
    return barcodes.verify(code, trusted, now=world.now)
