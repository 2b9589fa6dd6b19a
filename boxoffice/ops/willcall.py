"""Will-call ops: find an order bought elsewhere, hand out its tickets, redeem a code by hand.

- ``find_orders``: by order number, name, phone, email or the card's last
  digits (a query: plain ``OrderMatch`` lines).
- ``collect``: the order's tickets marked collected in one transaction (a
  ticket handed out before is a reprint: a reason, and the reprint
  permission or a supervisor's override), then queued on this terminal's
  ticket printer.
- ``redeem_voucher`` / ``redeem_gift_card``: a voucher or gift card keyed in
  when its barcode will not scan: a reason, the customer's daily limit, the
  audit log and the outbox, in one transaction.

Each returns plain data and publishes what it changed (the order, its
tickets, print jobs, the sync state).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from boxoffice.actor import Actor
from boxoffice.bus import ChangeSet
from boxoffice.context import TerminalContext
from boxoffice.devices.base import DeviceKind
from boxoffice.devices.printing.after_sale import order_tickets
from boxoffice.devices.printing.print_queue import PrintJob
from boxoffice.errors import BoxOfficeError
from boxoffice.money import Money
from boxoffice.ops import OpResult
from boxoffice.sales.signer import Signer, open_signer
from boxoffice.store.models import Order
from boxoffice.willcall import collect as collecting
from boxoffice.willcall import lookup, redeem
from boxoffice.willcall.lookup import OrderMatch

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HandedOut:
    """One ticket handed out at will-call."""

    ticket_id: int
    serial: str
    reprint: bool


@dataclass(frozen=True)
class Collected:
    """An order's tickets handed out: which, and the print jobs queued for them."""

    order_id: int
    order_uuid: str
    number: str
    tickets: tuple[HandedOut, ...]
    print_jobs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Redeemed:
    """A manual redemption as recorded."""

    redemption_id: int
    kind: str  # voucher | gift_card
    code: str
    customer_id: int
    order_id: int | None
    amount: Money | None
    reason: str
    redeemed_at: datetime


def _signer(ctx: TerminalContext) -> Signer:
    """The terminal's ticket signer, opened once per context."""
    signer = ctx.cache.get("signer")
    if signer is None:
        signer = ctx.cache["signer"] = open_signer(ctx.store.path)
    return signer


def find_orders(
    ctx: TerminalContext, actor: Actor, text: str = "", *, card_last_digits: str = ""
) -> OpResult[list[OrderMatch]]:
    """Orders matching what the customer can tell, newest first (offline, local store)."""
    with ctx.store.read() as session:
        return OpResult(lookup.find_orders(session, actor, text, card_last_digits=card_last_digits))


def collect(
    ctx: TerminalContext,
    actor: Actor,
    order_ref: int | str,
    *,
    ticket_ids: Sequence[int] | None = None,
    reprint_reason: str = "",
    overrides: Sequence[Any] = (),
    print_tickets: bool = True,
) -> OpResult[Collected]:
    """Hand out the order's valid tickets (or ``ticket_ids``), then queue them for printing."""
    signer = _signer(ctx)
    now = ctx.now()
    with ctx.store.write() as session:
        done = collecting.collect(
            session,
            actor,
            order_ref,
            signer,
            ticket_ids=ticket_ids,
            reprint_reason=reprint_reason,
            overrides=overrides,
            now=now,
        )
        order = done.order
        handed = tuple(HandedOut(i.ticket_id, i.serial, i.reprint) for i in done.to_print)
        value = Collected(order.id, order.uuid, order.number, handed)
    jobs = _queue_printing(ctx, actor, value) if print_tickets else ()
    value = Collected(value.order_id, value.order_uuid, value.number, handed, jobs)
    changes = ChangeSet.of(
        orders=[value.order_uuid],
        tickets=[t.serial for t in handed if t.serial],
        print_jobs=jobs,
        sync=True,
    )
    ctx.publish(changes)
    return OpResult(value, changes)


def _queue_printing(ctx: TerminalContext, actor: Actor, done: Collected) -> tuple[str, ...]:
    """Queue the handed-out tickets on this terminal's ticket printer; returns the job ids."""
    if ctx.devices is None or ctx.devices.name_for(DeviceKind.TICKET_PRINTER) is None:
        return ()
    queue = getattr(ctx.devices.for_kind(DeviceKind.TICKET_PRINTER), "print_queue", None)
    if queue is None:
        return ()
    jobs: list[str] = []
    try:
        for reprint in (False, True):
            ids = [t.ticket_id for t in done.tickets if t.reprint is reprint]
            if not ids:
                continue
            with ctx.store.read() as session:
                tickets = order_tickets(session, done.order_id, ids)
            jobs.append(queue.submit(PrintJob("ticket", actor, tickets, reprint=reprint)))
    except BoxOfficeError:  # collected is collected; the clerk reprints from the order
        log.exception("printing will-call tickets of %s failed", done.number)
    return tuple(jobs)


def _redeemed(row: Any) -> Redeemed:
    amount = Money(row.amount_minor, row.currency) if row.kind == "gift_card" else None
    return Redeemed(
        row.id,
        row.kind,
        row.code,
        row.customer_id,
        row.order_id,
        amount,
        row.reason,
        row.redeemed_at,
    )


def _redemption_changes(session: Any, order_id: int | None) -> ChangeSet:
    order = session.get(Order, order_id) if order_id is not None else None
    return ChangeSet.of(orders=[order.uuid] if order is not None else [], sync=True)


def redeem_voucher(
    ctx: TerminalContext,
    actor: Actor,
    code: str,
    *,
    reason: str,
    customer_id: int | None = None,
    order_ref: int | str | None = None,
) -> OpResult[Redeemed]:
    """Use one use of a voucher by typing its code (needs a reason; daily limit per customer)."""
    with ctx.store.write() as session:
        row = redeem.redeem_voucher(
            session,
            actor,
            code,
            reason=reason,
            customer_id=customer_id,
            order_ref=order_ref,
            now=ctx.now(),
        )
        value = _redeemed(row)
        changes = _redemption_changes(session, value.order_id)
    ctx.publish(changes)
    return OpResult(value, changes)


def redeem_gift_card(
    ctx: TerminalContext,
    actor: Actor,
    code: str,
    amount: Money,
    *,
    reason: str,
    customer_id: int | None = None,
    order_ref: int | str | None = None,
) -> OpResult[Redeemed]:
    """Take ``amount`` off a gift card by typing its code (reason, daily limit per customer)."""
    with ctx.store.write() as session:
        row = redeem.redeem_gift_card(
            session,
            actor,
            code,
            amount,
            reason=reason,
            customer_id=customer_id,
            order_ref=order_ref,
            now=ctx.now(),
        )
        value = _redeemed(row)
        changes = _redemption_changes(session, value.order_id)
    ctx.publish(changes)
    return OpResult(value, changes)


__all__ = [
    "Collected",
    "HandedOut",
    "OrderMatch",
    "Redeemed",
    "collect",
    "find_orders",
    "redeem_gift_card",
    "redeem_voucher",
]
