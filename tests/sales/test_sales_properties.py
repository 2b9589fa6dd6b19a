"""Properties over random sequences of sales, refunds, exchanges, voids and reprints.

Each example starts from a fresh copy of the sales template store and runs a
random list of operations on a small pool of seats (so they collide often).
Before each operation the test predicts from the store whether it must
succeed; a refused operation must raise a ``BoxOfficeError`` and leave the
store exactly as it was. After each operation:

1. no seat has two live (pending/reserved/valid) tickets for one performance;
2. per order, the money identity holds::

       Σ captured payments (amount + rounding, refunds negative)
           == Σ price of its valid tickets + Σ refund fees kept on its refunded tickets

   i.e. what came in minus what went back (or moved on as exchange credit)
   is exactly the value the customer still holds plus the fees the house
   kept; and the order total equals the sum of its tenders minus change
   (cash: tendered − change) plus cash rounding, which is also the sum of its
   ticket prices. Half of the examples round cash to 5.00, as a venue may
   configure, so refunds and voids of rounded cash sales are covered too;
3. the cash movements add up to the cash payments (taken minus given back),
   and both equal the test's own count of the notes handed over minus the
   change and the cash refunds; card payments add up to the terminal's
   journal (sales − refunds − reversals); and cash plus card never add up to
   less than nothing (complimentary value never turns into money);
4. every refunded, voided or exchanged ticket's barcode is revoked up to its
   current generation, every valid ticket's current generation is not;
5. at the end the audit chain verifies.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from boxoffice import audit, settings
from boxoffice.actor import Actor, system_actor
from boxoffice.catalogue import discounts
from boxoffice.errors import BoxOfficeError
from boxoffice.money import Money
from boxoffice.ops import aftersale
from boxoffice.sales import checkout, exchanges, reprints, tender_reversal, voids
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.sales.payment_terminal import CardResult, SimulatedTerminal
from boxoffice.sales.quote import quote
from boxoffice.sales.signer import open_signer, register
from boxoffice.store import open_store
from boxoffice.store.models import (
    LIVE_TICKET_STATES,
    BarcodeRevocation,
    CashMovement,
    Order,
    OrderStatus,
    Payment,
    PaymentStatus,
    Seat,
    TenderKind,
    Ticket,
    TicketStatus,
    User,
)
from tests.sales.aftersale_helpers import ctx_of
from tests.sales.conftest import TERMINAL, World, open_test_shifts
from tests.sales.helpers import SALE_MONEY

#: Premium, Standard, Restricted view, Box and Wheelchair seats, some side by side.
POOL = (
    "S-A-14",
    "S-A-15",
    "S-A-16",
    "S-A-1",
    "S-A-2",
    "S-B-10",
    "C-A-1",
    "C-A-15",
    "BA-1",
    "BA-2",
    "S-W-2",
    "S-W-4",
)
PRICE_TYPES = ("adult", "concession")
WATCHED = (
    "orders",
    "tickets",
    "payments",
    "cash_movements",
    "barcode_revocations",
    "outbox",
    "audit_log",
    "cart_holds",
    "counters",
)


# -- operations ---------------------------------------------------------------------
@dataclass(frozen=True)
class Sell:
    performance: int  # 0 or 1
    seats: tuple[str, ...]
    price_type: str
    tender: str  # exact | over | card | split | comp (half cash, half comp, by the supervisor)


@dataclass(frozen=True)
class Refund:
    order: int
    tickets: tuple[int, ...] | None  # indexes into the order's tickets; None = all valid


@dataclass(frozen=True)
class Exchange:
    order: int
    tickets: tuple[int, ...]
    performance: int
    seats: tuple[str, ...]
    price_type: str
    tender: str  # none | cash | card


@dataclass(frozen=True)
class Void:
    order: int


@dataclass(frozen=True)
class Reprint:
    order: int
    ticket: int


Op = Sell | Refund | Exchange | Void | Reprint

seats = st.lists(st.sampled_from(POOL), min_size=1, max_size=3, unique=True).map(tuple)
picks = st.lists(st.integers(0, 5), min_size=1, max_size=2, unique=True).map(tuple)
sells = st.builds(
    Sell,
    st.integers(0, 1),
    seats,
    st.sampled_from(PRICE_TYPES),
    st.sampled_from(["exact", "over", "card", "split", "comp"]),
)
ops = st.one_of(
    sells,
    sells,  # twice as likely as the rest: the others need orders to work on
    st.builds(Refund, st.integers(0, 20), st.none() | picks),
    st.builds(
        Exchange,
        st.integers(0, 20),
        picks,
        st.integers(0, 1),
        seats.map(lambda s: s[:2]),
        st.sampled_from(PRICE_TYPES),
        st.sampled_from(["none", "cash", "card"]),
    ),
    st.builds(Void, st.integers(0, 20)),
    st.builds(Reprint, st.integers(0, 20), st.integers(0, 5)),
)


# -- the world of one example ----------------------------------------------------------
@dataclass
class Ledger:
    """The test's own count of money, independent of the store."""

    drawer: int = 0  # cash handed over − change − cash given back
    orders: list[str] = field(default_factory=list)
    rounding: bool = False  # cash rounded to 5.00 (a venue setting)


