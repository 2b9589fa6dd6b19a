"""Exchanges: other seats, another performance, another price type; money either way."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from boxoffice import audit
from boxoffice.errors import BoxOfficeError, PermissionDenied, ValidationError
from boxoffice.money import Money
from boxoffice.ops import aftersale
from boxoffice.sales import checkout, exchanges, refunds, tender_reversal
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.sales.quote import quote
from boxoffice.store.models import (
    BarcodeRevocation,
    CashKind,
    CashMovement,
    OrderStatus,
    OutboxEntry,
    Payment,
    Performance,
    TenderKind,
    Ticket,
    TicketStatus,
)
from tests.sales.aftersale_helpers import ctx_of
from tests.sales.conftest import World
from tests.sales.helpers import SALE_MONEY, cart, eur, snapshot


def sell(world: World, *guids: str, price_type: str = "adult") -> str:
    """Sell seats of the first performance for exact cash."""
    c = cart(world, *guids, price_type=price_type)
    with world.store.write() as s:
        total = quote(s, c, now=world.now).priced.total
        sale = checkout.sell(s, world.clerk, c, [checkout.Cash(total)], world.signer, now=world.now)
        return sale.order.number


def ticket_ids(world: World, number: str) -> list[int]:
    with world.store.read() as s:
        return [t.id for t in checkout.get_order(s, number).tickets]


def do_exchange(
    world: World,
    number: str,
    ids: Sequence[int],
    new_cart: Cart,
    tenders: Sequence[checkout.Tender] = (),
    *,
    now: datetime | None = None,
    by: str = "clerk",
) -> tuple[str, exchanges.ExchangeResult]:
    """Exchange as the clerk; a downgrade gives money back, so it needs ``by="supervisor"``."""
    actor = world.clerk if by == "clerk" else world.supervisor
    with world.store.write() as s:
        result = exchanges.exchange(
            s,
            actor,
            checkout.get_order(s, number),
            ids,
            new_cart,
            world.signer,
            tenders=tenders,
            now=now or world.now,
        )
        return result.new_order.number, result


def live_seats(world: World, performance: int) -> set[str]:
    by_id = {v: k for k, v in world.seats.items()}
    with world.store.read() as s:
        rows = s.scalars(
            select(Ticket.seat_id).where(
                Ticket.performance_id == performance,
                Ticket.status.in_(
                    [TicketStatus.PENDING, TicketStatus.RESERVED, TicketStatus.VALID]
                ),
            )
        )
        return {by_id[r] for r in rows if r is not None}


def order_cash(world: World, number: str) -> list[tuple[CashKind, int]]:
    with world.store.read() as s:
        order = checkout.get_order(s, number)
        moves = s.scalars(
            select(CashMovement).where(CashMovement.order_id == order.id).order_by(CashMovement.id)
        )
        return [(m.kind, m.amount_minor) for m in moves]


def payments(world: World, number: str) -> list[tuple[TenderKind, int]]:
    with world.store.read() as s:
        return [(p.kind, p.amount_minor) for p in checkout.get_order(s, number).payments]


def test_a_same_price_swap_moves_no_money(world: World) -> None:
    number = sell(world, "S-A-14", "S-A-15")
    old_ids = ticket_ids(world, number)
    new_number, result = do_exchange(world, number, old_ids, cart(world, "S-B-14", "S-B-15"))
    assert result.credit == eur("178.00")
    assert result.collected == eur("0") and result.refunded == eur("0")
    assert payments(world, number) == [(TenderKind.CASH, 17800), (TenderKind.EXCHANGE, -17800)]
    assert payments(world, new_number) == [(TenderKind.EXCHANGE, 17800)]
    assert order_cash(world, number) == [(CashKind.SALE, 17800)]
    assert order_cash(world, new_number) == []
    new_ids = ticket_ids(world, new_number)
    with world.store.read() as s:
        old = [s.get(Ticket, i) for i in old_ids]
        assert [(t.status, t.replaced_by_id) for t in old if t] == [
            (TicketStatus.EXCHANGED, new_ids[0]),
            (TicketStatus.EXCHANGED, new_ids[1]),
        ]
        new_order = checkout.get_order(s, new_number)
        assert new_order.status == OrderStatus.PAID
        assert {t.status for t in new_order.tickets} == {TicketStatus.VALID}
        assert all(t.serial and t.barcode for t in new_order.tickets)
        assert checkout.get_order(s, number).status == OrderStatus.PAID
        revoked = s.scalars(select(BarcodeRevocation).order_by(BarcodeRevocation.id)).all()
        assert [(r.ticket_id, r.reason) for r in revoked] == [
            (old_ids[0], "exchanged"),
            (old_ids[1], "exchanged"),
        ]
        entry = audit.entries(s, "exchange")[-1]
        assert json.loads(entry.details)["new_order"] == new_number
        outbox = s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "exchange")).one()
        assert json.loads(outbox.body)["old_ticket_ids"] == old_ids
    assert live_seats(world, world.performance) == {"S-B-14", "S-B-15"}
    # The old seats sell again; the new ones do not.
    sell(world, "S-A-14", "S-A-15")
    with pytest.raises(BoxOfficeError):
        sell(world, "S-B-14")


def test_an_upgrade_collects_the_difference(world: World) -> None:
    number = sell(world, "S-A-1")  # Standard 59.00
    new_number, result = do_exchange(
        world, number, ticket_ids(world, number), cart(world, "S-A-14"), [checkout.Cash(eur("50"))]
    )
    assert result.collected == eur("30.00") and result.refunded == eur("0")
    assert payments(world, new_number) == [(TenderKind.EXCHANGE, 5900), (TenderKind.CASH, 3000)]
    assert order_cash(world, new_number) == [(CashKind.SALE, 3000)]
    with world.store.read() as s:
        cash = [p for p in checkout.get_order(s, new_number).payments if p.kind == TenderKind.CASH]
        assert (cash[0].tendered_minor, cash[0].change_minor) == (5000, 2000)


def test_an_upgrade_by_card(world: World) -> None:
    number = sell(world, "S-A-1")
    card = world.terminal.authorise(eur("30.00"), "exchange")
    new_number, result = do_exchange(
        world, number, ticket_ids(world, number), cart(world, "S-A-14"), [checkout.Card(card)]
    )
    assert result.collected == eur("30.00")
    assert payments(world, new_number) == [(TenderKind.EXCHANGE, 5900), (TenderKind.CARD, 3000)]


def test_a_downgrade_refunds_the_difference_in_cash(world: World) -> None:
    number = sell(world, "S-A-14")  # Premium 89.00
    new_number, result = do_exchange(
        world, number, ticket_ids(world, number), cart(world, "S-A-1"), by="supervisor"
    )
    assert result.refunded == eur("30.00") and result.collected == eur("0")
    assert order_cash(world, number) == [(CashKind.SALE, 8900), (CashKind.REFUND, -3000)]
    assert payments(world, number) == [
        (TenderKind.CASH, 8900),
        (TenderKind.EXCHANGE, -5900),
        (TenderKind.CASH, -3000),
    ]
    assert payments(world, new_number) == [(TenderKind.EXCHANGE, 5900)]


def test_a_downgrade_of_a_card_sale_refunds_in_cash(world: World) -> None:
    card = world.terminal.authorise(eur("89.00"), "sale")
    with world.store.write() as s:
        number = checkout.sell(
            s,
            world.clerk,
            cart(world, "S-A-14"),
            [checkout.Card(card)],
            world.signer,
            now=world.now,
        ).order.number
    _, result = do_exchange(
        world, number, ticket_ids(world, number), cart(world, "S-A-1"), by="supervisor"
    )
    assert result.refunded == eur("30.00")
    assert order_cash(world, number) == [(CashKind.REFUND, -3000)]


def test_exchange_to_the_other_performance(world: World) -> None:
    number = sell(world, "S-A-14")
    new_number, result = do_exchange(
        world,
        number,
        ticket_ids(world, number),
        cart(world, "S-A-14", performance=world.other_performance),
    )
    assert result.collected == eur("0") and result.refunded == eur("0")
    with world.store.read() as s:
        (ticket,) = checkout.get_order(s, new_number).tickets
        assert ticket.performance_id == world.other_performance
    assert live_seats(world, world.performance) == set()
    assert live_seats(world, world.other_performance) == {"S-A-14"}


def test_keeping_the_seat_with_another_price_type(world: World) -> None:
    number = sell(world, "S-A-14", "S-A-15")  # 2 × 89.00
    first, second = ticket_ids(world, number)
    new_number, result = do_exchange(
        world, number, [first], cart(world, "S-A-14", price_type="concession"), by="supervisor"
    )
    assert result.refunded == eur("20.00")  # 89.00 → 69.00
    with world.store.read() as s:
        (ticket,) = checkout.get_order(s, new_number).tickets
        assert ticket.seat_id == world.seats["S-A-14"] and ticket.price_minor == 6900
        assert s.get(Ticket, second).status == TicketStatus.VALID  # type: ignore[union-attr]
    assert live_seats(world, world.performance) == {"S-A-14", "S-A-15"}


def test_an_upgrade_without_enough_tenders_changes_nothing(world: World) -> None:
    number = sell(world, "S-A-1")  # 59.00
    old = ticket_ids(world, number)
    before = snapshot(world)
    with pytest.raises(ValidationError, match="more"):
        do_exchange(world, number, old, cart(world, "S-A-14"))
    assert snapshot(world) == before
    with pytest.raises(ValidationError, match="more"):
        do_exchange(world, number, old, cart(world, "S-A-14"), [checkout.Cash(eur("10"))])
    assert snapshot(world) == before
    with world.store.read() as s:
        assert s.get(Ticket, old[0]).status == TicketStatus.VALID  # type: ignore[union-attr]
    assert live_seats(world, world.performance) == {"S-A-1"}


def test_exchanging_into_a_taken_seat_changes_nothing(world: World) -> None:
    number = sell(world, "S-A-14")
    sell(world, "S-A-15")
    before = snapshot(world)
    with pytest.raises(BoxOfficeError, match="not available"):
        do_exchange(world, number, ticket_ids(world, number), cart(world, "S-A-15"))
    assert snapshot(world) == before


@pytest.mark.parametrize("which", ["refunded", "foreign", "none"])
def test_only_valid_tickets_of_the_order_can_be_exchanged(world: World, which: str) -> None:
    number = sell(world, "S-A-14", "S-A-15")
    first, second = ticket_ids(world, number)
    other = sell(world, "S-A-16")
    with world.store.write() as s:
        refunds.refund(
            s, world.supervisor, checkout.get_order(s, number), [first], reason="x", now=world.now
        )
    ids = {"refunded": [first], "foreign": ticket_ids(world, other), "none": []}[which]
    before = snapshot(world)
    with pytest.raises(ValidationError, match="valid tickets"):
        do_exchange(world, number, ids, cart(world, "S-B-1"))
    assert snapshot(world) == before
    assert second


def test_no_exchange_once_the_performance_has_started(world: World) -> None:
    number = sell(world, "S-A-14")
    with world.store.read() as s:
        start = s.get(Performance, world.performance).starts_at  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="started"):
        do_exchange(
            world,
            number,
            ticket_ids(world, number),
            cart(world, "S-A-14", performance=world.other_performance),
            now=start + timedelta(minutes=1),
        )


def test_an_exchanged_order_can_be_refunded_in_cash(world: World) -> None:
    """Exchange credit was money once: refunding the new order gives it back as cash."""
    number = sell(world, "S-A-1")  # 59.00
    new_number, _ = do_exchange(
        world, number, ticket_ids(world, number), cart(world, "S-A-14"), [checkout.Cash(eur("30"))]
    )
    with world.store.write() as s:
        plan, _ = refunds.refund(
            s, world.supervisor, checkout.get_order(s, new_number), reason="x", now=world.now
        )
    assert plan.net == eur("89.00")
    assert {a.kind for a in plan.allocations} == {TenderKind.CASH}
    assert order_cash(world, new_number) == [
        (CashKind.SALE, 3000),
        (CashKind.REFUND, -5900),
        (CashKind.REFUND, -3000),
    ]
    with world.store.read() as s:
        assert s.scalar(select(func.sum(CashMovement.amount_minor)).where(SALE_MONEY)) == 0
        assert s.scalar(select(func.sum(Payment.amount_minor))) == 0


def test_an_exchanged_comp_ticket_never_turns_into_cash(world: World) -> None:
    """A comped ticket's value is not money: exchanged and then refunded, it pays out nothing."""
    c = cart(world, "S-A-14")
    with world.store.write() as s:
        order = checkout.place_order(s, world.supervisor, c, now=world.now)
        checkout.pay(
            s, world.supervisor, order, checkout.Comp("press"), world.signer, now=world.now
        )
        number = order.number
    new_number, _ = do_exchange(world, number, ticket_ids(world, number), cart(world, "S-A-15"))
    with world.store.write() as s:
        refunds.refund(
            s, world.supervisor, checkout.get_order(s, new_number), reason="x", now=world.now
        )
    with world.store.read() as s:
        assert (
            s.scalar(
                select(func.coalesce(func.sum(CashMovement.amount_minor), 0)).where(SALE_MONEY)
            )
            == 0
        )


