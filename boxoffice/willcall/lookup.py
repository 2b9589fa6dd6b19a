"""Finding an order at the will-call window, offline, from what the customer can tell.

By order number, name, phone (or its last digits) or email (``sales.customers``),
or by the last digits of the card they paid with (only the last four are
ever stored, invariant 9).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.errors import ValidationError
from boxoffice.sales.customers import search_orders
from boxoffice.store.models import Order, Payment, TenderKind, TicketStatus

MAX_RESULTS = 50


@dataclass(frozen=True)
class OrderMatch:
    """One line of the will-call search result."""

    order_id: int
    number: str
    status: str
    customer: str
    phone: str
    email: str
    created_at: datetime
    tickets: int
    valid_tickets: int
    collected: int
    card_last4: str


def _summary(order: Order) -> OrderMatch:
    customer = order.customer
    valid = [t for t in order.tickets if t.status == TicketStatus.VALID]
    cards = sorted({p.card_last4 for p in order.payments if p.card_last4})
    return OrderMatch(
        order_id=order.id,
        number=order.number,
        status=order.status.value,
        customer=customer.name if customer else "",
        phone=customer.phone if customer else "",
        email=customer.email if customer else "",
        created_at=order.created_at,
        tickets=len(order.tickets),
        valid_tickets=len(valid),
        collected=sum(1 for t in valid if t.collected_at is not None),
        card_last4=",".join(cards),
    )


def find_orders(
    session: Session,
    actor: Actor,
    text: str = "",
    *,
    card_last_digits: str = "",
    limit: int = MAX_RESULTS,
) -> list[OrderMatch]:
    """Orders matching ``text`` and/or the card's last digits (2 to 4), newest first."""
    require(session, actor, Permission.WILL_CALL)
    text = text.strip()
    digits = card_last_digits.strip()
    if not text and not digits:
        raise ValidationError("willcall_search_empty")
    if digits and (not digits.isdigit() or not 2 <= len(digits) <= 4):
        raise ValidationError("willcall_card_digits")
    found: dict[int, Order] = {}
    if text:
        found.update((o.id, o) for o in search_orders(session, text, limit))
    if digits:
        by_card = set(
            session.scalars(
                select(Payment.order_id).where(
                    Payment.kind == TenderKind.CARD,
                    Payment.amount_minor > 0,
                    Payment.card_last4.endswith(digits, autoescape=True),
                )
            )
        )
        if text:
            found = {k: v for k, v in found.items() if k in by_card}
        else:
            orders = session.scalars(
                select(Order)
                .where(Order.id.in_(by_card))
                .order_by(Order.created_at.desc())
                .limit(limit)
            )
            found = {o.id: o for o in orders}
    ordered = sorted(found.values(), key=lambda o: o.created_at, reverse=True)[:limit]
    return [_summary(o) for o in ordered]