@contextmanager
def fresh_world(template: Path, cash_step: int = 0) -> Iterator[World]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "boxoffice.sqlite3"
        shutil.copy(template, path)
        store = open_store(path, migrate=False)
        signer = open_signer(path)
        with store.write() as s:
            register(s, signer, TERMINAL)
            ids = {u.username: u.id for u in s.scalars(select(User))}
            seat_ids = dict(s.execute(select(Seat.guid, Seat.id)).all())
            # 10 % + 1.00 from 260 h before: the first performance (240 h away)
            # keeps a fee, the second (288 h away) refunds in full.
            discounts.add_refund_rule(
                s, system_actor(), 260, fee_percent="10", fee=Money.of("1.00", "EUR")
            )
            if cash_step:
                settings.put(s, "cash_rounding.EUR", str(cash_step))
            shifts = open_test_shifts(s, ids)
        try:
            yield World(
                store=store,
                signer=signer,
                clerk=Actor(ids["ann"], "ann", TERMINAL),
                supervisor=Actor(ids["sue"], "sue", TERMINAL),
                performance=1,
                other_performance=2,
                seats=seat_ids,
                standing=0,
                terminal=SimulatedTerminal(),
                shifts=shifts,
            )
        finally:
            store.dispose()


def snapshot(world: World) -> dict[str, list[tuple[Any, ...]]]:
    with world.store.read() as s:
        return {
            t: [tuple(r) for r in s.execute(text(f"SELECT * FROM {t} ORDER BY 1"))] for t in WATCHED
        }


def perf_id(world: World, index: int) -> int:
    return (world.performance, world.other_performance)[index]


def make_cart(world: World, performance: int, guids: tuple[str, ...], price_type: str) -> Cart:
    return Cart([CartItem(performance, price_type, seat_id=world.seats[g]) for g in guids])


def live_seats(session: Session, performance: int) -> dict[int, int]:
    """seat id → ticket id of the live ticket holding it."""
    rows = session.execute(
        select(Ticket.seat_id, Ticket.id).where(
            Ticket.performance_id == performance, Ticket.status.in_(LIVE_TICKET_STATES)
        )
    )
    return {seat: tid for seat, tid in rows if seat is not None}


def pick_order(session: Session, ledger: Ledger, index: int) -> Order | None:
    if not ledger.orders:
        return None
    return checkout.get_order(session, ledger.orders[index % len(ledger.orders)])


def pick_tickets(order: Order, indexes: tuple[int, ...]) -> list[Ticket]:
    """The order's tickets at ``indexes`` (wrapping round), each once."""
    chosen = {t.id: t for t in (order.tickets[i % len(order.tickets)] for i in indexes)}
    return list(chosen.values())


