"""Exchanges: valid tickets traded for other seats or another performance.

The old tickets' value becomes a credit: it leaves the old order as an
``exchange`` payment and pays the new order as one. A higher new total is
collected with the tenders given; a lower one is refunded (in cash by
default, since an exchange happens at the window with the customer there).
Old tickets are marked exchanged and revoked, and their seats are freed
before the new ones are taken, so a customer may keep a seat and change
only the price type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.sales import checkout, tender_reversal, tickets
from boxoffice.sales.cart import Cart, CustomerDetails
from boxoffice.sales.signer import Signer
from boxoffice.store import outbox
from boxoffice.store.models import (
    Order,
    OrderStatus,
    Override,
    Payment,
    PaymentStatus,
    Performance,
    TenderKind,
    TicketStatus,
)


def _customer_of(order: Order) -> CustomerDetails | None:
    """The new order keeps the customer of the old one (for will-call and refunds)."""
    c = order.customer
    return CustomerDetails(c.name, c.phone, c.email) if c is not None else None


@dataclass(frozen=True)
class ExchangeResult:
    new_order: Order
    credit: Money
    collected: Money
    refunded: Money
    #: Cash was taken: the caller opens the terminal's drawer once this is committed.
    open_drawer: bool = False


def exchange(
    session: Session,
    actor: Actor,
    order: Order,
    ticket_ids: Sequence[int],
    new_cart: Cart,
    signer: Signer,
    *,
    tenders: Sequence[checkout.Tender] = (),
    reason: str = "exchange",
    now: datetime | None = None,
    overrides: Sequence[Override] = (),
) -> ExchangeResult:
    now = now or utc_now()
    require(
        session,
        actor,
        Permission.EXCHANGE,
        subject=f"order:{order.number}",
        overrides=overrides,
        now=now,
    )
    if order.status != OrderStatus.PAID:
        raise ValidationError(
            "exchange_order_not_paid", order=order.number, status=order.status.value
        )
    valid = {t.id: t for t in order.tickets if t.status == TicketStatus.VALID}
    missing = [i for i in ticket_ids if i not in valid]
    if missing or not ticket_ids:
        raise ValidationError("exchange_choose_tickets", order=order.number)
    old = [valid[i] for i in dict.fromkeys(ticket_ids)]
    for t in old:
        performance = session.get(Performance, t.performance_id)
        if performance is not None and performance.starts_at <= now:
            raise ValidationError("exchange_performance_started", ticket=t.serial)
    currency = order.currency
    credit = Money(sum(t.price_minor for t in old), currency)

    # Free the old seats first, so the new cart may reuse them.
    for t in old:
        t.status = TicketStatus.EXCHANGED
        t.closed_at = now
        tickets.revoke(session, t, "exchanged", now)
    session.flush()
    new_order = checkout.place_order(
        session,
        actor,
        new_cart,
        now=now,
        overrides=overrides,
        customer=new_cart.customer or _customer_of(order),
        note=f"exchange of {order.number}",
    )
    if new_order.currency != currency:
        raise ValidationError("exchange_currency_changed")
    for t, n in zip(old, new_order.tickets, strict=False):
        t.replaced_by_id = n.id
    used = Money(min(credit.minor, new_order.total_minor), currency)
    base = dict(
        status=PaymentStatus.CAPTURED,
        currency=currency,
        terminal=actor.terminal,
        user_id=actor.user_id,
        shift_id=new_order.shift_id,
        created_at=now,
        rounding_minor=0,
    )
    # The credit leaves the old tenders in proportion (as a refund would). A
    # complimentary share stays complimentary on the new order: it was never
    # money, so a later refund of the new order must not pay it out as cash.
    carried = {TenderKind.EXCHANGE: 0, TenderKind.COMP: 0}
    for part in tender_reversal.allocate_refund(session, order, used):
        kind = TenderKind.COMP if part.kind == TenderKind.COMP else TenderKind.EXCHANGE
        carried[kind] += part.amount.minor
        order.payments.append(
            Payment(
                amount_minor=-part.amount.minor, refund_of_id=part.payment_id, kind=kind, **base
            )
        )
    session.flush()
    refunded = credit - used
    if refunded.minor:
        # Money leaving the drawer is a refund, whatever it is called.
        require(
            session,
            actor,
            Permission.REFUND,
            subject=f"order:{order.number}",
            overrides=overrides,
            now=now,
        )
        if tenders:
            raise ValidationError("exchange_nothing_due")
        allocations = tender_reversal.allocate_refund(session, order, refunded, to_cash=True)
        tender_reversal.give_back(
            session,
            actor,
            order,
            allocations,
            card_results={},
            reason=f"exchange difference, {reason}",
            now=now,
        )
    collected = Money.zero(currency)
    open_drawer = False
    for kind, amount in carried.items():
        if amount:
            new_order.payments.append(Payment(amount_minor=amount, kind=kind, **base))
    session.flush()
    if checkout.remaining(session, new_order).minor <= 0:
        if tenders:  # a card charged for nothing would be booked nowhere
            raise ValidationError("exchange_credit_covers")
        checkout.complete(session, actor, new_order, signer, now=now)
    else:
        for n, tender in enumerate(tenders):
            outcome = checkout.pay(
                session, actor, new_order, tender, signer, now=now, overrides=overrides
            )
            collected = collected + outcome.payment_amount
            open_drawer = open_drawer or outcome.open_drawer
            if outcome.completed:
                if n != len(tenders) - 1:
                    raise ValidationError("exchange_too_many_tenders")
                break
        if new_order.status != OrderStatus.PAID:
            due = checkout.remaining(session, new_order)
            raise ValidationError("exchange_amount_due", amount=due)
    session.flush()
    details = {
        "old": [t.serial for t in old],
        "new_order": new_order.number,
        "credit": credit.minor,
        "collected": collected.minor,
        "refunded": refunded.minor,
        "reason": reason,
    }
    audit.record(session, actor, "exchange", f"order:{order.number}", details, at=now)
    outbox.enqueue(
        session,
        "exchange",
        {
            "order": order.uuid,
            "new_order": new_order.uuid,
            "old_ticket_ids": [t.id for t in old],
            **details,
        },
        now=now,
    )
    return ExchangeResult(new_order, credit, collected, refunded, open_drawer)
