"""After the sale: refund, exchange, void, reprint, and a reservation's payment or release.

One function per user action. Each takes the terminal context, the acting
user and plain arguments, and:

1. refuses what it can before any money or paper moves (a read transaction:
   the reason, the permission — without using a supervisor's override up —,
   the order's state, the refund plan);
2. does the device work outside the store transaction: card refunds and
   reversals on the card terminal (``card_terminal``), a card payment for
   what an exchange or a reservation still owes;
3. books everything in one write transaction through the sales services
   (``sales.refunds``, ``exchanges``, ``voids``, ``reprints``,
   ``cancellation``, ``checkout.pay``), which use the override;
4. if booking fails after a card was charged, reverses the charge before the
   error reaches the clerk; if it fails after card money was given back
   (which cannot be taken again), records ``refund.card_incomplete`` for a
   supervisor to settle (DESIGN invariant 4: never silent);
5. publishes and returns what changed: orders, tickets, the performances and
   seats freed or taken, the shift whose cash moved, and the sync outbox.

Printing (a reprint's new ticket) happens after the commit, from the
printer's queue. Values are plain dataclasses, never ORM rows.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import check
from boxoffice.auth.permissions import Permission
from boxoffice.bus import ChangeSet
from boxoffice.context import TerminalContext
from boxoffice.devices.printing import ticket_data
from boxoffice.devices.printing.print_queue import PrintJob, PrintQueue
from boxoffice.errors import BoxOfficeError, ValidationError
from boxoffice.money import Money
from boxoffice.ops import OpResult
from boxoffice.ops import devices as device_ops
from boxoffice.sales import cancellation, checkout, exchanges, refunds, reprints, tender_reversal
from boxoffice.sales import voids as voids_service
from boxoffice.sales.cart import Cart
from boxoffice.sales.checkout import Card, Tender, get_order
from boxoffice.sales.payment_terminal import CardResult, PaymentTerminal
from boxoffice.sales.signer import Signer, open_signer
from boxoffice.shifts.drawer import open_shift_id
from boxoffice.store.models import Order, Payment, PaymentStatus, TenderKind, Ticket

log = logging.getLogger(__name__)

#: The audit action a supervisor settles: card money went back, the booking did not.
CARD_INCOMPLETE = "refund.card_incomplete"


# -- what the ops return --------------------------------------------------------


@dataclass(frozen=True)
class TenderLine:
    """One tender of a refund, a void or a payment: its kind and amount (negative: given back)."""

    kind: str
    amount: Money
    #: The payment row's id (its receipt, its cash movement).
    payment: int = 0
    card_last4: str = ""
    terminal_ref: str = ""


@dataclass(frozen=True)
class RefundDone:
    order: str
    tickets: tuple[str, ...]
    gross: Money
    fee: Money
    net: Money
    tenders: tuple[TenderLine, ...]


@dataclass(frozen=True)
class ExchangeDone:
    order: str
    new_order: str
    old_tickets: tuple[str, ...]
    new_tickets: tuple[str, ...]
    credit: Money
    collected: Money
    refunded: Money


@dataclass(frozen=True)
class VoidDone:
    order: str
    tickets: tuple[str, ...]
    tenders: tuple[TenderLine, ...]


@dataclass(frozen=True)
class ReprintDone:
    ticket: str
    order: str
    reissue: int
    #: The print job queued for the new paper, or "" when no ticket printer was given.
    print_job: str = ""


@dataclass(frozen=True)
class PaymentDone:
    order: str
    status: str
    paid: tuple[TenderLine, ...]
    remaining: Money


@dataclass(frozen=True)
class CancelDone:
    order: str
    status: str
    reversed: tuple[TenderLine, ...]


# -- shared steps ---------------------------------------------------------------


def _signer(ctx: TerminalContext) -> Signer:
    """The terminal's ticket signer, opened once per context."""
    signer = ctx.cache.get("signer")
    if signer is None:
        signer = ctx.cache["signer"] = open_signer(ctx.store.path)
    return signer


def _lines(payments: Iterable[Payment]) -> tuple[TenderLine, ...]:
    return tuple(
        TenderLine(
            p.kind.value,
            Money(p.amount_minor, p.currency),
            p.id,
            p.card_last4 or "",
            p.terminal_ref or "",
        )
        for p in payments
    )