def test_a_half_comped_ticket_exchanged_and_refunded_gives_back_only_the_paid_half(
    world: World,
) -> None:
    c = cart(world, "S-A-14", "S-A-15")  # 178.00
    with world.store.write() as s:
        order = checkout.place_order(s, world.supervisor, c, now=world.now)
        checkout.pay(
            s, world.supervisor, order, checkout.Cash(eur("89.00")), world.signer, now=world.now
        )
        checkout.pay(
            s, world.supervisor, order, checkout.Comp("press"), world.signer, now=world.now
        )
        number = order.number
    first, _ = ticket_ids(world, number)
    new_number, _ = do_exchange(world, number, [first], cart(world, "S-B-14"))
    assert sorted(payments(world, new_number)) == [
        (TenderKind.COMP, 4450),
        (TenderKind.EXCHANGE, 4450),
    ]
    for n in (new_number, number):
        with world.store.write() as s:
            refunds.refund(s, world.supervisor, checkout.get_order(s, n), reason="x", now=world.now)
    assert order_cash(world, new_number) == [(CashKind.REFUND, -4450)]
    assert order_cash(world, number) == [(CashKind.SALE, 8900), (CashKind.REFUND, -4450)]
    with world.store.read() as s:
        assert s.scalar(select(func.sum(CashMovement.amount_minor)).where(SALE_MONEY)) == 0


