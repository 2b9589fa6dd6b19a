"""When a sale may happen at all, and what it leaves behind (review findings)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from boxoffice.actor import Actor
from boxoffice.catalogue import performances
from boxoffice.catalogue.discounts import issue_gift_card
from boxoffice.errors import PermissionDenied, ValidationError
from boxoffice.money import Money
from boxoffice.ops import aftersale
from boxoffice.sales import checkout
from boxoffice.sales.cart import Cart, CartItem, CustomerDetails
from boxoffice.sales.holds import hold_seats
from boxoffice.store.models import (
    GiftCardMovement,
    Order,
    OrderStatus,
    PerformanceStatus,
    TicketStatus,
)
from tests.sales.aftersale_helpers import ctx_of
from tests.sales.conftest import World


def one_seat(world: World, guid: str = "S-C-5", price_type: str = "adult") -> Cart:
    return Cart([CartItem(world.performance, price_type, seat_id=world.seats[guid])])


def cash(amount: str) -> checkout.Cash:
    return checkout.Cash(Money.of(amount, "EUR"))


def test_no_sale_once_the_performance_has_started(world: World) -> None:
    later = world.now + timedelta(days=10, minutes=1)  # one minute after the start
    with pytest.raises(ValidationError, match="closed"), world.store.write() as s:
        checkout.sell(s, world.clerk, one_seat(world), [cash("100")], world.signer, now=later)


def test_the_sale_window_is_respected(world: World) -> None:
    with world.store.write() as s:
        p = performances.get_performance(s, world.performance)
        p.sale_starts_at = world.now + timedelta(days=1)
    with pytest.raises(ValidationError, match="goes on sale"), world.store.write() as s:
        checkout.sell(s, world.clerk, one_seat(world), [cash("100")], world.signer, now=world.now)
    with world.store.write() as s:  # a day later it sells
        checkout.sell(
            s,
            world.clerk,
            one_seat(world),
            [cash("100")],
            world.signer,
            now=world.now + timedelta(days=1),
        )


def test_a_reservation_cannot_be_paid_for_a_cancelled_performance(world: World) -> None:
    with world.store.write() as s:
        order = checkout.place_order(
            s,
            world.clerk,
            one_seat(world),
            now=world.now,
            reserve_until=world.now + timedelta(days=2),
            customer=CustomerDetails("Li Wei"),
        )
        number = order.number
        performances.set_status(
            s, Actor(None, "system", "x"), world.performance, PerformanceStatus.CANCELLED
        )
    with pytest.raises(ValidationError, match="cancelled"), world.store.write() as s:
        checkout.pay(
            s,
            world.clerk,
            checkout.get_order(s, number),
            cash("100"),
            world.signer,
            now=world.now + timedelta(hours=1),
        )
    with world.store.read() as s:
        assert checkout.get_order(s, number).status == OrderStatus.RESERVED


def test_a_payment_deadline_after_the_show_is_refused(world: World) -> None:
    with pytest.raises(ValidationError, match="before the performance"), world.store.write() as s:
        checkout.place_order(
            s,
            world.clerk,
            one_seat(world),
            now=world.now,
            reserve_until=world.now + timedelta(days=11),
            customer=CustomerDetails("Li Wei"),
        )


def test_a_free_reservation_is_issued_with_complete_free(world: World) -> None:
    with world.store.write() as s:
        order = checkout.place_order(
            s,
            world.supervisor,
            one_seat(world, price_type="comp"),
            now=world.now,
            reserve_until=world.now + timedelta(days=2),
            customer=CustomerDetails("Critic"),
        )
        number = order.number
    with world.store.write() as s:
        order = checkout.get_order(s, number)
        checkout.complete_free(s, world.clerk, order, world.signer, now=world.now)
    with world.store.read() as s:
        order = checkout.get_order(s, number)
        assert order.status == OrderStatus.PAID
        assert [t.status for t in order.tickets] == [TicketStatus.VALID]
        assert order.tickets[0].barcode
    with pytest.raises(ValidationError, match="costs"), world.store.write() as s:
        priced = checkout.place_order(s, world.clerk, one_seat(world, "S-C-6"), now=world.now)
        checkout.complete_free(s, world.clerk, priced, world.signer, now=world.now)


def test_the_same_seat_twice_in_a_held_cart_is_named_as_such(world: World) -> None:
    seat = world.seats["S-C-5"]
    cart = Cart(
        [
            CartItem(world.performance, "adult", seat_id=seat),
            CartItem(world.performance, "child", seat_id=seat),
        ]
    )
    with world.store.write() as s:
        hold_seats(s, world.clerk, world.performance, [seat], cart.cart_id, now=world.now)
    with pytest.raises(ValidationError, match="twice"), world.store.write() as s:
        checkout.sell(s, world.clerk, cart, [cash("200")], world.signer, now=world.now)


def test_a_one_step_gift_card_sale_traces_the_debit_to_its_order(world: World) -> None:
    with world.store.write() as s:
        issue_gift_card(s, Actor(None, "system", "x"), "GIFT-777777", Money.of("200", "EUR"))
        sale = checkout.sell(
            s,
            world.clerk,
            one_seat(world),
            [checkout.GiftCardTender("GIFT-777777")],
            world.signer,
            now=world.now,
        )
        order_id = sale.order.id
    with world.store.read() as s:
        (movement,) = s.scalars(select(GiftCardMovement)).all()
        assert movement.order_id == order_id and movement.amount_minor == -8900


def test_someone_who_may_not_sell_cannot_reverse_a_card(world: World) -> None:
    with world.store.write() as s:
        order = checkout.place_order(s, world.clerk, one_seat(world), now=world.now)
        approved = world.terminal.authorise(Money.of("50", "EUR"), order.number)
        checkout.pay(s, world.clerk, order, checkout.Card(approved), world.signer, now=world.now)
        number = order.number
        door = _door_user(s)
    journal = len(world.terminal.journal)
    with pytest.raises(PermissionDenied):
        aftersale.release_reservation(
            ctx_of(world), door, number, reason="walked away", card_terminal=world.terminal
        )
    assert len(world.terminal.journal) == journal  # the terminal was never asked
    with world.store.read() as s:
        assert s.scalar(select(Order.status).where(Order.number == number)) == OrderStatus.PENDING


def _door_user(s: object) -> Actor:
    from boxoffice.actor import system_actor
    from boxoffice.auth.users import create_user

    user = create_user(s, system_actor(), "dora", "door", "5555")  # type: ignore[arg-type]
    return Actor(user.id, "dora", "Window 1")


def test_offline_a_terminal_sells_only_its_allocation(world: World) -> None:
    from boxoffice.sales.holds import SeatsUnavailable
    from boxoffice.store.models import Allocation

    with world.store.write() as s:
        s.add(
            Allocation(
                performance_id=world.performance,
                terminal="Window 1",
                seat_id=world.seats["S-J-1"],
                expires_at=world.now + timedelta(days=1),
            )
        )
        s.add(
            Allocation(
                performance_id=world.performance,
                terminal="Window 1",
                ga_area_id=world.standing,
                quantity=2,
                expires_at=world.now + timedelta(days=1),
            )
        )
    with pytest.raises(SeatsUnavailable, match="not allocated"), world.store.write() as s:
        checkout.sell(
            s,
            world.clerk,
            one_seat(world, "S-J-2"),
            [cash("100")],
            world.signer,
            now=world.now,
            offline=True,
        )
    standing = Cart([CartItem(world.performance, "adult", ga_area_id=world.standing)] * 3)
    with pytest.raises(SeatsUnavailable, match="2 left"), world.store.write() as s:
        checkout.sell(
            s, world.clerk, standing, [cash("300")], world.signer, now=world.now, offline=True
        )
    with world.store.write() as s:  # inside the allocation it sells
        checkout.sell(
            s,
            world.clerk,
            one_seat(world, "S-J-1"),
            [cash("100")],
            world.signer,
            now=world.now,
            offline=True,
        )
        two = Cart([CartItem(world.performance, "adult", ga_area_id=world.standing)] * 2)
        checkout.sell(s, world.clerk, two, [cash("200")], world.signer, now=world.now, offline=True)
    with pytest.raises(SeatsUnavailable, match="0 left"), world.store.write() as s:
        one = Cart([CartItem(world.performance, "adult", ga_area_id=world.standing)])
        checkout.sell(s, world.clerk, one, [cash("100")], world.signer, now=world.now, offline=True)
