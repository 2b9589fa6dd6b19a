"""Voiding a sale: undoing it entirely, the same shift, at the same terminal.

A void is for mistakes caught at once (wrong performance, customer changed
their mind at the window). It needs the ``void`` permission, the tickets
must be unprinted or their stock handed back, and every tender is reversed
in full; the barcodes are revoked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import check, require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.sales import tender_reversal, tickets
from boxoffice.sales.payment_terminal import CardResult
from boxoffice.store import outbox
from boxoffice.store.models import (
    Order,
    OrderStatus,
    Override,
    Payment,
    Shift,
    ShiftStatus,
    TicketStatus,
)


def same_shift(session: Session, order: Order, now: datetime) -> bool:
    """Whether the drawer session that took the money is still open."""
    if order.paid_at is None or order.shift_id is None:
        return False
    shift = session.get(Shift, order.shift_id)
    return shift is not None and shift.status == ShiftStatus.OPEN


def check_voidable(
    session: Session,
    actor: Actor,
    order: Order,
    *,
    reason: str,
    stock_returned: bool = False,
    now: datetime,
    overrides: Sequence[Override] = (),
    use_override: bool = True,
) -> list[str | None]:
    """Refuse a void that cannot be done; returns the serials of printed tickets.

    With ``use_override=False`` the permission is checked without using the
    override up (``guard.check``): for asking before a card terminal gives
    any money back; ``void`` then consumes it in the booking transaction.
    """
    if not reason.strip():
        raise ValidationError("void_needs_reason")
    subject = f"order:{order.number}"
    (require if use_override else check)(
        session,
        actor,
        Permission.VOID,
        subject=subject,
        overrides=overrides,
        now=now,
    )
    if order.status != OrderStatus.PAID:
        raise ValidationError("void_order_not_paid", order=order.number, status=order.status.value)
    if any(t.status != TicketStatus.VALID for t in order.tickets):
        raise ValidationError("void_order_partly_refunded", order=order.number)
    if order.terminal != actor.terminal:
        raise ValidationError("void_other_terminal", order=order.number, terminal=order.terminal)
    if not same_shift(session, order, now):
        raise ValidationError("void_earlier_shift", order=order.number)
    printed = [t.serial for t in order.tickets if t.printed_at is not None]
    if printed and not stock_returned:
        raise ValidationError("void_tickets_printed", tickets=[s or "" for s in printed])
    return printed


def void(
    session: Session,
    actor: Actor,
    order: Order,
    *,
    reason: str,
    stock_returned: bool = False,
    card_results: Mapping[int, CardResult] | None = None,
    now: datetime | None = None,
    overrides: Sequence[Override] = (),
) -> list[Payment]:
    now = now or utc_now()
    subject = f"order:{order.number}"
    printed = check_voidable(
        session,
        actor,
        order,
        reason=reason,
        stock_returned=stock_returned,
        now=now,
        overrides=overrides,
    )
    allocations = tender_reversal.allocate_refund(
        session, order, Money(order.total_minor, order.currency)
    )
    booked = tender_reversal.give_back(
        session,
        actor,
        order,
        allocations,
        card_results=card_results or {},
        reason=reason,
        now=now,
        shift_id=order.shift_id,  # the money goes back from the drawer that took it
    )
    for t in order.tickets:
        t.status = TicketStatus.VOIDED
        t.closed_at = now
        tickets.revoke(session, t, "voided", now)
    order.status = OrderStatus.VOIDED
    order.closed_at = now
    session.flush()
    details = {
        "reason": reason,
        "total": order.total_minor,
        "stock_returned": printed,
        "tickets": [t.serial for t in order.tickets],
    }
    audit.record(session, actor, "void", subject, details, at=now)
    outbox.enqueue(session, "void", {"order": order.uuid, **details}, now=now)
    return booked
