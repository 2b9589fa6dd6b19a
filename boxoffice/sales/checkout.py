"""Checkout: from a cart to a paid order with issued tickets.

``place_order`` turns a cart into an order whose ticket rows hold the seats
(the database's live-seat index refuses a second sale of a seat). Tenders
are added with ``pay``; when they cover the total, ``pay`` completes the
order in the same transaction: tickets get serials and signed barcodes, and
the order, its tickets, payments, cash movements, outbox entry and audit
entry commit together (invariant 2). ``sell`` does all of it at once for
the common case; it is the domain service the sell op
(``boxoffice.ops.sell``) calls inside its one transaction. Card and wallet
authorisations are obtained by the op *before* the store transaction (device
I/O never holds the write lock) and handed in as ``Card(result)``.

What one step learns for a later one (the audit details of placing, each
tender) is passed along explicitly, never through ``session.info``; the
shift a sale is booked on comes from the caller (``shift_id``), looked up
here only when a caller does not know it.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import override_for, require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.errors import Conflict, NotFound, ValidationError
from boxoffice.money import Money
from boxoffice.sales import gift_cards, holds, numbering, tickets
from boxoffice.sales.cart import Cart, CustomerDetails, Places, split_places
from boxoffice.sales.customers import find_or_create_customer
from boxoffice.sales.payment_terminal import CardResult
from boxoffice.sales.pricing import round_cash
from boxoffice.sales.quote import Quote, cash_rounding, quote

__all__ = ["Card", "Cash", "Comp", "GiftCardTender", "pay", "place_order", "quote", "sell"]
from boxoffice.sales.signer import Signer
from boxoffice.store import fast, outbox, row_writer
from boxoffice.store.models import (
    CashKind,
    CashMovement,
    Discount,
    Order,
    OrderStatus,
    Override,
    Payment,
    PaymentStatus,
    Shift,
    ShiftStatus,
    TenderKind,
    Ticket,
    TicketStatus,
)


# -- tenders -----------------------------------------------------------------------
@dataclass(frozen=True)
class Cash:
    """Notes and coins handed over; change is given back from the drawer."""

    tendered: Money


@dataclass(frozen=True)
class Card:
    """An authorisation the payment terminal approved."""

    result: CardResult


@dataclass(frozen=True)
class GiftCardTender:
    """Pay from a gift card's balance: ``amount``, or as much as is due and on the card."""

    code: str
    amount: Money | None = None


@dataclass(frozen=True)
class Comp:
    """The house pays what is left (needs ``sell_complimentary``)."""

    reason: str


Tender = Cash | Card | GiftCardTender | Comp


@dataclass(frozen=True)
class TenderRecord:
    """One tender as the sale's audit entry lists it."""

    kind: str
    amount: int
    change: int
    rounding: int

    def as_audit(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "amount": self.amount,
            "change": self.change,
            "rounding": self.rounding,
        }


@dataclass(frozen=True)
class PaymentOutcome:
    payment: Payment
    change: Money
    remaining: Money
    completed: bool
    record: TenderRecord | None = None
    #: A cash tender: the caller opens the terminal's drawer once this is committed.
    open_drawer: bool = False

    @property
    def payment_amount(self) -> Money:
        return Money(self.payment.amount_minor, self.payment.currency)


# -- helpers ----------------------------------------------------------------------
#: Built once: the sale's hot path asks it when the caller did not pass the shift.
_OPEN_SHIFT = select(Shift.id).where(
    Shift.terminal == bindparam("terminal"),
    Shift.username == bindparam("username"),
    Shift.status == ShiftStatus.OPEN,
)


def open_shift(session: Session, actor: Actor, shift_id: int | None = None) -> int:
    """The shift a sale is booked on: ``shift_id`` if the caller knows it, else the actor's

    A sale without an open shift is refused (``shift_not_open``).
    """
    if shift_id is not None:
        return shift_id
    found = fast.execute(
        session, _OPEN_SHIFT, {"terminal": actor.terminal, "username": actor.username}
    ).scalar()
    if found is None:
        raise ValidationError("shift_not_open", user=actor.username, terminal=actor.terminal)
    return int(found)


