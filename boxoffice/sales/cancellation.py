"""Cancelling an order that was never completed, giving every tender back.

A partly paid cart (say, a card approved, then the customer walks away) is
cancelled by reversing each tender: cash handed back out of the drawer, gift
card balances restored, card authorisations reversed on the terminal. Card
reversals are device I/O, so the op (``ops.aftersale.release_reservation``)
obtains them first and only then opens the store transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.sales.payment_terminal import CardResult
from boxoffice.shifts.drawer import open_shift_id
from boxoffice.store import outbox
from boxoffice.store.models import (
    CashKind,
    CashMovement,
    Discount,
    GiftCard,
    GiftCardMovement,
    Order,
    OrderStatus,
    Payment,
    PaymentStatus,
    TenderKind,
    TicketStatus,
)

OPEN_STATES = (OrderStatus.PENDING, OrderStatus.RESERVED)


def release_discounts(session: Session, order: Order) -> None:
    """An order that will never be paid gives back its uses of limited discounts."""
    labels = json.loads(order.discounts or "[]")
    if labels:
        session.execute(
            update(Discount)
            .where(
                (Discount.code.in_(labels)) | (Discount.name.in_(labels)), Discount.times_used > 0
            )
            .values(times_used=Discount.times_used - 1)
        )


def cancel_order(
    session: Session,
    actor: Actor,
    order: Order,
    *,
    reason: str,
    card_reversals: Mapping[int, CardResult] | None = None,
    now: datetime | None = None,
    status: OrderStatus = OrderStatus.CANCELLED,
) -> list[Payment]:
    """Cancel an unpaid or partly paid order; returns the reversed payments."""
    now = now or utc_now()
    if order.status not in OPEN_STATES:
        raise ValidationError(
            "cancel_order_not_open", order=order.number, status=order.status.value
        )
    if not reason.strip():
        raise ValidationError("cancel_needs_reason")
    require(session, actor, Permission.SELL, now=now)
    card_reversals = card_reversals or {}
    reversed_: list[Payment] = []
    for p in [p for p in order.payments if p.status == PaymentStatus.CAPTURED]:
        if p.kind == TenderKind.CARD:
            r = card_reversals.get(p.id)
            if r is None or not r.approved:
                raise ValidationError(
                    "cancel_card_not_reversed", amount=Money(p.amount_minor, p.currency)
                )
        elif p.kind == TenderKind.CASH:
            session.add(
                CashMovement(
                    terminal=actor.terminal,
                    user_id=actor.user_id,
                    kind=CashKind.REFUND,
                    shift_id=open_shift_id(session, actor),
                    amount_minor=-p.amount_minor,
                    currency=p.currency,
                    order_id=order.id,
                    payment_id=p.id,
                    reason="cancelled before completion",
                    created_at=now,
                )
            )
        elif p.kind == TenderKind.GIFT_CARD and p.gift_card_id is not None:
            session.execute(
                update(GiftCard)
                .where(GiftCard.id == p.gift_card_id)
                .values(balance_minor=GiftCard.balance_minor + p.amount_minor)
            )
            session.add(
                GiftCardMovement(
                    gift_card_id=p.gift_card_id,
                    amount_minor=p.amount_minor,
                    order_id=order.id,
                    created_at=now,
                )
            )
        p.status = PaymentStatus.REVERSED
        reversed_.append(p)
    was_reserved = order.status == OrderStatus.RESERVED
    for t in order.tickets:
        if t.status in (TicketStatus.PENDING, TicketStatus.RESERVED):
            t.status = TicketStatus.CANCELLED
            t.closed_at = now
    order.status = status
    order.closed_at = now
    release_discounts(session, order)
    session.flush()
    audit.record(
        session,
        actor,
        f"order.{status.value}",
        f"order:{order.number}",
        {"reason": reason, "reversed": [(p.kind.value, p.amount_minor) for p in reversed_]},
        at=now,
    )
    if was_reserved:
        outbox.enqueue(
            session,
            "reservation_cancel",
            {"uuid": order.uuid, "reason": reason, "status": status.value},
            key=f"{order.uuid}:cancel",
            now=now,
        )
    return reversed_


def orders_with_open_payments(session: Session) -> list[Order]:
    """Carts left half paid (e.g. the app closed mid-payment), for the clerk to settle."""
    return list(
        session.scalars(
            select(Order).where(Order.status == OrderStatus.PENDING).order_by(Order.created_at)
        )
    )
