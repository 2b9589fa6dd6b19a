"""Voids (same terminal, same day, stock back, every tender reversed) and reprints."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from boxoffice import audit, settings
from boxoffice.actor import Actor
from boxoffice.auth.overrides import authorise_override
from boxoffice.auth.permissions import Permission
from boxoffice.errors import BoxOfficeError, NotFound, PermissionDenied, ValidationError
from boxoffice.money import Money
from boxoffice.sales import barcodes, checkout, refunds, reprints, tender_reversal, tickets, voids
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.sales.payment_terminal import CardResult
from boxoffice.sales.signer import trusted_keys
from boxoffice.shifts import drawer
from boxoffice.store.models import (
    BarcodeRevocation,
    CashMovement,
    OrderStatus,
    OutboxEntry,
    Payment,
    TenderKind,
    Ticket,
    TicketStatus,
)
from tests.sales.conftest import FLOAT, World
from tests.sales.helpers import SALE_MONEY, cart, close_shift_of, eur, snapshot


def sell(world: World, guids: Sequence[str], tenders: Sequence[checkout.Tender]) -> str:
    with world.store.write() as s:
        sale = checkout.sell(
            s, world.clerk, cart(world, *guids), tenders, world.signer, now=world.now
        )
        return sale.order.number


def sell_cash(world: World, *guids: str) -> str:
    """Premium adult seats (89.00 each), paid in exact cash."""
    return sell(world, guids, [checkout.Cash(eur("89.00") * len(guids))])


def ticket_ids(world: World, number: str) -> list[int]:
    with world.store.read() as s:
        return [t.id for t in checkout.get_order(s, number).tickets]


def cash_total(world: World) -> int:
    with world.store.read() as s:
        return int(
            s.scalar(
                select(func.coalesce(func.sum(CashMovement.amount_minor), 0)).where(SALE_MONEY)
            )
            or 0
        )


def card_refunds(world: World, number: str) -> dict[int, CardResult]:
    """What the terminal gives back on each card tender for a full void."""
    with world.store.read() as s:
        order = checkout.get_order(s, number)
        allocations = tender_reversal.allocate_refund(
            s, order, Money(order.total_minor, order.currency)
        )
        originals = {p.id: p for p in order.payments}
    return {
        a.payment_id: world.terminal.refund(
            a.amount, number, tender_reversal.original_card(originals[a.payment_id])
        )
        for a in tender_reversal.card_refunds_needed(allocations)
    }


def do_void(world: World, actor: Actor, number: str, **kwargs: object) -> list[Payment]:
    kwargs.setdefault("now", world.now)
    with world.store.write() as s:
        return voids.void(s, actor, checkout.get_order(s, number), reason="wrong date", **kwargs)


# -- voids ------------------------------------------------------------------------
def test_a_void_needs_the_void_permission(world: World) -> None:
    number = sell_cash(world, "S-A-14")
    before = snapshot(world)
    with pytest.raises(PermissionDenied, match="void"):
        do_void(world, world.clerk, number)
    assert snapshot(world) == before


def test_a_clerk_voids_with_an_override(world: World) -> None:
    number = sell_cash(world, "S-A-14")
    override = authorise_override(
        world.store,
        world.clerk,
        "sue",
        "2468",
        Permission.VOID,
        subject=f"order:{number}",
        reason="wrong date",
        now=world.now,
    )
    do_void(world, world.clerk, number, overrides=[override])
    with world.store.read() as s:
        assert checkout.get_order(s, number).status == OrderStatus.VOIDED


def test_a_void_needs_a_reason(world: World) -> None:
    number = sell_cash(world, "S-A-14")
    with world.store.write() as s, pytest.raises(ValidationError, match="reason"):
        voids.void(s, world.supervisor, checkout.get_order(s, number), reason="", now=world.now)


def test_only_at_the_terminal_that_sold(world: World) -> None:
    number = sell_cash(world, "S-A-14")
    elsewhere = Actor(world.supervisor.user_id, "sue", "Window 2")
    before = snapshot(world)
    with pytest.raises(ValidationError, match="Window 1"):
        do_void(world, elsewhere, number)
    assert snapshot(world) == before


def test_not_after_the_shift_that_sold_it_closed(world: World) -> None:
    number = sell_cash(world, "S-A-14")  # sold at 12:00 UTC
    close_shift_of(world, "ann", at=world.now + timedelta(hours=1))
    with world.store.write() as s:  # ann is back at the window with a fresh drawer
        drawer.open_shift(s, world.clerk, FLOAT, now=world.now + timedelta(hours=2))
    before = snapshot(world)
    with pytest.raises(ValidationError, match="earlier shift"):
        do_void(world, world.supervisor, number, now=world.now + timedelta(hours=2))
    assert snapshot(world) == before


def test_later_the_same_day_is_fine(world: World) -> None:
    number = sell_cash(world, "S-A-14")
    do_void(world, world.supervisor, number, now=world.now + timedelta(hours=11))
    assert cash_total(world) == 0


def test_printed_tickets_need_their_stock_back(world: World) -> None:
    number = sell_cash(world, "S-A-14", "S-A-15")
    first, _ = ticket_ids(world, number)
    with world.store.write() as s:
        tickets.mark_printed(s, [first], world.now)
    before = snapshot(world)
    with pytest.raises(ValidationError, match="printed"):
        do_void(world, world.supervisor, number)
    assert snapshot(world) == before
    do_void(world, world.supervisor, number, stock_returned=True)
    with world.store.read() as s:
        entry = audit.entries(s, "void")[-1]
        serial = s.get(Ticket, first).serial  # type: ignore[union-attr]
        assert json.loads(entry.details)["stock_returned"] == [serial]


def test_a_void_reverses_every_tender_in_full(world: World) -> None:
    card = world.terminal.authorise(eur("100.00"), "sale")
    # 178.00: 100.00 on the card, 100.00 cash handed over, 22.00 change.
    number = sell(world, ["S-A-14", "S-A-15"], [checkout.Card(card), checkout.Cash(eur("100"))])
    assert cash_total(world) == 7800
    world.terminal.journal.clear()
    results = card_refunds(world, number)
    booked = do_void(world, world.supervisor, number, card_results=results)
    assert sorted((p.kind, p.amount_minor) for p in booked) == [
        (TenderKind.CARD, -10000),
        (TenderKind.CASH, -7800),
    ]
    assert [(k, a) for k, a, _ in world.terminal.journal] == [("refund", eur("100.00"))]
    assert cash_total(world) == 0  # what came into the drawer went out again
    ids = ticket_ids(world, number)
    with world.store.read() as s:
        order = checkout.get_order(s, number)
        assert order.status == OrderStatus.VOIDED and order.closed_at is not None
        assert {t.status for t in order.tickets} == {TicketStatus.VOIDED}
        assert sum(p.amount_minor for p in order.payments) == 0
        revoked = s.scalars(select(BarcodeRevocation)).all()
        assert sorted((r.ticket_id, r.reason, r.up_to_reissue) for r in revoked) == [
            (i, "voided", 0) for i in ids
        ]
        assert [e.subject for e in audit.entries(s, "void")] == [f"order:{number}"]
        assert s.scalar(select(func.count()).where(OutboxEntry.kind == "void")) == 1
    # The seats are free again.
    sell_cash(world, "S-A-14", "S-A-15")


def test_a_card_void_needs_the_terminal_first(world: World) -> None:
    card = world.terminal.authorise(eur("89.00"), "sale")
    number = sell(world, ["S-A-14"], [checkout.Card(card)])
    before = snapshot(world)
    with pytest.raises(ValidationError, match="terminal"):
        do_void(world, world.supervisor, number)
    assert snapshot(world) == before


def test_a_partly_refunded_order_cannot_be_voided(world: World) -> None:
    number = sell_cash(world, "S-A-14", "S-A-15")
    first, _ = ticket_ids(world, number)
    with world.store.write() as s:
        refunds.refund(
            s, world.supervisor, checkout.get_order(s, number), [first], reason="x", now=world.now
        )
    before = snapshot(world)
    with pytest.raises(ValidationError, match="refund"):
        do_void(world, world.supervisor, number)
    assert snapshot(world) == before


def test_a_voided_order_cannot_be_voided_or_refunded_again(world: World) -> None:
    number = sell_cash(world, "S-A-14")
    do_void(world, world.supervisor, number)
    before = snapshot(world)
    with pytest.raises(ValidationError, match="voided"):
        do_void(world, world.supervisor, number)
    with world.store.write() as s, pytest.raises(ValidationError, match="voided"):
        refunds.refund(
            s, world.supervisor, checkout.get_order(s, number), reason="x", now=world.now
        )
    assert snapshot(world) == before


# -- reprints ---------------------------------------------------------------------
def do_reprint(world: World, actor: Actor, ticket_id: int, **kwargs: object) -> Ticket:
    kwargs.setdefault("now", world.now)
    with world.store.write() as s:
        return reprints.reprint(
            s, actor, ticket_id, world.signer, reason="printer jammed", **kwargs
        )


def test_a_clerk_may_not_reprint(world: World) -> None:
    number = sell_cash(world, "S-A-14")
    (tid,) = ticket_ids(world, number)
    before = snapshot(world)
    with pytest.raises(PermissionDenied, match="reprint"):
        do_reprint(world, world.clerk, tid)
    assert snapshot(world) == before


def test_an_override_allows_one_reprint(world: World) -> None:
    number = sell_cash(world, "S-A-14")
    (tid,) = ticket_ids(world, number)
    override = authorise_override(
        world.store, world.clerk, "sue", "2468", Permission.REPRINT, reason="jam", now=world.now
    )
    assert do_reprint(world, world.clerk, tid, overrides=[override]).reissue == 1
    before = snapshot(world)
    with pytest.raises(PermissionDenied, match="already been used"):
        do_reprint(world, world.clerk, tid, overrides=[override])
    assert snapshot(world) == before


def test_a_reprint_needs_a_reason(world: World) -> None:
    number = sell_cash(world, "S-A-14")
    (tid,) = ticket_ids(world, number)
    with world.store.write() as s, pytest.raises(ValidationError, match="reason"):
        reprints.reprint(s, world.supervisor, tid, world.signer, reason=" ", now=world.now)


def test_an_unknown_ticket_cannot_be_reprinted(world: World) -> None:
    with pytest.raises(NotFound):
        do_reprint(world, world.supervisor, 999_999)


def test_a_reprint_issues_a_new_generation_and_revokes_the_old(world: World) -> None:
    number = sell_cash(world, "S-A-14")
    (tid,) = ticket_ids(world, number)
    with world.store.read() as s:
        old = s.get(Ticket, tid)
        assert old is not None and old.reissue == 0
        old_code, serial = old.barcode, old.serial
    later = world.now + timedelta(minutes=5)
    ticket = do_reprint(world, world.supervisor, tid, now=later)
    assert ticket.reissue == 1 and ticket.barcode != old_code
    with world.store.read() as s:
        keys = trusted_keys(s)
        revoked = s.scalars(select(BarcodeRevocation)).all()
        assert [(r.ticket_id, r.serial, r.up_to_reissue, r.reason) for r in revoked] == [
            (tid, serial, 0, "reprinted")
        ]
        entry = audit.entries(s, "reprint")[-1]
        assert entry.subject == f"ticket:{serial}"
        assert json.loads(entry.details)["revoked_up_to"] == 0
        assert s.scalar(select(func.count()).where(OutboxEntry.kind == "reprint")) == 1
    assert ticket.barcode is not None and old_code is not None
    checked = barcodes.verify(ticket.barcode, keys, performance_id=world.performance, now=later)
    assert checked.genuine, checked.reason
    assert checked.claim is not None
    assert checked.claim.reissue == 1 and checked.claim.ticket_id == tid
    assert checked.claim.issued_at == later
    # The old code is still a genuine signature, but generation 0 is revoked.
    old_claim = barcodes.verify(old_code, keys, now=later).claim
    assert old_claim is not None and old_claim.reissue == 0
    # A second reprint revokes generation 1 as well.
    ticket = do_reprint(world, world.supervisor, tid, now=later)
    assert ticket.reissue == 2
    with world.store.read() as s:
        ups = s.scalars(
            select(BarcodeRevocation.up_to_reissue).order_by(BarcodeRevocation.id)
        ).all()
        assert ups == [0, 1]


def test_a_refunded_ticket_cannot_be_reprinted(world: World) -> None:
    number = sell_cash(world, "S-A-14")
    (tid,) = ticket_ids(world, number)
    with world.store.write() as s:
        refunds.refund(
            s, world.supervisor, checkout.get_order(s, number), reason="x", now=world.now
        )
    before = snapshot(world)
    with pytest.raises(ValidationError, match="refunded"):
        do_reprint(world, world.supervisor, tid)
    assert snapshot(world) == before


def test_a_voided_ticket_cannot_be_reprinted(world: World) -> None:
    number = sell_cash(world, "S-A-14")
    (tid,) = ticket_ids(world, number)
    do_void(world, world.supervisor, number)
    with pytest.raises(BoxOfficeError, match="voided"):
        do_reprint(world, world.supervisor, tid)


def test_a_reprinted_ticket_is_still_refundable_and_its_last_generation_revoked(
    world: World,
) -> None:
    number = sell_cash(world, "S-A-14")
    (tid,) = ticket_ids(world, number)
    do_reprint(world, world.supervisor, tid)
    with world.store.write() as s:
        refunds.refund(
            s, world.supervisor, checkout.get_order(s, number), reason="x", now=world.now
        )
    with world.store.read() as s:
        rows = s.scalars(select(BarcodeRevocation).order_by(BarcodeRevocation.id)).all()
        assert [(r.up_to_reissue, r.reason) for r in rows] == [(0, "reprinted"), (1, "refunded")]
        assert s.scalar(select(func.sum(Payment.amount_minor))) == 0


@pytest.mark.parametrize(("price_type", "paid"), [("senior", 7000), ("student", 4000)])
def test_a_void_of_a_rounded_cash_sale_empties_what_it_took(
    world: World, price_type: str, paid: int
) -> None:
    """With cash rounded to 5.00, 72.00 is paid as 70.00 and 39.00 as 40.00: all goes back."""
    with world.store.write() as s:
        settings.put(s, "cash_rounding.EUR", "500")
    c = Cart([CartItem(world.performance, price_type, seat_id=world.seats["S-A-14"])])
    with world.store.write() as s:
        sale = checkout.sell(
            s, world.clerk, c, [checkout.Cash(eur("100"))], world.signer, now=world.now
        )
        number = sale.order.number
        assert sale.change.minor == 10000 - paid
    assert cash_total(world) == paid
    do_void(world, world.supervisor, number)
    assert cash_total(world) == 0
    with world.store.read() as s:
        order = checkout.get_order(s, number)
        assert sum(p.amount_minor + p.rounding_minor for p in order.payments) == 0


def test_a_void_follows_the_shift_not_the_calendar(world: World) -> None:
    """A shift that runs past midnight can still void its own sales; the void empties it."""
    number = _sell_for_void(world)
    with world.store.write() as s:
        voids.void(
            s,
            world.supervisor,
            checkout.get_order(s, number),
            reason="x",
            now=world.now + timedelta(hours=13),  # 01:00 the next day, same shift
        )
        moves = s.scalars(select(CashMovement).where(CashMovement.order_id.is_not(None))).all()
        # Both the sale and its void are on ann's drawer, not on sue's.
        assert {m.shift_id for m in moves} == {world.shifts[("ann", "Window 1")]}
        assert sum(m.amount_minor for m in moves) == 0


def _sell_for_void(world: World) -> str:
    cart = Cart([CartItem(world.performance, "adult", seat_id=world.seats["S-D-3"])])
    with world.store.write() as s:
        sale = checkout.sell(
            s,
            world.clerk,
            cart,
            [checkout.Cash(Money.of("100", "EUR"))],
            world.signer,
            now=world.now,
        )
        return sale.order.number