def _use_overrides(
    session: Session,
    actor: Actor,
    needs: Sequence[str],
    overrides: Sequence[Override],
    subject: str,
    now: datetime,
) -> None:
    for name in sorted(needs):
        perm = Permission(name)
        match = override_for(overrides, perm)
        require(
            session,
            actor,
            perm,
            subject=subject if match and match.subject else "",
            override=match,
            now=now,
        )


def get_order(session: Session, order_ref: int | str) -> Order:
    if isinstance(order_ref, int):
        order = session.get(Order, order_ref)
    else:
        order = session.scalar(select(Order).where(Order.number == order_ref))
    if order is None:
        raise NotFound("order_not_found", order=order_ref)
    return order


def paid_so_far(session: Session, order: Order) -> int:
    """Minor units settled by captured tenders (cash rounding counts as settled)."""
    return sum(
        p.amount_minor + (p.rounding_minor or 0)
        for p in order.payments
        if p.status == PaymentStatus.CAPTURED
    )


def remaining(session: Session, order: Order) -> Money:
    return Money(order.total_minor - paid_so_far(session, order), order.currency)


# -- placing ----------------------------------------------------------------------
def flush_sale(session: Session) -> None:
    """Write what is pending; the live-seat index has the last word on a double sale."""
    try:
        row_writer.write_pending(session)
    except (IntegrityError, sqlite3.IntegrityError) as exc:
        reason = str(getattr(exc, "orig", exc))
        if "uq_tickets_live_seat" in reason or "tickets.performance_id" in reason:
            raise Conflict("seat_sold_meanwhile") from exc
        raise


def place_order(
    session: Session,
    actor: Actor,
    cart: Cart,
    *,
    now: datetime | None = None,
    overrides: Sequence[Override] = (),
    reserve_until: datetime | None = None,
    customer: CustomerDetails | None = None,
    note: str = "",
    offline: bool = False,
    shift_id: int | None = None,
) -> Order:
    """Create the order and its ticket rows, which from now on hold the seats.

    ``offline=True`` (no contact with the central server): only places
    allocated to this terminal may be sold (invariant 3). A sale is booked on
    ``shift_id`` (default: the actor's open shift); a reservation on none.
    """
    order, _ = _place(
        session,
        actor,
        cart,
        now=now or utc_now(),
        overrides=overrides,
        reserve_until=reserve_until,
        customer=customer,
        note=note,
        audit_step=True,
        offline=offline,
        shift_id=shift_id,
    )
    return order


