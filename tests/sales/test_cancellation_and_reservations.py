"""Cancelling unfinished orders (every tender given back) and unpaid reservations."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from boxoffice import audit
from boxoffice.actor import Actor, system_actor
from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.ops import aftersale
from boxoffice.sales import barcodes
from boxoffice.sales.availability import SeatState, seat_states
from boxoffice.sales.cancellation import cancel_order
from boxoffice.sales.cart import Cart, CartItem, CustomerDetails
from boxoffice.sales.checkout import (
    Card,
    Cash,
    GiftCardTender,
    Tender,
    get_order,
    pay,
    place_order,
    sell,
)
from boxoffice.sales.holds import SeatsUnavailable, hold_seats
from boxoffice.sales.reservations import due_within, expire_due
from boxoffice.sales.signer import trusted_keys
from boxoffice.store.models import (
    CashKind,
    CashMovement,
    GiftCard,
    GiftCardMovement,
    OrderStatus,
    OutboxEntry,
    PaymentStatus,
    TenderKind,
    TicketStatus,
)
from tests.sales.aftersale_helpers import ctx_of
from tests.sales.conftest import World
from tests.sales.helpers import SALE_MONEY

GUEST = CustomerDetails(name="Niamh Kelly", phone="+353 86 123 4567")


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def cart(world: World, *guids: str) -> Cart:
    return Cart([CartItem(world.performance, "adult", seat_id=world.seats[g]) for g in guids])


def window2(world: World) -> Actor:
    return Actor(world.supervisor.user_id, world.supervisor.username, "Window 2")


def state(world: World, guid: str, at: datetime | None = None) -> SeatState:
    with world.store.read() as s:
        states = seat_states(s, world.performance, world.clerk.terminal, now=at or world.now)
    return states.state(world.seats[guid])


def reserve(world: World, *guids: str, until: timedelta = timedelta(days=2)) -> str:
    with world.store.write() as s:
        order = place_order(
            s,
            world.clerk,
            cart(world, *guids),
            now=world.now,
            reserve_until=world.now + until,
            customer=GUEST,
        )
        return order.number


def pay_one(
    world: World,
    number: str,
    tender: Tender,
    actor: Actor | None = None,
    at: datetime | None = None,
) -> bool:
    with world.store.write() as s:
        outcome = pay(
            s,
            actor or world.clerk,
            get_order(s, number),
            tender,
            world.signer,
            now=at or world.now,
        )
        return outcome.completed


def test_partly_paid_order_is_cancelled_and_every_tender_reversed(world: World) -> None:
    with world.store.write() as s:
        s.add(
            GiftCard(
                code="GC-25",
                currency="EUR",
                initial_minor=2500,
                balance_minor=2500,
                created_at=world.now,
            )
        )
        number = place_order(s, world.clerk, cart(world, "S-A-14", "S-A-15"), now=world.now).number
    card = world.terminal.authorise(eur("50.00"), number)
    assert not pay_one(world, number, Card(card))
    assert not pay_one(world, number, Cash(eur("40.00")))
    assert not pay_one(world, number, GiftCardTender("GC-25"))

    done = aftersale.release_reservation(
        ctx_of(world), world.clerk, number, reason="customer left", card_terminal=world.terminal
    ).value

    assert sorted(t.kind for t in done.reversed) == sorted(
        [TenderKind.CARD, TenderKind.CASH, TenderKind.GIFT_CARD]
    )
    assert world.terminal.journal[-1] == ("reversal", eur("50.00"), card.terminal_ref)
    with world.store.read() as s:
        order = get_order(s, number)
        assert order.status == OrderStatus.CANCELLED
        assert order.closed_at == world.now
        assert {p.status for p in order.payments} == {PaymentStatus.REVERSED}
        assert all(t.status == TicketStatus.CANCELLED for t in order.tickets)
        cash = [(m.kind, m.amount_minor) for m in s.scalars(select(CashMovement).where(SALE_MONEY))]
        assert cash == [(CashKind.SALE, 4000), (CashKind.REFUND, -4000)]
        gift = s.scalars(select(GiftCard)).one()
        assert gift.balance_minor == 2500
        assert [m.amount_minor for m in s.scalars(select(GiftCardMovement))] == [-2500, 2500]
        (logged,) = audit.entries(s, "order.cancelled")
        details = json.loads(logged.details)
        assert details["reason"] == "customer left"
        assert sorted(details["reversed"]) == [["card", 5000], ["cash", 4000], ["gift_card", 2500]]
    assert state(world, "S-A-14") == SeatState.AVAILABLE
    with world.store.write() as s:
        hold_seats(
            s, window2(world), world.performance, [world.seats["S-A-14"]], "n", now=world.now
        )


def test_a_refused_reversal_leaves_the_order_as_it_was(world: World) -> None:
    with world.store.write() as s:
        number = place_order(s, world.clerk, cart(world, "S-A-14"), now=world.now).number
    pay_one(world, number, Card(world.terminal.authorise(eur("20.00"), number)))
    world.terminal.decline_next = True
    with pytest.raises(ValidationError, match="refused a reversal"):
        aftersale.release_reservation(
            ctx_of(world), world.clerk, number, reason="left", card_terminal=world.terminal
        )
    with world.store.read() as s:
        order = get_order(s, number)
        assert order.status == OrderStatus.PENDING
        assert order.payments[0].status == PaymentStatus.CAPTURED
    assert state(world, "S-A-14") == SeatState.RESERVED


def test_a_paid_order_cannot_be_cancelled(world: World) -> None:
    with world.store.write() as s:
        number = sell(
            s, world.clerk, cart(world, "S-A-14"), [Cash(eur("89"))], world.signer, now=world.now
        ).order.number
    with pytest.raises(ValidationError, match="refund or void"), world.store.write() as s:
        cancel_order(s, world.clerk, get_order(s, number), reason="oops", now=world.now)
    with world.store.read() as s:
        order = get_order(s, number)
        assert order.status == OrderStatus.PAID
        assert order.tickets[0].status == TicketStatus.VALID
        assert s.scalar(select(func.sum(CashMovement.amount_minor)).where(SALE_MONEY)) == 8900


def test_a_card_paid_order_is_refused_before_the_terminal_gives_money_back(world: World) -> None:
    with world.store.write() as s:
        number = place_order(s, world.clerk, cart(world, "S-A-14"), now=world.now).number
    assert pay_one(world, number, Card(world.terminal.authorise(eur("89.00"), number)))
    with pytest.raises(ValidationError, match="refund or void"):
        aftersale.release_reservation(
            ctx_of(world), world.clerk, number, reason="oops", card_terminal=world.terminal
        )
    # The customer keeps the ticket, so the house must keep the money.
    assert [kind for kind, _, _ in world.terminal.journal] == ["sale"]
    with world.store.read() as s:
        assert get_order(s, number).status == OrderStatus.PAID


def test_cancelling_needs_a_reason(world: World) -> None:
    with world.store.write() as s:
        number = place_order(s, world.clerk, cart(world, "S-A-14"), now=world.now).number
    with pytest.raises(ValidationError, match="why"), world.store.write() as s:
        cancel_order(s, world.clerk, get_order(s, number), reason=" ", now=world.now)
    assert state(world, "S-A-14") == SeatState.RESERVED


def test_reservation_needs_a_customer_and_a_future_deadline(world: World) -> None:
    c = cart(world, "S-A-14")
    with pytest.raises(ValidationError, match="customer"), world.store.write() as s:
        place_order(s, world.clerk, c, now=world.now, reserve_until=world.now + timedelta(days=1))
    with pytest.raises(ValidationError, match="future"), world.store.write() as s:
        place_order(s, world.clerk, c, now=world.now, reserve_until=world.now, customer=GUEST)
    with pytest.raises(ValidationError, match="time zone"), world.store.write() as s:
        naive = (world.now + timedelta(days=1)).replace(tzinfo=None)
        place_order(s, world.clerk, c, now=world.now, reserve_until=naive, customer=GUEST)
    assert state(world, "S-A-14") == SeatState.AVAILABLE


def test_reservation_holds_its_seats_until_paid_at_another_window(world: World) -> None:
    number = reserve(world, "S-A-14", "S-A-15")
    with world.store.read() as s:
        order = get_order(s, number)
        assert order.status == OrderStatus.RESERVED
        assert order.customer is not None and order.customer.name == "Niamh Kelly"
        assert all(t.status == TicketStatus.RESERVED and t.serial is None for t in order.tickets)
        assert [e.kind for e in s.scalars(select(OutboxEntry))] == ["reservation"]
        assert len(audit.entries(s, "order.reserve")) == 1
    # Long after any cart hold would have lapsed, the seats are still the customer's.
    tomorrow = world.now + timedelta(days=1)
    assert state(world, "S-A-14", tomorrow) == SeatState.RESERVED
    with pytest.raises(SeatsUnavailable), world.store.write() as s:
        hold_seats(s, window2(world), world.performance, [world.seats["S-A-15"]], "x", now=tomorrow)

    assert pay_one(world, number, Cash(eur("200")), actor=window2(world), at=tomorrow)
    with world.store.read() as s:
        order = get_order(s, number)
        assert order.status == OrderStatus.PAID
        assert order.paid_at == tomorrow
        keys = trusted_keys(s)
        for t in order.tickets:
            assert t.status == TicketStatus.VALID
            assert (t.serial or "").startswith("W1-T")
            assert barcodes.verify(t.barcode or "", keys, performance_id=world.performance).genuine
        (payment,) = order.payments
        assert (payment.terminal, payment.user_id) == ("Window 2", world.supervisor.user_id)
        # The pickup counts as a sale of the shift that took the money (X/Z activity).
        assert order.shift_id == payment.shift_id == world.shifts[("sue", "Window 2")]
        (movement,) = s.scalars(select(CashMovement).where(SALE_MONEY)).all()
        assert (movement.terminal, movement.amount_minor) == ("Window 2", 17800)
        assert [e.kind for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.id))] == [
            "reservation",
            "sale",
        ]
    assert state(world, "S-A-14", tomorrow) == SeatState.SOLD
    # Nothing happens to a paid reservation at its old deadline.
    with world.store.write() as s:
        assert expire_due(s, system_actor(), world.now + timedelta(days=3)) == []


def test_reservation_cannot_be_paid_after_its_deadline(world: World) -> None:
    number = reserve(world, "S-A-14", until=timedelta(hours=2))
    with pytest.raises(ValidationError, match="lapsed"):
        pay_one(world, number, Cash(eur("89")), at=world.now + timedelta(hours=2))


def test_expire_due_releases_unpaid_reservations_at_their_deadline(world: World) -> None:
    number = reserve(world, "S-A-14", "S-A-15", until=timedelta(hours=2))
    deposit = reserve(world, "S-B-1", until=timedelta(hours=2))
    assert not pay_one(world, deposit, Cash(eur("20")))

    with world.store.write() as s:
        assert expire_due(s, system_actor(), world.now + timedelta(hours=1, minutes=59)) == []
    deadline = world.now + timedelta(hours=2)
    with world.store.write() as s:
        expired = expire_due(s, system_actor(), deadline)
        assert [o.number for o in expired] == [number]

    with world.store.read() as s:
        order = get_order(s, number)
        assert order.status == OrderStatus.EXPIRED
        assert all(t.status == TicketStatus.CANCELLED for t in order.tickets)
        (logged,) = audit.entries(s, "order.expired")
        assert logged.subject == f"order:{number}"
        assert json.loads(logged.details)["reason"] == "payment deadline passed"
        assert "reservation_cancel" in {e.kind for e in s.scalars(select(OutboxEntry))}
        # The one that took a deposit waits for a person, its seat still held.
        kept = get_order(s, deposit)
        assert kept.status == OrderStatus.RESERVED
        assert [o.number for o in due_within(s, timedelta(0), deadline)] == [deposit]
    assert state(world, "S-A-14", deadline) == SeatState.AVAILABLE
    assert state(world, "S-A-15", deadline) == SeatState.AVAILABLE
    assert state(world, "S-B-1", deadline) == SeatState.RESERVED
    with world.store.write() as s:
        hold_seats(s, window2(world), world.performance, [world.seats["S-A-14"]], "n", now=deadline)
        assert expire_due(s, system_actor(), deadline + timedelta(days=1)) == []


def test_due_within_lists_reservations_due_soon_in_deadline_order(world: World) -> None:
    later = reserve(world, "S-C-1", until=timedelta(hours=30))
    soon = reserve(world, "S-C-2", until=timedelta(hours=5))
    far = reserve(world, "S-C-3", until=timedelta(hours=50))
    paid = reserve(world, "S-C-4", until=timedelta(hours=1))
    assert pay_one(world, paid, Cash(eur("100")))
    with world.store.write() as s:
        sell(s, world.clerk, cart(world, "S-C-5"), [Cash(eur("100"))], world.signer, now=world.now)
    with world.store.read() as s:
        assert [o.number for o in due_within(s, timedelta(hours=48), world.now)] == [soon, later]
        assert [o.number for o in due_within(s, timedelta(hours=72), world.now)] == [
            soon,
            later,
            far,
        ]
        assert due_within(s, timedelta(hours=4), world.now) == []


def test_cancel_without_a_reason_does_not_touch_the_card(world: World) -> None:
    with world.store.write() as s:
        number = place_order(s, world.clerk, cart(world, "S-A-14"), now=world.now).number
    pay_one(world, number, Card(world.terminal.authorise(eur("20.00"), number)))
    with pytest.raises(ValidationError, match="why"):
        aftersale.release_reservation(
            ctx_of(world), world.clerk, number, reason="  ", card_terminal=world.terminal
        )
    assert [kind for kind, _, _ in world.terminal.journal] == ["sale"]
