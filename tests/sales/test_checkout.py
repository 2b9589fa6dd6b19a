"""Checkout: cash, card, gift card and comp tenders, pricing rules, one transaction per sale."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from boxoffice import audit, settings
from boxoffice.actor import Actor
from boxoffice.auth.overrides import authorise_override
from boxoffice.auth.permissions import Permission
from boxoffice.errors import PermissionDenied, ValidationError
from boxoffice.money import Money
from boxoffice.sales import barcodes, refunds
from boxoffice.sales.availability import SeatState, seat_states
from boxoffice.sales.cancellation import cancel_order
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.sales.checkout import (
    Card,
    Cash,
    Comp,
    GiftCardTender,
    PaymentOutcome,
    Tender,
    get_order,
    pay,
    place_order,
    remaining,
    sell,
)
from boxoffice.sales.holds import SeatsUnavailable, hold_seats
from boxoffice.sales.signer import trusted_keys
from boxoffice.store.models import (
    AuditEntry,
    CashKind,
    CashMovement,
    Customer,
    Discount,
    GiftCard,
    GiftCardMovement,
    Order,
    OrderStatus,
    OutboxEntry,
    Override,
    Payment,
    PriceType,
    TenderKind,
    Ticket,
    TicketStatus,
)
from tests.sales.conftest import World
from tests.sales.helpers import SALE_MONEY


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def window2(world: World) -> Actor:
    return Actor(world.clerk.user_id, world.clerk.username, "Window 2")


def cart(
    world: World,
    *guids: str,
    price_type: str = "adult",
    override_price: Money | None = None,
    override_reason: str = "",
) -> Cart:
    return Cart(
        [
            CartItem(
                world.performance,
                price_type,
                seat_id=world.seats[g],
                override_price=override_price,
                override_reason=override_reason,
            )
            for g in guids
        ]
    )


def count(session: Session, model: type) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def snapshot(world: World) -> dict[str, int]:
    with world.store.read() as s:
        return {
            m.__name__: count(s, m)
            for m in (
                Order,
                Ticket,
                Payment,
                CashMovement,
                OutboxEntry,
                AuditEntry,
                GiftCardMovement,
                Customer,
            )
        }


def gift_card(world: World, code: str, balance: str, **extra: object) -> None:
    with world.store.write() as s:
        amount = eur(balance).minor
        s.add(
            GiftCard(
                code=code,
                currency="EUR",
                initial_minor=amount,
                balance_minor=amount,
                created_at=world.now,
                **extra,
            )
        )


def balance(world: World, code: str) -> int:
    with world.store.read() as s:
        return int(s.scalar(select(GiftCard.balance_minor).where(GiftCard.code == code)) or 0)


def place(world: World, c: Cart, actor: Actor | None = None) -> str:
    with world.store.write() as s:
        return place_order(s, actor or world.clerk, c, now=world.now).number


def pay_one(
    world: World,
    number: str,
    tender: Tender,
    actor: Actor | None = None,
    overrides: Sequence[Override] = (),
) -> PaymentOutcome:
    with world.store.write() as s:
        order = get_order(s, number)
        return pay(
            s, actor or world.clerk, order, tender, world.signer, now=world.now, overrides=overrides
        )


def test_two_ticket_cash_sale(world: World) -> None:
    with world.store.write() as s:
        sale = sell(
            s,
            world.clerk,
            cart(world, "S-A-14", "S-A-15"),
            [Cash(eur("200.00"))],
            world.signer,
            now=world.now,
        )
        number = sale.order.number
    assert sale.change == eur("22.00")

    with world.store.read() as s:
        order = get_order(s, number)
        assert order.status == OrderStatus.PAID
        assert order.paid_at == world.now
        assert (order.subtotal_minor, order.total_minor) == (17800, 17800)
        # 5 % included: 89.00 × 5/105 = 4.24 per ticket.
        assert order.tax_minor == 848 == sum(t.tax_minor for t in order.tickets)

        serials = [t.serial or "" for t in order.tickets]
        assert all(serial.startswith("W1-T") for serial in serials)
        assert len(set(serials)) == 2
        keys = trusted_keys(s)
        for ticket, guid in zip(order.tickets, ("S-A-14", "S-A-15"), strict=True):
            assert ticket.status == TicketStatus.VALID
            assert ticket.price_minor == 8900
            check = barcodes.verify(
                ticket.barcode or "", keys, performance_id=world.performance, now=world.now
            )
            assert check.genuine, check.reason
            assert check.claim is not None
            assert (check.claim.ticket_id, check.claim.seat_id) == (ticket.id, world.seats[guid])
        forged = (order.tickets[0].barcode or "")[:-3] + "AAA"
        assert not barcodes.verify(forged, keys).genuine

        (payment,) = order.payments
        assert payment.kind == TenderKind.CASH
        assert (payment.amount_minor, payment.tendered_minor, payment.change_minor) == (
            17800,
            20000,
            2200,
        )
        (movement,) = s.scalars(select(CashMovement).where(SALE_MONEY)).all()
        assert (movement.kind, movement.amount_minor) == (CashKind.SALE, 17800)
        assert movement.payment_id == payment.id

        (entry,) = s.scalars(select(OutboxEntry)).all()
        assert entry.kind == "sale"
        body = json.loads(entry.body)
        assert body["number"] == number
        assert [t["serial"] for t in body["tickets"]] == serials
        assert [p["amount"] for p in body["payments"]] == [17800]

        # A one-step sale is one audit entry that carries its tenders.
        assert audit.entries(s, "order.place") == [] and audit.entries(s, "payment") == []
        (logged,) = audit.entries(s, "sale")
        assert logged.subject == f"order:{number}"
        assert json.loads(logged.details)["tenders"] == [
            {"kind": "cash", "amount": 17800, "change": 2200, "rounding": 0}
        ]
        assert json.loads(logged.details)["tickets"] == serials
        assert audit.verify(s) is None

        states = seat_states(s, world.performance, world.clerk.terminal, now=world.now)
        assert states.state(world.seats["S-A-14"]) == SeatState.SOLD
        assert states.state(world.seats["S-A-15"]) == SeatState.SOLD


def test_split_tender_card_gift_card_and_cash(world: World) -> None:
    gift_card(world, "GIFT-30", "30.00")
    number = place(world, cart(world, "S-A-14", "S-A-15"))

    approved = world.terminal.authorise(eur("50.00"), number)  # device I/O, outside the store
    card = pay_one(world, number, Card(approved))
    assert (card.remaining, card.completed) == (eur("128.00"), False)
    assert card.payment.card_last4 == "4242" and card.payment.auth_code

    gift = pay_one(world, number, GiftCardTender("gift-30"))
    assert gift.payment_amount == eur("30.00")
    assert (gift.remaining, gift.completed) == (eur("98.00"), False)
    assert balance(world, "GIFT-30") == 0

    cash = pay_one(world, number, Cash(eur("100.00")))
    assert (cash.change, cash.remaining, cash.completed) == (eur("2.00"), eur("0.00"), True)

    with world.store.read() as s:
        order = get_order(s, number)
        assert order.status == OrderStatus.PAID
        assert [p.kind for p in order.payments] == [
            TenderKind.CARD,
            TenderKind.GIFT_CARD,
            TenderKind.CASH,
        ]
        assert sum(p.amount_minor for p in order.payments) == order.total_minor
        assert [m.amount_minor for m in s.scalars(select(CashMovement).where(SALE_MONEY))] == [9800]
        assert all(t.status == TicketStatus.VALID and t.barcode for t in order.tickets)
        assert len(audit.entries(s, "payment")) == 3
        assert [e.kind for e in s.scalars(select(OutboxEntry))] == ["sale"]


def test_order_is_not_paid_until_the_tenders_cover_it(world: World) -> None:
    number = place(world, cart(world, "S-A-14", "S-A-15"))
    first = pay_one(world, number, Cash(eur("50.00")))
    assert (first.completed, first.remaining, first.change) == (False, eur("128.00"), eur("0"))
    with world.store.read() as s:
        order = get_order(s, number)
        assert order.status == OrderStatus.PENDING
        assert order.paid_at is None
        assert all(t.status == TicketStatus.PENDING for t in order.tickets)
        assert all(t.serial is None and t.barcode is None for t in order.tickets)
        assert count(s, OutboxEntry) == 0
        assert audit.entries(s, "sale") == []
        states = seat_states(s, world.performance, world.clerk.terminal, now=world.now)
        assert states.state(world.seats["S-A-14"]) == SeatState.RESERVED
    last = pay_one(world, number, Cash(eur("128.00")))
    assert last.completed
    with world.store.read() as s:
        assert get_order(s, number).status == OrderStatus.PAID
    with pytest.raises(ValidationError, match="nothing to pay"):
        pay_one(world, number, Cash(eur("1.00")))


def test_sell_with_too_little_leaves_nothing_behind(world: World) -> None:
    before = snapshot(world)
    with pytest.raises(ValidationError, match=r"€28\.00 still due"), world.store.write() as s:
        sell(
            s,
            world.clerk,
            cart(world, "S-A-14", "S-A-15"),
            [Cash(eur("100.00")), Cash(eur("50.00"))],
            world.signer,
            now=world.now,
        )
    assert snapshot(world) == before
    with world.store.read() as s:
        states = seat_states(s, world.performance, world.clerk.terminal, now=world.now)
        assert states.state(world.seats["S-A-14"]) == SeatState.AVAILABLE
    # The order number the failed sale drew was never given out.
    with world.store.write() as s:
        sale = sell(
            s, world.clerk, cart(world, "S-A-14"), [Cash(eur("89"))], world.signer, now=world.now
        )
        assert sale.order.number == "W1-000001"


def test_declined_card_is_refused_and_nothing_recorded(world: World) -> None:
    number = place(world, cart(world, "S-A-14", "S-A-15"))
    before = snapshot(world)
    world.terminal.decline_next = True
    declined = world.terminal.authorise(eur("178.00"), number)
    with pytest.raises(ValidationError, match="declined"):
        pay_one(world, number, Card(declined))
    assert snapshot(world) == before
    with world.store.read() as s:
        assert get_order(s, number).status == OrderStatus.PENDING
    assert world.terminal.journal[-1][0] == "sale-declined"


def test_card_amount_above_what_is_due_is_refused(world: World) -> None:
    number = place(world, cart(world, "S-A-14", "S-A-15"))
    before = snapshot(world)
    too_much = world.terminal.authorise(eur("178.01"), number)
    with pytest.raises(ValidationError, match="more than"):
        pay_one(world, number, Card(too_much))
    assert snapshot(world) == before
    exact = pay_one(world, number, Card(world.terminal.authorise(eur("178.00"), number)))
    assert exact.completed


def test_gift_card_never_goes_below_zero(world: World) -> None:
    gift_card(world, "GC-100", "100.00")
    number = place(world, cart(world, "S-A-14", "S-A-15"))
    first = pay_one(world, number, GiftCardTender("GC-100", eur("60.00")))
    assert first.remaining == eur("118.00")
    assert balance(world, "GC-100") == 4000
    with pytest.raises(ValidationError, match=r"holds only €40\.00"):
        pay_one(world, number, GiftCardTender("GC-100", eur("50.00")))
    assert balance(world, "GC-100") == 4000
    # Without an amount it takes what is on the card.
    rest = pay_one(world, number, GiftCardTender("GC-100"))
    assert rest.payment_amount == eur("40.00")
    assert balance(world, "GC-100") == 0
    with pytest.raises(ValidationError, match="no balance left"):
        pay_one(world, number, GiftCardTender("GC-100"))
    with world.store.read() as s:
        movements = [m.amount_minor for m in s.scalars(select(GiftCardMovement))]
    assert movements == [-6000, -4000]
    # The database refuses a negative balance even if code were wrong.
    with pytest.raises(IntegrityError), world.store.write() as s:
        s.execute(update(GiftCard).values(balance_minor=GiftCard.balance_minor - 1))


def test_expired_inactive_or_unknown_gift_cards_are_refused(world: World) -> None:
    gift_card(world, "OLD", "50.00", valid_to=world.now - timedelta(days=1))
    gift_card(world, "OFF", "50.00", active=False)
    number = place(world, cart(world, "S-A-14"))
    with pytest.raises(ValidationError, match="expired"):
        pay_one(world, number, GiftCardTender("OLD"))
    with pytest.raises(ValidationError, match="no active gift card"):
        pay_one(world, number, GiftCardTender("OFF"))
    with pytest.raises(ValidationError, match="no active gift card"):
        pay_one(world, number, GiftCardTender("NOPE"))
    assert balance(world, "OLD") == balance(world, "OFF") == 5000


def test_comp_tender_needs_permission_or_a_single_use_override(world: World) -> None:
    first = place(world, cart(world, "S-A-14"))
    second = place(world, cart(world, "S-A-15"))
    with pytest.raises(PermissionDenied, match="complimentary"):
        pay_one(world, first, Comp("cast guest"))

    override = authorise_override(
        world.store,
        world.clerk,
        "sue",
        "2468",
        Permission.SELL_COMPLIMENTARY,
        reason="cast guest",
        now=world.now,
    )
    with pytest.raises(ValidationError, match="reason"):
        pay_one(world, first, Comp("  "), overrides=[override])
    comp = pay_one(world, first, Comp("cast guest"), overrides=[override])
    assert comp.completed
    assert (comp.payment.kind, comp.payment.amount_minor) == (TenderKind.COMP, 8900)
    with world.store.read() as s:
        used = s.get(Override, override.id)
        assert used is not None and used.used_at is not None
        assert len(audit.entries(s, "override.used")) == 1
        assert get_order(s, first).status == OrderStatus.PAID
        assert s.scalar(select(func.count()).select_from(CashMovement).where(SALE_MONEY)) == 0

    with pytest.raises(PermissionDenied, match="already been used"):
        pay_one(world, second, Comp("cast guest"), overrides=[override])
    # A supervisor may comp without anyone's say-so.
    sup = Actor(world.supervisor.user_id, "sue", world.clerk.terminal)
    assert pay_one(world, second, Comp("press"), actor=sup).completed


def test_comp_price_type_needs_permission_too(world: World) -> None:
    comp_cart = cart(world, "S-A-14", price_type="comp")
    before = snapshot(world)
    with pytest.raises(PermissionDenied, match="complimentary"), world.store.write() as s:
        sell(s, world.clerk, comp_cart, [], world.signer, now=world.now)
    assert snapshot(world) == before

    override = authorise_override(
        world.store,
        world.clerk,
        "sue",
        "2468",
        "sell_complimentary",
        reason="critic",
        now=world.now,
    )
    with world.store.write() as s:
        sale = sell(
            s, world.clerk, comp_cart, [], world.signer, now=world.now, overrides=[override]
        )
        assert sale.order.status == OrderStatus.PAID
        assert sale.order.total_minor == 0
        assert sale.order.tickets[0].barcode
    with pytest.raises(PermissionDenied), world.store.write() as s:
        again = cart(world, "S-A-15", price_type="comp")
        sell(s, world.clerk, again, [], world.signer, now=world.now, overrides=[override])


def test_manual_price_needs_permission_and_a_reason(world: World) -> None:
    sup = Actor(world.supervisor.user_id, "sue", world.clerk.terminal)
    cheap = {"override_price": eur("50.00"), "override_reason": "obstructed by a camera"}
    with pytest.raises(PermissionDenied, match="override a price"), world.store.write() as s:
        place_order(s, world.clerk, cart(world, "S-A-14", **cheap), now=world.now)
    with pytest.raises(ValidationError, match="needs a reason"), world.store.write() as s:
        place_order(s, sup, cart(world, "S-A-14", override_price=eur("50.00")), now=world.now)
    with world.store.write() as s:
        sale = sell(
            s, sup, cart(world, "S-A-14", **cheap), [Cash(eur("50"))], world.signer, now=world.now
        )
        ticket = sale.order.tickets[0]
        assert ticket.price_minor == 5000
        assert ticket.list_price_minor - ticket.discount_minor == ticket.price_minor
        assert ticket.override_reason == "obstructed by a camera"
        (placed,) = audit.entries(s, "sale")
        assert json.loads(placed.details)["overrides"] == [
            {"list": 8900, "price": 5000, "reason": "obstructed by a camera"}
        ]
        assert ticket.list_price_minor == 8900  # the list price survives the override

    override = authorise_override(
        world.store,
        world.clerk,
        "sue",
        "2468",
        Permission.PRICE_OVERRIDE,
        reason="camera",
        now=world.now,
    )
    with world.store.write() as s:
        sale = sell(
            s,
            world.clerk,
            cart(world, "S-A-15", **cheap),
            [Cash(eur("50"))],
            world.signer,
            now=world.now,
            overrides=[override],
        )
        assert sale.order.total_minor == 5000


def test_price_type_sale_window_is_enforced(world: World) -> None:
    with world.store.write() as s:
        s.execute(
            update(PriceType)
            .where(PriceType.code == "senior")
            .values(sale_starts_at=world.now + timedelta(days=1))
        )
    senior = cart(world, "S-A-14", price_type="senior")
    with pytest.raises(ValidationError, match="not on sale yet"), world.store.write() as s:
        sell(s, world.clerk, senior, [Cash(eur("72"))], world.signer, now=world.now)
    with world.store.write() as s:
        later = world.now + timedelta(days=1)
        sale = sell(s, world.clerk, senior, [Cash(eur("72"))], world.signer, now=later)
        assert sale.order.total_minor == 7200


def test_group_price_needs_ten_tickets(world: World) -> None:
    few = cart(world, "S-A-14", "S-A-15", price_type="group")
    with pytest.raises(ValidationError, match="at least 10"), world.store.write() as s:
        sell(s, world.clerk, few, [Cash(eur("200"))], world.signer, now=world.now)
    group = cart(world, *(f"S-B-{n}" for n in range(8, 18)), price_type="group")
    with world.store.write() as s:
        sale = sell(s, world.clerk, group, [Cash(eur("800"))], world.signer, now=world.now)
    assert sale.order.total_minor == 10 * 7900
    assert sale.change == eur("10.00")


def add_discount(world: World, **fields: object) -> int:
    with world.store.write() as s:
        row = Discount(**fields)
        s.add(row)
        s.flush()
        return row.id


def times_used(world: World, discount_id: int) -> int:
    with world.store.read() as s:
        row = s.get(Discount, discount_id)
        assert row is not None
        return row.times_used


def test_automatic_promotion_applies_by_itself(world: World) -> None:
    promo = add_discount(
        world,
        code=None,
        name="Early bird",
        kind="percent",
        value=1000,
        scope="ticket",
        price_types=json.dumps(["adult"]),
        zones=json.dumps(["Premium"]),
    )
    with world.store.write() as s:
        sale = sell(
            s,
            world.clerk,
            cart(world, "S-A-14", "S-A-15"),
            [Cash(eur("200"))],
            world.signer,
            now=world.now,
        )
        order = sale.order
        assert (order.subtotal_minor, order.discount_minor, order.total_minor) == (
            17800,
            1780,
            16020,
        )
        assert json.loads(order.discounts) == ["Early bird"]
        assert [t.price_minor for t in order.tickets] == [8010, 8010]
    assert times_used(world, promo) == 1
    # Not for children, nor outside Premium.
    with world.store.write() as s:
        child = sell(
            s,
            world.clerk,
            cart(world, "S-A-16", price_type="child"),
            [Cash(eur("45"))],
            world.signer,
            now=world.now,
        )
        standard = sell(
            s, world.clerk, cart(world, "S-A-1"), [Cash(eur("59"))], world.signer, now=world.now
        )
        assert child.order.total_minor == 4500
        assert standard.order.total_minor == 5900
    assert times_used(world, promo) == 1


def test_voucher_applies_only_when_typed_and_counts_its_uses(world: World) -> None:
    voucher = add_discount(
        world,
        code="FRIENDS",
        name="Friends of the theatre",
        kind="fixed",
        value=1000,
        currency="EUR",
        scope="order",
        usage_limit=2,
    )
    with world.store.write() as s:
        plain = sell(
            s, world.clerk, cart(world, "S-A-14"), [Cash(eur("89"))], world.signer, now=world.now
        )
        assert plain.order.total_minor == 8900
    assert times_used(world, voucher) == 0

    typed = cart(world, "S-A-15", "S-A-16")
    typed.voucher_codes.append("friends")
    with world.store.write() as s:
        sale = sell(s, world.clerk, typed, [Cash(eur("168"))], world.signer, now=world.now)
        assert sale.order.total_minor == 16800
        assert json.loads(sale.order.discounts) == ["FRIENDS"]
    assert times_used(world, voucher) == 1

    # An unpaid order that is cancelled gives its use back.
    pending = cart(world, "S-A-17")
    pending.voucher_codes.append("FRIENDS")
    number = place(world, pending)
    assert times_used(world, voucher) == 2
    with world.store.write() as s:
        cancel_order(s, world.clerk, get_order(s, number), reason="changed mind", now=world.now)
    assert times_used(world, voucher) == 1

    # The limit is a limit.
    again = cart(world, "S-A-18")
    again.voucher_codes.append("FRIENDS")
    number = place(world, again)
    assert times_used(world, voucher) == 2
    last = cart(world, "S-A-19")
    last.voucher_codes.append("FRIENDS")
    with pytest.raises(ValidationError), world.store.write() as s:
        place_order(s, world.clerk, last, now=world.now)
    assert times_used(world, voucher) == 2
    with pytest.raises(ValidationError, match="no voucher"), world.store.write() as s:
        unknown = cart(world, "S-A-19")
        unknown.voucher_codes.append("ENEMIES")
        place_order(s, world.clerk, unknown, now=world.now)


@pytest.mark.parametrize(
    ("price", "taken", "rounding"), [("88.52", "88.50", 2), ("88.53", "88.55", -2)]
)
def test_cash_rounding_to_five_cents(world: World, price: str, taken: str, rounding: int) -> None:
    sup = Actor(world.supervisor.user_id, "sue", world.clerk.terminal)
    odd = cart(world, "S-A-14", override_price=eur(price), override_reason="odd price")
    with world.store.write() as s:
        settings.put(s, "cash_rounding.EUR", "5")
    with world.store.write() as s:
        sale = sell(s, sup, odd, [Cash(eur("100.00"))], world.signer, now=world.now)
        order = sale.order
        assert order.total_minor == eur(price).minor  # the order itself is exact
        assert order.status == OrderStatus.PAID
        (payment,) = order.payments
        assert payment.amount_minor == eur(taken).minor
        assert payment.rounding_minor == rounding
        assert sale.change == eur("100.00") - eur(taken)
        (movement,) = s.scalars(select(CashMovement).where(SALE_MONEY)).all()
        assert movement.amount_minor == eur(taken).minor
        (logged,) = audit.entries(s, "sale")  # a one-step sale: one entry with its tenders
        assert json.loads(logged.details)["tenders"][0]["rounding"] == rounding
        assert remaining(s, order) == eur("0")


def test_no_cash_rounding_for_eur_unless_configured(world: World) -> None:
    sup = Actor(world.supervisor.user_id, "sue", world.clerk.terminal)
    odd = cart(world, "S-A-14", override_price=eur("88.52"), override_reason="odd price")
    with world.store.write() as s:
        sale = sell(s, sup, odd, [Cash(eur("90"))], world.signer, now=world.now)
    assert sale.change == eur("1.48")
    assert sale.order.payments[0].rounding_minor == 0


def test_a_seat_cannot_be_sold_twice(world: World) -> None:
    with world.store.write() as s:
        sell(s, world.clerk, cart(world, "S-A-14"), [Cash(eur("89"))], world.signer, now=world.now)
    before = snapshot(world)
    with pytest.raises(SeatsUnavailable, match="Stalls A-14"), world.store.write() as s:
        sell(
            s,
            window2(world),
            cart(world, "S-A-14", "S-A-15"),
            [Cash(eur("178"))],
            world.signer,
            now=world.now,
        )
    assert snapshot(world) == before

    # Even code that skips the holds cannot: the database's partial unique index refuses.
    with world.store.read() as s:
        sold = s.scalars(select(Ticket).where(Ticket.status == TicketStatus.VALID)).one()
        index_sql = s.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'uq_tickets_live_seat'")
        ).scalar_one()
    assert "UNIQUE" in index_sql.upper() and "status" in index_sql
    fields = {
        c: getattr(sold, c)
        for c in (
            "order_id",
            "performance_id",
            "seat_id",
            "price_zone_id",
            "price_type_id",
            "list_price_minor",
            "price_minor",
            "tax_rate_bp",
            "tax_minor",
        )
    }
    with pytest.raises(IntegrityError), world.store.write() as s:
        s.add(Ticket(**fields, status=TicketStatus.VALID))
        s.flush()
    with pytest.raises(IntegrityError), world.store.write() as s:
        s.add(Ticket(**fields, status=TicketStatus.PENDING))
        s.flush()
    # A dead ticket for the seat does not occupy it.
    with world.store.write() as s:
        s.add(Ticket(**fields, status=TicketStatus.CANCELLED))
        s.flush()


def test_cart_whose_hold_lapsed_loses_the_seat_to_the_faster_window(world: World) -> None:
    seat = [world.seats["S-A-14"]]
    with world.store.write() as s:
        hold_seats(s, world.clerk, world.performance, seat, "slow", now=world.now)
    later = world.now + timedelta(minutes=11)
    with world.store.write() as s:
        fast = cart(world, "S-A-14")
        sell(s, window2(world), fast, [Cash(eur("89"))], world.signer, now=later)
    slow = cart(world, "S-A-14")
    slow.cart_id = "slow"
    with pytest.raises(SeatsUnavailable), world.store.write() as s:
        place_order(s, world.clerk, slow, now=later + timedelta(minutes=1))


def test_seat_is_sellable_again_after_cancellation_or_refund(world: World) -> None:
    number = place(world, cart(world, "S-A-14"))
    with world.store.write() as s:
        cancel_order(s, world.clerk, get_order(s, number), reason="walked away", now=world.now)
        assert get_order(s, number).tickets[0].status == TicketStatus.CANCELLED
    with world.store.write() as s:
        sale = sell(
            s, window2(world), cart(world, "S-A-14"), [Cash(eur("89"))], world.signer, now=world.now
        )
        number = sale.order.number
    sup = Actor(world.supervisor.user_id, "sue", world.clerk.terminal)
    with world.store.write() as s:
        refunds.refund(s, sup, get_order(s, number), reason="ill", now=world.now)
        assert get_order(s, number).tickets[0].status == TicketStatus.REFUNDED
        states = seat_states(s, world.performance, world.clerk.terminal, now=world.now)
        assert states.state(world.seats["S-A-14"]) == SeatState.AVAILABLE
    with world.store.write() as s:
        third = sell(
            s, world.clerk, cart(world, "S-A-14"), [Cash(eur("89"))], world.signer, now=world.now
        )
        assert third.order.status == OrderStatus.PAID
    with world.store.read() as s:
        live = s.scalar(
            select(func.count())
            .select_from(Ticket)
            .where(Ticket.seat_id == world.seats["S-A-14"], Ticket.status == TicketStatus.VALID)
        )
    assert live == 1


def test_gift_card_amount_in_another_currency_is_refused(world: World) -> None:
    gift_card(world, "GC-50", "50.00")
    number = place(world, cart(world, "S-A-14"))
    with pytest.raises(ValidationError, match="EUR"):
        pay_one(world, number, GiftCardTender("GC-50", Money.of("10.00", "USD")))
    assert balance(world, "GC-50") == 5000