def _place(
    session: Session,
    actor: Actor,
    cart: Cart,
    *,
    now: datetime,
    overrides: Sequence[Override],
    reserve_until: datetime | None,
    customer: CustomerDetails | None,
    note: str,
    audit_step: bool,
    offline: bool,
    shift_id: int | None,
) -> tuple[Order, dict[str, object]]:
    """``place_order``, returning also the audit details a one-step sale writes at its end.

    ``audit_step=False`` leaves the audit entry to ``complete`` (``sell``
    writes one entry per sale, not one per step).
    """
    require(session, actor, Permission.SELL, now=now)
    if reserve_until is None:  # a sale needs a shift
        shift_id = open_shift(session, actor, shift_id)
    else:
        shift_id = None
        if reserve_until.tzinfo is None:
            raise ValidationError("reservation_deadline_naive")
        if reserve_until <= now:
            raise ValidationError("reservation_deadline_past")
    places = split_places(cart.items)
    twice = sorted({s for ids in places.seats.values() for s in ids if ids.count(s) > 1})
    if twice:
        labels = holds.seat_labels(session, twice)
        raise ValidationError("seat_twice_in_cart", seats=[labels.get(s, str(s)) for s in twice])
    q: Quote = quote(session, cart, now=now)
    for item in q.items:  # every performance must be on sale now
        performance = holds.sellable(session, item.item.performance_id, now)
        if reserve_until is not None and reserve_until > performance.starts_at:
            raise ValidationError("reservation_deadline_after_start")
    _use_overrides(
        session, actor, sorted(q.priced.needs_permissions), overrides, f"cart:{cart.cart_id}", now
    )
    if offline:
        if reserve_until is not None:
            raise ValidationError("reservation_needs_server")
        holds.require_allocated(session, actor.terminal, cart.items, now)
    had_holds = _take_places(session, actor, cart, places, now)

    details = customer or cart.customer
    if reserve_until is not None and not details:
        raise ValidationError("reservation_needs_customer")
    customer_row = find_or_create_customer(session, details, now) if details else None
    order = Order(
        number=numbering.order_number(session),
        uuid=str(uuid.uuid4()),
        terminal=actor.terminal,
        user_id=actor.user_id,
        username=actor.username,
        shift_id=shift_id,
        customer_id=customer_row.id if customer_row else None,
        status=OrderStatus.RESERVED if reserve_until else OrderStatus.PENDING,
        currency=q.currency,
        subtotal_minor=q.priced.subtotal.minor,
        discount_minor=q.priced.discount_total.minor,
        total_minor=q.priced.total.minor,
        tax_minor=q.priced.tax_total.minor,
        discounts=json.dumps(list(q.priced.applied_discounts)),
        reserved_until=reserve_until,
        note=note,
        created_at=now,
        tickets=[],
        payments=[],
    )
    session.add(order)
    status = TicketStatus.RESERVED if reserve_until else TicketStatus.PENDING
    for quoted, line in zip(q.items, q.priced.lines, strict=True):
        order.tickets.append(
            Ticket(
                performance_id=quoted.item.performance_id,
                seat_id=quoted.item.seat_id,
                ga_area_id=quoted.item.ga_area_id,
                price_zone_id=quoted.price_zone_id,
                price_type_id=quoted.price_type_id,
                # An override shows as a difference from the list price, so the
                # exceptions report can show 89.00 → 50.00.
                list_price_minor=line.list_price.minor,
                discount_minor=line.list_price.minor - line.price.minor,
                price_minor=line.price.minor,
                tax_rate_bp=int(line.tax_rate * 100),
                tax_minor=line.tax.minor,
                override_reason=quoted.item.override_reason,
                status=status,
                # Set here, not left to column defaults: the barcode is signed
                # before the row is written.
                reissue=0,
                print_count=0,
                refund_fee_minor=0,
            )
        )
    if audit_step or reserve_until is not None:
        flush_sale(session)  # a one-step sale writes everything once, at its end
    if had_holds:
        holds.release_cart(session, actor, cart.cart_id)
    if q.discount_ids:
        session.execute(
            update(Discount)
            .where(Discount.id.in_(q.discount_ids))
            .values(times_used=Discount.times_used + 1)
        )
    details = {
        "total": order.total_minor,
        "currency": order.currency,
        "tickets": len(q.items),
        "discounts": list(q.priced.applied_discounts),
        "overrides": [
            {
                "list": line.list_price.minor,
                "price": line.price.minor,
                "reason": item.item.override_reason,
            }
            for item, line in zip(q.items, q.priced.lines, strict=True)
            if line.needs_override
        ],
        "reserved_until": reserve_until.isoformat() if reserve_until else None,
    }
    if audit_step or reserve_until is not None:
        action = "order.reserve" if reserve_until else "order.place"
        audit.record(session, actor, action, f"order:{order.number}", details, at=now)
    if reserve_until is not None:
        outbox.enqueue(session, "reservation", _order_body(session, order), key=order.uuid, now=now)
    return order, details


def _take_places(session: Session, actor: Actor, cart: Cart, places: Places, now: datetime) -> bool:
    """Make sure every place is the cart's (all or nothing); ``True`` if it held any.

    A cart that holds nothing (a sale straight from the seat map) is only
    checked: the ticket rows about to be written hold the seats, and the
    live-seat index settles any race, so writing and deleting hold rows in
    the same transaction would only cost time.
    """
    if places.only_seats_of_one_performance:
        # The usual sale (seats of one performance): one query checks both.
        ((performance_id, seat_ids),) = places.seats.items()
        if not holds.check_seats_free_unless_cart_holds(
            session, performance_id, seat_ids, cart.cart_id, now
        ):
            return False
    elif not holds.cart_has_holds(session, cart.cart_id, now):
        for performance_id, seat_ids in places.seats.items():
            holds.check_seats_free(session, performance_id, seat_ids, cart.cart_id, now)
        for (performance_id, area_id), quantity in places.standing.items():
            holds.check_ga_free(session, performance_id, area_id, quantity, cart.cart_id, now)
        return False
    cart_holds = holds.cart_holds(session, cart.cart_id, now)
    held_seats = {(h.performance_id, h.seat_id) for h in cart_holds if h.seat_id is not None}
    for performance_id, seat_ids in places.seats.items():
        missing = [s for s in seat_ids if (performance_id, s) not in held_seats]
        if missing:
            holds.hold_seats(session, actor, performance_id, missing, cart.cart_id, now=now)
    for (performance_id, area_id), quantity in places.standing.items():
        holds.hold_ga(session, actor, performance_id, area_id, quantity, cart.cart_id, now=now)
    return True