def _changes(
    orders: Iterable[Order],
    tickets: Iterable[Ticket],
    payments: Iterable[Payment] = (),
    *,
    shifts: Iterable[int | None] = (),
) -> ChangeSet:
    """Orders, tickets, their performances and seats, the shifts whose cash moved, sync."""
    tickets = list(tickets)
    return ChangeSet.of(
        orders=[o.uuid for o in orders],
        tickets=[t.serial for t in tickets if t.serial],
        performances={t.performance_id for t in tickets},
        seats={(t.performance_id, t.seat_id) for t in tickets if t.seat_id is not None},
        shifts=[s for s in [*shifts, *(p.shift_id for p in payments)] if s is not None],
        sync=True,
    )


def _needs_card_terminal(terminal: PaymentTerminal | None) -> PaymentTerminal:
    if terminal is None:
        raise ValidationError("aftersale_needs_card_terminal")
    return terminal


def _refund_cards(
    ctx: TerminalContext,
    actor: Actor,
    order_number: str,
    cards: Sequence[tuple[tender_reversal.Allocation, Payment]],
    terminal: PaymentTerminal | None,
    reason: str,
) -> dict[int, CardResult]:
    """Give each card share back on the terminal; a refusal after another share is recorded."""
    results: dict[int, CardResult] = {}
    if not cards:
        return results
    terminal = _needs_card_terminal(terminal)
    for allocation, original in cards:
        result = terminal.refund(
            allocation.amount, order_number, tender_reversal.original_card(original)
        )
        if not result.approved:
            if results:
                _record_incomplete(ctx, actor, order_number, results, result.message, reason)
                raise ValidationError("refund_card_incomplete", order=order_number)
            raise ValidationError("refund_card_refused", reply=result.message)
        results[allocation.payment_id] = result
    return results


def _record_incomplete(
    ctx: TerminalContext,
    actor: Actor,
    order_number: str,
    results: dict[int, CardResult],
    refused: str,
    reason: str,
) -> None:
    """Card money went back but nothing is booked: never silent (invariant 4)."""
    with ctx.store.write() as session:
        audit.record(
            session,
            actor,
            CARD_INCOMPLETE,
            f"order:{order_number}",
            {
                "refunded_on_cards": [
                    (r.last4, r.amount.minor, r.terminal_ref) for r in results.values()
                ],
                "refused": refused,
                "reason": reason,
            },
            at=ctx.now(),
        )


def _book_after_cards(
    ctx: TerminalContext,
    actor: Actor,
    order_number: str,
    results: dict[int, CardResult],
    reason: str,
    book: Any,
) -> Any:
    """Run ``book(session)`` in one write transaction; if it fails after card money
    went back, record that for a supervisor before the error reaches the clerk."""
    try:
        with ctx.store.write() as session:
            return book(session)
    except Exception as exc:
        if results:
            refused = exc.message("en") if isinstance(exc, BoxOfficeError) else repr(exc)
            _record_incomplete(ctx, actor, order_number, results, refused, reason)
        raise


def _refuse_if_incomplete(session: Session, order_number: str) -> None:
    if any(e.subject == f"order:{order_number}" for e in audit.entries(session, CARD_INCOMPLETE)):
        raise ValidationError("refund_card_incomplete_pending", order=order_number)


def _charge_card(
    terminal: PaymentTerminal | None, due: Money, reference: str
) -> tuple[PaymentTerminal, CardResult]:
    terminal = _needs_card_terminal(terminal)
    result = terminal.authorise(due, reference)
    if not result.approved:
        raise ValidationError("aftersale_card_declined", reply=result.message or "declined")
    return terminal, result


def _reverse_charge(terminal: PaymentTerminal, result: CardResult, reference: str) -> None:
    """The booking failed after the card was charged: give the charge back.

    When the terminal will not (or cannot) reverse it, the clerk is told so,
    loudly, instead of the booking's own refusal: the money is on the card and
    no sale holds it, which a supervisor must settle (invariant 4).
    """
    try:
        reversal = terminal.reverse(result)
    except Exception as exc:
        log.exception("reversing card payment %s failed", reference)
        raise ValidationError("card_reversal_failed", reference=reference, reason=str(exc)) from exc
    if not reversal.approved:
        log.error("the terminal refused to reverse %s: %s", reference, reversal.message)
        raise ValidationError(
            "card_reversal_failed", reference=reference, reason=reversal.message or "declined"
        )


