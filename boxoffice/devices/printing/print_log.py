"""The print log: every print and reprint, who asked, where, and what became of it.

The print queue's worker never touches the store: after each job it reports
a ``PrintRecord`` (what was printed, where, with what outcome) to the
recorder it was given. Whoever owns the store work writes it with
``apply()`` in its own transaction (``boxoffice.ops.devices.record_print``):
one row a ticket, a receipt or a Z/X slip, the tickets' print count and the
ticket stock, so a supervisor can answer "was this ticket (or this Z report)
printed twice?" from the store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.actor import Actor
from boxoffice.devices.printing import ticket_stock
from boxoffice.errors import ValidationError
from boxoffice.store.models import PrintLogEntry, PrintOutcome

if TYPE_CHECKING:
    from boxoffice.store import Store

#: ``order_number`` holds the order's number for tickets and receipts, and the
#: slip's reference ("Z12 5405b357669f7130": Z number, SHA-256 prefix) for Z slips.
KINDS = ("ticket", "receipt", "z_slip", "x_slip", "test")


@dataclass(frozen=True)
class PrintedTicket:
    """One ticket of a job, as the log names it."""

    ticket_id: int
    serial: str
    order_number: str


@dataclass(frozen=True)
class PrintRecord:
    """What became of (part of) one print job: reported by the queue, written by ``apply``."""

    at: datetime
    job_id: str
    kind: str
    actor: Actor
    printer: str
    #: ``escpos``, ``fgl`` or ``pdf``: PDF "prints" use no ticket stock.
    protocol: str
    outcome: PrintOutcome
    detail: str = ""
    attempts: int = 1
    reprint: bool = False
    #: The tickets this outcome is for (empty for receipts, slips and test pages).
    tickets: tuple[PrintedTicket, ...] = ()
    #: Receipts and slips: the order number or the slip's reference.
    order_number: str = ""
    #: A jam spoiled one ticket of stock.
    spoiled: bool = False


#: Where a print queue reports its records.
Recorder = Callable[[PrintRecord], None]


def apply(session: Session, rec: PrintRecord) -> None:
    """Write ``rec`` in the caller's transaction: log rows, print count, ticket stock."""
    from boxoffice.sales import tickets as ticket_service  # the sale machinery, only when needed

    if rec.kind not in ("ticket", "raw"):
        record(
            session, at=rec.at, job_id=rec.job_id, kind=rec.kind, actor=rec.actor,
            printer=rec.printer, outcome=rec.outcome, order_number=rec.order_number,
            reprint=rec.reprint, attempts=rec.attempts, detail=rec.detail,
        )  # fmt: skip
        return
    for t in rec.tickets:
        record(
            session, at=rec.at, job_id=rec.job_id, kind=rec.kind, actor=rec.actor,
            printer=rec.printer, outcome=rec.outcome, ticket_id=t.ticket_id,
            ticket_serial=t.serial, order_number=t.order_number, reprint=rec.reprint,
            attempts=rec.attempts, detail=rec.detail,
        )  # fmt: skip
    used = rec.tickets if rec.outcome in (PrintOutcome.PRINTED, PrintOutcome.UNCONFIRMED) else ()
    if rec.outcome == PrintOutcome.PRINTED and rec.kind == "ticket":
        ticket_service.mark_printed(session, [t.ticket_id for t in used], rec.at)
    if used and rec.protocol != "pdf":
        ticket_stock.printed(session, rec.actor, rec.printer, len(used), now=rec.at)
    if rec.spoiled and rec.protocol != "pdf":
        ticket_stock.spoil(session, rec.actor, rec.printer, 1, rec.detail or "jam", now=rec.at)


def writer(store: Store) -> Recorder:
    """A recorder that writes each record in its own transaction on ``store``, at once.

    For the admin CLI and tests, which own their store; a terminal passes
    ``boxoffice.ops.devices.print_recorder(ctx)`` instead, which also tells
    the views what changed.
    """

    def write(rec: PrintRecord) -> None:
        with store.write() as session:
            apply(session, rec)

    return write


def record(
    session: Session,
    *,
    at: datetime,
    job_id: str,
    kind: str,
    actor: Actor,
    printer: str,
    outcome: PrintOutcome,
    ticket_id: int | None = None,
    ticket_serial: str | None = None,
    order_number: str = "",
    reprint: bool = False,
    attempts: int = 1,
    detail: str = "",
) -> PrintLogEntry:
    if kind not in KINDS:
        raise ValidationError("print_job_kind_unknown", kind=kind)
    entry = PrintLogEntry(
        at=at,
        job_id=job_id,
        kind=kind,
        user_id=actor.user_id,
        username=actor.username,
        terminal=actor.terminal,
        printer=printer,
        ticket_id=ticket_id,
        ticket_serial=ticket_serial,
        order_number=order_number,
        reprint=reprint,
        outcome=PrintOutcome(outcome),
        attempts=attempts,
        detail=detail[:200],
    )
    session.add(entry)
    return entry


def history(
    session: Session,
    *,
    ticket_serial: str | None = None,
    printer: str | None = None,
    kind: str | None = None,
    order_number: str | None = None,
) -> Sequence[PrintLogEntry]:
    """Log rows, oldest first, for one ticket, printer, kind and/or order (or slip reference)."""
    q = select(PrintLogEntry).order_by(PrintLogEntry.id)
    if kind is not None:
        q = q.where(PrintLogEntry.kind == kind)
    if order_number is not None:
        q = q.where(PrintLogEntry.order_number == order_number)
    if ticket_serial is not None:
        q = q.where(PrintLogEntry.ticket_serial == ticket_serial)
    if printer is not None:
        q = q.where(PrintLogEntry.printer == printer)
    return session.scalars(q).all()