# -- paying -----------------------------------------------------------------------
def pay(
    session: Session,
    actor: Actor,
    order: Order,
    tender: Tender,
    signer: Signer,
    *,
    now: datetime | None = None,
    overrides: Sequence[Override] = (),
    shift_id: int | None = None,
) -> PaymentOutcome:
    """Record one tender; completes the order when the tenders cover its total.

    A cash tender says so (``PaymentOutcome.open_drawer``): the op that
    commits it opens the terminal's drawer afterwards; this service never does.
    """
    now = now or utc_now()
    outcome = _pay(session, actor, order, tender, now=now, overrides=overrides, shift_id=shift_id)
    if isinstance(tender, Cash):
        outcome = replace(outcome, open_drawer=True)
    if outcome.completed:
        complete(session, actor, order, signer, now=now, shift_id=outcome.payment.shift_id)
    return outcome


def _pay(
    session: Session,
    actor: Actor,
    order: Order,
    tender: Tender,
    *,
    now: datetime,
    overrides: Sequence[Override],
    shift_id: int | None,
    audit_step: bool = True,
) -> PaymentOutcome:
    """Record one tender (``completed`` says whether the order is now covered; not issued yet)."""
    if order.status not in (OrderStatus.PENDING, OrderStatus.RESERVED):
        raise ValidationError("order_not_payable", order=order.number, status=order.status.value)
    if (
        order.status == OrderStatus.RESERVED
        and order.reserved_until
        and order.reserved_until <= now
    ):
        raise ValidationError("reservation_lapsed", order=order.number)
    require(session, actor, Permission.SELL, now=now)
    for performance_id in {t.performance_id for t in order.tickets}:
        # A reservation may be paid days later: the show must still be on sale.
        holds.sellable(session, performance_id, now)
    due = remaining(session, order)
    if due.minor <= 0:
        raise ValidationError("order_already_covered", order=order.number)
    base = dict(
        tendered_minor=0,
        change_minor=0,
        rounding_minor=0,
        currency=order.currency,
        status=PaymentStatus.CAPTURED,
        terminal=actor.terminal,
        user_id=actor.user_id,
        shift_id=open_shift(session, actor, shift_id),
        created_at=now,
    )
    change = Money.zero(order.currency)
    if isinstance(tender, Cash):
        payment, change = _cash(session, actor, order, tender, due, base, now)
    elif isinstance(tender, Card):
        payment = _card(tender, due, base)
    elif isinstance(tender, GiftCardTender):
        payment = _gift_card(session, order, tender, due, base, now)
    elif isinstance(tender, Comp):
        if not tender.reason.strip():
            raise ValidationError("comp_needs_reason")
        _use_overrides(
            session,
            actor,
            [Permission.SELL_COMPLIMENTARY.value],
            overrides,
            f"order:{order.number}",
            now,
        )
        payment = Payment(kind=TenderKind.COMP, amount_minor=due.minor, **base)
    else:
        raise TypeError(f"unknown tender {tender!r}")  # a programming error, not a refusal
    order.payments.append(payment)
    if isinstance(tender, Cash):
        session.add(
            CashMovement(
                terminal=actor.terminal,
                user_id=actor.user_id,
                kind=CashKind.SALE,
                shift_id=payment.shift_id,
                amount_minor=payment.amount_minor,
                currency=order.currency,
                order=order,
                payment=payment,
                created_at=now,
            )
        )
    record = TenderRecord(
        payment.kind.value, payment.amount_minor, change.minor, payment.rounding_minor or 0
    )
    if audit_step:
        audit.record(
            session,
            actor,
            "payment",
            f"order:{order.number}",
            {
                "kind": payment.kind.value,
                "amount": payment.amount_minor,
                "change": change.minor,
                "rounding": payment.rounding_minor,
                "reason": tender.reason if isinstance(tender, Comp) else None,
            },
            at=now,
        )
    left = remaining(session, order)
    return PaymentOutcome(payment, change, left, left.minor <= 0, record)


