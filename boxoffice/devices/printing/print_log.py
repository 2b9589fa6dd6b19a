"""The print log: every print and reprint, who asked, where, and what became of it.

Written by the print queue's worker after each job (one row a ticket, a
receipt or a Z/X slip), so a supervisor can answer "was this ticket (or this
Z report) printed twice?" from the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.actor import Actor
from boxoffice.errors import ValidationError
from boxoffice.store.models import PrintLogEntry, PrintOutcome

#: ``order_number`` holds the order's number for tickets and receipts, and the
#: slip's reference ("Z12 5405b357669f7130": Z number, SHA-256 prefix) for Z slips.
KINDS = ("ticket", "receipt", "z_slip", "x_slip", "test")


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
