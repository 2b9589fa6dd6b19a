"""Will-call pickup and manual redemption of vouchers and gift cards."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from boxoffice import audit
from boxoffice.actor import system_actor
from boxoffice.auth.overrides import authorise_override
from boxoffice.auth.permissions import Permission
from boxoffice.catalogue import discounts
from boxoffice.catalogue.rules import Discount as RuleDiscount
from boxoffice.checkin.verdicts import Outcome
from boxoffice.errors import NotFound, PermissionDenied, ValidationError
from boxoffice.money import Money
from boxoffice.sales import checkout, refunds
from boxoffice.sales.cart import CustomerDetails
from boxoffice.sales.pricing import apply_voucher_code
from boxoffice.store.models import (
    BarcodeRevocation,
    Discount,
    GiftCard,
    ManualRedemption,
    OutboxEntry,
    Ticket,
)
from boxoffice.willcall import collect, lookup, redeem
from tests.checkin.conftest import DoorWorld
from tests.sales.helpers import cart, eur, snapshot

LI = CustomerDetails("Li Wei", "+86 138-0013-8000", "li.wei@example.cn")
ANNA = CustomerDetails("Anna Schmidt", "+49 30 1234567", "anna@example.de")


def _card_sale(dw: DoorWorld, *guids: str, customer: CustomerDetails, last4: str) -> str:
    w = dw.world
    w.terminal.last4 = last4
    with w.store.write() as s:
        order = checkout.place_order(s, w.clerk, cart(w, *guids), now=w.now, customer=customer)
        due = checkout.remaining(s, order)
        approved = w.terminal.authorise(due, order.number)
        checkout.pay(s, w.clerk, order, checkout.Card(approved), w.signer, now=w.now)
        return order.number


def _numbers(dw: DoorWorld, text: str = "", card: str = "") -> list[str]:
    with dw.world.store.read() as s:
        return [m.number for m in lookup.find_orders(s, dw.doorman, text, card_last_digits=card)]


def test_find_an_order_by_number_name_phone_email_or_card_digits(dw: DoorWorld) -> None:
    li = _card_sale(dw, "S-A-1", "S-A-2", customer=LI, last4="4242")
    anna = _card_sale(dw, "S-A-3", customer=ANNA, last4="1881")
    assert _numbers(dw, li.lower()) == [li]
    assert _numbers(dw, "li wei") == [li]
    assert _numbers(dw, "8000") == [li]  # last digits of the phone
    assert _numbers(dw, "ANNA@example.de") == [anna]
    assert _numbers(dw, card="1881") == [anna]
    assert _numbers(dw, card="42") == [li]
    assert _numbers(dw, "li wei", card="1881") == []  # both must match
    with dw.world.store.read() as s:
        (match,) = lookup.find_orders(s, dw.doorman, li)
    assert (match.customer, match.valid_tickets, match.collected, match.card_last4) == (
        "Li Wei",
        2,
        0,
        "4242",
    )


@pytest.mark.parametrize(
    ("text", "card", "message"),
    [
        ("", "", "type an order number"),
        ("", "12345", "2 to 4"),
        ("", "ab", "2 to 4"),
        ("x", "", "two"),
    ],
)
def test_lookup_refuses_vague_searches(dw: DoorWorld, text: str, card: str, message: str) -> None:
    with dw.world.store.read() as s, pytest.raises(ValidationError, match=message):
        lookup.find_orders(s, dw.doorman, text, card_last_digits=card)


def test_collecting_lists_the_tickets_to_print_and_marks_them_collected(dw: DoorWorld) -> None:
    w = dw.world
    number = _card_sale(dw, "S-A-1", "S-A-2", customer=LI, last4="4242")
    with w.store.write() as s:
        result = collect.collect(s, dw.doorman, number, w.signer, now=w.now)
        printed = [(i.serial, i.barcode, i.reprint) for i in result.to_print]
        rows = list(s.scalars(select(Ticket).where(Ticket.order_id == result.order.id)))
    assert [p[2] for p in printed] == [False, False]
    assert [p[1] for p in printed] == [t.barcode for t in rows]  # the issued barcodes
    assert all(t.collected_at == w.now for t in rows)
    with w.store.read() as s:
        entry = audit.entries(s, "will_call.collect")[-1]
        assert entry.username == "dora" and rows[0].serial in entry.details
        assert s.scalars(select(OutboxEntry.kind).order_by(OutboxEntry.id.desc())).first() == (
            "will_call"
        )


def test_a_second_hand_out_is_a_reprint_with_reason_and_permission(dw: DoorWorld) -> None:
    w = dw.world
    number = _card_sale(dw, "S-A-1", customer=LI, last4="4242")
    with w.store.write() as s:
        (first,) = collect.collect(s, dw.doorman, number, w.signer, now=w.now).to_print
    before = snapshot(w)
    with w.store.write() as s, pytest.raises(ValidationError, match="already handed out"):
        collect.collect(s, dw.doorman, number, w.signer, now=w.now)
    with w.store.write() as s, pytest.raises(PermissionDenied, match="reprint"):
        collect.collect(s, dw.doorman, number, w.signer, reprint_reason="lost it", now=w.now)
    assert snapshot(w) == before
    override = authorise_override(
        w.store, dw.doorman, "sue", "2468", Permission.REPRINT, reason="lost tickets", now=w.now
    )
    with w.store.write() as s:
        (second,) = collect.collect(
            s,
            dw.doorman,
            number,
            w.signer,
            reprint_reason="lost it",
            overrides=[override],
            now=w.now,
        ).to_print
    assert second.reprint and second.reissue == 1 and second.barcode != first.barcode
    with w.store.read() as s:
        revoked = s.scalars(select(BarcodeRevocation.reason)).all()
    assert revoked == ["reprinted"]
    # At the door the first copy is dead, the reprint admits.
    door = dw.door()
    assert door.scan(first.barcode, now=dw.at_door).outcome is Outcome.REVOKED
    assert door.scan(second.barcode, now=dw.at_door).outcome is Outcome.ADMITTED


def test_unpaid_and_refunded_orders_are_not_handed_out(dw: DoorWorld) -> None:
    w = dw.world
    with w.store.write() as s:
        reserved = checkout.place_order(
            s,
            w.clerk,
            cart(w, "S-B-1"),
            now=w.now,
            reserve_until=w.now + timedelta(days=1),
            customer=LI,
        ).number
    number = _card_sale(dw, "S-A-1", customer=ANNA, last4="1881")
    with w.store.write() as s:
        order = checkout.get_order(s, number)
        refunds.refund(s, w.supervisor, order, reason="ill", to_cash=True, now=w.now)
    with w.store.write() as s, pytest.raises(ValidationError, match="not paid"):
        collect.collect(s, dw.doorman, reserved, w.signer, now=w.now)
    with w.store.write() as s, pytest.raises(ValidationError, match="no valid tickets"):
        collect.collect(s, dw.doorman, number, w.signer, now=w.now)
    with w.store.write() as s, pytest.raises(NotFound):
        collect.collect(s, dw.doorman, "W1-999999", w.signer, now=w.now)


# --------------------------------------------------------------------------- redemption


def _customer(dw: DoorWorld, details: CustomerDetails = LI) -> int:
    number = _card_sale(dw, "S-C-1" if details is LI else "S-C-2", customer=details, last4="4242")
    with dw.world.store.read() as s:
        customer_id = checkout.get_order(s, number).customer_id
    assert customer_id is not None
    return customer_id


def _voucher(dw: DoorWorld, code: str = "FREEDRINK", **kw: object) -> None:
    with dw.world.store.write() as s:
        discounts.add_discount(
            s,
            system_actor(),
            "Free drink",
            code=code,
            amount=eur("5.00"),
            **kw,  # type: ignore[arg-type]
        )


def test_voucher_redemption_records_who_why_and_for_whom(dw: DoorWorld) -> None:
    w = dw.world
    customer = _customer(dw)
    _voucher(dw, usage_limit=2)
    with w.store.write() as s:
        row = redeem.redeem_voucher(
            s, dw.doorman, " freedrink ", reason="barcode torn", customer_id=customer, now=w.now
        )
    assert (row.code, row.username, row.reason, row.customer_id) == (
        "FREEDRINK",
        "dora",
        "barcode torn",
        customer,
    )
    with w.store.read() as s:
        (entry,) = audit.entries(s, "redeem.voucher")
        assert entry.username == "dora" and "barcode torn" in entry.details


def test_voucher_validity_window_and_uses_left(dw: DoorWorld) -> None:
    w = dw.world
    customer = _customer(dw)
    _voucher(dw, "LATER", valid_from=w.now + timedelta(days=1))
    _voucher(dw, "OVER", valid_to=w.now - timedelta(days=1))
    _voucher(dw, "ONCE", usage_limit=1)
    go = dict(reason="scanner broken", customer_id=customer, now=w.now)
    with w.store.write() as s, pytest.raises(ValidationError, match="valid from"):
        redeem.redeem_voucher(s, dw.doorman, "LATER", **go)  # type: ignore[arg-type]
    with w.store.write() as s, pytest.raises(ValidationError, match="expired"):
        redeem.redeem_voucher(s, dw.doorman, "OVER", **go)  # type: ignore[arg-type]
    with w.store.write() as s:
        redeem.redeem_voucher(s, dw.doorman, "ONCE", **go)  # type: ignore[arg-type]
    with w.store.write() as s, pytest.raises(ValidationError, match="used up"):
        redeem.redeem_voucher(s, dw.doorman, "ONCE", **go)  # type: ignore[arg-type]
    with w.store.write() as s, pytest.raises(NotFound, match="NOPE"):
        redeem.redeem_voucher(s, dw.doorman, "nope", **go)  # type: ignore[arg-type]


def test_a_voucher_ends_at_the_same_instant_at_the_door_as_at_the_till(dw: DoorWorld) -> None:
    """One validity check (``catalogue.rules.validity_problem``): the end is exclusive."""
    w = dw.world
    customer = _customer(dw)
    _voucher(dw, "ENDS", valid_to=w.now)
    with w.store.write() as s, pytest.raises(ValidationError) as door:
        redeem.redeem_voucher(s, dw.doorman, "ends", reason="torn", customer_id=customer, now=w.now)
    with w.store.read() as s:
        record = s.scalar(select(Discount).where(Discount.code == "ENDS"))
        rule = RuleDiscount.from_record(record, "EUR")
    with pytest.raises(ValidationError) as till:
        apply_voucher_code("ends", [rule], now=w.now)
    assert door.value.code == till.value.code == "discount_expired"
    assert door.value.params == till.value.params
    assert str(door.value).startswith("voucher ENDS expired on")


def test_daily_limit_per_customer_on_manual_redemption(dw: DoorWorld) -> None:
    w = dw.world
    li, anna = _customer(dw, LI), _customer(dw, ANNA)
    _voucher(dw, "DRINK")
    for i in range(redeem.DEFAULT_DAILY_LIMIT):
        with w.store.write() as s:
            redeem.redeem_voucher(
                s,
                dw.doorman,
                "DRINK",
                reason="torn",
                customer_id=li,
                now=w.now + timedelta(hours=i),
            )
    before = snapshot(w)
    with w.store.write() as s, pytest.raises(ValidationError, match="limit 3 a day"):
        redeem.redeem_voucher(
            s, dw.doorman, "DRINK", reason="torn", customer_id=li, now=w.now + timedelta(hours=5)
        )
    assert snapshot(w) == before
    with w.store.write() as s:  # another customer, and the same customer tomorrow, may
        redeem.redeem_voucher(s, dw.doorman, "DRINK", reason="torn", customer_id=anna, now=w.now)
        redeem.redeem_voucher(
            s, dw.doorman, "DRINK", reason="torn", customer_id=li, now=w.now + timedelta(days=1)
        )
    with w.store.read() as s:
        assert len(s.scalars(select(ManualRedemption)).all()) == 5


def test_the_daily_limit_counts_the_venues_day_not_the_utc_one(dw: DoorWorld) -> None:
    from datetime import UTC, datetime

    from boxoffice import settings

    w = dw.world
    li = _customer(dw, LI)
    _voucher(dw, "DRINK")
    with w.store.write() as s:
        settings.put(s, "reports.timezone", "Asia/Shanghai")  # UTC+8: the day starts 16:00 UTC
    evening = datetime(2030, 6, 1, 16, 30, tzinfo=UTC)  # already 2 June in Shanghai
    for _ in range(redeem.DEFAULT_DAILY_LIMIT):
        with w.store.write() as s:
            redeem.redeem_voucher(
                s, dw.doorman, "DRINK", reason="torn", customer_id=li, now=evening
            )
    next_utc_day = datetime(2030, 6, 2, 1, 0, tzinfo=UTC)  # still 2 June in Shanghai
    with w.store.write() as s, pytest.raises(ValidationError, match="limit 3 a day"):
        redeem.redeem_voucher(
            s, dw.doorman, "DRINK", reason="torn", customer_id=li, now=next_utc_day
        )
    with w.store.write() as s:  # 3 June in Shanghai
        redeem.redeem_voucher(
            s,
            dw.doorman,
            "DRINK",
            reason="torn",
            customer_id=li,
            now=datetime(2030, 6, 2, 16, 0, tzinfo=UTC),
        )


def test_gift_card_redemption_checks_balance_expiry_and_currency(dw: DoorWorld) -> None:
    w = dw.world
    customer = _customer(dw)
    with w.store.write() as s:
        discounts.issue_gift_card(s, system_actor(), "GIFT-123456", eur("20.00"))
        discounts.issue_gift_card(
            s, system_actor(), "OLD-654321", eur("20.00"), valid_to=w.now - timedelta(days=1)
        )
    go = dict(reason="card unreadable", customer_id=customer, now=w.now)
    with w.store.write() as s:
        redeem.redeem_gift_card(s, dw.doorman, "gift-123456", eur("12.50"), **go)  # type: ignore[arg-type]
    with w.store.write() as s, pytest.raises(ValidationError, match="holds only"):
        redeem.redeem_gift_card(s, dw.doorman, "GIFT-123456", eur("8.00"), **go)  # type: ignore[arg-type]
    with w.store.write() as s, pytest.raises(ValidationError, match="expired"):
        redeem.redeem_gift_card(s, dw.doorman, "OLD-654321", eur("1.00"), **go)  # type: ignore[arg-type]
    with w.store.write() as s, pytest.raises(ValidationError, match="CNY"):
        redeem.redeem_gift_card(
            s,
            dw.doorman,
            "GIFT-123456",
            Money.of("1", "CNY"),
            **go,  # type: ignore[arg-type]
        )
    with w.store.read() as s:
        card = s.scalars(select(GiftCard).where(GiftCard.code == "GIFT-123456")).one()
    assert card.balance_minor == 750


def test_manual_redemption_needs_a_reason_and_a_known_customer(dw: DoorWorld) -> None:
    w = dw.world
    customer = _customer(dw)
    _voucher(dw, "DRINK")
    before = snapshot(w)
    with w.store.write() as s, pytest.raises(ValidationError, match="reason"):
        redeem.redeem_voucher(s, dw.doorman, "DRINK", reason="  ", customer_id=customer, now=w.now)
    with w.store.write() as s, pytest.raises(ValidationError, match="name the customer"):
        redeem.redeem_voucher(s, dw.doorman, "DRINK", reason="torn", now=w.now)
    with w.store.write() as s, pytest.raises(NotFound, match="no customer 999"):
        redeem.redeem_voucher(s, dw.doorman, "DRINK", reason="torn", customer_id=999, now=w.now)
    assert snapshot(w) == before