def complete_free(
    session: Session, actor: Actor, order: Order, signer: Signer, *, now: datetime | None = None
) -> None:
    """Issue the tickets of an order that costs nothing (comps placed or reserved earlier)."""
    now = now or utc_now()
    require(session, actor, Permission.SELL, now=now)
    if order.status not in (OrderStatus.PENDING, OrderStatus.RESERVED):
        raise ValidationError(
            "order_nothing_to_issue", order=order.number, status=order.status.value
        )
    if order.total_minor != 0:
        raise ValidationError(
            "order_not_free", order=order.number, amount=remaining(session, order)
        )
    shift_id = open_shift(session, actor)
    for performance_id in {t.performance_id for t in order.tickets}:
        holds.sellable(session, performance_id, now)
    complete(session, actor, order, signer, now=now, shift_id=shift_id)


def _cash(
    session: Session,
    actor: Actor,
    order: Order,
    tender: Cash,
    due: Money,
    base: dict[str, object],
    now: datetime,
) -> tuple[Payment, Money]:
    if tender.tendered.currency != order.currency:
        raise ValidationError("order_paid_in", currency=order.currency)
    if tender.tendered.minor <= 0:
        raise ValidationError("cash_tendered_missing")
    cash_due = round_cash(due, cash_rounding(session, order.currency))
    if tender.tendered >= cash_due:
        applied, rounding = cash_due, due.minor - cash_due.minor
    else:
        applied, rounding = tender.tendered, 0
    change = tender.tendered - applied
    fields = {
        **base,
        "tendered_minor": tender.tendered.minor,
        "change_minor": change.minor,
        "rounding_minor": rounding,
    }
    return Payment(kind=TenderKind.CASH, amount_minor=applied.minor, **fields), change


def _card(tender: Card, due: Money, base: dict[str, object]) -> Payment:
    r = tender.result
    if not r.approved:
        raise ValidationError("card_declined", reason=r.message or "declined")
    if r.amount.currency != due.currency:
        raise ValidationError("order_paid_in", currency=due.currency)
    if r.amount.minor <= 0 or r.amount > due:
        raise ValidationError("card_amount_over_due", amount=r.amount, due=due)
    return Payment(
        kind=TenderKind.CARD,
        amount_minor=r.amount.minor,
        card_scheme=r.scheme,
        card_last4=r.last4,
        auth_code=r.auth_code,
        terminal_ref=r.terminal_ref,
        **base,
    )


def _gift_card(
    session: Session,
    order: Order,
    tender: GiftCardTender,
    due: Money,
    base: dict[str, object],
    now: datetime,
) -> Payment:
    taken = gift_cards.charge(
        session, tender.code, tender.amount, currency=order.currency, now=now, due=due, order=order
    )
    return Payment(
        kind=TenderKind.GIFT_CARD,
        amount_minor=taken.amount.minor,
        gift_card_id=taken.gift_card_id,
        **base,
    )