# -- refund -------------------------------------------------------------------------


def refund(
    ctx: TerminalContext,
    actor: Actor,
    order_number: str,
    ticket_ids: Sequence[int] | None = None,
    *,
    reason: str,
    card_terminal: PaymentTerminal | None = None,
    overrides: Sequence[Any] = (),
    waive_fee: bool = False,
    to_cash: bool = False,
) -> OpResult[RefundDone]:
    """Refund some or all (``None``) valid tickets of a paid order (退票).

    Card shares go back on ``card_terminal`` first; everything else (tickets,
    negative payments, cash out of the drawer, revocations, audit, outbox) is
    booked in one transaction afterwards. Whatever ``refunds.refund`` would
    refuse is refused before the terminal is touched.
    """
    now = ctx.now()
    if not reason.strip():
        raise ValidationError("refund_needs_reason")
    with ctx.store.read() as session:
        order = get_order(session, order_number)
        subject = f"order:{order.number}"
        check(session, actor, Permission.REFUND, subject=subject, overrides=overrides, now=now)
        _refuse_if_incomplete(session, order_number)
        if waive_fee:
            check(
                session,
                actor,
                Permission.PRICE_OVERRIDE,
                subject=subject,
                overrides=overrides,
                now=now,
            )
        plan = refunds.plan_refund(
            session, order, ticket_ids, now=now, waive_fee=waive_fee, to_cash=to_cash
        )
        originals = {p.id: p for p in order.payments}
        cards = [
            (a, originals[a.payment_id])
            for a in tender_reversal.card_refunds_needed(plan.allocations)
        ]
    results = _refund_cards(ctx, actor, order_number, cards, card_terminal, reason)

    def book(session: Session) -> tuple[RefundDone, ChangeSet]:
        order = get_order(session, order_number)
        plan, booked = refunds.refund(
            session,
            actor,
            order,
            ticket_ids,
            reason=reason,
            card_results=results,
            now=now,
            overrides=overrides,
            waive_fee=waive_fee,
            to_cash=to_cash,
        )
        refunded = [line.ticket for line in plan.lines]
        done = RefundDone(
            order=order.number,
            tickets=tuple(t.serial or "" for t in refunded),
            gross=plan.gross,
            fee=plan.fee,
            net=plan.net,
            tenders=_lines(booked),
        )
        return done, _changes([order], refunded, booked)

    done, changes = _book_after_cards(ctx, actor, order_number, results, reason, book)
    return OpResult(done, ctx.publish(changes))


# -- exchange -----------------------------------------------------------------------


def exchange(
    ctx: TerminalContext,
    actor: Actor,
    order_number: str,
    ticket_ids: Sequence[int],
    new_cart: Cart,
    *,
    tenders: Sequence[Tender] = (),
    card_terminal: PaymentTerminal | None = None,
    reason: str = "exchange",
    overrides: Sequence[Any] = (),
) -> OpResult[ExchangeDone]:
    """Exchange tickets of a paid order for a new cart (换票).

    The old tickets' price is credit towards the new ones. What the new cart
    costs beyond the credit is paid by ``tenders``, or — when there are none
    and a ``card_terminal`` is given — by card on the terminal, charged
    before the booking and reversed if the booking then fails. Credit left
    over goes back as cash.
    """
    now = ctx.now()
    signer = _signer(ctx)
    charge: tuple[PaymentTerminal, CardResult] | None = None
    reference = f"exchange:{order_number}:{new_cart.cart_id}"
    if not tenders and card_terminal is not None:
        with ctx.store.read() as session:
            order = get_order(session, order_number)
            # Refuse before the card is charged.
            check(
                session,
                actor,
                Permission.EXCHANGE,
                subject=f"order:{order.number}",
                overrides=overrides,
                now=now,
            )
            credit = sum(t.price_minor for t in order.tickets if t.id in set(ticket_ids))
            total = checkout.quote(session, new_cart, now=now).priced.total
        due = total - Money(credit, total.currency)
        if due.minor > 0:
            charge = _charge_card(card_terminal, due, reference)
            tenders = [Card(charge[1])]
    try:
        with ctx.store.write() as session:
            order = get_order(session, order_number)
            old = [t for t in order.tickets if t.id in set(ticket_ids)]
            result = exchanges.exchange(
                session,
                actor,
                order,
                ticket_ids,
                new_cart,
                signer,
                tenders=tenders,
                reason=reason,
                now=now,
                overrides=overrides,
            )
            new = result.new_order
            done = ExchangeDone(
                order=order.number,
                new_order=new.number,
                old_tickets=tuple(t.serial or "" for t in old),
                new_tickets=tuple(t.serial or "" for t in new.tickets),
                credit=result.credit,
                collected=result.collected,
                refunded=result.refunded,
            )
            changes = _changes([order, new], [*old, *new.tickets], shifts=[new.shift_id])
            cash_taken = result.open_drawer
    except Exception:
        if charge is not None:
            _reverse_charge(charge[0], charge[1], reference)
        raise
    if cash_taken:  # committed: the clerk puts the cash in the drawer
        device_ops.open_drawer(ctx, f"exchange of {order_number}")
    return OpResult(done, ctx.publish(changes))


