"""Handing out an order's tickets at will-call: what to print, and the order marked collected.

The first hand-out prints the tickets as issued. A ticket that was already
collected or printed is a second copy: that is a reprint (``sales.reprints``,
its permission or a supervisor's override, a reason, and the old barcode
revoked), never a silent duplicate.
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
from boxoffice.sales import reprints
from boxoffice.sales.checkout import get_order
from boxoffice.sales.signer import Signer
from boxoffice.store import outbox
from boxoffice.store.models import Order, OrderStatus, Override, Ticket, TicketStatus


@dataclass(frozen=True)
class PrintItem:
    """One ticket for the print queue (the printer code renders it)."""

    ticket_id: int
    serial: str
    barcode: str
    reissue: int
    reprint: bool


@dataclass(frozen=True)
class Collection:
    order: Order
    to_print: list[PrintItem]


def collect(
    session: Session,
    actor: Actor,
    order_ref: int | str,
    signer: Signer,
    *,
    ticket_ids: Sequence[int] | None = None,
    reprint_reason: str = "",
    overrides: Sequence[Override] = (),
    now: datetime | None = None,
) -> Collection:
    """Mark the order's valid tickets collected and list them for printing."""
    now = now or utc_now()
    order = get_order(session, order_ref)
    subject = f"order:{order.number}"
    require(session, actor, Permission.WILL_CALL, subject=subject, now=now)
    if order.status in (OrderStatus.PENDING, OrderStatus.RESERVED):
        raise ValidationError("willcall_order_unpaid", order=order.number)
    if order.status != OrderStatus.PAID:
        raise ValidationError(
            "willcall_order_not_paid", order=order.number, status=order.status.value
        )
    chosen = _choose(order, ticket_ids)
    again = [t for t in chosen if t.collected_at is not None or t.print_count > 0]
    if again and not reprint_reason.strip():
        first = again[0]
        when = first.collected_at or first.printed_at
        if when is None:
            raise ValidationError("willcall_already_handed_out", ticket=first.serial)
        raise ValidationError(
            "willcall_already_handed_out_at", ticket=first.serial, at=f"{when:%Y-%m-%d %H:%M}"
        )
    items: list[PrintItem] = []
    for ticket in chosen:
        is_reprint = ticket in again
        if is_reprint:
            reprints.reprint(
                session,
                actor,
                ticket.id,
                signer,
                reason=f"will-call: {reprint_reason.strip()}",
                now=now,
                overrides=overrides,
            )
        ticket.collected_at = now
        items.append(
            PrintItem(
                ticket.id, ticket.serial or "", ticket.barcode or "", ticket.reissue, is_reprint
            )
        )
    session.flush()
    details = {
        "tickets": [i.serial for i in items],
        "reprinted": [i.serial for i in items if i.reprint],
        "reason": reprint_reason.strip(),
    }
    audit.record(session, actor, "will_call.collect", subject, details, at=now)
    outbox.enqueue(
        session,
        "will_call",
        {"order": order.uuid, "ticket_ids": [i.ticket_id for i in items], **details},
        now=now,
    )
    return Collection(order, items)


def _choose(order: Order, ticket_ids: Sequence[int] | None) -> list[Ticket]:
    valid = [t for t in order.tickets if t.status == TicketStatus.VALID]
    if ticket_ids is None:
        chosen = valid
    else:
        by_id = {t.id: t for t in order.tickets}
        unknown = [i for i in ticket_ids if i not in by_id]
        if unknown:
            raise ValidationError(
                "willcall_ticket_not_in_order", ticket=unknown[0], order=order.number
            )
        dead = [by_id[i] for i in ticket_ids if by_id[i].status != TicketStatus.VALID]
        if dead:
            raise ValidationError(
                "willcall_ticket_not_valid", ticket=dead[0].serial, status=dead[0].status.value
            )
        chosen = [by_id[i] for i in dict.fromkeys(ticket_ids)]
    if not chosen:
        raise ValidationError("willcall_nothing_to_hand_out", order=order.number)
    return chosen