def complete(
    session: Session,
    actor: Actor,
    order: Order,
    signer: Signer,
    *,
    now: datetime,
    shift_id: int | None = None,
    placed: dict[str, object] | None = None,
    tenders: Sequence[TenderRecord] | None = None,
    offline: bool = False,
) -> None:
    """Issue the tickets and book the sale: one transaction with the last tender.

    A one-step sale hands in what its skipped steps would have audited
    (``placed``: discounts and overrides, ``tenders``) so it writes one
    entry; ``offline`` marks the server operation as sold offline (the server
    then flags a seat sold outside a still-valid allocation, e.g. reclaimed
    while the terminal was away, instead of accepting it silently).
    """
    live = [t for t in order.tickets if t.status in (TicketStatus.PENDING, TicketStatus.RESERVED)]
    if order.shift_id is None:
        # A reservation is placed without a shift; the one that takes its money sold it.
        order.shift_id = open_shift(session, actor, shift_id)
    tickets.issue(session, live, signer, now)
    order.status = OrderStatus.PAID
    order.paid_at = now
    details: dict[str, object] = {
        "total": order.total_minor,
        "currency": order.currency,
        "tickets": [t.serial for t in live],
    }
    # A one-step sale writes one entry, carrying what the skipped steps would have.
    if placed is not None:
        details.update(discounts=placed["discounts"], overrides=placed["overrides"])
    if tenders is not None:
        details["tenders"] = [t.as_audit() for t in tenders]
    audit.record(session, actor, "sale", f"order:{order.number}", details, at=now)
    body = _order_body(session, order)
    if offline:
        body["offline"] = True
    outbox.enqueue(session, "sale", body, key=f"{order.uuid}:sale", now=now)


def _order_body(session: Session, order: Order) -> dict[str, object]:
    """What the server needs to replay this order."""
    return {
        "uuid": order.uuid,
        "number": order.number,
        "terminal": order.terminal,
        "user": order.username,
        "shift": order.shift_id,  # the server books a sale for a closed shift visibly
        "status": order.status.value,
        "currency": order.currency,
        "total": order.total_minor,
        "tax": order.tax_minor,
        "reserved_until": order.reserved_until.isoformat() if order.reserved_until else None,
        "tickets": [
            {
                "id": t.id,
                "serial": t.serial,
                "performance": t.performance_id,
                "seat": t.seat_id,
                "ga_area": t.ga_area_id,
                "price": t.price_minor,
                "price_type": t.price_type_id,
                "status": t.status.value,
            }
            for t in order.tickets
        ],
        # Payments are named by their place in the order (``n``): a one-step sale
        # builds this body before the rows are written and have ids.
        "payments": [
            {
                "n": n,
                "kind": p.kind.value,
                "amount": p.amount_minor,
                "rounding": p.rounding_minor,
                "scheme": p.card_scheme,
                "last4": p.card_last4,
                "auth": p.auth_code,
            }
            for n, p in enumerate(order.payments)
            if p.status == PaymentStatus.CAPTURED
        ],
    }


# -- the usual case ---------------------------------------------------------------
@dataclass(frozen=True)
class Sale:
    order: Order
    change: Money


def sell(
    session: Session,
    actor: Actor,
    cart: Cart,
    tenders: Sequence[Tender],
    signer: Signer,
    *,
    now: datetime | None = None,
    overrides: Sequence[Override] = (),
    customer: CustomerDetails | None = None,
    offline: bool = False,
    shift_id: int | None = None,
) -> Sale:
    """Place, pay and complete in one transaction; refuses tenders that do not cover it.

    ``offline=True``: sold from this terminal's allocation, and marked so for
    the server. ``shift_id``: the shift it is booked on (the sell op passes
    it; default the actor's open shift). Opening the drawer is the caller's.
    """
    now = now or utc_now()
    # Everything is built in memory and written in one flush at the end: one
    # INSERT per row, no insert-then-update of orders and tickets.
    with session.no_autoflush:
        order, placed = _place(
            session,
            actor,
            cart,
            now=now,
            overrides=overrides,
            reserve_until=None,
            customer=customer,
            note="",
            audit_step=False,
            offline=offline,
            shift_id=shift_id,
        )
        shift_id = order.shift_id
        change = Money.zero(order.currency)
        records: list[TenderRecord] = []
        covered = order.total_minor == 0
        for tender in tenders:
            if covered:
                raise ValidationError("tenders_more_than_needed")
            outcome = _pay(
                session,
                actor,
                order,
                tender,
                now=now,
                overrides=overrides,
                shift_id=shift_id,
                audit_step=False,
            )
            assert outcome.record is not None
            records.append(outcome.record)
            change = change + outcome.change
            covered = outcome.completed
        if not covered:
            raise ValidationError("tenders_short", amount=remaining(session, order))
        complete(
            session,
            actor,
            order,
            signer,
            now=now,
            shift_id=shift_id,
            placed=placed,
            tenders=records if tenders else None,
            offline=offline,
        )
    flush_sale(session)
    return Sale(order, change)