def cash_back(booked: list[Payment]) -> int:
    return -sum(p.amount_minor for p in booked if p.kind == TenderKind.CASH)


def authorise(world: World, amount: int) -> CardResult:
    result = world.terminal.authorise(Money(amount, "EUR"), "sale")
    assert result.approved
    return result


# -- running one operation ------------------------------------------------------------
def run_sell(world: World, ledger: Ledger, op: Sell) -> bool:
    performance = perf_id(world, op.performance)
    cart = make_cart(world, performance, op.seats, op.price_type)
    with world.store.read() as s:
        taken = live_seats(s, performance)
        expect = not any(world.seats[g] in taken for g in op.seats)
        total = quote(s, cart, now=world.now).priced.total.minor
    card: CardResult | None = None
    if op.tender == "exact":
        tenders: list[checkout.Tender] = [checkout.Cash(Money(total, "EUR"))]
    elif op.tender == "over":
        tenders = [checkout.Cash(Money((total // 5000 + 1) * 5000, "EUR"))]
    elif op.tender == "card":
        card = authorise(world, total)
        tenders = [checkout.Card(card)]
    elif op.tender == "split":
        card = authorise(world, max(total // 3, 1))
        tenders = [checkout.Card(card), checkout.Cash(Money(total, "EUR"))]
    else:
        tenders = [checkout.Cash(Money(total // 2, "EUR")), checkout.Comp("house guest")]
    seller = world.supervisor if op.tender == "comp" else world.clerk
    try:
        with world.store.write() as s:
            sale = checkout.sell(s, seller, cart, tenders, world.signer, now=world.now)
            number = sale.order.number
            change = sale.change.minor
    except BoxOfficeError:
        if card is not None:
            world.terminal.reverse(card)
        raise
    assert expect, "a sale of free seats must succeed"
    handed = sum(t.tendered.minor for t in tenders if isinstance(t, checkout.Cash))
    ledger.drawer += handed - change
    ledger.orders.append(number)
    return True


def run_refund(world: World, ledger: Ledger, op: Refund) -> bool:
    with world.store.read() as s:
        order = pick_order(s, ledger, op.order)
        if order is None:
            return False
        number = order.number
        if op.tickets is None:
            ids = None
            expect = order.status == OrderStatus.PAID and any(
                t.status == TicketStatus.VALID for t in order.tickets
            )
        else:
            chosen = pick_tickets(order, op.tickets)
            ids = [t.id for t in chosen]
            expect = order.status == OrderStatus.PAID and all(
                t.status == TicketStatus.VALID for t in chosen
            )
    done = aftersale.refund(
        ctx_of(world), world.supervisor, number, ids, card_terminal=world.terminal, reason="prop"
    ).value
    assert expect, "a refund of valid tickets must succeed"
    ledger.drawer += sum(t.amount.minor for t in done.tenders if t.kind == TenderKind.CASH)
    return True


def run_exchange(world: World, ledger: Ledger, op: Exchange) -> bool:
    performance = perf_id(world, op.performance)
    cart = make_cart(world, performance, op.seats, op.price_type)
    with world.store.read() as s:
        order = pick_order(s, ledger, op.order)
        if order is None:
            return False
        number = order.number
        old = pick_tickets(order, op.tickets)
        ids = [t.id for t in old]
        credit = sum(t.price_minor for t in old)
        freed = {t.seat_id for t in old if t.performance_id == performance}
        taken = set(live_seats(s, performance)) - freed
        total = quote(s, cart, now=world.now).priced.total.minor
        due = total - credit
        last_payment = int(s.scalar(select(func.coalesce(func.max(Payment.id), 0))) or 0)
        expect = (
            order.status == OrderStatus.PAID
            and all(t.status == TicketStatus.VALID for t in old)
            and not any(world.seats[g] in taken for g in op.seats)
            and (due <= 0 or op.tender != "none")
            # Nothing due (or money back): a tender offered anyway is refused.
            and not (due <= 0 and op.tender == "cash")
        )
    card: CardResult | None = None
    tenders: list[checkout.Tender] = []
    if op.tender == "cash":
        tenders = [checkout.Cash(Money(50000, "EUR"))]
    elif op.tender == "card" and due > 0:
        card = authorise(world, due)
        tenders = [checkout.Card(card)]
    try:
        with world.store.write() as s:
            # The supervisor: a downgrade gives money back, which needs ``refund``.
            result = exchanges.exchange(
                s,
                world.supervisor,
                checkout.get_order(s, number),
                ids,
                cart,
                world.signer,
                tenders=tenders,
                now=world.now,
            )
            new_number = result.new_order.number
    except BoxOfficeError:
        if card is not None:
            world.terminal.reverse(card)
        raise
    assert expect, "an exchange into free seats with enough tenders must succeed"
    assert result.credit.minor == credit
    if ledger.rounding and op.tender == "cash":  # cash pays the difference rounded to 5.00
        assert abs(result.collected.minor - max(due, 0)) <= 250
    else:
        assert result.collected.minor == max(due, 0)
    assert result.refunded.minor == max(-due, 0)
    if op.tender == "cash":
        ledger.drawer += result.collected.minor
    # The difference goes back in cash, except a complimentary share of it.
    with world.store.read() as s:
        old_order = checkout.get_order(s, number)
        back = -sum(
            p.amount_minor
            for p in old_order.payments
            if p.kind == TenderKind.CASH and p.amount_minor < 0 and p.id > last_payment
        )
        comped = any(p.kind == TenderKind.COMP for p in old_order.payments)
    if not comped and not ledger.rounding:
        assert back == result.refunded.minor
    ledger.drawer -= back
    ledger.orders.append(new_number)
    return True


def run_void(world: World, ledger: Ledger, op: Void) -> bool:
    with world.store.read() as s:
        order = pick_order(s, ledger, op.order)
        if order is None:
            return False
        number = order.number
        expect = order.status == OrderStatus.PAID and all(
            t.status == TicketStatus.VALID for t in order.tickets
        )
        results: dict[int, CardResult] = {}
        if expect:
            allocations = tender_reversal.allocate_refund(
                s, order, Money(order.total_minor, order.currency)
            )
            originals = {p.id: p for p in order.payments}
            for a in tender_reversal.card_refunds_needed(allocations):
                results[a.payment_id] = world.terminal.refund(
                    a.amount, number, tender_reversal.original_card(originals[a.payment_id])
                )
    with world.store.write() as s:
        booked = voids.void(
            s,
            world.supervisor,
            checkout.get_order(s, number),
            reason="prop",
            card_results=results,
            now=world.now,
        )
    assert expect, "a void of an untouched order must succeed"
    ledger.drawer -= cash_back(booked)
    return True


def run_reprint(world: World, ledger: Ledger, op: Reprint) -> bool:
    with world.store.read() as s:
        order = pick_order(s, ledger, op.order)
        if order is None:
            return False
        ticket = order.tickets[op.ticket % len(order.tickets)]
        tid, reissue = ticket.id, ticket.reissue
        expect = ticket.status == TicketStatus.VALID
    with world.store.write() as s:
        after = reprints.reprint(s, world.supervisor, tid, world.signer, reason="p", now=world.now)
        assert after.reissue == reissue + 1
    assert expect, "a reprint of a valid ticket must succeed"
    return True


def run(world: World, ledger: Ledger, op: Op) -> bool:
    """Run ``op``; ``False`` if it was refused (or there was no order to work on)."""
    before = snapshot(world)
    try:
        if isinstance(op, Sell):
            return run_sell(world, ledger, op)
        if isinstance(op, Refund):
            return run_refund(world, ledger, op)
        if isinstance(op, Exchange):
            return run_exchange(world, ledger, op)
        if isinstance(op, Void):
            return run_void(world, ledger, op)
        return run_reprint(world, ledger, op)
    except BoxOfficeError:
        # Refused: it must have been a legitimate refusal, and changed nothing.
        assert snapshot(world) == before
        return False


# -- the invariants ---------------------------------------------------------------------
def check_invariants(world: World, ledger: Ledger) -> None:
    with world.store.read() as s:
        # 1. No seat sold twice.
        doubles = s.execute(
            select(Ticket.performance_id, Ticket.seat_id, func.count())
            .where(Ticket.status.in_(LIVE_TICKET_STATES), Ticket.seat_id.is_not(None))
            .group_by(Ticket.performance_id, Ticket.seat_id)
            .having(func.count() > 1)
        ).all()
        assert doubles == []

        # 2. Money per order.
        for order in s.scalars(select(Order)):
            captured = [p for p in order.payments if p.status == PaymentStatus.CAPTURED]
            held = sum(t.price_minor for t in order.tickets if t.status == TicketStatus.VALID)
            fees = sum(
                t.refund_fee_minor for t in order.tickets if t.status == TicketStatus.REFUNDED
            )
            paid = sum(p.amount_minor + p.rounding_minor for p in captured)
            assert paid == held + fees, f"order {order.number}: {paid} ≠ {held} + {fees}"
            assert order.status in (OrderStatus.PAID, OrderStatus.VOIDED)
            assert sum(t.price_minor for t in order.tickets) == order.total_minor
            tenders = sum(
                (p.tendered_minor - p.change_minor) if p.kind == TenderKind.CASH else p.amount_minor
                for p in captured
                if p.amount_minor > 0
            )
            rounding = sum(p.rounding_minor for p in captured if p.amount_minor > 0)
            assert tenders + rounding == order.total_minor, f"order {order.number}: tenders ≠ total"
            for p in captured:
                if p.kind == TenderKind.CASH and p.amount_minor > 0:
                    assert p.tendered_minor - p.change_minor == p.amount_minor
                assert p.refund_of_id is None or p.amount_minor <= 0
                if p.kind != TenderKind.CASH:
                    assert p.rounding_minor == 0
            if order.status == OrderStatus.VOIDED:
                assert paid == 0 and held == 0 and fees == 0
                assert {t.status for t in order.tickets} == {TicketStatus.VOIDED}

        # 3. Cash and card.
        moved = int(
            s.scalar(
                select(func.coalesce(func.sum(CashMovement.amount_minor), 0)).where(SALE_MONEY)
            )
            or 0
        )
        cash_paid = int(
            s.scalar(
                select(func.coalesce(func.sum(Payment.amount_minor), 0)).where(
                    Payment.kind == TenderKind.CASH, Payment.status == PaymentStatus.CAPTURED
                )
            )
            or 0
        )
        assert moved == cash_paid == ledger.drawer
        card_paid = int(
            s.scalar(
                select(func.coalesce(func.sum(Payment.amount_minor), 0)).where(
                    Payment.kind == TenderKind.CARD, Payment.status == PaymentStatus.CAPTURED
                )
            )
            or 0
        )
        # Money never comes out of nothing: complimentary value and exchange credit
        # do not turn into more cash or card refunds than was ever taken (counted
        # as settled, i.e. with cash rounding, which may favour either side).
        money = int(
            s.scalar(
                select(
                    func.coalesce(func.sum(Payment.amount_minor + Payment.rounding_minor), 0)
                ).where(
                    Payment.kind.in_([TenderKind.CASH, TenderKind.CARD]),
                    Payment.status == PaymentStatus.CAPTURED,
                )
            )
            or 0
        )
        assert money >= 0
        sign = {"sale": 1, "refund": -1, "reversal": -1}
        journal = sum(
            sign.get(kind, 0) * amount.minor for kind, amount, _ in world.terminal.journal
        )
        assert card_paid == journal
        # Every payment's cash movement matches it one to one.
        for p in s.scalars(select(Payment).where(Payment.kind == TenderKind.CASH)):
            moves = s.scalars(select(CashMovement).where(CashMovement.payment_id == p.id)).all()
            assert [m.amount_minor for m in moves] == [p.amount_minor]

        # 4. Revocations.
        revoked: dict[int, int] = dict(
            s.execute(
                select(
                    BarcodeRevocation.ticket_id, func.max(BarcodeRevocation.up_to_reissue)
                ).group_by(BarcodeRevocation.ticket_id)
            ).all()
        )
        for t in s.scalars(select(Ticket)):
            if t.status == TicketStatus.VALID:
                assert revoked.get(t.id, -1) < t.reissue
            else:
                assert revoked.get(t.id) == t.reissue, f"{t.serial} {t.status} not revoked"


@hypothesis_settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(ops, min_size=1, max_size=14), st.booleans())
def test_any_sequence_of_sales_keeps_seats_money_and_audit_straight(
    _template: Path, operations: list[Op], rounding: bool
) -> None:
    with fresh_world(_template, 500 if rounding else 0) as world:
        ledger = Ledger(rounding=rounding)
        for op in operations:
            run(world, ledger, op)
            check_invariants(world, ledger)
        with world.store.read() as s:
            assert audit.verify(s) is None


def test_a_busy_day_keeps_seats_money_and_audit_straight(_template: Path) -> None:
    """One fixed sequence that takes every path at least once, with known outcomes."""
    script: list[tuple[Op, bool]] = [
        (Sell(0, ("S-A-14", "S-A-15"), "adult", "split"), True),  # order 0
        (Sell(0, ("S-A-15", "S-A-16"), "adult", "exact"), False),  # S-A-15 is taken
        (Sell(1, ("S-A-15", "BA-1"), "concession", "over"), True),  # order 1
        (Sell(0, ("C-A-1",), "adult", "card"), True),  # order 2
        (Sell(1, ("S-W-2",), "adult", "card"), True),  # order 3
        (Refund(0, (1,)), True),  # 10 % + 1.00 kept (first performance)
        (Refund(0, (1,)), False),  # already refunded
        (Exchange(1, (0,), 0, ("S-A-1", "S-A-2"), "adult", "none"), False),  # 69 → 118 unpaid
        (Exchange(1, (0,), 0, ("S-A-1",), "adult", "none"), True),  # order 4: 69 → 59
        (Exchange(2, (0,), 1, ("BA-2",), "adult", "card"), True),  # order 5: 29 → 120 by card
        (Reprint(0, 0), True),
        (Reprint(0, 1), False),  # refunded
        (Void(0), False),  # partly refunded
        (Void(2), False),  # exchanged
        (Void(3), True),  # a card sale
        (Void(5), True),  # an exchange's new order: credit back in cash, card refunded
        (Refund(1, None), True),  # second performance: no fee
        (Refund(4, None), True),  # first performance: fee kept
        (Refund(4, None), False),  # nothing left
        (Sell(0, ("S-A-15", "C-A-1"), "adult", "split"), True),  # order 6: both free again
    ]
    with fresh_world(_template) as world:
        ledger = Ledger()
        for op, expected in script:
            assert run(world, ledger, op) is expected, op
            check_invariants(world, ledger)
        with world.store.read() as s:
            assert audit.verify(s) is None
            statuses = [o.status for o in s.scalars(select(Order).order_by(Order.id))]
            fees = s.scalar(select(func.sum(Ticket.refund_fee_minor)))
        assert len(ledger.orders) == 7
        assert statuses.count(OrderStatus.VOIDED) == 2
        assert fees == (890 + 100) + (590 + 100)  # S-A-15 at 89.00, S-A-1 at 59.00