def test_the_credit_leaves_the_old_tenders_in_proportion(world: World) -> None:
    """After an exchange, what the old order can still give back shrinks on every tender."""
    card = world.terminal.authorise(eur("100.00"), "sale")
    c = cart(world, "S-A-14", "S-A-15")  # 178.00 = 100.00 card + 78.00 cash
    with world.store.write() as s:
        number = checkout.sell(
            s,
            world.clerk,
            c,
            [checkout.Card(card), checkout.Cash(eur("78"))],
            world.signer,
            now=world.now,
        ).order.number
    first, second = ticket_ids(world, number)
    do_exchange(world, number, [first], cart(world, "S-B-14"))
    with world.store.read() as s:
        left = tender_reversal.refundable(s, checkout.get_order(s, number))
        assert [(r.payment.kind, r.left.minor) for r in left] == [
            (TenderKind.CARD, 5000),
            (TenderKind.CASH, 3900),
        ]
    world.terminal.journal.clear()
    done = aftersale.refund(
        ctx_of(world), world.supervisor, number, [second], card_terminal=world.terminal, reason="x"
    ).value
    assert [(t.kind, t.amount.minor) for t in done.tenders] == [
        (TenderKind.CARD, -5000),
        (TenderKind.CASH, -3900),
    ]
    assert [(k, a.minor) for k, a, _ in world.terminal.journal] == [("refund", 5000)]


