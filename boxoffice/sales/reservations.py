"""Unpaid reservations (phone and group bookings) with a payment deadline.

A reservation's tickets hold their seats until the deadline. Paying it at any
window completes it (``checkout.pay``); one left unpaid is released by
``expire_due`` — run by the app's timer and at start-up — and audited.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.actor import Actor
from boxoffice.clock import utc_now
from boxoffice.sales.cancellation import cancel_order
from boxoffice.store.models import Order, OrderStatus, Payment, PaymentStatus


def due_within(session: Session, within: timedelta, now: datetime | None = None) -> list[Order]:
    """Reservations whose deadline falls in the next ``within`` (the reminder list)."""
    now = now or utc_now()
    return list(
        session.scalars(
            select(Order)
            .where(Order.status == OrderStatus.RESERVED, Order.reserved_until <= now + within)
            .order_by(Order.reserved_until)
        )
    )


def expire_due(session: Session, actor: Actor, now: datetime | None = None) -> list[Order]:
    """Release every reservation past its deadline that has taken no money.

    One with a deposit is left for a person to settle (it shows in the
    reminder list), since giving money back needs the customer.
    """
    now = now or utc_now()
    expired = []
    for order in session.scalars(
        select(Order).where(Order.status == OrderStatus.RESERVED, Order.reserved_until <= now)
    ).all():
        deposit = session.scalar(
            select(Payment.id)
            .where(Payment.order_id == order.id, Payment.status == PaymentStatus.CAPTURED)
            .limit(1)
        )
        if deposit is not None:
            continue
        cancel_order(
            session,
            actor,
            order,
            reason="payment deadline passed",
            now=now,
            status=OrderStatus.EXPIRED,
        )
        expired.append(order)
    return expired