# -- void ---------------------------------------------------------------------------


def void(
    ctx: TerminalContext,
    actor: Actor,
    order_number: str,
    *,
    reason: str,
    stock_returned: bool = False,
    card_terminal: PaymentTerminal | None = None,
    overrides: Sequence[Any] = (),
) -> OpResult[VoidDone]:
    """Undo a sale of this shift at this terminal in full (作废): every tender reversed.

    Card payments go back on ``card_terminal`` first, after every check a
    void makes has passed; the rest is booked in one transaction.
    """
    now = ctx.now()
    with ctx.store.read() as session:
        order = get_order(session, order_number)
        voids_service.check_voidable(
            session,
            actor,
            order,
            reason=reason,
            stock_returned=stock_returned,
            now=now,
            overrides=overrides,
            use_override=False,
        )
        _refuse_if_incomplete(session, order_number)
        allocations = tender_reversal.allocate_refund(
            session, order, Money(order.total_minor, order.currency)
        )
        originals = {p.id: p for p in order.payments}
        cards = [
            (a, originals[a.payment_id]) for a in tender_reversal.card_refunds_needed(allocations)
        ]
    results = _refund_cards(ctx, actor, order_number, cards, card_terminal, reason)

    def book(session: Session) -> tuple[VoidDone, ChangeSet]:
        order = get_order(session, order_number)
        booked = voids_service.void(
            session,
            actor,
            order,
            reason=reason,
            stock_returned=stock_returned,
            card_results=results,
            now=now,
            overrides=overrides,
        )
        done = VoidDone(
            order=order.number,
            tickets=tuple(t.serial or "" for t in order.tickets),
            tenders=_lines(booked),
        )
        return done, _changes([order], order.tickets, booked, shifts=[order.shift_id])

    done, changes = _book_after_cards(ctx, actor, order_number, results, reason, book)
    return OpResult(done, ctx.publish(changes))


# -- reprint ------------------------------------------------------------------------


def reprint(
    ctx: TerminalContext,
    actor: Actor,
    ticket_id: int,
    *,
    reason: str,
    overrides: Sequence[Any] = (),
    ticket_printer: PrintQueue | None = None,
) -> OpResult[ReprintDone]:
    """Issue a new barcode for a valid ticket (the old paper no longer admits) and print it (补打).

    The new paper is queued on ``ticket_printer`` after the commit, marked as
    a reprint; without a printer the ticket is only reissued (the caller
    prints it later).
    """
    now = ctx.now()
    signer = _signer(ctx)
    with ctx.store.write() as session:
        ticket = reprints.reprint(
            session, actor, ticket_id, signer, reason=reason, now=now, overrides=overrides
        )
        order = session.get(Order, ticket.order_id)
        assert order is not None
        done = ReprintDone(ticket=ticket.serial or "", order=order.number, reissue=ticket.reissue)
        changes = ChangeSet.of(orders=[order.uuid], tickets=[ticket.serial], sync=True)
    if ticket_printer is not None:
        with ctx.store.read() as session:
            snapshot = ticket_data.load(session, ticket_id, language=ctx.language)
        job = PrintJob("ticket", actor, (snapshot,), reprint=True)
        ticket_printer.submit(job)
        done = ReprintDone(done.ticket, done.order, done.reissue, print_job=job.id)
    return OpResult(done, ctx.publish(changes))