def test_the_new_order_keeps_the_customer(world: World) -> None:
    from boxoffice.sales import checkout, exchanges
    from boxoffice.sales.cart import Cart, CustomerDetails
    from boxoffice.sales.customers import search_orders

    with world.store.write() as s:
        cart = Cart([CartItem(world.performance, "adult", seat_id=world.seats["S-C-10"])])
        sale = checkout.sell(
            s,
            world.clerk,
            cart,
            [checkout.Cash(Money.of("200", "EUR"))],
            world.signer,
            now=world.now,
            customer=CustomerDetails("Li Wei", "+86 138 0013 8000"),
        )
        new = Cart([CartItem(world.performance, "adult", seat_id=world.seats["S-C-11"])])
        result = exchanges.exchange(
            s, world.clerk, sale.order, [sale.order.tickets[0].id], new, world.signer, now=world.now
        )
        found = {o.number for o in search_orders(s, "8000")}
    assert result.new_order.number in found and sale.order.number in found


def test_a_clerk_cannot_take_cash_out_through_a_downgrade(world: World) -> None:
    """Money leaving the drawer is a refund: a clerk without ``refund`` is refused."""
    number = sell(world, "S-A-14", "S-A-15")
    before = live_seats(world, world.performance)
    with pytest.raises(PermissionDenied, match="refund"):
        do_exchange(world, number, ticket_ids(world, number), cart(world, "S-A-1"))
    assert live_seats(world, world.performance) == before


def test_tenders_the_exchange_does_not_need_are_refused(world: World) -> None:
    number = sell(world, "S-A-14")
    (old,) = ticket_ids(world, number)
    with pytest.raises(ValidationError, match="take no payment"):  # same price: nothing due
        do_exchange(world, number, [old], cart(world, "S-A-15"), [checkout.Cash(eur("10"))])
    with pytest.raises(ValidationError, match="more tenders than needed"):  # upgrade to a box
        do_exchange(
            world,
            number,
            [old],
            cart(world, "BA-1"),
            [checkout.Cash(eur("50")), checkout.Cash(eur("50"))],
        )
