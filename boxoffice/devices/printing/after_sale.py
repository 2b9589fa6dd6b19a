"""After a sale commits: queue its tickets and its receipt, and return at once.

This is what the sell screen calls once ``checkout.sell`` has committed
(design: printing happens after the commit, from a queue, and is logged).
Reading the order is one short query; rendering and sending happen in each
printer's worker thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from typing import Any

from sqlalchemy.orm import Session

from boxoffice.actor import Actor
from boxoffice.devices.printing import receipts, ticket_data
from boxoffice.devices.printing.print_queue import PrintJob, PrintQueue
from boxoffice.devices.printing.ticket_data import TicketData
from boxoffice.errors import ValidationError
from boxoffice.sales.checkout import get_order
from boxoffice.store import Store
from boxoffice.store.models import TicketStatus


def order_tickets(
    session: Session, order_ref: int | str, ticket_ids: Sequence[int] | None = None
) -> tuple[TicketData, ...]:
    """Snapshots of the order's valid tickets (or of ``ticket_ids`` among them)."""
    order = get_order(session, order_ref)
    wanted = set(ticket_ids) if ticket_ids is not None else None
    chosen = [
        t
        for t in order.tickets
        if t.status == TicketStatus.VALID and (wanted is None or t.id in wanted)
    ]
    if wanted is not None and len(chosen) != len(wanted):
        raise ValidationError("print_tickets_not_in_order", order=order.number)
    return tuple(ticket_data.load(session, t.id) for t in chosen)


def print_order(
    store: Store,
    actor: Actor,
    order_ref: int | str,
    *,
    tickets: PrintQueue | None,
    receipt: PrintQueue | None = None,
    reprint: bool = False,
) -> list[Future[Any]]:
    """Queue the order's tickets and (if a receipt printer is given) its receipt."""
    with store.read() as s:
        snaps = order_tickets(s, order_ref)
        slip = receipts.sale_receipt(s, order_ref) if receipt is not None else None
    futures: list[Future[Any]] = []
    if tickets is not None and snaps:
        job = PrintJob("ticket", actor, snaps, reprint=reprint)
        tickets.submit(job)
        futures.append(job.done)
    if receipt is not None and slip is not None:
        job = PrintJob("receipt", actor, receipt=slip)
        receipt.submit(job)
        futures.append(job.done)
    return futures