# -- reservations and unfinished orders ---------------------------------------------


def pay_reservation(
    ctx: TerminalContext,
    actor: Actor,
    order_number: str,
    tenders: Sequence[Tender] = (),
    *,
    card_terminal: PaymentTerminal | None = None,
    overrides: Sequence[Any] = (),
) -> OpResult[PaymentDone]:
    """Take payment for a reservation (or a half-paid order) at this terminal.

    ``tenders`` are booked in order; with none and a ``card_terminal``, the
    whole amount still owed is charged by card first, and reversed if the
    booking then fails (a seat gone off sale, the deadline passed).
    """
    now = ctx.now()
    signer = _signer(ctx)
    charge: tuple[PaymentTerminal, CardResult] | None = None
    reference = f"order:{order_number}"
    if not tenders:
        with ctx.store.read() as session:
            due = checkout.remaining(session, get_order(session, order_number))
        if due.minor > 0:
            charge = _charge_card(card_terminal, due, reference)
            tenders = [Card(charge[1])]
    try:
        with ctx.store.write() as session:
            order = get_order(session, order_number)
            paid: list[Payment] = []
            cash_taken = False
            for tender in tenders:
                outcome = checkout.pay(
                    session, actor, order, tender, signer, now=now, overrides=overrides
                )
                paid.append(outcome.payment)
                cash_taken = cash_taken or outcome.open_drawer
                if outcome.completed:
                    break
            done = PaymentDone(
                order=order.number,
                status=order.status.value,
                paid=_lines(paid),
                remaining=checkout.remaining(session, order),
            )
            changes = _changes([order], order.tickets, paid)
    except Exception:
        if charge is not None:
            _reverse_charge(charge[0], charge[1], reference)
        raise
    if cash_taken:  # committed: the clerk puts the cash in the drawer
        device_ops.open_drawer(ctx, f"order {order_number}")
    return OpResult(done, ctx.publish(changes))


def release_reservation(
    ctx: TerminalContext,
    actor: Actor,
    order_number: str,
    *,
    reason: str,
    card_terminal: PaymentTerminal | None = None,
) -> OpResult[CancelDone]:
    """Cancel a reservation or an unfinished order, giving every tender back; seats are freed.

    Card payments are reversed on ``card_terminal`` first, after the checks
    ``cancellation.cancel_order`` makes; then the cancellation is booked.
    """
    now = ctx.now()
    with ctx.store.read() as session:
        order = get_order(session, order_number)
        # Refuse before the terminal gives any money back: a paid order keeps its
        # cards, and someone who may not sell may not unwind a sale either.
        check(session, actor, Permission.SELL, now=now)
        if order.status not in cancellation.OPEN_STATES:
            raise ValidationError(
                "cancel_order_not_open", order=order.number, status=order.status.value
            )
        if not reason.strip():
            raise ValidationError("cancel_needs_reason")
        cards = [
            (p.id, tender_reversal.original_card(p))
            for p in order.payments
            if p.kind == TenderKind.CARD and p.status == PaymentStatus.CAPTURED
        ]
    reversals: dict[int, CardResult] = {}
    if cards:
        terminal = _needs_card_terminal(card_terminal)
        reversals = {pid: terminal.reverse(original) for pid, original in cards}
        failed = [r for r in reversals.values() if not r.approved]
        if failed:
            raise ValidationError("cancel_card_reversal_refused", reply=failed[0].message)
    with ctx.store.write() as session:
        order = get_order(session, order_number)
        reversed_ = cancellation.cancel_order(
            session, actor, order, reason=reason, card_reversals=reversals, now=now
        )
        done = CancelDone(order.number, order.status.value, _lines(reversed_))
        cash_back = any(p.kind == TenderKind.CASH for p in reversed_)
        changes = _changes(
            [order], order.tickets, shifts=[open_shift_id(session, actor)] if cash_back else []
        )
    return OpResult(done, ctx.publish(changes))
