"""Finding an order and viewing it as plain data (``boxoffice.ops.orders``)."""

from __future__ import annotations

import pytest

from boxoffice.errors import NotFound
from boxoffice.ops import aftersale, orders
from boxoffice.sales import checkout
from boxoffice.sales.cart import CustomerDetails
from boxoffice.sales.quote import quote
from tests.sales.aftersale_helpers import ctx_of
from tests.sales.conftest import World
from tests.sales.helpers import cart, eur


def sell(world: World, *guids: str) -> str:
    c = cart(world, *guids)
    c.customer = CustomerDetails(name="Niamh Kelly", phone="+353 86 123 4567")
    with world.store.write() as s:
        total = quote(s, c, now=world.now).priced.total
        sale = checkout.sell(s, world.clerk, c, [checkout.Cash(total)], world.signer, now=world.now)
        return sale.order.number


def test_find_an_order_by_number_serial_or_customer(world: World) -> None:
    number = sell(world, "S-A-14", "S-A-15")
    ctx = ctx_of(world)
    view = orders.view_order(ctx, number)
    serial = view.tickets[1].serial
    for text in (number, serial.lower(), "niamh", "4567"):
        found = orders.find_orders(ctx, text)
        assert [o.number for o in found] == [number], text
    (summary,) = orders.find_orders(ctx, number)
    assert summary.total == eur("178.00") and summary.tickets == 2
    assert summary.customer == "Niamh Kelly" and summary.status == "paid"


def test_view_an_order_as_plain_data(world: World) -> None:
    number = sell(world, "S-A-14", "S-A-15")
    ctx = ctx_of(world)
    view = orders.view_order(ctx, number)
    assert view.status == "paid" and view.total == eur("178.00")
    assert view.remaining == eur("0.00")
    assert [(t.row, t.seat, t.status) for t in view.tickets] == [
        ("A", "14", "valid"),
        ("A", "15", "valid"),
    ]
    assert all(t.event and t.price == eur("89.00") for t in view.tickets)
    assert [(p.kind, p.amount) for p in view.payments] == [("cash", eur("178.00"))]
    assert view.can_refund and view.can_void and not view.can_pay
    aftersale.refund(ctx, world.supervisor, number, [view.tickets[0].id], reason="ill")
    after = orders.view_order(ctx, number)
    assert [t.status for t in after.tickets] == ["refunded", "valid"]
    assert after.can_refund and not after.can_void


def test_an_unknown_order(world: World) -> None:
    with pytest.raises(NotFound) as missing:
        orders.view_order(ctx_of(world), "W9-999999")
    assert missing.value.code == "order_lookup_not_found"
    assert missing.value.message("zh_CN") == "没有订单W9-999999"
