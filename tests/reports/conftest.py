"""A busy morning at the sales tests' box office, for the reports to report on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from boxoffice.auth.overrides import authorise_override
from boxoffice.auth.permissions import Permission
from boxoffice.money import Money
from boxoffice.sales import checkout, refunds, reprints, voids
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.shifts import close, drawer
from boxoffice.store.models import Order, ZReport
from tests.sales.conftest import World, _template, world
from tests.sales.helpers import cart, eur

__all__ = ["Day", "_template", "busy_day", "world"]


@dataclass
class Day:
    world: World
    date: date
    orders: dict[str, int]  # name → order id
    z: ZReport


def _sell(world: World, who: str, c: Cart, tender: str, at_hours: int) -> int:
    actor = world.clerk if who == "ann" else world.supervisor
    now = world.now + timedelta(hours=at_hours)
    with world.store.read() as s:
        total = checkout.quote(s, c, now=now).priced.total
    tenders = (
        [checkout.Card(world.terminal.authorise(total, "t"))]
        if tender == "card"
        else [checkout.Cash(total + eur("10"))]
    )
    with world.store.write() as s:
        return checkout.sell(s, actor, c, tenders, world.signer, now=now).order.id


@pytest.fixture
def busy_day(world: World) -> Day:
    """Cash, card and an overridden price; a refund, a void, a reprint, a pay-out; Z closed."""
    w = world
    orders = {
        "cash_pair": _sell(w, "ann", cart(w, "S-A-14", "S-A-15"), "cash", 0),
        "card": _sell(w, "ann", cart(w, "S-B-1"), "card", 1),
        "to_refund": _sell(w, "ann", cart(w, "S-C-3", price_type="senior"), "cash", 1),
        "to_void": _sell(w, "ann", cart(w, "S-D-3"), "cash", 2),
        "override": _sell(
            w,
            "sue",
            Cart(
                [
                    CartItem(
                        w.performance,
                        "adult",
                        seat_id=w.seats["S-E-5"],
                        override_price=Money.of("10.00", "EUR"),
                        override_reason="house guest",
                    )
                ]
            ),
            "cash",
            3,
        ),
        "other_show": _sell(w, "sue", cart(w, "S-A-1", performance=w.other_performance), "card", 3),
    }
    later = w.now + timedelta(hours=4)
    with w.store.write() as s:
        refunds.refund(s, w.supervisor, s.get(Order, orders["to_refund"]), reason="ill", now=later)
    token = authorise_override(
        w.store, w.clerk, "sue", "2468", Permission.VOID, "", "wrong seat", now=later
    )
    with w.store.write() as s:
        voids.void(
            s,
            w.clerk,
            s.get(Order, orders["to_void"]),
            reason="wrong seat",
            overrides=[token],
            now=later,
        )
        ticket = s.get(Order, orders["card"]).tickets[0]
        reprints.reprint(s, w.supervisor, ticket.id, w.signer, reason="jammed", now=later)
        drawer.pay_out(s, w.clerk, eur("5"), reason="stamps", now=later)
    ann = w.shifts[("ann", "Window 1")]
    with w.store.write() as s:
        close.count_cash(s, w.clerk, ann, {"EUR": {5000: 5, 100: 3}}, now=later)
        z = close.close_shift(s, w.supervisor, ann, signoff_reason="counted twice", now=later)
        s.expunge(z)
    return Day(w, w.now.date(), orders, z)
